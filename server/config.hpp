// The server's settings: command-line flags, or the same keys in a config file (--config).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/types.hpp"

namespace accord::server {

struct ServerConfig {
  // ---- flags (and config file keys)
  std::uint16_t port = 7878;
  std::string bind = "0.0.0.0";
  std::string data_dir = "accord-data";
  std::string asset_dir;  // empty: found by paths/asset_location.hpp (installed or build tree)
  std::uint32_t max_rooms = 200;
  std::uint32_t max_peers_per_address = 64;  // a whole class shares one school NAT address
  std::uint32_t max_peers = 4000;            // ENet allows at most 4095
  std::string log_level = "info";
  std::string server_name = "Cyber Accord server";
  bool discovery = true;                // answer LAN discovery probes
  std::uint16_t discovery_port = 7879;  // 0: an ephemeral port (tests)
  std::string discovery_bind = "0.0.0.0";
  // The admin endpoint (/healthz, /metrics, /rooms; admin_http.hpp). Off unless asked for: the
  // command line turns it on (--no-admin turns it off), tests give port 0.
  bool admin = false;
  std::string admin_bind = "127.0.0.1";
  std::uint16_t admin_port = 7880;

  // ---- timings (config file keys too; tests shorten them)
  TimeMs grace_ms = 5 * 60 * 1000;           // a dropped participant keeps the seat this long
  TimeMs handshake_timeout_ms = 5000;        // Hello must arrive within this
  TimeMs quick_match_countdown_ms = 60'000;  // a quick-match room starts at the latest after this
  TimeMs peer_timeout_ms = 0;      // a silent peer is dropped after this; 0: ENet's 5-30 s
  TimeMs tick_ms = 100;            // room clocks advance this often
  int max_events_per_turn = 512;   // network events handled before a turn commits and sends
  TimeMs hash_interval_ms = 5000;  // ViewHash at most this often per room (viewers that moved)
  double bot_pace = 1.0;           // bots' think time × this (tests and solo demos speed it up)

  // ---- durability and room lifecycle (docs/hosting.md, docs/privacy.md)
  std::uint32_t retention_days = 30;  // finished and abandoned rooms are deleted this long after
  TimeMs lobby_idle_ms = 2 * 3600 * 1000;      // a lobby nobody is in closes after this
  TimeMs abandon_ms = 7LL * 24 * 3600 * 1000;  // a match nobody is in closes after this
  TimeMs unload_finished_ms = 10 * 60 * 1000;  // a finished room nobody reads leaves memory
  std::uint32_t snapshot_every = 200;  // events between snapshots (reload = snapshot + tail)
  TimeMs clock_record_ms = 1000;       // the rooms' clock is committed at least this often
  TimeMs lifecycle_check_ms = 1000;    // idle, abandoned and unload checks this often
  bool purge_only = false;             // `accord-server purge`: purge, then exit
  std::string purge_room;              // `accord-server purge --room CODE`: that room only
  // The host's other subcommands (main.cpp): "rooms", "backup" or "restore"; empty: serve.
  std::string maintenance;
  std::string maintenance_file;  // backup and restore: the backup file

  // ---- abuse limits
  double commands_per_second = 10, command_burst = 30;
  double chat_per_second = 1, chat_burst = 6;
  double requests_per_second = 0.5, request_burst = 5;  // create/join/login/quick match
  double bad_per_second = 0.1, bad_burst = 5;           // bad messages before a disconnect
  // Key exchanges per address: a whole class behind one school address connects at once.
  double handshakes_per_second = 10, handshake_burst = 64;
  std::uint32_t max_refused_packets = 3;  // sealed packets that do not open before a disconnect

  bool fast_password_hash = false;  // tests, --benchmark-fast-passwords: Argon2id's minimum cost
  // ---- benchmarking only (docs/performance.md): each weakens the server and says so at start
  bool memory_store = false;  // --benchmark-memory-store: nothing is saved (durability off)
  bool unlimited = false;     // --benchmark-unlimited: no per-connection or per-address limits
  // Tests only (--test-clock-file, not in --help): the rooms' clock source reads milliseconds
  // from this file instead of the steady clock, so a test decides when time passes (main.cpp).
  std::string test_clock_file;
  // Tests only: a misbehaving server that refuses every nth command as invalid without
  // deciding it, so the load generator can prove it notices (0: off; no flag sets it).
  std::uint32_t test_refuse_every_nth_command = 0;
};

struct ParsedConfig {
  std::optional<ServerConfig> config;  // empty: exit with exit_code (help, version, error)
  int exit_code = 0;
};

// Parses flags and the config file; prints help, version or errors itself.
ParsedConfig parse_command_line(int argc, char** argv);

}  // namespace accord::server
