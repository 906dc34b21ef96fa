// Internal: the generic conversion between described types and nlohmann::json. Include only
// from .cpp files (nlohmann/json.hpp is slow to compile).
#pragma once

#include <cstdint>
#include <limits>
#include <nlohmann/json.hpp>
#include <optional>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <variant>
#include <vector>

#include "core/codec.hpp"
#include "core/enum_names.hpp"
#include "core/msgpack_reader.hpp"
#include "core/msgpack_writer.hpp"
#include "core/schema.hpp"
#include "core/type_list.hpp"

namespace accord::json_codec {

using nlohmann::json;

struct NoopVisitor {
  template <class T>
  void operator()(const char*, T&) const {}
};

template <class T>
concept Described = requires(T& t) {
  T::describe(t, NoopVisitor{});
};

using schema::IsOptional;
using schema::IsVariant;
using schema::IsVector;

// ---------------------------------------------------------------- writing

template <class T>
json to_value(const T& value, Form form = Form::wire);

// Writes every field on the wire. In the stored form (the store, and the canonical bytes the
// hash is computed over) a field added after schema version 1 is left out while it holds its
// default, so a record or hash from before the field existed is the same bytes after it.
struct Writer {
  static constexpr bool kWantsFieldInfo = true;
  json& out;
  Form form;
  template <std::uint32_t Since, class MakeDefault, class T>
  void operator()(const schema::FieldInfo<Since, MakeDefault>& field, const T& value) {
    if constexpr (Since > 1)
      if (form == Form::stored && value == field.make_default()) return;
    out[field.name] = to_value(value, form);
  }
};

template <class T>
json to_value(const T& value, Form form) {
  if constexpr (std::is_same_v<T, bool> || std::is_integral_v<T> ||
                std::is_same_v<T, std::string>) {
    return json(value);
  } else if constexpr (std::is_enum_v<T>) {
    const auto name = to_string(value);
    // Never write what cannot be read back.
    if (name.empty())
      throw std::invalid_argument("an enum value without a name: " +
                                  std::to_string(static_cast<long long>(value)));
    return json(std::string(name));
  } else if constexpr (IsOptional<T>::value) {
    return value ? to_value(*value, form) : json(nullptr);
  } else if constexpr (IsVector<T>::value) {
    json array = json::array();
    for (const auto& item : value)
      array.push_back(to_value(item, form));
    return array;
  } else if constexpr (IsVariant<T>::value) {
    return std::visit(
        [form](const auto& alt) {
          using A = std::decay_t<decltype(alt)>;
          json object = json::object();
          object["type"] = std::string(A::kName);
          A::describe(alt, Writer{object, form});
          return object;
        },
        value);
  } else {
    static_assert(Described<T>, "no JSON form for this type");
    json object = json::object();
    T::describe(value, Writer{object, form});
    return object;
  }
}

// ---------------------------------------------------------------- reading

struct ReadContext {
  const DecodeLimits& limits;  // limits.form: wire (strict) or stored (defaults fill gaps)
  DecodeError error;
  bool failed = false;

  bool fail(const std::string& path, std::string problem) {
    if (!failed) error = DecodeError{path, std::move(problem)};
    failed = true;
    return false;
  }
};

// Defined in codec.cpp, like the MessagePack reading and writing below: each would otherwise
// instantiate nlohmann's serializer or binary reader again in every file that includes this one.
bool valid_utf8(const std::string& s);
Bytes msgpack_bytes(const json& document);

template <class T>
bool from_value(const json& j, T& out, const std::string& path, ReadContext& ctx);

struct Reader {
  static constexpr bool kWantsFieldInfo = true;
  const json& object;
  const std::string& path;
  ReadContext& ctx;
  std::size_t seen = 0;

