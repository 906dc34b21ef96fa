// Integer arithmetic for scoring: every division rounds in one stated way, so the server and
// every client compute the same numbers (docs/scoring.md, "Rounding").
#pragma once

#include <cstdint>
#include <span>
#include <vector>

namespace accord::scoring {

// num / den rounded to the nearest integer, halves away from zero. den must be positive.
std::int64_t div_round(std::int64_t num, std::int64_t den);

// num / den rounded down (towards minus infinity). den must be positive.
std::int64_t div_floor(std::int64_t num, std::int64_t den);

// Rounds the exact terms numerators[i] / denominator to integers that add up to `target`
// (largest-remainder apportionment): each term is rounded down, then the units still
// missing go to the terms with the largest remainders, earlier terms first on ties. Each
// result is within one unit of its exact value when the exact terms add up to within one
// unit of the target; otherwise the last term absorbs the difference.
std::vector<std::int64_t> apportion(std::span<const std::int64_t> numerators,
                                    std::int64_t denominator, std::int64_t target);

}  // namespace accord::scoring
