// Bytes in and out: commands, events, matches and logs as MessagePack (through nlohmann-json),
// with bounded, strict decoding that names the field that failed.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/commands.hpp"
#include "core/events.hpp"
#include "core/model.hpp"

namespace accord {

using Bytes = std::vector<std::uint8_t>;

// The wire is strict: every field must be there. Stored data (the room store, logs on disk)
// was written by this or an earlier schema version: a field added since reads as its default.
enum class Form : std::uint8_t { wire, stored };

struct DecodeLimits {
  std::size_t max_bytes = 16u << 20;  // whole input
  unsigned max_depth = 32;            // nesting of arrays and maps
  std::size_t max_string_bytes = 64u << 10;
  std::size_t max_array_items = 1u << 20;
  Form form = Form::wire;
};

// Limits for reading back what this program stored.
inline DecodeLimits stored_form() {
  DecodeLimits limits;
  limits.form = Form::stored;
  return limits;
}

struct DecodeError {
  std::string path;     // JSON pointer of the failing field, e.g. "/participants/3/name"
  std::string problem;  // what was wrong with it
  std::string describe() const { return (path.empty() ? std::string("/") : path) + ": " + problem; }
};

template <class T>
struct Decoded {
  std::optional<T> value;
  DecodeError error;  // set when value is empty
  explicit operator bool() const { return value.has_value(); }
};

Bytes encode_command(const Command& command);
Decoded<Command> decode_command(std::span<const std::uint8_t> bytes, const DecodeLimits& = {});

Bytes encode_event(const Event& event);
Decoded<Event> decode_event(std::span<const std::uint8_t> bytes, const DecodeLimits& = {});

// In the stored form (a snapshot); read a stored one back with stored_form().
Bytes encode_match(const Match& match);
Decoded<Match> decode_match(std::span<const std::uint8_t> bytes, const DecodeLimits& = {});

// The canonical byte encoding the hash is computed over: MessagePack of the described fields,
// map keys in sorted order, integers in their shortest form.
Bytes canonical_bytes(const Match& match);

// Readable forms for logs, golden files and debugging.
std::string to_json_text(const Event& event);
std::string to_json_text(const Command& command);

}  // namespace accord
