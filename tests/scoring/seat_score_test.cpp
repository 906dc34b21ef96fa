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
  // red line #38 at stake (#38q was tabled) and kept out (#38q lifts it) +5; influence: own
  // clauses 1 and 2, 2 x 4 = 8, co-sponsored clause 3, 1 x 2 = 2, no amendment of its own
  // adopted: 10; deal 1 honoured +5. Total 30 + 5 + 10 + 5 = 50.
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
  CHECK(s0.red_lines[0].at_stake);
  CHECK(s0.red_lines[0].line.text ==
        "Red line kept (+5 points): #38 was on the table and no adopted draft holds it; #38q, the "
        "variant that lifts it, was adopted.");
  CHECK(s0.red_lines_points == 5);
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
  CHECK(s0.total == 50);
  CHECK(s0.summary ==
        "State 0 scores 50: objectives +30 points, red lines +5 points, influence +10 points, "
        "deals +5 points.");

  // Seat 1: objective +30 (it sponsored clause 3); red line #38 kept +5; influence: own
  // clause 3, 4, and clause 2 adopted in its amendment's wording, 3: 7; deal honoured (voted yes
  // on clause 1) +5. Total 30 + 5 + 7 + 5 = 47.
  const SeatScore& s1 = scores[1];
  CHECK(s1.objectives_points == 30);
  CHECK(s1.red_lines_points == 5);
  CHECK(s1.own_clauses == 1);
  CHECK(s1.own_amendments == 1);
  CHECK(s1.influence_points == 7);
  CHECK(s1.influence.at(1).text ==
        "clause 2 (#27u) was adopted in the wording of State 1's amendment: 1 x 3 = +3 points.");
  CHECK(s1.deals_points == 5);
  CHECK(s1.total == 47);

  // Seat 2: red line #38q crossed -10; own free-text clause 4, +4. Total -6.
  const SeatScore& s2 = scores[2];
  CHECK_FALSE(s2.red_lines.at(0).kept_out);
  CHECK(s2.red_lines[0].line.text ==
        "Red line crossed (-10 points): #38q stands in the adopted draft \"Code of conduct\" as "
        "clause 3 (#38q).");
  CHECK(s2.influence_points == 4);
  CHECK(s2.deals.empty());
  CHECK(s2.total == -6);

  // Seat 3: red line kept +5; co-sponsored clause 1, +2. Total 7.
  CHECK(scores[3].cosponsorships == 1);
  CHECK(scores[3].total == 7);
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
  // No code: red line #38 neither kept nor crossed (0), the deal broken (-10).
  REQUIRE(s1.red_lines.size() == 1);
  CHECK_FALSE(s1.red_lines[0].at_stake);
  CHECK(s1.red_lines[0].line.points == 0);
  CHECK(s1.red_lines[0].line.text.find("no code was adopted") != std::string::npos);
  CHECK(s1.total == -10);
  CHECK(seat_score(record, 0).deals_points == 5);
}

TEST_CASE("per-seat score: a red line scores only when it was at stake") {
  // Seat 0's red lines: #38 (nobody tables family 38) and #37 (tabled by seat 1, voted down).
  LogHeader h = one_round();
  h.settings.seats[0].red_lines = {{"38", "38q"}, {"37", ""}};
  Script s;
  s.drafting = [](Table& t) {
    t.must(Actor::of(0), TableClause{0, "24", ""});
    t.must(Actor::of(1), TableClause{0, "37", ""});
  };
  s.clause_ballot = [](SeatIndex, std::uint32_t c) { return c == 1 ? Ballot::no : Ballot::yes; };
  const Table t = play(h, s);
  REQUIRE(t.match().drafts[0].status == DraftStatus::adopted);
  const SeatScore s0 = seat_score(MatchRecord(t.match(), shipped()), 0);
  REQUIRE(s0.red_lines.size() == 2);
  CHECK_FALSE(s0.red_lines[0].at_stake);
  CHECK(s0.red_lines[0].line.points == 0);
  CHECK(s0.red_lines[0].line.text ==
        "Red line #38 was never at stake: no clause of its family was tabled (0 points).");
  CHECK(s0.red_lines[1].at_stake);
  CHECK(s0.red_lines[1].kept_out);
  CHECK(s0.red_lines[1].line.points == kRedLineKeptPoints);
  CHECK(s0.red_lines_points == kRedLineKeptPoints);
}

