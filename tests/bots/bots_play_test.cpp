// The negotiating bots in in-process matches: they never send a command the rules refuse,
// cannot be influenced by another seat's secrets, and pursue their brief (qualifiers that lift
// their red lines, objectives over stance).
#include <catch2/catch.hpp>

#include "bots/bot.hpp"
#include "bots/support.hpp"
#include "bots_test_support.hpp"
#include "core/codec.hpp"
#include "core/host.hpp"
#include "core/visibility.hpp"

namespace accord::bots::test {
namespace {

using tournament::MatchSpec;
using tournament::Player;

#ifdef ACCORD_SANITIZED
constexpr std::size_t kLegalMatches = 60;
#else
constexpr std::size_t kLegalMatches = 1000;
#endif

TEST_CASE("in 1,000 seeded matches bots of every difficulty never send a refused command") {
  // Small tables keep the run short; every scenario, every kind of player (the random
  // baseline too), seats rotated between kinds, both timer presets.
  const auto& scenarios = content().scenarios();
  std::size_t matches = 0, adopted = 0, commands = 0;
  for (std::size_t i = 0; i < kLegalMatches; ++i) {
    MatchSpec spec;
    spec.scenario = scenarios[i % scenarios.size()].id;
    spec.seats = 4 + (i / scenarios.size()) % 3;
    spec.preset = i % 10 == 9 ? "online_long" : "class45";
    spec.seed = 1000 + i;
    for (std::size_t s = 0; s < spec.seats; ++s)
      spec.players.push_back(static_cast<Player>((s + i) % tournament::kPlayerKinds));
    tournament::RunOptions options;
    options.phrases = &phrases();
    const auto result = tournament::play_match(content(), spec, options);
    INFO(spec.scenario << ", " << spec.seats << " seats, seed " << spec.seed);
    for (const auto& text : result.rejection_texts)
      UNSCOPED_INFO(text);
    REQUIRE(result.rejections == 0);
    REQUIRE(result.finished);
    ++matches;
    adopted += result.code_adopted ? 1 : 0;
    commands += static_cast<std::size_t>(result.commands);
  }
  CHECK(matches == kLegalMatches);
  // They really played: codes were adopted in some matches and not in others.
  CHECK(adopted > 0);
  CHECK(adopted < matches);
  CHECK(commands > matches * 20);
}

// Another seat's brief, priorities, red lines, stance and objectives, all changed.
void scramble_seat(MatchSettings& settings, SeatIndex seat) {
  auto& setup = settings.seats[seat];
  setup.brief = "A completely different brief.";
  setup.priorities = {"24"};
  setup.red_lines = {{"29", ""}, {"24", ""}};
  for (auto& axis : setup.stance)
    axis = -axis;
  setup.objectives = {{"Something else", "not code_adopted()"}};
}

TEST_CASE("changing another seat's secrets never changes a bot's commands") {
  for (const char* scenario : {"eleven_norms", "two_tracks", "hanoi"}) {
    for (const Player observed : {Player::easy, Player::normal, Player::hard}) {
      MatchSpec spec;
      spec.scenario = scenario;
      spec.seats = 6;
      spec.seed = 77;
      spec.players = {observed,     Player::hard, Player::normal,
                      Player::easy, Player::hard, Player::normal};
      const auto made = content::make_match_settings(content(), scenario, spec.seats, "class45");
      REQUIRE(made);
      // Every seat but seat 0 reads its brief from the unedited settings, so seat 1 plays
      // exactly as before while its secrets in the match are different.
      spec.brief_settings = made.setup->settings;
      spec.observed_seat = 0;
      tournament::RunOptions options;
      options.keep_commands = true;
      options.phrases = &phrases();
      const auto plain = tournament::play_match(content(), spec, options);
      spec.edit_settings = [](MatchSettings& settings) { scramble_seat(settings, 1); };
      const auto edited = tournament::play_match(content(), spec, options);
      INFO(scenario << ", seat 0 " << tournament::player_name(observed));
      REQUIRE(plain.commands_by_seat[0].size() > 10);
      REQUIRE(plain.commands_by_seat[0].size() == edited.commands_by_seat[0].size());
      for (std::size_t i = 0; i < plain.commands_by_seat[0].size(); ++i)
        REQUIRE(to_json_text(plain.commands_by_seat[0][i]) ==
                to_json_text(edited.commands_by_seat[0][i]));
    }
  }
}

TEST_CASE("the secrecy test can fail: a seat's own secrets do change its commands") {
  MatchSpec spec;
  spec.scenario = "eleven_norms";
  spec.seats = 6;
  spec.seed = 77;
  spec.players = {Player::normal, Player::hard, Player::normal,
                  Player::easy,   Player::hard, Player::normal};
  tournament::RunOptions options;
  options.keep_commands = true;
  const auto plain = tournament::play_match(content(), spec, options);
  spec.edit_settings = [](MatchSettings& settings) { scramble_seat(settings, 0); };
  const auto edited = tournament::play_match(content(), spec, options);
  std::vector<std::string> a, b;
  for (const auto& c : plain.commands_by_seat[0])
    a.push_back(to_json_text(c));
  for (const auto& c : edited.commands_by_seat[0])
    b.push_back(to_json_text(c));
  CHECK(a != b);
}

TEST_CASE("the same seed gives the same match, another seed another") {
  MatchSpec spec;
  spec.scenario = "global_mechanism";
  spec.seats = 8;
  spec.seed = 5;
  for (std::size_t s = 0; s < spec.seats; ++s)
    spec.players.push_back(static_cast<Player>(s % 4));
  tournament::RunOptions options;
  options.keep_commands = true;
  options.phrases = &phrases();
  const auto first = tournament::play_match(content(), spec, options);
  const auto again = tournament::play_match(content(), spec, options);
  spec.seed = 6;
  const auto other = tournament::play_match(content(), spec, options);
  const auto text = [](const tournament::MatchResult& r) {
    std::string all;
    for (const auto& seat : r.commands_by_seat)
      for (const auto& c : seat)
        all += to_json_text(c) + "\n";
    return all;
  };
  CHECK(text(first) == text(again));
  CHECK(text(first) != text(other));
}

// Plays a match with every seat a hard or normal bot until `seat` has sent `wanted`.
template <class Pred>
bool bot_sends(const char* scenario, std::size_t seats, SeatIndex seat, Difficulty difficulty,
               Pred wanted) {
  auto made = content::make_match_settings(content(), scenario, seats, "class45");
  REQUIRE(made);
  MatchHost host(made.setup->header);
  TimeMs now = 0;
  for (SeatIndex s = 0; s < seats; ++s)
    host.submit(Actor::facilitator(), SetBot{s, true}, now);
  host.submit(Actor::facilitator(), StartMatch{}, now);
  std::vector<Bot> bots;
  for (SeatIndex s = 0; s < seats; ++s) {
    BotOptions options;
    options.difficulty = s == seat ? difficulty : Difficulty::normal;
    options.seed = 3;
    bots.emplace_back(s, view_for(host.match(), Viewer::of_seat(s)), content().clauses(), options);
  }
  for (int turn = 0; turn < 4000 && host.match().phase != Phase::debrief; ++turn) {
    bool acted = false;
    for (auto& bot : bots) {
      const auto command =
          bot.next_command(view_for(host.match(), Viewer::of_seat(bot.seat())), now);
      if (!command) continue;
      if (bot.seat() == seat && wanted(host.match(), *command)) return true;
      REQUIRE_FALSE(host.submit(Actor::bot(bot.seat()), *command, now).rejection);
      acted = true;
    }
    now = acted ? now + 1000 : host.match().deadline.value_or(now + 1000);
    host.advance_clock(now);
  }
  return false;
}

TEST_CASE("a bot proposes the qualifier that lifts its red line (38 -> 38q)") {
  // Hanoi's starting text holds 38; the United States has 38 as a red line lifted by 38q.
  auto made = content::make_match_settings(content(), "hanoi", 20, "class45");
  REQUIRE(made);
  const auto& seats = made.setup->settings.seats;
  const auto us = std::find_if(seats.begin(), seats.end(),
                               [](const SeatSetup& s) { return s.state == "united_states"; });
  REQUIRE(us != seats.end());
  const auto seat = static_cast<SeatIndex>(us - seats.begin());
  for (const auto difficulty : {Difficulty::normal, Difficulty::hard}) {
    CHECK(bot_sends("hanoi", 20, seat, difficulty, [](const Match& m, const Command& c) {
      const auto* amend = std::get_if<ProposeAmendment>(&c);
      return amend && amend->ref == "38q" && m.clauses[amend->clause].ref == "38";
    }));
  }
  // An easy bot only follows its stance: it votes against 38 but proposes nothing.
  CHECK_FALSE(bot_sends("hanoi", 20, seat, Difficulty::easy, [](const Match&, const Command& c) {
    return std::holds_alternative<ProposeAmendment>(c);
  }));
}

TEST_CASE("a state whose objective is an honoured deal makes one") {
  // Every seat, in every scenario, whose objectives include deals_honoured(): it offers a deal
  // or accepts one offered to it.
  int seats_with_the_objective = 0;
  for (const auto& scenario : content().scenarios()) {
    auto made = content::make_match_settings(content(), scenario.id, 20, "class45");
    REQUIRE(made);
    const auto& seats = made.setup->settings.seats;
    for (SeatIndex seat = 0; seat < seats.size(); ++seat) {
      const auto& objectives = seats[seat].objectives;
      if (std::none_of(objectives.begin(), objectives.end(), [](const ObjectiveSetup& o) {
            return o.condition.find("deals_honoured()") != std::string::npos;
          }))
        continue;
      ++seats_with_the_objective;
      INFO(scenario.id << ": " << seats[seat].name);
      CHECK(bot_sends(scenario.id.c_str(), 20, seat, Difficulty::hard,
                      [](const Match&, const Command& c) {
                        const auto* answer = std::get_if<AnswerDeal>(&c);
                        return std::holds_alternative<OfferDeal>(c) || (answer && answer->accept);
                      }));
    }
  }
  CHECK(seats_with_the_objective > 0);
}

}  // namespace
}  // namespace accord::bots::test

