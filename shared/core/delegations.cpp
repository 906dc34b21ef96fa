// Delegations and the room: head of delegation, seat assignment by the facilitator, bots,
// muting, removal, and the room rules. The facilitator's commands here work in any phase and
// while the clock is paused (SeatTaken and SeatLeft are applied in lobby.cpp).
#include <string>

#include "core/rules_internal.hpp"

namespace accord::detail {
namespace {

std::optional<Decision> require_participant(const Match& m, ParticipantId id, const char* field) {
  if (participant_active(m, id)) return std::nullopt;
  return reject(RejectCode::unknown_participant, field,
                "Participant " + std::to_string(id) + " is not in this match.");
}

std::optional<Decision> require_seat_index(const Match& m, SeatIndex seat) {
  if (seat < m.seats.size()) return std::nullopt;
  return reject(RejectCode::no_such_seat, "seat",
                "There is no seat " + std::to_string(seat) + " in this match.");
}

Participant* find(Match& m, ParticipantId id) {
  return id < m.participants.size() ? &m.participants[id] : nullptr;
}

}  // namespace

// A head hands the role within its own delegation; the facilitator may make any seated
// participant the head of its own seat.
template <>
Decision decide_command(const DecideContext& ctx, const HandHeadRole& cmd) {
  const auto& m = ctx.match;
  std::optional<SeatIndex> from_seat;
  if (ctx.actor.kind == ActorKind::participant) {
    const auto& me = m.participants[ctx.actor.participant];
    if (!me.seat || m.seats[*me.seat].head != ctx.actor.participant)
      return reject(RejectCode::not_head, "",
                    "Only the head of a delegation can hand the role to another member.");
    from_seat = me.seat;
  }
  if (auto refused = require_participant(m, cmd.to, "to")) return *refused;
  const auto& to = m.participants[cmd.to];
  if (!to.seat) return reject(RejectCode::not_seated, "to", to.name + " does not hold a seat.");
  if (from_seat && *to.seat != *from_seat)
    return reject(
        RejectCode::not_allowed, "to",
        to.name + " is not a member of the delegation of " + seat_name(m, *from_seat) + ".");
  if (m.seats[*to.seat].head == cmd.to)
    return reject(RejectCode::unchanged, "to",
                  to.name + " already heads the delegation of " + seat_name(m, *to.seat) + ".");
  return Decision::accept({HeadChanged{*to.seat, cmd.to}});
}

template <>
Decision decide_command(const DecideContext& ctx, const AssignSeat& cmd) {
  const auto& m = ctx.match;
  if (auto refused = require_participant(m, cmd.participant, "participant")) return *refused;
  const auto& p = m.participants[cmd.participant];
  if (!cmd.seat) {
    if (!p.seat) return reject(RejectCode::not_seated, "seat", p.name + " does not hold a seat.");
    return Decision::accept({SeatLeft{cmd.participant}});
  }
  if (p.role == Role::spectator)
    return reject(RejectCode::spectator_only_watches, "participant",
                  p.name + " is a spectator and cannot hold a seat.");
  if (auto refused = require_seat_index(m, *cmd.seat)) return *refused;
  if (p.seat == cmd.seat)
    return reject(RejectCode::already_seated, "seat",
                  p.name + " is already in the delegation of " + seat_name(m, *cmd.seat) + ".");
  if (delegation_of(m, *cmd.seat).size() >= m.settings.rules.max_delegation_size)
    return reject(RejectCode::seat_full, "seat",
                  "The delegation of " + seat_name(m, *cmd.seat) + " is full.");
  return Decision::accept({SeatTaken{cmd.participant, *cmd.seat}});
}

template <>
Decision decide_command(const DecideContext& ctx, const FreeSeat& cmd) {
  const auto& m = ctx.match;
  if (auto refused = require_seat_index(m, cmd.seat)) return *refused;
  const auto members = delegation_of(m, cmd.seat);
  if (members.empty())
    return reject(RejectCode::unchanged, "seat",
                  "No delegation holds " + seat_name(m, cmd.seat) + ".");
  std::vector<Event> events;
  for (ParticipantId id : members)
    events.push_back(SeatLeft{id});
  return Decision::accept(std::move(events));
}

template <>
Decision decide_command(const DecideContext& ctx, const SetBot& cmd) {
  const auto& m = ctx.match;
  if (auto refused = require_seat_index(m, cmd.seat)) return *refused;
  if (m.seats[cmd.seat].bot == cmd.on)
    return reject(RejectCode::unchanged, "on",
                  cmd.on ? "A bot already plays " + seat_name(m, cmd.seat) + "."
                         : "No bot plays " + seat_name(m, cmd.seat) + ".");
  return Decision::accept({BotChanged{cmd.seat, cmd.on}});
}

template <>
Decision decide_command(const DecideContext& ctx, const MuteParticipant& cmd) {
  const auto& m = ctx.match;
  if (auto refused = require_participant(m, cmd.participant, "participant")) return *refused;
  const auto& p = m.participants[cmd.participant];
  if (p.muted == cmd.muted)
    return reject(RejectCode::unchanged, "muted",
                  p.name + (cmd.muted ? " is already muted." : " is not muted."));
  return Decision::accept({ParticipantMuted{cmd.participant, cmd.muted}});
}

template <>
Decision decide_command(const DecideContext& ctx, const RemoveParticipant& cmd) {
  if (auto refused = require_participant(ctx.match, cmd.participant, "participant"))
    return *refused;
  return Decision::accept({ParticipantRemoved{cmd.participant}});
}

template <>
Decision decide_command(const DecideContext& ctx, const ChangeRules& cmd) {
  const auto& m = ctx.match;
  if (auto refused = require_phase(m, Phase::lobby, "Changing the room's rules")) return *refused;
  if (auto invalid = validate_rules(cmd.rules)) return Decision::reject(*invalid);
  if (m.settings.rules == cmd.rules)
    return reject(RejectCode::unchanged, "rules", "The room already plays by these rules.");
  return Decision::accept({RulesChanged{cmd.rules}});
}

// --- apply: total; ids that do not fit are ignored. ---

template <>
void apply_event(Match& match, const HeadChanged& e) {
  if (e.seat < match.seats.size()) match.seats[e.seat].head = e.head;
}

template <>
void apply_event(Match& match, const BotChanged& e) {
  if (e.seat < match.seats.size()) match.seats[e.seat].bot = e.on;
}

template <>
void apply_event(Match& match, const ParticipantMuted& e) {
  if (Participant* p = find(match, e.participant)) p->muted = e.muted;
}

template <>
void apply_event(Match& match, const ParticipantRemoved& e) {
  Participant* p = find(match, e.participant);
  if (!p) return;
  p->removed = true;
  p->left = true;
  const auto old_seat = p->seat;
  p->seat.reset();
  p->ready = false;
  if (old_seat) fix_head(match, *old_seat);
}

template <>
void apply_event(Match& match, const RulesChanged& e) {
  match.settings.rules = e.rules;
}

}  // namespace accord::detail
