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

enum class DecisionRule : std::uint8_t { simple_majority, two_thirds, consensus };
template <>
struct EnumNames<DecisionRule> {
  static constexpr std::array value{std::string_view{"simple_majority"},
                                    std::string_view{"two_thirds"},
                                    std::string_view{"consensus"}};
};

enum class BallotKind : std::uint8_t { roll_call, secret };
template <>
struct EnumNames<BallotKind> {
  static constexpr std::array value{std::string_view{"roll_call"}, std::string_view{"secret"}};
};

enum class Ballot : std::uint8_t { yes, no, abstain };
template <>
struct EnumNames<Ballot> {
  static constexpr std::array value{std::string_view{"yes"}, std::string_view{"no"},
                                    std::string_view{"abstain"}};
};

enum class VoteState : std::uint8_t { not_open, open, closed };
template <>
struct EnumNames<VoteState> {
  static constexpr std::array value{std::string_view{"not_open"}, std::string_view{"open"},
                                    std::string_view{"closed"}};
};

enum class VoteOutcome : std::uint8_t { pending, adopted, rejected, no_quorum };
template <>
struct EnumNames<VoteOutcome> {
  static constexpr std::array value{std::string_view{"pending"}, std::string_view{"adopted"},
                                    std::string_view{"rejected"}, std::string_view{"no_quorum"}};
};

enum class ClauseStatus : std::uint8_t { tabled, withdrawn, adopted, rejected };
template <>
struct EnumNames<ClauseStatus> {
  static constexpr std::array value{std::string_view{"tabled"}, std::string_view{"withdrawn"},
                                    std::string_view{"adopted"}, std::string_view{"rejected"}};
};

enum class AmendmentStatus : std::uint8_t { pending, accepted, rejected, withdrawn, lapsed };
template <>
struct EnumNames<AmendmentStatus> {
  static constexpr std::array value{std::string_view{"pending"}, std::string_view{"accepted"},
                                    std::string_view{"rejected"}, std::string_view{"withdrawn"},
                                    std::string_view{"lapsed"}};
};

// not_put: the draft had no adopted clause, so it never went to a final vote.
enum class DraftStatus : std::uint8_t { open, adopted, failed, not_put };
template <>
struct EnumNames<DraftStatus> {
  static constexpr std::array value{std::string_view{"open"}, std::string_view{"adopted"},
                                    std::string_view{"failed"}, std::string_view{"not_put"}};
};

enum class VoteOn : std::uint8_t { clause, draft };
template <>
struct EnumNames<VoteOn> {
  static constexpr std::array value{std::string_view{"clause"}, std::string_view{"draft"}};
};

enum class ChannelKind : std::uint8_t { plenary, delegation, bilateral, caucus };
template <>
struct EnumNames<ChannelKind> {
  static constexpr std::array value{std::string_view{"plenary"}, std::string_view{"delegation"},
                                    std::string_view{"bilateral"}, std::string_view{"caucus"}};
};

// What one side of a deal promises: co-sponsor a clause, vote yes on a clause, or vote yes on
// a draft in the final vote. `target` is a ClauseId or a DraftIndex accordingly.
enum class DealAction : std::uint8_t { cosponsor_clause, vote_yes_clause, vote_yes_draft };
template <>
struct EnumNames<DealAction> {
  static constexpr std::array value{std::string_view{"cosponsor_clause"},
                                    std::string_view{"vote_yes_clause"},
                                    std::string_view{"vote_yes_draft"}};
};

enum class DealStatus : std::uint8_t { offered, accepted, declined, withdrawn };
template <>
struct EnumNames<DealStatus> {
  static constexpr std::array value{std::string_view{"offered"}, std::string_view{"accepted"},
                                    std::string_view{"declined"}, std::string_view{"withdrawn"}};
};

// In rooms without a facilitator, seats decide these by a majority of occupied seats.
enum class ModerationAction : std::uint8_t { hide_message, hide_clause, mute_participant };
template <>
struct EnumNames<ModerationAction> {
  static constexpr std::array value{std::string_view{"hide_message"},
                                    std::string_view{"hide_clause"},
                                    std::string_view{"mute_participant"}};
};

enum class PollStatus : std::uint8_t { open, carried, lapsed };
template <>
struct EnumNames<PollStatus> {
  static constexpr std::array value{std::string_view{"open"}, std::string_view{"carried"},
                                    std::string_view{"lapsed"}};
};

