#include "protocol/codec.hpp"

#include "core/json_codec.hpp"

namespace accord::protocol {
namespace {

template <class List, Direction D>
struct AllOneDirection;
template <class... Ts, Direction D>
struct AllOneDirection<TypeList<Ts...>, D> {
  static constexpr bool value = ((Ts::kDirection == D) && ...);
};
static_assert(AllOneDirection<ClientMessageTypes, Direction::client_to_server>::value,
              "a client message is declared server_to_client");
static_assert(AllOneDirection<ServerMessageTypes, Direction::server_to_client>::value,
              "a server message is declared client_to_server");

}  // namespace

DecodeLimits client_message_limits() {
  DecodeLimits limits;
  limits.max_bytes = kMaxClientMessageBytes;
  limits.max_depth = 12;
  limits.max_string_bytes = kMaxClientMessageBytes;
  limits.max_array_items = 256;
  return limits;
}

DecodeLimits server_message_limits() {
  DecodeLimits limits;
  limits.max_bytes = kMaxServerMessageBytes;
  limits.max_depth = 32;
  limits.max_string_bytes = kMaxServerMessageBytes;
  limits.max_array_items = 1u << 16;
  return limits;
}

Bytes encode(const ClientMessage& message) {
  return json_codec::encode_msgpack(message);
}
Bytes encode(const ServerMessage& message) {
  return json_codec::encode_msgpack(message);
}

Decoded<ClientMessage> decode_client_message(std::span<const std::uint8_t> bytes) {
  if (bytes.size() > kMaxClientMessageBytes) {
    Decoded<ClientMessage> refused;
    refused.error = {"", "message of " + std::to_string(bytes.size()) +
                             " bytes exceeds the limit of " +
                             std::to_string(kMaxClientMessageBytes)};
    return refused;
  }
  return json_codec::decode_msgpack<ClientMessage>(bytes, client_message_limits());
}

Decoded<ServerMessage> decode_server_message(std::span<const std::uint8_t> bytes) {
  return json_codec::decode_msgpack<ServerMessage>(bytes, server_message_limits());
}

std::string_view message_name(const ClientMessage& message) {
  return name_of(message);
}
std::string_view message_name(const ServerMessage& message) {
  return name_of(message);
}

std::string to_json_text(const ClientMessage& message) {
  return json_codec::to_value(message).dump();
}
std::string to_json_text(const ServerMessage& message) {
  return json_codec::to_value(message).dump();
}

}  // namespace accord::protocol
