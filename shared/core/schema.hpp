// The schema: every command, event, protocol message and model struct declares its fields once,
// with ACCORD_FIELDS, and every enum its values once, with ACCORD_ENUM. One declaration yields
// the members, the field list that the codec, the hash and the tests walk (`describe`), and
// for each field the schema version it was added in and its default. How to add a field, and
// what happens to stored rooms: CONTRIBUTING.md ("Adding a field").
//
//   struct SeatTaken {
//     ACCORD_FIELDS(
//         (ParticipantId, participant, 0),
//         (SeatIndex, seat, 0),
//         (std::string, greeting, "hello", 2))  // added in schema version 2
//   };
//
// A field is (type, name), (type, name, default), (type, name, default, since) or
// (type, name, default, since, "wire_name"). The member is initialised as `type name{default}`.
// A type or default with a top-level comma needs an alias or parentheses.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>
#include <type_traits>
#include <variant>
#include <vector>

#include "core/enum_names.hpp"

namespace accord::schema {

// The version of the data schema. Bump it when a field is added (give the field this number as
// its `since`) or when a migration is needed (core/migrations.cpp).
#ifndef ACCORD_SCHEMA_PROBE
inline constexpr std::uint32_t kVersion =
    3;  // 2: lobby and debrief timers, starting-text package; 3: injects
#else
inline constexpr std::uint32_t kVersion = 4;  // the upgrade test's build: see below
#endif

// What a visitor that asks for it (kWantsFieldInfo) receives instead of the bare name: the
// version the field was added in and, for a field added after version 1, a function returning
// its default (the stored form needs it; a version-1 field is always present).
struct NoDefault {};

template <std::uint32_t Since, class MakeDefault = NoDefault>
struct FieldInfo {
  static constexpr std::uint32_t since = Since;
  const char* name;
  [[no_unique_address]] MakeDefault make_default;
};

template <class V>
concept WantsFieldInfo = std::remove_cvref_t<V>::kWantsFieldInfo;

// A field present since version 1. One FieldInfo type for all of them, so a visitor is
// instantiated once per member type, not once per field.
template <class V, class Member>
constexpr void field(V& visitor, const char* name, Member& member) {
  if constexpr (WantsFieldInfo<V>)
    visitor(FieldInfo<1>{name, {}}, member);
  else
    visitor(name, member);
}

template <std::uint32_t Since, class V, class Member, class MakeDefault>
constexpr void field(V& visitor, const char* name, Member& member, MakeDefault make_default) {
  static_assert(Since >= 1 && Since <= kVersion,
                "a field's version is between 1 and schema::kVersion: bump kVersion with it");
  if constexpr (Since == 1)
    field(visitor, name, member);
  else if constexpr (WantsFieldInfo<V>)
    visitor(FieldInfo<Since, MakeDefault>{name, make_default}, member);
  else
    visitor(name, member);
}

// The shapes a field's type can take besides a scalar or a described struct (the codecs and the
// tests' field walkers dispatch on them).
template <class T>
struct IsVector : std::false_type {};
template <class T>
struct IsVector<std::vector<T>> : std::true_type {};
template <class T>
struct IsOptional : std::false_type {};
template <class T>
struct IsOptional<std::optional<T>> : std::true_type {};
template <class T>
struct IsVariant : std::false_type {};
template <class... Ts>
struct IsVariant<std::variant<Ts...>> : std::true_type {};

}  // namespace accord::schema

// ------------------------------------------------------------------ preprocessor machinery

#define ACCORD_PP_CAT(a, b) ACCORD_PP_CAT_I(a, b)
#define ACCORD_PP_CAT_I(a, b) a##b
#define ACCORD_PP_NARGS(...) ACCORD_PP_NARGS_I(__VA_ARGS__, 5, 4, 3, 2, 1, 0)
#define ACCORD_PP_NARGS_I(_1, _2, _3, _4, _5, N, ...) N

