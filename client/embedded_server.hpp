// The server code running inside the client: solo play talks to it over loopback exactly as it
// would to a remote server, and a facilitator can host a class from the client with no other
// program to start. It runs the server's loop on its own thread until destroyed.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <string>
#include <thread>

namespace accord::server {
class Server;
}

namespace accord::client {

struct EmbeddedServerOptions {
  std::string asset_dir;
  std::string bind = "127.0.0.1";  // solo: loopback only; hosting a class: "0.0.0.0"
  std::uint16_t port = 0;          // 0: any free port
  bool discovery = false;          // answer LAN discovery probes (hosting a class)
  double time_scale = 1.0;         // the rooms' clocks run this much faster (demos, tests)
  std::string server_name = "Cyber Accord (embedded)";
  // Where rooms are kept (SQLite) so a class survives the computer restarting; empty: memory.
  std::string data_dir;
};

class EmbeddedServer {
 public:
  // Starts the server; nullptr and `error` if the content does not load or the port is taken.
  static std::unique_ptr<EmbeddedServer> start(const EmbeddedServerOptions& options,
                                               std::string* error);
  ~EmbeddedServer();
  EmbeddedServer(const EmbeddedServer&) = delete;
  EmbeddedServer& operator=(const EmbeddedServer&) = delete;

  std::uint16_t port() const { return port_; }
  // Its key, which this client's own connections pin (64 hex digits).
  std::string public_key_hex() const { return key_hex_; }

 private:
  EmbeddedServer() = default;
  std::unique_ptr<server::Server> server_;
  std::atomic<bool> stop_{false};
  std::thread thread_;
  std::uint16_t port_ = 0;
  std::string key_hex_;
};

}  // namespace accord::client
