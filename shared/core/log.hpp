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
  std::uint32_t rules_version = kRulesVersion;
  std::string content_hash;  // hash of the content catalogue the match was played with
  std::uint64_t seed = 0;
  MatchSettings settings;

  template <class Self, class V>
  static void describe(Self& self, V&& v) {
    v("rules_version", self.rules_version);
    v("content_hash", self.content_hash);
    v("seed", self.seed);
    v("settings", self.settings);
  }
};

struct LogEntry {
  Seq seq = 0;  // global, rising, stamped by the server
  Event event;

  template <class Self, class V>
  static void describe(Self& self, V&& v) {
    v("seq", self.seq);
    v("event", self.event);
  }
};

struct EventLog {
  LogHeader header;
  std::vector<LogEntry> entries;

  template <class Self, class V>
  static void describe(Self& self, V&& v) {
    v("header", self.header);
    v("entries", self.entries);
  }
};

Bytes encode_log(const EventLog& log);
Decoded<EventLog> decode_log(std::span<const std::uint8_t> bytes, const DecodeLimits& = {});

// Pretty JSON, for golden files and for reading a log by eye.
std::string log_to_json_text(const EventLog& log);
Decoded<EventLog> log_from_json_text(std::string_view text, const DecodeLimits& = {});

Bytes encode_entry(const LogEntry& entry);
Decoded<LogEntry> decode_entry(std::span<const std::uint8_t> bytes, const DecodeLimits& = {});

struct Replayed {
  std::optional<Match> match;
  std::string error;  // why the log was refused
};

// Rebuilds the match from its header and events. Refuses a log from other rules, or, when
// expected_content_hash is given, one played with other content.
Replayed replay(const EventLog& log, std::optional<std::string_view> expected_content_hash = {});

}  // namespace accord