TEST_CASE("per-seat score: blocking the code has a cost") {
  // Seat 0 wants #38 kept out and its own clause adopted; seat 1 tables #38q. Played twice: once
  // the code is adopted without any family-38 clause (seat 0 votes #38q down), once seat 0
  // blocks the whole code instead.
  LogHeader h = one_round();
  h.settings.seats[0].objectives = {{"Keep content restriction out", "not adopted(38)"},
                                    {"See your own clause adopted", "seat_sponsored_adopted()"}};
  const auto drafting = [](Table& t) {
    t.must(Actor::of(0), TableClause{0, "24", ""});
    t.must(Actor::of(1), TableClause{0, "38q", ""});
  };
  Script negotiated;
  negotiated.drafting = drafting;
  negotiated.clause_ballot = [](SeatIndex, std::uint32_t c) {
    return c == 1 ? Ballot::no : Ballot::yes;
  };
  Script blocked;
  blocked.drafting = drafting;
  blocked.draft_ballot = [](SeatIndex, std::uint32_t) { return Ballot::no; };
  const Table with_code = play(h, negotiated);
  const Table without = play(h, blocked);
  REQUIRE(with_code.match().drafts[0].status == DraftStatus::adopted);
  REQUIRE(without.match().drafts[0].status != DraftStatus::adopted);

  const SeatScore adopted = seat_score(MatchRecord(with_code.match(), shipped()), 0);
  const SeatScore none = seat_score(MatchRecord(without.match(), shipped()), 0);
  // With the code: both objectives (60), red line #38 at stake and kept (+5), own clause (+4).
  CHECK(adopted.objectives_points == 2 * kObjectivePoints);
  CHECK(adopted.red_lines_points == kRedLineKeptPoints);
  CHECK(adopted.total == 60 + 5 + 4);
  // Without: "not adopted(38)" still holds, at half; nothing was kept out by negotiation.
  REQUIRE(none.objectives.size() == 2);
  CHECK(none.objectives[0].achieved);
  CHECK(none.objectives[0].line.points == kObjectiveWithoutCodePoints);
  CHECK(none.objectives[0].line.text.rfind(
            "Achieved, but no code was adopted, so it counts half (+15 points): ", 0) == 0);
  CHECK_FALSE(none.objectives[1].achieved);
  CHECK(none.red_lines_points == 0);
  CHECK(none.total == 15);
  CHECK(none.total < adopted.total);
}

TEST_CASE("per-seat score: the starting text's credit is shared by its sponsors") {
  // Seats 2 and 0 sponsor a starting text of four clauses; three are adopted (#37 is voted
  // down). Each sponsor: round(12 x 3 / (4 x 2)) = round(4.5) = 5 points, and no clause counts
  // as its own. Seat 0 co-sponsors a starting clause (its own draft's: nothing more); seat 1 co-
  // sponsors all three that pass (2 points each).
  LogHeader h = one_round();
  h.settings.drafts[0].sponsors = {2, 0};
  h.settings.drafts[0].starting_refs = {"1", "24", "29", "37"};
  Script s;
  s.drafting = [](Table& t) {
    t.must(Actor::of(0), Cosponsor{0});
    for (ClauseId c : {0u, 1u, 2u})
      t.must(Actor::of(1), Cosponsor{c});
  };
  s.clause_ballot = [](SeatIndex, std::uint32_t c) { return c == 3 ? Ballot::no : Ballot::yes; };
  const Table t = play(h, s);
  REQUIRE(t.match().drafts[0].status == DraftStatus::adopted);
  REQUIRE(t.match().clauses.size() == 4);
  const MatchRecord record(t.match(), shipped());
  for (SeatIndex sponsor : {0u, 2u}) {
    const SeatScore score = seat_score(record, sponsor);
    CHECK(score.own_clauses == 0);
    CHECK(score.cosponsorships == 0);
    CHECK(score.starting_text_points == 5);
    CHECK(score.influence_points == 5);
    REQUIRE_FALSE(score.influence.empty());
    CHECK(score.influence.back().text ==
          "The starting text of \"Code of conduct\": 3 of its 4 clauses adopted; 12 points "
          "shared by its 2 sponsors: +5 points.");
  }
  const SeatScore backer = seat_score(record, 1);
  CHECK(backer.cosponsorships == 3);
  CHECK(backer.starting_text_points == 0);
  CHECK(backer.influence_points == 3 * kCosponsorshipPoints);
}

TEST_CASE("per-seat score: co-sponsorships count up to five") {
  // Seat 1 co-sponsors seven adopted clauses of seat 0's: only five count.
  LogHeader h = one_round();
  h.settings.rules.max_clauses_per_seat_per_round = 8;
  Script s;
  s.drafting = [](Table& t) {
    for (const char* ref : {"1", "6", "23", "24", "27", "29", "36"})
      t.must(Actor::of(0), TableClause{0, ref, ""});
    for (ClauseId c = 0; c < 7; ++c)
      t.must(Actor::of(1), Cosponsor{c});
  };
  const Table t = play(h, s);
  const SeatScore backer = seat_score(MatchRecord(t.match(), shipped()), 1);
  CHECK(backer.cosponsorships == 7);
  CHECK(backer.influence_points == kMaxCountedCosponsorships * kCosponsorshipPoints);
  CHECK(backer.influence.at(0).text.find("the first 5 count, 5 x 2 = +10 points.") !=
        std::string::npos);
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
