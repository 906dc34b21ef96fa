// Orchestrates loading: parse every file, read each with a checked walk, then check the
// references between files, compute the content hash and hand out an immutable catalogue.
#include "scoring/asset_loader.hpp"

#include <xxhash.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>

#include "scoring/loader_internal.hpp"

namespace accord::scoring {

std::string AssetError::describe() const {
  return file + ": " + (path.empty() ? std::string("/") : path) + ": " + problem;
}

namespace {

constexpr const char* kRuleFiles[] = {"scoring/criteria.json", "scoring/presets.json",
                                      "scoring/interactions.json", "scoring/formula.json",
                                      "scoring/lexicon.json"};

bool is_clause_file(const std::string& name) {
  return name.starts_with("clauses/") && name.ends_with(".json") &&
         name.find('/', 8) == std::string::npos;
}

// Orders references as players read them: by archetype number, the archetype first.
bool ref_less(const ClauseArchetype& a, const ClauseArchetype& b) {
  const auto number = [](const std::string& family) {
    return family.size() > 6 ? 999999L : std::strtol(family.c_str(), nullptr, 10);
  };
  const long fa = number(a.family), fb = number(b.family);
  if (fa != fb) return fa < fb;
  if (a.is_variant() != b.is_variant()) return !a.is_variant();
  return a.ref < b.ref;
}

}  // namespace

CatalogueLoad CatalogueBuilder::build(std::vector<AssetFile> files) {
  CatalogueLoad result;
  auto& errors = result.errors;
  std::sort(files.begin(), files.end(),
            [](const AssetFile& a, const AssetFile& b) { return a.name < b.name; });

  ClauseCatalogue cat;
  std::string default_preset;
  std::vector<ClauseFileData> clause_files;
  std::vector<std::pair<std::string, std::string>> lexicon_refs;
  std::vector<std::string> present;
  XXH3_state_t* hash_state = XXH3_createState();
  XXH3_64bits_reset(hash_state);

  for (const AssetFile& file : files) {
    const bool clause_file = is_clause_file(file.name);
    const bool rule_file =
        std::find(std::begin(kRuleFiles), std::end(kRuleFiles), file.name) != std::end(kRuleFiles);
    if (!clause_file && !rule_file) continue;  // e.g. a README beside the data
    present.push_back(file.name);
    std::string problem;
    const auto doc = parse_json_text(file.bytes, problem);
    if (!doc) {
      errors.push_back({file.name, "", problem});
      continue;
    }
    // Canonical bytes: the file name and the document re-serialised (keys sorted, no
    // whitespace), so reformatting a file does not change the hash but any value does.
    const std::string canonical = file.name + '\0' + doc->dump() + '\0';
    XXH3_64bits_update(hash_state, canonical.data(), canonical.size());

    std::vector<PathError> path_errors;
    JsonWalk walk(path_errors);
    if (clause_file) {
      clause_files.emplace_back();
      read_clause_file(*doc, file.name, walk, clause_files.back());
    } else if (file.name == "scoring/criteria.json") {
      read_criteria(*doc, walk, cat.criteria_);
    } else if (file.name == "scoring/presets.json") {
      read_presets(*doc, walk, cat.presets_, default_preset);
    } else if (file.name == "scoring/interactions.json") {
      read_interactions(*doc, walk, cat.interactions_);
    } else if (file.name == "scoring/formula.json") {
      read_formula(*doc, walk, cat.formula_);
    } else {
      read_lexicon(*doc, walk, cat.lexicon_, lexicon_refs);
    }
    for (auto& e : path_errors)
      errors.push_back({file.name, e.path, std::move(e.problem)});
  }
  cat.hash_ = XXH3_64bits_digest(hash_state);
  XXH3_freeState(hash_state);

  for (const char* required : kRuleFiles)
    if (std::find(present.begin(), present.end(), required) == present.end())
      errors.push_back({required, "", "file is missing"});
  if (clause_files.empty()) errors.push_back({"clauses/", "", "no clause files (*.json)"});

  // Across files: unique references and categories, families that exist, inherited stances.
  std::map<std::string, Origin> where;
  std::map<std::string, std::string> category_file;
  for (auto& data : clause_files) {
    const std::string& file = data.file;
    if (!data.category.id.empty()) {
      if (const auto [it, fresh] = category_file.emplace(data.category.id, file); !fresh)
        errors.push_back({file, "/category/id",
                          "category '" + data.category.id + "' is also defined in " + it->second});
      cat.categories_.push_back(data.category);
    }
    for (std::size_t i = 0; i < data.clauses.size(); ++i) {
      const auto& ref = data.clauses[i].ref;
      if (ref.empty()) continue;
      if (const auto [it, fresh] = where.emplace(ref, data.origins[i]); !fresh)
        errors.push_back({data.origins[i].file, data.origins[i].path + "/ref",
                          "duplicate reference '" + ref + "' (first defined in " + it->second.file +
                              " at " + it->second.path + ")"});
    }
  }
  std::map<std::string, const ClauseArchetype*> archetype_of_family;
  for (auto& data : clause_files)
    for (auto& clause : data.clauses)
      if (!clause.ref.empty() && !clause.is_variant()) archetype_of_family[clause.family] = &clause;
  for (auto& data : clause_files) {
    for (std::size_t i = 0; i < data.clauses.size(); ++i) {
      auto& clause = data.clauses[i];
      if (clause.ref.empty() || !clause.is_variant()) continue;
      const auto base = archetype_of_family.find(clause.family);
      if (base == archetype_of_family.end()) {
        errors.push_back(
            {data.origins[i].file, data.origins[i].path + "/family",
             "family '" + clause.family + "' has no archetype '" + clause.family + "'"});
      } else if (!data.has_own_stance[i]) {
        clause.stance = base->second->stance;
        clause.stance.inherited = true;
      }
    }
  }
  const auto check_ref = [&](const std::string& file, const std::string& path,
                             const std::string& ref) {
    if (!where.count(ref)) errors.push_back({file, path, "unknown clause reference '" + ref + "'"});
  };
  for (std::size_t r = 0; r < cat.interactions_.size(); ++r) {
    const auto& t = cat.interactions_[r].trigger;
    const std::string base = "/interactions/" + std::to_string(r) + "/trigger/";
    for (std::size_t i = 0; i < t.all.size(); ++i)
      check_ref("scoring/interactions.json", base + "all/" + std::to_string(i), t.all[i]);
    for (std::size_t i = 0; i < t.any.size(); ++i)
      check_ref("scoring/interactions.json", base + "any/" + std::to_string(i), t.any[i]);
    for (std::size_t i = 0; i < t.none.size(); ++i)
      check_ref("scoring/interactions.json", base + "none/" + std::to_string(i), t.none[i]);
  }
  for (const auto& [ref, path] : lexicon_refs)
    check_ref("scoring/lexicon.json", path, ref);

  if (!errors.empty()) return result;

  for (auto& data : clause_files)
    for (auto& clause : data.clauses)
      cat.clauses_.push_back(std::move(clause));
  std::sort(cat.clauses_.begin(), cat.clauses_.end(), ref_less);
  for (std::size_t i = 0; i < cat.presets_.size(); ++i)
    if (cat.presets_[i].id == default_preset) cat.default_preset_ = i;
  cat.lexicon_.max_clause_points = cat.formula_.max_clause_points;
  cat.lexicon_.build_index();
  result.catalogue = std::move(cat);
  return result;
}

CatalogueLoad build_catalogue(std::vector<AssetFile> files) {
  return CatalogueBuilder::build(std::move(files));
}

std::optional<AssetError> read_asset_files(const std::filesystem::path& asset_dir,
                                           std::initializer_list<const char*> subfolders,
                                           std::vector<AssetFile>& files) {
  std::error_code ec;
  if (!std::filesystem::is_directory(asset_dir, ec))
    return AssetError{asset_dir.string(), "", "asset folder not found"};
  for (const char* sub : subfolders) {
    const auto dir = asset_dir / sub;
    if (!std::filesystem::is_directory(dir, ec)) continue;
    for (std::filesystem::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
      if (!it->is_regular_file() || it->path().extension() != ".json") continue;
      std::ifstream in(it->path(), std::ios::binary);
      std::ostringstream bytes;
      bytes << in.rdbuf();
      files.push_back({std::string(sub) + "/" + it->path().filename().string(), bytes.str()});
    }
    if (ec) return AssetError{dir.string(), "", "cannot read folder: " + ec.message()};
  }
  return std::nullopt;
}

CatalogueLoad load_catalogue(const std::filesystem::path& asset_dir) {
  std::vector<AssetFile> files;
  if (auto error = read_asset_files(asset_dir, {"clauses", "scoring"}, files)) {
    CatalogueLoad failed;
    failed.errors.push_back(std::move(*error));
    return failed;
  }
  return build_catalogue(std::move(files));
}

}  // namespace accord::scoring
