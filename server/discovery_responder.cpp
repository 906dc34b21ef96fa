#include "discovery_responder.hpp"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>

#include "server_version.hpp"

namespace accord::server {

DiscoveryResponder::~DiscoveryResponder() {
  if (fd_ >= 0) ::close(fd_);
}

bool DiscoveryResponder::open(const std::string& bind, std::uint16_t port, std::string* error) {
  fd_ = ::socket(AF_INET, SOCK_DGRAM, 0);
  if (fd_ < 0) {
    if (error) *error = std::strerror(errno);
    return false;
  }
  const int yes = 1;
  ::setsockopt(fd_, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  ::setsockopt(fd_, SOL_SOCKET, SO_BROADCAST, &yes, sizeof yes);
  ::fcntl(fd_, F_SETFL, ::fcntl(fd_, F_GETFL) | O_NONBLOCK);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(port);
  if (::inet_pton(AF_INET, bind.c_str(), &address.sin_addr) != 1) {
    if (error) *error = "'" + bind + "' is not an IPv4 address";
    return false;
  }
  if (::bind(fd_, reinterpret_cast<const sockaddr*>(&address), sizeof address) != 0) {
    if (error)
      *error = "cannot bind " + bind + ":" + std::to_string(port) + ": " + std::strerror(errno);
    return false;
  }
  socklen_t len = sizeof address;
  ::getsockname(fd_, reinterpret_cast<sockaddr*>(&address), &len);
  port_ = ntohs(address.sin_port);
  return true;
}

void DiscoveryResponder::answer_probes(const std::string& server_name,
                                       const std::string& server_key_hex, std::uint16_t enet_port,
                                       std::uint32_t private_rooms_waiting,
                                       const std::vector<protocol::WaitingRoom>& rooms) {
  if (fd_ < 0) return;
  std::array<std::uint8_t, 512> buffer{};
  for (int i = 0; i < 64; ++i) {
    sockaddr_in from{};
    socklen_t from_len = sizeof from;
    const auto n = ::recvfrom(fd_, buffer.data(), buffer.size(), 0,
                              reinterpret_cast<sockaddr*>(&from), &from_len);
    if (n <= 0) return;
    auto probe = protocol::decode_probe(
        std::span<const std::uint8_t>(buffer.data(), static_cast<std::size_t>(n)));
    if (!probe) continue;  // not ours: stay silent
    protocol::DiscoveryReply reply;
    reply.nonce = probe.value->nonce;
    reply.server_name = server_name;
    reply.server_version = kServerVersion;
    reply.port = enet_port;
    reply.private_rooms_waiting = private_rooms_waiting;
    reply.rooms = rooms;
    reply.server_key = server_key_hex;
    const auto bytes = protocol::encode_reply(reply);
    if (bytes.size() <= protocol::kMaxDiscoveryReplyBytes)
      ::sendto(fd_, bytes.data(), bytes.size(), 0, reinterpret_cast<const sockaddr*>(&from),
               from_len);
  }
}

}  // namespace accord::server