// clang-format off
// ACCORD_PP_FOR_EACH(M, a, b, c) → M(a) M(b) M(c), for 1 to 64 arguments. A fixed-arity chain,
// not recursion by rescanning: each list is scanned a handful of times instead of dozens, which
// keeps preprocessing and compiling the schema-heavy headers cheap.
#define ACCORD_PP_COUNT(...) ACCORD_PP_COUNT_I(__VA_ARGS__, 64, 63, 62, 61, 60, 59, 58, 57, 56, 55, 54, 53, 52, 51, 50, 49, 48, 47, 46, 45, 44, 43, 42, 41, 40, 39, 38, 37, 36, 35, 34, 33, 32, 31, 30, 29, 28, 27, 26, 25, 24, 23, 22, 21, 20, 19, 18, 17, 16, 15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0)
#define ACCORD_PP_COUNT_I(_1, _2, _3, _4, _5, _6, _7, _8, _9, _10, _11, _12, _13, _14, _15, _16, _17, _18, _19, _20, _21, _22, _23, _24, _25, _26, _27, _28, _29, _30, _31, _32, _33, _34, _35, _36, _37, _38, _39, _40, _41, _42, _43, _44, _45, _46, _47, _48, _49, _50, _51, _52, _53, _54, _55, _56, _57, _58, _59, _60, _61, _62, _63, _64, N, ...) N
#define ACCORD_PP_FOR_EACH(macro, ...) \
  ACCORD_PP_CAT(ACCORD_PP_FE_, ACCORD_PP_COUNT(__VA_ARGS__))(macro, __VA_ARGS__)
