// The match: everything the rules know. Plain data with a field list (`describe`) that the
// codec, the hash and the tests walk, so a field added here is encoded, hashed and checked.
// Secrets are marked; visibility.cpp hides each of them from the viewers who may not see it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/rng.hpp"
#include "core/types.hpp"

namespace accord {

// ------------------------------------------------------------------ enums of the conference

ACCORD_ENUM(DecisionRule, std::uint8_t, simple_majority, two_thirds, consensus)

ACCORD_ENUM(BallotKind, std::uint8_t, roll_call, secret)

ACCORD_ENUM(Ballot, std::uint8_t, yes, no, abstain)

ACCORD_ENUM(VoteState, std::uint8_t, not_open, open, closed)

ACCORD_ENUM(VoteOutcome, std::uint8_t, pending, adopted, rejected, no_quorum)

ACCORD_ENUM(ClauseStatus, std::uint8_t, tabled, withdrawn, adopted, rejected)

ACCORD_ENUM(AmendmentStatus, std::uint8_t, pending, accepted, rejected, withdrawn, lapsed)

// not_put: the draft had no adopted clause, so it never went to a final vote.
ACCORD_ENUM(DraftStatus, std::uint8_t, open, adopted, failed, not_put)

// starting_text: a draft's unamended starting clauses voted as one package (target: the draft);
// statement: an inject's emergency statement (target: its index in Match::statements).
ACCORD_ENUM(VoteOn, std::uint8_t, clause, draft, starting_text, statement)

ACCORD_ENUM(ChannelKind, std::uint8_t, plenary, delegation, bilateral, caucus)

// What one side of a deal promises: co-sponsor a clause, vote yes on a clause, or vote yes on
// a draft in the final vote. `target` is a ClauseId or a DraftIndex accordingly.
ACCORD_ENUM(DealAction, std::uint8_t, cosponsor_clause, vote_yes_clause, vote_yes_draft)

ACCORD_ENUM(DealStatus, std::uint8_t, offered, accepted, declined, withdrawn)

// In rooms without a facilitator, seats decide these by a majority of occupied seats.
ACCORD_ENUM(ModerationAction, std::uint8_t, hide_message, hide_clause, mute_participant)

ACCORD_ENUM(PollStatus, std::uint8_t, open, carried, lapsed)

// ------------------------------------------------------------------ settings

// A secret objective: shown to its seat (and the facilitator) until the debrief. `condition` is
// written in the scoring's condition language and evaluated over the finished match.
struct ObjectiveSetup {
  ACCORD_FIELDS((std::string, text), (std::string, condition))
  friend bool operator==(const ObjectiveSetup&, const ObjectiveSetup&) = default;
};

// A red line: a clause reference that makes the state vote no, and the variant that would
// lift it (empty if none does), e.g. {"38", "38q"}.
struct RedLine {
  ACCORD_FIELDS((std::string, ref), (std::string, lifted_by))
  friend bool operator==(const RedLine&, const RedLine&) = default;
};

// Who sits in a seat. The state's name, bloc and public position are public; the brief, its
// priorities, red lines, stance and objectives are secret until the debrief.
struct SeatSetup {
  // clang-format off
  ACCORD_FIELDS(
      (std::string, state),  // the state profile's id in assets/states, e.g. "brazil"
      (std::string, name),  // e.g. "Brazil"
      (std::string, bloc),  // for legitimacy's bloc coverage
      (std::string, position),  // public position for the scenario's era
      (std::string, brief),
      (std::vector<std::string>, priorities),  // clause refs the state works for
      (std::vector<RedLine>, red_lines),
      (std::vector<std::int32_t>, stance),  // the seven stance axes (SOV MSH LAW CON UNC CRM CAP), x100
      (std::vector<ObjectiveSetup>, objectives))
  // clang-format on
  friend bool operator==(const SeatSetup&, const SeatSetup&) = default;
};

// A clause reference on this conference's table and the family it belongs to ("38q" → "38").
struct ClauseOption {
  ACCORD_FIELDS((std::string, ref), (std::string, family))
  friend bool operator==(const ClauseOption&, const ClauseOption&) = default;
};

// A draft as the scenario opens it: its sponsors and any starting text (refs tabled by the
// first sponsor when the match is created).
struct DraftSetup {
  // clang-format off
  ACCORD_FIELDS(
      (std::string, title),
      (std::vector<SeatIndex>, sponsors),
      (std::vector<std::string>, starting_refs))
  // clang-format on
  friend bool operator==(const DraftSetup&, const DraftSetup&) = default;
};

// Injects (crisis events) a facilitator may fire during the match, resolved from
// assets/injects/ when the match is created. The whole library is secret from everyone but the
// facilitator (visibility.cpp): the class learns of an inject when it fires.

// A shift of one seat's priorities for the rest of the match, told only to that seat.
struct PriorityShift {
  // clang-format off
  ACCORD_FIELDS(
      (SeatIndex, seat, 0),
      (std::vector<std::string>, add),  // clause refs the state now works for
      (std::vector<std::string>, remove),  // refs it no longer works for
      (std::string, note))  // why, in the seat's own words
  // clang-format on
  friend bool operator==(const PriorityShift&, const PriorityShift&) = default;
};

struct InjectSetup {
  // clang-format off
  ACCORD_FIELDS(
      (std::string, id),  // the file name in assets/injects, e.g. "hospital_ransomware"
      (std::string, title),
      (std::string, news),  // the public news text, read out to the conference
      (std::vector<std::string>, urgent_refs),  // clauses that become urgent (public)
      (std::vector<ClauseOption>, new_refs),  // clauses put on the table (if not already there)
      (std::vector<PriorityShift>, shifts),
      (std::string, statement),  // a short statement put to an emergency vote; empty: none
      (std::string, statement_ref),  // the clause whose support the statement follows (bots)
      (TimeMs, statement_vote_ms, 0),  // how long the emergency vote stays open
      (TimeMs, extra_drafting_ms, 0))  // added to the drafting phase (this one or the next)
  // clang-format on
  friend bool operator==(const InjectSetup&, const InjectSetup&) = default;
};

// A scenario's plan to fire an inject by itself: `after_ms` into that round's phase.
struct ScheduledInject {
  // clang-format off
  ACCORD_FIELDS(
      (std::string, inject),
      (std::uint32_t, round, 1),
      (Phase, phase, Phase::drafting),
      (TimeMs, after_ms, 0))
  // clang-format on
  friend bool operator==(const ScheduledInject&, const ScheduledInject&) = default;
};

// The room's rules: the facilitator may change them in the lobby (ChangeRules).
struct RoomRules {
  // clang-format off
  ACCORD_FIELDS(
      (std::uint32_t, rounds, 2),  // drafting → clause voting, this many times, then the final vote
      (TimeMs, briefing_ms, 5 * 60 * 1000),
      (TimeMs, drafting_ms, 12 * 60 * 1000),
      (TimeMs, clause_voting_ms, 4 * 60 * 1000),
      (TimeMs, final_vote_ms, 4 * 60 * 1000),
      (TimeMs, adoption_window_ms, 60 * 1000),  // to object to adoption without a vote
      (DecisionRule, decision_rule, DecisionRule::simple_majority),
      (BallotKind, ballot, BallotKind::roll_call),
      (std::uint32_t, quorum_permille, 0),  // share of occupied seats that must cast a ballot; 0: none
      (bool, allow_free_text, true),
      (bool, reveal_private_channels, false),  // at the debrief; players are told in the briefing
      (bool, allow_spectators, true),
      (std::uint32_t, max_delegation_size, 3),
      (std::uint32_t, max_participants, 120),
      (std::uint32_t, max_name_bytes, 48),
      (std::uint32_t, max_chat_bytes, 600),
      (std::uint32_t, max_note_bytes, 2000),
      (std::uint32_t, max_clause_bytes, 600),
      (std::uint32_t, max_clauses_per_seat_per_round, 3),
      (std::uint32_t, max_pending_amendments_per_clause, 3),
      (std::uint32_t, max_caucus_members, 12),
      // Planned lengths of the lobby and the class discussion: countdowns only, neither phase
      // ends by itself (docs/rules.md). 0: no countdown, as in rooms made before version 2.
      (TimeMs, lobby_ms, 0, 2),
      (TimeMs, debrief_ms, 0, 2),
      // Round 1's clause vote takes each draft's unamended starting clauses as one package.
      (bool, starting_text_as_package, false, 2))
  // clang-format on

