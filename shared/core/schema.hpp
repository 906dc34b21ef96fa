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
#include <string_view>

#include "core/enum_names.hpp"

namespace accord::schema {

// The version of the data schema. Bump it when a field is added (give the field this number as
// its `since`) or when a migration is needed (core/migrations.cpp).
#ifndef ACCORD_SCHEMA_PROBE
inline constexpr std::uint32_t kVersion = 1;
#else
inline constexpr std::uint32_t kVersion = 2;  // the upgrade test's build: see below
#endif

// What a visitor that asks for it (kWantsFieldInfo) receives instead of the bare name: the
// version the field was added in and a function returning its default.
template <std::uint32_t Since, class MakeDefault>
struct FieldInfo {
  static constexpr std::uint32_t since = Since;
  const char* name;
  MakeDefault make_default;
};

template <class V>
concept WantsFieldInfo = std::remove_cvref_t<V>::kWantsFieldInfo;

template <std::uint32_t Since, class V, class Member, class MakeDefault>
constexpr void field(V& visitor, const char* name, Member& member, MakeDefault make_default) {
  static_assert(Since >= 1 && Since <= kVersion,
                "a field's version is between 1 and schema::kVersion: bump kVersion with it");
  if constexpr (WantsFieldInfo<V>)
    visitor(FieldInfo<Since, MakeDefault>{name, make_default}, member);
  else
    visitor(name, member);
}

}  // namespace accord::schema

// ------------------------------------------------------------------ preprocessor machinery

#define ACCORD_PP_CAT(a, b) ACCORD_PP_CAT_I(a, b)
#define ACCORD_PP_CAT_I(a, b) a##b
#define ACCORD_PP_NARGS(...) ACCORD_PP_NARGS_I(__VA_ARGS__, 5, 4, 3, 2, 1, 0)
#define ACCORD_PP_NARGS_I(_1, _2, _3, _4, _5, N, ...) N

// ACCORD_PP_FOR_EACH(M, a, b, c) → M(a) M(b) M(c), for up to 64 arguments.
#define ACCORD_PP_PARENS ()
#define ACCORD_PP_EXPAND(...) ACCORD_PP_EXPAND3(ACCORD_PP_EXPAND3(ACCORD_PP_EXPAND3(__VA_ARGS__)))
#define ACCORD_PP_EXPAND3(...) \
  ACCORD_PP_EXPAND2(ACCORD_PP_EXPAND2(ACCORD_PP_EXPAND2(ACCORD_PP_EXPAND2(__VA_ARGS__))))
#define ACCORD_PP_EXPAND2(...) \
  ACCORD_PP_EXPAND1(ACCORD_PP_EXPAND1(ACCORD_PP_EXPAND1(ACCORD_PP_EXPAND1(__VA_ARGS__))))
#define ACCORD_PP_EXPAND1(...) __VA_ARGS__
#define ACCORD_PP_FOR_EACH(macro, ...) \
  __VA_OPT__(ACCORD_PP_EXPAND(ACCORD_PP_FOR_EACH_STEP(macro, __VA_ARGS__)))
#define ACCORD_PP_FOR_EACH_STEP(macro, first, ...) \
  macro(first) __VA_OPT__(ACCORD_PP_FOR_EACH_AGAIN ACCORD_PP_PARENS(macro, __VA_ARGS__))
#define ACCORD_PP_FOR_EACH_AGAIN() ACCORD_PP_FOR_EACH_STEP

// ------------------------------------------------------------------ fields

#define ACCORD_FIELD_DECLARE(field) \
  ACCORD_PP_CAT(ACCORD_FIELD_DECLARE_, ACCORD_PP_NARGS field) field
#define ACCORD_FIELD_DECLARE_2(type, name) type name{};
#define ACCORD_FIELD_DECLARE_3(type, name, init) type name{init};
#define ACCORD_FIELD_DECLARE_4(type, name, init, since) type name{init};
#define ACCORD_FIELD_DECLARE_5(type, name, init, since, wire) type name{init};

#define ACCORD_FIELD_VISIT(field) ACCORD_PP_CAT(ACCORD_FIELD_VISIT_, ACCORD_PP_NARGS field) field
#define ACCORD_FIELD_VISIT_2(type, name) \
  ::accord::schema::field<1>(v, #name, self.name, [] { return type{}; });
#define ACCORD_FIELD_VISIT_3(type, name, init) \
  ::accord::schema::field<1>(v, #name, self.name, [] { return type{init}; });
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
