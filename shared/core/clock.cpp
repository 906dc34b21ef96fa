// Phases and time: the sequence lobby → briefing → (drafting → clause voting) × rounds →
// final vote → debrief; timers, early ends, and the facilitator's pause, resume, extend and
// advance.
#include <algorithm>

#include "core/rules_internal.hpp"

namespace accord::detail {
namespace {

struct Next {
  Phase phase;
  std::uint32_t round;
};

std::optional<Next> next_phase(const Match& m) {
  switch (m.phase) {
    case Phase::briefing:
      return Next{Phase::drafting, 1};
    case Phase::drafting:
      return Next{Phase::clause_voting, m.round};
    case Phase::clause_voting:
      if (m.round < m.settings.rules.rounds) return Next{Phase::drafting, m.round + 1};
      return Next{Phase::final_vote, m.round};
    case Phase::final_vote:
      return Next{Phase::debrief, m.round};
    case Phase::lobby:
    case Phase::debrief:
      return std::nullopt;
  }
  return std::nullopt;
}

bool is_voting(Phase phase) {
  return phase == Phase::clause_voting || phase == Phase::final_vote;
}

// The vote records the current phase is waiting on.
std::vector<const VoteRecord*> open_votes(const Match& m) {
  std::vector<const VoteRecord*> votes;
  if (m.phase == Phase::clause_voting) {
    for (const auto& d : m.drafts)
      if (d.package_vote.state == VoteState::open) votes.push_back(&d.package_vote);
    for (const auto& c : m.clauses)
      if (c.vote.state == VoteState::open) votes.push_back(&c.vote);
  } else if (m.phase == Phase::final_vote) {
    for (const auto& d : m.drafts)
      if (d.final_vote.state == VoteState::open) votes.push_back(&d.final_vote);
  }
  return votes;
}

// Nothing left to wait for in this phase.
bool phase_complete(const Match& m) {
  const auto seats = occupied_seats(m);
  if (m.phase == Phase::drafting)
    return !seats.empty() &&
           std::all_of(seats.begin(), seats.end(), [&](SeatIndex s) { return m.seats[s].ready; });
  if (!is_voting(m.phase)) return false;
  if (std::any_of(m.drafts.begin(), m.drafts.end(),
                  [](const Draft& d) { return d.objection_deadline.has_value(); }))
    return false;
  for (const VoteRecord* vote : open_votes(m))
    for (SeatIndex s : seats)
      if (s >= vote->ballots.size() || !vote->ballots[s]) return false;
  return true;
}

void apply_all(Match& m, const std::vector<Event>& events) {
  for (const auto& e : events)
    accord::apply(m, e);
}

}  // namespace

std::optional<TimeMs> phase_length(const RoomRules& rules, Phase phase) {
  switch (phase) {
    case Phase::briefing:
      return rules.briefing_ms;
    case Phase::drafting:
      return rules.drafting_ms;
    case Phase::clause_voting:
      return rules.clause_voting_ms;
    case Phase::final_vote:
      return rules.final_vote_ms;
    case Phase::lobby:
    case Phase::debrief:
      return std::nullopt;
  }
  return std::nullopt;
}

std::vector<Event> end_phase(const Match& match, TimeMs now) {
  const auto next = next_phase(match);
  if (!next) return {};
  std::vector<Event> events;
  Match closing = match;
  if (match.phase == Phase::final_vote) {
    // Cutting the final vote short ends a pending adoption window as if it had run out: no
    // seat objected, so the draft is adopted without a vote.
    const auto in_favour = static_cast<std::uint32_t>(occupied_seats(match).size());
    for (DraftIndex d = 0; d < match.drafts.size(); ++d)
      if (match.drafts[d].objection_deadline) events.push_back(AdoptedWithoutVote{d, in_favour});
    apply_all(closing, events);
  }
  if (is_voting(match.phase) || next->phase == Phase::debrief) {
    auto results = is_voting(match.phase) ? close_open_votes(closing) : std::vector<VoteResult>{};
    // The debrief closes any emergency statement vote still open.
    if (next->phase == Phase::debrief)
      for (auto& r : close_statements(closing, std::nullopt))
        results.push_back(std::move(r));
    if (!results.empty()) events.push_back(VotesClosed{std::move(results)});
  }
  std::optional<TimeMs> deadline;
  if (auto length = phase_length(match.settings.rules, next->phase)) {
    deadline = now + *length;
    if (next->phase == Phase::drafting) *deadline += match.drafting_bonus_ms;
  }
  events.push_back(PhaseEnded{match.phase, next->phase, next->round, now, deadline});

  Match after = match;
  apply_all(after, events);
  for (auto& packaged : package_starting_texts(after)) {
    accord::apply(after, packaged);
    events.push_back(std::move(packaged));
  }
  if (next->phase == Phase::debrief) {
    events.push_back(debrief_reveal(after));
  } else if (is_voting(next->phase) && open_votes(after).empty()) {
    // Nothing to vote on: move straight on rather than wait out an empty timer.
    auto more = end_phase(after, now);
    events.insert(events.end(), more.begin(), more.end());
  }
  return events;
}

namespace {

// Whether the events cannot end the phase: each is one ballot or one ready mark, and more
// occupied seats are still missing one than there are events. A ballot or a ready mark is a
// frequent command, and copying the match to apply it (the settings are most of a match) cost
// more than everything else it does: this answers without the copy when it can.
bool too_few_to_end(const Match& match, const std::vector<Event>& events) {
  for (const auto& e : events)
    if (!std::holds_alternative<BallotCast>(e) && !std::holds_alternative<SeatReadyChanged>(e))
      return false;
  const auto seats = occupied_seats(match);
  std::size_t missing = 0;
  if (match.phase == Phase::drafting) {
    for (SeatIndex s : seats)
      missing += match.seats[s].ready ? 0u : 1u;
  } else if (is_voting(match.phase)) {
    for (const VoteRecord* vote : open_votes(match))
      for (SeatIndex s : seats)
        missing += (s < vote->ballots.size() && vote->ballots[s]) ? 0u : 1u;
  } else {
    return false;
  }
  return missing > events.size();
}

}  // namespace

std::vector<Event> with_early_end(const Match& match, std::vector<Event> events, TimeMs now) {
  if (too_few_to_end(match, events)) return events;
  Match after = match;
  apply_all(after, events);
  if (phase_complete(after)) {
    auto more = end_phase(after, now);
    events.insert(events.end(), more.begin(), more.end());
  }
  return events;
}

template <>
Decision decide_command(const DecideContext& ctx, const PauseClock&) {
  const auto& m = ctx.match;
  if (m.phase == Phase::lobby || m.phase == Phase::debrief)
    return reject(RejectCode::wrong_phase, "", "There is no clock to pause in this phase.");
  if (m.paused_at) return reject(RejectCode::unchanged, "", "The clock is already paused.");
  std::optional<TimeMs> remaining;
  if (m.deadline) remaining = std::max<TimeMs>(0, *m.deadline - ctx.now);
  return Decision::accept({ClockPaused{ctx.now, remaining}});
}

template <>
Decision decide_command(const DecideContext& ctx, const ResumeClock&) {
  const auto& m = ctx.match;
  if (!m.paused_at) return reject(RejectCode::unchanged, "", "The clock is not paused.");
  std::optional<TimeMs> deadline;
  if (m.paused_remaining) deadline = ctx.now + *m.paused_remaining;
  return Decision::accept(
      {ClockResumed{ctx.now, deadline, std::max<TimeMs>(0, ctx.now - *m.paused_at)}});
}

template <>
Decision decide_command(const DecideContext& ctx, const ExtendPhase& cmd) {
  const auto& m = ctx.match;
  if (cmd.by_ms < 1000 || cmd.by_ms > 4 * 3600 * 1000)
    return reject(RejectCode::not_allowed, "by_ms", "Extend by between one second and four hours.");
  if (!m.deadline && !m.paused_remaining)
    return reject(RejectCode::wrong_phase, "", "This phase has no timer to extend.");
  return Decision::accept({PhaseExtended{cmd.by_ms}});
}

template <>
Decision decide_command(const DecideContext& ctx, const AdvancePhase&) {
  const auto& m = ctx.match;
  if (m.phase == Phase::lobby)
    return reject(RejectCode::wrong_phase, "", "Start the match to leave the lobby.");
  if (m.phase == Phase::debrief)
    return reject(RejectCode::wrong_phase, "", "The debrief is the last phase.");
  if (m.paused_at)
    return reject(RejectCode::paused, "", "The clock is paused: resume it to advance the phase.");
  return Decision::accept(end_phase(m, ctx.now));
}

template <>
void apply_event(Match& match, const LobbyCountdownStarted& e) {
  if (match.phase == Phase::lobby && !match.lobby_opened_at) match.lobby_opened_at = e.at;
}

template <>
void apply_event(Match& match, const SeatReadyChanged& e) {
  if (e.seat < match.seats.size()) match.seats[e.seat].ready = e.ready;
}

template <>
void apply_event(Match& match, const ClockPaused& e) {
  match.paused_at = e.at;
  match.paused_remaining = e.remaining;
  match.deadline.reset();
}

template <>
void apply_event(Match& match, const ClockResumed& e) {
  match.deadline = e.deadline;
  for (auto& draft : match.drafts)
    if (draft.objection_deadline) *draft.objection_deadline += e.paused_for;
  for (auto& statement : match.statements)
    if (statement.vote.state == VoteState::open) statement.closes_at += e.paused_for;
  match.paused_at.reset();
  match.paused_remaining.reset();
}

template <>
void apply_event(Match& match, const PhaseExtended& e) {
  if (match.paused_remaining)
    *match.paused_remaining += e.by_ms;
  else if (match.deadline)
    *match.deadline += e.by_ms;
}

template <>
void apply_event(Match& match, const PhaseEnded& e) {
  for (auto& seat : match.seats)
    seat.ready = false;
  if (e.ended == Phase::drafting) {
    for (auto& clause : match.clauses)
      for (auto& amendment : clause.amendments)
        if (amendment.status == AmendmentStatus::pending)
          amendment.status = AmendmentStatus::lapsed;
  }
  match.phase = e.next;
  match.round = e.round;
  match.phase_started_at = e.at;
  match.deadline = e.deadline;
  if (e.next == Phase::drafting) match.drafting_bonus_ms = 0;  // the deadline includes it
  open_votes_for_phase(match, e.next);
}

}  // namespace accord::detail

