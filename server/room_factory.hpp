// How a room's match is made from what a host asks for (scenario, seat count, timer preset).
// The server does not know the content: a factory does. ContentRoomFactory (content_factory.cpp)
// builds settings from the scenario catalogue in assets/ (shared/content); tests give their own.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "bots/pacing.hpp"
#include "core/commands.hpp"
#include "core/log.hpp"

namespace accord::server {

struct RoomSpec {
  LogHeader header;     // settings and content hash (the server draws the seed)
  std::string content;  // the content as JSON text, sent to clients that lack content_hash
};

struct RoomSpecResult {
  std::optional<RoomSpec> spec;
  std::string field;  // which request field is at fault ("scenario", "seats", "timer_preset")
  std::string error;  // a sentence for the host
};

// A bot that plays one seat: fills a seat no delegation holds, or, as caretaker, holds a
// seat whose whole delegation is away (votes only where the brief is clear, tables nothing).
enum class BotDuty : std::uint8_t { fill, caretaker };

class SeatBot {
 public:
  virtual ~SeatBot() = default;
  // The next command given the seat's own view (view_for its seat), or nothing to do now.
  virtual std::optional<Command> next_command(const Match& seat_view) = 0;
  // How long the bot thinks before its next act, at its own pace (bots::Bot::think_ms); the
  // room scales it by the server's bot_pace. By default a steady normal pace, no draw.
  virtual TimeMs think_ms() { return bots::default_pace(bots::Difficulty::normal).min_ms; }
  // A caretaker is told each command of its that was accepted (with the view it was decided
  // on), and reports them, a sentence or a group per line, when it hands the seat back.
  virtual void accepted(const Match& /*seat_view*/, const Command& /*command*/) {}
  virtual std::vector<std::string> report() const { return {}; }
};

class RoomFactory {
 public:
  virtual ~RoomFactory() = default;
  virtual RoomSpecResult make(std::string_view scenario, std::uint32_t seats,
                              std::string_view timer_preset) const = 0;
  // Seat count and preset for quick-match rooms of a scenario.
  virtual std::uint32_t quick_match_seats(std::string_view scenario) const = 0;
  virtual std::string quick_match_preset(std::string_view scenario) const = 0;
  // Whether make_bot makes bots at all (rooms ask for bots only then).
  virtual bool has_bots() const { return false; }
  // A bot for `seat`, built from the seat's own view only; nullptr when this factory has no
  // bots (test factories) or the difficulty is unknown.
  virtual std::unique_ptr<SeatBot> make_bot(const Match& /*seat_view*/, SeatIndex /*seat*/,
                                            BotDuty /*duty*/,
                                            std::string_view /*difficulty*/) const {
    return nullptr;
  }
};

// From the assets folder through shared/content; nullptr with `error` if the content does not
// load (or was not built into this server).
std::unique_ptr<RoomFactory> make_content_factory(const std::string& asset_dir, std::string* error);

}  // namespace accord::server
