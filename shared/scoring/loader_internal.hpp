// Internal to the asset loader: per-file readers and the builder that owns the catalogue's
// private fields. Include from .cpp files only (pulls in nlohmann/json.hpp).
#pragma once

#include <string>
#include <vector>

#include "scoring/asset_loader.hpp"
#include "scoring/catalogue.hpp"
#include "scoring/json_walk.hpp"

namespace accord::scoring {

// Where an entry was defined, so checks across files can point back at it.
struct Origin {
  std::string file;
  std::string path;
};

struct ClauseFileData {
  std::string file;
  ClauseCategory category;
  std::vector<ClauseArchetype> clauses;
  std::vector<Origin> origins;       // parallel to clauses
  std::vector<bool> has_own_stance;  // parallel to clauses
};

void read_clause_file(const json& doc, const std::string& file, JsonWalk& walk,
                      ClauseFileData& out);
void read_criteria(const json& doc, JsonWalk& walk, std::vector<CriterionInfo>& out);
void read_presets(const json& doc, JsonWalk& walk, std::vector<Preset>& out,
                  std::string& default_id);
void read_interactions(const json& doc, JsonWalk& walk, std::vector<Interaction>& out);
void read_formula(const json& doc, JsonWalk& walk, Formula& out);
// Also reports the archetype references it names, with their paths, for the cross-check.
void read_lexicon(const json& doc, JsonWalk& walk, Lexicon& out,
                  std::vector<std::pair<std::string, std::string>>& archetype_refs);

class CatalogueBuilder {
 public:
  static CatalogueLoad build(std::vector<AssetFile> files);
};

}  // namespace accord::scoring
