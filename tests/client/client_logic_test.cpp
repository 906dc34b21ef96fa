// Client logic without rendering: the solo session, the autopilot, the command line, strings and
// settings.
#include <array>
#include <cstdlib>
#include <filesystem>

#include "autopilot.hpp"
#include "cli.hpp"
#include "client_test_support.hpp"
#include "local_session.hpp"
#include "settings.hpp"

namespace accord::client::test {
namespace {

SoloConfig config(std::uint64_t seed, bool start_now) {
  SoloConfig c;
  c.scenario = "opt_in_code";
  c.seats = 6;
  c.seed = seed;
  c.time_scale = 600;
  c.start_now = start_now;
  return c;
}

std::unique_ptr<LocalSession> session(const SoloConfig& c) {
  std::string error;
  auto s = LocalSession::create(test_content(), c, &error);
  INFO(error);
  REQUIRE(s);
  return s;
}

TEST_CASE("a solo session seats the player and its view holds only its own secrets") {
  auto s = session(config(3, true));
  REQUIRE(s->seat());
  const SeatIndex me = *s->seat();
  const Match& v = s->view();
  CHECK(v.phase == Phase::briefing);
  CHECK_FALSE(v.settings.seats[me].brief.empty());
  CHECK_FALSE(v.settings.seats[me].objectives.empty());
  for (SeatIndex seat = 0; seat < v.settings.seats.size(); ++seat) {
    if (seat == me) continue;
    CHECK(v.settings.seats[seat].brief.empty());
    CHECK(v.settings.seats[seat].objectives.empty());
  }
  const Match* pub = s->public_view();
  REQUIRE(pub);
  for (const auto& seat : pub->settings.seats)
    CHECK(seat.brief.empty());
  CHECK(v.seats[me].head == s->participant());
}

TEST_CASE("the player's state choice and a seat change in the lobby follow the seat's stream") {
  SoloConfig c = config(4, false);
  c.state = "china";
  auto s = session(c);
  REQUIRE(s->seat());
  CHECK(s->view().settings.seats[*s->seat()].state == "china");
  const SeatIndex other = *s->seat() == 0 ? 1 : 0;
  s->post(TakeSeat{other});
  CHECK_FALSE(s->last_rejection());
  REQUIRE(s->seat() == other);
  CHECK_FALSE(s->view().settings.seats[other].brief.empty());
}

TEST_CASE("a refused command is kept with its message until the next accepted one") {
  auto s = session(config(5, false));
  s->post(CastBallot{VoteOn::clause, 0, Ballot::yes});
  REQUIRE(s->last_rejection());
  CHECK_FALSE(s->last_rejection()->message.empty());
  s->post(SetReady{true});
  CHECK_FALSE(s->last_rejection());
}

TEST_CASE("the facilitator's pause stops the bots and the clock; resume lets them go on") {
  auto s = session(config(6, true));
  s->post_facilitator(AdvancePhase{});  // to drafting
  REQUIRE(s->view().phase == Phase::drafting);
  s->post_facilitator(PauseClock{});
  REQUIRE(s->view().paused_at);
  const int before = s->bot_commands();
  s->poll(2'000);  // 20 game minutes at x600
  CHECK(s->bot_commands() == before);
  CHECK(s->view().phase == Phase::drafting);
  s->post_facilitator(ResumeClock{});
  s->poll(100);
  CHECK(s->bot_commands() > before);
}

TEST_CASE("with the autopilot on the player's seat a solo match reaches the debrief") {
  for (const char* scenario : {"opt_in_code", "collapse", "two_tracks"}) {
    SoloConfig c = config(7, false);
    c.scenario = scenario;
    auto s = session(c);
    Autopilot pilot(test_content().clauses(), test_strings(), true);
    for (int i = 0; i < 20'000 && s->view().phase != Phase::debrief; ++i) {
      s->poll(1000.0 / 60.0);
      pilot.step(*s);
    }
    INFO(scenario);
    CHECK(s->view().phase == Phase::debrief);
    CHECK(s->bot_rejections() == 0);
    CHECK(pilot.commands() > 3);
    // The debrief reveals every seat's secrets to everyone.
    CHECK_FALSE(s->public_view()->settings.seats[0].brief.empty());
  }
}

TEST_CASE("the command line") {
  const auto parse = [](std::initializer_list<const char*> args) {
    std::array<const char*, 16> argv{"accord"};
    std::size_t n = 1;
    for (const char* a : args)
      argv[n++] = a;
    return parse_command_line(static_cast<int>(n), argv.data());
  };
  auto p = parse({"--solo", "hanoi", "--seats", "5", "--difficulty", "hard"});
  REQUIRE_FALSE(p.exit_code);
  CHECK(p.options.solo);
  CHECK(p.options.scenario == "hanoi");
  CHECK(p.options.seats == 5);
  p = parse({"--solo"});
  CHECK(p.options.solo);
  CHECK(p.options.scenario.empty());
  p = parse({"--screen", "voting"});
  CHECK(p.exit_code == 2);
  p = parse({"--difficulty", "impossible"});
  CHECK(p.exit_code.value_or(0) != 0);
  p = parse({"--server", "10.0.0.1:7878", "--join", "ABC123", "--name", "Ana"});
  REQUIRE_FALSE(p.exit_code);
  CHECK(p.options.join == "ABC123");
  p = parse({"--screen", "projector", "--replay-at", "40", "--screenshot", "p.png"});
  REQUIRE_FALSE(p.exit_code);
  CHECK(p.options.replay_at == 40);
  CHECK(parse({"--solo"}).options.replay_at == -1);  // no replay unless asked
  p = parse({"--replay-at", "-3"});
  CHECK(p.exit_code.value_or(0) != 0);
  p = parse({"--version"});
  CHECK(p.exit_code == 0);
  CHECK(p.output.find("accord") != std::string::npos);
}

TEST_CASE("strings come from en.json, with numbered placeholders") {
  const Strings& s = test_strings();
  CHECK(s.get("app.title") == "Cyber Accord");
  CHECK(s.get("no.such.key") == "no.such.key");
  CHECK(format_pattern("{0} of {1} have voted", {"3", "8"}) == "3 of 8 have voted");
  CHECK(format_pattern("{1}{0}{2}", {"a", "b"}) == "ba{2}");
}

TEST_CASE("settings are saved and read back, clamped") {
  const auto dir = std::filesystem::temp_directory_path() / "accord-settings-test";
  std::filesystem::remove_all(dir);
  Settings s;
  s.scale_percent = 200;
  s.high_contrast = true;
  s.font_px = 20;
  REQUIRE(save_settings(s, dir / "settings.json"));
  CHECK(load_settings(dir / "settings.json") == s);
  s.scale_percent = 900;
  s.clamp();
  CHECK(s.scale_percent == Settings::kMaxScale);
  CHECK(load_settings(dir / "missing.json") == Settings{});
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace accord::client::test
