// The command line (CLI11). Parsing is separate from running so the tests can check it.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace accord::client {

struct Options {
  bool solo = false;
  std::string scenario;  // empty: the home screen's choice, or the first scenario
  int seats = 0;         // 0: the default for the scenario (up to 8)
  std::string difficulty = "normal";
  std::string state;       // the state id to play; empty: the scenario's first seat
  std::uint64_t seed = 0;  // 0: from the clock
  int scale_percent = 0;   // 0: from the settings
  bool high_contrast = false;
  double time_scale = 1.0;
  bool autoplay = false;
  std::string screen;      // with --screenshot: capture this screen
  std::string screenshot;  // PNG path
  std::string inject;      // solo: fire this crisis inject when drafting begins
  bool paused = false;     // with --screen: the facilitator pauses the clock before the capture
  std::string text_log;    // test hook: every string the screens draw, one a line
  double max_seconds = 0;  // 0: no limit; --screen defaults to 120
  int width = 1280;
  int height = 800;
  std::string assets;  // asset folder; empty: the build's or $ACCORD_ASSETS
  std::string lang = "en";
  // Playing through a server.
  std::string server, join, name, quick_match;
  bool quick_match_given = false;
  bool projector = false;
  // Benchmarks (bench_frames.hpp): frames of the busiest drafting state; seconds idle on a lobby.
  int bench_frames = 0;
  double bench_idle = 0;
};

struct ParsedCommandLine {
  Options options;
  std::optional<int> exit_code;  // set when the program should stop (help, version, error)
  std::string output;            // what to print before stopping
  bool output_is_error = false;
};

ParsedCommandLine parse_command_line(int argc, const char* const* argv);

// The screens --screen accepts.
const std::vector<std::string>& screen_names();

}  // namespace accord::client
