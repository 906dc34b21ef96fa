// Helpers shared by the content tests: the shipped content, loaded once, and fixture sets.
#pragma once

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "content/content.hpp"

namespace accord::content::test {

inline const ContentCatalogue& shipped() {
  static const ContentLoad load = load_content(ACCORD_ASSET_DIR);
  if (!load.ok()) {
    for (const auto& e : load.errors)
      UNSCOPED_INFO(e.describe());
    FAIL("the shipped content does not load");
  }
  return *load.catalogue;
}

// Every .json file under `root`'s given subfolders, named relative to root.
inline void read_files(const std::filesystem::path& root, std::initializer_list<const char*> subs,
                       std::map<std::string, std::string>& out) {
  for (const char* sub : subs) {
    const auto dir = root / sub;
    if (!std::filesystem::is_directory(dir)) continue;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
      std::ifstream in(entry.path(), std::ios::binary);
      std::ostringstream bytes;
      bytes << in.rdbuf();
      out[std::string(sub) + "/" + entry.path().filename().string()] = bytes.str();
    }
  }
}

// The shipped clause library and scoring rules, the minimal states and scenario of
// tests/content/data/minimal, then the files of the fixture folder `overlay` on top.
inline ContentLoad load_fixture(const std::string& overlay = {}) {
  std::map<std::string, std::string> files;
  read_files(ACCORD_ASSET_DIR, {"clauses", "scoring"}, files);
  const std::filesystem::path data = ACCORD_CONTENT_TEST_DATA;
  read_files(data / "minimal", {"states", "scenarios"}, files);
  if (!overlay.empty()) read_files(data / overlay, {"states", "scenarios"}, files);
  std::vector<AssetFile> list;
  for (auto& [name, bytes] : files)
    list.push_back({name, bytes});
  return build_content(std::move(list));
}

// The minimal fixture with parts of its files' text replaced: each edit's `from` (which must be
// there) becomes `to` in `file`.
struct Edit {
  std::string file, from, to;
};

inline ContentLoad load_edited(const std::vector<Edit>& edits) {
  std::map<std::string, std::string> files;
  read_files(ACCORD_ASSET_DIR, {"clauses", "scoring"}, files);
  read_files(std::filesystem::path(ACCORD_CONTENT_TEST_DATA) / "minimal", {"states", "scenarios"},
             files);
  for (const auto& e : edits) {
    auto& text = files.at(e.file);
    const auto at = text.find(e.from);
    REQUIRE(at != std::string::npos);
    text.replace(at, e.from.size(), e.to);
  }
  std::vector<AssetFile> list;
  for (auto& [name, bytes] : files)
    list.push_back({name, bytes});
  return build_content(std::move(list));
}

// The errors as "file: path: problem" lines.
inline std::vector<std::string> described(const ContentLoad& load) {
  std::vector<std::string> out;
  for (const auto& e : load.errors)
    out.push_back(e.describe());
  return out;
}

inline std::string all_errors(const ContentLoad& load) {
  std::string s;
  for (const auto& e : load.errors)
    s += e.describe() + "\n";
  return s;
}

}  // namespace accord::content::test
