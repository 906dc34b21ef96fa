// Compile-time lists of types: the single declaration from which the command and event
// variants, their name tables and their dispatch are derived.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>
#include <utility>
#include <variant>

namespace accord {

template <class... Ts>
struct TypeList {
  static constexpr std::size_t size = sizeof...(Ts);
};

template <class List>
struct VariantOf;
template <class... Ts>
struct VariantOf<TypeList<Ts...>> {
  using type = std::variant<Ts...>;
};

// Every type in the list must carry `static constexpr std::string_view kName`.
template <class List>
struct NamesOf;
template <class... Ts>
struct NamesOf<TypeList<Ts...>> {
  static constexpr std::array<std::string_view, sizeof...(Ts)> value{Ts::kName...};
};

template <class List>
constexpr std::optional<std::size_t> index_of_name(std::string_view name) {
  const auto& names = NamesOf<List>::value;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (names[i] == name) return i;
  }
  return std::nullopt;
}

template <class Variant>
constexpr std::optional<std::size_t> variant_index_of_name(std::string_view name) {
  return [&]<std::size_t... I>(std::index_sequence<I...>)->std::optional<std::size_t> {
    std::optional<std::size_t> found;
    ((std::variant_alternative_t<I, Variant>::kName == name ? (found = I, true) : false) || ...);
    return found;
  }
  (std::make_index_sequence<std::variant_size_v<Variant>>{});
}

// Builds the variant alternative at a runtime index (default-constructed).
template <class Variant, std::size_t I = 0>
Variant make_alternative(std::size_t index) {
  if constexpr (I < std::variant_size_v<Variant>) {
    if (index == I) return Variant{std::in_place_index<I>};
    return make_alternative<Variant, I + 1>(index);
  } else {
    return Variant{};
  }
}

template <class Variant>
std::string_view name_of(const Variant& v) {
  return std::visit([](const auto& alt) { return std::decay_t<decltype(alt)>::kName; }, v);
}

template <class... Fs>
struct Overloaded : Fs... {
  using Fs::operator()...;
};
template <class... Fs>
Overloaded(Fs...) -> Overloaded<Fs...>;

}  // namespace accord