  template <std::uint32_t Since, class MakeDefault, class T>
  void operator()(const schema::FieldInfo<Since, MakeDefault>& field, T& value) {
    if (ctx.failed) return;
    const auto it = object.find(field.name);
    const std::string field_path = path + "/" + field.name;
    if (it == object.end()) {
      // A stored record from before the field existed (or written while it held its default)
      // reads as the default. The wire is strict: a client sends every field.
      if constexpr (Since > 1) {
        if (ctx.limits.form == Form::stored) {
          value = field.make_default();
          return;
        }
      }
      ctx.fail(field_path,
               Since > 1 ? "missing field (added in schema version " + std::to_string(Since) + ")"
                         : std::string("missing field"));
      return;
    }
    ++seen;
    from_value(*it, value, field_path, ctx);
  }
};

// Reads the described fields of `object`, refusing unknown keys (except those in `allowed`).
template <class T>
bool read_fields(const json& object, T& out, const std::string& path, ReadContext& ctx,
                 std::size_t allowed_extra = 0) {
  if (!object.is_object()) return ctx.fail(path, "expected an object");
  Reader reader{object, path, ctx};
  T::describe(out, reader);
  if (ctx.failed) return false;
  if (object.size() != reader.seen + allowed_extra) {
    std::string known;
    for (auto it = object.begin(); it != object.end(); ++it) {
      bool described = (allowed_extra > 0 && it.key() == "type");
      T::describe(out, [&](const char* name, auto&) { described = described || it.key() == name; });
      if (!described) return ctx.fail(path + "/" + it.key(), "unexpected field");
    }
  }
  return true;
}

template <class Variant, std::size_t I = 0>
bool read_alternative(const json& j, Variant& out, std::size_t index, const std::string& path,
                      ReadContext& ctx) {
  if constexpr (I < std::variant_size_v<Variant>) {
    if (index != I) return read_alternative<Variant, I + 1>(j, out, index, path, ctx);
    auto& alt = out.template emplace<I>();
    return read_fields(j, alt, path, ctx, 1);
  } else {
    return ctx.fail(path + "/type", "unknown type");
  }
}

template <class T>
bool from_value(const json& j, T& out, const std::string& path, ReadContext& ctx) {
  if constexpr (std::is_same_v<T, bool>) {
    if (!j.is_boolean()) return ctx.fail(path, "expected true or false");
    out = j.get<bool>();
    return true;
  } else if constexpr (std::is_integral_v<T>) {
    // Range-check before narrowing: get<uint8_t>() would silently wrap 300 to 44.
    if (j.is_number_unsigned()) {
      const auto v = j.get<std::uint64_t>();
      if (v > static_cast<std::uint64_t>(std::numeric_limits<T>::max()))
        return ctx.fail(path, "number out of range");
      out = static_cast<T>(v);
      return true;
    }
    if (j.is_number_integer()) {
      const auto v = j.get<std::int64_t>();
      if constexpr (std::is_unsigned_v<T>) {
        if (v < 0) return ctx.fail(path, "number out of range");
        if (static_cast<std::uint64_t>(v) > std::numeric_limits<T>::max())
          return ctx.fail(path, "number out of range");
      } else {
        if (v < std::numeric_limits<T>::min() || v > std::numeric_limits<T>::max())
          return ctx.fail(path, "number out of range");
      }
      out = static_cast<T>(v);
      return true;
    }
    return ctx.fail(path, "expected a whole number");
  } else if constexpr (std::is_same_v<T, std::string>) {
    if (!j.is_string()) return ctx.fail(path, "expected a string");
    const auto& s = j.get_ref<const std::string&>();
    if (s.size() > ctx.limits.max_string_bytes) return ctx.fail(path, "string too long");
    if (!valid_utf8(s)) return ctx.fail(path, "invalid UTF-8");
    out = s;
    return true;
  } else if constexpr (std::is_enum_v<T>) {
    if (!j.is_string()) return ctx.fail(path, "expected a name");
    const auto value = enum_from_string<T>(j.get_ref<const std::string&>());
    if (!value) return ctx.fail(path, "unknown name '" + j.get<std::string>() + "'");
    out = *value;
    return true;
  } else if constexpr (IsOptional<T>::value) {
    if (j.is_null()) {
      out.reset();
      return true;
    }
    typename T::value_type inner{};
    if (!from_value(j, inner, path, ctx)) return false;
    out = std::move(inner);
    return true;
  } else if constexpr (IsVector<T>::value) {
    if (!j.is_array()) return ctx.fail(path, "expected an array");
    if (j.size() > ctx.limits.max_array_items) return ctx.fail(path, "too many items");
    out.clear();
    out.resize(j.size());
    for (std::size_t i = 0; i < j.size(); ++i)
      if (!from_value(j[i], out[i], path + "/" + std::to_string(i), ctx)) return false;
    return true;
  } else if constexpr (IsVariant<T>::value) {
    if (!j.is_object()) return ctx.fail(path, "expected an object");
    const auto type = j.find("type");
    if (type == j.end() || !type->is_string()) return ctx.fail(path + "/type", "missing type");
    const auto& names = type->get_ref<const std::string&>();
    const auto index = variant_index_of_name<T>(names);
    if (!index) return ctx.fail(path + "/type", "unknown type '" + names + "'");
    return read_alternative(j, out, *index, path, ctx);
  } else {
    static_assert(Described<T>, "no JSON form for this type");
    return read_fields(j, out, path, ctx);
  }
}

// The large trees are instantiated once, in codec.cpp: a file that reads or writes a type
// holding them (a log entry, a protocol message) calls those instead of compiling them again,
// which made each such file cost as much to build as codec.cpp itself.
extern template json to_value<Command>(const Command&, Form);
extern template json to_value<Event>(const Event&, Form);
extern template json to_value<Match>(const Match&, Form);
extern template json to_value<MatchSettings>(const MatchSettings&, Form);
extern template bool from_value<Command>(const json&, Command&, const std::string&, ReadContext&);
extern template bool from_value<Event>(const json&, Event&, const std::string&, ReadContext&);
extern template bool from_value<Match>(const json&, Match&, const std::string&, ReadContext&);
extern template bool from_value<MatchSettings>(const json&, MatchSettings&, const std::string&,
                                               ReadContext&);

// Bounded first pass and parse of MessagePack input (defined in codec.cpp).
std::optional<json> parse_msgpack_bounded(std::span<const std::uint8_t> bytes,
                                          const DecodeLimits& limits, DecodeError& error);

template <class T>
Decoded<T> read_document(const json& document, const DecodeLimits& limits) {
  Decoded<T> result;
  ReadContext ctx{limits, {}, false};
  T value{};
  if (from_value(document, value, "", ctx))
    result.value = std::move(value);
  else
    result.error = ctx.error;
  return result;
}

// Read straight into T first (msgpack_reader.hpp); only input that reader gives up on goes
// through the tree, whose strict reader says exactly what is wrong with it.
template <class T>
Decoded<T> decode_msgpack(std::span<const std::uint8_t> bytes, const DecodeLimits& limits) {
  Decoded<T> result;
  if (auto direct = msgpack::decode<T>(bytes, limits)) {
    result.value = std::move(*direct);
    return result;
  }
  const auto document = parse_msgpack_bounded(bytes, limits, result.error);
  if (!document) return result;
  return read_document<T>(*document, limits);
}

// Written straight from the field lists (msgpack_writer.hpp): the same bytes as
// msgpack_bytes(to_value(value, form)), without the tree.
template <class T>
Bytes encode_msgpack(const T& value, Form form = Form::wire) {
  return msgpack::encode(value, form);
}

}  // namespace accord::json_codec
