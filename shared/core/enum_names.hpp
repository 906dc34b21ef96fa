// Stable wire names for enums. Declare an enum with ACCORD_ENUM (core/schema.hpp): its names
// come from the enumerators themselves, so every value has exactly one.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>

namespace accord {

template <class E>
struct EnumNames;  // static constexpr std::array<std::string_view, N> value;

// ACCORD_ENUM declares accord_enum_names(E) beside the enum; it is found by argument lookup.
template <class E>
requires requires {
  accord_enum_names(E{});
}
struct EnumNames<E> {
  static constexpr auto value = accord_enum_names(E{});
};

template <class E>
concept NamedEnum = requires {
  EnumNames<E>::value;
};

template <NamedEnum E>
constexpr std::string_view to_string(E e) {
  const auto& names = EnumNames<E>::value;
  const auto index = static_cast<std::size_t>(e);
  return index < names.size() ? names[index] : std::string_view{};  // empty: not a value of E
}

template <NamedEnum E>
constexpr std::optional<E> enum_from_string(std::string_view name) {
  const auto& names = EnumNames<E>::value;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (names[i] == name) return static_cast<E>(i);
  }
  return std::nullopt;
}

}  // namespace accord
