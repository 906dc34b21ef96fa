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

#include "core/commands.hpp"
#include "core/log.hpp"
#include "engine/seat_bot.hpp"

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

// The bots a room seats, and why (engine/seat_bot.hpp).
using engine::BotDuty;
using engine::SeatBot;

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
