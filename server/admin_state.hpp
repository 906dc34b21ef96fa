// What the admin endpoint (admin_http.hpp) serves: counters the loop keeps as it works, and a
// snapshot of them with the rooms' state that the loop publishes about once a second. The HTTP
// thread reads only snapshots, never the loop's own state.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace accord::server {

// A Prometheus histogram of durations: cumulative counts per upper bound, in seconds.
struct DurationHistogram {
  static constexpr std::array<double, 12> kBounds{0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005,
                                                  0.01,   0.025,   0.05,   0.1,   0.25,   1.0};
  std::array<std::uint64_t, kBounds.size()> at_most{};  // observations <= kBounds[i]
  std::uint64_t count = 0;
  double sum_seconds = 0;
  void observe(double seconds);
};

// Kept by the loop's thread (Server::metrics_).
struct ServerCounters {
  // Keyed by the static names (Command::kName, the rejection kind's enum name): counting a
  // command on the loop's hot path allocates nothing.
  std::map<std::string_view, std::uint64_t> commands;  // accepted, by command name
  std::map<std::pair<std::string_view, std::string_view>, std::uint64_t> rejections;
  std::uint64_t stream_messages_out = 0;  // every message handed to the network
  std::uint64_t stream_bytes_out = 0;     // their size as sent (sealed)
  std::uint64_t handshake_failures = 0;   // key exchanges that were not one
  std::uint64_t commit_failures = 0;
  DurationHistogram commit_seconds;
};

struct AdminRoomRow {  // no participant names: /rooms is for the host, not a class list
  std::string code;
  std::string scenario;
  std::string phase;
  std::string status;
  std::uint32_t seats = 0;
  std::uint32_t seats_taken = 0;  // by people (bots not counted)
  std::uint32_t connections = 0;
  bool is_public = false;
  bool quick = false;
};

struct AdminSnapshot {
  std::string version;
  std::int64_t published_at_ms = 0;  // steady clock: a stale snapshot means a stuck loop
  bool serving = false;              // started and not shutting down
  bool commits_ok = true;            // false from a failed commit to the next good one
  std::map<std::string, std::uint64_t> connections_by_role;
  std::map<std::string, std::uint64_t> rooms_by_phase;
  std::vector<AdminRoomRow> rooms;
  std::uint64_t password_queue = 0;
  std::uint64_t refused_packets = 0;
  std::uint64_t turned_away = 0;
  ServerCounters counters;
};

// The Prometheus text exposition format (version 0.0.4).
std::string render_metrics(const AdminSnapshot& snapshot);
// The rooms as a JSON array, for the host's own tools.
std::string render_rooms_json(const AdminSnapshot& snapshot);
// The health verdict: an empty reason is healthy. `now_ms` on the snapshot's clock.
std::string health_problem(const AdminSnapshot& snapshot, std::int64_t now_ms);

}  // namespace accord::server
