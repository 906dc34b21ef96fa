// A bot that plays one seat of a room, as the room engine (engine/room_engine.hpp) hosts it: it
// decides on its own seat's view and the room's clock, thinks at its own pace, and acts only
// through commands. What plays is the caller's choice (bots/seat_bots.hpp has the negotiating
// bot and the random baseline; the server adds the caretaker); how and when it acts is the
// engine's, the same in a server room, solo play and the tournament.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/commands.hpp"
#include "core/model.hpp"

namespace accord::engine {

// Why a bot holds the seat. fill: no delegation holds it and the room asked for bots; the bot
// acts as the seat's bot. caretaker: the whole delegation is away; the bot acts in the name of
// the delegation's head (votes only where the brief is clear, tables nothing).
enum class BotDuty : std::uint8_t { fill, caretaker };

class SeatBot {
 public:
  virtual ~SeatBot() = default;
  // The next command given the seat's own view (view_for its seat) and the room's clock, or
  // nothing to do now.
  virtual std::optional<Command> next_command(const Match& seat_view, TimeMs now) = 0;
  // How long the bot thinks before its next act, at its own pace (the engine scales it).
  virtual TimeMs think_ms() = 0;
  // Told each of its commands the rules accepted, with the view it was decided on (a caretaker
  // keeps them for its report).
  virtual void accepted(const Match& /*seat_view*/, const Command& /*command*/) {}
  // What it did, a sentence or a group per line (a caretaker's hand-back report).
  virtual std::vector<std::string> report() const { return {}; }
};

}  // namespace accord::engine
