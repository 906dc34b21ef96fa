// Internal: MessagePack read straight into the described types, the mirror of
// msgpack_writer.hpp. Every message a client hears and every command the server reads is
// decoded here first; the nlohmann tree the strict reader (json_codec.hpp) builds cost a
// third of the load generator's time (docs/performance.md).
//
// It only ever accepts what the strict reader accepts, with the same result: the same limits
// (depth, string bytes, array items), the same field rules (every field present on the wire,
// a later field's default in the stored form, no unknown or repeated key), the same integer
// ranges, valid UTF-8. Anything else makes it give up, and json_codec::decode_msgpack then runs
// the strict reader, which says exactly what was wrong: errors keep their paths and wording.
// tests/shared/msgpack_reader_test.cpp compares the two over valid and damaged input.
#pragma once

#include <array>
#include <bitset>
#include <cstdint>
#include <limits>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <variant>
#include <vector>

#include "core/codec.hpp"
#include "core/enum_names.hpp"
#include "core/msgpack_writer.hpp"
#include "core/schema.hpp"

namespace accord::json_codec {
bool valid_utf8(const std::string& s);  // codec.cpp
}

namespace accord::msgpack {

class Reader {
 public:
  Reader(std::span<const std::uint8_t> bytes, const DecodeLimits& limits)
      : bytes_(bytes), limits_(limits) {}
  const DecodeLimits& limits() const { return limits_; }
  bool at_end() const { return pos_ == bytes_.size(); }
  std::size_t position() const { return pos_; }
  void seek(std::size_t pos) { pos_ = pos; }

  bool nil() {
    if (pos_ >= bytes_.size() || bytes_[pos_] != 0xc0) return false;
    ++pos_;
    return true;
  }
  bool boolean(bool& out) {
    if (pos_ >= bytes_.size()) return false;
    const auto tag = bytes_[pos_];
    if (tag != 0xc2 && tag != 0xc3) return false;
    out = tag == 0xc3;
    ++pos_;
    return true;
  }
  // Any integer form: `negative` tells which of the two holds it.
  bool integer(bool& negative, std::uint64_t& magnitude, std::int64_t& value) {
    if (pos_ >= bytes_.size()) return false;
    const auto tag = bytes_[pos_++];
    negative = false;
    if (tag <= 0x7f) return set_unsigned(tag, magnitude);
    if (tag >= 0xe0) {
      negative = true;
      value = static_cast<std::int8_t>(tag);
      return true;
    }
    std::uint64_t raw = 0;
    switch (tag) {
      case 0xcc:
        return big_endian(1, raw) && set_unsigned(raw, magnitude);
      case 0xcd:
        return big_endian(2, raw) && set_unsigned(raw, magnitude);
      case 0xce:
        return big_endian(4, raw) && set_unsigned(raw, magnitude);
      case 0xcf:
        return big_endian(8, raw) && set_unsigned(raw, magnitude);
      case 0xd0:
        return big_endian(1, raw) &&
               set_signed(static_cast<std::int8_t>(raw), negative, magnitude, value);
      case 0xd1:
        return big_endian(2, raw) &&
               set_signed(static_cast<std::int16_t>(raw), negative, magnitude, value);
      case 0xd2:
        return big_endian(4, raw) &&
               set_signed(static_cast<std::int32_t>(raw), negative, magnitude, value);
      case 0xd3:
        return big_endian(8, raw) &&
               set_signed(static_cast<std::int64_t>(raw), negative, magnitude, value);
      default:
        return false;
    }
  }
  bool string(std::string_view& out) {
    if (pos_ >= bytes_.size()) return false;
    const auto tag = bytes_[pos_++];
    std::uint64_t n = 0;
    if ((tag & 0xe0) == 0xa0)
      n = tag & 0x1fu;
    else if (!(tag == 0xd9   ? big_endian(1, n)
               : tag == 0xda ? big_endian(2, n)
                             : tag == 0xdb && big_endian(4, n)))
      return false;
    if (n > bytes_.size() - pos_) return false;
    out = std::string_view(reinterpret_cast<const char*>(bytes_.data() + pos_), n);
    pos_ += n;
    return true;
  }
  bool array(std::size_t& n) { return container(0x90, 0xdc, 0xdd, n); }
  bool map(std::size_t& n) { return container(0x80, 0xde, 0xdf, n); }
  // Containers count toward the depth limit, as the strict reader's first pass counts them.
  bool enter() { return ++depth_ <= limits_.max_depth; }
  void leave() { --depth_; }
  // Steps over one value of any kind this reader knows (a map's value it is not reading yet).
  bool skip() {
    if (pos_ >= bytes_.size()) return false;
    const auto tag = bytes_[pos_];
    bool negative = false;
    std::uint64_t magnitude = 0;
    std::int64_t value = 0;
    bool flag = false;
    std::string_view text;
    std::size_t n = 0;
    if (tag == 0xc0) return nil();
    if (tag == 0xc2 || tag == 0xc3) return boolean(flag);
    if (tag <= 0x7f || tag >= 0xe0 || (tag >= 0xcc && tag <= 0xd3))
      return integer(negative, magnitude, value);
    if ((tag & 0xe0) == 0xa0 || (tag >= 0xd9 && tag <= 0xdb)) return string(text);
    if ((tag & 0xf0) == 0x90 || tag == 0xdc || tag == 0xdd) {
      if (!array(n) || !enter()) return false;
      for (std::size_t i = 0; i < n; ++i)
        if (!skip()) return false;
      leave();
      return true;
    }
    if ((tag & 0xf0) == 0x80 || tag == 0xde || tag == 0xdf) {
      if (!map(n) || !enter()) return false;
      for (std::size_t i = 0; i < n; ++i)
        if (!string(text) || !skip()) return false;
      leave();
      return true;
    }
    return false;  // floats, binary, extensions: no described type holds them
  }

