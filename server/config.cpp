#include "config.hpp"

#include <CLI/CLI.hpp>

#include <iostream>

#include "server_version.hpp"

namespace accord::server {

ParsedConfig parse_command_line(int argc, char** argv) {
  ServerConfig config;
  CLI::App app{
      "accord-server: hosts Cyber Accord rooms for a class, a club or online play.\n"
      "Students connect to this machine's address and type the room's join code."};
  app.allow_config_extras(CLI::config_extras_mode::error);  // a typo in the file is an error
  app.set_version_flag("--version", std::string("accord-server ") + kServerVersion);
  app.set_config("--config", "",
                 "Read settings from this file (the flags' names as keys, "
                 "e.g. `port = 7878`)");
  app.add_option("--port", config.port, "UDP port clients connect to")->capture_default_str();
  app.add_option("--bind", config.bind, "Address to listen on (0.0.0.0: every interface)")
      ->capture_default_str();
  app.add_option("--data", config.data_dir, "Folder for the server's data")->capture_default_str();
  app.add_option("--assets", config.asset_dir,
                 "Folder of the game's content (scenarios, states); default: ../share/cyber-accord "
                 "beside this program, or the source tree's when run from the build folder");
  app.add_option("--max-rooms", config.max_rooms, "Most rooms open at once")
      ->capture_default_str()
      ->check(CLI::Range(1u, 100000u));
  app.add_option("--max-peers-per-address", config.max_peers_per_address,
                 "Most connections from one IP address (a class behind one school NAT counts "
                 "as one address)")
      ->capture_default_str()
      ->check(CLI::Range(1u, 4000u));
  app.add_option("--log-level", config.log_level, "trace, debug, info, warn, error or off")
      ->capture_default_str()
      ->check(CLI::IsMember({"trace", "debug", "info", "warn", "error", "critical", "off"}));
  app.add_option("--name", config.server_name, "Server name shown by LAN discovery")
      ->capture_default_str();
  app.add_option("--discovery-port", config.discovery_port, "UDP port for LAN discovery probes")
      ->capture_default_str();
  app.add_option("--discovery-bind", config.discovery_bind, "Address for LAN discovery")
      ->capture_default_str();
  bool no_discovery = false;
  app.add_option("--admin-bind", config.admin_bind,
                 "Address of the admin endpoint (/healthz, /metrics, /rooms over HTTP); it has "
                 "no password: keep it on loopback or a private network")
      ->capture_default_str();
  app.add_option("--admin-port", config.admin_port, "TCP port of the admin endpoint (0: any)")
      ->capture_default_str();
  bool no_admin = false;
  app.add_flag("--no-admin", no_admin, "No admin endpoint");
  app.add_flag("--no-discovery", no_discovery, "Do not answer LAN discovery probes");
  double grace_s = static_cast<double>(config.grace_ms) / 1000.0;
  app.add_option("--grace-seconds", grace_s, "How long a dropped participant keeps the seat")
      ->capture_default_str()
      ->check(CLI::Range(0.0, 86400.0));
  double countdown_s = static_cast<double>(config.quick_match_countdown_ms) / 1000.0;
  app.add_option("--quick-match-countdown-seconds", countdown_s,
                 "A quick match starts when full or after this long")
      ->capture_default_str()
      ->check(CLI::Range(1.0, 3600.0));
  app.add_option("--retention-days", config.retention_days,
                 "Finished and abandoned rooms (names, chat, events) are deleted this many days "
                 "after they close")
      ->capture_default_str()
      ->check(CLI::Range(0u, 3650u));
  double lobby_idle_h = static_cast<double>(config.lobby_idle_ms) / 3'600'000.0;
  app.add_option("--lobby-idle-hours", lobby_idle_h,
                 "A lobby nobody is connected to closes after this long")
      ->capture_default_str()
      ->check(CLI::Range(0.001, 24.0 * 365));
  double abandon_days = static_cast<double>(config.abandon_ms) / 86'400'000.0;
  app.add_option("--abandon-days", abandon_days,
                 "A match nobody is connected to closes as abandoned after this long")
      ->capture_default_str()
      ->check(CLI::Range(0.0001, 3650.0));
  // For load tests (docs/performance.md); each weakens the server, which says so when it starts.
  app.add_flag("--benchmark-memory-store", config.memory_store,
               "Benchmarking only: keep rooms in memory and save nothing (a crash or a restart "
               "loses every match)")
      ->group("Benchmarking");
  app.add_flag("--benchmark-unlimited", config.unlimited,
               "Benchmarking only: no limit on commands, chat or key exchanges per connection "
               "and per address (a load generator is thousands of clients on one address)")
      ->group("Benchmarking");
  app.add_flag("--benchmark-fast-passwords", config.fast_password_hash,
               "Benchmarking only: hash room passwords at Argon2id's minimum cost (hundreds of "
               "rooms are created in seconds; the hashes are weak against guessing)")
      ->group("Benchmarking");
  app.add_option("--events-per-turn", config.max_events_per_turn,
                 "Benchmarking: network events read before a turn commits and sends")
      ->group("Benchmarking")
      ->check(CLI::Range(1, 100000));
  app.add_option("--test-clock-file", config.test_clock_file,
                 "Tests only: read the clock (milliseconds) from this file")
      ->group("");  // hidden from --help
  bool purge_only = false;
  auto* purge = app.add_subcommand(
      "purge", "Delete the rooms whose retention period is over (see --retention-days), then exit");
  purge->fallthrough();  // `accord-server purge --data DIR` reads the server's own flags
  purge->add_option("--room", config.purge_room,
                    "Delete this room and all its data now, whatever its state (the server "
                    "must be stopped)");
  purge->callback([&] { purge_only = true; });
  std::string maintenance;
  auto* rooms = app.add_subcommand(
      "rooms", "List the rooms in the data folder (works beside a running server), then exit");
  rooms->fallthrough();
  rooms->callback([&] { maintenance = "rooms"; });
  auto* backup = app.add_subcommand(
      "backup", "Copy the data folder's rooms into FILE (works while the server runs), then exit");
  backup->fallthrough();
  backup->add_option("file", config.maintenance_file, "The backup file to write")->required();
  backup->callback([&] { maintenance = "backup"; });
  auto* restore = app.add_subcommand(
      "restore",
      "Put the rooms of a backup FILE in the data folder (the server must be stopped; the "
      "current data is kept beside it), then exit");
  restore->fallthrough();
  restore->add_option("file", config.maintenance_file, "The backup file to restore")->required();
  restore->callback([&] { maintenance = "restore"; });
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return ParsedConfig{std::nullopt, app.exit(e)};
  }
  config.discovery = !no_discovery;
  config.maintenance = maintenance;
  config.admin = !no_admin && !purge_only && maintenance.empty();
  config.grace_ms = static_cast<TimeMs>(grace_s * 1000.0);
  config.quick_match_countdown_ms = static_cast<TimeMs>(countdown_s * 1000.0);
  config.lobby_idle_ms = static_cast<TimeMs>(lobby_idle_h * 3'600'000.0);
  config.abandon_ms = static_cast<TimeMs>(abandon_days * 86'400'000.0);
  config.purge_only = purge_only;
  if (config.unlimited) {
    config.commands_per_second = config.command_burst = 1e9;
    config.chat_per_second = config.chat_burst = 1e9;
    config.handshakes_per_second = config.handshake_burst = 1e9;
  }
  return ParsedConfig{config, 0};
}

}  // namespace accord::server