  friend bool operator==(const RoomRules&, const RoomRules&) = default;
};

struct MatchSettings {
  // clang-format off
  ACCORD_FIELDS(
      (std::vector<SeatSetup>, seats),
      (std::vector<ClauseOption>, clause_table),
      (std::vector<DraftSetup>, drafts),  // at least one
      (bool, has_facilitator, true),  // quick-match rooms have none: seats moderate by poll
      (RoomRules, rules),
      (std::vector<InjectSetup>, injects, std::vector<InjectSetup>(), 3),  // secret
      (std::vector<ScheduledInject>, inject_schedule, std::vector<ScheduledInject>(), 3))  // secret
  // clang-format on

  friend bool operator==(const MatchSettings&, const MatchSettings&) = default;
};

// ------------------------------------------------------------------ state

struct Participant {
  // clang-format off
  ACCORD_FIELDS(
      (std::string, name),
      (Role, role, Role::player),
      (std::optional<SeatIndex>, seat),
      (bool, ready, false),  // lobby only; in drafting the seat is ready (Seat::ready)
      (bool, left, false),  // ids stay dense and history keeps its references, so leaving only marks
      (bool, removed, false),  // removed by the facilitator (the server revokes the reconnect right)
      (bool, muted, false))
  // clang-format on

  friend bool operator==(const Participant&, const Participant&) = default;
};

struct Seat {
  // clang-format off
  ACCORD_FIELDS(
      (std::string, private_note),  // secret: the seat's own delegation and the facilitator
      (std::optional<ParticipantId>, head),  // casts the seat's votes; set while a delegation holds it
      (bool, bot, false),  // a bot plays the seat while no delegation holds it
      (bool, ready, false))  // drafting: this seat is done for the phase
  // clang-format on

