// Stable wire names for enums. Each enum used in commands, events or the match model
// specialises EnumNames with one name per enumerator, in declaration order.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>

namespace accord {

template <class E>
struct EnumNames;  // static constexpr std::array<std::string_view, N> value;

template <class E>
concept NamedEnum = requires {
  EnumNames<E>::value;
};

template <NamedEnum E>
constexpr std::string_view to_string(E e) {
  const auto& names = EnumNames<E>::value;
  const auto index = static_cast<std::size_t>(e);
  return index < names.size() ? names[index] : std::string_view{"?"};
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
