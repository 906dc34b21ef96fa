// Hidden information. view_for is what a viewer may know of a match; filter_event is what a
// viewer's stream carries of one event: the event itself, a redacted copy, or nothing.
// Invariant (tested): applying a viewer's filtered stream to its view gives view_for again.
#pragma once

#include <optional>

#include "core/events.hpp"
#include "core/model.hpp"

namespace accord {

// Whether a viewer may read the secrets of a seat (its private note, later its brief).
bool sees_seat_secrets(const Viewer& viewer, SeatIndex seat);

Match view_for(const Match& match, const Viewer& viewer);

// `before` is the match as it was before the event is applied.
std::optional<Event> filter_event(const Match& before, const Event& event, const Viewer& viewer);

}  // namespace accord
