#include "net/enet_support.hpp"

#include <cstdlib>
#include <mutex>

namespace accord::net {

bool ensure_enet() {
  static std::once_flag once;
  static bool ok = false;
  std::call_once(once, [] {
    ok = enet_initialize() == 0;
    if (ok) std::atexit(enet_deinitialize);
  });
  return ok;
}

bool send_bytes(ENetPeer* peer, std::span<const std::uint8_t> bytes) {
  ENetPacket* packet = enet_packet_create(bytes.data(), bytes.size(), ENET_PACKET_FLAG_RELIABLE);
  if (packet == nullptr) return false;
  if (enet_peer_send(peer, kChannel, packet) != 0) {
    enet_packet_destroy(packet);
    return false;
  }
  return true;
}

void enlarge_socket_buffers(ENetHost* host) {
  // Best effort: a kernel that caps the size lower still gives what it allows.
  enet_socket_set_option(host->socket, ENET_SOCKOPT_RCVBUF, kLargeSocketBufferBytes);
  enet_socket_set_option(host->socket, ENET_SOCKOPT_SNDBUF, kLargeSocketBufferBytes);
}

std::string address_text(const ENetAddress& address) {
  char ip[64] = {};
  if (enet_address_get_host_ip(&address, ip, sizeof ip) != 0) return "?";
  return std::string(ip) + ":" + std::to_string(address.port);
}

}  // namespace accord::net
