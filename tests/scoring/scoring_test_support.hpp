// Helpers shared by the scoring tests: the shipped catalogue, loaded once, and draft builders.
#pragma once

#include <catch2/catch.hpp>
#include <fstream>
#include <initializer_list>
#include <sstream>
#include <string>

#include "scoring/asset_loader.hpp"
#include "scoring/score.hpp"

namespace accord::scoring::test {

inline const ClauseCatalogue& shipped() {
  static const CatalogueLoad load = load_catalogue(ACCORD_ASSET_DIR);
  if (!load.ok()) {
    for (const auto& e : load.errors)
      UNSCOPED_INFO(e.describe());
    FAIL("the shipped assets do not load");
  }
  return *load.catalogue;
}

inline Draft draft_of(std::initializer_list<const char*> refs, std::string preset = {}) {
  Draft d;
  d.preset = std::move(preset);
  for (const char* r : refs)
    d.clauses.push_back(DraftClause::of_ref(r));
  return d;
}

inline Scorecard score_ok(const Draft& draft) {
  ScoreOutcome outcome = score(shipped(), draft);
  for (const auto& e : outcome.errors)
    UNSCOPED_INFO(e.describe());
  REQUIRE(outcome);
  return std::move(*outcome.scorecard);
}

inline const CriterionResult& criterion(const Scorecard& card, Criterion c) {
  return card.criteria[index_of(c)];
}

inline bool fired(const Scorecard& card, const std::string& id) {
  for (const auto& r : card.interactions)
    if (r.id == id) return true;
  return false;
}

inline std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

inline std::string data_path(const std::string& name) {
  return std::string(ACCORD_SCORING_TEST_DATA) + "/" + name;
}

}  // namespace accord::scoring::test
