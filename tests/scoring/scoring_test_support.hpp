// Helpers shared by the scoring tests: the shipped catalogue, loaded once, and draft builders.
#pragma once

#include <catch2/catch.hpp>
#include <filesystem>
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

// The shipped asset files as the loader reads them, for tests that change one value.
inline std::vector<AssetFile> shipped_files() {
  std::vector<AssetFile> files;
  for (const char* sub : {"clauses", "scoring"})
    for (const auto& entry :
         std::filesystem::directory_iterator(std::filesystem::path(ACCORD_ASSET_DIR) / sub))
      files.push_back({std::string(sub) + "/" + entry.path().filename().string(),
                       read_text(entry.path().string())});
  return files;
}

// Replaces the first `from` in the named file; false when the file or the text is not there.
inline bool replace_in_file(std::vector<AssetFile>& files, const std::string& name,
                            const std::string& from, const std::string& to) {
  for (auto& f : files) {
    if (f.name != name) continue;
    const auto at = f.bytes.find(from);
    if (at == std::string::npos) return false;
    f.bytes.replace(at, from.size(), to);
    return true;
  }
  return false;
}

}  // namespace accord::scoring::test
