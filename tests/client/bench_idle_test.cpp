// The accord program's benchmarks as tests: on an idle lobby the client sleeps on SDL events and
// draws only a few frames a second (--bench-idle), and --bench-frames prints its figures.
// Both run the program offscreen ([screens]: left out under sanitizers).
#include <cstdio>
#include <cstdlib>
#include <string>

#include "client_test_support.hpp"

namespace accord::client::test {
namespace {

// The number written between the first `before` and the `after` that follows it. (std::regex
// would do, but GCC 12 warns inside <regex> under the sanitizer build's -O1.)
double number(const std::string& text, const std::string& before, const std::string& after) {
  INFO(text);
  const auto start = text.find(before);
  REQUIRE(start != std::string::npos);
  const auto from = start + before.size();
  const auto end = text.find(after, from);
  REQUIRE(end != std::string::npos);
  const std::string digits = text.substr(from, end - from);
  REQUIRE(!digits.empty());
  REQUIRE(digits.find_first_not_of("0123456789.") == std::string::npos);
  return std::stod(digits);
}

TEST_CASE("idle: on an idle lobby the client draws a bounded number of frames per second",
          "[screens]") {
  const Run r = run_accord("--bench-idle 4 --max-seconds 60");
  INFO(r.output);
  REQUIRE(r.status == 0);
  const double frames = number(r.output, "on the lobby: ", " frames");
  const double per_second = number(r.output, " frames (", " per second)");
  const double cpu_percent = number(r.output, " ms (", " % of a core)");
  CHECK(frames >= 1);  // the timer still ticks
  CHECK(per_second <= 6.0);
  CHECK(cpu_percent < 50.0);
}

TEST_CASE("bench: --bench-frames 20 prints CPU per frame, resident memory and first frame",
          "[screens]") {
  const Run r = run_accord("--bench-frames 20");
  INFO(r.output);
  REQUIRE(r.status == 0);
  CHECK(r.output.find("60 tabled clauses, 500 chat lines") != std::string::npos);
  const double median = number(r.output, "20 frames, CPU per frame median ", " ms");
  const double p95 = number(r.output, " ms, p95 ", " ms");
  CHECK(median > 0);
  CHECK(p95 >= median);
  CHECK(number(r.output, "resident memory: ", " MiB") > 1.0);
  CHECK(number(r.output, "time to first frame: ", " ms") > 0);
}

}  // namespace
}  // namespace accord::client::test