// ------------------------------------------------------------------ settings

// A secret objective: shown to its seat (and the facilitator) until the debrief. `condition` is
// written in the scoring's condition language and evaluated over the finished match.
struct ObjectiveSetup {
  std::string text;
  std::string condition;
  friend bool operator==(const ObjectiveSetup&, const ObjectiveSetup&) = default;
  template <class Self, class V>
  static void describe(Self& self, V&& v) {
    v("text", self.text);
    v("condition", self.condition);
  }
};

// A red line: a clause reference that makes the state vote no, and the variant that would
// lift it (empty if none does), e.g. {"38", "38q"}.
struct RedLine {
  std::string ref;
  std::string lifted_by;
  friend bool operator==(const RedLine&, const RedLine&) = default;
  template <class Self, class V>
  static void describe(Self& self, V&& v) {
    v("ref", self.ref);
    v("lifted_by", self.lifted_by);
  }
};

// Who sits in a seat. The state's name, bloc and public position are public; the brief, its
// priorities, red lines, stance and objectives are secret until the debrief.
struct SeatSetup {
  std::string state;     // the state profile's id in assets/states, e.g. "brazil"
  std::string name;      // e.g. "Brazil"
  std::string bloc;      // for legitimacy's bloc coverage
  std::string position;  // public position for the scenario's era
  std::string brief;
  std::vector<std::string> priorities;  // clause refs the state works for
  std::vector<RedLine> red_lines;
  std::vector<std::int32_t> stance;  // the seven stance axes (SOV MSH LAW CON UNC CRM CAP), x100
  std::vector<ObjectiveSetup> objectives;
  friend bool operator==(const SeatSetup&, const SeatSetup&) = default;
  template <class Self, class V>
  static void describe(Self& self, V&& v) {
    v("state", self.state);
    v("name", self.name);
    v("bloc", self.bloc);
    v("position", self.position);
    v("brief", self.brief);
    v("priorities", self.priorities);
    v("red_lines", self.red_lines);
    v("stance", self.stance);
    v("objectives", self.objectives);
  }
};

// A clause reference on this conference's table and the family it belongs to ("38q" → "38").
struct ClauseOption {
  std::string ref;
  std::string family;
  friend bool operator==(const ClauseOption&, const ClauseOption&) = default;
  template <class Self, class V>
  static void describe(Self& self, V&& v) {
    v("ref", self.ref);
    v("family", self.family);
  }
};

// A draft as the scenario opens it: its sponsors and any starting text (refs tabled by the
// first sponsor when the match is created).
struct DraftSetup {
  std::string title;
  std::vector<SeatIndex> sponsors;
  std::vector<std::string> starting_refs;
  friend bool operator==(const DraftSetup&, const DraftSetup&) = default;
  template <class Self, class V>
  static void describe(Self& self, V&& v) {
    v("title", self.title);
    v("sponsors", self.sponsors);
    v("starting_refs", self.starting_refs);
  }
};

// The room's rules: the facilitator may change them in the lobby (ChangeRules).
struct RoomRules {
  std::uint32_t rounds = 2;  // drafting → clause voting, this many times, then the final vote
  TimeMs briefing_ms = 5 * 60 * 1000;
  TimeMs drafting_ms = 12 * 60 * 1000;
  TimeMs clause_voting_ms = 4 * 60 * 1000;
  TimeMs final_vote_ms = 4 * 60 * 1000;
  TimeMs adoption_window_ms = 60 * 1000;  // to object to adoption without a vote
  DecisionRule decision_rule = DecisionRule::simple_majority;
  BallotKind ballot = BallotKind::roll_call;
  std::uint32_t quorum_permille = 0;  // share of occupied seats that must cast a ballot; 0: none
  bool allow_free_text = true;
  bool reveal_private_channels = false;  // at the debrief; players are told in the briefing
  bool allow_spectators = true;
  std::uint32_t max_delegation_size = 3;
  std::uint32_t max_participants = 120;
  std::uint32_t max_name_bytes = 48;
  std::uint32_t max_chat_bytes = 600;
  std::uint32_t max_note_bytes = 2000;
  std::uint32_t max_clause_bytes = 600;
  std::uint32_t max_clauses_per_seat_per_round = 3;
  std::uint32_t max_pending_amendments_per_clause = 3;
  std::uint32_t max_caucus_members = 12;

