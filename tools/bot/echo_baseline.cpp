// The echo baseline: the same number of raw ENet clients, same-sized messages at the same pace,
// against a minimal ENet echo host in this process, so the server's figures have a floor to be
// compared with. Raw ENet on purpose: it measures the transport, not the protocol.
#include <enet/enet.h>

#include <algorithm>
#include <atomic>
#include <thread>
#include <vector>

#include "load_generator.hpp"
#include "net/enet_support.hpp"
#include "protocol/messages.hpp"
#include "usage.hpp"

namespace accord::loadgen {
namespace {

namespace pm = protocol;

// Several ENet client hosts, each holding up to peers_per_host connections.
class HostPool {
 public:
  explicit HostPool(int peers_per_host) : per_host_(static_cast<std::size_t>(peers_per_host)) {}
  ~HostPool() {
    for (auto* host : hosts_)
      enet_host_destroy(host);
  }
  ENetPeer* connect(const ENetAddress& address) {
    if (hosts_.empty() || used_.back() >= per_host_) {
      ENetHost* host = enet_host_create(nullptr, per_host_, net::kChannelCount, 0, 0);
      if (!host) return nullptr;
      host->maximumPacketSize = pm::kMaxServerMessageBytes + 1024;
      net::enlarge_socket_buffers(host);  // as the game's clients and server do
      hosts_.push_back(host);
      used_.push_back(0);
    }
    ++used_.back();
    return enet_host_connect(hosts_.back(), &address, net::kChannelCount, 0);
  }
  // Drains every host's events into `handle`; true if any arrived.
  template <class Handle>
  bool service(Handle&& handle) {
    bool any = false;
    ENetEvent event;
    for (auto* host : hosts_)
      while (enet_host_service(host, &event, 0) > 0) {
        any = true;
        handle(event);
      }
    return any;
  }
  void flush() {
    for (auto* host : hosts_)
      enet_host_flush(host);
  }

 private:
  std::size_t per_host_;
  std::vector<ENetHost*> hosts_;
  std::vector<std::size_t> used_;
};

class EchoHost {
 public:
  bool start() {
    ENetAddress address{};
    enet_address_set_host(&address, "127.0.0.1");
    address.port = 0;
    host_ = enet_host_create(&address, 4095, net::kChannelCount, 0, 0);
    if (!host_) return false;
    net::enlarge_socket_buffers(host_);
    port_ = host_->address.port;
    thread_ = std::thread([this] {
      ENetEvent event;
      while (!stop_.load()) {
        while (enet_host_service(host_, &event, 1) > 0)
          if (event.type == ENET_EVENT_TYPE_RECEIVE) {
            // Sent back as it came (ENet takes the packet over).
            if (enet_peer_send(event.peer, net::kChannel, event.packet) != 0)
              enet_packet_destroy(event.packet);
          }
      }
    });
    return true;
  }
  ~EchoHost() {
    stop_.store(true);
    if (thread_.joinable()) thread_.join();
    if (host_) enet_host_destroy(host_);
  }
  std::uint16_t port() const { return port_; }

 private:
  ENetHost* host_ = nullptr;
  std::uint16_t port_ = 0;
  std::atomic<bool> stop_{false};
  std::thread thread_;
};

}  // namespace

EchoFigures run_echo(const LoadOptions& options, long clients, std::size_t message_bytes) {
  EchoFigures figures;
  if (!net::ensure_enet()) return figures;
  EchoHost echo;
  if (!echo.start()) {
    figures.errors = 1;
    return figures;
  }
  ENetAddress address{};
  enet_address_set_host(&address, "127.0.0.1");
  address.port = echo.port();
  HostPool pool(options.peers_per_host);
  struct EchoConn {
    ENetPeer* peer = nullptr;
    bool connected = false, waiting = false;
    Clock::time_point sent_at{}, next_at{};
  };
  std::vector<EchoConn> conns(static_cast<std::size_t>(clients));
  const std::vector<std::uint8_t> payload(std::max<std::size_t>(1, message_bytes), 0x5a);
  const auto pacer = Clock::now();
  std::size_t opened = 0;
  bool measuring = false;
  Clock::time_point start{};
  const auto setup_start = Clock::now();
  for (;;) {
    const double allowed = seconds_since(pacer) * options.connects_per_second;
    while (opened < conns.size() && static_cast<double>(opened) < allowed) {
      conns[opened].peer = pool.connect(address);
      if (conns[opened].peer)
        conns[opened].peer->data = reinterpret_cast<void*>(static_cast<std::intptr_t>(opened));
      ++opened;
    }
    const bool any = pool.service([&](const ENetEvent& e) {
      auto& c = conns[static_cast<std::size_t>(reinterpret_cast<std::intptr_t>(e.peer->data))];
      if (e.type == ENET_EVENT_TYPE_CONNECT) c.connected = true;
      if (e.type == ENET_EVENT_TYPE_DISCONNECT) {
        c.connected = false;
        ++figures.errors;
      }
      if (e.type == ENET_EVENT_TYPE_RECEIVE) {
        enet_packet_destroy(e.packet);
        if (measuring && c.waiting) {
          ++figures.messages;
          figures.latency_ms.push_back(seconds_since(c.sent_at) * 1000);
        }
        c.waiting = false;
        c.next_at = Clock::now() + std::chrono::milliseconds(options.think_ms);
      }
    });
    if (!measuring) {
      const auto up =
          std::count_if(conns.begin(), conns.end(), [](const EchoConn& c) { return c.connected; });
      if (up == clients) {
        measuring = true;
        start = Clock::now();
        figures.clients = clients;
        // Spread the first messages over one think time, as the bots' are.
        for (std::size_t i = 0; i < conns.size(); ++i)
          conns[i].next_at =
              start + std::chrono::milliseconds(options.think_ms * static_cast<long>(i) /
                                                std::max<long>(1, clients));
      } else if (seconds_since(setup_start) > options.setup_timeout_s) {
        ++figures.errors;
        break;
      }
    } else {
      const auto now = Clock::now();
      for (auto& c : conns)
        if (c.connected && !c.waiting && now >= c.next_at) {
          net::send_bytes(c.peer, payload);
          c.waiting = true;
          c.sent_at = now;
        }
      pool.flush();
      if (seconds_since(start) >= options.duration_s) break;
    }
    if (!any) std::this_thread::sleep_for(std::chrono::microseconds(500));
  }
  figures.seconds = measuring ? seconds_since(start) : 0;
  for (auto& c : conns)
    if (c.peer && c.connected) enet_peer_disconnect(c.peer, 0);
  pool.service([](const ENetEvent& e) {
    if (e.type == ENET_EVENT_TYPE_RECEIVE) enet_packet_destroy(e.packet);
  });
  return figures;
}

}  // namespace accord::loadgen
