// accord-score, run in-process through the same function as the tool: golden JSON output for
// three drafts, and every kind of bad input exits 2 with the path or line at fault.
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string_view>

#include "score_command.hpp"
#include "scoring_test_support.hpp"

namespace accord::scoring::test {
namespace {

struct Run {
  int code = -1;
  std::string out;
  std::string err;
};

Run run(std::vector<std::string> args) {
  args.insert(args.begin(), "accord-score");
  std::vector<const char*> argv;
  for (const auto& a : args)
    argv.push_back(a.c_str());
  std::ostringstream out, err;
  Run r;
  r.code = tools::run_accord_score(static_cast<int>(argv.size()), argv.data(), out, err);
  r.out = out.str();
  r.err = err.str();
  return r;
}

// Compares the tool's JSON with the golden file checked in under tests/scoring/data, leaving out
// the content hash (which changes with any asset edit). Only ACCORD_UPDATE_GOLDEN=1 rewrites a
// golden file (and says so); otherwise a missing or different file fails the test.
void check_golden(const std::string& input, const std::vector<std::string>& extra,
                  const std::string& golden) {
  std::vector<std::string> args{data_path(input), "--format", "json"};
  args.insert(args.end(), extra.begin(), extra.end());
  const Run r = run(args);
  INFO(r.err);
  REQUIRE(r.code == 0);
  auto actual = nlohmann::json::parse(r.out);
  CHECK(actual["catalogue_hash"].get<std::string>().size() == 16);
  actual.erase("catalogue_hash");
  const std::string path = data_path(golden);
  const char* update = std::getenv("ACCORD_UPDATE_GOLDEN");
  if (update != nullptr && std::string_view(update) == "1") {
    std::ofstream(path) << actual.dump(2) << "\n";
    WARN("golden file rewritten from this build's output: " << path);
  }
  const std::string stored = read_text(path);
  if (stored.empty())
    FAIL(
        "no golden file " << path
                          << "; write it with ACCORD_UPDATE_GOLDEN=1 and check it in after reading "
                             "it");
  const auto expected = nlohmann::json::parse(stored);
  INFO("diff (RFC 6902) from " << golden << ": " << nlohmann::json::diff(expected, actual).dump());
  INFO("if the change is intended, rewrite with ACCORD_UPDATE_GOLDEN=1 and review the diff");
  CHECK(actual == expected);
}

TEST_CASE("golden JSON output for three drafts") {
  check_golden("golden/tunis_bridge.json", {}, "golden/tunis_bridge.expected.json");
  check_golden("golden/sovereign_code.json", {}, "golden/sovereign_code.expected.json");
  check_golden("golden/classroom_clauses.txt", {"--preset", "liberal"},
               "golden/classroom_clauses.expected.json");
}

TEST_CASE("the JSON output has content, final, criteria and the explanation") {
  const Run r = run({data_path("golden/tunis_bridge.json"), "--format", "json"});
  REQUIRE(r.code == 0);
  const auto j = nlohmann::json::parse(r.out);
  CHECK(j["content"].is_number());
  CHECK(j["final"].is_number());
  CHECK(j["criteria"].size() == 7);
  CHECK(j["explanation"].size() == 10);  // final, content, legitimacy and seven criteria
  for (const auto& node : j["explanation"]) {
    // Displayed terms add up to the displayed value (in tenths, to avoid float sums).
    long total = 0;
    for (const auto& t : node["terms"])
      total += std::lround(t["value"].get<double>() * 10);
    CHECK(total == std::lround(node["value"].get<double>() * 10));
  }
}

TEST_CASE("the text report is the default") {
  const Run r = run({data_path("golden/tunis_bridge.json")});
  REQUIRE(r.code == 0);
  CHECK(r.out.starts_with("Scorecard: Tunis bridge\n"));
  CHECK(r.out.find("FINAL SCORE") != std::string::npos);
  CHECK(r.out.find("S1 Verification loop") != std::string::npos);
}

bool says(const Run& r, const std::string& part) {
  return r.err.find(part) != std::string::npos;
}

TEST_CASE("bad input exits 2 and names the path or line") {
  const Run unknown = run({data_path("cli/unknown_ref.json")});
  CHECK(unknown.code == 2);
  CHECK(says(unknown, "/clauses/2/ref: unknown clause reference '99'"));

  const Run malformed = run({data_path("cli/malformed.json")});
  CHECK(malformed.code == 2);
  CHECK(says(malformed, "not valid JSON at line 2"));

  const Run empty = run({data_path("cli/empty.json")});
  CHECK(empty.code == 2);
  CHECK(says(empty, "the file is empty"));

  const Run family = run({data_path("cli/two_families.json")});
  CHECK(family.code == 2);
  CHECK(says(family, "/clauses/1/ref: clause family 36 is already in the draft"));

  const Run types = run({data_path("cli/wrong_types.json")});
  CHECK(types.code == 2);
  CHECK(says(types, "/title: expected a string, found a whole number"));
  CHECK(says(types, "/clauses/0/ref: expected a string, found a whole number"));
  CHECK(says(types, "/clauses/1: a clause needs exactly one of \"ref\" or \"text\""));
  CHECK(says(types, "/vote/yes: expected a whole number, found a string"));

  const Run missing = run({data_path("cli/no_such_file.json")});
  CHECK(missing.code == 2);
  CHECK(says(missing, "cannot open the file"));

  const Run preset = run({data_path("golden/tunis_bridge.json"), "--preset", "utopian"});
  CHECK(preset.code == 2);
  CHECK(says(preset, "--preset: unknown preset 'utopian'"));

  CHECK(run({data_path("golden/tunis_bridge.json"), "--format", "xml"}).code == 2);
  CHECK(run({}).code == 2);
}

TEST_CASE("an over-long clause in a text file is reported by its line") {
  const auto path = std::filesystem::temp_directory_path() / "accord_score_long_clause.txt";
  std::ofstream(path) << "States shall publish reports.\n\n" << std::string(2001, 'x') << "\n";
  const Run r = run({path.string()});
  std::filesystem::remove(path);
  CHECK(r.code == 2);
  CHECK(says(r, "line 3: clause is 2001 bytes long; at most 2000"));
}

TEST_CASE("help, version and broken assets") {
  const Run help = run({"--help"});
  CHECK(help.code == 0);
  CHECK(help.out.find("--preset") != std::string::npos);
  const Run version = run({"--version"});
  CHECK(version.code == 0);
  CHECK(version.out.find("accord-score ") != std::string::npos);
  const Run assets = run({data_path("golden/tunis_bridge.json"), "--assets", data_path("cli")});
  CHECK(assets.code == 3);
  CHECK(says(assets, "scoring/criteria.json: /: file is missing"));
}

}  // namespace
}  // namespace accord::scoring::test
