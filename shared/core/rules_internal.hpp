// Shared between the rules' translation units only. Each command has one decide_command
// specialisation and each event one apply_event specialisation, in the file of its area; the
// dispatch in rules.cpp instantiates them from the type lists, so a declared command without
// its rule fails to link.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/rules.hpp"

namespace accord::detail {

struct DecideContext {
  const Match& match;
  const Actor& actor;
  TimeMs now;
};

template <class C>
Decision decide_command(const DecideContext& ctx, const C& command);

template <class E>
void apply_event(Match& match, const E& event);

inline Decision reject(RejectCode code, std::string field, std::string message) {
  return Decision::reject(Rejection{code, std::move(field), std::move(message)});
}

// ------------------------------------------------------------------ who is acting (rules.cpp)

// The seat an actor speaks for: a participant's seat, or the seat a bot plays.
std::optional<SeatIndex> acting_seat(const Match& match, const Actor& actor);

// Refusal unless the actor speaks for a seat; on success `seat` is set.
std::optional<Decision> require_seat(const DecideContext& ctx, SeatIndex& seat);

// Refusal unless the actor may cast the seat's votes (its head of delegation, or its bot).
std::optional<Decision> require_voter(const DecideContext& ctx, SeatIndex& seat);

// Refusal while the facilitator has paused the clock (game actions wait; chat goes on).
std::optional<Decision> require_running(const Match& match);

std::optional<Decision> require_phase(const Match& match, Phase phase, const char* what);

// A seat is occupied when a delegation (an active member) or a bot holds it.
bool seat_occupied(const Match& match, SeatIndex seat);
bool seat_has_delegation(const Match& match, SeatIndex seat);
std::vector<SeatIndex> occupied_seats(const Match& match);

std::string seat_name(const Match& match, SeatIndex seat);

// After a seat's membership changed: keeps the head if still a member, else hands the role to
// the member with the lowest id (or to nobody).
void fix_head(Match& match, SeatIndex seat);

bool contains(const std::vector<SeatIndex>& seats, SeatIndex seat);
void insert_sorted(std::vector<SeatIndex>& seats, SeatIndex seat);
void erase_value(std::vector<SeatIndex>& seats, SeatIndex seat);

// ------------------------------------------------------------------ phases (clock.cpp)

// How long a phase lasts when it has a timer.
std::optional<TimeMs> phase_length(const RoomRules& rules, Phase phase);

// The events that end the current phase now: closing its votes, the transition, and at the
// debrief the reveal. Empty in the lobby and the debrief.
std::vector<Event> end_phase(const Match& match, TimeMs now);

// Appends end_phase() when `events`, once applied, leave nothing to wait for: every occupied
// seat ready (drafting) or every open vote answered by every occupied seat (voting).
std::vector<Event> with_early_end(const Match& match, std::vector<Event> events, TimeMs now);

// ------------------------------------------------------------------ voting (voting.cpp)

// Counts a vote and applies the room's decision rule and quorum.
VoteResult tally(const Match& match, const VoteRecord& vote, VoteOn on, std::uint32_t target);

// The votes that close with the phase (clause votes in clause voting, draft votes in the final).
std::vector<VoteResult> close_open_votes(const Match& match);

// Opens the vote records a phase starts with (called from apply of PhaseEnded).
void open_votes_for_phase(Match& match, Phase entering);

// On entering a clause vote, with the room's starting_text_as_package: one StartingTextPackaged
// per draft with at least two unamended starting clauses whose votes have just opened.
std::vector<Event> package_starting_texts(const Match& match);

// ------------------------------------------------------------------ injects (injects.cpp)

// The event firing an inject of the library now (by the facilitator, or by the schedule).
InjectFired inject_event(const Match& match, const InjectSetup& inject, TimeMs now, bool scheduled);

bool fired(const Match& match, const std::string& inject_id);

// The scheduled injects due now in the current phase and round, not yet fired.
std::vector<Event> scheduled_injects(const Match& match, TimeMs now);

// Results for the open emergency statement votes due to close by `now` (all of them: nullopt).
std::vector<VoteResult> close_statements(const Match& match, std::optional<TimeMs> now);

// ------------------------------------------------------------------ debrief (visibility.cpp)

SecretsRevealed debrief_reveal(const Match& match);

}  // namespace accord::detail
