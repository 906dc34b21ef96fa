// The rules: decide validates a command without changing anything; apply folds an event into
// a match and cannot fail; tick turns deadlines into events. Pure: no clock, no I/O.
#pragma once

#include <cstdint>
#include <optional>
#include <variant>
#include <vector>

#include "core/commands.hpp"
#include "core/events.hpp"
#include "core/model.hpp"

namespace accord {

// Either the events a command produces, or why it was refused.
struct Decision {
  std::vector<Event> events;
  std::optional<Rejection> rejection;

  bool accepted() const { return !rejection.has_value(); }
  static Decision accept(std::vector<Event> e) { return {std::move(e), std::nullopt}; }
  static Decision reject(Rejection r) { return {{}, std::move(r)}; }
};

// Settings a match can be created with; names the field at fault otherwise.
std::optional<Rejection> validate_settings(const MatchSettings& settings);
std::optional<Rejection> validate_rules(const RoomRules& rules);

Match new_match(const MatchSettings& settings, std::uint64_t seed);

Decision decide(const Match& match, const Actor& actor, const Command& command, TimeMs now);

void apply(Match& match, const Event& event);

std::vector<Event> tick(const Match& match, TimeMs now);

// Derived facts the rules and the screens both need.
std::vector<ParticipantId> delegation_of(const Match& match, SeatIndex seat);
bool participant_active(const Match& match, ParticipantId id);
// Clauses of a draft in the order they were tabled (withdrawn and hidden ones included).
std::vector<ClauseId> clauses_of(const Match& match, DraftIndex draft);
// The draft whose starting-text package holds this clause, if one does.
std::optional<DraftIndex> package_of(const Match& match, ClauseId clause);
// When the current phase is planned to end: its timer's deadline, or the lobby's planned start
// and the debrief's planned end of the class discussion (countdowns: neither phase ends by itself).
std::optional<TimeMs> planned_phase_end(const Match& match);
// The next moment an inject's timer acts by itself: a scheduled inject of the current phase comes
// due, or an emergency vote closes (none while paused).
std::optional<TimeMs> next_inject_timer(const Match& match);

}  // namespace accord
