// The load generator's report: the figures as text for a terminal and as JSON for tools.
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "load_generator.hpp"

namespace accord::loadgen {

double percentile(std::vector<double> values, double p) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  const auto rank =
      static_cast<std::size_t>(std::ceil(p / 100.0 * static_cast<double>(values.size())));
  return values[std::min(values.size() - 1, rank == 0 ? 0 : rank - 1)];
}

namespace {

nlohmann::json figures_json(const Figures& g) {
  const double s = std::max(g.seconds, 1e-9);
  return {
      {"clients_connected", g.clients_connected},
      {"facilitators", g.facilitators},
      {"seconds", g.seconds},
      {"commands_sent", g.commands_sent},
      {"commands_per_second", static_cast<double>(g.commands_sent) / s},
      {"accepted", g.accepted},
      {"latency_ms",
       {{"p50", percentile(g.latency_ms, 50)},
        {"p95", percentile(g.latency_ms, 95)},
        {"p99", percentile(g.latency_ms, 99)},
        {"max", percentile(g.latency_ms, 100)}}},
      {"stream_items", g.stream_items},
      {"bytes_per_event",
       g.stream_items ? static_cast<double>(g.stream_bytes) / static_cast<double>(g.stream_items)
                      : 0.0},
      {"server_messages_per_second", static_cast<double>(g.server_messages + g.commands_sent) / s},
      {"reconnects", g.reconnects},
      {"rejections",
       {{"stale", g.stale}, {"invalid", g.invalid}, {"rate_limited", g.rate_limited}}},
      {"errors", g.errors},
      {"matches", {{"started", g.matches_started}, {"finished", g.matches_finished}}},
      {"server_cpu_seconds", g.server_cpu_s},
      {"generator_cpu_seconds", g.own_cpu_s},
      {"generator_longest_turn_ms", g.longest_turn_ms},
      {"server_rss_kb", g.server_rss_kb},
      {"problems", g.problems},
  };
}

}  // namespace

std::string report_json(const LoadOptions& options, const Figures& game, const EchoFigures* echo) {
  nlohmann::json out{{"options",
                      {{"rooms", options.rooms},
                       {"seats", options.seats},
                       {"scenario", options.scenario},
                       {"think_ms", options.think_ms},
                       {"duration_s", options.duration_s},
                       {"difficulty", options.difficulty}}},
                     {"server", figures_json(game)}};
  if (echo) {
    const double s = std::max(echo->seconds, 1e-9);
    out["echo"] = {
        {"clients", echo->clients},
        {"round_trips", echo->messages},
        {"messages_per_second", 2.0 * static_cast<double>(echo->messages) / s},
        {"latency_ms",
         {{"p50", percentile(echo->latency_ms, 50)}, {"p99", percentile(echo->latency_ms, 99)}}},
        {"errors", echo->errors}};
    const double echo_rate = 2.0 * static_cast<double>(echo->messages) / s;
    out["ratio_to_echo"] = echo_rate > 0
                               ? static_cast<double>(game.server_messages + game.commands_sent) /
                                     std::max(game.seconds, 1e-9) / echo_rate
                               : 0.0;
  }
  return out.dump(2);
}

std::string report_text(const LoadOptions& options, const Figures& g, const EchoFigures* echo) {
  const double s = std::max(g.seconds, 1e-9);
  char buffer[2048];
  std::string out;
  std::snprintf(buffer, sizeof buffer,
                "accord-bot: %d room(s) x %d seats, %s, think %d ms, %.1f s measured\n"
                "  clients connected      %ld (+%ld facilitators)\n"
                "  commands sent          %ld (%.1f/s), accepted %ld\n"
                "  command->event latency p50 %.2f ms  p95 %.2f ms  p99 %.2f ms  max %.2f ms\n"
                "  events received        %ld, %.1f bytes per event on the wire\n"
                "  server messages in+out %.1f/s\n"
                "  reconnects             %ld\n"
                "  rejections             stale %ld, invalid %ld, rate-limited %ld\n"
                "  matches                %ld started, %ld finished\n"
                "  errors                 %ld\n",
                options.rooms, options.seats, options.scenario.c_str(), options.think_ms, g.seconds,
                g.clients_connected, g.facilitators, g.commands_sent,
                static_cast<double>(g.commands_sent) / s, g.accepted, percentile(g.latency_ms, 50),
                percentile(g.latency_ms, 95), percentile(g.latency_ms, 99),
                percentile(g.latency_ms, 100), g.stream_items,
                g.stream_items
                    ? static_cast<double>(g.stream_bytes) / static_cast<double>(g.stream_items)
                    : 0.0,
                static_cast<double>(g.server_messages + g.commands_sent) / s, g.reconnects, g.stale,
                g.invalid, g.rate_limited, g.matches_started, g.matches_finished, g.errors);
  out += buffer;
  if (g.server_cpu_s >= 0) {
    std::snprintf(buffer, sizeof buffer, "  server                 %.0f %% CPU, %.1f MB RSS\n",
                  100 * g.server_cpu_s / s, static_cast<double>(g.server_rss_kb) / 1024);
    out += buffer;
  }
  std::snprintf(buffer, sizeof buffer,
                "  load generator         %.0f %% CPU, longest loop turn %.1f ms\n",
                100 * g.own_cpu_s / s, g.longest_turn_ms);
  out += buffer;
  for (const auto& p : g.problems)
    out += "  problem: " + p + "\n";
  if (echo) {
    const double es = std::max(echo->seconds, 1e-9);
    const double echo_rate = 2.0 * static_cast<double>(echo->messages) / es;
    std::snprintf(buffer, sizeof buffer,
                  "echo baseline: %ld clients, %.1f messages/s in+out, round trip p50 %.2f ms "
                  "p99 %.2f ms, errors %ld\n"
                  "  server / echo message rate: %.2f\n",
                  echo->clients, echo_rate, percentile(echo->latency_ms, 50),
                  percentile(echo->latency_ms, 99), echo->errors,
                  echo_rate > 0
                      ? static_cast<double>(g.server_messages + g.commands_sent) / s / echo_rate
                      : 0.0);
    out += buffer;
  }
  return out;
}

bool run_failed(const Figures& figures) {
  return figures.errors > 0 || figures.invalid > 0 || figures.clients_connected == 0;
}

}  // namespace accord::loadgen
