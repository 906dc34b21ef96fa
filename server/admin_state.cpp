#include "admin_state.hpp"

#include <nlohmann/json.hpp>

#include <cstdio>

namespace accord::server {

void DurationHistogram::observe(double seconds) {
  for (std::size_t i = 0; i < kBounds.size(); ++i)
    if (seconds <= kBounds[i]) ++at_most[i];
  ++count;
  sum_seconds += seconds;
}

namespace {

// Label values are our own names (enum names, command names), but escape as the format asks.
std::string label(std::string_view value) {
  std::string out;
  for (const char c : value) {
    if (c == '\\' || c == '"') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out;
}

std::string number(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.9g", value);
  return buffer;
}

class Exposition {
 public:
  void family(const char* name, const char* type, const char* help) {
    text_ += "# HELP ";
    text_ += name;
    text_ += ' ';
    text_ += help;
    text_ += "\n# TYPE ";
    text_ += name;
    text_ += ' ';
    text_ += type;
    text_ += '\n';
  }
  void sample(const std::string& name, const std::string& labels, double value) {
    text_ += name;
    if (!labels.empty()) text_ += '{' + labels + '}';
    text_ += ' ' + number(value) + '\n';
  }
  std::string take() { return std::move(text_); }

 private:
  std::string text_;
};

}  // namespace

std::string render_metrics(const AdminSnapshot& s) {
  Exposition out;
  const auto& c = s.counters;
  out.family("accord_build_info", "gauge", "The server's version (always 1).");
  out.sample("accord_build_info", "version=\"" + label(s.version) + "\"", 1);
  out.family("accord_serving", "gauge", "1 while the server accepts connections.");
  out.sample("accord_serving", "", s.serving ? 1 : 0);
  out.family("accord_connections", "gauge", "Open connections by role (unjoined: in no room).");
  for (const auto& [role, n] : s.connections_by_role)
    out.sample("accord_connections", "role=\"" + label(role) + "\"", static_cast<double>(n));
  out.family("accord_rooms", "gauge", "Rooms in memory by phase.");
  for (const auto& [phase, n] : s.rooms_by_phase)
    out.sample("accord_rooms", "phase=\"" + label(phase) + "\"", static_cast<double>(n));
  out.family("accord_commands_total", "counter", "Commands accepted, by command.");
  for (const auto& [command, n] : c.commands)
    out.sample("accord_commands_total", "command=\"" + label(command) + "\"",
               static_cast<double>(n));
  out.family("accord_command_rejections_total", "counter",
             "Commands refused, by command and kind (invalid, stale, rate_limited).");
  for (const auto& [key, n] : c.rejections)
    out.sample("accord_command_rejections_total",
               "command=\"" + label(key.first) + "\",kind=\"" + label(key.second) + "\"",
               static_cast<double>(n));
  out.family("accord_stream_messages_total", "counter", "Messages sent to clients.");
  out.sample("accord_stream_messages_total", "", static_cast<double>(c.stream_messages_out));
  out.family("accord_stream_bytes_total", "counter", "Bytes sent to clients (sealed).");
  out.sample("accord_stream_bytes_total", "", static_cast<double>(c.stream_bytes_out));
  out.family("accord_commit_duration_seconds", "histogram",
             "Time to commit a turn's events to the store (an fsync).");
  for (std::size_t i = 0; i < DurationHistogram::kBounds.size(); ++i)
    out.sample("accord_commit_duration_seconds_bucket",
               "le=\"" + number(DurationHistogram::kBounds[i]) + "\"",
               static_cast<double>(c.commit_seconds.at_most[i]));
  out.sample("accord_commit_duration_seconds_bucket", "le=\"+Inf\"",
             static_cast<double>(c.commit_seconds.count));
  out.sample("accord_commit_duration_seconds_sum", "", c.commit_seconds.sum_seconds);
  out.sample("accord_commit_duration_seconds_count", "",
             static_cast<double>(c.commit_seconds.count));
  out.family("accord_commit_failures_total", "counter",
             "Commits the store refused (the rooms concerned were rolled back).");
  out.sample("accord_commit_failures_total", "", static_cast<double>(c.commit_failures));
  out.family("accord_password_queue_depth", "gauge", "Password hashes waiting or running.");
  out.sample("accord_password_queue_depth", "", static_cast<double>(s.password_queue));
  out.family("accord_handshake_failures_total", "counter",
             "Key exchanges that failed: malformed, or turned away for their address's rate.");
  out.sample("accord_handshake_failures_total", "reason=\"malformed\"",
             static_cast<double>(c.handshake_failures));
  out.sample("accord_handshake_failures_total", "reason=\"rate\"",
             static_cast<double>(s.turned_away));
  out.family("accord_refused_packets_total", "counter",
             "Sealed packets that did not open (altered, replayed or out of order).");
  out.sample("accord_refused_packets_total", "", static_cast<double>(s.refused_packets));
  return out.take();
}

std::string render_rooms_json(const AdminSnapshot& s) {
  auto rooms = nlohmann::json::array();
  for (const auto& r : s.rooms)
    rooms.push_back({{"code", r.code},
                     {"scenario", r.scenario},
                     {"phase", r.phase},
                     {"status", r.status},
                     {"seats", r.seats},
                     {"seats_taken", r.seats_taken},
                     {"connections", r.connections},
                     {"public", r.is_public},
                     {"quick", r.quick}});
  return rooms.dump(2) + "\n";
}

std::string health_problem(const AdminSnapshot& s, std::int64_t now_ms) {
  if (!s.serving) return "not serving (starting or shutting down)";
  if (!s.commits_ok)
    return "the store cannot commit (a full or failing disk?): new changes are undone";
  // The loop publishes every second; ten without one means it is stuck.
  if (now_ms - s.published_at_ms > 10'000)
    return "the game loop has not reported for " +
           std::to_string((now_ms - s.published_at_ms) / 1000) + " s";
  return {};
}

}  // namespace accord::server
