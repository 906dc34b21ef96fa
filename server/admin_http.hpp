// The admin endpoint (docs/hosting.md, "Monitoring"): /healthz, /metrics (Prometheus) and
// /rooms over HTTP, on loopback by default. Its own thread serves the latest AdminSnapshot the
// game loop published; nothing here touches the loop's state, so a slow scraper slows no room.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "admin_state.hpp"

namespace httplib {
class Server;
}

namespace accord::server {

class AdminHttp {
 public:
  AdminHttp();
  ~AdminHttp();  // stops the thread
  AdminHttp(const AdminHttp&) = delete;
  AdminHttp& operator=(const AdminHttp&) = delete;

  // Binds (port 0: an ephemeral one) and starts serving. False with a reason.
  bool start(const std::string& bind, std::uint16_t port, std::string* error);
  std::uint16_t port() const { return port_; }
  void publish(std::shared_ptr<const AdminSnapshot> snapshot);
  void stop();

 private:
  std::shared_ptr<const AdminSnapshot> latest() const;

  std::unique_ptr<httplib::Server> http_;
  std::thread thread_;
  std::uint16_t port_ = 0;
  mutable std::mutex mutex_;
  std::shared_ptr<const AdminSnapshot> snapshot_;
};

// Milliseconds on the steady clock, the clock AdminSnapshot::published_at_ms is on.
std::int64_t admin_clock_ms();

}  // namespace accord::server
