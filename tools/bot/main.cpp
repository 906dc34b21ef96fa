// accord-bot: the load generator. Creates rooms on a running accord-server, fills each with bot
// clients over real ENet connections, plays until the duration ends (new rooms as matches
// finish), prints the figures; exits non-zero on any error or invalid rejection (stale ones are
// normal over a network and only counted). docs/bots.md, docs/performance.md.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <optional>

#include "load_generator.hpp"
#include "paths/asset_location.hpp"

int main(int argc, char** argv) {
  using namespace accord::loadgen;
  CLI::App app{"accord-bot: bot clients that load an accord-server over ENet"};
  LoadOptions options;
  options.asset_dir = accord::default_asset_dir();
  std::string server;
  bool json = false, echo = false;
  app.add_option("--server", server, "HOST:PORT of the accord-server")->required();
  app.add_option("--rooms", options.rooms, "rooms to create")
      ->required()
      ->check(CLI::Range(1, 4000));
  app.add_option("--seats", options.seats, "bot clients per room")
      ->required()
      ->check(CLI::Range(1, 25));
  app.add_option("--scenario", options.scenario, "scenario id")->capture_default_str();
  app.add_option("--preset", options.preset, "timer preset")->capture_default_str();
  app.add_option("--think-ms", options.think_ms,
                 "pause after each answer before the next command (0: saturation)")
      ->capture_default_str()
      ->check(CLI::Range(0, 600000));
  app.add_option("--duration", options.duration_s, "seconds to measure")->capture_default_str();
  app.add_option("--difficulty", options.difficulty, "easy, normal or hard")
      ->capture_default_str()
      ->check(CLI::IsMember({"easy", "normal", "hard"}));
  app.add_option("--phase-seconds", options.phase_s,
                 "the facilitator ends each phase after this long")
      ->capture_default_str();
  app.add_option("--connects-per-second", options.connects_per_second, "connection pacing")
      ->capture_default_str();
  app.add_option("--peers-per-host", options.peers_per_host,
                 "connections per ENet client host (ENet allows 4095)")
      ->capture_default_str()
      ->check(CLI::Range(1, 4095));
  app.add_option("--assets", options.asset_dir, "the content the server plays")
      ->capture_default_str();
  app.add_option("--server-pid", options.server_pid, "measure this process's CPU and RSS");
  app.add_flag("--json", json, "print the figures as JSON");
  app.add_flag("--echo-baseline", echo,
               "then the same clients against a minimal ENet echo host in this process");
  CLI11_PARSE(app, argc, argv);
  const auto colon = server.rfind(':');
  if (colon == std::string::npos) {
    std::fprintf(stderr, "accord-bot: --server must be HOST:PORT\n");
    return 2;
  }
  options.host = server.substr(0, colon);
  options.port = static_cast<std::uint16_t>(std::stoi(server.substr(colon + 1)));

  const Figures game = run_load(options);
  std::optional<EchoFigures> echo_figures;
  if (echo) {
    // Messages of the size of the commands the bots sent.
    echo_figures = run_echo(
        options,
        game.clients_connected > 0 ? game.clients_connected : options.rooms * options.seats, 64);
  }
  const EchoFigures* echo_ptr = echo_figures ? &*echo_figures : nullptr;
  std::fputs(
      (json ? report_json(options, game, echo_ptr) + "\n" : report_text(options, game, echo_ptr))
          .c_str(),
      stdout);
  const bool failed = run_failed(game) || (echo_ptr && echo_ptr->errors > 0);
  return failed ? 1 : 0;
}
