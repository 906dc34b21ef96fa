// Small ENet helpers shared by the server and the headless client. Include only from .cpp
// files of accord_net and the server: nothing under shared/core or shared/protocol sees ENet.
#pragma once

#include <enet/enet.h>

#include <cstdint>
#include <span>
#include <string>

namespace accord::net {

// enet_initialize once per process (thread-safe); false if ENet could not start.
bool ensure_enet();

// Channel 0 carries every message, reliable and ordered: the stream's order is the log's.
inline constexpr std::uint8_t kChannel = 0;
inline constexpr std::size_t kChannelCount = 1;

bool send_bytes(ENetPeer* peer, std::span<const std::uint8_t> bytes);

// The data of an ENet disconnect from the server, for the few cases it cannot say in a sealed
// Bye: too many key exchanges from one address.
inline constexpr std::uint32_t kDisconnectHandshakeRate = 1;

// "a.b.c.d:port" (for debug logs only: addresses are personal data above debug level).
std::string address_text(const ENetAddress& address);

}  // namespace accord::net
