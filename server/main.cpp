// accord-server: see docs/hosting.md.
#include <spdlog/spdlog.h>

#include <atomic>
#include <csignal>
#include <iostream>

#include "config.hpp"
#include "room_store.hpp"
#include "server.hpp"

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
  const ServerConfig& config = *parsed.config;
  spdlog::set_level(spdlog::level::from_str(config.log_level));

  std::string error;
  auto factory = make_content_factory(config.asset_dir, &error);
  if (!factory) {
    spdlog::critical("cannot load the game's content from '{}': {}", config.asset_dir, error);
    return 2;
  }
  auto store = std::make_shared<MemoryRoomStore>();
  Server server(config, std::shared_ptr<RoomFactory>(std::move(factory)), store);
  if (!server.start(&error)) {
    spdlog::critical("{}", error);
    return 2;
  }
  std::signal(SIGINT, on_signal);
  std::signal(SIGTERM, on_signal);
  server.run(g_stop);
  spdlog::info("stopped");
  return 0;
}