namespace accord {

std::vector<Event> tick(const Match& match, TimeMs now) {
  if (match.paused_at) return {};
  // The countdown to the planned start runs from the room's first moment on the clock. Rooms
  // without a facilitator (quick matches) have the server's own start countdown instead.
  if (match.phase == Phase::lobby && match.settings.rules.lobby_ms > 0 &&
      match.settings.has_facilitator && !match.lobby_opened_at)
    return {LobbyCountdownStarted{now}};
  std::vector<Event> events = detail::scheduled_injects(match, now);
  // An inject's statement fired now cannot be due yet: the votes closing are the earlier ones.
  auto closing = detail::close_statements(match, now);
  if (!closing.empty()) events.push_back(VotesClosed{std::move(closing)});
  if (match.phase == Phase::final_vote) {
    const auto in_favour = static_cast<std::uint32_t>(detail::occupied_seats(match).size());
    for (DraftIndex d = 0; d < match.drafts.size(); ++d) {
      const auto& deadline = match.drafts[d].objection_deadline;
      if (deadline && now >= *deadline) events.push_back(AdoptedWithoutVote{d, in_favour});
    }
    if (!events.empty()) events = detail::with_early_end(match, std::move(events), now);
  }
  if (events.empty()) {
    // The common case (every room, every turn of the server's clock): nothing to apply first.
    if (match.deadline && now >= *match.deadline) return detail::end_phase(match, now);
    return events;
  }
  Match after = match;
  for (const auto& e : events)
    apply(after, e);
  if (after.deadline && now >= *after.deadline && after.phase == match.phase) {
    auto ended = detail::end_phase(after, now);
    events.insert(events.end(), ended.begin(), ended.end());
  }
  return events;
}

}  // namespace accord
