// Random command streams for property tests: a mix of sensible and nonsensical commands from
// every kind of actor, with secret markers planted in every private note.
#pragma once

#include <string>
#include <utility>

#include "core/host.hpp"
#include "core/rng.hpp"

namespace accord::test {

// A private note's marker names its seat in brackets, so seat 1's never matches seat 10's.
inline std::string secret_marker_prefix(SeatIndex seat) {
  return "SECRET[" + std::to_string(seat) + "]";
}

class RandomPlay {
 public:
  explicit RandomPlay(std::uint64_t seed) : rng_(Pcg32::seeded(seed, 99)) {}

  std::pair<Actor, Command> next(const Match& m) {
    const auto participants = static_cast<std::uint32_t>(m.participants.size());
    // Some ids that do not exist (yet), to reach the unknown-participant path.
    const Actor someone = Actor::of(rng_.below(participants + 2));
    const auto seats = static_cast<std::uint32_t>(m.seats.size());
    switch (rng_.below(12)) {
      case 0:
      case 1:
        return {Actor::server(),
                JoinMatch{pick_name(), rng_.below(4) == 0 ? Role::spectator : Role::player}};
      case 2:
        return {someone, LeaveMatch{}};
      case 3:
      case 4:
        return {someone, TakeSeat{rng_.below(seats + 1)}};
      case 5:
        return {someone, LeaveSeat{}};
      case 6:
        return {someone, SetReady{rng_.below(2) == 0}};
      case 7:
      case 8: {
        std::string text;
        if (someone.participant < participants && m.participants[someone.participant].seat)
          text = secret_marker_prefix(*m.participants[someone.participant].seat) + "x" +
                 std::to_string(++marker_count_);
        return {someone, WriteNote{text}};
      }
      case 9:
        return {someone, PostMessage{kPlenary, rng_.below(5) == 0 ? std::string(" ")
                                                     : "speech " + std::to_string(rng_.next())}};
      case 10:
        return {rng_.below(3) == 0 ? someone : Actor::facilitator(), StartMatch{}};
      default:
        return {rng_.below(2) == 0 ? Actor::server() : someone, JoinMatch{"", Role::player}};
    }
  }

  // Time moves on by up to a minute per command.
  TimeMs advance(TimeMs now) { return now + static_cast<TimeMs>(rng_.below(60'000)); }

 private:
  std::string pick_name() {
    static const char* const kNames[] = {"Ana", "Ben", "Chidi", "Dana", "Émile", "Farah", "Gu Mei"};
    return kNames[rng_.below(7)];
  }

  Pcg32 rng_;
  int marker_count_ = 0;
};

}  // namespace accord::test
