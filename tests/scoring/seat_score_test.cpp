// The per-seat score: a worked example computed by hand, broken deals, faulty objectives, the
// same score on every debrief view; and scenario goals.
#include "scoring/seat_score.hpp"
#include "match_fixtures.hpp"

namespace accord::scoring::test {
namespace {

const std::string kFreeText = "States shall publish annual reports on their cyber operations.";

// Four seats, one round. Seat 0's objectives: adopted(24), not adopted(38), and a faulty one.
// Seat 1's: seat_sponsored_adopted(). Every seat's red line is #38 (lifted by #38q), except
// seat 2's, which is #38q itself.
//   clause 1 (#24)  by seat 0, co-sponsored by seat 3
//   clause 2 (#27)  by seat 0, amended to #27u by seat 1 (seat 0 accepts)
//   clause 3 (#38q) by seat 1, co-sponsored by seat 0
//   clause 4 (free text) by seat 2
//   deal 1: seat 0 co-sponsors clause 3 if seat 1 votes yes on clause 1; both keep their word.
// Everything is adopted (seat 3 votes no on clause 3: 3 to 1), then the draft unanimously.
Table worked_example() {
  LogHeader h = one_round(4);
  h.settings.seats[0].objectives = {{"Get the points-of-contact directory adopted", "adopted(24)"},
                                    {"Keep content restriction out", "not adopted(38)"},
                                    {"A faulty objective", "adopted(99)"}};
  h.settings.seats[1].objectives = {{"See your own clause adopted", "seat_sponsored_adopted()"}};
  h.settings.seats[2].red_lines = {{"38q", ""}};
  Script s;
  s.drafting = [](Table& t) {
    t.must(Actor::of(0), TableClause{0, "24", ""});
    t.must(Actor::of(0), TableClause{0, "27", ""});
    t.must(Actor::of(1), TableClause{0, "38q", ""});
    t.must(Actor::of(2), TableClause{0, "", kFreeText});
    t.must(Actor::of(0), OfferDeal{1,
                                   {DealTerm{DealAction::cosponsor_clause, 2}},
                                   {DealTerm{DealAction::vote_yes_clause, 0}}});
    t.must(Actor::of(1), AnswerDeal{0, true});
    t.must(Actor::of(0), Cosponsor{2});
    t.must(Actor::of(1), ProposeAmendment{1, "27u", ""});
    t.must(Actor::of(0), AnswerAmendment{1, 0, true});
    t.must(Actor::of(3), Cosponsor{0});
  };
  s.clause_ballot = [](SeatIndex seat, std::uint32_t c) {
    return seat == 3 && c == 2 ? Ballot::no : Ballot::yes;
  };
  return play(h, s);
}

TEST_CASE("per-seat score: the worked example, computed by hand") {
  const Table t = worked_example();
  REQUIRE(t.match().drafts[0].status == DraftStatus::adopted);
  REQUIRE(t.match().clauses[1].ref == "27u");
  const MatchRecord record(t.match(), shipped());
  const auto scores = seat_scores(record);
  REQUIRE(scores.size() == 4);

  // Seat 0: objectives 30 (adopted(24)) + 0 (#38q is of family 38) + 0 (faulty) = 30;
  // red line #38 kept out (#38q lifts it) +10; influence: own clauses 1 and 2, 2 x 4 = 8,
  // co-sponsored clause 3, 1 x 2 = 2, no amendment of its own adopted: 10; deal 1 honoured +5.
  // Total 30 + 10 + 10 + 5 = 55.
  const SeatScore& s0 = scores[0];
  REQUIRE(s0.objectives.size() == 3);
  CHECK(s0.objectives[0].achieved);
  CHECK(s0.objectives[0].line.points == 30);
  CHECK(s0.objectives[0].line.text ==
        "Achieved (+30 points): Clause 1 (#24) stands in the adopted draft \"Code of conduct\".");
  CHECK_FALSE(s0.objectives[1].achieved);
  CHECK(s0.objectives[1].line.points == 0);
  CHECK(s0.objectives[1].line.text.find("Clause 3 (#38q) stands in") != std::string::npos);
  CHECK_FALSE(s0.objectives[2].valid);
  CHECK(s0.objectives[2].line.points == 0);
  CHECK(s0.objectives[2].line.text.find("unknown clause family '99'") != std::string::npos);
  CHECK(s0.objectives_points == 30);
  REQUIRE(s0.red_lines.size() == 1);
  CHECK(s0.red_lines[0].kept_out);
  CHECK(s0.red_lines[0].line.text ==
        "Red line kept (+10 points): no adopted draft holds #38; #38q, the variant that lifts "
        "it, was adopted.");
  CHECK(s0.red_lines_points == 10);
  CHECK(s0.own_clauses == 2);
  CHECK(s0.own_amendments == 0);
  CHECK(s0.cosponsorships == 1);
  CHECK(s0.influence_points == 10);
  REQUIRE(s0.influence.size() == 2);
  CHECK(s0.influence[0].text ==
        "State 0 sponsored clauses 1 (#24) and 2 (#27u), adopted: 2 x 4 = +8 points.");
  CHECK(s0.influence[1].text ==
        "State 0 co-sponsored clause 3 (#38q), adopted: 1 x 2 = +2 points.");
  CHECK(s0.deals_honoured == 1);
  CHECK(s0.deals_points == 5);
  REQUIRE(s0.deals.size() == 1);
  CHECK(s0.deals[0].text.rfind("Deal 1 with State 1: honoured (+5 points).", 0) == 0);
  CHECK(s0.total == 55);
  CHECK(s0.summary ==
        "State 0 scores 55: objectives +30 points, red lines +10 points, influence +10 points, "
        "deals +5 points.");

  // Seat 1: objective +30 (it sponsored clause 3); red line #38 kept +10; influence: own
  // clause 3, 4, and clause 2 adopted in its amendment's wording, 3: 7; deal honoured (voted yes
  // on clause 1) +5. Total 30 + 10 + 7 + 5 = 52.
  const SeatScore& s1 = scores[1];
  CHECK(s1.objectives_points == 30);
  CHECK(s1.red_lines_points == 10);
  CHECK(s1.own_clauses == 1);
  CHECK(s1.own_amendments == 1);
  CHECK(s1.influence_points == 7);
  CHECK(s1.influence.at(1).text ==
        "clause 2 (#27u) was adopted in the wording of State 1's amendment: 1 x 3 = +3 points.");
  CHECK(s1.deals_points == 5);
  CHECK(s1.total == 52);

  // Seat 2: red line #38q crossed -10; own free-text clause 4, +4. Total -6.
  const SeatScore& s2 = scores[2];
  CHECK_FALSE(s2.red_lines.at(0).kept_out);
  CHECK(s2.red_lines[0].line.text ==
        "Red line crossed (-10 points): #38q stands in the adopted draft \"Code of conduct\" as "
        "clause 3 (#38q).");
  CHECK(s2.influence_points == 4);
  CHECK(s2.deals.empty());
  CHECK(s2.total == -6);

  // Seat 3: red line kept +10; co-sponsored clause 1, +2. Total 12.
  CHECK(scores[3].cosponsorships == 1);
  CHECK(scores[3].total == 12);
}

TEST_CASE("per-seat score: the same on every debrief view") {
  const Table t = worked_example();
  const MatchRecord server(t.match(), shipped());
  for (const auto viewer : {Viewer::audience(), Viewer::of_seat(2), Viewer::facilitator()}) {
    const Match view = view_for(t.match(), viewer);
    const MatchRecord seen(view, shipped());
    for (SeatIndex s = 0; s < 4; ++s) {
      const SeatScore a = seat_score(server, s);
      const SeatScore b = seat_score(seen, s);
      CHECK(a.total == b.total);
      CHECK(a.summary == b.summary);
      REQUIRE(a.objectives.size() == b.objectives.size());
      for (std::size_t i = 0; i < a.objectives.size(); ++i)
        CHECK(a.objectives[i].line.text == b.objectives[i].line.text);
      REQUIRE(a.deals.size() == b.deals.size());
      for (std::size_t i = 0; i < a.deals.size(); ++i)
        CHECK(a.deals[i].text == b.deals[i].text);
    }
  }
}

TEST_CASE("per-seat score: a broken deal costs 10, nothing adopted earns no influence") {
  Script s;
  s.drafting = [](Table& t) {
    t.must(Actor::of(0), TableClause{0, "24", ""});
    t.must(Actor::of(1), TableClause{0, "27", ""});
    t.must(Actor::of(0), OfferDeal{1,
                                   {DealTerm{DealAction::vote_yes_clause, 1}},
                                   {DealTerm{DealAction::vote_yes_clause, 0}}});
    t.must(Actor::of(1), AnswerDeal{0, true});
  };
  // Seat 1 votes no on clause 1 (seat 0's), which still passes 3 to 1; everyone else says yes.
  // The final vote fails, so nothing is adopted.
  s.clause_ballot = [](SeatIndex seat, std::uint32_t c) {
    return seat == 1 && c == 0 ? Ballot::no : Ballot::yes;
  };
  s.draft_ballot = [](SeatIndex, std::uint32_t) { return Ballot::no; };
  const Table t = play(one_round(), s);
  const MatchRecord record(t.match(), shipped());
  const SeatScore s1 = seat_score(record, 1);
  CHECK(s1.deals_broken == 1);
  CHECK(s1.deals_points == -10);
  CHECK(s1.deals.at(0).text.find("broken (-10 points)") != std::string::npos);
  CHECK(s1.deals.at(0).text.find("voted no on clause 1") != std::string::npos);
  REQUIRE(s1.influence.size() == 1);
  CHECK(s1.influence[0].points == 0);
  CHECK(s1.influence_points == 0);
  CHECK(s1.total == 10 - 10);  // red line #38 kept, deal broken
  CHECK(seat_score(record, 0).deals_points == 5);
}

TEST_CASE("scenario goals: conditions without a seat") {
  const Table t = worked_example();
  const MatchRecord record(t.match(), shipped());
  const auto met = evaluate_goal("code_adopted() and legitimacy_at_least(100)", record);
  CHECK(met.achieved);
  CHECK_FALSE(met.error);
  CHECK(met.explanation.find("was adopted") != std::string::npos);
  const auto missed = evaluate_goal("not adopted(38)", record);
  CHECK_FALSE(missed.achieved);
  CHECK(missed.explanation == "Clause 3 (#38q) stands in the adopted draft \"Code of conduct\".");
  const auto seat_only = evaluate_goal("code_adopted() and deals_honoured()", record);
  CHECK_FALSE(seat_only.achieved);
  REQUIRE(seat_only.error);
  CHECK(seat_only.error->position == 19);
  CHECK(seat_only.explanation.find("a scenario goal has no seat") != std::string::npos);
}

}  // namespace
}  // namespace accord::scoring::test
