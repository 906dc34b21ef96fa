// The match: everything the rules know. Plain data with a field list (`describe`) that the
// codec, the hash and the tests walk, so a field added here is encoded, hashed and checked.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/rng.hpp"
#include "core/types.hpp"

namespace accord {

struct MatchSettings {
  std::vector<std::string> seat_names;  // one per seat, e.g. state names
  std::uint32_t max_delegation_size = 3;
  std::uint32_t max_participants = 120;
  std::uint32_t max_name_bytes = 48;
  std::uint32_t max_chat_bytes = 600;
  std::uint32_t max_note_bytes = 2000;
  bool allow_spectators = true;
  TimeMs briefing_ms = 5 * 60 * 1000;
  TimeMs drafting_ms = 15 * 60 * 1000;

  friend bool operator==(const MatchSettings&, const MatchSettings&) = default;

  template <class Self, class V>
  static void describe(Self& self, V&& v) {
    v("seat_names", self.seat_names);
    v("max_delegation_size", self.max_delegation_size);
    v("max_participants", self.max_participants);
    v("max_name_bytes", self.max_name_bytes);
    v("max_chat_bytes", self.max_chat_bytes);
    v("max_note_bytes", self.max_note_bytes);
    v("allow_spectators", self.allow_spectators);
    v("briefing_ms", self.briefing_ms);
    v("drafting_ms", self.drafting_ms);
  }
};

struct Participant {
  std::string name;
  Role role = Role::player;
  std::optional<SeatIndex> seat;
  bool ready = false;
  bool left = false;  // ids stay dense and history keeps its references, so leaving only marks

  friend bool operator==(const Participant&, const Participant&) = default;

  template <class Self, class V>
  static void describe(Self& self, V&& v) {
    v("name", self.name);
    v("role", self.role);
    v("seat", self.seat);
    v("ready", self.ready);
    v("left", self.left);
  }
};

struct Seat {
  std::string name;
  std::string private_note;  // secret: only the seat's own delegation and the facilitator

  friend bool operator==(const Seat&, const Seat&) = default;

  template <class Self, class V>
  static void describe(Self& self, V&& v) {
    v("name", self.name);
    v("private_note", self.private_note);
  }
};

struct ChatMessage {
  ParticipantId author = 0;
  std::string text;
  TimeMs at = 0;

  friend bool operator==(const ChatMessage&, const ChatMessage&) = default;

  template <class Self, class V>
  static void describe(Self& self, V&& v) {
    v("author", self.author);
    v("text", self.text);
    v("at", self.at);
  }
};

struct Match {
  MatchSettings settings;
  Phase phase = Phase::lobby;
  TimeMs phase_started_at = 0;
  std::optional<TimeMs> deadline;         // when the current phase ends by itself, if it does
  Pcg32 rng;                              // secret from every viewer but the server
  std::vector<Participant> participants;  // indexed by ParticipantId
  std::vector<Seat> seats;                // indexed by SeatIndex
  std::vector<ChatMessage> plenary;

  friend bool operator==(const Match&, const Match&) = default;

  template <class Self, class V>
  static void describe(Self& self, V&& v) {
    v("settings", self.settings);
    v("phase", self.phase);
    v("phase_started_at", self.phase_started_at);
    v("deadline", self.deadline);
    v("rng", self.rng);
    v("participants", self.participants);
    v("seats", self.seats);
    v("plenary", self.plenary);
  }
};

}  // namespace accord
