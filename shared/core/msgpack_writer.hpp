// Internal: MessagePack written straight from the `describe` field lists, without building an
// nlohmann `json` tree first. Every message, stream item, stored record and view hash is
// encoded here, so this is the server's hot path (docs/performance.md): the tree cost an
// allocation per value and per key.
//
// The bytes are exactly those nlohmann's to_msgpack writes for the tree json_codec::to_value
// builds (tests/shared/msgpack_writer_test.cpp compares them over every message and event
// type and random matches): a map's keys in byte order, a variant as a map with its "type",
// the smallest integer form, nil for an empty optional. Hashes and stored records are the
// same bytes as before it existed, and the decoder (json_codec's strict reader) is unchanged.
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <limits>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <variant>
#include <vector>

#include "core/codec.hpp"
#include "core/enum_names.hpp"
#include "core/schema.hpp"

namespace accord::msgpack {

class Writer {
 public:
  Writer(Bytes& out, Form form) : out_(out), form_(form) {}
  Form form() const { return form_; }

  void nil() { out_.push_back(0xc0); }
  void boolean(bool value) { out_.push_back(value ? 0xc3 : 0xc2); }
  void unsigned_int(std::uint64_t value) {
    if (value < 128) {
      out_.push_back(static_cast<std::uint8_t>(value));
    } else if (value <= std::numeric_limits<std::uint8_t>::max()) {
      big_endian(0xcc, value, 1);
    } else if (value <= std::numeric_limits<std::uint16_t>::max()) {
      big_endian(0xcd, value, 2);
    } else if (value <= std::numeric_limits<std::uint32_t>::max()) {
      big_endian(0xce, value, 4);
    } else {
      big_endian(0xcf, value, 8);
    }
  }
  void signed_int(std::int64_t value) {
    if (value >= 0) return unsigned_int(static_cast<std::uint64_t>(value));
    const auto bits = static_cast<std::uint64_t>(value);
    if (value >= -32) {
      out_.push_back(static_cast<std::uint8_t>(bits));
    } else if (value >= std::numeric_limits<std::int8_t>::min()) {
      big_endian(0xd0, bits, 1);
    } else if (value >= std::numeric_limits<std::int16_t>::min()) {
      big_endian(0xd1, bits, 2);
    } else if (value >= std::numeric_limits<std::int32_t>::min()) {
      big_endian(0xd2, bits, 4);
    } else {
      big_endian(0xd3, bits, 8);
    }
  }
  void string(std::string_view text) {
    const auto n = text.size();
    if (n <= 31)
      out_.push_back(static_cast<std::uint8_t>(0xa0 | n));
    else
      header(0xd9, 0xda, 0xdb, n);
    out_.insert(out_.end(), text.begin(), text.end());
  }
  void array(std::size_t n) {
    if (n <= 15)
      out_.push_back(static_cast<std::uint8_t>(0x90 | n));
    else
      header(0, 0xdc, 0xdd, n);
  }
  void map(std::size_t n) {
    if (n <= 15)
      out_.push_back(static_cast<std::uint8_t>(0x80 | n));
    else
      header(0, 0xde, 0xdf, n);
  }

 private:
  void big_endian(std::uint8_t tag, std::uint64_t value, int bytes) {
    out_.push_back(tag);
    for (int shift = (bytes - 1) * 8; shift >= 0; shift -= 8)
      out_.push_back(static_cast<std::uint8_t>(value >> shift));
  }
  // The 8-bit form exists for strings only (tag8 == 0 for arrays and maps).
  void header(std::uint8_t tag8, std::uint8_t tag16, std::uint8_t tag32, std::size_t n) {
    if (tag8 != 0 && n <= std::numeric_limits<std::uint8_t>::max())
      big_endian(tag8, n, 1);
    else if (n <= std::numeric_limits<std::uint16_t>::max())
      big_endian(tag16, n, 2);
    else
      big_endian(tag32, n, 4);
  }

