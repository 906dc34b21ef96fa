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

// ENet asks for 256 KiB socket buffers. A host with many peers receives their turn's messages
// in one burst (the server's answers to a thousand clients pooled on one socket, or a thousand
// clients' commands): past the buffer the kernel drops datagrams, reliable ones come back only
// after a retransmission time-out, and after enough of them ENet closes the connection.
// Asks for 4 MiB (the kernel caps it at net.core.rmem_max / wmem_max; docs/hosting.md).
void enlarge_socket_buffers(ENetHost* host);
inline constexpr int kLargeSocketBufferBytes = 4 << 20;

// The data of an ENet disconnect from the server, for the few cases it cannot say in a sealed
// Bye: too many key exchanges from one address.
inline constexpr std::uint32_t kDisconnectHandshakeRate = 1;

// "a.b.c.d:port" (for debug logs only: addresses are personal data above debug level).
std::string address_text(const ENetAddress& address);

}  // namespace accord::net
