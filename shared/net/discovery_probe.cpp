#include "net/discovery_probe.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <array>
#include <chrono>
#include <random>

namespace accord::net {
namespace {

struct Socket {
  int fd = -1;
  ~Socket() {
    if (fd >= 0) ::close(fd);
  }
};

}  // namespace

std::vector<FoundServer> discover_servers(const std::string& broadcast_address, std::uint16_t port,
                                          int timeout_ms) {
  std::vector<FoundServer> found;
  Socket sock{::socket(AF_INET, SOCK_DGRAM, 0)};
  if (sock.fd < 0) return found;
  const int yes = 1;
  ::setsockopt(sock.fd, SOL_SOCKET, SO_BROADCAST, &yes, sizeof yes);
  sockaddr_in to{};
  to.sin_family = AF_INET;
  to.sin_port = htons(port);
  if (::inet_pton(AF_INET, broadcast_address.c_str(), &to.sin_addr) != 1) return found;

  protocol::DiscoveryProbe probe;
  probe.nonce = std::random_device{}();
  const auto bytes = protocol::encode_probe(probe);
  if (::sendto(sock.fd, bytes.data(), bytes.size(), 0, reinterpret_cast<const sockaddr*>(&to),
               sizeof to) < 0)
    return found;

  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  std::array<std::uint8_t, protocol::kMaxDiscoveryReplyBytes> buffer{};
  for (;;) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                          deadline - std::chrono::steady_clock::now())
                          .count();
    if (left <= 0) break;
    pollfd pfd{sock.fd, POLLIN, 0};
    if (::poll(&pfd, 1, static_cast<int>(left)) <= 0) break;
    sockaddr_in from{};
    socklen_t from_len = sizeof from;
    const auto n = ::recvfrom(sock.fd, buffer.data(), buffer.size(), 0,
                              reinterpret_cast<sockaddr*>(&from), &from_len);
    if (n <= 0) continue;
    auto reply = protocol::decode_reply(
        std::span<const std::uint8_t>(buffer.data(), static_cast<std::size_t>(n)));
    if (!reply || reply.value->nonce != probe.nonce) continue;
    char ip[INET_ADDRSTRLEN] = {};
    ::inet_ntop(AF_INET, &from.sin_addr, ip, sizeof ip);
    found.push_back(FoundServer{ip, std::move(*reply.value)});
  }
  return found;
}

}  // namespace accord::net
