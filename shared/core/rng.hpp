// PCG32 (O'Neill's permuted congruential generator, XSH-RR variant). The rules never use
// std:: distributions or std::hash: their results differ between standard libraries.
#pragma once

#include <cstdint>

#include "core/schema.hpp"

namespace accord {

struct Pcg32 {
  ACCORD_FIELDS((std::uint64_t, state, 0), (std::uint64_t, increment, 0))

  static Pcg32 seeded(std::uint64_t seed, std::uint64_t stream = 0x9e3779b97f4a7c15ULL) {
    Pcg32 rng;
    rng.increment = (stream << 1u) | 1u;
    rng.next();
    rng.state += seed;
    rng.next();
    return rng;
  }

  std::uint32_t next() {
    const std::uint64_t old = state;
    state = old * 6364136223846793005ULL + increment;
    const auto xorshifted = static_cast<std::uint32_t>(((old >> 18u) ^ old) >> 27u);
    const auto rot = static_cast<std::uint32_t>(old >> 59u);
    return (xorshifted >> rot) | (xorshifted << ((32u - rot) & 31u));
  }

  // Uniform in [0, bound) without modulo bias (rejection of the short top range).
  std::uint32_t below(std::uint32_t bound) {
    if (bound <= 1) return 0;
    const std::uint32_t threshold = (0u - bound) % bound;
    for (;;) {
      const std::uint32_t r = next();
      if (r >= threshold) return r % bound;
    }
  }

  friend bool operator==(const Pcg32&, const Pcg32&) = default;
};

}  // namespace accord
