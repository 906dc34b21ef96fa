// Bytes in, bytes out for protocol messages: MessagePack through the rules core's generic codec
// (core/json_codec.hpp), so a message is encoded and strictly decoded from its describe() list.
#pragma once

#include <cstdint>
#include <span>
#include <string>

#include "core/codec.hpp"
#include "protocol/messages.hpp"

namespace accord::protocol {

// Bounds for what a client may send: checked before and during decoding.
DecodeLimits client_message_limits();
// Bounds for what a server may send (a client decoding server messages).
DecodeLimits server_message_limits();

Bytes encode(const ClientMessage& message);
Bytes encode(const ServerMessage& message);

// Refuses input over kMaxClientMessageBytes before decoding; then bounded, strict decoding.
// A failure names the field (a JSON pointer such as "/command/text") and the problem.
Decoded<ClientMessage> decode_client_message(std::span<const std::uint8_t> bytes);
Decoded<ServerMessage> decode_server_message(std::span<const std::uint8_t> bytes);

std::string_view message_name(const ClientMessage& message);
std::string_view message_name(const ServerMessage& message);

// Readable JSON, for debug logs and tests (may contain secrets: never log above debug).
std::string to_json_text(const ClientMessage& message);
std::string to_json_text(const ServerMessage& message);

}  // namespace accord::protocol
