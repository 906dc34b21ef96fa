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

#define ACCORD_NO_FIELDS                \
  template <class Self, class V>        \
  static void describe(Self&, V&&) {}

// ------------------------------------------------------------------ lobby (lobby.cpp)

// The server admits a newcomer (it has authenticated the connection).
struct JoinMatch {
  static constexpr std::string_view kName = "join_match";
  static constexpr Senders kSenders{.server = true};
  std::string name;
  Role role = Role::player;
  template <class Self, class V>
  static void describe(Self& self, V&& v) {
    v("name", self.name);
    v("role", self.role);
  }
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
  SeatIndex seat = 0;
  template <class Self, class V>
  static void describe(Self& self, V&& v) {
    v("seat", self.seat);
  }
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
  bool ready = true;
  template <class Self, class V>
  static void describe(Self& self, V&& v) {
    v("ready", self.ready);
  }
};

// Replace the seat's private note (a delegation's own notepad; secret).
struct WriteNote {
  static constexpr std::string_view kName = "write_note";
  static constexpr Senders kSenders{.participant = true};
  std::string text;
  template <class Self, class V>
  static void describe(Self& self, V&& v) {
    v("text", self.text);
  }
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
  ParticipantId to = 0;
  template <class Self, class V>
  static void describe(Self& self, V&& v) {
    v("to", self.to);
  }
};

// Put a participant on a seat (into its delegation), or off any seat (seat empty), in any phase.
struct AssignSeat {
  static constexpr std::string_view kName = "assign_seat";
  static constexpr Senders kSenders = kFacilitator;
  ParticipantId participant = 0;
  std::optional<SeatIndex> seat;
  template <class Self, class V>
  static void describe(Self& self, V&& v) {
    v("participant", self.participant);
    v("seat", self.seat);
  }
};

// Every member of the seat's delegation leaves it.
struct FreeSeat {
  static constexpr std::string_view kName = "free_seat";
  static constexpr Senders kSenders = kFacilitator;
  SeatIndex seat = 0;
  template <class Self, class V>
  static void describe(Self& self, V&& v) {
    v("seat", self.seat);
  }
};

// A bot plays the seat while no delegation holds it (on), or stops (off).
struct SetBot {
  static constexpr std::string_view kName = "set_bot";
  static constexpr Senders kSenders{.server = true, .facilitator = true};
  SeatIndex seat = 0;
  bool on = true;
  template <class Self, class V>
  static void describe(Self& self, V&& v) {
    v("seat", self.seat);
    v("on", self.on);
  }
};

struct MuteParticipant {
  static constexpr std::string_view kName = "mute_participant";
  static constexpr Senders kSenders = kFacilitator;
  ParticipantId participant = 0;
  bool muted = true;
  template <class Self, class V>
  static void describe(Self& self, V&& v) {
    v("participant", self.participant);
    v("muted", self.muted);
  }
};

// Removes a participant for good (the server also revokes the reconnect token).
struct RemoveParticipant {
  static constexpr std::string_view kName = "remove_participant";
  static constexpr Senders kSenders = kFacilitator;
  ParticipantId participant = 0;
  template <class Self, class V>
  static void describe(Self& self, V&& v) {
    v("participant", self.participant);
  }
};

// Change the room's rules (timers, decision rule, limits...) while in the lobby.
struct ChangeRules {
  static constexpr std::string_view kName = "change_rules";
  static constexpr Senders kSenders = kFacilitator;
  RoomRules rules;
  template <class Self, class V>
  static void describe(Self& self, V&& v) {
    v("rules", self.rules);
  }
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
  TimeMs by_ms = 60'000;
  template <class Self, class V>
  static void describe(Self& self, V&& v) {
    v("by_ms", self.by_ms);
  }
};

// End the current phase now (votes close with the ballots cast so far).
struct AdvancePhase {
  static constexpr std::string_view kName = "advance_phase";
  static constexpr Senders kSenders = kFacilitator;
  ACCORD_NO_FIELDS
};

// ------------------------------------------------------------------ chat (chat.cpp)

struct PostMessage {
  static constexpr std::string_view kName = "post_message";
  static constexpr Senders kSenders = kPlayers;
  ChannelId channel = kPlenary;
  std::string text;
  template <class Self, class V>
  static void describe(Self& self, V&& v) {
    v("channel", self.channel);
    v("text", self.text);
  }
};

// A facilitator announcement in the plenary (stands out in every client).
struct Announce {
  static constexpr std::string_view kName = "announce";
  static constexpr Senders kSenders = kFacilitator;
  std::string text;
  template <class Self, class V>
  static void describe(Self& self, V&& v) {
    v("text", self.text);
  }
};

// Open the bilateral channel between the sender's seat and another (refused if it exists).
struct OpenBilateral {
  static constexpr std::string_view kName = "open_bilateral";
  static constexpr Senders kSenders = kPlayers;
  SeatIndex with = 0;
  template <class Self, class V>
  static void describe(Self& self, V&& v) {
    v("with", self.with);
  }
};

