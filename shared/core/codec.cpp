#include "core/codec.hpp"

#include "core/json_codec.hpp"

namespace accord {
namespace {

using json_codec::json;

// First pass over MessagePack input: counts nesting and stops past the limit, before any
// object is built (from_msgpack recurses once per level and overflows the stack on deep input).
class DepthGuard : public nlohmann::json_sax<json> {
 public:
  explicit DepthGuard(unsigned max_depth) : max_depth_(max_depth) {}
  bool too_deep = false;
  std::string parse_problem;

  bool null() override { return true; }
  bool boolean(bool) override { return true; }
  bool number_integer(number_integer_t) override { return true; }
  bool number_unsigned(number_unsigned_t) override { return true; }
  bool number_float(number_float_t, const string_t&) override { return true; }
  bool string(string_t&) override { return true; }
  bool binary(binary_t&) override { return true; }
  bool start_object(std::size_t) override { return enter(); }
  bool key(string_t&) override { return true; }
  bool end_object() override { return leave(); }
  bool start_array(std::size_t) override { return enter(); }
  bool end_array() override { return leave(); }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception& e) override {
    parse_problem = e.what();
    return false;
  }

 private:
  bool enter() {
    if (++depth_ > max_depth_) {
      too_deep = true;
      return false;
    }
    return true;
  }
  bool leave() {
    --depth_;
    return true;
  }
  unsigned max_depth_;
  unsigned depth_ = 0;
};

}  // namespace

template bool msgpack::read<Command>(msgpack::Reader&, Command&);
template bool msgpack::read<Event>(msgpack::Reader&, Event&);
template bool msgpack::read<Match>(msgpack::Reader&, Match&);
template bool msgpack::read<MatchSettings>(msgpack::Reader&, MatchSettings&);
template void msgpack::write<Command>(msgpack::Writer&, const Command&);
template void msgpack::write<Event>(msgpack::Writer&, const Event&);
template void msgpack::write<Match>(msgpack::Writer&, const Match&);
template void msgpack::write<MatchSettings>(msgpack::Writer&, const MatchSettings&);
template json json_codec::to_value<Command>(const Command&, Form);
template json json_codec::to_value<Event>(const Event&, Form);
template json json_codec::to_value<Match>(const Match&, Form);
template json json_codec::to_value<MatchSettings>(const MatchSettings&, Form);
template bool json_codec::from_value<Command>(const json&, Command&, const std::string&,
                                              json_codec::ReadContext&);
template bool json_codec::from_value<Event>(const json&, Event&, const std::string&,
                                            json_codec::ReadContext&);
template bool json_codec::from_value<Match>(const json&, Match&, const std::string&,
                                            json_codec::ReadContext&);
template bool json_codec::from_value<MatchSettings>(const json&, MatchSettings&, const std::string&,
                                                    json_codec::ReadContext&);

bool json_codec::valid_utf8(const std::string& s) {
  try {
    (void)json(s).dump();  // dump() rejects invalid UTF-8 (error 316)
    return true;
  } catch (const json::type_error&) {
    return false;
  }
}

Bytes json_codec::msgpack_bytes(const json& document) {
  return json::to_msgpack(document);
}

// Turns bounded MessagePack bytes into a json document, or says what was wrong.
std::optional<json> json_codec::parse_msgpack_bounded(std::span<const std::uint8_t> bytes,
                                                      const DecodeLimits& limits,
                                                      DecodeError& error) {
  if (bytes.empty()) {
    error = {"", "empty input"};
    return std::nullopt;
  }
  if (bytes.size() > limits.max_bytes) {
    error = {"", "input of " + std::to_string(bytes.size()) + " bytes exceeds the limit of " +
                     std::to_string(limits.max_bytes)};
    return std::nullopt;
  }
  DepthGuard guard(limits.max_depth);
  const bool ok = json::sax_parse(bytes.begin(), bytes.end(), &guard,
                                  nlohmann::detail::input_format_t::msgpack, true);
  if (!ok) {
    if (guard.too_deep)
      error = {"", "nested deeper than " + std::to_string(limits.max_depth) + " levels"};
    else
      error = {"", "malformed MessagePack: " + guard.parse_problem};
    return std::nullopt;
  }
  try {
    return json::from_msgpack(bytes.begin(), bytes.end(), true, true);
  } catch (const json::exception& e) {
    error = {"", std::string("malformed MessagePack: ") + e.what()};
    return std::nullopt;
  }
}

Bytes encode_command(const Command& command) {
  return json_codec::encode_msgpack(command);
}
Decoded<Command> decode_command(std::span<const std::uint8_t> bytes, const DecodeLimits& limits) {
  return json_codec::decode_msgpack<Command>(bytes, limits);
}

Bytes encode_event(const Event& event) {
  return json_codec::encode_msgpack(event);
}
Decoded<Event> decode_event(std::span<const std::uint8_t> bytes, const DecodeLimits& limits) {
  return json_codec::decode_msgpack<Event>(bytes, limits);
}

Bytes encode_match(const Match& match) {
  return json_codec::encode_msgpack(match, Form::stored);
}
Decoded<Match> decode_match(std::span<const std::uint8_t> bytes, const DecodeLimits& limits) {
  return json_codec::decode_msgpack<Match>(bytes, limits);
}

// nlohmann's object type is a std::map, so keys are written in sorted order: the encoding is
// canonical without extra work.
Bytes canonical_bytes(const Match& match) {
  return json_codec::encode_msgpack(match, Form::stored);
}

std::string to_json_text(const Event& event) {
  return json_codec::to_value(event).dump();
}
std::string to_json_text(const Command& command) {
  return json_codec::to_value(command).dump();
}

}  // namespace accord