  friend bool operator==(const Seat&, const Seat&) = default;
};

struct ChatMessage {
  // clang-format off
  ACCORD_FIELDS(
      (ParticipantId, author, 0),  // meaningless when from the facilitator or a bot
      (std::optional<SeatIndex>, seat),  // the seat the author spoke for, if any
      (bool, from_facilitator, false),  // facilitator announcements stand out
      (bool, from_bot, false),
      (std::string, text),  // blanked in the views of all but the facilitator once hidden
      (TimeMs, at, 0),
      (bool, hidden, false))
  // clang-format on

  friend bool operator==(const ChatMessage&, const ChatMessage&) = default;
};

// Channel 0 is the plenary; channel 1 + s is seat s's delegation channel; bilateral and caucus
// channels are appended as they are opened. Non-plenary channels are secret from non-members
// (the facilitator, who moderates, sees them) until the debrief, if the room reveals them.
struct Channel {
  // clang-format off
  ACCORD_FIELDS(
      (ChannelKind, kind, ChannelKind::plenary),
      (std::string, name),  // caucus name; empty otherwise
      (std::vector<SeatIndex>, members),  // sorted; empty for the plenary
      (std::vector<SeatIndex>, invited),  // caucus invitations not yet taken up
      (std::vector<ChatMessage>, messages))
  // clang-format on