 private:
  bool big_endian(int count, std::uint64_t& out) {
    if (bytes_.size() - pos_ < static_cast<std::size_t>(count)) return false;
    out = 0;
    for (int i = 0; i < count; ++i)
      out = (out << 8) | bytes_[pos_++];
    return true;
  }
  static bool set_unsigned(std::uint64_t raw, std::uint64_t& magnitude) {
    magnitude = raw;
    return true;
  }
  static bool set_signed(std::int64_t raw, bool& negative, std::uint64_t& magnitude,
                         std::int64_t& value) {
    negative = raw < 0;
    if (negative)
      value = raw;
    else
      magnitude = static_cast<std::uint64_t>(raw);
    return true;
  }
  bool container(std::uint8_t fix, std::uint8_t tag16, std::uint8_t tag32, std::size_t& n) {
    if (pos_ >= bytes_.size()) return false;
    const auto tag = bytes_[pos_++];
    std::uint64_t count = 0;
    if ((tag & 0xf0) == fix)
      count = tag & 0x0fu;
    else if (!(tag == tag16 ? big_endian(2, count) : tag == tag32 && big_endian(4, count)))
      return false;
    // Every item is at least one byte: a count past the input's end is a lie.
    if (count > bytes_.size() - pos_) return false;
    n = static_cast<std::size_t>(count);
    return true;
  }

