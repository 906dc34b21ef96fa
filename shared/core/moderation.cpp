// Moderation polls in rooms without a facilitator: a seat proposes to hide a plenary message or
// a clause, or to mute a participant; the poll carries as soon as a majority of the occupied
// seats support it, and its effect follows in the same decision. Polls work in every phase.
#include <algorithm>
#include <string>

#include "core/rules_internal.hpp"

namespace accord::detail {
namespace {

std::optional<Decision> require_unfacilitated(const Match& m) {
  if (!m.settings.has_facilitator) return std::nullopt;
  return reject(RejectCode::facilitated_room, "",
                "This room has a facilitator: ask them to moderate.");
}

// Supporters whose seat is still occupied, against all occupied seats: a strict majority.
bool carries(const Match& m, const std::vector<SeatIndex>& in_favour) {
  const auto occupied = occupied_seats(m);
  const auto support = std::count_if(in_favour.begin(), in_favour.end(),
                                     [&](SeatIndex s) { return contains(occupied, s); });
  return 2 * static_cast<std::size_t>(support) > occupied.size();
}

// The poll's effect, or nothing if it no longer changes anything.
std::optional<Event> effect_of(const Match& m, const ModerationPoll& poll) {
  switch (poll.action) {
    case ModerationAction::hide_message: {
      if (poll.target >= m.channels.size()) return std::nullopt;
      const auto& messages = m.channels[poll.target].messages;
      if (poll.index >= messages.size() || messages[poll.index].hidden) return std::nullopt;
      return MessageHidden{poll.target, poll.index, true, messages[poll.index].text};
    }
    case ModerationAction::hide_clause: {
      if (poll.target >= m.clauses.size() || m.clauses[poll.target].hidden) return std::nullopt;
      return ClauseHidden{poll.target, true, m.clauses[poll.target].text};
    }
    case ModerationAction::mute_participant:
      if (poll.target >= m.participants.size() || m.participants[poll.target].muted)
        return std::nullopt;
      return ParticipantMuted{poll.target, true};
  }
  return std::nullopt;
}

// `first` (the poll opened or supported), then, if `after` now has a majority, the poll's
// carrying and its effect.
std::vector<Event> with_outcome(const Match& m, PollId id, const ModerationPoll& after,
                                Event first) {
  std::vector<Event> events{std::move(first)};
  if (carries(m, after.in_favour)) {
    events.push_back(PollCarried{id});
    if (auto effect = effect_of(m, after)) events.push_back(std::move(*effect));
  }
  return events;
}

std::optional<Decision> check_clause_votable(const Match& m, ClauseId clause) {
  if (m.clauses[clause].vote.state != VoteState::open) return std::nullopt;
  return reject(RejectCode::not_allowed, "target",
                "Clause " + std::to_string(clause + 1) +
                    " is being voted on: it cannot be hidden until the vote closes.");
}

std::optional<Decision> check_target(const Match& m, const ProposeModeration& cmd) {
  switch (cmd.action) {
    case ModerationAction::hide_message: {
      if (cmd.target != kPlenary)
        return reject(RejectCode::not_allowed, "target",
                      "Only plenary messages can be hidden by a poll.");
      if (m.channels.empty() || cmd.index >= m.channels[kPlenary].messages.size())
        return reject(RejectCode::no_such_message, "index", "There is no such message.");
      if (m.channels[kPlenary].messages[cmd.index].hidden)
        return reject(RejectCode::unchanged, "index", "That message is already hidden.");
      return std::nullopt;
    }
    case ModerationAction::hide_clause:
      if (cmd.target >= m.clauses.size())
        return reject(RejectCode::no_such_clause, "target", "There is no such clause.");
      if (m.clauses[cmd.target].hidden)
        return reject(RejectCode::unchanged, "target", "That clause is already hidden.");
      return check_clause_votable(m, cmd.target);
    case ModerationAction::mute_participant:
      if (!participant_active(m, cmd.target))
        return reject(RejectCode::unknown_participant, "target",
                      "Participant " + std::to_string(cmd.target) + " is not in this match.");
      if (m.participants[cmd.target].muted)
        return reject(RejectCode::unchanged, "target",
                      m.participants[cmd.target].name + " is already muted.");
      return std::nullopt;
  }
  return std::nullopt;
}

}  // namespace

template <>
Decision decide_command(const DecideContext& ctx, const ProposeModeration& cmd) {
  const auto& m = ctx.match;
  if (auto refused = require_unfacilitated(m)) return *refused;
  SeatIndex seat = 0;
  if (auto refused = require_seat(ctx, seat)) return *refused;
  if (auto refused = check_target(m, cmd)) return *refused;
  ModerationPoll poll;
  poll.action = cmd.action;
  poll.target = cmd.target;
  poll.index = cmd.action == ModerationAction::hide_message ? cmd.index : 0;  // else unused
  poll.proposer = seat;
  poll.in_favour = {seat};
  for (const auto& open : m.polls)
    if (open.status == PollStatus::open && open.action == poll.action &&
        open.target == poll.target && open.index == poll.index)
      return reject(RejectCode::already_done, "target",
                    "A poll on exactly that is already open: support it instead.");
  const auto id = static_cast<PollId>(m.polls.size());
  return Decision::accept(with_outcome(m, id, poll, PollOpened{poll}));
}

template <>
Decision decide_command(const DecideContext& ctx, const SupportModeration& cmd) {
  const auto& m = ctx.match;
  if (auto refused = require_unfacilitated(m)) return *refused;
  SeatIndex seat = 0;
  if (auto refused = require_seat(ctx, seat)) return *refused;
  if (cmd.poll >= m.polls.size())
    return reject(RejectCode::no_such_poll, "poll", "There is no such poll.");
  const auto& poll = m.polls[cmd.poll];
  if (poll.status != PollStatus::open)
    return reject(RejectCode::not_pending, "poll",
                  "That poll is no longer open (it " +
                      std::string(poll.status == PollStatus::carried ? "has carried" : "lapsed") +
                      ").");
  if (contains(poll.in_favour, seat))
    return reject(RejectCode::already_done, "poll", "Your delegation already supports it.");
  // A clause can come to a vote while its poll is open; it is not hidden in mid-vote.
  if (poll.action == ModerationAction::hide_clause && poll.target < m.clauses.size())
    if (auto refused = check_clause_votable(m, poll.target)) return *refused;
  ModerationPoll after = poll;
  insert_sorted(after.in_favour, seat);
  return Decision::accept(with_outcome(m, cmd.poll, after, PollSupported{cmd.poll, seat}));
}

// --- apply: total; ids that do not fit are ignored. ---

template <>
void apply_event(Match& match, const PollOpened& e) {
  match.polls.push_back(e.poll);
}

template <>
void apply_event(Match& match, const PollSupported& e) {
  if (e.poll < match.polls.size()) insert_sorted(match.polls[e.poll].in_favour, e.seat);
}

template <>
void apply_event(Match& match, const PollCarried& e) {
  if (e.poll < match.polls.size()) match.polls[e.poll].status = PollStatus::carried;
}

}  // namespace accord::detail