  friend bool operator==(const RoomRules&, const RoomRules&) = default;
  template <class Self, class V>
  static void describe(Self& self, V&& v) {
    v("rounds", self.rounds);
    v("briefing_ms", self.briefing_ms);
    v("drafting_ms", self.drafting_ms);
    v("clause_voting_ms", self.clause_voting_ms);
    v("final_vote_ms", self.final_vote_ms);
    v("adoption_window_ms", self.adoption_window_ms);
    v("decision_rule", self.decision_rule);
    v("ballot", self.ballot);
    v("quorum_permille", self.quorum_permille);
    v("allow_free_text", self.allow_free_text);
    v("reveal_private_channels", self.reveal_private_channels);
    v("allow_spectators", self.allow_spectators);
    v("max_delegation_size", self.max_delegation_size);
    v("max_participants", self.max_participants);
    v("max_name_bytes", self.max_name_bytes);
    v("max_chat_bytes", self.max_chat_bytes);
    v("max_note_bytes", self.max_note_bytes);
    v("max_clause_bytes", self.max_clause_bytes);
    v("max_clauses_per_seat_per_round", self.max_clauses_per_seat_per_round);
    v("max_pending_amendments_per_clause", self.max_pending_amendments_per_clause);
    v("max_caucus_members", self.max_caucus_members);
  }
};

struct MatchSettings {
  std::vector<SeatSetup> seats;
  std::vector<ClauseOption> clause_table;
  std::vector<DraftSetup> drafts;  // at least one
  bool has_facilitator = true;     // quick-match rooms have none: seats moderate by poll
  RoomRules rules;

  friend bool operator==(const MatchSettings&, const MatchSettings&) = default;
  template <class Self, class V>
  static void describe(Self& self, V&& v) {
    v("seats", self.seats);
    v("clause_table", self.clause_table);
    v("drafts", self.drafts);
    v("has_facilitator", self.has_facilitator);
    v("rules", self.rules);
  }
};

// ------------------------------------------------------------------ state

struct Participant {
  std::string name;
  Role role = Role::player;
  std::optional<SeatIndex> seat;
  bool ready = false;    // lobby only; in drafting the seat is ready (Seat::ready)
  bool left = false;     // ids stay dense and history keeps its references, so leaving only marks
  bool removed = false;  // removed by the facilitator (the server revokes the reconnect right)
  bool muted = false;

  friend bool operator==(const Participant&, const Participant&) = default;
  template <class Self, class V>
  static void describe(Self& self, V&& v) {
    v("name", self.name);
    v("role", self.role);
    v("seat", self.seat);
    v("ready", self.ready);
    v("left", self.left);
    v("removed", self.removed);
    v("muted", self.muted);
  }
};

struct Seat {
  std::string private_note;  // secret: the seat's own delegation and the facilitator
  std::optional<ParticipantId> head;  // casts the seat's votes; set while a delegation holds it
  bool bot = false;                   // a bot plays the seat while no delegation holds it
  bool ready = false;                 // drafting: this seat is done for the phase

  friend bool operator==(const Seat&, const Seat&) = default;
  template <class Self, class V>
  static void describe(Self& self, V&& v) {
    v("private_note", self.private_note);
    v("head", self.head);
    v("bot", self.bot);
    v("ready", self.ready);
  }
};

struct ChatMessage {
  ParticipantId author = 0;       // meaningless when from the facilitator or a bot
  std::optional<SeatIndex> seat;  // the seat the author spoke for, if any
  bool from_facilitator = false;  // facilitator announcements stand out
  bool from_bot = false;
  std::string text;  // blanked in the views of all but the facilitator once hidden
  TimeMs at = 0;
  bool hidden = false;

  friend bool operator==(const ChatMessage&, const ChatMessage&) = default;
  template <class Self, class V>
  static void describe(Self& self, V&& v) {
    v("author", self.author);
    v("seat", self.seat);
    v("from_facilitator", self.from_facilitator);
    v("from_bot", self.from_bot);
    v("text", self.text);
    v("at", self.at);
    v("hidden", self.hidden);
  }
};

