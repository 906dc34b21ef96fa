// Every event, declared once. An event is what happened; `apply` folds it into a match and
// cannot fail. kAudience says who may see it: `everyone`, or `filtered`, in which case
// visibility.cpp must give the event a redact() overload (checked at compile time).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/model.hpp"
#include "core/rng.hpp"
#include "core/type_list.hpp"
#include "core/types.hpp"

namespace accord {

enum class Audience { everyone, filtered };

#define ACCORD_EVENT(Type, name, audience)        \
  static constexpr std::string_view kName = name; \
  static constexpr Audience kAudience = Audience::audience

// ------------------------------------------------------------------ lobby and delegations

struct ParticipantJoined {
  ACCORD_EVENT(ParticipantJoined, "participant_joined", everyone);
  // clang-format off
  ACCORD_FIELDS(
      (ParticipantId, participant, 0),
      (std::string, name),
      (Role, role, Role::player)
      // The upgrade test's build adds a field here (core/schema.hpp).
      ACCORD_SCHEMA_PROBE_FIELD((std::string, upgrade_probe_note, "", 4)))
  // clang-format on
};

struct ParticipantLeft {
  ACCORD_EVENT(ParticipantLeft, "participant_left", everyone);
  ACCORD_FIELDS((ParticipantId, participant, 0))
};

// Also used to move a participant from one seat to another. The first member becomes head.
struct SeatTaken {
  ACCORD_EVENT(SeatTaken, "seat_taken", everyone);
  ACCORD_FIELDS((ParticipantId, participant, 0), (SeatIndex, seat, 0))
};

// If the head leaves, the role passes to the member with the lowest id.
struct SeatLeft {
  ACCORD_EVENT(SeatLeft, "seat_left", everyone);
  ACCORD_FIELDS((ParticipantId, participant, 0))
};

struct ReadyChanged {
  ACCORD_EVENT(ReadyChanged, "ready_changed", everyone);
  ACCORD_FIELDS((ParticipantId, participant, 0), (bool, ready, false))
};

// Seen in full by the seat and the facilitator; everyone else learns only that the note
// changed (the text arrives empty).
struct NoteWritten {
  ACCORD_EVENT(NoteWritten, "note_written", filtered);
  ACCORD_FIELDS((SeatIndex, seat, 0), (std::string, text))
};

struct SeatAssignment {
  ACCORD_FIELDS((ParticipantId, participant, 0), (SeatIndex, seat, 0))
};

// The generator's new state travels in the event so replay reproduces it; only the server
// stream carries it (redacted to zero for every viewer, who could otherwise predict draws).
struct MatchStarted {
  ACCORD_EVENT(MatchStarted, "match_started", filtered);
  // clang-format off
  ACCORD_FIELDS(
      (TimeMs, at, 0),
      (TimeMs, deadline, 0),
      (std::vector<SeatAssignment>, assignments),
      (Pcg32, rng_after))
  // clang-format on
};

struct HeadChanged {
  ACCORD_EVENT(HeadChanged, "head_changed", everyone);
  ACCORD_FIELDS((SeatIndex, seat, 0), (std::optional<ParticipantId>, head))
};

struct BotChanged {
  ACCORD_EVENT(BotChanged, "bot_changed", everyone);
  ACCORD_FIELDS((SeatIndex, seat, 0), (bool, on, false))
};

struct ParticipantMuted {
  ACCORD_EVENT(ParticipantMuted, "participant_muted", everyone);
  ACCORD_FIELDS((ParticipantId, participant, 0), (bool, muted, true))
};

struct ParticipantRemoved {
  ACCORD_EVENT(ParticipantRemoved, "participant_removed", everyone);
  ACCORD_FIELDS((ParticipantId, participant, 0))
};

struct RulesChanged {
  ACCORD_EVENT(RulesChanged, "rules_changed", everyone);
  ACCORD_FIELDS((RoomRules, rules))
};

// ------------------------------------------------------------------ clock and phases

// The lobby's countdown to the planned start (RoomRules::lobby_ms) began, when the room first
// saw its clock. The facilitator still starts the match.
struct LobbyCountdownStarted {
  ACCORD_EVENT(LobbyCountdownStarted, "lobby_countdown_started", everyone);
  ACCORD_FIELDS((TimeMs, at, 0))
};

struct SeatReadyChanged {
  ACCORD_EVENT(SeatReadyChanged, "seat_ready_changed", everyone);
  ACCORD_FIELDS((SeatIndex, seat, 0), (bool, ready, false))
};

struct ClockPaused {
  ACCORD_EVENT(ClockPaused, "clock_paused", everyone);
  // clang-format off
  ACCORD_FIELDS(
      (TimeMs, at, 0),
      (std::optional<TimeMs>, remaining))  // on the phase's timer
  // clang-format on
};

// Pending adoption windows move on by the time spent paused.
struct ClockResumed {
  ACCORD_EVENT(ClockResumed, "clock_resumed", everyone);
  ACCORD_FIELDS((TimeMs, at, 0), (std::optional<TimeMs>, deadline), (TimeMs, paused_for, 0))
};

struct PhaseExtended {
  ACCORD_EVENT(PhaseExtended, "phase_extended", everyone);
  ACCORD_FIELDS((TimeMs, by_ms, 0))
};

// Entering drafting resets ready marks; leaving it lapses pending amendments; entering clause
// voting opens a vote on every tabled, unvoted, visible clause; entering the final vote opens
// one on every draft with an adopted clause (the others are not put to a vote).
struct PhaseEnded {
  ACCORD_EVENT(PhaseEnded, "phase_ended", everyone);
  // clang-format off
  ACCORD_FIELDS(
      (Phase, ended, Phase::lobby),
      (Phase, next, Phase::lobby),
      (std::uint32_t, round, 0),
      (TimeMs, at, 0),
      (std::optional<TimeMs>, deadline))
  // clang-format on
};

// ------------------------------------------------------------------ chat

struct MessagePosted {
  ACCORD_EVENT(MessagePosted, "message_posted", filtered);
  ACCORD_FIELDS((ChannelId, channel, kPlenary), (ChatMessage, message))
};

// A new bilateral or caucus channel (id = the number of channels before it).
struct ChannelOpened {
  ACCORD_EVENT(ChannelOpened, "channel_opened", filtered);
  // clang-format off
  ACCORD_FIELDS(
      (ChannelKind, kind, ChannelKind::bilateral),
      (std::string, name),
      (std::vector<SeatIndex>, members),
      (std::vector<SeatIndex>, invited))
  // clang-format on
};

// Carries the caucus's name, members and invitations (after this one), which the invited
// seat could not see before.
struct CaucusInvited {
  ACCORD_EVENT(CaucusInvited, "caucus_invited", filtered);
  // clang-format off
  ACCORD_FIELDS(
      (ChannelId, channel, 0),
      (SeatIndex, seat, 0),
      (std::string, name),
      (std::vector<SeatIndex>, members),
      (std::vector<SeatIndex>, invited))
  // clang-format on
};

// Carries the history, which the joining seat could not see before.
struct CaucusJoined {
  ACCORD_EVENT(CaucusJoined, "caucus_joined", filtered);
  ACCORD_FIELDS((ChannelId, channel, 0), (SeatIndex, seat, 0), (std::vector<ChatMessage>, history))
};

// `forget` is set only in the leaving seat's own copy: its view drops the channel's contents.
struct CaucusLeft {
  ACCORD_EVENT(CaucusLeft, "caucus_left", filtered);
  ACCORD_FIELDS((ChannelId, channel, 0), (SeatIndex, seat, 0), (bool, forget, false))
};

// `text` is the message's text: the original for the server and the facilitator and on unhide,
// empty in everyone else's copy when hiding.
struct MessageHidden {
  ACCORD_EVENT(MessageHidden, "message_hidden", filtered);
  // clang-format off
  ACCORD_FIELDS(
      (ChannelId, channel, 0),
      (std::uint32_t, index, 0),
      (bool, hidden, true),
      (std::string, text))
  // clang-format on
};

// ------------------------------------------------------------------ drafting

struct ClauseTabled {
  ACCORD_EVENT(ClauseTabled, "clause_tabled", everyone);
  // clang-format off
  ACCORD_FIELDS(
      (DraftIndex, draft, 0),
      (std::string, ref),
      (std::string, family),
      (std::string, text),
      (SeatIndex, sponsor, 0),
      (ParticipantId, tabled_by, 0),
      (bool, by_bot, false),
      (std::uint32_t, round, 0))
  // clang-format on
};

struct ClauseWithdrawn {
  ACCORD_EVENT(ClauseWithdrawn, "clause_withdrawn", everyone);
  ACCORD_FIELDS((ClauseId, clause, 0))
};

// Adds the seat to the clause's co-sponsors; if it had lapsed, it is recorded as renewed.
struct CosponsorAdded {
  ACCORD_EVENT(CosponsorAdded, "cosponsor_added", everyone);
  ACCORD_FIELDS((ClauseId, clause, 0), (SeatIndex, seat, 0))
};

struct CosponsorWithdrawn {
  ACCORD_EVENT(CosponsorWithdrawn, "cosponsor_withdrawn", everyone);
  ACCORD_FIELDS((ClauseId, clause, 0), (SeatIndex, seat, 0))
};

struct AmendmentProposed {
  ACCORD_EVENT(AmendmentProposed, "amendment_proposed", everyone);
  ACCORD_FIELDS((ClauseId, clause, 0), (Amendment, amendment))
};

// On acceptance the clause takes the new ref/text, its version rises, and every co-sponsorship
// lapses (a changed text needs fresh support).
struct AmendmentAnswered {
  ACCORD_EVENT(AmendmentAnswered, "amendment_answered", everyone);
  ACCORD_FIELDS((ClauseId, clause, 0), (std::uint32_t, amendment, 0), (bool, accepted, false))
};

struct AmendmentWithdrawn {
  ACCORD_EVENT(AmendmentWithdrawn, "amendment_withdrawn", everyone);
  ACCORD_FIELDS((ClauseId, clause, 0), (std::uint32_t, amendment, 0))
};

// As MessageHidden: `text` is the clause's text, empty in non-facilitator copies when hiding.
struct ClauseHidden {
  ACCORD_EVENT(ClauseHidden, "clause_hidden", filtered);
  ACCORD_FIELDS((ClauseId, clause, 0), (bool, hidden, true), (std::string, text))
};

// The facilitator replaced (or, with empty points, cleared) a free-text clause's points.
struct ClauseTagsOverridden {
  ACCORD_EVENT(ClauseTagsOverridden, "clause_tags_overridden", everyone);
  ACCORD_FIELDS((ClauseId, clause, 0), (std::vector<std::int32_t>, points))
};

// ------------------------------------------------------------------ deals

// Non-parties receive an empty placeholder deal, so deal ids stay aligned in every view.
struct DealOffered {
  ACCORD_EVENT(DealOffered, "deal_offered", filtered);
  ACCORD_FIELDS((Deal, deal))
};

struct DealAnswered {
  ACCORD_EVENT(DealAnswered, "deal_answered", filtered);
  ACCORD_FIELDS((DealId, deal, 0), (bool, accepted, false))
};

struct DealWithdrawn {
  ACCORD_EVENT(DealWithdrawn, "deal_withdrawn", filtered);
  ACCORD_FIELDS((DealId, deal, 0), (SeatIndex, by, 0))
};

// ------------------------------------------------------------------ voting

// Other seats' copies carry neither the seat nor the ballot: only the new count of seats that
// have voted ("n of m"), since live tallies would reveal votes by their timing.
struct BallotCast {
  ACCORD_EVENT(BallotCast, "ballot_cast", filtered);
  // clang-format off
  ACCORD_FIELDS(
      (VoteOn, on, VoteOn::clause),
      (std::uint32_t, target, 0),
      (std::optional<SeatIndex>, seat),
      (std::optional<Ballot>, ballot),
      (std::uint32_t, cast_count, 0))
  // clang-format on
};

// The result of one vote. `ballots` (per seat) is filled for a roll-call only.
struct VoteResult {
  // clang-format off
  ACCORD_FIELDS(
      (VoteOn, on, VoteOn::clause),
      (std::uint32_t, target, 0),
      (std::uint32_t, yes, 0),
      (std::uint32_t, no, 0),
      (std::uint32_t, abstain, 0),
      (std::uint32_t, not_voting, 0),
      (VoteOutcome, outcome, VoteOutcome::pending),
      (std::vector<std::optional<Ballot>>, ballots))
  // clang-format on
};

struct VotesClosed {
  ACCORD_EVENT(VotesClosed, "votes_closed", everyone);
  ACCORD_FIELDS((std::vector<VoteResult>, results))
};

// Round 1's clause vote opened: these starting clauses of the draft, unamended, are voted on
// as one package (VoteOn::starting_text) instead of one by one.
struct StartingTextPackaged {
  ACCORD_EVENT(StartingTextPackaged, "starting_text_packaged", everyone);
  ACCORD_FIELDS((DraftIndex, draft, 0), (std::vector<ClauseId>, clauses))
};

struct AdoptionProposed {
  ACCORD_EVENT(AdoptionProposed, "adoption_proposed", everyone);
  ACCORD_FIELDS((DraftIndex, draft, 0), (TimeMs, deadline, 0))
};

// An objection ends the window; the recorded vote goes on.
struct AdoptionObjected {
  ACCORD_EVENT(AdoptionObjected, "adoption_objected", everyone);
  ACCORD_FIELDS((DraftIndex, draft, 0), (SeatIndex, seat, 0))
};

// No seat objected in time: adopted, every occupied seat counted in favour.
struct AdoptedWithoutVote {
  ACCORD_EVENT(AdoptedWithoutVote, "adopted_without_vote", everyone);
  ACCORD_FIELDS((DraftIndex, draft, 0), (std::uint32_t, in_favour, 0))
};

// ------------------------------------------------------------------ moderation polls

struct PollOpened {
  ACCORD_EVENT(PollOpened, "poll_opened", everyone);
  ACCORD_FIELDS((ModerationPoll, poll))
};

struct PollSupported {
  ACCORD_EVENT(PollSupported, "poll_supported", everyone);
  ACCORD_FIELDS((PollId, poll, 0), (SeatIndex, seat, 0))
};

// The poll's effect follows as its own event (MessageHidden, ClauseHidden, ParticipantMuted).
struct PollCarried {
  ACCORD_EVENT(PollCarried, "poll_carried", everyone);
  ACCORD_FIELDS((PollId, poll, 0))
};

// ------------------------------------------------------------------ injects (injects.cpp)

// A crisis inject fired: its news for everyone, its effects applied by the rules. Each seat's
// copy carries only its own priority shift; the facilitator's and the server's carry all.
struct InjectFired {
  ACCORD_EVENT(InjectFired, "inject_fired", filtered);
  // clang-format off
  ACCORD_FIELDS(
      (std::string, inject),
      (std::string, title),
      (std::string, news),
      (TimeMs, at, 0),
      (bool, scheduled, false),
      (std::vector<std::string>, urgent_refs),
      (std::vector<ClauseOption>, new_refs),
      (std::vector<PriorityShift>, shifts),
      (std::string, statement),  // empty: no emergency vote
      (std::string, statement_ref),
      (TimeMs, statement_closes_at, 0),
      (TimeMs, extra_drafting_ms, 0))
  // clang-format on
};

// ------------------------------------------------------------------ debrief

struct ChannelReveal {
  // clang-format off
  ACCORD_FIELDS(
      (ChannelId, channel, 0),
      (Channel, contents))  // hidden messages arrive with empty text
  // clang-format on
};

struct DealReveal {
  ACCORD_FIELDS((DealId, deal, 0), (Deal, contents))
};

// Entering the debrief: every seat's brief and objectives, the accepted deals, and — where the
// room said so in advance — the private channels, become public. Secret ballots never do.
// Applying it keeps what a view already holds (the server's and members' full copies).
struct SecretsRevealed {
  ACCORD_EVENT(SecretsRevealed, "secrets_revealed", everyone);
  // clang-format off
  ACCORD_FIELDS(
      (std::vector<SeatSetup>, seats),
      (std::vector<ChannelReveal>, channels),
      (std::vector<DealReveal>, deals))
  // clang-format on
};

#undef ACCORD_EVENT

using EventTypes =
    TypeList<ParticipantJoined, ParticipantLeft, SeatTaken, SeatLeft, ReadyChanged, NoteWritten,
             MatchStarted, HeadChanged, BotChanged, ParticipantMuted, ParticipantRemoved,
             RulesChanged, SeatReadyChanged, ClockPaused, ClockResumed, PhaseExtended, PhaseEnded,
             MessagePosted, ChannelOpened, CaucusInvited, CaucusJoined, CaucusLeft, MessageHidden,
             ClauseTabled, ClauseWithdrawn, CosponsorAdded, CosponsorWithdrawn, AmendmentProposed,
             AmendmentAnswered, AmendmentWithdrawn, ClauseHidden, DealOffered, DealAnswered,
             DealWithdrawn, BallotCast, VotesClosed, AdoptionProposed, AdoptionObjected,
             AdoptedWithoutVote, PollOpened, PollSupported, PollCarried, SecretsRevealed,
             ClauseTagsOverridden, LobbyCountdownStarted, StartingTextPackaged, InjectFired>;
using Event = VariantOf<EventTypes>::type;

}  // namespace accord
