// accord-bot's engine: many bot clients over real ENet connections, spread over several client
// hosts (ENet allows 4,095 peers per host), playing real rooms of a real accord-server, and a
// minimal ENet echo host to compare the server with raw ENet. One thread; nothing blocks.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace accord::loadgen {

struct LoadOptions {
  std::string host = "127.0.0.1";
  std::uint16_t port = 7878;
  int rooms = 1;
  int seats = 4;
  std::string scenario = "eleven_norms";
  std::string preset = "class45";
  int think_ms = 2000;  // between a command's answer and the bot's next command; 0: saturation
  double duration_s = 10;
  std::string difficulty = "normal";
  bool echo_baseline = false;
  double phase_s = 30;            // the facilitator ends a phase after this long
  int connects_per_second = 150;  // pacing of new connections
  int peers_per_host = 1000;
  double setup_timeout_s = 180;  // rooms created, seats taken, matches started
  std::string asset_dir;         // the content the server plays (for the bots' catalogue)
  int server_pid = 0;            // if set: the server's CPU time and RSS are measured
};

struct Figures {
  long clients_connected = 0;  // bot clients in a seat when measuring started
  long facilitators = 0;
  long commands_sent = 0;
  long accepted = 0;
  long stale = 0, invalid = 0, rate_limited = 0;
  long errors = 0;
  long reconnects = 0;
  long matches_started = 0, matches_finished = 0;
  long stream_items = 0;
  long stream_bytes = 0;              // StreamItem messages as received (ENet payload bytes)
  long server_messages = 0;           // every message the server sent to these clients
  double seconds = 0;                 // the measuring window
  std::vector<double> latency_ms;     // command sent -> answer (its events come first)
  std::vector<std::string> problems;  // the first few errors and invalid rejections
  double own_cpu_s = 0;               // this load generator's CPU time during the window
  double longest_turn_ms = 0;         // its longest loop turn: a stalled generator inflates latency
  double server_cpu_s = -1;           // server CPU time during the window (with server_pid)
  long server_rss_kb = -1;            // at the end of the window
};

struct EchoFigures {
  long clients = 0;
  long messages = 0;  // echoed round trips
  long errors = 0;
  double seconds = 0;
  std::vector<double> latency_ms;
};

Figures run_load(const LoadOptions& options);
// accord-bot's verdict: a run fails on any error or *invalid* rejection (stale ones are normal
// over a network), or when nobody could connect.
bool run_failed(const Figures& figures);
// The same number of clients, same-sized messages, same pace, against an echo host started in
// this process.
EchoFigures run_echo(const LoadOptions& options, long clients, std::size_t message_bytes);

double percentile(std::vector<double> values, double p);  // p in [0, 100]
std::string report_text(const LoadOptions& options, const Figures& game, const EchoFigures* echo);
std::string report_json(const LoadOptions& options, const Figures& game, const EchoFigures* echo);

}  // namespace accord::loadgen
