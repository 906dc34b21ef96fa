// Walks every leaf field of a described type (through structs, vectors and optionals), so
// tests can check properties field by field and stay complete as fields are added.
#pragma once

#include <cstddef>
#include <limits>
#include <string>
#include <type_traits>

#include "core/json_codec.hpp"

namespace accord::test {

using json_codec::IsOptional;
using json_codec::IsVector;

// Changes the `target`-th leaf (in walk order) to a different value and records its path.
// Engaging an empty optional and growing a vector count as leaves of their own.
struct LeafPerturber {
  std::size_t target = std::numeric_limits<std::size_t>::max();
  std::size_t count = 0;
  std::string changed_path;

  bool hit(const std::string& path) {
    if (count++ != target) return false;
    changed_path = path;
    return true;
  }

  template <class T>
  void visit(T& value, const std::string& path) {
    if constexpr (std::is_same_v<T, bool>) {
      if (hit(path)) value = !value;
    } else if constexpr (std::is_integral_v<T>) {
      if (hit(path)) value = static_cast<T>(value + 1);
    } else if constexpr (std::is_same_v<T, std::string>) {
      if (hit(path)) value += "!";
    } else if constexpr (std::is_enum_v<T>) {
      if (hit(path)) {
        const auto n = EnumNames<T>::value.size();
        value = static_cast<T>((static_cast<std::size_t>(value) + 1) % n);
      }
    } else if constexpr (IsOptional<T>::value) {
      if (value) {
        visit(*value, path);
        if (hit(path + "(reset)")) value.reset();
      } else if (hit(path + "(engage)")) {
        value.emplace();
      }
    } else if constexpr (IsVector<T>::value) {
      for (std::size_t i = 0; i < value.size(); ++i)
        visit(value[i], path + "/" + std::to_string(i));
      if (hit(path + "(grow)")) value.emplace_back();
    } else {
      T::describe(value, [&](const char* name, auto& member) { visit(member, path + "/" + name); });
    }
  }
};

template <class T>
std::size_t count_leaves(T value) {
  LeafPerturber walker;
  walker.visit(value, "");
  return walker.count;
}

// Gives every leaf a non-default value (every optional engaged, every vector one item long),
// so a round trip exercises every field.
struct FillAll {
  template <class T>
  void visit(T& value) {
    if constexpr (std::is_same_v<T, bool>) {
      value = !value;
    } else if constexpr (std::is_integral_v<T>) {
      value = static_cast<T>(value + 3);
    } else if constexpr (std::is_same_v<T, std::string>) {
      value += "text é 中";
    } else if constexpr (std::is_enum_v<T>) {
      value = static_cast<T>(EnumNames<T>::value.size() - 1);
    } else if constexpr (IsOptional<T>::value) {
      value.emplace();
      visit(*value);
    } else if constexpr (IsVector<T>::value) {
      value.emplace_back();
      visit(value.back());
    } else {
      T::describe(value, [&](const char*, auto& member) { visit(member); });
    }
  }
};

}  // namespace accord::test
