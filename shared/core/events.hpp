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

#define ACCORD_EVENT(Type, name, audience)              \
  static constexpr std::string_view kName = name;       \
  static constexpr Audience kAudience = Audience::audience

// ------------------------------------------------------------------ lobby and delegations

struct ParticipantJoined {
  ACCORD_EVENT(ParticipantJoined, "participant_joined", everyone);
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
  ACCORD_EVENT(ParticipantLeft, "participant_left", everyone);
  ParticipantId participant = 0;
  template <class Self, class V>
  static void describe(Self& self, V&& v) {
    v("participant", self.participant);
  }
};

// Also used to move a participant from one seat to another. The first member becomes head.
struct SeatTaken {
  ACCORD_EVENT(SeatTaken, "seat_taken", everyone);
  ParticipantId participant = 0;
  SeatIndex seat = 0;
  template <class Self, class V>
  static void describe(Self& self, V&& v) {
    v("participant", self.participant);
    v("seat", self.seat);
  }
};

// If the head leaves, the role passes to the member with the lowest id.
struct SeatLeft {
  ACCORD_EVENT(SeatLeft, "seat_left", everyone);
  ParticipantId participant = 0;
  template <class Self, class V>
  static void describe(Self& self, V&& v) {
    v("participant", self.participant);
  }
};

