// LAN discovery, the client's side: broadcast a probe over UDP and collect the servers' replies.
// The broadcast address and port are parameters (tests use 127.255.255.255 on loopback).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "protocol/discovery.hpp"

namespace accord::net {

struct FoundServer {
  std::string address;  // where the reply came from: connect to address:reply.port
  protocol::DiscoveryReply reply;
};

// Sends one probe and listens for replies until timeout_ms has passed. Empty on any failure.
std::vector<FoundServer> discover_servers(const std::string& broadcast_address, std::uint16_t port,
                                          int timeout_ms = 500);

}  // namespace accord::net