  friend bool operator==(const Channel&, const Channel&) = default;
};

// A ballot box for one clause or one draft. Individual ballots are secret while the vote is
// open (each seat sees its own); at close a roll-call shows them, a secret ballot never does.
struct VoteRecord {
  // clang-format off
  ACCORD_FIELDS(
      (VoteState, state, VoteState::not_open),
      (std::vector<std::optional<Ballot>>, ballots),  // per seat, filled when the vote opens
      (std::uint32_t, cast_count, 0),  // "n of m have voted"
      (std::uint32_t, eligible, 0),  // m: occupied seats when the vote opened
      (std::uint32_t, yes, 0),
      (std::uint32_t, no, 0),
      (std::uint32_t, abstain, 0),
      (std::uint32_t, not_voting, 0),  // at close
      (VoteOutcome, outcome, VoteOutcome::pending),
      (bool, without_vote, false))  // adopted by consensus with no objection
  // clang-format on

  friend bool operator==(const VoteRecord&, const VoteRecord&) = default;
};

struct Amendment {
  // clang-format off
  ACCORD_FIELDS(
      (SeatIndex, proposer, 0),
      (ParticipantId, proposed_by, 0),
      (std::string, ref),  // the variant to switch to, or empty for a free-text replacement
      (std::string, text),  // the replacement text, for a free-text clause
      (AmendmentStatus, status, AmendmentStatus::pending),
      (TimeMs, at, 0))
  // clang-format on

  friend bool operator==(const Amendment&, const Amendment&) = default;
};

struct Clause {
  // clang-format off
  ACCORD_FIELDS(
      (DraftIndex, draft, 0),
      (std::string, ref),  // catalogue reference, empty for a free-text clause
      (std::string, family),  // the archetype family; "free:<id>" for free text
      (std::string, text),  // free text; blanked for non-facilitators while hidden
      (SeatIndex, sponsor, 0),
      (ParticipantId, tabled_by, 0),
      (bool, tabled_by_bot, false),
      (std::uint32_t, round, 0),  // the drafting round it was tabled in (0: the starting text)
      (std::uint32_t, version, 0),  // accepted amendments so far
      (std::vector<SeatIndex>, cosponsors),  // current support for the current text
      (std::vector<SeatIndex>, lapsed_cosponsors),  // supported an earlier text, not (yet) renewed
      (std::vector<SeatIndex>, renewed),  // supported an earlier text and renewed
      (std::vector<Amendment>, amendments),
      (ClauseStatus, status, ClauseStatus::tabled),
      (bool, hidden, false),
      (VoteRecord, vote),
      // The facilitator's tag override of a free-text clause: seven points (-3..+3) in the order
      // MI TR AV RF RS CC SP that replace the analyzer's; empty when not overridden. Public.
      (std::vector<std::int32_t>, facilitator_points))
  // clang-format on

  friend bool operator==(const Clause&, const Clause&) = default;
};

struct Draft {
  // clang-format off
  ACCORD_FIELDS(
      (std::string, title),
      (std::vector<SeatIndex>, sponsors),
      (DraftStatus, status, DraftStatus::open),
      (VoteRecord, final_vote),
      (std::optional<TimeMs>, objection_deadline),  // adoption without a vote proposed, until then
      // The starting clauses voted as one package in round 1, and that vote; each member clause
      // receives the package's record when it closes.
      (std::vector<ClauseId>, starting_package, std::vector<ClauseId>(), 2),
      (VoteRecord, package_vote, VoteRecord(), 2))
  // clang-format on

  friend bool operator==(const Draft&, const Draft&) = default;
};

struct DealTerm {
  // clang-format off
  ACCORD_FIELDS(
      (DealAction, action, DealAction::cosponsor_clause),
      (std::uint32_t, target, 0))  // ClauseId, or DraftIndex for vote_yes_draft
  // clang-format on

  friend bool operator==(const DealTerm&, const DealTerm&) = default;
};

// "I (from) will do from_terms if you (to) do to_terms." Secret to the two seats (and the
// facilitator) until the debrief, where accepted deals are shown with who honoured them.
struct Deal {
  // clang-format off
  ACCORD_FIELDS(
      (SeatIndex, from, 0),
      (SeatIndex, to, 0),
      (std::vector<DealTerm>, from_terms),
      (std::vector<DealTerm>, to_terms),
      (DealStatus, status, DealStatus::offered),
      (std::optional<SeatIndex>, withdrawn_by),
      (TimeMs, at, 0))
  // clang-format on

