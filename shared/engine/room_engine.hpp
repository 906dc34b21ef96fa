// The room engine: one room's match host, the bots seated in it with their pacing, and its
// clock. Every place a match is played runs one: the server's rooms (with the network and the
// store around it), solo play in the client, the tournament, and through the server the load
// generator's rooms. So a bot acts on the same view, at the same pace, under the same
// conditions everywhere, and those conditions are written once, here.
//
// Deterministic: time is a value the caller passes in (the server's clock) or that the engine
// steps through itself (run_until, for callers that own the time: solo play, the tournament).
#pragma once

#include <map>
#include <memory>
#include <optional>

#include "bots/pacing.hpp"
#include "core/host.hpp"
#include "engine/seat_bot.hpp"

namespace accord::engine {

// What the engine's owner hears of what happened without it asking: bots' commands and the
// deadlines the clock passed.
class RoomListener {
 public:
  virtual ~RoomListener() = default;
  // Events were appended: a bot's accepted command (`command` and `actor` set) or the clock
  // (both null). The owner delivers (and may take) the outcome's stream items.
  virtual void appended(MatchHost::Outcome& outcome, const Actor* actor,
                        const Command* command) = 0;
  // The rules refused a bot's command (a bot bug: it decided on its own view). The bot looks
  // again after the idle recheck.
  virtual void bot_refused(SeatIndex /*seat*/, const Command& /*command*/,
                           const Rejection& /*why*/) {}
};

class RoomEngine {
 public:
  // `bot_pace` scales every bot wait (the server's --bot-pace: tests and demos speed bots up).
  explicit RoomEngine(MatchHost host, TimeMs now = 0, double bot_pace = 1.0);

  MatchHost& host() { return host_; }
  const MatchHost& host() const { return host_; }
  const Match& match() const { return host_.match(); }
  TimeMs now() const { return now_; }

  // A command from a participant, the facilitator or the server, at `now` (the clock moves
  // there first; it never goes back).
  MatchHost::Outcome submit(const Actor& actor, const Command& command, TimeMs now);
  MatchHost::Outcome submit(const Actor& actor, const Command& command) {
    return submit(actor, command, now_);
  }
  // Moves the clock to `now` and applies what the rules do at that time (a deadline passing).
  MatchHost::Outcome advance_clock(TimeMs now);

  // ---- bot seats
  // Seats `bot` (replacing any bot there); its first look comes one think after now().
  void seat_bot(SeatIndex seat, std::unique_ptr<SeatBot> bot, BotDuty duty);
  // Takes the seat's bot out (nullptr if there was none), e.g. to read a caretaker's report.
  std::unique_ptr<SeatBot> unseat_bot(SeatIndex seat);
  std::optional<BotDuty> bot_duty(SeatIndex seat) const;
  std::size_t bot_count() const { return seats_.size(); }

  // Whether the rules let bots act now: not in the lobby or the debrief, not while paused.
  bool bots_may_act() const;
  // Every bot whose look is due at now() looks once, in seat order: it decides on its own
  // seat's view; an accepted command is reported to `listener`. Returns the commands accepted.
  int run_bots(RoomListener& listener);
  // When something next happens by itself: the earliest bot look (while bots may act) or the
  // phase deadline (while not paused). nullopt: nothing until someone acts.
  std::optional<TimeMs> next_wake() const;
  // Runs the room's own time from now() to `target`: deadlines and bot looks in their order,
  // at most `max_steps` instants. Stops early at the debrief. For callers that own the time.
  void run_until(TimeMs target, RoomListener& listener, int max_steps = 1'000'000);

 private:
  struct Seated {
    std::unique_ptr<SeatBot> bot;
    BotDuty duty = BotDuty::fill;
    bots::SeatPacer pacer;
  };
  // Who the bot acts as, or nullopt if it may not act on the seat now: a fill bot only while
  // the seat is a bot seat no delegation holds; a caretaker as the delegation's head.
  std::optional<Actor> acting_as(SeatIndex seat, BotDuty duty) const;

  MatchHost host_;
  TimeMs now_ = 0;
  double bot_pace_ = 1.0;
  std::map<SeatIndex, Seated> seats_;
};

}  // namespace accord::engine
