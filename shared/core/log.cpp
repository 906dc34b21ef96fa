#include "core/log.hpp"

#include "core/json_codec.hpp"
#include "core/rules.hpp"

namespace accord {
using json_codec::json;
using json_codec::read_document;

Bytes encode_log(const EventLog& log) {
  return json_codec::encode_msgpack(log, Form::stored);
}

Decoded<EventLog> decode_log(std::span<const std::uint8_t> bytes, const DecodeLimits& limits) {
  return json_codec::decode_msgpack<EventLog>(bytes, limits);
}

Bytes encode_entry(const LogEntry& entry) {
  return json_codec::encode_msgpack(entry, Form::stored);
}

Decoded<LogEntry> decode_entry(std::span<const std::uint8_t> bytes, const DecodeLimits& limits) {
  return json_codec::decode_msgpack<LogEntry>(bytes, limits);
}

std::string log_to_json_text(const EventLog& log) {
  return json_codec::to_value(log, Form::stored).dump(1) + "\n";
}

Decoded<EventLog> log_from_json_text(std::string_view text, const DecodeLimits& limits) {
  Decoded<EventLog> result;
  if (text.size() > limits.max_bytes) {
    result.error = {"", "input exceeds the size limit"};
    return result;
  }
  const json document = json::parse(text, nullptr, false);
  if (document.is_discarded()) {
    result.error = {"", "not valid JSON"};
    return result;
  }
  return read_document<EventLog>(document, limits);
}

std::string replay_onto(Match& match, const LogHeader& header, Seq after,
                        std::span<const LogEntry> entries) {
  // Events are facts: `apply` keeps the meaning of every event older rules recorded (rule
  // changes go into `decide`), so a log from older rules replays. A newer one cannot.
  if (header.rules_version > kRulesVersion)
    return "recorded with rules version " + std::to_string(header.rules_version) +
           ", newer than these rules (version " + std::to_string(kRulesVersion) + ")";
  Seq previous = after;
  for (const auto& entry : entries) {
    if (entry.seq <= previous)
      return "event sequence numbers do not rise at seq " + std::to_string(entry.seq);
    previous = entry.seq;
    accord::apply(match, entry.event);
  }
  return {};
}

Replayed replay(const EventLog& log, std::optional<std::string_view> expected_content_hash) {
  if (expected_content_hash && log.header.content_hash != *expected_content_hash)
    return {std::nullopt, "this log was played with other content (hash " +
                              log.header.content_hash + ", expected " +
                              std::string(*expected_content_hash) + ")"};
  if (auto problem = validate_settings(log.header.settings))
    return {std::nullopt, "the log's settings are invalid: " + problem->message};
  Match match = new_match(log.header.settings, log.header.seed);
  if (auto problem = replay_onto(match, log.header, 0, log.entries); !problem.empty())
    return {std::nullopt, "this log was " + problem};
  return {std::move(match), {}};
}

}  // namespace accord