// Channel 0 is the plenary; channel 1 + s is seat s's delegation channel; bilateral and caucus
// channels are appended as they are opened. Non-plenary channels are secret from non-members
// (the facilitator, who moderates, sees them) until the debrief, if the room reveals them.
struct Channel {
  ChannelKind kind = ChannelKind::plenary;
  std::string name;                // caucus name; empty otherwise
  std::vector<SeatIndex> members;  // sorted; empty for the plenary
  std::vector<SeatIndex> invited;  // caucus invitations not yet taken up
  std::vector<ChatMessage> messages;

  friend bool operator==(const Channel&, const Channel&) = default;
  template <class Self, class V>
  static void describe(Self& self, V&& v) {
    v("kind", self.kind);
    v("name", self.name);
    v("members", self.members);
    v("invited", self.invited);
    v("messages", self.messages);
  }
};

// A ballot box for one clause or one draft. Individual ballots are secret while the vote is
// open (each seat sees its own); at close a roll-call shows them, a secret ballot never does.
struct VoteRecord {
  VoteState state = VoteState::not_open;
  std::vector<std::optional<Ballot>> ballots;  // per seat, filled when the vote opens
  std::uint32_t cast_count = 0;                // "n of m have voted"
  std::uint32_t eligible = 0;                  // m: occupied seats when the vote opened
  std::uint32_t yes = 0, no = 0, abstain = 0, not_voting = 0;  // at close
  VoteOutcome outcome = VoteOutcome::pending;
  bool without_vote = false;  // adopted by consensus with no objection

  friend bool operator==(const VoteRecord&, const VoteRecord&) = default;
  template <class Self, class V>
  static void describe(Self& self, V&& v) {
    v("state", self.state);
    v("ballots", self.ballots);
    v("cast_count", self.cast_count);
    v("eligible", self.eligible);
    v("yes", self.yes);
    v("no", self.no);
    v("abstain", self.abstain);
    v("not_voting", self.not_voting);
    v("outcome", self.outcome);
    v("without_vote", self.without_vote);
  }
};

struct Amendment {
  SeatIndex proposer = 0;
  ParticipantId proposed_by = 0;
  std::string ref;   // the variant to switch to, or empty for a free-text replacement
  std::string text;  // the replacement text, for a free-text clause
  AmendmentStatus status = AmendmentStatus::pending;
  TimeMs at = 0;

  friend bool operator==(const Amendment&, const Amendment&) = default;
  template <class Self, class V>
  static void describe(Self& self, V&& v) {
    v("proposer", self.proposer);
    v("proposed_by", self.proposed_by);
    v("ref", self.ref);
    v("text", self.text);
    v("status", self.status);
    v("at", self.at);
  }
};

struct Clause {
  DraftIndex draft = 0;
  std::string ref;     // catalogue reference, empty for a free-text clause
  std::string family;  // the archetype family; "free:<id>" for free text
  std::string text;    // free text; blanked for non-facilitators while hidden
  SeatIndex sponsor = 0;
  ParticipantId tabled_by = 0;
  bool tabled_by_bot = false;
  std::uint32_t round = 0;    // the drafting round it was tabled in (0: the starting text)
  std::uint32_t version = 0;  // accepted amendments so far
  std::vector<SeatIndex> cosponsors;         // current support for the current text
  std::vector<SeatIndex> lapsed_cosponsors;  // supported an earlier text, not (yet) renewed
  std::vector<SeatIndex> renewed;            // supported an earlier text and renewed
  std::vector<Amendment> amendments;
  ClauseStatus status = ClauseStatus::tabled;
  bool hidden = false;
  VoteRecord vote;
  // The facilitator's tag override of a free-text clause: seven points (-3..+3) in the order
  // MI TR AV RF RS CC SP that replace the analyzer's; empty when not overridden. Public.
  std::vector<std::int32_t> facilitator_points;

  friend bool operator==(const Clause&, const Clause&) = default;
  template <class Self, class V>
  static void describe(Self& self, V&& v) {
    v("draft", self.draft);
    v("ref", self.ref);
    v("family", self.family);
    v("text", self.text);
    v("sponsor", self.sponsor);
    v("tabled_by", self.tabled_by);
    v("tabled_by_bot", self.tabled_by_bot);
    v("round", self.round);
    v("version", self.version);
    v("cosponsors", self.cosponsors);
    v("lapsed_cosponsors", self.lapsed_cosponsors);
    v("renewed", self.renewed);
    v("amendments", self.amendments);
    v("status", self.status);
    v("hidden", self.hidden);
    v("vote", self.vote);
    v("facilitator_points", self.facilitator_points);
  }
};

