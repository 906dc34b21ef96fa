// Bots react to crisis injects (issue 15): a shift of their own priorities changes how they
// vote, and they answer an emergency statement in whatever phase it opens.
#include <catch2/catch.hpp>

#include <algorithm>

#include "bots/bot.hpp"
#include "bots_test_support.hpp"
#include "content/stance.hpp"
#include "core/host.hpp"
#include "core/visibility.hpp"

namespace accord::bots::test {
namespace {

constexpr TimeMs kNow = 1'000;

// Hanoi with 20 bot seats, in round 1's drafting, its library replaced by one inject whose
// statement follows `ref`, with or without a shift that adds `ref` to `seat`'s priorities.
MatchHost drafting_with_inject(SeatIndex seat, const std::string& ref, bool shift) {
  auto made = content::make_match_settings(content(), "hanoi", 20, "class45");
  REQUIRE(made);
  LogHeader header = made.setup->header;
  header.seed = 11;
  InjectSetup inject;
  inject.id = "test";
  inject.title = "Test crisis";
  inject.news = "Something happened.";
  inject.statement = "A statement.";
  inject.statement_ref = ref;
  inject.statement_vote_ms = 120'000;
  if (shift) inject.shifts = {PriorityShift{seat, {ref}, {}, "It matters now."}};
  header.settings.injects = {inject};
  header.settings.inject_schedule.clear();
  MatchHost host(header);
  for (SeatIndex s = 0; s < 20; ++s)
    REQUIRE_FALSE(host.submit(Actor::facilitator(), SetBot{s, true}, kNow).rejection);
  REQUIRE_FALSE(host.submit(Actor::facilitator(), StartMatch{}, kNow).rejection);
  REQUIRE_FALSE(host.submit(Actor::facilitator(), AdvancePhase{}, kNow).rejection);
  REQUIRE(host.match().phase == Phase::drafting);
  return host;
}

// The ballot the seat's bot, made before the inject, casts on the statement after it.
std::optional<Ballot> statement_ballot(SeatIndex seat, const std::string& ref, bool shift) {
  MatchHost host = drafting_with_inject(seat, ref, shift);
  Bot bot(seat, view_for(host.match(), Viewer::of_seat(seat)), content().clauses(),
          BotOptions{Difficulty::normal, 5, default_pace(Difficulty::normal), nullptr});
  // Its first look, before the crisis, as a room's engine gives it at every step.
  bot.next_command(view_for(host.match(), Viewer::of_seat(seat)), kNow);
  REQUIRE_FALSE(host.submit(Actor::facilitator(), FireInject{"test"}, kNow).rejection);
  const Match view = view_for(host.match(), Viewer::of_seat(seat));
  const auto command = bot.next_command(view, kNow);
  REQUIRE(command);
  const auto* cast = std::get_if<CastBallot>(&*command);
  if (!cast || cast->on != VoteOn::statement) return std::nullopt;
  return cast->ballot;
}

TEST_CASE("a bot's vote on a statement follows the priorities an inject shifted",
          "[bots][injects]") {
  // A seat and a clause on Hanoi's table it is lukewarm about: neither yes nor a red line.
  auto made = content::make_match_settings(content(), "hanoi", 20, "class45");
  REQUIRE(made);
  const auto& settings = made.setup->settings;
  std::optional<std::pair<SeatIndex, std::string>> lukewarm;
  for (SeatIndex s = 0; s < settings.seats.size() && !lukewarm; ++s) {
    const Match view = view_for(new_match(settings, 1), Viewer::of_seat(s));
    const Bot probe(s, view, content().clauses(), BotOptions{});
    for (const auto& option : settings.clause_table) {
      const auto value = probe.brief().value_of(option.ref);
      if (value >= 0 && value < 100 && !probe.brief().is_red_line(option.ref)) {
        lukewarm.emplace(s, option.ref);
        break;
      }
    }
  }
  REQUIRE(lukewarm);
  const auto [seat, ref] = *lukewarm;
  INFO(settings.seats[seat].name << " on clause " << ref);
  CHECK(statement_ballot(seat, ref, false) == Ballot::abstain);
  CHECK(statement_ballot(seat, ref, true) == Ballot::yes);
}

TEST_CASE("a bot judges a statement that follows a clause off the table by its stance",
          "[bots][injects]") {
  // Clause 14 (no attacks on critical infrastructure) is not on Hanoi's table.
  auto made = content::make_match_settings(content(), "hanoi", 20, "class45");
  REQUIRE(made);
  const auto& settings = made.setup->settings;
  REQUIRE(std::none_of(settings.clause_table.begin(), settings.clause_table.end(),
                       [](const ClauseOption& o) { return o.family == "14"; }));
  std::optional<SeatIndex> keen;
  for (SeatIndex s = 0; s < settings.seats.size() && !keen; ++s)
    if (content::support(content().clauses(), "14", settings.seats[s].stance) >= 100) keen = s;
  REQUIRE(keen);
  CHECK(statement_ballot(*keen, "14", false) == Ballot::yes);
}

}  // namespace
}  // namespace accord::bots::test
