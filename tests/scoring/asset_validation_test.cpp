// Asset validation: broken files are reported with file, JSON path and problem, all of them.
#include <algorithm>

#include "scoring_test_support.hpp"

namespace accord::scoring::test {
namespace {

std::vector<AssetFile> with_file(std::string name, const std::string& fixture) {
  auto files = shipped_files();
  std::erase_if(files, [&](const AssetFile& f) { return f.name == name; });
  files.push_back({std::move(name), read_text(data_path("assets/" + fixture))});
  return files;
}

bool has_error(const CatalogueLoad& load, const std::string& file, const std::string& path,
               const std::string& problem_part) {
  return std::any_of(load.errors.begin(), load.errors.end(), [&](const AssetError& e) {
    return e.file == file && e.path == path && e.problem.find(problem_part) != std::string::npos;
  });
}

void show(const CatalogueLoad& load) {
  for (const auto& e : load.errors)
    UNSCOPED_INFO(e.describe());
}

TEST_CASE("a wrong type names the file, the JSON path and the problem") {
  const auto load = build_catalogue(with_file("clauses/extra.json", "wrong_type.json"));
  show(load);
  CHECK_FALSE(load.ok());
  REQUIRE(load.errors.size() == 1);
  CHECK(load.errors[0].describe() ==
        "clauses/extra.json: /clauses/0/contributions/MI: expected a whole number, found a "
        "string");
}

TEST_CASE("a file with three errors reports exactly those three") {
  const auto load = build_catalogue(with_file("clauses/extra.json", "three_errors.json"));
  show(load);
  CHECK(load.errors.size() == 3);
  CHECK(has_error(load, "clauses/extra.json", "/clauses/1/title", "missing field"));
  CHECK(has_error(load, "clauses/extra.json", "/clauses/1/contributions/XX",
                  "unknown criterion code 'XX'"));
  CHECK(has_error(load, "clauses/extra.json", "/clauses/0/ref", "duplicate reference '27'"));
}

TEST_CASE("invalid UTF-8 is reported with its line") {
  const auto load = build_catalogue(with_file("clauses/extra.json", "bad_utf8.json"));
  show(load);
  REQUIRE(load.errors.size() == 1);
  CHECK(load.errors[0].file == "clauses/extra.json");
  CHECK(load.errors[0].problem.starts_with("invalid UTF-8 at line 2"));
}

TEST_CASE("dangling references, unknown kinds and codes in rules are all reported") {
  const auto load =
      build_catalogue(with_file("scoring/interactions.json", "dangling_interactions.json"));
  show(load);
  CHECK(load.errors.size() == 4);
  CHECK(has_error(load, "scoring/interactions.json", "/interactions/0/trigger/all/2",
                  "unknown clause reference '99'"));
  CHECK(has_error(load, "scoring/interactions.json", "/interactions/1/trigger/none/0",
                  "unknown clause reference '6x'"));
  CHECK(has_error(load, "scoring/interactions.json", "/interactions/1/kind", "friendship"));
  CHECK(has_error(load, "scoring/interactions.json", "/interactions/1/effects/ZZ",
                  "unknown criterion code"));
}

TEST_CASE("errors in several files are reported together") {
  auto files = with_file("clauses/extra.json", "wrong_type.json");
  std::erase_if(files, [](const AssetFile& f) { return f.name == "scoring/formula.json"; });
  for (auto& f : files)
    if (f.name == "scoring/presets.json") {
      const auto at = f.bytes.find("\"MI\": 180");
      REQUIRE(at != std::string::npos);
      f.bytes.replace(at, 9, "\"MI\": 181");
    }
  const auto load = build_catalogue(files);
  show(load);
  CHECK(load.errors.size() == 3);
  CHECK(has_error(load, "scoring/formula.json", "", "file is missing"));
  CHECK(has_error(load, "scoring/presets.json", "/presets/0/weights", "add up to 1001"));
  CHECK(has_error(load, "clauses/extra.json", "/clauses/0/contributions/MI", "whole number"));
}

TEST_CASE("the robustness parameters are range-checked (length cut, term lists)") {
  struct BadValue {
    const char* file;
    const char* from;
    const char* to;
    const char* path;
    const char* problem;
  };
  const BadValue cases[] = {
      {"scoring/formula.json", "\"breadth_clauses\": 25", "\"breadth_clauses\": 121",
       "/breadth_clauses", "must not exceed max_clauses"},
      {"scoring/formula.json", "\"length_step_pm\": 30", "\"length_step_pm\": 1001",
       "/length_step_pm", "between 0 and 1000"},
      {"scoring/lexicon.json", "\"term_list_min_terms\": 5", "\"term_list_min_terms\": 1",
       "/term_list_min_terms", "between 2 and 100"},
      {"scoring/lexicon.json", "\"term_list_strength_pm\": 250", "\"term_list_strength_pm\": 2.5",
       "/term_list_strength_pm", "whole number"},
  };
  for (const auto& bad : cases) {
    INFO(bad.to);
    auto files = shipped_files();
    REQUIRE(replace_in_file(files, bad.file, bad.from, bad.to));
    const auto load = build_catalogue(files);
    show(load);
    CHECK(load.errors.size() == 1);
    CHECK(has_error(load, bad.file, bad.path, bad.problem));
  }
}

TEST_CASE("the content hash ignores formatting and changes with any value") {
  const auto base = build_catalogue(shipped_files());
  REQUIRE(base.ok());
  auto files = shipped_files();
  for (auto& f : files)
    if (f.name == "scoring/formula.json") f.bytes = "\n\n" + f.bytes + "   \n";
  const auto reformatted = build_catalogue(files);
  REQUIRE(reformatted.ok());
  CHECK(reformatted.catalogue->content_hash() == base.catalogue->content_hash());
  for (auto& f : files)
    if (f.name == "scoring/formula.json") {
      const auto at = f.bytes.find("\"max_clauses\": 120");
      REQUIRE(at != std::string::npos);
      f.bytes.replace(at, 18, "\"max_clauses\": 121");
    }
  const auto changed = build_catalogue(files);
  REQUIRE(changed.ok());
  CHECK(changed.catalogue->content_hash() != base.catalogue->content_hash());
}

}  // namespace
}  // namespace accord::scoring::test