struct Draft {
  std::string title;
  std::vector<SeatIndex> sponsors;
  DraftStatus status = DraftStatus::open;
  VoteRecord final_vote;
  std::optional<TimeMs> objection_deadline;  // adoption without a vote proposed, until then

  friend bool operator==(const Draft&, const Draft&) = default;
  template <class Self, class V>
  static void describe(Self& self, V&& v) {
    v("title", self.title);
    v("sponsors", self.sponsors);
    v("status", self.status);
    v("final_vote", self.final_vote);
    v("objection_deadline", self.objection_deadline);
  }
};

struct DealTerm {
  DealAction action = DealAction::cosponsor_clause;
  std::uint32_t target = 0;  // ClauseId, or DraftIndex for vote_yes_draft

  friend bool operator==(const DealTerm&, const DealTerm&) = default;
  template <class Self, class V>
  static void describe(Self& self, V&& v) {
    v("action", self.action);
    v("target", self.target);
  }
};

// "I (from) will do from_terms if you (to) do to_terms." Secret to the two seats (and the
// facilitator) until the debrief, where accepted deals are shown with who honoured them.
struct Deal {
  SeatIndex from = 0;
  SeatIndex to = 0;
  std::vector<DealTerm> from_terms;
  std::vector<DealTerm> to_terms;
  DealStatus status = DealStatus::offered;
  std::optional<SeatIndex> withdrawn_by;
  TimeMs at = 0;

  friend bool operator==(const Deal&, const Deal&) = default;
  template <class Self, class V>
  static void describe(Self& self, V&& v) {
    v("from", self.from);
    v("to", self.to);
    v("from_terms", self.from_terms);
    v("to_terms", self.to_terms);
    v("status", self.status);
    v("withdrawn_by", self.withdrawn_by);
    v("at", self.at);
  }
};

// A moderation poll in a room without a facilitator. target: for hide_message, the channel
// and message index; for hide_clause, the ClauseId (index unused); for mute, the participant.
struct ModerationPoll {
  ModerationAction action = ModerationAction::hide_message;
  std::uint32_t target = 0;
  std::uint32_t index = 0;
  SeatIndex proposer = 0;
  std::vector<SeatIndex> in_favour;  // sorted
  PollStatus status = PollStatus::open;

  friend bool operator==(const ModerationPoll&, const ModerationPoll&) = default;
  template <class Self, class V>
  static void describe(Self& self, V&& v) {
    v("action", self.action);
    v("target", self.target);
    v("index", self.index);
    v("proposer", self.proposer);
    v("in_favour", self.in_favour);
    v("status", self.status);
  }
};

struct Match {
  MatchSettings settings;
  Phase phase = Phase::lobby;
  std::uint32_t round = 0;  // the current drafting/clause-voting round, from 1
  TimeMs phase_started_at = 0;
  std::optional<TimeMs> deadline;        // when the current phase ends by itself, if it does
  std::optional<TimeMs> paused_at;         // set while the facilitator has paused the clock
  std::optional<TimeMs> paused_remaining;  // set while paused: time left on the phase's timer
  bool secrets_revealed = false;  // the debrief reveal has happened
  Pcg32 rng;                      // secret from every viewer but the server
  std::vector<Participant> participants;  // indexed by ParticipantId
  std::vector<Seat> seats;                // indexed by SeatIndex
  std::vector<Channel> channels;          // indexed by ChannelId
  std::vector<Draft> drafts;              // indexed by DraftIndex
  std::vector<Clause> clauses;            // indexed by ClauseId
  std::vector<Deal> deals;                // indexed by DealId
  std::vector<ModerationPoll> polls;      // indexed by PollId

  friend bool operator==(const Match&, const Match&) = default;
  template <class Self, class V>
  static void describe(Self& self, V&& v) {
    v("settings", self.settings);
    v("phase", self.phase);
    v("round", self.round);
    v("phase_started_at", self.phase_started_at);
    v("deadline", self.deadline);
    v("paused_at", self.paused_at);
    v("paused_remaining", self.paused_remaining);
    v("secrets_revealed", self.secrets_revealed);
    v("rng", self.rng);
    v("participants", self.participants);
    v("seats", self.seats);
    v("channels", self.channels);
    v("drafts", self.drafts);
    v("clauses", self.clauses);
    v("deals", self.deals);
    v("polls", self.polls);
  }
};

}  // namespace accord
