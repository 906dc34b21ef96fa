// The bot seats' pacing engine (issue 13): a room bot's waits come from its own pace, a seat
// with nothing to do looks again after the idle recheck, and the same seed gives the same waits.
#include <catch2/catch.hpp>

#include <vector>

#include "bots/bot.hpp"
#include "bots/pacing.hpp"
#include "bots_test_support.hpp"
#include "core/rules.hpp"
#include "core/visibility.hpp"

namespace accord::bots::test {
namespace {

Match opening_match() {
  const auto created = content::make_match_settings(content(), "opt_in_code", 4, "class45");
  REQUIRE(created);
  return new_match(created.setup->header.settings, 11);
}

// The waits a SeatPacer gives a room bot over `acts` acts, starting at `start`.
std::vector<TimeMs> waits(Difficulty difficulty, std::uint64_t seed, int acts, TimeMs start) {
  const Match match = opening_match();
  Bot bot =
      make_room_bot(view_for(match, Viewer::of_seat(1)), 1, content().clauses(), difficulty, seed);
  SeatPacer pacer;
  std::vector<TimeMs> out;
  TimeMs now = start;
  pacer.start(bot, now);
  out.push_back(pacer.next_at() - now);
  for (int i = 0; i < acts; ++i) {
    now = pacer.next_at();
    REQUIRE(pacer.due(now));
    REQUIRE_FALSE(pacer.due(now - 1));
    pacer.acted(bot, now);
    out.push_back(pacer.next_at() - now);
  }
  return out;
}

TEST_CASE("a room bot's waits are drawn within its own difficulty's pace", "[bots][pacing]") {
  for (const Difficulty difficulty : {Difficulty::easy, Difficulty::normal, Difficulty::hard}) {
    INFO("difficulty " << difficulty_name(difficulty));
    const Pace pace = default_pace(difficulty);
    const auto drawn = waits(difficulty, 42, 200, 1'000);
    TimeMs lowest = drawn.front(), highest = drawn.front();
    for (const TimeMs wait : drawn) {
      CHECK(wait >= pace.min_ms);
      CHECK(wait < pace.min_ms + pace.spread_ms);
      lowest = std::min(lowest, wait);
      highest = std::max(highest, wait);
    }
    // The draws cover the range rather than sit at one value.
    CHECK(highest - lowest > pace.spread_ms / 2);
  }
  // The table itself: easy is slowest, hard fastest.
  CHECK(default_pace(Difficulty::easy).min_ms > default_pace(Difficulty::normal).min_ms);
  CHECK(default_pace(Difficulty::normal).min_ms > default_pace(Difficulty::hard).min_ms);
}

TEST_CASE("the same seed gives the same waits; another seed other waits", "[bots][pacing]") {
  CHECK(waits(Difficulty::normal, 7, 50, 0) == waits(Difficulty::normal, 7, 50, 0));
  CHECK(waits(Difficulty::normal, 7, 50, 0) == waits(Difficulty::normal, 7, 50, 123'456));
  CHECK(waits(Difficulty::normal, 7, 50, 0) != waits(Difficulty::normal, 8, 50, 0));
  ThinkTime a(default_pace(Difficulty::hard), 3), b(default_pace(Difficulty::hard), 3);
  for (int i = 0; i < 50; ++i)
    CHECK(a.think_ms() == b.think_ms());
}

TEST_CASE("a seat with nothing to do looks again after the idle recheck", "[bots][pacing]") {
  ThinkTime think(default_pace(Difficulty::normal), 1);
  SeatPacer pacer;
  pacer.start(think, 0);
  const TimeMs first = pacer.next_at();
  CHECK(pacer.step(
            think, first - 1, [] { return std::optional<Command>(); },
            [](const Command&) { return true; }) == SeatPacer::Step::not_due);
  CHECK(pacer.next_at() == first);

  int asked = 0, submitted = 0;
  const auto nothing = [&] {
    ++asked;
    return std::optional<Command>();
  };
  const auto accept = [&](const Command&) {
    ++submitted;
    return true;
  };
  CHECK(pacer.step(think, first, nothing, accept) == SeatPacer::Step::idle);
  CHECK(pacer.next_at() == first + kIdleRecheckMs);
  CHECK(asked == 1);
  CHECK(submitted == 0);

  // A refused command is an idle look too; an accepted one waits a think of the bot's pace.
  const auto something = [] { return std::optional<Command>(StartMatch{}); };
  const TimeMs second = pacer.next_at();
  CHECK(pacer.step(think, second, something, [](const Command&) { return false; }) ==
        SeatPacer::Step::refused);
  CHECK(pacer.next_at() == second + kIdleRecheckMs);
  const TimeMs third = pacer.next_at();
  CHECK(pacer.step(think, third, something, accept) == SeatPacer::Step::acted);
  CHECK(submitted == 1);
  const Pace pace = default_pace(Difficulty::normal);
  CHECK(pacer.next_at() - third >= pace.min_ms);
  CHECK(pacer.next_at() - third < pace.min_ms + pace.spread_ms);
}

TEST_CASE("the server's speed-up scales every wait and never reaches zero", "[bots][pacing]") {
  ThinkTime think(default_pace(Difficulty::hard), 9);
  SeatPacer fast(0.001);
  fast.idle(100);
  CHECK(fast.next_at() == 104);  // 4 s of idle recheck at a thousandth of the pace
  fast.acted(think, 200);
  CHECK(fast.next_at() >= 203);
  CHECK(fast.next_at() <= 210);
  SeatPacer instant(0.0);
  instant.idle(5);
  CHECK(instant.next_at() == 6);
}

}  // namespace
}  // namespace accord::bots::test