struct CreateCaucus {
  static constexpr std::string_view kName = "create_caucus";
  static constexpr Senders kSenders = kPlayers;
  std::string name;
  std::vector<SeatIndex> invite;
  template <class Self, class V>
  static void describe(Self& self, V&& v) {
    v("name", self.name);
    v("invite", self.invite);
  }
};

struct InviteToCaucus {
  static constexpr std::string_view kName = "invite_to_caucus";
  static constexpr Senders kSenders = kPlayers;
  ChannelId channel = 0;
  SeatIndex seat = 0;
  template <class Self, class V>
  static void describe(Self& self, V&& v) {
    v("channel", self.channel);
    v("seat", self.seat);
  }
};

// An invited seat takes up its invitation.
struct JoinCaucus {
  static constexpr std::string_view kName = "join_caucus";
  static constexpr Senders kSenders = kPlayers;
  ChannelId channel = 0;
  template <class Self, class V>
  static void describe(Self& self, V&& v) {
    v("channel", self.channel);
  }
};

struct LeaveCaucus {
  static constexpr std::string_view kName = "leave_caucus";
  static constexpr Senders kSenders = kPlayers;
  ChannelId channel = 0;
  template <class Self, class V>
  static void describe(Self& self, V&& v) {
    v("channel", self.channel);
  }
};

// Hide (or unhide) a message: it stays in the log, visible to the facilitator only.
struct HideMessage {
  static constexpr std::string_view kName = "hide_message";
  static constexpr Senders kSenders = kFacilitator;
  ChannelId channel = 0;
  std::uint32_t index = 0;
  bool hidden = true;
  template <class Self, class V>
  static void describe(Self& self, V&& v) {
    v("channel", self.channel);
    v("index", self.index);
    v("hidden", self.hidden);
  }
};

// ------------------------------------------------------------------ drafting (drafting.cpp)

// Table a clause into a draft: a catalogue reference on the table (ref), or free text (text,
// with ref empty) where the room allows it.
struct TableClause {
  static constexpr std::string_view kName = "table_clause";
  static constexpr Senders kSenders = kPlayers;
  DraftIndex draft = 0;
  std::string ref;
  std::string text;
  template <class Self, class V>
  static void describe(Self& self, V&& v) {
    v("draft", self.draft);
    v("ref", self.ref);
    v("text", self.text);
  }
};

struct WithdrawClause {
  static constexpr std::string_view kName = "withdraw_clause";
  static constexpr Senders kSenders = kPlayers;
  ClauseId clause = 0;
  template <class Self, class V>
  static void describe(Self& self, V&& v) {
    v("clause", self.clause);
  }
};

struct Cosponsor {
  static constexpr std::string_view kName = "cosponsor";
  static constexpr Senders kSenders = kPlayers;
  ClauseId clause = 0;
  template <class Self, class V>
  static void describe(Self& self, V&& v) {
    v("clause", self.clause);
  }
};

struct WithdrawCosponsorship {
  static constexpr std::string_view kName = "withdraw_cosponsorship";
  static constexpr Senders kSenders = kPlayers;
  ClauseId clause = 0;
  template <class Self, class V>
  static void describe(Self& self, V&& v) {
    v("clause", self.clause);
  }
};

// Switch the clause to another variant of its family (ref), or replace a free-text clause's
// text (text). The clause's sponsor accepts or rejects it.
struct ProposeAmendment {
  static constexpr std::string_view kName = "propose_amendment";
  static constexpr Senders kSenders = kPlayers;
  ClauseId clause = 0;
  std::string ref;
  std::string text;
  template <class Self, class V>
  static void describe(Self& self, V&& v) {
    v("clause", self.clause);
    v("ref", self.ref);
    v("text", self.text);
  }
};

struct AnswerAmendment {
  static constexpr std::string_view kName = "answer_amendment";
  static constexpr Senders kSenders = kPlayers;
  ClauseId clause = 0;
  std::uint32_t amendment = 0;
  bool accept = true;
  template <class Self, class V>
  static void describe(Self& self, V&& v) {
    v("clause", self.clause);
    v("amendment", self.amendment);
    v("accept", self.accept);
  }
};

struct WithdrawAmendment {
  static constexpr std::string_view kName = "withdraw_amendment";
  static constexpr Senders kSenders = kPlayers;
  ClauseId clause = 0;
  std::uint32_t amendment = 0;
  template <class Self, class V>
  static void describe(Self& self, V&& v) {
    v("clause", self.clause);
    v("amendment", self.amendment);
  }
};

// Hide (or unhide) a clause: it leaves play (no vote opens on it) but stays in the log.
struct HideClause {
  static constexpr std::string_view kName = "hide_clause";
  static constexpr Senders kSenders = kFacilitator;
  ClauseId clause = 0;
  bool hidden = true;
  template <class Self, class V>
  static void describe(Self& self, V&& v) {
    v("clause", self.clause);
    v("hidden", self.hidden);
  }
};

