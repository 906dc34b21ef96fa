// Basic vocabulary of the rules core: identifiers, time, actors, viewers, rejections.
#pragma once

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/enum_names.hpp"
#include "core/schema.hpp"

namespace accord {

// Milliseconds on the match clock. The rules never read a clock: time is passed in.
using TimeMs = std::int64_t;
using ParticipantId = std::uint32_t;
using SeatIndex = std::uint32_t;
using DraftIndex = std::uint32_t;  // into Match::drafts
using ClauseId = std::uint32_t;    // into Match::clauses (all drafts share one numbering)
using ChannelId = std::uint32_t;   // into Match::channels; 0 is the plenary
using DealId = std::uint32_t;      // into Match::deals
using PollId = std::uint32_t;      // into Match::polls
using Seq = std::uint64_t;

inline constexpr std::uint32_t kRulesVersion =
    4;  // 3: starting-text package, lobby countdown; 4: injects
inline constexpr ChannelId kPlenary = 0;

ACCORD_ENUM(Phase, std::uint8_t, lobby, briefing, drafting, clause_voting, final_vote, debrief)

// A player may hold a seat; a spectator only watches the public view.
ACCORD_ENUM(Role, std::uint8_t, player, spectator)

// Who asks for a command. The server admits newcomers and fires deadlines; the facilitator
// runs the room; a participant is a player or spectator who has joined; a bot plays a seat that
// no delegation holds.
ACCORD_ENUM(ActorKind, std::uint8_t, server, facilitator, participant, bot)

struct Actor {
  // clang-format off
  ACCORD_FIELDS(
      (ActorKind, kind, ActorKind::server),
      (ParticipantId, participant, 0),  // ActorKind::participant only
      (SeatIndex, seat, 0))  // ActorKind::bot only
  // clang-format on

  static Actor server() { return {ActorKind::server, 0, 0}; }
  static Actor facilitator() { return {ActorKind::facilitator, 0, 0}; }
  static Actor of(ParticipantId id) { return {ActorKind::participant, id, 0}; }
  static Actor bot(SeatIndex s) { return {ActorKind::bot, 0, s}; }
  friend bool operator==(const Actor&, const Actor&) = default;
};

// Whose view of the match. Visibility depends only on this, so all members of a delegation
// share their seat's stream, and spectators, the projector and unseated participants share
// the public one.
ACCORD_ENUM(ViewerKind, std::uint8_t, server, facilitator, seat, audience)

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
// Add new codes at the end, with their name at the end of the list below.
// clang-format off
ACCORD_ENUM(RejectCode, std::uint8_t,
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
    paused,  // the clock is paused: only chat and the facilitator act
    not_head,  // only the head of delegation may do this (vote, hand the role)
    muted,  // the participant is muted
    no_such_draft,
    no_such_clause,
    no_such_amendment,
    no_such_channel,
    no_such_message,
    no_such_deal,
    no_such_poll,
    not_on_table,  // that clause reference is not on this conference's table
    family_taken,  // the draft already has a clause of this family
    free_text_closed,  // the room does not allow free-text clauses
    limit_reached,  // a per-seat or per-clause limit from the settings
    not_sponsor,  // only the clause's sponsor may do this
    own_clause,  // a sponsor cannot co-sponsor or amend its own clause this way
    already_done,  // e.g. already a co-sponsor, already voted the same way
    not_pending,  // the amendment/deal/poll is no longer open
    vote_closed,  // the vote on that clause or draft is not open
    not_a_member,  // of a channel or caucus
    invalid_terms,  // a deal's terms do not make sense
    facilitated_room,  // moderation polls exist only in rooms without a facilitator
    invalid_settings,
    adoption_pending,  // adoption without a vote is proposed: object to it, or wait
    no_such_inject)  // not in the match's inject library
// clang-format on

struct Rejection {
  RejectCode code = RejectCode::not_allowed;
  std::string field;    // the command field at fault, empty when it is the command as a whole
  std::string message;  // one sentence for the player
  friend bool operator==(const Rejection&, const Rejection&) = default;
};

}  // namespace accord