  std::span<const std::uint8_t> bytes_;
  const DecodeLimits& limits_;
  std::size_t pos_ = 0;
  unsigned depth_ = 0;
};

template <class T>
bool read(Reader& r, T& out);

namespace detail {

// The field names of a described type, in `describe` order (read once per type).
template <class T>
const std::vector<std::string_view>& field_names() {
  static const std::vector<std::string_view> names = [] {
    std::vector<std::string_view> list;
    T probe{};
    T::describe(probe, [&](const char* name, auto&) { list.emplace_back(name); });
    return list;
  }();
  return names;
}

// Reads the value of field `target` (in describe order) from the reader.
struct ReadField {
  static constexpr bool kWantsFieldInfo = true;
  Reader& r;
  std::size_t target;
  std::size_t index = 0;
  bool ok = false;
  template <std::uint32_t Since, class MakeDefault, class M>
  void operator()(const schema::FieldInfo<Since, MakeDefault>&, M& member) {
    if (index++ == target) ok = read(r, member);
  }
};

// After the keys: a field the input left out is its default in the stored form when it came
// after schema version 1, and missing everywhere else.
struct FillMissing {
  static constexpr bool kWantsFieldInfo = true;
  const std::bitset<64>& seen;
  Form form;
  std::size_t index = 0;
  bool ok = true;
  template <std::uint32_t Since, class MakeDefault, class M>
  void operator()(const schema::FieldInfo<Since, MakeDefault>& field, M& member) {
    if (seen[index++]) return;
    if constexpr (Since > 1) {
      if (form == Form::stored) {
        member = field.make_default();
        return;
      }
    }
    ok = false;
  }
};

// A map of T's fields; `type_key`: a variant's alternative, whose "type" was read already.
template <class T>
bool read_described(Reader& r, T& out, bool type_key) {
  std::size_t n = 0;
  if (!r.map(n) || !r.enter()) return false;
  const auto& names = field_names<T>();
  if (names.size() > 64) return false;
  std::bitset<64> seen;
  bool type_seen = false;
  for (std::size_t i = 0; i < n; ++i) {
    std::string_view key;
    if (!r.string(key)) return false;
    if (type_key && key == "type") {
      if (type_seen || !r.skip()) return false;
      type_seen = true;
      continue;
    }
    std::size_t index = 0;
    while (index < names.size() && names[index] != key)
      ++index;
    if (index == names.size() || seen[index]) return false;  // unknown, or repeated
    seen[index] = true;
    ReadField field{r, index};
    T::describe(out, field);
    if (!field.ok) return false;
  }
  if (seen.count() != names.size()) {
    FillMissing fill{seen, r.limits().form};
    T::describe(out, fill);
    if (!fill.ok) return false;
  }
  r.leave();
  return true;
}

template <class Variant, std::size_t I = 0>
bool read_alternative(Reader& r, Variant& out, std::string_view name) {
  if constexpr (I < std::variant_size_v<Variant>) {
    using A = std::variant_alternative_t<I, Variant>;
    if (name != A::kName) return read_alternative<Variant, I + 1>(r, out, name);
    return read_described(r, out.template emplace<I>(), true);
  } else {
    return false;
  }
}

template <class Variant>
bool read_variant(Reader& r, Variant& out) {
  // Find "type" first (anywhere in the map), then read the alternative's fields from the top.
  const std::size_t start = r.position();
  std::size_t n = 0;
  if (!r.map(n) || !r.enter()) return false;
  std::optional<std::string_view> type;
  for (std::size_t i = 0; i < n && !type; ++i) {
    std::string_view key;
    if (!r.string(key)) return false;
    if (key == "type") {
      std::string_view name;
      if (!r.string(name)) return false;
      type = name;
    } else if (!r.skip()) {
      return false;
    }
  }
  r.leave();
  if (!type) return false;
  r.seek(start);
  return read_alternative(r, out, *type);
}

}  // namespace detail

template <class T>
bool read(Reader& r, T& out) {
  if constexpr (std::is_same_v<T, bool>) {
    return r.boolean(out);
  } else if constexpr (std::is_integral_v<T>) {
    bool negative = false;
    std::uint64_t magnitude = 0;
    std::int64_t value = 0;
    if (!r.integer(negative, magnitude, value)) return false;
    if (negative) {
      if constexpr (std::is_unsigned_v<T>) {
        return false;
      } else {
        if (value < std::numeric_limits<T>::min()) return false;
        out = static_cast<T>(value);
        return true;
      }
    }
    if (magnitude > static_cast<std::uint64_t>(std::numeric_limits<T>::max())) return false;
    out = static_cast<T>(magnitude);
    return true;
  } else if constexpr (std::is_same_v<T, std::string>) {
    std::string_view text;
    if (!r.string(text) || text.size() > r.limits().max_string_bytes) return false;
    out.assign(text);
    return json_codec::valid_utf8(out);
  } else if constexpr (std::is_enum_v<T>) {
    std::string_view text;
    if (!r.string(text)) return false;
    const auto value = enum_from_string<T>(text);
    if (!value) return false;
    out = *value;
    return true;
  } else if constexpr (detail::IsOptional<T>::value) {
    if (r.nil()) {
      out.reset();
      return true;
    }
    typename T::value_type inner{};
    if (!read(r, inner)) return false;
    out = std::move(inner);
    return true;
  } else if constexpr (detail::IsVector<T>::value) {
    std::size_t n = 0;
    if (!r.array(n) || n > r.limits().max_array_items || !r.enter()) return false;
    out.clear();
    out.resize(n);
    for (auto& item : out)
      if (!read(r, item)) return false;
    r.leave();
    return true;
  } else if constexpr (detail::IsVariant<T>::value) {
    return detail::read_variant(r, out);
  } else {
    return detail::read_described(r, out, false);
  }
}

// The whole input as one T, or nothing (then the strict reader says why).
template <class T>
std::optional<T> decode(std::span<const std::uint8_t> bytes, const DecodeLimits& limits) {
  if (bytes.empty() || bytes.size() > limits.max_bytes) return std::nullopt;
  Reader r(bytes, limits);
  T value{};
  if (!read(r, value) || !r.at_end()) return std::nullopt;
  return value;
}

// Instantiated once, in core/codec.cpp.
extern template bool read<Command>(Reader&, Command&);
extern template bool read<Event>(Reader&, Event&);
extern template bool read<Match>(Reader&, Match&);
extern template bool read<MatchSettings>(Reader&, MatchSettings&);

}  // namespace accord::msgpack
