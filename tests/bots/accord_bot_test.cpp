// accord-bot's engine against a real accord-server (in-process, on loopback, with the shipped
// content): a handful of rooms for a few seconds, matches played to the end and new rooms
// opened, with zero errors and zero invalid rejections.
#include <catch2/catch.hpp>

#include <spdlog/spdlog.h>

#include <atomic>
#include <functional>
#include <nlohmann/json.hpp>
#include <thread>

#include "load_generator.hpp"
#include "room_store.hpp"
#include "server.hpp"

namespace accord::bots::test {
namespace {

class ContentServer {
 public:
  explicit ContentServer(std::uint32_t refuse_every_nth_command = 0,
                         const std::function<void(server::ServerConfig&)>& adjust = {}) {
    spdlog::set_level(spdlog::level::warn);
    server::ServerConfig config;
    config.port = 0;
    config.bind = "127.0.0.1";
    config.discovery = false;
    config.fast_password_hash = true;
    config.max_peers_per_address = 1000;
    config.tick_ms = 20;
    config.test_refuse_every_nth_command = refuse_every_nth_command;
    if (adjust) adjust(config);
    std::string error;
    auto factory = server::make_content_factory(ACCORD_ASSET_DIR, &error);
    REQUIRE(factory);
    server_ = std::make_unique<server::Server>(config, std::move(factory),
                                               std::make_shared<server::MemoryRoomStore>());
    REQUIRE(server_->start(&error));
    thread_ = std::thread([this] { server_->run(stop_); });
  }
  ~ContentServer() { stop(); }
  void stop() {
    stop_.store(true);
    if (thread_.joinable()) thread_.join();
  }
  std::uint16_t port() const { return server_->port(); }
  // Once stopped: the server itself.
  const server::Server& stopped() {
    stop();
    return *server_;
  }

 private:
  std::unique_ptr<server::Server> server_;
  std::atomic<bool> stop_{false};
  std::thread thread_;
};

// Small rooms of the shipped content whose facilitator moves the conference on quickly, so
// matches finish within a test's seconds.
loadgen::LoadOptions quick_conferences(std::uint16_t port, int rooms, int seats, int think_ms) {
  loadgen::LoadOptions options;
  options.port = port;
  options.rooms = rooms;
  options.seats = seats;
  options.scenario = "global_mechanism";
  options.think_ms = think_ms;
  options.phase_s = 0.4;
  options.asset_dir = ACCORD_ASSET_DIR;
  return options;
}

TEST_CASE("accord-bot plays a handful of rooms on a real server with zero errors") {
  ContentServer server;
  auto options = quick_conferences(server.port(), 3, 5, 50);
  options.duration_s = 4;
  const auto figures = loadgen::run_load(options);
  for (const auto& problem : figures.problems)
    UNSCOPED_INFO(problem);
  CHECK(figures.errors == 0);
  CHECK(figures.invalid == 0);
  CHECK_FALSE(loadgen::run_failed(figures));
  CHECK(figures.clients_connected == 15);
  CHECK(figures.commands_sent > 100);
  CHECK(figures.accepted > figures.commands_sent / 2);
  CHECK(figures.matches_finished >= 3);  // and new rooms were opened for the next matches
  CHECK(figures.stream_items > figures.commands_sent);
  CHECK(loadgen::percentile(figures.latency_ms, 50) > 0);

  options.duration_s = 1;
  const auto echo = loadgen::run_echo(options, 15, 64);
  CHECK(echo.errors == 0);
  CHECK(echo.messages > 100);

  // The server timed every command it answered, inside itself (SIGUSR2 prints this).
  const auto report = nlohmann::json::parse(server.stopped().latency_report());
  CHECK(report["command_ms"]["count"].get<long>() >= figures.commands_sent);
  CHECK(report["command_ms"]["p50"].get<double>() <= report["command_ms"]["max"].get<double>());
  CHECK(report["turn_ms"]["count"].get<long>() > 0);

  // What the admin endpoint's /metrics reports moved with the bots' matches.
  const auto& counters = server.stopped().counters();
  std::uint64_t accepted = 0;
  for (const auto& [command, n] : counters.commands)
    accepted += n;
  CHECK(accepted >= static_cast<std::uint64_t>(figures.accepted));  // all the bots heard of
  CHECK(counters.commands.size() >= 3);                             // several kinds of command
  CHECK(counters.stream_messages_out >= static_cast<std::uint64_t>(figures.stream_items));
  CHECK(counters.commit_seconds.count > 0);
  const auto metrics = server::render_metrics(*server.stopped().admin_snapshot());
  CHECK_THAT(metrics, Catch::Contains("accord_commands_total{command=\"start_match\"}"));
}

TEST_CASE("accord-bot connects again when the server turns its address's connections away") {
  // A school's budget of key exchanges per address, made tight: most of accord-bot's
  // connections are turned away at first, and each comes back after a pause.
  ContentServer server(0, [](server::ServerConfig& config) {
    config.handshake_burst = 3;
    config.handshakes_per_second = 20;
  });
  auto options = quick_conferences(server.port(), 2, 4, 50);
  options.duration_s = 1;
  const auto figures = loadgen::run_load(options);
  for (const auto& problem : figures.problems)
    UNSCOPED_INFO(problem);
  CHECK(figures.errors == 0);
  CHECK(figures.clients_connected == 8);
  CHECK(server.stopped().connections_turned_away() > 0);
}

TEST_CASE("accord-bot notices a server that refuses one valid command in a hundred") {
  ContentServer server(100);
  auto options = quick_conferences(server.port(), 2, 5, 20);
  options.duration_s = 3;
  const auto figures = loadgen::run_load(options);
  CHECK(figures.commands_sent > 200);
  CHECK(figures.invalid > 0);
  CHECK(loadgen::run_failed(figures));  // accord-bot exits non-zero
}

TEST_CASE("percentiles are nearest-rank") {
  CHECK(loadgen::percentile({}, 50) == 0);
  CHECK(loadgen::percentile({3, 1, 2, 4}, 50) == 2);
  CHECK(loadgen::percentile({3, 1, 2, 4}, 100) == 4);
  CHECK(loadgen::percentile({5}, 99) == 5);
}

}  // namespace
}  // namespace accord::bots::test
