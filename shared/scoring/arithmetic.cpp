#include "scoring/arithmetic.hpp"

#include <algorithm>
#include <numeric>

namespace accord::scoring {

std::int64_t div_floor(std::int64_t num, std::int64_t den) {
  const std::int64_t q = num / den;
  return (num % den != 0 && num < 0) ? q - 1 : q;
}

std::int64_t div_round(std::int64_t num, std::int64_t den) {
  if (num >= 0) return (2 * num + den) / (2 * den);
  return -((-2 * num + den) / (2 * den));
}

std::vector<std::int64_t> apportion(std::span<const std::int64_t> numerators,
                                    std::int64_t denominator, std::int64_t target) {
  std::vector<std::int64_t> out(numerators.size());
  if (out.empty()) return out;
  std::vector<std::int64_t> remainder(out.size());
  std::int64_t floor_sum = 0;
  for (std::size_t i = 0; i < out.size(); ++i) {
    out[i] = div_floor(numerators[i], denominator);
    remainder[i] = numerators[i] - out[i] * denominator;
    floor_sum += out[i];
  }
  const std::int64_t missing = target - floor_sum;
  const auto count = static_cast<std::int64_t>(out.size());
  if (missing < 0 || missing > count) {
    out.back() += missing;  // exact terms far from the target: keep the sum exact regardless
    return out;
  }
  std::vector<std::size_t> order(out.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return remainder[a] > remainder[b]; });
  for (std::int64_t k = 0; k < missing; ++k)
    ++out[order[static_cast<std::size_t>(k)]];
  return out;
}

}  // namespace accord::scoring
