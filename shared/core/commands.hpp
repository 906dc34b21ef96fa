// Every command, declared once. A command is what an actor asks for; `decide` turns it into
// events or a Rejection. Adding one: see CONTRIBUTING.md ("How to add a command").
// The rule for each lives in the file of its area: lobby.cpp, delegations.cpp, clock.cpp,
// chat.cpp, drafting.cpp, deals.cpp, voting.cpp, moderation.cpp.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/model.hpp"
#include "core/type_list.hpp"
#include "core/types.hpp"

namespace accord {

// Which actor kinds may send a command. decide() checks this before anything else.
struct Senders {
  bool server = false;
  bool facilitator = false;
  bool participant = false;
  bool bot = false;
};

inline constexpr Senders kPlayers{.participant = true, .bot = true};
inline constexpr Senders kFacilitator{.facilitator = true};

// ------------------------------------------------------------------ lobby (lobby.cpp)

// The server admits a newcomer (it has authenticated the connection).
struct JoinMatch {
  static constexpr std::string_view kName = "join_match";
  static constexpr Senders kSenders{.server = true};
  ACCORD_FIELDS((std::string, name), (Role, role, Role::player))
};

struct LeaveMatch {
  static constexpr std::string_view kName = "leave_match";
  static constexpr Senders kSenders{.participant = true};
  ACCORD_NO_FIELDS
};

// Take a seat, or join its delegation when others already hold it (lobby only).
struct TakeSeat {
  static constexpr std::string_view kName = "take_seat";
  static constexpr Senders kSenders{.participant = true};
  ACCORD_FIELDS((SeatIndex, seat, 0))
};

struct LeaveSeat {
  static constexpr std::string_view kName = "leave_seat";
  static constexpr Senders kSenders{.participant = true};
  ACCORD_NO_FIELDS
};

// In the lobby: this participant is ready. In drafting: this seat is done for the phase.
struct SetReady {
  static constexpr std::string_view kName = "set_ready";
  static constexpr Senders kSenders = kPlayers;
  ACCORD_FIELDS((bool, ready, true))
};

// Replace the seat's private note (a delegation's own notepad; secret).
struct WriteNote {
  static constexpr std::string_view kName = "write_note";
  static constexpr Senders kSenders{.participant = true};
  ACCORD_FIELDS((std::string, text))
};

// Close the lobby: unseated players are placed at random on free seats, the briefing starts.
struct StartMatch {
  static constexpr std::string_view kName = "start_match";
  static constexpr Senders kSenders{.server = true, .facilitator = true};
  ACCORD_NO_FIELDS
};

// ------------------------------------------------------------------ delegations (delegations.cpp)

// The head of delegation (or the facilitator) hands the role to another member of the seat.
struct HandHeadRole {
  static constexpr std::string_view kName = "hand_head_role";
  static constexpr Senders kSenders{.facilitator = true, .participant = true};
  ACCORD_FIELDS((ParticipantId, to, 0))
};

// Put a participant on a seat (into its delegation), or off any seat (seat empty), in any phase.
struct AssignSeat {
  static constexpr std::string_view kName = "assign_seat";
  static constexpr Senders kSenders = kFacilitator;
  ACCORD_FIELDS((ParticipantId, participant, 0), (std::optional<SeatIndex>, seat))
};

// Every member of the seat's delegation leaves it.
struct FreeSeat {
  static constexpr std::string_view kName = "free_seat";
  static constexpr Senders kSenders = kFacilitator;
  ACCORD_FIELDS((SeatIndex, seat, 0))
};

// A bot plays the seat while no delegation holds it (on), or stops (off).
struct SetBot {
  static constexpr std::string_view kName = "set_bot";
  static constexpr Senders kSenders{.server = true, .facilitator = true};
  ACCORD_FIELDS((SeatIndex, seat, 0), (bool, on, true))
};

struct MuteParticipant {
  static constexpr std::string_view kName = "mute_participant";
  static constexpr Senders kSenders = kFacilitator;
  ACCORD_FIELDS((ParticipantId, participant, 0), (bool, muted, true))
};

// Removes a participant for good (the server also revokes the reconnect token).
struct RemoveParticipant {
  static constexpr std::string_view kName = "remove_participant";
  static constexpr Senders kSenders = kFacilitator;
  ACCORD_FIELDS((ParticipantId, participant, 0))
};

// Change the room's rules (timers, decision rule, limits...) while in the lobby.
struct ChangeRules {
  static constexpr std::string_view kName = "change_rules";
  static constexpr Senders kSenders = kFacilitator;
  ACCORD_FIELDS((RoomRules, rules))
};

// ------------------------------------------------------------------ clock (clock.cpp)

struct PauseClock {
  static constexpr std::string_view kName = "pause_clock";
  static constexpr Senders kSenders = kFacilitator;
  ACCORD_NO_FIELDS
};

struct ResumeClock {
  static constexpr std::string_view kName = "resume_clock";
  static constexpr Senders kSenders = kFacilitator;
  ACCORD_NO_FIELDS
};

// Add time to the current phase's timer (negative values are refused).
struct ExtendPhase {
  static constexpr std::string_view kName = "extend_phase";
  static constexpr Senders kSenders = kFacilitator;
  ACCORD_FIELDS((TimeMs, by_ms, 60'000))
};

// End the current phase now (votes close with the ballots cast so far).
struct AdvancePhase {
  static constexpr std::string_view kName = "advance_phase";
  static constexpr Senders kSenders = kFacilitator;
  ACCORD_NO_FIELDS
};

// Fire a crisis inject from the match's library (its id), from the briefing to the final vote;
// each inject fires once (injects.cpp).
struct FireInject {
  static constexpr std::string_view kName = "fire_inject";
  static constexpr Senders kSenders{.server = true, .facilitator = true};
  ACCORD_FIELDS((std::string, inject))
};

// ------------------------------------------------------------------ chat (chat.cpp)

struct PostMessage {
  static constexpr std::string_view kName = "post_message";
  static constexpr Senders kSenders = kPlayers;
  ACCORD_FIELDS((ChannelId, channel, kPlenary), (std::string, text))
};

// A facilitator announcement in the plenary (stands out in every client).
struct Announce {
  static constexpr std::string_view kName = "announce";
  static constexpr Senders kSenders = kFacilitator;
  ACCORD_FIELDS((std::string, text))
};

// Open the bilateral channel between the sender's seat and another (refused if it exists).
struct OpenBilateral {
  static constexpr std::string_view kName = "open_bilateral";
  static constexpr Senders kSenders = kPlayers;
  ACCORD_FIELDS((SeatIndex, with, 0))
};

struct CreateCaucus {
  static constexpr std::string_view kName = "create_caucus";
  static constexpr Senders kSenders = kPlayers;
  ACCORD_FIELDS((std::string, name), (std::vector<SeatIndex>, invite))
};

struct InviteToCaucus {
  static constexpr std::string_view kName = "invite_to_caucus";
  static constexpr Senders kSenders = kPlayers;
  ACCORD_FIELDS((ChannelId, channel, 0), (SeatIndex, seat, 0))
};

// An invited seat takes up its invitation.
struct JoinCaucus {
  static constexpr std::string_view kName = "join_caucus";
  static constexpr Senders kSenders = kPlayers;
  ACCORD_FIELDS((ChannelId, channel, 0))
};

struct LeaveCaucus {
  static constexpr std::string_view kName = "leave_caucus";
  static constexpr Senders kSenders = kPlayers;
  ACCORD_FIELDS((ChannelId, channel, 0))
};

// Hide (or unhide) a message: it stays in the log, visible to the facilitator only.
struct HideMessage {
  static constexpr std::string_view kName = "hide_message";
  static constexpr Senders kSenders = kFacilitator;
  ACCORD_FIELDS((ChannelId, channel, 0), (std::uint32_t, index, 0), (bool, hidden, true))
};

// ------------------------------------------------------------------ drafting (drafting.cpp)

// Table a clause into a draft: a catalogue reference on the table (ref), or free text (text,
// with ref empty) where the room allows it.
struct TableClause {
  static constexpr std::string_view kName = "table_clause";
  static constexpr Senders kSenders = kPlayers;
  ACCORD_FIELDS((DraftIndex, draft, 0), (std::string, ref), (std::string, text))
};

struct WithdrawClause {
  static constexpr std::string_view kName = "withdraw_clause";
  static constexpr Senders kSenders = kPlayers;
  ACCORD_FIELDS((ClauseId, clause, 0))
};

struct Cosponsor {
  static constexpr std::string_view kName = "cosponsor";
  static constexpr Senders kSenders = kPlayers;
  ACCORD_FIELDS((ClauseId, clause, 0))
};

struct WithdrawCosponsorship {
  static constexpr std::string_view kName = "withdraw_cosponsorship";
  static constexpr Senders kSenders = kPlayers;
  ACCORD_FIELDS((ClauseId, clause, 0))
};

// Switch the clause to another variant of its family (ref), or replace a free-text clause's
// text (text). The clause's sponsor accepts or rejects it.
struct ProposeAmendment {
  static constexpr std::string_view kName = "propose_amendment";
  static constexpr Senders kSenders = kPlayers;
  ACCORD_FIELDS((ClauseId, clause, 0), (std::string, ref), (std::string, text))
};

struct AnswerAmendment {
  static constexpr std::string_view kName = "answer_amendment";
  static constexpr Senders kSenders = kPlayers;
  ACCORD_FIELDS((ClauseId, clause, 0), (std::uint32_t, amendment, 0), (bool, accept, true))
};

struct WithdrawAmendment {
  static constexpr std::string_view kName = "withdraw_amendment";
  static constexpr Senders kSenders = kPlayers;
  ACCORD_FIELDS((ClauseId, clause, 0), (std::uint32_t, amendment, 0))
};

// Hide (or unhide) a clause: it leaves play (no vote opens on it) but stays in the log.
struct HideClause {
  static constexpr std::string_view kName = "hide_clause";
  static constexpr Senders kSenders = kFacilitator;
  ACCORD_FIELDS((ClauseId, clause, 0), (bool, hidden, true))
};

// Override a free-text clause's criterion points (the analyzer's tags): seven values from -3
// to +3 in the order MI TR AV RF RS CC SP, or empty to clear the override (tag_override.cpp).
struct OverrideClauseTags {
  static constexpr std::string_view kName = "override_clause_tags";
  static constexpr Senders kSenders = kFacilitator;
  ACCORD_FIELDS((ClauseId, clause, 0), (std::vector<std::int32_t>, points))
};

// ------------------------------------------------------------------ deals (deals.cpp)

// "I will do `give` if you do `get`": one or two terms each side, offered to another seat.
struct OfferDeal {
  static constexpr std::string_view kName = "offer_deal";
  static constexpr Senders kSenders = kPlayers;
  ACCORD_FIELDS((SeatIndex, to, 0), (std::vector<DealTerm>, give), (std::vector<DealTerm>, get))
};

struct AnswerDeal {
  static constexpr std::string_view kName = "answer_deal";
  static constexpr Senders kSenders = kPlayers;
  ACCORD_FIELDS((DealId, deal, 0), (bool, accept, true))
};

// Either side may withdraw before the vote a term depends on has closed.
struct WithdrawDeal {
  static constexpr std::string_view kName = "withdraw_deal";
  static constexpr Senders kSenders = kPlayers;
  ACCORD_FIELDS((DealId, deal, 0))
};

// ------------------------------------------------------------------ voting (voting.cpp)

// The head of delegation (or the seat's bot) casts or changes the seat's ballot.
struct CastBallot {
  static constexpr std::string_view kName = "cast_ballot";
  static constexpr Senders kSenders = kPlayers;
  // clang-format off
  ACCORD_FIELDS(
      (VoteOn, on, VoteOn::clause),
      (std::uint32_t, target, 0),  // ClauseId or DraftIndex
      (Ballot, ballot, Ballot::yes))
  // clang-format on
};

// In the final vote: adopt the draft by consensus unless a seat objects within the window.
struct ProposeAdoptionWithoutVote {
  static constexpr std::string_view kName = "propose_adoption_without_vote";
  static constexpr Senders kSenders = kFacilitator;
  ACCORD_FIELDS((DraftIndex, draft, 0))
};

struct ObjectToAdoption {
  static constexpr std::string_view kName = "object_to_adoption";
  static constexpr Senders kSenders = kPlayers;
  ACCORD_FIELDS((DraftIndex, draft, 0))
};

// ------------------------------------------------------------------ moderation (moderation.cpp)

// In a room without a facilitator, a seat proposes to hide a message or clause or to mute a
// participant; it carries when a majority of occupied seats support it.
struct ProposeModeration {
  static constexpr std::string_view kName = "propose_moderation";
  static constexpr Senders kSenders = kPlayers;
  // clang-format off
  ACCORD_FIELDS(
      (ModerationAction, action, ModerationAction::hide_message),
      (std::uint32_t, target, 0),  // channel, ClauseId or ParticipantId
      (std::uint32_t, index, 0))  // message index, for hide_message
  // clang-format on
};

struct SupportModeration {
  static constexpr std::string_view kName = "support_moderation";
  static constexpr Senders kSenders = kPlayers;
  ACCORD_FIELDS((PollId, poll, 0))
};

using CommandTypes =
    TypeList<JoinMatch, LeaveMatch, TakeSeat, LeaveSeat, SetReady, WriteNote, StartMatch,
             HandHeadRole, AssignSeat, FreeSeat, SetBot, MuteParticipant, RemoveParticipant,
             ChangeRules, PauseClock, ResumeClock, ExtendPhase, AdvancePhase, PostMessage, Announce,
             OpenBilateral, CreateCaucus, InviteToCaucus, JoinCaucus, LeaveCaucus, HideMessage,
             TableClause, WithdrawClause, Cosponsor, WithdrawCosponsorship, ProposeAmendment,
             AnswerAmendment, WithdrawAmendment, HideClause, OfferDeal, AnswerDeal, WithdrawDeal,
             CastBallot, ProposeAdoptionWithoutVote, ObjectToAdoption, ProposeModeration,
             SupportModeration, OverrideClauseTags, FireInject>;
using Command = VariantOf<CommandTypes>::type;

}  // namespace accord
