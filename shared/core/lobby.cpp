// The lobby slice of the rules: joining, seats and delegations, ready marks, the private
// note, plenary chat, and the start of the match.
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

std::string seat_name(const Match& match, SeatIndex seat) {
  return match.seats[seat].name;
}

std::uint32_t active_count(const Match& match) {
  return static_cast<std::uint32_t>(std::count_if(match.participants.begin(),
                                                  match.participants.end(),
                                                  [](const Participant& p) { return !p.left; }));
}

Decision require_lobby(const Match& match, const char* what) {
  return reject(RejectCode::wrong_phase, "",
                std::string(what) + " is only possible in the lobby; the match is in the " +
                    std::string(to_string(match.phase)) + " phase.");
}

}  // namespace

template <>
Decision decide_command(const DecideContext& ctx, const JoinMatch& cmd) {
  const auto& s = ctx.match.settings;
  if (blank(cmd.name) || has_control_characters(cmd.name))
    return reject(RejectCode::invalid_name, "name",
                  "A display name needs visible characters and no control characters.");
  if (cmd.name.size() > s.max_name_bytes)
    return reject(
        RejectCode::invalid_name, "name",
        "That display name is too long (at most " + std::to_string(s.max_name_bytes) + " bytes).");
  if (cmd.role == Role::spectator && !s.allow_spectators)
    return reject(RejectCode::spectators_closed, "role", "This room does not admit spectators.");
  if (active_count(ctx.match) >= s.max_participants)
    return reject(RejectCode::match_full, "",
                  "This match is full (" + std::to_string(s.max_participants) + " participants).");
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
  if (m.phase != Phase::lobby) return require_lobby(m, "Choosing a seat");
  if (sender(ctx).role == Role::spectator)
    return reject(RejectCode::spectator_only_watches, "", "Spectators cannot take a seat.");
  if (cmd.seat >= m.seats.size())
    return reject(RejectCode::no_such_seat, "seat",
                  "There is no seat " + std::to_string(cmd.seat) + " in this match.");
  if (sender(ctx).seat == cmd.seat)
    return reject(RejectCode::already_seated, "seat",
                  "You are already in the delegation of " + seat_name(m, cmd.seat) + ".");
  if (delegation_of(m, cmd.seat).size() >= m.settings.max_delegation_size)
    return reject(RejectCode::seat_full, "seat",
                  "The delegation of " + seat_name(m, cmd.seat) + " is full.");
  return Decision::accept({SeatTaken{ctx.actor.participant, cmd.seat}});
}

template <>
Decision decide_command(const DecideContext& ctx, const LeaveSeat&) {
  if (ctx.match.phase != Phase::lobby) return require_lobby(ctx.match, "Leaving a seat");
  if (!sender(ctx).seat) return reject(RejectCode::not_seated, "", "You do not hold a seat.");
  return Decision::accept({SeatLeft{ctx.actor.participant}});
}

template <>
Decision decide_command(const DecideContext& ctx, const SetReady& cmd) {
  if (ctx.match.phase != Phase::lobby) return require_lobby(ctx.match, "Marking ready");
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
  if (cmd.text.size() > m.settings.max_note_bytes)
    return reject(
        RejectCode::text_too_long, "text",
        "The note is too long (at most " + std::to_string(m.settings.max_note_bytes) + " bytes).");
  if (m.seats[*me.seat].private_note == cmd.text)
    return reject(RejectCode::unchanged, "text", "The note already says exactly that.");
  return Decision::accept({NoteWritten{*me.seat, cmd.text}});
}

template <>
Decision decide_command(const DecideContext& ctx, const PostChat& cmd) {
  const auto& s = ctx.match.settings;
  if (sender(ctx).role == Role::spectator)
    return reject(RejectCode::spectator_only_watches, "", "Spectators cannot speak in plenary.");
  if (blank(cmd.text)) return reject(RejectCode::empty_text, "text", "The message is empty.");
  if (cmd.text.size() > s.max_chat_bytes)
    return reject(
        RejectCode::text_too_long, "text",
        "The message is too long (at most " + std::to_string(s.max_chat_bytes) + " bytes).");
  return Decision::accept({ChatPosted{ctx.actor.participant, cmd.text, ctx.now}});
}

template <>
Decision decide_command(const DecideContext& ctx, const StartMatch&) {
  const auto& m = ctx.match;
  if (m.phase != Phase::lobby) return require_lobby(m, "Starting the match");
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
  const bool anyone_seated =
      std::any_of(occupancy.begin(), occupancy.end(), [](std::uint32_t n) { return n > 0; });
  if (!anyone_seated && unseated.empty())
    return reject(RejectCode::no_seated_participant, "",
                  "Nobody can play yet: at least one player must be in the room.");

  // Players who did not choose are drawn onto the least-filled seats, so every state gets a
  // delegation before any delegation grows.
  Pcg32 rng = m.rng;
  MatchStarted started;
  started.at = ctx.now;
  started.deadline = ctx.now + phase_length(m.settings, Phase::briefing).value_or(0);
  for (ParticipantId id : unseated) {
    const auto fewest = *std::min_element(occupancy.begin(), occupancy.end());
    if (fewest >= m.settings.max_delegation_size) break;
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

namespace {
Participant* find(Match& match, ParticipantId id) {
  return id < match.participants.size() ? &match.participants[id] : nullptr;
}
}  // namespace

template <>
void apply_event(Match& match, const ParticipantJoined& e) {
  if (e.participant != match.participants.size()) return;
  match.participants.push_back(Participant{e.name, e.role, std::nullopt, false, false});
}

template <>
void apply_event(Match& match, const ParticipantLeft& e) {
  if (auto* p = find(match, e.participant)) {
    p->left = true;
    p->seat.reset();
    p->ready = false;
  }
}

template <>
void apply_event(Match& match, const SeatTaken& e) {
  auto* p = find(match, e.participant);
  if (!p || e.seat >= match.seats.size()) return;
  p->seat = e.seat;
  p->ready = false;
}

template <>
void apply_event(Match& match, const SeatLeft& e) {
  if (auto* p = find(match, e.participant)) {
    p->seat.reset();
    p->ready = false;
  }
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
void apply_event(Match& match, const ChatPosted& e) {
  match.plenary.push_back(ChatMessage{e.author, e.text, e.at});
}

template <>
void apply_event(Match& match, const MatchStarted& e) {
  match.phase = Phase::briefing;
  match.phase_started_at = e.at;
  match.deadline = e.deadline;
  match.rng = e.rng_after;
  for (const auto& a : e.assignments) {
    auto* p = find(match, a.participant);
    if (p && a.seat < match.seats.size()) p->seat = a.seat;
  }
  for (auto& p : match.participants)
    p.ready = false;
}

template <>
void apply_event(Match& match, const PhaseEnded& e) {
  match.phase = e.next;
  match.phase_started_at = e.at;
  match.deadline = e.deadline;
}

}  // namespace accord::detail
