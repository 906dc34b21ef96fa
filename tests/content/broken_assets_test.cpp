#include "content_test_support.hpp"

namespace accord::content::test {

TEST_CASE("the minimal fixture is valid", "[content][fixtures]") {
  const ContentLoad load = load_fixture();
  INFO(all_errors(load));
  REQUIRE(load.ok());
  CHECK(load.catalogue->states().size() == 4);
  CHECK(load.catalogue->scenario("mini") != nullptr);
}

TEST_CASE("a missing field is reported with its path", "[content][fixtures]") {
  const ContentLoad load = load_fixture("missing_field");
  CHECK_FALSE(load.ok());
  CHECK(described(load) == std::vector<std::string>{"states/brazil.json: /bloc: missing field"});
}

TEST_CASE("a wrong type is reported with its path", "[content][fixtures]") {
  const ContentLoad load = load_fixture("wrong_type");
  CHECK(described(load) ==
        std::vector<std::string>{
            "scenarios/mini.json: /year: expected a whole number, found a string"});
}

TEST_CASE("a dangling clause reference is reported", "[content][fixtures]") {
  const ContentLoad load = load_fixture("dangling_ref");
  CHECK(described(load) == std::vector<std::string>{
                               "states/kenya.json: /priorities/1: unknown clause reference '99'"});
}

TEST_CASE("a duplicate state id is reported", "[content][fixtures]") {
  const ContentLoad load = load_fixture("duplicate_id");
  CHECK(described(load) ==
        std::vector<std::string>{"states/kenya_copy.json: /id: duplicate state id 'kenya' (first "
                                 "defined in states/kenya.json)"});
}

TEST_CASE("bad UTF-8 is reported without echoing the bytes", "[content][fixtures]") {
  const ContentLoad load = load_fixture("bad_utf8");
  REQUIRE(load.errors.size() == 1);
  CHECK(load.errors[0].file == "states/kenya.json");
  CHECK(load.errors[0].problem.starts_with("invalid UTF-8 at line"));
  CHECK(load.errors[0].problem.find('\xff') == std::string::npos);
}

TEST_CASE("three errors at once are all reported, and only those", "[content][fixtures]") {
  const ContentLoad load = load_fixture("three_errors");
  const auto errors = described(load);
  INFO(all_errors(load));
  REQUIRE(errors.size() == 3);
  CHECK(errors[0] ==
        "scenarios/mini.json: /decision_rule: unknown decision rule 'unanimity' "
        "(simple_majority, two_thirds, consensus)");
  CHECK(errors[1] == "scenarios/mini.json: /seats/3: unknown state 'atlantis'");
  CHECK(errors[2].starts_with("scenarios/mini.json: /goal/condition: condition: "));
  CHECK(errors[2].find("seat_sponsored_adopted") != std::string::npos);
}

TEST_CASE("clause-library errors come through with the content errors", "[content][fixtures]") {
  std::map<std::string, std::string> files;
  read_files(ACCORD_ASSET_DIR, {"clauses", "scoring"}, files);
  read_files(std::filesystem::path(ACCORD_CONTENT_TEST_DATA) / "minimal", {"states", "scenarios"},
             files);
  files.erase("scoring/formula.json");
  files["states/blocs.json"] = "[1, 2";
  std::vector<AssetFile> list;
  for (auto& [name, bytes] : files)
    list.push_back({name, bytes});
  const ContentLoad load = build_content(std::move(list));
  CHECK_FALSE(load.ok());
  bool formula = false, blocs = false;
  for (const auto& e : load.errors) {
    formula = formula || (e.file == "scoring/formula.json" && e.problem == "file is missing");
    blocs = blocs || (e.file == "states/blocs.json" && e.problem.starts_with("not valid JSON"));
  }
  CHECK(formula);
  CHECK(blocs);
}

TEST_CASE("garbage never crashes the loader", "[content][fixtures]") {
  for (const std::string bytes : {"", "null", "[]", "{\"id\": 5}", "{\"eras\": {\"2011\": []}}",
                                  "{\"seats\": [1, null], \"drop_order\": {}, \"drafts\": [7]}"}) {
    std::map<std::string, std::string> files;
    read_files(ACCORD_ASSET_DIR, {"clauses", "scoring"}, files);
    read_files(std::filesystem::path(ACCORD_CONTENT_TEST_DATA) / "minimal", {"states", "scenarios"},
               files);
    files["states/kenya.json"] = bytes;
    files["scenarios/mini.json"] = bytes;
    std::vector<AssetFile> list;
    for (auto& [name, b] : files)
      list.push_back({name, b});
    const ContentLoad load = build_content(std::move(list));
    CHECK_FALSE(load.ok());
    CHECK_FALSE(load.errors.empty());
  }
}

}  // namespace accord::content::test