#define ACCORD_PP_FE_1(m, a) m(a)
#define ACCORD_PP_FE_2(m, a, ...) m(a) ACCORD_PP_FE_1(m, __VA_ARGS__)
#define ACCORD_PP_FE_3(m, a, ...) m(a) ACCORD_PP_FE_2(m, __VA_ARGS__)
#define ACCORD_PP_FE_4(m, a, ...) m(a) ACCORD_PP_FE_3(m, __VA_ARGS__)
#define ACCORD_PP_FE_5(m, a, ...) m(a) ACCORD_PP_FE_4(m, __VA_ARGS__)
#define ACCORD_PP_FE_6(m, a, ...) m(a) ACCORD_PP_FE_5(m, __VA_ARGS__)
#define ACCORD_PP_FE_7(m, a, ...) m(a) ACCORD_PP_FE_6(m, __VA_ARGS__)
#define ACCORD_PP_FE_8(m, a, ...) m(a) ACCORD_PP_FE_7(m, __VA_ARGS__)
#define ACCORD_PP_FE_9(m, a, ...) m(a) ACCORD_PP_FE_8(m, __VA_ARGS__)
#define ACCORD_PP_FE_10(m, a, ...) m(a) ACCORD_PP_FE_9(m, __VA_ARGS__)
#define ACCORD_PP_FE_11(m, a, ...) m(a) ACCORD_PP_FE_10(m, __VA_ARGS__)
#define ACCORD_PP_FE_12(m, a, ...) m(a) ACCORD_PP_FE_11(m, __VA_ARGS__)
#define ACCORD_PP_FE_13(m, a, ...) m(a) ACCORD_PP_FE_12(m, __VA_ARGS__)
#define ACCORD_PP_FE_14(m, a, ...) m(a) ACCORD_PP_FE_13(m, __VA_ARGS__)
#define ACCORD_PP_FE_15(m, a, ...) m(a) ACCORD_PP_FE_14(m, __VA_ARGS__)
#define ACCORD_PP_FE_16(m, a, ...) m(a) ACCORD_PP_FE_15(m, __VA_ARGS__)
#define ACCORD_PP_FE_17(m, a, ...) m(a) ACCORD_PP_FE_16(m, __VA_ARGS__)
#define ACCORD_PP_FE_18(m, a, ...) m(a) ACCORD_PP_FE_17(m, __VA_ARGS__)
#define ACCORD_PP_FE_19(m, a, ...) m(a) ACCORD_PP_FE_18(m, __VA_ARGS__)
#define ACCORD_PP_FE_20(m, a, ...) m(a) ACCORD_PP_FE_19(m, __VA_ARGS__)
#define ACCORD_PP_FE_21(m, a, ...) m(a) ACCORD_PP_FE_20(m, __VA_ARGS__)
#define ACCORD_PP_FE_22(m, a, ...) m(a) ACCORD_PP_FE_21(m, __VA_ARGS__)
#define ACCORD_PP_FE_23(m, a, ...) m(a) ACCORD_PP_FE_22(m, __VA_ARGS__)
#define ACCORD_PP_FE_24(m, a, ...) m(a) ACCORD_PP_FE_23(m, __VA_ARGS__)
#define ACCORD_PP_FE_25(m, a, ...) m(a) ACCORD_PP_FE_24(m, __VA_ARGS__)
#define ACCORD_PP_FE_26(m, a, ...) m(a) ACCORD_PP_FE_25(m, __VA_ARGS__)
#define ACCORD_PP_FE_27(m, a, ...) m(a) ACCORD_PP_FE_26(m, __VA_ARGS__)
#define ACCORD_PP_FE_28(m, a, ...) m(a) ACCORD_PP_FE_27(m, __VA_ARGS__)
#define ACCORD_PP_FE_29(m, a, ...) m(a) ACCORD_PP_FE_28(m, __VA_ARGS__)
#define ACCORD_PP_FE_30(m, a, ...) m(a) ACCORD_PP_FE_29(m, __VA_ARGS__)
#define ACCORD_PP_FE_31(m, a, ...) m(a) ACCORD_PP_FE_30(m, __VA_ARGS__)
#define ACCORD_PP_FE_32(m, a, ...) m(a) ACCORD_PP_FE_31(m, __VA_ARGS__)
#define ACCORD_PP_FE_33(m, a, ...) m(a) ACCORD_PP_FE_32(m, __VA_ARGS__)
#define ACCORD_PP_FE_34(m, a, ...) m(a) ACCORD_PP_FE_33(m, __VA_ARGS__)
#define ACCORD_PP_FE_35(m, a, ...) m(a) ACCORD_PP_FE_34(m, __VA_ARGS__)
#define ACCORD_PP_FE_36(m, a, ...) m(a) ACCORD_PP_FE_35(m, __VA_ARGS__)
#define ACCORD_PP_FE_37(m, a, ...) m(a) ACCORD_PP_FE_36(m, __VA_ARGS__)
#define ACCORD_PP_FE_38(m, a, ...) m(a) ACCORD_PP_FE_37(m, __VA_ARGS__)
#define ACCORD_PP_FE_39(m, a, ...) m(a) ACCORD_PP_FE_38(m, __VA_ARGS__)
#define ACCORD_PP_FE_40(m, a, ...) m(a) ACCORD_PP_FE_39(m, __VA_ARGS__)
#define ACCORD_PP_FE_41(m, a, ...) m(a) ACCORD_PP_FE_40(m, __VA_ARGS__)
#define ACCORD_PP_FE_42(m, a, ...) m(a) ACCORD_PP_FE_41(m, __VA_ARGS__)
#define ACCORD_PP_FE_43(m, a, ...) m(a) ACCORD_PP_FE_42(m, __VA_ARGS__)
#define ACCORD_PP_FE_44(m, a, ...) m(a) ACCORD_PP_FE_43(m, __VA_ARGS__)
#define ACCORD_PP_FE_45(m, a, ...) m(a) ACCORD_PP_FE_44(m, __VA_ARGS__)
#define ACCORD_PP_FE_46(m, a, ...) m(a) ACCORD_PP_FE_45(m, __VA_ARGS__)
#define ACCORD_PP_FE_47(m, a, ...) m(a) ACCORD_PP_FE_46(m, __VA_ARGS__)
#define ACCORD_PP_FE_48(m, a, ...) m(a) ACCORD_PP_FE_47(m, __VA_ARGS__)
#define ACCORD_PP_FE_49(m, a, ...) m(a) ACCORD_PP_FE_48(m, __VA_ARGS__)
#define ACCORD_PP_FE_50(m, a, ...) m(a) ACCORD_PP_FE_49(m, __VA_ARGS__)
#define ACCORD_PP_FE_51(m, a, ...) m(a) ACCORD_PP_FE_50(m, __VA_ARGS__)
#define ACCORD_PP_FE_52(m, a, ...) m(a) ACCORD_PP_FE_51(m, __VA_ARGS__)
#define ACCORD_PP_FE_53(m, a, ...) m(a) ACCORD_PP_FE_52(m, __VA_ARGS__)
#define ACCORD_PP_FE_54(m, a, ...) m(a) ACCORD_PP_FE_53(m, __VA_ARGS__)
#define ACCORD_PP_FE_55(m, a, ...) m(a) ACCORD_PP_FE_54(m, __VA_ARGS__)
#define ACCORD_PP_FE_56(m, a, ...) m(a) ACCORD_PP_FE_55(m, __VA_ARGS__)
#define ACCORD_PP_FE_57(m, a, ...) m(a) ACCORD_PP_FE_56(m, __VA_ARGS__)
#define ACCORD_PP_FE_58(m, a, ...) m(a) ACCORD_PP_FE_57(m, __VA_ARGS__)
#define ACCORD_PP_FE_59(m, a, ...) m(a) ACCORD_PP_FE_58(m, __VA_ARGS__)
#define ACCORD_PP_FE_60(m, a, ...) m(a) ACCORD_PP_FE_59(m, __VA_ARGS__)
#define ACCORD_PP_FE_61(m, a, ...) m(a) ACCORD_PP_FE_60(m, __VA_ARGS__)
#define ACCORD_PP_FE_62(m, a, ...) m(a) ACCORD_PP_FE_61(m, __VA_ARGS__)
#define ACCORD_PP_FE_63(m, a, ...) m(a) ACCORD_PP_FE_62(m, __VA_ARGS__)
#define ACCORD_PP_FE_64(m, a, ...) m(a) ACCORD_PP_FE_63(m, __VA_ARGS__)
// clang-format on

