// Pacing of bot seats (issue 13): when a seat's bot may act next. One engine for the server's
// rooms, the client's solo session (and so `accord --screen` captures) and the tournament, so a
// bot keeps the same human pace wherever it plays. The pace table and the idle recheck live
// here once. Deterministic: time is a value passed in, think times come from the bot's own
// generator (Bot::think_ms) or from a ThinkTime seeded by the caller.
//
// Header-only on purpose: it needs only the rules core, so the server uses it even when it is
// built without content (and so without the rest of accord_bots).
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <optional>

#include "core/commands.hpp"
#include "core/rng.hpp"
#include "core/types.hpp"

namespace accord::bots {

enum class Difficulty : std::uint8_t { easy, normal, hard };

// Think time between two actions: min_ms + a uniform draw below spread_ms.
struct Pace {
  TimeMs min_ms = 6'000;
  TimeMs spread_ms = 14'000;
};

constexpr Pace default_pace(Difficulty difficulty) {
  switch (difficulty) {
    case Difficulty::easy:
      return {15'000, 25'000};  // 15–40 s
    case Difficulty::hard:
      return {3'000, 7'000};  // 3–10 s
    case Difficulty::normal:
      break;
  }
  return {6'000, 14'000};  // 6–20 s
}

// A bot with nothing to do now looks again after this.
inline constexpr TimeMs kIdleRecheckMs = 4'000;

// One think time drawn from `rng`, within [min_ms, min_ms + spread_ms).
inline TimeMs draw_think_ms(const Pace& pace, Pcg32& rng) {
  const auto spread = static_cast<std::uint32_t>(std::max<TimeMs>(1, pace.spread_ms));
  return std::max<TimeMs>(0, pace.min_ms) + static_cast<TimeMs>(rng.below(spread));
}

// Think times for a bot that has no generator of its own (the caretaker, the random baseline).
class ThinkTime {
 public:
  ThinkTime(Pace pace, std::uint64_t seed) : pace_(pace), rng_(Pcg32::seeded(seed, 0x7a1c)) {}
  TimeMs think_ms() { return draw_think_ms(pace_, rng_); }
  const Pace& pace() const { return pace_; }

 private:
  Pace pace_;
  Pcg32 rng_;
};

// The pacing state of one bot seat: the time of its next look. A bot is anything with
// `TimeMs think_ms()`; every wait is scaled by `scale` (the server's bot_pace: tests and demos
// speed bots up) and is at least 1 ms, so a seat never acts twice at one instant.
class SeatPacer {
 public:
  explicit SeatPacer(double scale = 1.0) : scale_(scale) {}

  // The seat's bot arrived (or was replaced): its first act comes after one think.
  template <class B>
  void start(B& bot, TimeMs now) {
    next_at_ = now + wait(bot.think_ms());
  }
  bool due(TimeMs now) const { return now >= next_at_; }
  // It acted: the next act comes after a think of its own pace.
  template <class B>
  void acted(B& bot, TimeMs now) {
    next_at_ = now + wait(bot.think_ms());
  }
  // It had nothing to do (or may not act now): look again after the idle recheck.
  void idle(TimeMs now) { next_at_ = now + wait(kIdleRecheckMs); }
  TimeMs next_at() const { return next_at_; }

  enum class Step : std::uint8_t { not_due, idle, acted, refused };
  // One look at the seat, if it is due: `ask()` gives the bot's command or nothing to do;
  // `submit(command)` sends it and says whether the rules accepted it. Nothing to do or a
  // refusal: idle recheck; accepted: a think of the bot's pace.
  template <class B, class Ask, class Submit>
  Step step(B& bot, TimeMs now, Ask&& ask, Submit&& submit) {
    if (!due(now)) return Step::not_due;
    const std::optional<Command> command = ask();
    if (!command) {
      idle(now);
      return Step::idle;
    }
    if (!submit(*command)) {
      idle(now);
      return Step::refused;
    }
    acted(bot, now);
    return Step::acted;
  }

 private:
  TimeMs wait(TimeMs ms) const {
    return std::max<TimeMs>(1, static_cast<TimeMs>(std::llround(static_cast<double>(ms) * scale_)));
  }

  double scale_ = 1.0;
  TimeMs next_at_ = 0;
};

}  // namespace accord::bots