struct ReadyChanged {
  ACCORD_EVENT(ReadyChanged, "ready_changed", everyone);
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
  ACCORD_EVENT(NoteWritten, "note_written", filtered);
  SeatIndex seat = 0;
  std::string text;
  template <class Self, class V>
  static void describe(Self& self, V&& v) {
    v("seat", self.seat);
    v("text", self.text);
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
  ACCORD_EVENT(MatchStarted, "match_started", filtered);
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

struct HeadChanged {
  ACCORD_EVENT(HeadChanged, "head_changed", everyone);
  SeatIndex seat = 0;
  std::optional<ParticipantId> head;
  template <class Self, class V>
  static void describe(Self& self, V&& v) {
    v("seat", self.seat);
    v("head", self.head);
  }
};

struct BotChanged {
  ACCORD_EVENT(BotChanged, "bot_changed", everyone);
  SeatIndex seat = 0;
  bool on = false;
  template <class Self, class V>
  static void describe(Self& self, V&& v) {
    v("seat", self.seat);
    v("on", self.on);
  }
};

struct ParticipantMuted {
  ACCORD_EVENT(ParticipantMuted, "participant_muted", everyone);
  ParticipantId participant = 0;
  bool muted = true;
  template <class Self, class V>
  static void describe(Self& self, V&& v) {
    v("participant", self.participant);
    v("muted", self.muted);
  }
};

struct ParticipantRemoved {
  ACCORD_EVENT(ParticipantRemoved, "participant_removed", everyone);
  ParticipantId participant = 0;
  template <class Self, class V>
  static void describe(Self& self, V&& v) {
    v("participant", self.participant);
  }
};

struct RulesChanged {
  ACCORD_EVENT(RulesChanged, "rules_changed", everyone);
  RoomRules rules;
  template <class Self, class V>
  static void describe(Self& self, V&& v) {
    v("rules", self.rules);
  }
};

// ------------------------------------------------------------------ clock and phases

struct SeatReadyChanged {
  ACCORD_EVENT(SeatReadyChanged, "seat_ready_changed", everyone);
  SeatIndex seat = 0;
  bool ready = false;
  template <class Self, class V>
  static void describe(Self& self, V&& v) {
    v("seat", self.seat);
    v("ready", self.ready);
  }
};

struct ClockPaused {
  ACCORD_EVENT(ClockPaused, "clock_paused", everyone);
  TimeMs at = 0;
  std::optional<TimeMs> remaining;  // on the phase's timer
  template <class Self, class V>
  static void describe(Self& self, V&& v) {
    v("at", self.at);
    v("remaining", self.remaining);
  }
};

// Pending adoption windows move on by the time spent paused.
struct ClockResumed {
  ACCORD_EVENT(ClockResumed, "clock_resumed", everyone);
  TimeMs at = 0;
  std::optional<TimeMs> deadline;
  TimeMs paused_for = 0;
  template <class Self, class V>
  static void describe(Self& self, V&& v) {
    v("at", self.at);
    v("deadline", self.deadline);
    v("paused_for", self.paused_for);
  }
};

struct PhaseExtended {
  ACCORD_EVENT(PhaseExtended, "phase_extended", everyone);
  TimeMs by_ms = 0;
  template <class Self, class V>
  static void describe(Self& self, V&& v) {
    v("by_ms", self.by_ms);
  }
};

// Entering drafting resets ready marks; leaving it lapses pending amendments; entering clause
// voting opens a vote on every tabled, unvoted, visible clause; entering the final vote opens
// one on every draft with an adopted clause (the others are not put to a vote).
struct PhaseEnded {
  ACCORD_EVENT(PhaseEnded, "phase_ended", everyone);
  Phase ended = Phase::lobby;
  Phase next = Phase::lobby;
  std::uint32_t round = 0;
  TimeMs at = 0;
  std::optional<TimeMs> deadline;
  template <class Self, class V>
  static void describe(Self& self, V&& v) {
    v("ended", self.ended);
    v("next", self.next);
    v("round", self.round);
    v("at", self.at);
    v("deadline", self.deadline);
  }
};

// ------------------------------------------------------------------ chat

struct MessagePosted {
  ACCORD_EVENT(MessagePosted, "message_posted", filtered);
  ChannelId channel = kPlenary;
  ChatMessage message;
  template <class Self, class V>
  static void describe(Self& self, V&& v) {
    v("channel", self.channel);
    v("message", self.message);
  }
};

// A new bilateral or caucus channel (id = the number of channels before it).
struct ChannelOpened {
  ACCORD_EVENT(ChannelOpened, "channel_opened", filtered);
  ChannelKind kind = ChannelKind::bilateral;
  std::string name;
  std::vector<SeatIndex> members;
  std::vector<SeatIndex> invited;
  template <class Self, class V>
  static void describe(Self& self, V&& v) {
    v("kind", self.kind);
    v("name", self.name);
    v("members", self.members);
    v("invited", self.invited);
  }
};

// Carries the caucus's name, members and invitations (after this one), which the invited
// seat could not see before.
struct CaucusInvited {
  ACCORD_EVENT(CaucusInvited, "caucus_invited", filtered);
  ChannelId channel = 0;
  SeatIndex seat = 0;
  std::string name;
  std::vector<SeatIndex> members;
  std::vector<SeatIndex> invited;
  template <class Self, class V>
  static void describe(Self& self, V&& v) {
    v("channel", self.channel);
    v("seat", self.seat);
    v("name", self.name);
    v("members", self.members);
    v("invited", self.invited);
  }
};

// Carries the history, which the joining seat could not see before.
struct CaucusJoined {
  ACCORD_EVENT(CaucusJoined, "caucus_joined", filtered);
  ChannelId channel = 0;
  SeatIndex seat = 0;
  std::vector<ChatMessage> history;
  template <class Self, class V>
  static void describe(Self& self, V&& v) {
    v("channel", self.channel);
    v("seat", self.seat);
    v("history", self.history);
  }
};

// `forget` is set only in the leaving seat's own copy: its view drops the channel's contents.
struct CaucusLeft {
  ACCORD_EVENT(CaucusLeft, "caucus_left", filtered);
  ChannelId channel = 0;
  SeatIndex seat = 0;
  bool forget = false;
  template <class Self, class V>
  static void describe(Self& self, V&& v) {
    v("channel", self.channel);
    v("seat", self.seat);
    v("forget", self.forget);
  }
};

// `text` is the message's text: the original for the server and the facilitator and on unhide,
// empty in everyone else's copy when hiding.
struct MessageHidden {
  ACCORD_EVENT(MessageHidden, "message_hidden", filtered);
  ChannelId channel = 0;
  std::uint32_t index = 0;
  bool hidden = true;
  std::string text;
  template <class Self, class V>
  static void describe(Self& self, V&& v) {
    v("channel", self.channel);
    v("index", self.index);
    v("hidden", self.hidden);
    v("text", self.text);
  }
};

// ------------------------------------------------------------------ drafting

struct ClauseTabled {
  ACCORD_EVENT(ClauseTabled, "clause_tabled", everyone);
  DraftIndex draft = 0;
  std::string ref;
  std::string family;
  std::string text;
  SeatIndex sponsor = 0;
  ParticipantId tabled_by = 0;
  bool by_bot = false;
  std::uint32_t round = 0;
  template <class Self, class V>
  static void describe(Self& self, V&& v) {
    v("draft", self.draft);
    v("ref", self.ref);
    v("family", self.family);
    v("text", self.text);
    v("sponsor", self.sponsor);
    v("tabled_by", self.tabled_by);
    v("by_bot", self.by_bot);
    v("round", self.round);
  }
};

struct ClauseWithdrawn {
  ACCORD_EVENT(ClauseWithdrawn, "clause_withdrawn", everyone);
  ClauseId clause = 0;
  template <class Self, class V>
  static void describe(Self& self, V&& v) {
    v("clause", self.clause);
  }
};

// Adds the seat to the clause's co-sponsors; if it had lapsed, it is recorded as renewed.
struct CosponsorAdded {
  ACCORD_EVENT(CosponsorAdded, "cosponsor_added", everyone);
  ClauseId clause = 0;
  SeatIndex seat = 0;
  template <class Self, class V>
  static void describe(Self& self, V&& v) {
    v("clause", self.clause);
    v("seat", self.seat);
  }
};

struct CosponsorWithdrawn {
  ACCORD_EVENT(CosponsorWithdrawn, "cosponsor_withdrawn", everyone);
  ClauseId clause = 0;
  SeatIndex seat = 0;
  template <class Self, class V>
  static void describe(Self& self, V&& v) {
    v("clause", self.clause);
    v("seat", self.seat);
  }
};

struct AmendmentProposed {
  ACCORD_EVENT(AmendmentProposed, "amendment_proposed", everyone);
  ClauseId clause = 0;
  Amendment amendment;
  template <class Self, class V>
  static void describe(Self& self, V&& v) {
    v("clause", self.clause);
    v("amendment", self.amendment);
  }
};

// On acceptance the clause takes the new ref/text, its version rises, and every co-sponsorship
// lapses (a changed text needs fresh support).
struct AmendmentAnswered {
  ACCORD_EVENT(AmendmentAnswered, "amendment_answered", everyone);
  ClauseId clause = 0;
  std::uint32_t amendment = 0;
  bool accepted = false;
  template <class Self, class V>
  static void describe(Self& self, V&& v) {
    v("clause", self.clause);
    v("amendment", self.amendment);
    v("accepted", self.accepted);
  }
};

struct AmendmentWithdrawn {
  ACCORD_EVENT(AmendmentWithdrawn, "amendment_withdrawn", everyone);
  ClauseId clause = 0;
  std::uint32_t amendment = 0;
  template <class Self, class V>
  static void describe(Self& self, V&& v) {
    v("clause", self.clause);
    v("amendment", self.amendment);
  }
};

// As MessageHidden: `text` is the clause's text, empty in non-facilitator copies when hiding.
struct ClauseHidden {
  ACCORD_EVENT(ClauseHidden, "clause_hidden", filtered);
  ClauseId clause = 0;
  bool hidden = true;
  std::string text;
  template <class Self, class V>
  static void describe(Self& self, V&& v) {
    v("clause", self.clause);
    v("hidden", self.hidden);
    v("text", self.text);
  }
};

// The facilitator replaced (or, with empty points, cleared) a free-text clause's points.
struct ClauseTagsOverridden {
  ACCORD_EVENT(ClauseTagsOverridden, "clause_tags_overridden", everyone);
  ClauseId clause = 0;
  std::vector<std::int32_t> points;
  template <class Self, class V>
  static void describe(Self& self, V&& v) {
    v("clause", self.clause);
    v("points", self.points);
  }
};

// ------------------------------------------------------------------ deals

// Non-parties receive an empty placeholder deal, so deal ids stay aligned in every view.
struct DealOffered {
  ACCORD_EVENT(DealOffered, "deal_offered", filtered);
  Deal deal;
  template <class Self, class V>
  static void describe(Self& self, V&& v) {
    v("deal", self.deal);
  }
};

struct DealAnswered {
  ACCORD_EVENT(DealAnswered, "deal_answered", filtered);
  DealId deal = 0;
  bool accepted = false;
  template <class Self, class V>
  static void describe(Self& self, V&& v) {
    v("deal", self.deal);
    v("accepted", self.accepted);
  }
};

struct DealWithdrawn {
  ACCORD_EVENT(DealWithdrawn, "deal_withdrawn", filtered);
  DealId deal = 0;
  SeatIndex by = 0;
  template <class Self, class V>
  static void describe(Self& self, V&& v) {
    v("deal", self.deal);
    v("by", self.by);
  }
};

// ------------------------------------------------------------------ voting

// Other seats' copies carry neither the seat nor the ballot: only the new count of seats that
// have voted ("n of m"), since live tallies would reveal votes by their timing.
struct BallotCast {
  ACCORD_EVENT(BallotCast, "ballot_cast", filtered);
  VoteOn on = VoteOn::clause;
  std::uint32_t target = 0;
  std::optional<SeatIndex> seat;
  std::optional<Ballot> ballot;
  std::uint32_t cast_count = 0;
  template <class Self, class V>
  static void describe(Self& self, V&& v) {
    v("on", self.on);
    v("target", self.target);
    v("seat", self.seat);
    v("ballot", self.ballot);
    v("cast_count", self.cast_count);
  }
};

// The result of one vote. `ballots` (per seat) is filled for a roll-call only.
struct VoteResult {
  VoteOn on = VoteOn::clause;
  std::uint32_t target = 0;
  std::uint32_t yes = 0, no = 0, abstain = 0, not_voting = 0;
  VoteOutcome outcome = VoteOutcome::pending;
  std::vector<std::optional<Ballot>> ballots;
  template <class Self, class V>
  static void describe(Self& self, V&& v) {
    v("on", self.on);
    v("target", self.target);
    v("yes", self.yes);
    v("no", self.no);
    v("abstain", self.abstain);
    v("not_voting", self.not_voting);
    v("outcome", self.outcome);
    v("ballots", self.ballots);
  }
};

struct VotesClosed {
  ACCORD_EVENT(VotesClosed, "votes_closed", everyone);
  std::vector<VoteResult> results;
  template <class Self, class V>
  static void describe(Self& self, V&& v) {
    v("results", self.results);
  }
};

struct AdoptionProposed {
  ACCORD_EVENT(AdoptionProposed, "adoption_proposed", everyone);
  DraftIndex draft = 0;
  TimeMs deadline = 0;
  template <class Self, class V>
  static void describe(Self& self, V&& v) {
    v("draft", self.draft);
    v("deadline", self.deadline);
  }
};

// An objection ends the window; the recorded vote goes on.
struct AdoptionObjected {
  ACCORD_EVENT(AdoptionObjected, "adoption_objected", everyone);
  DraftIndex draft = 0;
  SeatIndex seat = 0;
  template <class Self, class V>
  static void describe(Self& self, V&& v) {
    v("draft", self.draft);
    v("seat", self.seat);
  }
};

// No seat objected in time: adopted, every occupied seat counted in favour.
struct AdoptedWithoutVote {
  ACCORD_EVENT(AdoptedWithoutVote, "adopted_without_vote", everyone);
  DraftIndex draft = 0;
  std::uint32_t in_favour = 0;
  template <class Self, class V>
  static void describe(Self& self, V&& v) {
    v("draft", self.draft);
    v("in_favour", self.in_favour);
  }
};

// ------------------------------------------------------------------ moderation polls

struct PollOpened {
  ACCORD_EVENT(PollOpened, "poll_opened", everyone);
  ModerationPoll poll;
  template <class Self, class V>
  static void describe(Self& self, V&& v) {
    v("poll", self.poll);
  }
};

struct PollSupported {
  ACCORD_EVENT(PollSupported, "poll_supported", everyone);
  PollId poll = 0;
  SeatIndex seat = 0;
  template <class Self, class V>
  static void describe(Self& self, V&& v) {
    v("poll", self.poll);
    v("seat", self.seat);
  }
};

// The poll's effect follows as its own event (MessageHidden, ClauseHidden, ParticipantMuted).
struct PollCarried {
  ACCORD_EVENT(PollCarried, "poll_carried", everyone);
  PollId poll = 0;
  template <class Self, class V>
  static void describe(Self& self, V&& v) {
    v("poll", self.poll);
  }
};

// ------------------------------------------------------------------ debrief

struct ChannelReveal {
  ChannelId channel = 0;
  Channel contents;  // hidden messages arrive with empty text
  template <class Self, class V>
  static void describe(Self& self, V&& v) {
    v("channel", self.channel);
    v("contents", self.contents);
  }
};

struct DealReveal {
  DealId deal = 0;
  Deal contents;
  template <class Self, class V>
  static void describe(Self& self, V&& v) {
    v("deal", self.deal);
    v("contents", self.contents);
  }
};

// Entering the debrief: every seat's brief and objectives, the accepted deals, and — where the
// room said so in advance — the private channels, become public. Secret ballots never do.
// Applying it keeps what a view already holds (the server's and members' full copies).
struct SecretsRevealed {
  ACCORD_EVENT(SecretsRevealed, "secrets_revealed", everyone);
  std::vector<SeatSetup> seats;
  std::vector<ChannelReveal> channels;
  std::vector<DealReveal> deals;
  template <class Self, class V>
  static void describe(Self& self, V&& v) {
    v("seats", self.seats);
    v("channels", self.channels);
    v("deals", self.deals);
  }
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
             ClauseTagsOverridden>;
using Event = VariantOf<EventTypes>::type;

}  // namespace accord
