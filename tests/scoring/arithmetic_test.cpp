// The integer rounding helpers behind every displayed number.
#include "scoring/arithmetic.hpp"
#include "core/rng.hpp"
#include "scoring_test_support.hpp"

namespace accord::scoring::test {
namespace {

TEST_CASE("div_round rounds to nearest, halves away from zero") {
  CHECK(div_round(5, 2) == 3);
  CHECK(div_round(-5, 2) == -3);
  CHECK(div_round(7, 3) == 2);
  CHECK(div_round(-7, 3) == -2);
  CHECK(div_round(8, 3) == 3);
  CHECK(div_round(0, 7) == 0);
}

TEST_CASE("div_floor rounds towards minus infinity") {
  CHECK(div_floor(7, 3) == 2);
  CHECK(div_floor(-7, 3) == -3);
  CHECK(div_floor(-6, 3) == -2);
}

TEST_CASE("apportion keeps the sum and each term within one unit") {
  auto rng = Pcg32::seeded(7);
  for (int round = 0; round < 2000; ++round) {
    const std::int64_t den = 1 + rng.below(1000);
    std::vector<std::int64_t> nums(1 + rng.below(12));
    std::int64_t exact = 0;
    for (auto& n : nums) {
      n = static_cast<std::int64_t>(rng.below(200000)) - 100000;
      exact += n;
    }
    const std::int64_t target = div_round(exact, den);
    const auto out = apportion(nums, den, target);
    std::int64_t total = 0;
    for (std::size_t i = 0; i < out.size(); ++i) {
      total += out[i];
      CHECK(std::abs(out[i] * den - nums[i]) < den);
    }
    CHECK(total == target);
  }
}

TEST_CASE("apportion gives the units to the largest remainders, earlier first on ties") {
  // 1/3 + 1/3 + 1/3 = 1: one unit, to the first term.
  CHECK(apportion(std::vector<std::int64_t>{1, 1, 1}, 3, 1) == std::vector<std::int64_t>{1, 0, 0});
  // 0.2 + 0.7 + 0.1 = 1: the unit goes to the 0.7.
  CHECK(apportion(std::vector<std::int64_t>{2, 7, 1}, 10, 1) == std::vector<std::int64_t>{0, 1, 0});
}

TEST_CASE("scores display with one decimal") {
  CHECK(format_score(625) == "62.5");
  CHECK(format_score(0) == "0.0");
  CHECK(format_score(-17) == "-1.7");
  CHECK(format_score(1000) == "100.0");
}

}  // namespace
}  // namespace accord::scoring::test
