#include <sstream>

#include "content_command.hpp"
#include "content_test_support.hpp"

namespace accord::content::test {

namespace {

struct Run {
  int code = 0;
  std::string out, err;
};

Run run(std::vector<std::string> args) {
  std::ostringstream out, err;
  Run r;
  r.code = run_content_command(args, out, err);
  r.out = out.str();
  r.err = err.str();
  return r;
}

}  // namespace

TEST_CASE("accord-content check: the shipped assets", "[content][tool]") {
  const Run r = run({"check", ACCORD_ASSET_DIR});
  INFO(r.err);
  CHECK(r.code == 0);
  CHECK(r.out.find("OK: ") == 0);
  CHECK(r.out.find("20 states") != std::string::npos);
  CHECK(r.out.find("6 scenarios") != std::string::npos);
  CHECK(r.out.find("13 injects") != std::string::npos);
  CHECK(r.out.find(shipped().content_hash_hex()) != std::string::npos);
  CHECK(r.out.find("seat objectives: 0 can never hold, 0 always hold, 0 name a clause not on "
                   "the table; 0 red lines not on the table") != std::string::npos);
}

TEST_CASE("accord-content check: an objective off the table fails with file and field",
          "[content][tool]") {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / "accord_content_tool_playability";
  fs::remove_all(dir);
  fs::copy(ACCORD_ASSET_DIR, dir, fs::copy_options::recursive);
  {
    // Kenya's first objective, adopted(30), becomes one on a clause no scenario tables (18).
    std::ifstream in(dir / "states/kenya.json");
    std::stringstream text;
    text << in.rdbuf();
    std::string s = text.str();
    const auto at = s.find("\"adopted(30)\"");
    REQUIRE(at != std::string::npos);
    s.replace(at, 13, "\"adopted(18)\"");
    std::ofstream(dir / "states/kenya.json") << s;
  }
  const Run r = run({"check", dir.string()});
  CHECK(r.code == 2);
  CHECK(r.err.find("states/kenya.json: /objectives/0/condition: in scenario 'collapse': kenya's "
                   "objective needs clause '18' (family 18), which is not on the table") !=
        std::string::npos);
  // Kenya keeps its profile's objectives in five scenarios (Opt-in Code replaces them).
  CHECK(r.err.find("5 can never hold, 0 always hold, 5 name a clause not on the table") !=
        std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE("accord-content check: a broken copy lists every error, exit 2", "[content][tool]") {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / "accord_content_tool_test";
  fs::remove_all(dir);
  fs::copy(ACCORD_ASSET_DIR, dir, fs::copy_options::recursive);
  { std::ofstream(dir / "states" / "kenya.json") << "{\"id\": \"kenya\"}"; }
  const Run r = run({"check", dir.string()});
  CHECK(r.code == 2);
  CHECK(r.err.find("states/kenya.json: /name: missing field") != std::string::npos);
  CHECK(r.err.find("states/kenya.json: /eras: missing field") != std::string::npos);
  CHECK(r.err.find("unknown state 'kenya'") == std::string::npos);  // the id still counts
  fs::remove_all(dir);
}

TEST_CASE("accord-content list, help, version and usage errors", "[content][tool]") {
  const Run list = run({"list", "--assets", ACCORD_ASSET_DIR});
  CHECK(list.code == 0);
  CHECK(list.out.find("collapse  \"Collapse\" (2017, 2015 positions)") != std::string::npos);
  CHECK(list.out.find("seats: 4 to 20; rule: consensus") != std::string::npos);
  CHECK(list.out.find("preset class45") != std::string::npos);
  CHECK(run({"--help"}).code == 0);
  CHECK(run({"--version"}).out.starts_with("accord-content "));
  CHECK(run({}).code == 1);
  CHECK(run({"check"}).code == 1);
  CHECK(run({"frobnicate"}).code == 1);
  CHECK(run({"check", "/nonexistent/folder"}).code == 2);
}

}  // namespace accord::content::test