  Bytes& out_;
  Form form_;
};

template <class T>
void write(Writer& w, const T& value);

namespace detail {

using schema::IsOptional;
using schema::IsVariant;
using schema::IsVector;

// One key of a map, with a function that writes its value: the keys are gathered, sorted, then
// written, as nlohmann's std::map-ordered objects are.
struct Entry {
  std::string_view key;
  const void* value;
  void (*write_value)(Writer&, const void*);
};

template <class T>
void write_erased(Writer& w, const void* value) {
  write(w, *static_cast<const T*>(value));
}

inline void write_type_name(Writer& w, const void* name) {
  w.string(*static_cast<const std::string_view*>(name));
}

// ACCORD_FIELDS allows 64 fields; a variant's map adds "type".
using Entries = std::array<Entry, 65>;

struct Gather {
  static constexpr bool kWantsFieldInfo = true;
  Entries& entries;
  std::size_t count;
  Form form;

  template <std::uint32_t Since, class MakeDefault, class T>
  void operator()(const schema::FieldInfo<Since, MakeDefault>& field, const T& value) {
    // As json_codec::Writer: the stored form leaves out a later field holding its default.
    if constexpr (Since > 1)
      if (form == Form::stored && value == field.make_default()) return;
    entries[count++] = Entry{field.name, &value, &write_erased<T>};
  }
};

inline void write_entries(Writer& w, Entries& entries, std::size_t count) {
  std::sort(entries.begin(), entries.begin() + static_cast<std::ptrdiff_t>(count),
            [](const Entry& a, const Entry& b) { return a.key < b.key; });
  w.map(count);
  for (std::size_t i = 0; i < count; ++i) {
    w.string(entries[i].key);
    entries[i].write_value(w, entries[i].value);
  }
}

template <class T>
void write_described(Writer& w, const T& value, const std::string_view* type_name) {
  Entries entries;
  Gather gather{entries, 0, w.form()};
  if (type_name != nullptr) entries[gather.count++] = Entry{"type", type_name, &write_type_name};
  T::describe(value, gather);
  write_entries(w, entries, gather.count);
}

}  // namespace detail

template <class T>
void write(Writer& w, const T& value) {
  if constexpr (std::is_same_v<T, bool>) {
    w.boolean(value);
  } else if constexpr (std::is_integral_v<T> && std::is_signed_v<T>) {
    w.signed_int(value);
  } else if constexpr (std::is_integral_v<T>) {
    w.unsigned_int(value);
  } else if constexpr (std::is_same_v<T, std::string>) {
    w.string(value);
  } else if constexpr (std::is_enum_v<T>) {
    const auto name = to_string(value);
    // Never write what cannot be read back.
    if (name.empty())
      throw std::invalid_argument("an enum value without a name: " +
                                  std::to_string(static_cast<long long>(value)));
    w.string(name);
  } else if constexpr (detail::IsOptional<T>::value) {
    if (value)
      write(w, *value);
    else
      w.nil();
  } else if constexpr (detail::IsVector<T>::value) {
    w.array(value.size());
    for (const auto& item : value)
      write(w, item);
  } else if constexpr (detail::IsVariant<T>::value) {
    std::visit(
        [&w](const auto& alt) {
          using A = std::decay_t<decltype(alt)>;
          const std::string_view name = A::kName;
          detail::write_described(w, alt, &name);
        },
        value);
  } else {
    detail::write_described(w, value, nullptr);
  }
}

template <class T>
Bytes encode(const T& value, Form form = Form::wire) {
  Bytes out;
  out.reserve(256);
  Writer w(out, form);
  write(w, value);
  return out;
}

// Instantiated once, in core/codec.cpp (as json_codec's trees are).
extern template void write<Command>(Writer&, const Command&);
extern template void write<Event>(Writer&, const Event&);
extern template void write<Match>(Writer&, const Match&);
extern template void write<MatchSettings>(Writer&, const MatchSettings&);

}  // namespace accord::msgpack
