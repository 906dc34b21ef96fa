#include "cli.hpp"

#include <CLI/CLI.hpp>
#include <sstream>

namespace accord::client {

const std::vector<std::string>& screen_names() {
  static const std::vector<std::string> names{"home",      "lobby",   "briefing", "drafting",
                                              "chat",      "voting",  "debrief",  "facilitator",
                                              "projector", "settings"};
  return names;
}

ParsedCommandLine parse_command_line(int argc, const char* const* argv) {
  ParsedCommandLine parsed;
  Options& o = parsed.options;
  CLI::App app{"Cyber Accord: a negotiation game about a code of conduct for cyberspace.",
               "accord"};
  app.set_version_flag("--version", std::string("accord ") + ACCORD_VERSION);
  auto* solo =
      app.add_option("--solo", o.scenario, "Play solo against bots, optionally naming the scenario")
          ->expected(0, 1);
  app.add_option("--seats", o.seats, "Seats at the table (4 up to the scenario's size)")
      ->check(CLI::Range(4, 64));
  app.add_option("--difficulty", o.difficulty, "Bots: easy, normal or hard")
      ->check(CLI::IsMember({"easy", "normal", "hard"}));
  app.add_option("--state", o.state, "The state you play (its id, e.g. brazil)");
  app.add_option("--seed", o.seed, "Seed of the solo match (default: from the clock)");
  app.add_option("--scale", o.scale_percent, "UI scale in percent (100-250)")
      ->check(CLI::Range(100, 250));
  app.add_flag("--high-contrast", o.high_contrast, "High-contrast theme");
  app.add_option("--time-scale", o.time_scale, "Game clock speed (60: a minute per second)")
      ->check(CLI::Range(0.1, 100000.0));
  app.add_flag("--autoplay", o.autoplay, "A bot plays your seat");
  app.add_option("--screen", o.screen, "With --screenshot: the screen to capture")
      ->check(CLI::IsMember(screen_names()));
  app.add_option("--screenshot", o.screenshot, "Save a PNG of the screen and exit");
  app.add_option("--inject", o.inject,
                 "Solo: fire this crisis inject (assets/injects/<id>.json) when drafting begins");
  app.add_flag("--paused", o.paused,
               "With --screen: pause the clock when the screen is reached, then capture");
  app.add_option("--replay-at", o.replay_at,
                 "With --screen debrief or projector: capture the replay at this event")
      ->check(CLI::Range(0, 100000000));
  app.add_option("--text-log", o.text_log, "Write every string drawn to this file (tests)");
  app.add_option("--max-seconds", o.max_seconds, "Give up after this many seconds");
  app.add_option("--width", o.width, "Window width")->check(CLI::Range(640, 7680));
  app.add_option("--height", o.height, "Window height")->check(CLI::Range(480, 4320));
  app.add_option("--assets", o.assets, "The asset folder");
  app.add_option("--lang", o.lang, "Interface language (assets/i18n/<lang>.json)");
  app.add_option(
      "--server", o.server,
      "HOST:PORT of a Cyber Accord server (HOST:PORT#FINGERPRINT: refuse any other server key)");
  app.add_option("--join", o.join, "Join a room by its code (with --server)");
  app.add_option("--name", o.name, "Your name in the room");
  auto* quick = app.add_option("--quick-match", o.quick_match,
                               "Quick match on the server, optionally naming the scenario")
                    ->expected(0, 1);
  app.add_flag("--projector", o.projector,
               "With --join: show the room's public view for a classroom screen");
  app.add_option("--bench-frames", o.bench_frames,
                 "Draw N frames of the busiest drafting state offscreen, print CPU per frame")
      ->check(CLI::Range(1, 1000000));
  app.add_option("--bench-idle", o.bench_idle,
                 "Wait SECONDS on a solo lobby, print the frames drawn and the CPU used")
      ->check(CLI::Range(0.5, 3600.0));
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    std::ostringstream out, err;
    parsed.exit_code = app.exit(e, out, err);
    parsed.output = out.str() + err.str();
    parsed.output_is_error = *parsed.exit_code != 0;
    return parsed;
  }
  o.solo = solo->count() > 0;
  o.quick_match_given = quick->count() > 0;
  if (o.bench_idle > 0 && o.server.empty()) o.solo = true;  // the lobby of a solo match
  // With --autoplay, --screenshot alone saves the debrief the match ends on.
  if (!o.screenshot.empty() && o.screen.empty() && !o.autoplay) o.screen = "home";
  if (!o.screen.empty() && o.screenshot.empty()) {
    parsed.exit_code = 2;
    parsed.output = "--screen needs --screenshot FILE.png\n";
    parsed.output_is_error = true;
  }
  return parsed;
}

}  // namespace accord::client
