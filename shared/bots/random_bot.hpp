// The tournament's baseline: a seat that picks uniformly among the legal moves it can see
// (table, co-sponsor, amend, answer, vote, mark done...), with no idea what its state wants.
// Legal means accepted by the rules on its own view, so it is never refused either.
#pragma once

#include <optional>

#include "core/commands.hpp"
#include "core/rng.hpp"

namespace accord::bots {

class RandomBot {
 public:
  RandomBot(SeatIndex seat, std::uint64_t seed);
  void act_as(const Actor& actor) { actor_ = actor; }
  std::optional<Command> next_command(const Match& view, TimeMs now);
  SeatIndex seat() const { return seat_; }

 private:
  SeatIndex seat_;
  Actor actor_;
  Pcg32 rng_;
};

}  // namespace accord::bots
