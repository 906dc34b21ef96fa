#include "embedded_server.hpp"

#include <spdlog/spdlog.h>

#include <chrono>

#include "identity.hpp"
#include "room_store.hpp"
#include "server.hpp"
#include "sqlite_store.hpp"

namespace accord::client {

std::unique_ptr<EmbeddedServer> EmbeddedServer::start(const EmbeddedServerOptions& options,
                                                      std::string* error) {
  // The client prints only what matters to a player; the server's room log stays quiet.
  spdlog::set_level(spdlog::level::warn);
  std::string why;
  auto factory = server::make_content_factory(options.asset_dir, &why);
  if (!factory) {
    if (error) *error = "the game's content did not load: " + why;
    return nullptr;
  }
  server::ServerConfig config;
  config.bind = options.bind;
  config.port = options.port;
  config.discovery = options.discovery;
  config.discovery_port = options.discovery ? config.discovery_port : 0;
  config.server_name = options.server_name;
  config.tick_ms = 20;
  // The facilitator password of a solo room is random and never typed: hash it cheaply.
  config.fast_password_hash = options.bind == "127.0.0.1";
  const double scale = options.time_scale > 0 ? options.time_scale : 1.0;
  const auto started = std::chrono::steady_clock::now();
  server::Server::Clock clock = [started, scale] {
    const auto real =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started);
    return static_cast<TimeMs>(real.count() * scale);
  };
  std::shared_ptr<server::RoomStore> store;
  if (options.data_dir.empty()) {
    store = std::make_shared<server::MemoryRoomStore>();
  } else {
    config.data_dir = options.data_dir;
    store = server::SqliteRoomStore::open(options.data_dir, server::SqliteRoomStore::Access::serve,
                                          &why);
    if (!store) {
      if (error) *error = why;
      return nullptr;
    }
  }
  std::unique_ptr<EmbeddedServer> embedded(new EmbeddedServer());
  embedded->server_ = std::make_unique<server::Server>(
      config, std::shared_ptr<server::RoomFactory>(std::move(factory)), std::move(store), clock);
  // A server kept on disk keeps its key with its rooms, so students' games recognise it after
  // the teacher's computer restarts; a solo match's server makes a key for the session.
  if (!options.data_dir.empty()) {
    const auto identity = server::load_or_create_identity(options.data_dir, &why);
    if (!identity) {
      if (error) *error = why;
      return nullptr;
    }
    embedded->server_->set_identity(*identity);
  }
  if (!embedded->server_->start(&why)) {
    if (error) *error = why;
    return nullptr;
  }
  embedded->port_ = embedded->server_->port();
  embedded->key_hex_ = net::key_hex(embedded->server_->public_key());
  embedded->thread_ = std::thread([raw = embedded.get()] { raw->server_->run(raw->stop_); });
  return embedded;
}

EmbeddedServer::~EmbeddedServer() {
  stop_.store(true);
  if (thread_.joinable()) thread_.join();
}

}  // namespace accord::client
