#include "scoring/catalogue.hpp"

#include <algorithm>

namespace accord::scoring {

const ClauseArchetype* ClauseCatalogue::find(std::string_view ref) const {
  for (const auto& clause : clauses_)
    if (clause.ref == ref) return &clause;
  return nullptr;
}

std::string_view ClauseCatalogue::family_of(std::string_view ref) const {
  const ClauseArchetype* clause = find(ref);
  return clause ? std::string_view(clause->family) : std::string_view();
}

std::vector<const ClauseArchetype*> ClauseCatalogue::in_category(
    std::string_view category_id) const {
  std::vector<const ClauseArchetype*> out;
  for (const auto& clause : clauses_)
    if (clause.category == category_id) out.push_back(&clause);
  return out;
}

std::vector<const ClauseArchetype*> ClauseCatalogue::in_family(std::string_view family) const {
  std::vector<const ClauseArchetype*> out;
  for (const auto& clause : clauses_)
    if (clause.family == family) out.push_back(&clause);
  return out;
}

const Preset* ClauseCatalogue::preset(std::string_view id) const {
  const auto it =
      std::find_if(presets_.begin(), presets_.end(), [&](const Preset& p) { return p.id == id; });
  return it == presets_.end() ? nullptr : &*it;
}

}  // namespace accord::scoring
