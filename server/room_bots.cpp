// Bots in rooms: a bot fills every seat no delegation holds (when the room asked for bots), and a
// caretaker bot holds a seat whose whole delegation has been away past the grace period. Each
// bot reads only its own seat's view and acts at a human pace through the same submit path as
// a player; a caretaker hands the seat back with a report of what it did.
#include <spdlog/spdlog.h>

#include <functional>

#include "core/rules.hpp"
#include "core/visibility.hpp"
#include "protocol/codec.hpp"
#include "server.hpp"

namespace accord::server {

namespace pm = protocol;

void Server::fill_seats_with_bots(Room& room) {
  if (!factory_->has_bots()) return;
  for (SeatIndex seat = 0; seat < room.engine->match().seats.size(); ++seat) {
    auto outcome = room.engine->submit(Actor::server(), SetBot{seat, true}, clock_());
    if (!outcome.rejection) deliver(room, outcome);
  }
}

std::unique_ptr<engine::RoomEngine> Server::room_engine(MatchHost host) const {
  return std::make_unique<engine::RoomEngine>(std::move(host), clock_(), config_.bot_pace);
}

// fill: a bot plays the seat because no delegation holds it; caretaker: every member of the
// seat's delegation is away past the grace period, in a running match.
std::optional<BotDuty> Server::bot_duty(const Room& room, SeatIndex seat) const {
  const Match& match = room.engine->match();
  const auto delegation = delegation_of(match, seat);
  if (delegation.empty())
    return match.seats[seat].bot ? std::optional(BotDuty::fill) : std::nullopt;
  if (match.phase == Phase::lobby || match.phase == Phase::debrief) return std::nullopt;
  if (!match.seats[seat].head) return std::nullopt;
  for (const ParticipantId member : delegation)
    if (room.absent.count(member) == 0) return std::nullopt;
  return BotDuty::caretaker;
}

void Server::hand_back(Room& room, SeatIndex seat, const engine::SeatBot& caretaker) {
  spdlog::info("room {} seat {}: the caretaker hands the seat back", room.code, seat);
  const auto delegation = delegation_of(room.engine->match(), seat);
  const auto bytes =
      std::make_shared<const Bytes>(pm::encode(pm::CaretakerReport{seat, caretaker.report()}));
  for (const ConnId id : room.members) {
    const Connection* conn = connection(id);
    if (conn == nullptr || !conn->participant) continue;
    if (std::find(delegation.begin(), delegation.end(), *conn->participant) != delegation.end())
      queue_bytes(id, bytes, room.code);
  }
}

namespace {

// What the room's bots do reaches the room's members like a player's command.
class RoomBotListener final : public engine::RoomListener {
 public:
  using Accepted = std::function<void(MatchHost::Outcome&, const Actor&, const Command&)>;
  RoomBotListener(const std::string& code, Accepted accepted)
      : code_(code), accepted_(std::move(accepted)) {}
  void appended(MatchHost::Outcome& outcome, const Actor* actor, const Command* command) override {
    if (actor && command) accepted_(outcome, *actor, *command);
  }
  void bot_refused(SeatIndex seat, const Command& command, const Rejection& why) override {
    spdlog::warn("room {} seat {}: the rules refused the bot's {} ({})", code_, seat,
                 name_of(command), to_string(why.code));
  }

 private:
  const std::string& code_;
  Accepted accepted_;
};

}  // namespace

// Seats, replaces and unseats bots as their duties change, then lets the due ones act.
void Server::run_room_bots(Room& room) {
  engine::RoomEngine& engine = *room.engine;
  for (SeatIndex seat = 0; seat < engine.match().seats.size(); ++seat) {
    const auto duty = bot_duty(room, seat);
    const auto seated = engine.bot_duty(seat);
    if (seated && seated != duty) {
      const auto bot = engine.unseat_bot(seat);
      if (*seated == BotDuty::caretaker) hand_back(room, seat, *bot);
    }
    if (!duty || engine.bot_duty(seat)) continue;
    auto bot = factory_->make_bot(view_for(engine.match(), Viewer::of_seat(seat)), seat, *duty,
                                  room.bot_difficulty);
    if (!bot) continue;
    if (*duty == BotDuty::caretaker)
      spdlog::info("room {} seat {}: the caretaker bot holds the seat", room.code, seat);
    engine.seat_bot(seat, std::move(bot), *duty);
  }
  RoomBotListener listener(
      room.code, [&](MatchHost::Outcome& outcome, const Actor& actor, const Command& command) {
        deliver(room, outcome);
        after_accepted(room, command, actor);
      });
  engine.run_bots(listener);
}

}  // namespace accord::server
