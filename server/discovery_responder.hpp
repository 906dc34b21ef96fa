// LAN discovery, the server's side: a UDP socket that answers each valid probe with the server's
// name, its ENet port and the rooms waiting. Non-blocking; the service loop calls answer_probes.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "protocol/discovery.hpp"

namespace accord::server {

class DiscoveryResponder {
 public:
  DiscoveryResponder() = default;
  ~DiscoveryResponder();
  DiscoveryResponder(const DiscoveryResponder&) = delete;
  DiscoveryResponder& operator=(const DiscoveryResponder&) = delete;

  // bind: "0.0.0.0" on a LAN; tests bind the loopback broadcast address 127.255.255.255.
  bool open(const std::string& bind, std::uint16_t port, std::string* error);
  std::uint16_t port() const { return port_; }

  // Answers every probe waiting on the socket (at most 64 per call).
  void answer_probes(const std::string& server_name, const std::string& server_key_hex,
                     std::uint16_t enet_port, std::uint32_t private_rooms_waiting,
                     const std::vector<protocol::WaitingRoom>& rooms);

 private:
  int fd_ = -1;
  std::uint16_t port_ = 0;
};

}  // namespace accord::server
