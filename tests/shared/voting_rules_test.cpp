// Voting: ballots, the three decision rules with their edge cases, quorum, roll-call and
// secret ballots, and adoption without a vote.
#include "core/rules_internal.hpp"
#include "core/visibility.hpp"
#include "test_support.hpp"

namespace accord::test {
namespace {

struct Conference {
  std::uint32_t seats = 4;
  DecisionRule rule = DecisionRule::simple_majority;
  BallotKind ballot = BallotKind::roll_call;
  std::uint32_t quorum_permille = 0;
  std::uint32_t rounds = 1;
};

// Seat s is held by participant s (its head); seat 0 sponsors a starting text of three
// clauses (ids 0, 1, 2: refs 1, 24, 29); the conference is in clause voting.
Table conference(const Conference& c = {}) {
  LogHeader h = header_with_seats(c.seats);
  h.settings.drafts[0].sponsors = {0};
  h.settings.drafts[0].starting_refs = {"1", "24", "29"};
  h.settings.rules.decision_rule = c.rule;
  h.settings.rules.ballot = c.ballot;
  h.settings.rules.quorum_permille = c.quorum_permille;
  h.settings.rules.rounds = c.rounds;
  Table t(h);
  t.seat_one_each();
  t.advance_to(Phase::clause_voting);
  return t;
}

Table voting() {
  return conference();
}

Table voting_with_second_delegate() {
  LogHeader h = header_with_seats(3);
  h.settings.drafts[0].sponsors = {0};
  h.settings.drafts[0].starting_refs = {"1"};
  h.settings.rules.rounds = 1;
  Table t(h);
  t.seat_one_each();
  t.seated("Second delegate", 0);  // participant 3, not the head
  t.advance_to(Phase::clause_voting);
  t.join("Latecomer");  // participant 4: joined after the start, so holds no seat
  return t;
}

void vote(Table& t, ParticipantId head, ClauseId clause, Ballot b) {
  t.must(Actor::of(head), CastBallot{VoteOn::clause, clause, b});
}

// Everyone votes yes on every clause, so the conference moves to the final vote.
Table final_vote() {
  Table t = conference();
  for (ParticipantId p = 0; p < 4; ++p)
    for (ClauseId c = 0; c < 3; ++c)
      vote(t, p, c, Ballot::yes);
  REQUIRE(t.match().phase == Phase::final_vote);
  return t;
}

Table adoption_proposed() {
  Table t = final_vote();
  t.must(Actor::facilitator(), ProposeAdoptionWithoutVote{0});
  return t;
}

Table paused_voting() {
  Table t = voting();
  t.must(Actor::facilitator(), PauseClock{});
  return t;
}

Table bot_seat_voting() {
  LogHeader h = header_with_seats(2);
  h.settings.drafts[0].sponsors = {0};
  h.settings.drafts[0].starting_refs = {"1"};
  Table t(h);
  t.seated("Human", 0);
  t.must(Actor::facilitator(), SetBot{1, true});
  t.advance_to(Phase::clause_voting);
  return t;
}

const RegisterRuleCases voting_cases({
    {"the head casts the seat's ballot", voting, Actor::of(2),
     CastBallot{VoteOn::clause, 1, Ballot::no}, std::nullopt,
     [](const Match& m) {
       CHECK(m.clauses[1].vote.ballots[2] == Ballot::no);
       CHECK(m.clauses[1].vote.cast_count == 1);
     }},
    {"a ballot can be changed until the vote closes",
     [] {
       Table t = voting();
       vote(t, 2, 1, Ballot::yes);
       return t;
     },
     Actor::of(2), CastBallot{VoteOn::clause, 1, Ballot::abstain}, std::nullopt,
     [](const Match& m) {
       CHECK(m.clauses[1].vote.ballots[2] == Ballot::abstain);
       CHECK(m.clauses[1].vote.cast_count == 1);  // a change is not a second ballot
     }},
    {"a bot casts its seat's ballot", bot_seat_voting, Actor::bot(1),
     CastBallot{VoteOn::clause, 0, Ballot::yes}, std::nullopt,
     [](const Match& m) { CHECK(m.clauses[0].vote.ballots[1] == Ballot::yes); }},
    {"only the head votes for the seat", voting_with_second_delegate, Actor::of(3),
     CastBallot{VoteOn::clause, 0, Ballot::yes}, RejectCode::not_head},
    {"an unseated participant cannot vote", voting_with_second_delegate, Actor::of(4),
     CastBallot{VoteOn::clause, 0, Ballot::yes}, RejectCode::not_seated},
    {"the facilitator does not vote", voting, Actor::facilitator(),
     CastBallot{VoteOn::clause, 0, Ballot::yes}, RejectCode::not_allowed},
    {"a ballot on a clause that does not exist", voting, Actor::of(0),
     CastBallot{VoteOn::clause, 9, Ballot::yes}, RejectCode::no_such_clause},
    {"the same ballot twice",
     [] {
       Table t = voting();
       vote(t, 0, 0, Ballot::yes);
       return t;
     },
     Actor::of(0), CastBallot{VoteOn::clause, 0, Ballot::yes}, RejectCode::already_done},
    {"a late ballot on a closed clause vote", final_vote, Actor::of(0),
     CastBallot{VoteOn::clause, 0, Ballot::no}, RejectCode::vote_closed},
    {"a ballot on a draft before the final vote", voting, Actor::of(0),
     CastBallot{VoteOn::draft, 0, Ballot::yes}, RejectCode::vote_closed},
    {"no ballots while paused", paused_voting, Actor::of(0),
     CastBallot{VoteOn::clause, 0, Ballot::yes}, RejectCode::paused},
    {"no ballots while adoption without a vote is proposed", adoption_proposed, Actor::of(0),
     CastBallot{VoteOn::draft, 0, Ballot::yes}, RejectCode::adoption_pending},

    {"the facilitator proposes adoption without a vote", final_vote, Actor::facilitator(),
     ProposeAdoptionWithoutVote{0}, std::nullopt,
     [](const Match& m) { CHECK(m.drafts[0].objection_deadline == 1'000 + 10'000); }},
    {"adoption without a vote only in the final vote", voting, Actor::facilitator(),
     ProposeAdoptionWithoutVote{0}, RejectCode::wrong_phase},
    {"adoption without a vote of a draft that does not exist", final_vote, Actor::facilitator(),
     ProposeAdoptionWithoutVote{3}, RejectCode::no_such_draft},
    {"adoption without a vote proposed twice", adoption_proposed, Actor::facilitator(),
     ProposeAdoptionWithoutVote{0}, RejectCode::already_done},
    {"adoption without a vote after ballots were cast",
     [] {
       Table t = final_vote();
       t.must(Actor::of(1), CastBallot{VoteOn::draft, 0, Ballot::yes});
       return t;
     },
     Actor::facilitator(), ProposeAdoptionWithoutVote{0}, RejectCode::not_allowed},
    {"a player cannot propose adoption without a vote", final_vote, Actor::of(0),
     ProposeAdoptionWithoutVote{0}, RejectCode::not_allowed},

    {"a seat objects to adoption without a vote", adoption_proposed, Actor::of(3),
     ObjectToAdoption{0}, std::nullopt,
     [](const Match& m) {
       CHECK_FALSE(m.drafts[0].objection_deadline);
       CHECK(m.drafts[0].final_vote.state == VoteState::open);
     }},
    {"an objection with nothing proposed", final_vote, Actor::of(3), ObjectToAdoption{0},
     RejectCode::not_pending},
    {"an objection to a draft that does not exist", adoption_proposed, Actor::of(3),
     ObjectToAdoption{5}, RejectCode::no_such_draft},
    {"no objection while paused (it waits, as the window does)",
     [] {
       Table t = adoption_proposed();
       t.must(Actor::facilitator(), PauseClock{});
       return t;
     },
     Actor::of(3), ObjectToAdoption{0}, RejectCode::paused},
});

// ------------------------------------------------------------------ decision rules

struct Count {
  std::uint32_t yes, no, abstain;
};

// Occupies `occupied` of `seats` seats with bots, casts the given ballots in seat order, and
// returns the tally of a fresh vote under the rule.
VoteResult count(DecisionRule rule, Count c, std::uint32_t occupied, std::uint32_t seats = 9,
                 std::uint32_t quorum = 0) {
  Match m = new_match(settings_with_seats(seats), 1);
  m.settings.rules.decision_rule = rule;
  m.settings.rules.quorum_permille = quorum;
  for (SeatIndex s = 0; s < occupied; ++s)
    m.seats[s].bot = true;
  VoteRecord vote;
  vote.state = VoteState::open;
  vote.ballots.assign(seats, std::nullopt);
  SeatIndex s = 0;
  for (std::uint32_t i = 0; i < c.yes; ++i)
    vote.ballots[s++] = Ballot::yes;
  for (std::uint32_t i = 0; i < c.no; ++i)
    vote.ballots[s++] = Ballot::no;
  for (std::uint32_t i = 0; i < c.abstain; ++i)
    vote.ballots[s++] = Ballot::abstain;
  return detail::tally(m, vote, VoteOn::clause, 0);
}

TEST_CASE("simple majority: more yes than no among the seats present and voting") {
  const auto rule = DecisionRule::simple_majority;
  CHECK(count(rule, {3, 2, 0}, 5).outcome == VoteOutcome::adopted);
  CHECK(count(rule, {2, 2, 1}, 5).outcome == VoteOutcome::rejected);  // a tie fails
  CHECK(count(rule, {0, 0, 5}, 5).outcome == VoteOutcome::rejected);  // all abstain
  CHECK(count(rule, {1, 0, 4}, 5).outcome == VoteOutcome::adopted);   // abstentions ignored
  const auto absent = count(rule, {2, 1, 0}, 6);  // three occupied seats cast nothing
  CHECK(absent.outcome == VoteOutcome::adopted);
  CHECK(absent.not_voting == 3);
  CHECK(count(rule, {2, 1, 0}, 3, 9).not_voting == 0);  // empty seats are not "not voting"
}

TEST_CASE("two thirds: at least one yes, and yes at least two thirds of yes and no") {
  const auto rule = DecisionRule::two_thirds;
  CHECK(count(rule, {2, 1, 0}, 3).outcome == VoteOutcome::adopted);  // exactly two thirds
  CHECK(count(rule, {3, 2, 0}, 5).outcome == VoteOutcome::rejected);
  CHECK(count(rule, {6, 3, 0}, 9).outcome == VoteOutcome::adopted);
  CHECK(count(rule, {5, 3, 1}, 9).outcome == VoteOutcome::rejected);
  CHECK(count(rule, {0, 0, 4}, 4).outcome == VoteOutcome::rejected);  // all abstain
  CHECK(count(rule, {1, 0, 8}, 9).outcome == VoteOutcome::adopted);
}

TEST_CASE("consensus: at least one yes and no 'no' among the occupied seats") {
  const auto rule = DecisionRule::consensus;
  CHECK(count(rule, {8, 0, 1}, 9).outcome == VoteOutcome::adopted);
  CHECK(count(rule, {8, 1, 0}, 9).outcome == VoteOutcome::rejected);  // one no blocks
  CHECK(count(rule, {0, 0, 9}, 9).outcome == VoteOutcome::rejected);
  CHECK(count(rule, {3, 0, 0}, 9).outcome == VoteOutcome::adopted);  // silence does not block
}

TEST_CASE("quorum: a share of the occupied seats must cast a ballot") {
  const auto rule = DecisionRule::simple_majority;
  CHECK(count(rule, {1, 0, 0}, 4, 9, 500).outcome == VoteOutcome::no_quorum);  // 1 of 4
  CHECK(count(rule, {1, 0, 1}, 4, 9, 500).outcome == VoteOutcome::adopted);    // 2 of 4
  CHECK(count(rule, {0, 1, 1}, 4, 9, 500).outcome == VoteOutcome::rejected);
  CHECK(count(rule, {2, 0, 0}, 4, 9, 501).outcome == VoteOutcome::no_quorum);
}

// ------------------------------------------------------------------ flows

TEST_CASE("a clause vote closes early once every occupied seat has voted on every clause") {
  Table t = conference({.rounds = 1});
  for (ParticipantId p = 0; p < 4; ++p) {
    vote(t, p, 0, p == 3 ? Ballot::no : Ballot::yes);
    vote(t, p, 1, Ballot::no);
    if (p < 3) vote(t, p, 2, Ballot::abstain);
  }
  CHECK(t.match().phase == Phase::clause_voting);  // seat 3 has not voted on clause 2
  vote(t, 3, 2, Ballot::yes);
  const Match& m = t.match();
  CHECK(m.phase == Phase::final_vote);
  CHECK(m.clauses[0].status == ClauseStatus::adopted);
  CHECK(m.clauses[0].vote.yes == 3);
  CHECK(m.clauses[0].vote.no == 1);
  CHECK(m.clauses[1].status == ClauseStatus::rejected);
  CHECK(m.clauses[2].status == ClauseStatus::adopted);  // 1 yes, 3 abstain
  CHECK(m.drafts[0].final_vote.state == VoteState::open);
}

TEST_CASE("the timer closes a vote: seats without a ballot are recorded as not voting") {
  Table t = conference();
  vote(t, 0, 0, Ballot::yes);
  t.now += 30'000;
  t.host().advance_clock(t.now);
  const auto& v = t.match().clauses[0].vote;
  CHECK(v.state == VoteState::closed);
  CHECK(v.yes == 1);
  CHECK(v.not_voting == 3);
  CHECK(t.match().clauses[1].status == ClauseStatus::rejected);
  // A ballot that arrives after the close gets a clear answer.
  const auto late =
      t.host().submit(Actor::of(1), CastBallot{VoteOn::clause, 0, Ballot::yes}, t.now + 1);
  REQUIRE(late.rejection);
  CHECK(late.rejection->message == "Voting on clause 1 has closed.");
}

TEST_CASE("a draft with no adopted clause is not put to the final vote") {
  Table t = conference();
  for (ParticipantId p = 0; p < 4; ++p)
    for (ClauseId c = 0; c < 3; ++c)
      vote(t, p, c, Ballot::no);
  // Nothing to vote on in the final vote: the conference moves straight to the debrief.
  CHECK(t.match().phase == Phase::debrief);
  CHECK(t.match().drafts[0].status == DraftStatus::not_put);
}

TEST_CASE("adoption without a vote: no objection adopts with every occupied seat in favour") {
  Table t = adoption_proposed();
  t.now += 9'999;
  t.host().advance_clock(t.now);
  CHECK(t.match().drafts[0].objection_deadline);
  t.now += 1;
  t.host().advance_clock(t.now);
  const auto& d = t.match().drafts[0];
  CHECK(d.status == DraftStatus::adopted);
  CHECK(d.final_vote.without_vote);
  CHECK(d.final_vote.yes == 4);
  CHECK(t.match().phase == Phase::debrief);  // nothing left to vote on
}

TEST_CASE("adoption without a vote: an objection leads to a recorded vote") {
  Table t = adoption_proposed();
  t.must(Actor::of(2), ObjectToAdoption{0});
  t.now += 20'000;
  t.host().advance_clock(t.now);
  CHECK(t.match().drafts[0].status == DraftStatus::open);
  for (ParticipantId p = 0; p < 4; ++p)
    t.must(Actor::of(p), CastBallot{VoteOn::draft, 0, p == 2 ? Ballot::no : Ballot::yes});
  const auto& d = t.match().drafts[0];
  CHECK(d.status == DraftStatus::adopted);
  CHECK_FALSE(d.final_vote.without_vote);
  CHECK(d.final_vote.no == 1);
}

TEST_CASE("a secret ballot shows only how many have voted, then only the totals") {
  Table t = conference({.ballot = BallotKind::secret});
  vote(t, 1, 0, Ballot::no);
  vote(t, 2, 0, Ballot::yes);
  for (const auto viewer : {Viewer::of_seat(0), Viewer::audience(), Viewer::facilitator()}) {
    const VoteRecord v = view_for(t.match(), viewer).clauses[0].vote;
    CHECK(v.cast_count == 2);
    CHECK_FALSE(v.ballots[1]);
    CHECK_FALSE(v.ballots[2]);
  }
  CHECK(view_for(t.match(), Viewer::of_seat(1)).clauses[0].vote.ballots[1] == Ballot::no);
  t.now += 30'000;
  t.host().advance_clock(t.now);
  const auto closed = view_for(t.match(), Viewer::audience()).clauses[0].vote;
  CHECK(closed.yes == 1);
  CHECK(closed.no == 1);
  CHECK(closed.not_voting == 2);
  CHECK_FALSE(closed.ballots[1]);  // secret for ever
}

TEST_CASE("a roll-call shows every ballot once the vote closes, not before") {
  Table t = conference();
  vote(t, 1, 0, Ballot::no);
  CHECK_FALSE(view_for(t.match(), Viewer::audience()).clauses[0].vote.ballots[1]);
  t.now += 30'000;
  t.host().advance_clock(t.now);
  CHECK(view_for(t.match(), Viewer::audience()).clauses[0].vote.ballots[1] == Ballot::no);
}

}  // namespace
}  // namespace accord::test