// Override a free-text clause's criterion points (the analyzer's tags): seven values from -3
// to +3 in the order MI TR AV RF RS CC SP, or empty to clear the override (tag_override.cpp).
struct OverrideClauseTags {
  static constexpr std::string_view kName = "override_clause_tags";
  static constexpr Senders kSenders = kFacilitator;
  ClauseId clause = 0;
  std::vector<std::int32_t> points;
  template <class Self, class V>
  static void describe(Self& self, V&& v) {
    v("clause", self.clause);
    v("points", self.points);
  }
};

// ------------------------------------------------------------------ deals (deals.cpp)

// "I will do `give` if you do `get`": one or two terms each side, offered to another seat.
struct OfferDeal {
  static constexpr std::string_view kName = "offer_deal";
  static constexpr Senders kSenders = kPlayers;
  SeatIndex to = 0;
  std::vector<DealTerm> give;
  std::vector<DealTerm> get;
  template <class Self, class V>
  static void describe(Self& self, V&& v) {
    v("to", self.to);
    v("give", self.give);
    v("get", self.get);
  }
};

struct AnswerDeal {
  static constexpr std::string_view kName = "answer_deal";
  static constexpr Senders kSenders = kPlayers;
  DealId deal = 0;
  bool accept = true;
  template <class Self, class V>
  static void describe(Self& self, V&& v) {
    v("deal", self.deal);
    v("accept", self.accept);
  }
};

// Either side may withdraw before the vote a term depends on has closed.
struct WithdrawDeal {
  static constexpr std::string_view kName = "withdraw_deal";
  static constexpr Senders kSenders = kPlayers;
  DealId deal = 0;
  template <class Self, class V>
  static void describe(Self& self, V&& v) {
    v("deal", self.deal);
  }
};

// ------------------------------------------------------------------ voting (voting.cpp)

// The head of delegation (or the seat's bot) casts or changes the seat's ballot.
struct CastBallot {
  static constexpr std::string_view kName = "cast_ballot";
  static constexpr Senders kSenders = kPlayers;
  VoteOn on = VoteOn::clause;
  std::uint32_t target = 0;  // ClauseId or DraftIndex
  Ballot ballot = Ballot::yes;
  template <class Self, class V>
  static void describe(Self& self, V&& v) {
    v("on", self.on);
    v("target", self.target);
    v("ballot", self.ballot);
  }
};

// In the final vote: adopt the draft by consensus unless a seat objects within the window.
struct ProposeAdoptionWithoutVote {
  static constexpr std::string_view kName = "propose_adoption_without_vote";
  static constexpr Senders kSenders = kFacilitator;
  DraftIndex draft = 0;
  template <class Self, class V>
  static void describe(Self& self, V&& v) {
    v("draft", self.draft);
  }
};

struct ObjectToAdoption {
  static constexpr std::string_view kName = "object_to_adoption";
  static constexpr Senders kSenders = kPlayers;
  DraftIndex draft = 0;
  template <class Self, class V>
  static void describe(Self& self, V&& v) {
    v("draft", self.draft);
  }
};

// ------------------------------------------------------------------ moderation (moderation.cpp)

// In a room without a facilitator, a seat proposes to hide a message or clause or to mute a
// participant; it carries when a majority of occupied seats support it.
struct ProposeModeration {
  static constexpr std::string_view kName = "propose_moderation";
  static constexpr Senders kSenders = kPlayers;
  ModerationAction action = ModerationAction::hide_message;
  std::uint32_t target = 0;  // channel, ClauseId or ParticipantId
  std::uint32_t index = 0;   // message index, for hide_message
  template <class Self, class V>
  static void describe(Self& self, V&& v) {
    v("action", self.action);
    v("target", self.target);
    v("index", self.index);
  }
};

struct SupportModeration {
  static constexpr std::string_view kName = "support_moderation";
  static constexpr Senders kSenders = kPlayers;
  PollId poll = 0;
  template <class Self, class V>
  static void describe(Self& self, V&& v) {
    v("poll", self.poll);
  }
};

#undef ACCORD_NO_FIELDS

using CommandTypes =
    TypeList<JoinMatch, LeaveMatch, TakeSeat, LeaveSeat, SetReady, WriteNote, StartMatch,
             HandHeadRole, AssignSeat, FreeSeat, SetBot, MuteParticipant, RemoveParticipant,
             ChangeRules, PauseClock, ResumeClock, ExtendPhase, AdvancePhase, PostMessage,
             Announce, OpenBilateral, CreateCaucus, InviteToCaucus, JoinCaucus, LeaveCaucus,
             HideMessage, TableClause, WithdrawClause, Cosponsor, WithdrawCosponsorship,
             ProposeAmendment, AnswerAmendment, WithdrawAmendment, HideClause, OfferDeal,
             AnswerDeal, WithdrawDeal, CastBallot, ProposeAdoptionWithoutVote, ObjectToAdoption,
             ProposeModeration, SupportModeration, OverrideClauseTags>;
using Command = VariantOf<CommandTypes>::type;

}  // namespace accord
