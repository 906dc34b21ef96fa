// accord-bench-server: the accord-server's own code (accord_server_lib, the same flags) with
// three benchmark switches, read from the environment so that the flags stay the server's:
//   ACCORD_BENCH_STORE=memory   the in-memory room store (durability off); default: SQLite
//   ACCORD_BENCH_UNLIMITED=1    per-connection rate limits off, to measure saturation
// and the Argon2id password hash at its minimum cost always (hundreds of rooms set up in
// seconds instead of minutes). Never for real use: docs/performance.md.
#include <spdlog/spdlog.h>

#include <atomic>
#include <csignal>
#include <cstdlib>
#include <string_view>

#include "config.hpp"
#include "room_store.hpp"
#include "server.hpp"
#include "sqlite_store.hpp"

namespace {
std::atomic<bool> g_stop{false};
extern "C" void on_signal(int) {
  g_stop.store(true);
}
}  // namespace

int main(int argc, char** argv) {
  using namespace accord::server;
  auto parsed = parse_command_line(argc, argv);
  if (!parsed.config) return parsed.exit_code;
  ServerConfig config = *parsed.config;
  spdlog::set_level(spdlog::level::from_str(config.log_level));
  config.fast_password_hash = true;
  // Thousands of load-generator clients come from one address: the per-address limit on key
  // exchanges (a class behind one school address) would pace their connecting instead.
  config.handshakes_per_second = config.handshake_burst = 1e9;
  if (const char* unlimited = std::getenv("ACCORD_BENCH_UNLIMITED");
      unlimited && std::string_view(unlimited) == "1") {
    config.commands_per_second = config.command_burst = 1e9;
    config.chat_per_second = config.chat_burst = 1e9;
  }
  const char* store_name = std::getenv("ACCORD_BENCH_STORE");
  const bool memory = store_name && std::string_view(store_name) == "memory";
  std::string error;
  auto factory = make_content_factory(config.asset_dir, &error);
  if (!factory) {
    spdlog::critical("cannot load the content: {}", error);
    return 2;
  }
  std::shared_ptr<RoomStore> store;
  if (memory)
    store = std::make_shared<MemoryRoomStore>();
  else
    store = SqliteRoomStore::open(config.data_dir, SqliteRoomStore::Access::serve, &error);
  if (!store) {
    spdlog::critical("{}", error);
    return 2;
  }
  std::signal(SIGINT, on_signal);
  std::signal(SIGTERM, on_signal);
  Server server(config, std::shared_ptr<RoomFactory>(std::move(factory)), store);
  if (!server.start(&error)) {
    spdlog::critical("{}", error);
    return 2;
  }
  spdlog::warn("accord-bench-server: store {}, rate limits {}", memory ? "memory" : "sqlite",
               config.commands_per_second > 1e8 ? "off" : "on");
  server.run(g_stop);
  return 0;
}