  friend bool operator==(const Deal&, const Deal&) = default;
};

// A moderation poll in a room without a facilitator. target: for hide_message, the channel
// and message index; for hide_clause, the ClauseId (index unused); for mute, the participant.
struct ModerationPoll {
  // clang-format off
  ACCORD_FIELDS(
      (ModerationAction, action, ModerationAction::hide_message),
      (std::uint32_t, target, 0),
      (std::uint32_t, index, 0),
      (SeatIndex, proposer, 0),
      (std::vector<SeatIndex>, in_favour),  // sorted
      (PollStatus, status, PollStatus::open))
  // clang-format on

  friend bool operator==(const ModerationPoll&, const ModerationPoll&) = default;
};

// An inject that has fired: what the whole conference was told, and when.
struct FiredInject {
  // clang-format off
  ACCORD_FIELDS(
      (std::string, id),
      (std::string, title),
      (std::string, news),
      (TimeMs, at, 0),
      (Phase, phase, Phase::lobby),
      (std::uint32_t, round, 0),
      (bool, scheduled, false))  // fired by the scenario's schedule, not the facilitator
  // clang-format on
  friend bool operator==(const FiredInject&, const FiredInject&) = default;
};

// An inject's short statement, put to an emergency vote in whatever phase the match is in. It
// closes when every occupied seat has voted, at `closes_at`, or when the debrief begins.
struct Statement {
  // clang-format off
  ACCORD_FIELDS(
      (std::string, text),
      (std::string, ref),  // the clause its support follows
      (std::string, inject),
      (TimeMs, closes_at, 0),
      (VoteRecord, vote))
  // clang-format on
  friend bool operator==(const Statement&, const Statement&) = default;
};

struct Match {
  // clang-format off
  ACCORD_FIELDS(
      (MatchSettings, settings),
      (Phase, phase, Phase::lobby),
      (std::uint32_t, round, 0),  // the current drafting/clause-voting round, from 1
      (TimeMs, phase_started_at, 0),
      (std::optional<TimeMs>, deadline),  // when the current phase ends by itself, if it does
      (std::optional<TimeMs>, paused_at),  // set while the facilitator has paused the clock
      (std::optional<TimeMs>, paused_remaining),  // set while paused: time left on the phase's timer
      (bool, secrets_revealed, false),  // the debrief reveal has happened
      (Pcg32, rng),  // secret from every viewer but the server
      (std::vector<Participant>, participants),  // indexed by ParticipantId
      (std::vector<Seat>, seats),  // indexed by SeatIndex
      (std::vector<Channel>, channels),  // indexed by ChannelId
      (std::vector<Draft>, drafts),  // indexed by DraftIndex
      (std::vector<Clause>, clauses),  // indexed by ClauseId
      (std::vector<Deal>, deals),  // indexed by DealId
      (std::vector<ModerationPoll>, polls),  // indexed by PollId
      // When the lobby's countdown to the planned start began (rooms with a lobby_ms only).
      (std::optional<TimeMs>, lobby_opened_at, std::nullopt, 2),
      (std::vector<FiredInject>, injects_fired, std::vector<FiredInject>(), 3),
      (std::vector<std::string>, urgent_refs, std::vector<std::string>(), 3),  // sorted
      (std::vector<Statement>, statements, std::vector<Statement>(), 3),  // indexed by target
      // Extra time an inject gave the next drafting phase (fired outside drafting).
      (TimeMs, drafting_bonus_ms, 0, 3)
      // The upgrade test's build adds a field here (core/schema.hpp).
      ACCORD_SCHEMA_PROBE_FIELD((std::uint32_t, upgrade_probe, 7, 4)))
  // clang-format on

  friend bool operator==(const Match&, const Match&) = default;
};

}  // namespace accord
