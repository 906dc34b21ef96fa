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
  CHECK(r.out.find(shipped().content_hash_hex()) != std::string::npos);
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
  CHECK(list.out.find("collapse  \"Collapse\" (2017, 2011 positions)") != std::string::npos);
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
