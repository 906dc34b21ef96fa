// accord-report cards: writes the file, and each bad argument gets its own clear error.
#include <catch2/catch.hpp>

#include <unistd.h>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "report_run.hpp"

namespace accord::report::test {
namespace {

namespace fs = std::filesystem;

TEST_CASE("accord-report cards writes the role cards") {
  const fs::path file =
      fs::temp_directory_path() / ("accord-cards-" + std::to_string(::getpid()) + ".html");
  const auto r = run({"cards", "--scenario", "hanoi", "--seats", "6", "--out", file.string()});
  CHECK(r.code == 0);
  CHECK(r.out.find("wrote " + file.string()) != std::string::npos);
  std::ifstream in(file);
  std::stringstream html;
  html << in.rdbuf();
  CHECK(html.str().rfind("<!DOCTYPE html>", 0) == 0);
  CHECK(html.str().find("seat 6 of 6") != std::string::npos);
  fs::remove(file);

  const auto to_stdout = run({"cards", "--scenario", "hanoi", "--out", "-", "--paper", "letter"});
  CHECK(to_stdout.code == 0);
  CHECK(to_stdout.out.find("seat 20 of 20") != std::string::npos);
  CHECK(to_stdout.out.find("size: letter") != std::string::npos);
}

TEST_CASE("accord-report: bad arguments are named") {
  const auto no_scenario = run({"cards", "--scenario", "atlantis", "--out", "-"});
  CHECK(no_scenario.code == 2);
  CHECK(no_scenario.err.find("no scenario 'atlantis'; there are:") != std::string::npos);
  CHECK(no_scenario.err.find("hanoi") != std::string::npos);

  const auto too_many = run({"cards", "--scenario", "hanoi", "--seats", "21", "--out", "-"});
  CHECK(too_many.code == 2);
  CHECK(too_many.err.find("--seats: \"hanoi\" seats 4 to 20, not 21") != std::string::npos);

  const auto paper = run({"cards", "--scenario", "hanoi", "--paper", "a3"});
  CHECK(paper.code == 2);
  CHECK(paper.err.find("--paper") != std::string::npos);

  const auto lang = run({"cards", "--scenario", "hanoi", "--lang", "fr"});
  CHECK(lang.code == 2);
  CHECK(lang.err.find("--lang: no 'fr' translation") != std::string::npos);

  const auto unwritable = run({"cards", "--scenario", "hanoi", "--out", "/nonexistent/dir/x.html"});
  CHECK(unwritable.code == 1);
  CHECK(unwritable.err.find("cannot write /nonexistent/dir/x.html") != std::string::npos);

  std::ostringstream out, err;
  CHECK(run_report_command({}, out, err) == 2);
  CHECK(err.str().find("subcommand") != std::string::npos);
}

TEST_CASE("accord-report: assets that do not load") {
  std::ostringstream out, err;
  CHECK(run_report_command({"cards", "--assets", "/nonexistent", "--scenario", "hanoi"}, out,
                           err) == 3);
  CHECK(err.str().find("the assets in /nonexistent do not load") != std::string::npos);
}

}  // namespace
}  // namespace accord::report::test
