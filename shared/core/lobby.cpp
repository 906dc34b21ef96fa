// The lobby: joining, choosing seats (several participants on one seat form a delegation),
// ready marks, the private note, and the start of the match.
#include <algorithm>
#include <string>

#include "core/rules_internal.hpp"

namespace accord::detail {
namespace {

const Participant& sender(const DecideContext& ctx) {
  return ctx.match.participants[ctx.actor.participant];
}

bool has_control_characters(const std::string& text) {
  return std::any_of(text.begin(), text.end(), [](char c) {
    const auto byte = static_cast<unsigned char>(c);
    return byte < 0x20 || byte == 0x7f;
  });
}

bool blank(const std::string& text) {
  return std::all_of(text.begin(), text.end(),
                     [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; });
}

std::uint32_t active_count(const Match& match) {
  return static_cast<std::uint32_t>(std::count_if(match.participants.begin(),
                                                  match.participants.end(),
                                                  [](const Participant& p) { return !p.left; }));
}

Participant* find(Match& match, ParticipantId id) {
  return id < match.participants.size() ? &match.participants[id] : nullptr;
}

// Moves a participant off its seat (if any) and fixes that seat's head.
void unseat(Match& match, Participant& p) {
  const auto old_seat = p.seat;
  p.seat.reset();
  p.ready = false;
  if (old_seat) fix_head(match, *old_seat);
}

}  // namespace

template <>
Decision decide_command(const DecideContext& ctx, const JoinMatch& cmd) {
  const auto& r = ctx.match.settings.rules;
  if (blank(cmd.name) || has_control_characters(cmd.name))
    return reject(RejectCode::invalid_name, "name",
                  "A display name needs visible characters and no control characters.");
  if (cmd.name.size() > r.max_name_bytes)
    return reject(
        RejectCode::invalid_name, "name",
        "That display name is too long (at most " + std::to_string(r.max_name_bytes) + " bytes).");
  if (cmd.role == Role::spectator && !r.allow_spectators)
    return reject(RejectCode::spectators_closed, "role", "This room does not admit spectators.");
  if (active_count(ctx.match) >= r.max_participants)
    return reject(RejectCode::match_full, "",
                  "This match is full (" + std::to_string(r.max_participants) + " participants).");
  const auto id = static_cast<ParticipantId>(ctx.match.participants.size());
  return Decision::accept({ParticipantJoined{id, cmd.name, cmd.role}});
}

template <>
Decision decide_command(const DecideContext& ctx, const LeaveMatch&) {
  return Decision::accept({ParticipantLeft{ctx.actor.participant}});
}

template <>
Decision decide_command(const DecideContext& ctx, const TakeSeat& cmd) {
  const auto& m = ctx.match;
  if (auto refused = require_phase(m, Phase::lobby, "Choosing a seat")) return *refused;
  if (sender(ctx).role == Role::spectator)
    return reject(RejectCode::spectator_only_watches, "", "Spectators cannot take a seat.");
  if (cmd.seat >= m.seats.size())
    return reject(RejectCode::no_such_seat, "seat",
                  "There is no seat " + std::to_string(cmd.seat) + " in this match.");
  if (sender(ctx).seat == cmd.seat)
    return reject(RejectCode::already_seated, "seat",
                  "You are already in the delegation of " + seat_name(m, cmd.seat) + ".");
  if (delegation_of(m, cmd.seat).size() >= m.settings.rules.max_delegation_size)
    return reject(RejectCode::seat_full, "seat",
                  "The delegation of " + seat_name(m, cmd.seat) + " is full.");
  return Decision::accept({SeatTaken{ctx.actor.participant, cmd.seat}});
}

template <>
Decision decide_command(const DecideContext& ctx, const LeaveSeat&) {
  if (auto refused = require_phase(ctx.match, Phase::lobby, "Leaving a seat")) return *refused;
  if (!sender(ctx).seat) return reject(RejectCode::not_seated, "", "You do not hold a seat.");
  return Decision::accept({SeatLeft{ctx.actor.participant}});
}

// Lobby: a participant's own ready mark. Drafting: the seat is done (any member, or its bot);
// when every occupied seat is ready, drafting ends early.
template <>
Decision decide_command(const DecideContext& ctx, const SetReady& cmd) {
  const auto& m = ctx.match;
  if (m.phase == Phase::drafting) {
    SeatIndex seat = 0;
    if (auto refused = require_seat(ctx, seat)) return *refused;
    if (auto refused = require_running(m)) return *refused;
    if (m.seats[seat].ready == cmd.ready)
      return reject(RejectCode::unchanged, "ready",
                    cmd.ready ? "Your delegation is already marked done."
                              : "Your delegation is not marked done.");
    return Decision::accept(with_early_end(m, {SeatReadyChanged{seat, cmd.ready}}, ctx.now));
  }
  if (ctx.actor.kind != ActorKind::participant || m.phase != Phase::lobby)
    return reject(RejectCode::wrong_phase, "",
                  "Ready marks are given in the lobby and during drafting only.");
  const auto& me = sender(ctx);
  if (!me.seat) return reject(RejectCode::not_seated, "", "Take a seat before marking ready.");
  if (me.ready == cmd.ready)
    return reject(RejectCode::unchanged, "ready",
                  cmd.ready ? "You are already marked ready." : "You are not marked ready.");
  return Decision::accept({ReadyChanged{ctx.actor.participant, cmd.ready}});
}

template <>
Decision decide_command(const DecideContext& ctx, const WriteNote& cmd) {
  const auto& m = ctx.match;
  const auto& me = sender(ctx);
  if (!me.seat)
    return reject(RejectCode::not_seated, "", "Only a delegation can keep a private note.");
  if (cmd.text.size() > m.settings.rules.max_note_bytes)
    return reject(RejectCode::text_too_long, "text",
                  "The note is too long (at most " +
                      std::to_string(m.settings.rules.max_note_bytes) + " bytes).");
  if (m.seats[*me.seat].private_note == cmd.text)
    return reject(RejectCode::unchanged, "text", "The note already says exactly that.");
  return Decision::accept({NoteWritten{*me.seat, cmd.text}});
}

template <>
Decision decide_command(const DecideContext& ctx, const StartMatch&) {
  const auto& m = ctx.match;
  if (auto refused = require_phase(m, Phase::lobby, "Starting the match")) return *refused;
  std::vector<std::uint32_t> occupancy(m.seats.size(), 0);
  std::vector<ParticipantId> unseated;
  for (ParticipantId id = 0; id < m.participants.size(); ++id) {
    const auto& p = m.participants[id];
    if (p.left || p.role != Role::player) continue;
    if (p.seat)
      ++occupancy[*p.seat];
    else
      unseated.push_back(id);
  }
  const bool anyone_playing =
      !unseated.empty() ||
      std::any_of(occupancy.begin(), occupancy.end(), [](std::uint32_t n) { return n > 0; }) ||
      std::any_of(m.seats.begin(), m.seats.end(), [](const Seat& s) { return s.bot; });
  if (!anyone_playing)
    return reject(RejectCode::no_seated_participant, "",
                  "Nobody can play yet: at least one player or bot must hold a seat.");

  // Players who did not choose are drawn onto the least-filled seats, so every state gets a
  // delegation before any delegation grows.
  Pcg32 rng = m.rng;
  MatchStarted started;
  started.at = ctx.now;
  started.deadline = ctx.now + phase_length(m.settings.rules, Phase::briefing).value_or(0);
  for (ParticipantId id : unseated) {
    const auto fewest = *std::min_element(occupancy.begin(), occupancy.end());
    if (fewest >= m.settings.rules.max_delegation_size) break;
    std::vector<SeatIndex> candidates;
    for (SeatIndex s = 0; s < occupancy.size(); ++s)
      if (occupancy[s] == fewest) candidates.push_back(s);
    const SeatIndex chosen = candidates[rng.below(static_cast<std::uint32_t>(candidates.size()))];
    ++occupancy[chosen];
    started.assignments.push_back({id, chosen});
  }
  started.rng_after = rng;
  return Decision::accept({started});
}

// --- apply: total, so a corrupt or foreign event changes nothing rather than crashing. ---

template <>
void apply_event(Match& match, const ParticipantJoined& e) {
  if (e.participant != match.participants.size()) return;
  Participant p;
  p.name = e.name;
  p.role = e.role;
  match.participants.push_back(p);
}

template <>
void apply_event(Match& match, const ParticipantLeft& e) {
  if (auto* p = find(match, e.participant)) {
    p->left = true;
    unseat(match, *p);
  }
}

template <>
void apply_event(Match& match, const SeatTaken& e) {
  auto* p = find(match, e.participant);
  if (!p || p->left || e.seat >= match.seats.size()) return;
  unseat(match, *p);
  p->seat = e.seat;
  fix_head(match, e.seat);
}

template <>
void apply_event(Match& match, const SeatLeft& e) {
  if (auto* p = find(match, e.participant)) unseat(match, *p);
}

template <>
void apply_event(Match& match, const ReadyChanged& e) {
  if (auto* p = find(match, e.participant)) p->ready = e.ready;
}

template <>
void apply_event(Match& match, const NoteWritten& e) {
  if (e.seat < match.seats.size()) match.seats[e.seat].private_note = e.text;
}

template <>
void apply_event(Match& match, const MatchStarted& e) {
  match.phase = Phase::briefing;
  match.phase_started_at = e.at;
  match.deadline = e.deadline;
  match.rng = e.rng_after;
  for (const auto& a : e.assignments) {
    auto* p = find(match, a.participant);
    if (p && !p->left && !p->seat && a.seat < match.seats.size()) {
      p->seat = a.seat;
      fix_head(match, a.seat);
    }
  }
  for (auto& p : match.participants)
    p.ready = false;
}

}  // namespace accord::detail
