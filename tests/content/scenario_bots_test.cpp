// Simple bots built from the shipped state profiles play every scenario to the debrief without a
// single rejected command, and vote the way their state's stance says.
#include "bots/simple_bot.hpp"
#include "bots/support.hpp"
#include "content_test_support.hpp"
#include "core/host.hpp"
#include "core/visibility.hpp"
#include "scoring/seat_score.hpp"

namespace accord::content::test {
namespace {

struct Played {
  Match match;
  int commands = 0;
};

// Every seat a bot of the given mode; returns the finished match.
Played play_scenario(const Scenario& scenario, std::size_t seats, std::uint64_t seed) {
  const auto created = make_match_settings(shipped(), scenario.id, seats, "class45");
  INFO(scenario.id << " with " << seats << " seats: " << created.error);
  REQUIRE(created.setup);
  LogHeader header = created.setup->header;
  header.seed = seed;
  MatchHost host(header);
  TimeMs now = 0;
  for (SeatIndex s = 0; s < seats; ++s)
    REQUIRE_FALSE(host.submit(Actor::facilitator(), SetBot{s, true}, now).rejection);
  REQUIRE_FALSE(host.submit(Actor::facilitator(), StartMatch{}, now).rejection);
  std::vector<bots::SimpleBot> players;
  for (SeatIndex s = 0; s < seats; ++s) {
    const Match own = view_for(host.match(), Viewer::of_seat(s));
    players.emplace_back(s, bots::support_table(own, s, shipped().clauses()), bots::BotMode::play);
  }
  Played played;
  for (int turn = 0; turn < 2000 && host.match().phase != Phase::debrief; ++turn) {
    bool acted = false;
    for (const auto& bot : players) {
      const auto command = bot.next_command(view_for(host.match(), Viewer::of_seat(bot.seat())));
      if (!command) continue;
      const auto outcome = host.submit(Actor::bot(bot.seat()), *command, now);
      INFO(scenario.id << " seat " << bot.seat() << ": " << to_json_text(*command));
      if (outcome.rejection) FAIL("rejected: " << outcome.rejection->message);
      acted = true;
      ++played.commands;
    }
    if (!acted) {
      now = host.match().deadline.value_or(now + 1000);
      host.advance_clock(now);
    }
  }
  played.match = host.match();
  return played;
}

TEST_CASE("bots built from the state profiles play every scenario legally to the debrief") {
  int objectives = 0, achieved = 0;
  for (const auto& scenario : shipped().scenarios()) {
    for (std::size_t seats : {Scenario::kMinSeats, scenario.seats.size()}) {
      const Played played = play_scenario(scenario, seats, 2011);
      INFO(scenario.id << " with " << seats << " seats");
      CHECK(played.match.phase == Phase::debrief);
      CHECK(played.commands > static_cast<int>(seats));  // they did play: tabled, voted
      // Every objective of every seated state is evaluable on the finished match.
      const scoring::MatchRecord record(played.match, shipped().clauses());
      for (const auto& score : scoring::seat_scores(record)) {
        for (const auto& objective : score.objectives) {
          INFO(score.name << ": " << objective.condition);
          CHECK(objective.valid);
          CHECK_FALSE(objective.line.text.empty());
          ++objectives;
          achieved += objective.achieved ? 1 : 0;
        }
      }
    }
  }
  // Real play achieves some objectives and misses others.
  CHECK(achieved > 0);
  CHECK(achieved < objectives);
}

TEST_CASE("a bot's support table comes from its own view only") {
  const auto& scenario = shipped().scenarios().front();
  const auto created = make_match_settings(shipped(), scenario.id, 4, "class45");
  REQUIRE(created.setup);
  const Match match = new_match(created.setup->settings, 1);
  const auto own = bots::support_table(view_for(match, Viewer::of_seat(0)), 0, shipped().clauses());
  CHECK_FALSE(own.empty());
  // Another seat's view hides seat 0's stance: no table can be built from it.
  CHECK(bots::support_table(view_for(match, Viewer::of_seat(1)), 0, shipped().clauses()).empty());
}

}  // namespace
}  // namespace accord::content::test
