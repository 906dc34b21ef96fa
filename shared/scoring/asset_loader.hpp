// Loading and validating the clause library and scoring rules. Every problem in every file is
// reported, each naming the file, the JSON path and what is wrong.
#pragma once

#include <filesystem>
#include <initializer_list>
#include <optional>
#include <string>
#include <vector>

#include "scoring/catalogue.hpp"

namespace accord::scoring {

struct AssetFile {
  std::string name;   // relative to the asset folder, '/'-separated: "clauses/law.json"
  std::string bytes;  // the file's contents
};

struct AssetError {
  std::string file;     // e.g. "scoring/interactions.json"
  std::string path;     // JSON pointer, e.g. "/interactions/3/trigger/all/1"; empty: whole file
  std::string problem;  // e.g. "unknown clause reference '99'"
  std::string describe() const;  // "scoring/interactions.json: /interactions/3/...: problem"
};

struct CatalogueLoad {
  std::optional<ClauseCatalogue> catalogue;  // set only when there are no errors
  std::vector<AssetError> errors;
  bool ok() const { return catalogue.has_value(); }
};

// Pure: builds the catalogue from files already in memory (the client may bundle them).
// Expects clauses/*.json and scoring/{criteria,presets,interactions,formula,lexicon}.json.
CatalogueLoad build_catalogue(std::vector<AssetFile> files);

// Reads the files of `asset_dir` (its clauses/ and scoring/ folders) and builds the catalogue.
CatalogueLoad load_catalogue(const std::filesystem::path& asset_dir);

// Reads every .json file in the given subfolders of asset_dir into `files`, named
// "sub/file.json". Returns the error when the folder (or a subfolder) cannot be read; a missing
// subfolder is not an error here (its files are reported missing by the builders).
std::optional<AssetError> read_asset_files(const std::filesystem::path& asset_dir,
                                           std::initializer_list<const char*> subfolders,
                                           std::vector<AssetFile>& files);

}  // namespace accord::scoring
