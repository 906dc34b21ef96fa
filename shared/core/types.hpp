// Basic vocabulary of the rules core: identifiers, time, actors, viewers, rejections.
#pragma once

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/enum_names.hpp"

namespace accord {

// Milliseconds on the match clock. The rules never read a clock: time is passed in.
using TimeMs = std::int64_t;
using ParticipantId = std::uint32_t;
using SeatIndex = std::uint32_t;
using Seq = std::uint64_t;

inline constexpr std::uint32_t kRulesVersion = 1;

enum class Phase : std::uint8_t { lobby, briefing, drafting, debrief };
template <>
struct EnumNames<Phase> {
  static constexpr std::array<std::string_view, 4> value{"lobby", "briefing", "drafting",
                                                         "debrief"};
};

// A player may hold a seat; a spectator only watches the public view.
enum class Role : std::uint8_t { player, spectator };
template <>
struct EnumNames<Role> {
  static constexpr std::array<std::string_view, 2> value{"player", "spectator"};
};

// Who asks for a command. The server admits newcomers and fires deadlines; the facilitator
// runs the room; a participant is a player or spectator who has joined.
enum class ActorKind : std::uint8_t { server, facilitator, participant };
template <>
struct EnumNames<ActorKind> {
  static constexpr std::array<std::string_view, 3> value{"server", "facilitator", "participant"};
};

struct Actor {
  ActorKind kind = ActorKind::server;
  ParticipantId participant = 0;  // meaningful for ActorKind::participant only

  static Actor server() { return {ActorKind::server, 0}; }
  static Actor facilitator() { return {ActorKind::facilitator, 0}; }
  static Actor of(ParticipantId id) { return {ActorKind::participant, id}; }
  friend bool operator==(const Actor&, const Actor&) = default;

  template <class Self, class V>
  static void describe(Self& self, V&& v) {
    v("kind", self.kind);
    v("participant", self.participant);
  }
};

// Whose view of the match. Visibility depends only on this, so all members of a delegation
// share their seat's stream, and spectators, the projector and unseated participants share
// the public one.
enum class ViewerKind : std::uint8_t { server, facilitator, seat, audience };
template <>
struct EnumNames<ViewerKind> {
  static constexpr std::array<std::string_view, 4> value{"server", "facilitator", "seat",
                                                         "audience"};
};

struct Viewer {
  ViewerKind kind = ViewerKind::audience;
  SeatIndex seat = 0;  // meaningful for ViewerKind::seat only

  static Viewer server() { return {ViewerKind::server, 0}; }
  static Viewer facilitator() { return {ViewerKind::facilitator, 0}; }
  static Viewer of_seat(SeatIndex s) { return {ViewerKind::seat, s}; }
  static Viewer audience() { return {ViewerKind::audience, 0}; }
  friend auto operator<=>(const Viewer&, const Viewer&) = default;
};

// Stable codes: clients, tests and translations key on these names, never on the sentence.
enum class RejectCode : std::uint8_t {
  not_allowed,
  unknown_participant,
  wrong_phase,
  invalid_name,
  match_full,
  spectators_closed,
  no_such_seat,
  seat_full,
  already_seated,
  not_seated,
  spectator_only_watches,
  empty_text,
  text_too_long,
  unchanged,
  no_seated_participant,
};
template <>
struct EnumNames<RejectCode> {
  static constexpr std::array<std::string_view, 15> value{"not_allowed",
                                                          "unknown_participant",
                                                          "wrong_phase",
                                                          "invalid_name",
                                                          "match_full",
                                                          "spectators_closed",
                                                          "no_such_seat",
                                                          "seat_full",
                                                          "already_seated",
                                                          "not_seated",
                                                          "spectator_only_watches",
                                                          "empty_text",
                                                          "text_too_long",
                                                          "unchanged",
                                                          "no_seated_participant"};
};

struct Rejection {
  RejectCode code = RejectCode::not_allowed;
  std::string field;    // the command field at fault, empty when it is the command as a whole
  std::string message;  // one sentence for the player
  friend bool operator==(const Rejection&, const Rejection&) = default;
};

}  // namespace accord
