// The participation view's counts, per student and per seat, from a match played with the rules.
#include <catch2/catch.hpp>

#include "../shared/test_support.hpp"
#include "report/participation.hpp"

namespace accord::report::test {
namespace {

using accord::test::Table;

TEST_CASE("participation: what each student did, and who has been silent") {
  Table t(4);
  t.seat_one_each();                                        // participants 0-3, heads
  const ParticipantId member = t.seated("Member of 0", 0);  // participant 4
  t.join("Visitor", Role::spectator);
  CHECK_FALSE(silent(participation(t.match()).at(2), t.match(), 600'000, 60'000));  // the lobby
  t.advance_to(Phase::drafting);

  t.now = 60'000;
  t.must(Actor::of(0), PostMessage{kPlenary, "We should start with the contact points."});
  t.now = 120'000;
  t.must(Actor::of(member), PostMessage{1, "I will draft the attribution clause."});
  t.must(Actor::of(member), PostMessage{kPlenary, "Seat 0 tables soon."});
  t.must(Actor::of(1), TableClause{0, "27", ""});
  t.must(Actor::of(member), TableClause{0, "23", ""});
  t.must(Actor::of(0), Cosponsor{0});
  t.must(Actor::of(2), ProposeAmendment{0, "27u", ""});

  const auto rows = participation(t.match());
  REQUIRE(rows.size() == 5);  // the spectator is left out
  const auto& head0 = rows[0];
  CHECK(head0.name == "Head 0");
  CHECK(head0.head);
  CHECK(head0.messages == 1);
  CHECK(head0.last_spoke == TimeMs{60'000});
  CHECK(head0.clauses_tabled == 0);
  const auto& m = rows[4];
  CHECK(m.id == member);
  CHECK_FALSE(m.head);
  CHECK(m.messages == 2);  // its delegation channel and the plenary
  CHECK(m.last_spoke == TimeMs{120'000});
  CHECK(m.clauses_tabled == 1);
  // The seat's co-sponsorship shows on both members' rows.
  CHECK(head0.seat_cosponsorships == 1);
  CHECK(m.seat_cosponsorships == 1);
  CHECK(rows[1].clauses_tabled == 1);
  CHECK(rows[1].seat_cosponsorships == 0);
  CHECK(rows[2].amendments == 1);
  CHECK(rows[3].messages == 0);
  CHECK_FALSE(rows[3].last_spoke);

  // Five minutes on: head 0 spoke four minutes ago, the member three, seat 3 never.
  const TimeMs now = 300'000;
  const TimeMs threshold = 4 * 60'000;
  CHECK(silent(rows[0], t.match(), now, threshold));
  CHECK_FALSE(silent(rows[4], t.match(), now, threshold));
  CHECK(silent(rows[3], t.match(), now, threshold));
}

TEST_CASE("participation: ballots and deals count for the seat") {
  Table t(4);
  t.seat_one_each();
  t.advance_to(Phase::drafting);
  t.must(Actor::of(0), TableClause{0, "24", ""});
  t.must(Actor::of(1), TableClause{0, "27", ""});
  t.must(Actor::of(0), OfferDeal{1,
                                 {DealTerm{DealAction::vote_yes_clause, 1}},
                                 {DealTerm{DealAction::vote_yes_clause, 0}}});
  t.must(Actor::of(1), AnswerDeal{0, true});
  t.must(Actor::of(2), OfferDeal{3,
                                 {DealTerm{DealAction::cosponsor_clause, 0}},
                                 {DealTerm{DealAction::vote_yes_clause, 1}}});
  t.advance_to(Phase::clause_voting);
  t.must(Actor::of(0), CastBallot{VoteOn::clause, 0, Ballot::yes});
  t.must(Actor::of(0), CastBallot{VoteOn::clause, 1, Ballot::yes});
  t.must(Actor::of(3), CastBallot{VoteOn::clause, 0, Ballot::no});
  const auto rows = participation(t.match());
  CHECK(rows[0].seat_ballots == 2);
  CHECK(rows[3].seat_ballots == 1);
  CHECK(rows[1].seat_ballots == 0);
  CHECK(rows[0].seat_deals_offered == 1);
  CHECK(rows[0].seat_deals_accepted == 1);
  CHECK(rows[1].seat_deals_offered == 0);
  CHECK(rows[1].seat_deals_accepted == 1);
  CHECK(rows[2].seat_deals_offered == 1);
  CHECK(rows[2].seat_deals_accepted == 0);
}

}  // namespace
}  // namespace accord::report::test
