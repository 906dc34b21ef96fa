// accord-server: see docs/hosting.md. `accord-server purge` is the retention maintenance command
// (docs/privacy.md).
#include <spdlog/spdlog.h>

#include <atomic>
#include <chrono>
#include <csignal>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>

#include "config.hpp"
#include "identity.hpp"
#include "paths/asset_location.hpp"
#include "room_store.hpp"
#include "server.hpp"
#include "sqlite_store.hpp"

namespace {

std::atomic<bool> g_stop{false};
std::atomic<bool> g_reset_figures{false};
std::atomic<bool> g_report_figures{false};

extern "C" void on_signal(int) {
  g_stop.store(true);
}
// SIGUSR1 starts the latency figures again; SIGUSR2 prints them (docs/hosting.md).
extern "C" void on_figures_signal(int signal) {
  (signal == SIGUSR1 ? g_reset_figures : g_report_figures).store(true);
}

// Tests only (--test-clock-file): the machine's clock is the number of milliseconds written in
// the file (the test replaces it, only ever forward), so a test makes time pass in this process
// without waiting. Counted from its value at start, as the steady clock source is; an unreadable
// or smaller value keeps the last one.
accord::server::Server::Clock file_clock(const std::string& path) {
  const auto read = [path]() -> std::optional<accord::TimeMs> {
    std::ifstream in(path);
    accord::TimeMs ms = 0;
    if (in >> ms) return ms;
    return std::nullopt;
  };
  auto last = std::make_shared<accord::TimeMs>(read().value_or(0));
  return [read, last, origin = *last] {
    if (const auto ms = read(); ms && *ms > *last) *last = *ms;
    return *last - origin;
  };
}

int purge(const accord::server::ServerConfig& config) {
  using namespace accord::server;
  std::string error;
  auto store = SqliteRoomStore::open(config.data_dir, SqliteRoomStore::Access::maintenance, &error);
  if (!store) {
    spdlog::critical("{}", error);
    return 2;
  }
  if (!config.purge_room.empty()) {
    if (!store->erase(config.purge_room)) {
      std::cerr << "accord-server: there is no room " << config.purge_room << " in "
                << config.data_dir << "\n";
      return 1;
    }
    std::cout << "deleted room " << config.purge_room << " and all its data\n";
    return 0;
  }
  const auto now = std::chrono::duration_cast<std::chrono::seconds>(
                       std::chrono::system_clock::now().time_since_epoch())
                       .count();
  const auto report = store->purge(now - std::int64_t{config.retention_days} * 86'400);
  std::cout << "purged " << report.rooms.size() << " room(s) closed more than "
            << config.retention_days << " day(s) ago (" << report.events << " events)\n";
  for (const auto& code : report.rooms)
    std::cout << "  " << code << "\n";
  return 0;
}

// `accord-server rooms | backup FILE | restore FILE` (docs/hosting.md, "Backups").
int maintain(const accord::server::ServerConfig& config) {
  using namespace accord::server;
  std::string error;
  if (config.maintenance == "restore") {
    SqliteRoomStore::RestoreReport report;
    if (!SqliteRoomStore::restore(config.data_dir, config.maintenance_file, &error, &report)) {
      std::cerr << "accord-server: " << error << "\n";
      return 2;
    }
    std::cout << "restored " << config.maintenance_file << " into " << config.data_dir
              << (report.key_restored ? " (rooms and server key)\n" : " (rooms)\n");
    for (const auto& aside : report.kept_aside)
      std::cout << "kept what it replaced: " << aside << "\n";
    return 0;
  }
  auto store = SqliteRoomStore::open(config.data_dir, SqliteRoomStore::Access::read_only, &error);
  if (!store) {
    std::cerr << "accord-server: " << error << "\n";
    return 2;
  }
  if (config.maintenance == "backup") {
    const auto started = std::chrono::steady_clock::now();
    if (!store->backup_to(config.maintenance_file, &error)) {
      std::cerr << "accord-server: " << error << "\n";
      return 2;
    }
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                        std::chrono::steady_clock::now() - started)
                        .count();
    std::cout << "backed up " << store->rooms().size() << " room(s) to " << config.maintenance_file
              << " (" << std::filesystem::file_size(config.maintenance_file) << " bytes, " << ms
              << " ms)\n";
    return 0;
  }
  const auto rooms = store->rooms();
  std::cout << rooms.size() << " room(s) in " << config.data_dir << "\n";
  for (const auto& room : rooms) {
    std::cout << "  " << room.code << "  " << status_name(room.status);
    if (room.closed_at != 0) {
      const std::time_t closed = room.closed_at;
      char when[32];
      std::strftime(when, sizeof when, "%Y-%m-%d %H:%M UTC", std::gmtime(&closed));
      std::cout << "  closed " << when;
    }
    if (!room.problem.empty()) std::cout << "  (" << room.problem << ")";
    std::cout << "\n";
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace accord::server;
  auto parsed = parse_command_line(argc, argv);
  if (!parsed.config) return parsed.exit_code;
  const ServerConfig& config = *parsed.config;
  spdlog::set_level(spdlog::level::from_str(config.log_level));
  if (config.purge_only) return purge(config);
  if (!config.maintenance.empty()) return maintain(config);

  std::string error;
  std::string asset_dir = config.asset_dir;
  if (asset_dir.empty()) {
    const auto search = accord::find_assets();
    if (search.found.empty()) {
      spdlog::critical(
          "cannot find the game's content: looked in {}; name its folder with "
          "--assets DIR",
          accord::describe_places(search));
      return 2;
    }
    asset_dir = search.found.string();
  }
  auto factory = make_content_factory(asset_dir, &error);
  if (!factory) {
    spdlog::critical("cannot load the game's content from '{}': {}", asset_dir, error);
    return 2;
  }
  spdlog::info("content: {}", asset_dir);
  std::shared_ptr<RoomStore> store;
  if (config.memory_store) {
    store = std::make_shared<MemoryRoomStore>();
    spdlog::warn("--benchmark-memory-store: nothing is saved; a restart loses every match");
  } else {
    store = SqliteRoomStore::open(config.data_dir, SqliteRoomStore::Access::serve, &error);
  }
  if (!store) {
    spdlog::critical("{}", error);
    return 2;
  }
  if (config.unlimited)
    spdlog::warn("--benchmark-unlimited: no command, chat or key exchange limits");
  if (config.fast_password_hash)
    spdlog::warn("--benchmark-fast-passwords: room passwords are hashed at the minimum cost");
  spdlog::info("data folder: {}", config.data_dir);
  const auto identity = load_or_create_identity(config.data_dir, &error);
  if (!identity) {
    spdlog::critical("{}", error);
    return 2;
  }
  // Signals only set a flag: the loop finishes its turn, commits and says goodbye.
  std::signal(SIGINT, on_signal);
  std::signal(SIGTERM, on_signal);
  std::signal(SIGUSR1, on_figures_signal);
  std::signal(SIGUSR2, on_figures_signal);
  Server server(
      config, std::shared_ptr<RoomFactory>(std::move(factory)), store,
      config.test_clock_file.empty() ? Server::Clock{} : file_clock(config.test_clock_file));
  server.set_identity(*identity);
  if (!config.test_clock_file.empty())
    spdlog::warn("the clock is read from {} (a test setting)", config.test_clock_file);
  if (!server.start(&error)) {
    spdlog::critical("{}", error);
    return 2;
  }
  if (!server.quarantined().empty())
    std::cerr << "accord-server: " << server.quarantined().size()
              << " room(s) quarantined (listed above); their data is kept in " << config.data_dir
              << "\n";
  while (!g_stop.load()) {
    server.poll(10);
    if (g_reset_figures.exchange(false)) server.reset_latency_figures();
    if (g_report_figures.exchange(false))
      std::cout << "latency figures: " << server.latency_report() << std::endl;
  }
  server.shutdown();
  spdlog::info("stopped");
  return 0;
}
