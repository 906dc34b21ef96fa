#include "core/visibility.hpp"

namespace accord {
namespace {

// One redact() per event declared Audience::filtered; returning nullopt drops the event.

std::optional<Event> redact(const Match&, const NoteWritten& e, const Viewer& viewer) {
  if (sees_seat_secrets(viewer, e.seat)) return e;
  NoteWritten redacted = e;
  redacted.text.clear();
  return redacted;
}

std::optional<Event> redact(const Match&, const MatchStarted& e, const Viewer& viewer) {
  if (viewer.kind == ViewerKind::server) return e;
  MatchStarted redacted = e;
  redacted.rng_after = Pcg32{};
  return redacted;
}

}  // namespace

bool sees_seat_secrets(const Viewer& viewer, SeatIndex seat) {
  switch (viewer.kind) {
    case ViewerKind::server:
    case ViewerKind::facilitator:
      return true;
    case ViewerKind::seat:
      return viewer.seat == seat;
    case ViewerKind::audience:
      return false;
  }
  return false;
}

Match view_for(const Match& match, const Viewer& viewer) {
  if (viewer.kind == ViewerKind::server) return match;
  Match view = match;
  view.rng = Pcg32{};
  for (SeatIndex s = 0; s < view.seats.size(); ++s)
    if (!sees_seat_secrets(viewer, s)) view.seats[s].private_note.clear();
  return view;
}

std::optional<Event> filter_event(const Match& before, const Event& event, const Viewer& viewer) {
  return std::visit(
      [&](const auto& e) -> std::optional<Event> {
        using E = std::decay_t<decltype(e)>;
        if constexpr (E::kAudience == Audience::everyone) {
          return e;
        } else {
          static_assert(
              requires { redact(before, e, viewer); },
              "an Audience::filtered event needs a redact() overload");
          return redact(before, e, viewer);
        }
      },
      event);
}

}  // namespace accord
