// LAN discovery: a client broadcasts a DiscoveryProbe over UDP; each server on the network
// answers with a DiscoveryReply (its name, its ENet port and the rooms waiting for players).
// Pure encoding here; the sockets live in the server and in shared/net.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/codec.hpp"
#include "protocol/messages.hpp"

namespace accord::protocol {

inline constexpr std::uint16_t kDefaultPort = 7878;
inline constexpr std::uint16_t kDefaultDiscoveryPort = 7879;
inline constexpr std::size_t kMaxDiscoveryProbeBytes = 64;
inline constexpr std::size_t kMaxDiscoveryReplyBytes = 8192;

struct DiscoveryProbe {
  static constexpr std::string_view kMagic = "cyber-accord-discover";
  // clang-format off
  ACCORD_FIELDS(
      (std::string, magic, kMagic),
      (std::uint32_t, protocol_version, kProtocolVersion),
      (std::uint32_t, nonce, 0))
  // clang-format on
};

// A room in its lobby. code is given for public rooms only (private rooms are counted).
struct WaitingRoom {
  // clang-format off
  ACCORD_FIELDS(
      (std::string, code),
      (std::string, scenario),
      (std::uint32_t, seats, 0),
      (std::uint32_t, players, 0),
      (bool, quick_match, false))
  // clang-format on
};

struct DiscoveryReply {
  // clang-format off
  ACCORD_FIELDS(
      (std::uint32_t, nonce, 0),
      (std::uint32_t, protocol_version, kProtocolVersion),
      (std::string, server_name),
      (std::string, server_version),
      (std::uint16_t, port, kDefaultPort),  // the ENet port to connect to
      (std::uint32_t, private_rooms_waiting, 0),
      (std::vector<WaitingRoom>, rooms),  // public rooms waiting, at most 32
      // The server's public key, 64 hex digits: the client pins it (docs/security.md says
      // what this does and does not prove).
      (std::string, server_key))
  // clang-format on
};

Bytes encode_probe(const DiscoveryProbe& probe);
Decoded<DiscoveryProbe> decode_probe(std::span<const std::uint8_t> bytes);
Bytes encode_reply(const DiscoveryReply& reply);
Decoded<DiscoveryReply> decode_reply(std::span<const std::uint8_t> bytes);

}  // namespace accord::protocol
