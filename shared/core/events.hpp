// Every event, declared once. An event is what happened; `apply` folds it into a match and
// cannot fail. kAudience says who may see it: `everyone`, or `filtered`, in which case
// visibility.cpp must give the event a redact() overload (checked at compile time).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/rng.hpp"
#include "core/type_list.hpp"
#include "core/types.hpp"

namespace accord {

enum class Audience { everyone, filtered };

struct ParticipantJoined {
  static constexpr std::string_view kName = "participant_joined";
  static constexpr Audience kAudience = Audience::everyone;
  ParticipantId participant = 0;
  std::string name;
  Role role = Role::player;
  template <class Self, class V>
  static void describe(Self& self, V&& v) {
    v("participant", self.participant);
    v("name", self.name);
    v("role", self.role);
  }
};

struct ParticipantLeft {
  static constexpr std::string_view kName = "participant_left";
  static constexpr Audience kAudience = Audience::everyone;
  ParticipantId participant = 0;
  template <class Self, class V>
  static void describe(Self& self, V&& v) {
    v("participant", self.participant);
  }
};

struct SeatTaken {
  static constexpr std::string_view kName = "seat_taken";
  static constexpr Audience kAudience = Audience::everyone;
  ParticipantId participant = 0;
  SeatIndex seat = 0;
  template <class Self, class V>
  static void describe(Self& self, V&& v) {
    v("participant", self.participant);
    v("seat", self.seat);
  }
};

struct SeatLeft {
  static constexpr std::string_view kName = "seat_left";
  static constexpr Audience kAudience = Audience::everyone;
  ParticipantId participant = 0;
  template <class Self, class V>
  static void describe(Self& self, V&& v) {
    v("participant", self.participant);
  }
};

struct ReadyChanged {
  static constexpr std::string_view kName = "ready_changed";
  static constexpr Audience kAudience = Audience::everyone;
  ParticipantId participant = 0;
  bool ready = false;
  template <class Self, class V>
  static void describe(Self& self, V&& v) {
    v("participant", self.participant);
    v("ready", self.ready);
  }
};

// Seen in full by the seat and the facilitator; everyone else learns only that the note
// changed (the text arrives empty).
struct NoteWritten {
  static constexpr std::string_view kName = "note_written";
  static constexpr Audience kAudience = Audience::filtered;
  SeatIndex seat = 0;
  std::string text;
  template <class Self, class V>
  static void describe(Self& self, V&& v) {
    v("seat", self.seat);
    v("text", self.text);
  }
};

struct ChatPosted {
  static constexpr std::string_view kName = "chat_posted";
  static constexpr Audience kAudience = Audience::everyone;
  ParticipantId author = 0;
  std::string text;
  TimeMs at = 0;
  template <class Self, class V>
  static void describe(Self& self, V&& v) {
    v("author", self.author);
    v("text", self.text);
    v("at", self.at);
  }
};

struct SeatAssignment {
  ParticipantId participant = 0;
  SeatIndex seat = 0;
  template <class Self, class V>
  static void describe(Self& self, V&& v) {
    v("participant", self.participant);
    v("seat", self.seat);
  }
};

// The generator's new state travels in the event so replay reproduces it; only the server
// stream carries it (redacted to zero for every viewer, who could otherwise predict draws).
struct MatchStarted {
  static constexpr std::string_view kName = "match_started";
  static constexpr Audience kAudience = Audience::filtered;
  TimeMs at = 0;
  TimeMs deadline = 0;
  std::vector<SeatAssignment> assignments;
  Pcg32 rng_after;
  template <class Self, class V>
  static void describe(Self& self, V&& v) {
    v("at", self.at);
    v("deadline", self.deadline);
    v("assignments", self.assignments);
    v("rng_after", self.rng_after);
  }
};

struct PhaseEnded {
  static constexpr std::string_view kName = "phase_ended";
  static constexpr Audience kAudience = Audience::everyone;
  Phase ended = Phase::lobby;
  Phase next = Phase::lobby;
  TimeMs at = 0;
  std::optional<TimeMs> deadline;
  template <class Self, class V>
  static void describe(Self& self, V&& v) {
    v("ended", self.ended);
    v("next", self.next);
    v("at", self.at);
    v("deadline", self.deadline);
  }
};

using EventTypes = TypeList<ParticipantJoined, ParticipantLeft, SeatTaken, SeatLeft, ReadyChanged,
                            NoteWritten, ChatPosted, MatchStarted, PhaseEnded>;
using Event = VariantOf<EventTypes>::type;

}  // namespace accord
