// Bots in rooms: a bot fills every seat no delegation holds (when the room asked for bots), and a
// caretaker bot holds a seat whose whole delegation has been away past the grace period. Each
// bot reads only its own seat's view and acts at a human pace through the same submit path as
// a player; a caretaker hands the seat back with a report of what it did.
#include <spdlog/spdlog.h>

#include "core/rules.hpp"
#include "core/visibility.hpp"
#include "protocol/codec.hpp"
#include "server.hpp"

namespace accord::server {

namespace pm = protocol;

void Server::fill_seats_with_bots(Room& room) {
  if (!factory_->has_bots()) return;
  for (SeatIndex seat = 0; seat < room.host->match().seats.size(); ++seat) {
    auto outcome = room.host->submit(Actor::server(), SetBot{seat, true}, clock_());
    if (!outcome.rejection) deliver(room, outcome);
  }
}

// fill: a bot plays the seat because no delegation holds it; caretaker: every member of the
// seat's delegation is away past the grace period, in a running match.
std::optional<BotDuty> Server::bot_duty(const Room& room, SeatIndex seat) const {
  const Match& match = room.host->match();
  const auto delegation = delegation_of(match, seat);
  if (delegation.empty())
    return match.seats[seat].bot ? std::optional(BotDuty::fill) : std::nullopt;
  if (match.phase == Phase::lobby || match.phase == Phase::debrief) return std::nullopt;
  if (!match.seats[seat].head) return std::nullopt;
  for (const ParticipantId member : delegation)
    if (room.absent.count(member) == 0) return std::nullopt;
  return BotDuty::caretaker;
}

void Server::hand_back(Room& room, SeatIndex seat, Room::SeatBotState& state) {
  spdlog::info("room {} seat {}: the caretaker hands the seat back", room.code, seat);
  const auto delegation = delegation_of(room.host->match(), seat);
  const auto bytes =
      std::make_shared<const Bytes>(pm::encode(pm::CaretakerReport{seat, state.bot->report()}));
  for (const ConnId id : room.members) {
    const Connection* conn = connection(id);
    if (conn == nullptr || !conn->participant) continue;
    if (std::find(delegation.begin(), delegation.end(), *conn->participant) != delegation.end())
      queue_bytes(id, bytes, room.code);
  }
}

void Server::run_room_bots(Room& room, TimeMs now) {
  for (SeatIndex seat = 0; seat < room.host->match().seats.size(); ++seat) {
    const auto duty = bot_duty(room, seat);
    auto it = room.bots.find(seat);
    if (it != room.bots.end() && (!duty || it->second.duty != *duty)) {
      if (it->second.duty == BotDuty::caretaker && it->second.bot)
        hand_back(room, seat, it->second);
      room.bots.erase(it);
      it = room.bots.end();
    }
    if (!duty) continue;
    if (it == room.bots.end()) {
      Room::SeatBotState state{nullptr, *duty, bots::SeatPacer(config_.bot_pace)};
      state.bot = factory_->make_bot(view_for(room.host->match(), Viewer::of_seat(seat)), seat,
                                     *duty, room.bot_difficulty);
      if (state.bot) state.pacer.start(*state.bot, now);
      if (state.bot && *duty == BotDuty::caretaker)
        spdlog::info("room {} seat {}: the caretaker bot holds the seat", room.code, seat);
      it = room.bots.emplace(seat, std::move(state)).first;
    }
    Room::SeatBotState& state = it->second;
    const Match& match = room.host->match();
    if (!state.bot || !state.pacer.due(now) || match.paused_at || match.phase == Phase::lobby ||
        match.phase == Phase::debrief)
      continue;
    const Match seat_view = view_for(match, Viewer::of_seat(seat));
    state.pacer.step(
        *state.bot, now, [&] { return state.bot->next_command(seat_view); },
        [&](const Command& command) {
          // A caretaker acts in the name of the delegation's head, whose seat it holds.
          const Actor actor =
              state.duty == BotDuty::fill ? Actor::bot(seat) : Actor::of(*match.seats[seat].head);
          auto outcome = room.host->submit(actor, command, now);
          if (outcome.rejection) {
            spdlog::warn("room {} seat {}: the rules refused the bot's {} ({})", room.code, seat,
                         name_of(command), to_string(outcome.rejection->code));
            return false;
          }
          if (state.duty == BotDuty::caretaker) state.bot->accepted(seat_view, command);
          deliver(room, outcome);
          after_accepted(room, command, actor);
          return true;
        });
  }
}

}  // namespace accord::server
