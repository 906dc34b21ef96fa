// Hidden information. view_for is what a viewer may know of a match; filter_event is what a
// viewer's stream carries of one event: the event itself, a redacted copy, or nothing.
// Invariant (tested): applying a viewer's filtered stream to its view gives view_for again.
//
// Who sees what:
//  - a seat's brief and objectives: the seat and the facilitator; everyone from the debrief on;
//  - a seat's private note: the seat and the facilitator, always;
//  - delegation, bilateral and caucus channels: their member seats and the facilitator (who
//    moderates); invited seats see a caucus's name and members but no messages; everyone from
//    the debrief on if the room reveals private channels;
//  - deals: the two seats and the facilitator; at the debrief, accepted deals to everyone (all
//    deals if the room reveals private channels);
//  - ballots: while a vote is open, each seat sees only its own and everyone sees the count;
//    after a roll-call everyone sees every ballot; a secret ballot is never shown, not even to
//    the facilitator;
//  - hidden messages and hidden clause texts: the facilitator only;
//  - the random generator's state: the server only.
#pragma once

#include <optional>

#include "core/events.hpp"
#include "core/model.hpp"

namespace accord {

// Whether a viewer may read the secrets of a seat (its private note and, before the debrief,
// its brief and objectives).
bool sees_seat_secrets(const Viewer& viewer, SeatIndex seat);

enum class ChannelSight { none, partial, full };
ChannelSight channel_sight(const Match& match, const Viewer& viewer, ChannelId channel);

bool sees_deal(const Match& match, const Viewer& viewer, DealId deal);

Match view_for(const Match& match, const Viewer& viewer);

// `before` is the match as it was before the event is applied.
std::optional<Event> filter_event(const Match& before, const Event& event, const Viewer& viewer);

}  // namespace accord