// ------------------------------------------------------------------ fields

#define ACCORD_FIELD_DECLARE(field) \
  ACCORD_PP_CAT(ACCORD_FIELD_DECLARE_, ACCORD_PP_NARGS field) field
#define ACCORD_FIELD_DECLARE_2(type, name) type name{};
#define ACCORD_FIELD_DECLARE_3(type, name, init) type name{init};
#define ACCORD_FIELD_DECLARE_4(type, name, init, since) type name{init};
#define ACCORD_FIELD_DECLARE_5(type, name, init, since, wire) type name{init};

#define ACCORD_FIELD_VISIT(field) ACCORD_PP_CAT(ACCORD_FIELD_VISIT_, ACCORD_PP_NARGS field) field
#define ACCORD_FIELD_VISIT_2(type, name) ::accord::schema::field(v, #name, self.name);
#define ACCORD_FIELD_VISIT_3(type, name, init) ::accord::schema::field(v, #name, self.name);
#define ACCORD_FIELD_VISIT_4(type, name, init, since) \
  ::accord::schema::field<since>(v, #name, self.name, [] { return type{init}; });
#define ACCORD_FIELD_VISIT_5(type, name, init, since, wire) \
  ::accord::schema::field<since>(v, wire, self.name, [] { return type{init}; });

// Declares the members and their field list (`describe(self, visitor)`).
#define ACCORD_FIELDS(...)                                   \
  ACCORD_PP_FOR_EACH(ACCORD_FIELD_DECLARE, __VA_ARGS__)      \
  template <class Self, class V>                             \
  static void describe([[maybe_unused]] Self& self, V&& v) { \
    ACCORD_PP_FOR_EACH(ACCORD_FIELD_VISIT, __VA_ARGS__)      \
  }

// A struct with no fields (yet).
#define ACCORD_NO_FIELDS         \
  template <class Self, class V> \
  static void describe(Self&, V&&) {}

// The upgrade test (tests/durability/upgrade_test.cpp) builds the rules core and the store a
// second time with ACCORD_SCHEMA_PROBE, which adds a field to Match and to an event exactly as
// a developer would, and opens a store written by the release before this schema existed.
#ifdef ACCORD_SCHEMA_PROBE
#define ACCORD_SCHEMA_PROBE_FIELD(field) , field
#else
#define ACCORD_SCHEMA_PROBE_FIELD(field)
#endif

// ------------------------------------------------------------------ enums

#define ACCORD_ENUM_NAME(value) std::string_view{#value},

// Declares `enum class Name : Underlying { values... }` and its stable wire names, one per
// value by construction (the names are the enumerators' own). Values are never reordered or
// removed: stored data names them; add new ones at the end.
#define ACCORD_ENUM(Name, Underlying, ...)                                \
  enum class Name : Underlying { __VA_ARGS__ };                           \
  constexpr auto accord_enum_names(Name) {                                \
    return std::array{ACCORD_PP_FOR_EACH(ACCORD_ENUM_NAME, __VA_ARGS__)}; \
  }