namespace accord::bots::test {
namespace {

TEST_CASE("without a clock (callers that pace bots themselves) bots still play to the debrief") {
  for (const auto& scenario : content().scenarios()) {
    auto made = content::make_match_settings(content(), scenario.id, 6, "class45");
    REQUIRE(made);
    MatchHost host(made.setup->header);
    TimeMs now = 0;
    for (SeatIndex s = 0; s < 6; ++s)
      host.submit(Actor::facilitator(), SetBot{s, true}, now);
    host.submit(Actor::facilitator(), StartMatch{}, now);
    std::vector<Bot> bots;
    for (SeatIndex s = 0; s < 6; ++s) {
      BotOptions options;
      options.difficulty = static_cast<Difficulty>(s % 3);
      options.seed = 11;
      bots.emplace_back(s, view_for(host.match(), Viewer::of_seat(s)), content().clauses(),
                        options);
    }
    int commands = 0;
    bool drafting_ended_early = false;
    for (int turn = 0; turn < 3000 && host.match().phase != Phase::debrief; ++turn) {
      bool acted = false;
      for (auto& bot : bots) {
        const auto command = bot.next_command(view_for(host.match(), Viewer::of_seat(bot.seat())));
        if (!command) continue;
        const Phase before = host.match().phase;
        const auto outcome = host.submit(Actor::bot(bot.seat()), *command, now);
        INFO(scenario.id << " seat " << bot.seat() << ": " << to_json_text(*command));
        REQUIRE_FALSE(outcome.rejection);
        // A command (the last seat marking itself done), not the timer, ended drafting.
        drafting_ended_early = drafting_ended_early ||
                               (before == Phase::drafting && host.match().phase != Phase::drafting);
        acted = true;
        ++commands;
      }
      if (!acted) {
        now = host.match().deadline.value_or(now + 1000);
        host.advance_clock(now);
      }
    }
    INFO(scenario.id);
    CHECK(host.match().phase == Phase::debrief);
    CHECK(commands > 30);
    // Everyone marked done, so drafting ended before its timer.
    CHECK(drafting_ended_early);
  }
}

}  // namespace
}  // namespace accord::bots::test
