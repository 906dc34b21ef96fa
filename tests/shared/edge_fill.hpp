// Fills a described value with values at every MessagePack size boundary (integers, string,
// array and map lengths), every variant with a random alternative: the codec tests use it to
// compare the direct MessagePack writer and reader with the nlohmann tree.
#pragma once

#include <cstdint>
#include <iterator>
#include <limits>
#include <string>
#include <type_traits>

#include "core/json_codec.hpp"
#include "core/rng.hpp"

namespace accord::test {

// Where MessagePack changes form: fixint / 8 / 16 / 32 / 64 bits, negative fixint, string,
// array and map headers.
constexpr std::int64_t kSignedEdges[] = {
    0,  1,   31,  32,   127,  128,    255,    256,    65535,       65536,
    -1, -32, -33, -128, -129, -32768, -32769, 100000, -2147483648, -2147483649};
constexpr std::uint64_t kUnsignedEdges[] = {
    0, 1, 127, 128, 255, 256, 65535, 65536, 4294967295u, 4294967296, UINT64_MAX, 9007199254740993u};
constexpr std::size_t kLengths[] = {0, 1, 15, 16, 31, 32, 255, 256};

// Fills every leaf with a value drawn from the edges above (nested vectors stay short so a
// match stays small), every variant with a random alternative.
struct EdgeFill {
  Pcg32 rng;
  int depth = 0;

  template <class T>
  void visit(T& value) {
    if constexpr (std::is_same_v<T, bool>) {
      value = rng.below(2) == 1;
    } else if constexpr (std::is_integral_v<T> && std::is_signed_v<T>) {
      const auto v = kSignedEdges[rng.below(std::size(kSignedEdges))];
      value = (v >= std::numeric_limits<T>::min() && v <= std::numeric_limits<T>::max())
                  ? static_cast<T>(v)
                  : std::numeric_limits<T>::min();
    } else if constexpr (std::is_integral_v<T>) {
      const auto v = kUnsignedEdges[rng.below(std::size(kUnsignedEdges))];
      value =
          v <= std::numeric_limits<T>::max() ? static_cast<T>(v) : std::numeric_limits<T>::max();
    } else if constexpr (std::is_same_v<T, std::string>) {
      const std::size_t n = depth == 0 && rng.below(40) == 0
                                ? 65536 + rng.below(3)
                                : kLengths[rng.below(std::size(kLengths))];
      value.assign(n, 'a');
      if (n >= 2) value.replace(0, 2, "é");
    } else if constexpr (std::is_enum_v<T>) {
      value = static_cast<T>(rng.below(static_cast<std::uint32_t>(EnumNames<T>::value.size())));
    } else if constexpr (json_codec::IsOptional<T>::value) {
      if (rng.below(3) == 0) {
        value.reset();
      } else {
        value.emplace();
        visit(*value);
      }
    } else if constexpr (json_codec::IsVector<T>::value) {
      const std::size_t n = depth > 1 ? rng.below(3) : kLengths[rng.below(5)];
      value.resize(n);
      ++depth;
      for (auto& item : value)
        visit(item);
      --depth;
    } else if constexpr (json_codec::IsVariant<T>::value) {
      emplace_alternative(value, rng.below(std::variant_size_v<T>));
    } else {
      T::describe(value, [&](const char*, auto& member) { visit(member); });
    }
  }

  template <class Variant, std::size_t I = 0>
  void emplace_alternative(Variant& value, std::size_t index) {
    if constexpr (I < std::variant_size_v<Variant>) {
      if (index != I) return emplace_alternative<Variant, I + 1>(value, index);
      visit(value.template emplace<I>());
    }
  }
};

}  // namespace accord::test
