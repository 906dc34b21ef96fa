// The append-only event log: the single source of truth for persistence, recovery, replays and
// reports. Its header pins what the events mean (rules version, content, seed, settings).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/codec.hpp"
#include "core/events.hpp"
#include "core/model.hpp"

namespace accord {

struct LogHeader {
  // clang-format off
  ACCORD_FIELDS(
      (std::uint32_t, rules_version, kRulesVersion),
      (std::string, content_hash),  // hash of the content catalogue the match was played with
      (std::uint64_t, seed, 0),
      (MatchSettings, settings))
  // clang-format on
};

struct LogEntry {
  // clang-format off
  ACCORD_FIELDS(
      (Seq, seq, 0),  // global, rising, stamped by the server
      (Event, event))
  // clang-format on
};

struct EventLog {
  ACCORD_FIELDS((LogHeader, header), (std::vector<LogEntry>, entries))
};

// A log is stored data: encoded in the stored form, and read with stored_form() unless told.
Bytes encode_log(const EventLog& log);
Decoded<EventLog> decode_log(std::span<const std::uint8_t> bytes,
                             const DecodeLimits& = stored_form());

// Pretty JSON, for golden files and for reading a log by eye.
std::string log_to_json_text(const EventLog& log);
Decoded<EventLog> log_from_json_text(std::string_view text, const DecodeLimits& = stored_form());

Bytes encode_entry(const LogEntry& entry);
Decoded<LogEntry> decode_entry(std::span<const std::uint8_t> bytes,
                               const DecodeLimits& = stored_form());

struct Replayed {
  std::optional<Match> match;
  std::string error;  // why the log was refused
};

// Applies `entries` (whose seq must rise from `after`) to `match`, a new match or a snapshot
// taken after entry `after`. Returns why it refused (rules newer than these; a seq that does
// not rise), or an empty string.
std::string replay_onto(Match& match, const LogHeader& header, Seq after,
                        std::span<const LogEntry> entries);

// Rebuilds the match from its header and events. Refuses a log from other rules, or, when
// expected_content_hash is given, one played with other content.
Replayed replay(const EventLog& log, std::optional<std::string_view> expected_content_hash = {});

}  // namespace accord
