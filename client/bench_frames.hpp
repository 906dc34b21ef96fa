// The client's benchmarks (issue 8).
// --bench-frames N: draws N frames of the busiest drafting state (60 tabled clauses, 500 chat
// lines, 20 seats) offscreen, then N of its chat screen, and prints the CPU time per frame
// (median, p95), the resident memory (/proc/self/statm) and the time to the first frame.
// --bench-idle SECONDS: the app's own loop on a solo lobby; IdleBench counts the frames the loop
// draws and the CPU the process uses over that many seconds, then prints them.
#pragma once

#include <chrono>
#include <memory>
#include <string>

#include "content/content.hpp"
#include "i18n.hpp"
#include "session.hpp"

namespace accord::client {

struct Options;

// A session over a fixed, synthetic view: a drafting phase of the opt-in scenario with
// `clauses` tabled clauses (catalogue and free text, co-sponsors, pending amendments), deals,
// and `chat_lines` chat messages (most in the plenary). Posting records the command and
// changes nothing. nullptr (and `error`) if the content has no such scenario.
std::unique_ptr<Session> make_busy_drafting_session(const content::ContentCatalogue& content,
                                                    std::size_t clauses, std::size_t chat_lines,
                                                    std::string* error);

// Runs --bench-frames: prints the figures on stdout, returns the exit code.
int run_bench_frames(const Options& options);

// --bench-idle: call frame() after each frame the app draws; it starts counting once the lobby
// shows the room's participants, and after `seconds` prints the figures and returns true (the app
// then exits 0).
class IdleBench {
 public:
  explicit IdleBench(double seconds) : seconds_(seconds) {}
  bool frame(const Session* session, const Strings& strings);

 private:
  double seconds_;
  bool started_ = false;
  int frames_ = 0;
  std::chrono::steady_clock::time_point start_;
  double process_cpu0_ = 0, thread_cpu0_ = 0;
};

}  // namespace accord::client
