// Hand-checked scorecards. Values are per mille of the maximum (shown /10 on 0-100).
// Steps (docs/scoring.md): R = clause points + interaction effects;
// S = round(1000 R / (R + 6)), 0 when R <= 0; content = round(coh * sum(w * S) / 10^6);
// LA = min(1000, round((600 ys + 400 bc) / 1000) + 100 if consensus);
// final = round(content * (1000 + LA) / 2000). round = nearest, halves away from zero.
#include "scoring_test_support.hpp"

namespace accord::scoring::test {
namespace {

std::array<int, 7> values(const Scorecard& card) {
  std::array<int, 7> out{};
  for (std::size_t i = 0; i < 7; ++i)
    out[i] = card.criteria[i].value;
  return out;
}

TEST_CASE("verification loop: #23 + #24 + #26 (synergy S1), no vote") {
  // Raw:   23 = (1,2,3,0,2,0,0), 24 = (2,1,1,0,2,2,0), 26 = (1,3,2,0,0,0,1)
  //        sum MI 4, TR 6, AV 6, RF 0, RS 4, CC 2, SP 1; S1 adds AV +2, TR +1 -> TR 7, AV 8.
  // S:     MI 4000/10 = 400; TR 7000/13 = 538.5 -> 538; AV 8000/14 = 571.4 -> 571; RF 0;
  //        RS 400; CC 2000/8 = 250; SP 1000/7 = 142.9 -> 143.
  // Balanced: 180*400 + 160*538 + 140*571 + 0 + 140*400 + 120*250 + 120*143
  //        = 72000 + 86080 + 79940 + 56000 + 30000 + 17160 = 341180 -> 341.18 -> 341 (34.1).
  const auto card = score_ok(draft_of({"23", "24", "26"}));
  CHECK(fired(card, "S1"));
  CHECK(criterion(card, Criterion::AV).raw_points == 8);
  CHECK(values(card) == std::array<int, 7>{400, 538, 571, 0, 400, 250, 143});
  CHECK(card.content == 341);
  CHECK_FALSE(card.legitimacy);
  CHECK(card.final_score == 341);
  CHECK(format_score(card.final_score) == "34.1");
}

TEST_CASE("a contradiction lowers coherence: #27 + #29 + #37 + #38") {
  // Raw:   27 = (3,1,1,0,1,1,1), 29 = (3,0,0,0,1,2,1), 37 = (0,1,0,3,0,0,1),
  //        38 = (0,-1,-1,-3,1,1,-1): MI 6, TR 1, AV 0, RF 0, RS 3, CC 4, SP 2.
  //        S2 (27 + 29): MI +2 -> 8.  X1 (37 + unqualified 38): RF -1 -> -1, 1 contradiction.
  // S:     MI 8000/14 = 571; TR 143; AV 0; RF 0 (floored); RS 3000/9 = 333; CC 400; SP 250.
  // Sum:   180*571 + 160*143 + 140*333 + 120*400 + 120*250
  //        = 102780 + 22880 + 46620 + 48000 + 30000 = 250280.
  // coh:   1000 - 80 * 1 = 920.  content = 250280 * 920 / 10^6 = 230.26 -> 230 (23.0).
  const auto card = score_ok(draft_of({"27", "29", "37", "38"}));
  CHECK(fired(card, "S2"));
  CHECK(fired(card, "X1"));
  CHECK(card.contradictions == 1);
  CHECK(card.coherence_pm == 920);
  CHECK(criterion(card, Criterion::RF).raw_points == -1);
  CHECK(values(card) == std::array<int, 7>{571, 143, 0, 0, 333, 400, 250});
  CHECK(card.content == 230);
  // RF: #37's 3 points in favour would give 3000/9 = 333; the 4 against (#38 -3, X1 -1) take
  // it all back, in proportion: -249.75 and -83.25, apportioned to -250 and -83.
  const auto& rf = criterion(card, Criterion::RF);
  REQUIRE(rf.terms.size() == 3);
  CHECK(rf.terms[0].ref == "37");
  CHECK(rf.terms[0].value == 333);
  CHECK(rf.terms[1].value == -250);
  CHECK(rf.terms[2].ref == "X1");
  CHECK(rf.terms[2].value == -83);
  CHECK(rf.note.find("The 4 points against outweigh them") != std::string::npos);
  // The coherence term is what the contradiction costs: 250.28 - 230 -> -20.
  REQUIRE(card.content_terms.back().kind == TermKind::coherence);
  CHECK(card.content_terms.back().value == -20);

  // The narrowing qualifier (38q) removes the contradiction.
  const auto fixed = score_ok(draft_of({"27", "29", "37", "38q"}));
  CHECK_FALSE(fired(fixed, "X1"));
  CHECK(fixed.contradictions == 0);
  CHECK(fixed.content > card.content);
}

TEST_CASE("a negative raw total floors at zero: #3 + #38 + #13") {
  // Raw:   3 = (1,-1,0,-2,0,0,-1), 38 = (0,-1,-1,-3,1,1,-1), 13 = (0,0,-1,-2,1,0,0)
  //        MI 1, TR -2, AV -2, RF -7, RS 2, CC 1, SP -2; no interaction fires.
  // S:     MI 143; RS 2000/8 = 250; CC 143; TR, AV, RF, SP floored at 0.
  // Sum:   180*143 + 140*250 + 120*143 = 25740 + 35000 + 17160 = 77900 -> 77.9 -> 78 (7.8).
  const auto card = score_ok(draft_of({"3", "38", "13"}));
  CHECK(card.interactions.empty());
  const auto& rf = criterion(card, Criterion::RF);
  CHECK(rf.raw_points == -7);
  CHECK(rf.value == 0);
  // Only points against: nothing in favour for them to take back, so each shows 0.0 and the
  // note says why (no "floor" term lifting the criterion back up).
  REQUIRE(rf.terms.size() == 3);
  for (const auto& t : rf.terms)
    CHECK(t.value == 0);
  CHECK(rf.note ==
        "7 points against and none in favour: a criterion cannot go below 0, so they "
        "take nothing.");
  CHECK(values(card) == std::array<int, 7>{143, 0, 0, 0, 250, 143, 0});
  CHECK(card.content == 78);
}

TEST_CASE("the sovereigntist lens weighs the same text differently: #5 + #12 + #29 + #40") {
  // Raw:   5 = (1,0,1,0,3,0,0), 12 = (1,0,0,0,2,0,0), 29 = (3,0,0,0,1,2,1), 40 = (2,0,0,0,0,0,-1)
  //        MI 7, TR 0, AV 1, RF 0, RS 6, CC 2, SP 0.
  // S:     MI 7000/13 = 538; AV 143; RS 500; CC 250.
  // Sovereigntist (260,100,100,60,220,180,80):
  //        260*538 + 100*143 + 220*500 + 180*250 = 139880 + 14300 + 110000 + 45000
  //        = 309180 -> 309 (30.9).
  // Balanced: 180*538 + 140*143 + 140*500 + 120*250 = 96840 + 20020 + 70000 + 30000
  //        = 216860 -> 217 (21.7).
  const auto sov = score_ok(draft_of({"5", "12", "29", "40"}, "sovereigntist"));
  CHECK(sov.preset_id == "sovereigntist");
  CHECK(values(sov) == std::array<int, 7>{538, 0, 143, 0, 500, 250, 0});
  CHECK(sov.content == 309);
  const auto bal = score_ok(draft_of({"5", "12", "29", "40"}));
  CHECK(bal.content == 217);
}

TEST_CASE("a split vote: #1 + #14 + #24 + #29, 10 yes, 6 no, 4 abstain, 2 not voting") {
  // Raw:   1 = (1,0,1,1,2,0,0), 14 = (0,0,1,1,3,0,0), 24 = (2,1,1,0,2,2,0), 29 = (3,0,0,0,1,2,1)
  //        MI 6, TR 1, AV 3, RF 2, RS 8, CC 4, SP 1.
  // S:     500, 143, 333, 250, 571, 400, 143.
  // Sum:   90000 + 22880 + 46620 + 35000 + 79940 + 48000 + 17160 = 339600 -> 339.6 -> 340.
  // Vote:  not voting is absent. ys = 2*10 / (20 + 12 + 4) = 0.5556 -> 556; bc = 3/6 -> 500.
  //        LA = round((600*556 + 400*500) / 1000) = round(533.6) = 534; no consensus bonus.
  // Final: round(340 * 1534 / 2000) = round(260.78) = 261 (26.1).
  Draft d = draft_of({"1", "14", "24", "29"});
  d.vote = VoteRecord{false, 0, 10, 6, 4, 2, 3, 6};
  const auto card = score_ok(d);
  CHECK(card.content == 340);
  REQUIRE(card.legitimacy);
  CHECK(card.legitimacy->yes_share_pm == 556);
  CHECK(card.legitimacy->bloc_coverage_pm == 500);
  CHECK(card.legitimacy->value == 534);
  CHECK_FALSE(card.legitimacy->contested);
  CHECK(card.final_score == 261);
  // Final terms: content 340 and the legitimacy cut 340 * (534 - 1000) / 2000 = -79.2 -> -79.
  REQUIRE(card.final_terms.size() == 2);
  CHECK(card.final_terms[0].value == 340);
  CHECK(card.final_terms[1].value == -79);
  // Legitimacy terms: 333.6 and 200.0, apportioned to 534: 334 + 200.
  CHECK(card.legitimacy->terms[0].value == 334);
  CHECK(card.legitimacy->terms[1].value == 200);
}

TEST_CASE("a narrow vote is contested: the same draft, 8 yes, 9 no, 3 abstain, 1 of 6 blocs") {
  // ys = 16 / (16 + 18 + 3) = 0.4324 -> 432; bc = 1/6 -> 167.
  // LA = round((259200 + 66800) / 1000) = 326 < 400: contested.
  // Final = round(340 * 1326 / 2000) = round(225.42) = 225.
  Draft d = draft_of({"1", "14", "24", "29"});
  d.vote = VoteRecord{false, 0, 8, 9, 3, 0, 1, 6};
  const auto card = score_ok(d);
  REQUIRE(card.legitimacy);
  CHECK(card.legitimacy->value == 326);
  CHECK(card.legitimacy->contested);
  CHECK(card.final_score == 225);
}

TEST_CASE("adoption without a vote counts every occupied seat in favour: #27 + #29") {
  // Raw:   MI 3+3 = 6, +2 (S2) = 8; TR 1; AV 1; RF 0; RS 2; CC 3; SP 2.
  // S:     571, 143, 143, 0, 250, 333, 250.
  // Sum:   102780 + 22880 + 20020 + 35000 + 39960 + 30000 = 250640 -> 250.64 -> 251.
  // LA:    ys = bc = 1000, consensus bonus 100, capped: 600 + 400 + 100 - 100 = 1000.
  // Final: 251 * 2000 / 2000 = 251.
  Draft d = draft_of({"27", "29"});
  d.vote = VoteRecord{true, 20, 0, 0, 0, 0, 0, 0};
  const auto card = score_ok(d);
  CHECK(card.content == 251);
  REQUIRE(card.legitimacy);
  CHECK(card.legitimacy->value == 1000);
  REQUIRE(card.legitimacy->terms.size() == 4);
  CHECK(card.legitimacy->terms[2].kind == TermKind::consensus_bonus);
  CHECK(card.legitimacy->terms[3].kind == TermKind::legitimacy_cap);
  CHECK(card.legitimacy->terms[3].value == -100);
  CHECK(card.final_score == 251);
  CHECK(card.final_terms.size() == 1);
}

TEST_CASE("a free-text clause scores like a catalogue clause") {
  // "publish" (TR +2) and "report" (TR +2) under "shall": TR 4, capped at 3 per clause.
  // S(TR) = 3000 / 9 = 333; content = 160 * 333 / 1000 = 53.28 -> 53.
  Draft d;
  d.clauses.push_back(DraftClause::of_text("States shall publish annual reports."));
  const auto card = score_ok(d);
  CHECK(card.clauses[0].points == Points{0, 3, 0, 0, 0, 0, 0});
  CHECK(criterion(card, Criterion::TR).value == 333);
  CHECK(card.content == 53);
  CHECK(criterion(card, Criterion::TR).terms[0].kind == TermKind::free_text);
}

TEST_CASE("the facilitator's points replace the analyzer's") {
  Draft d;
  d.clauses.push_back(DraftClause::of_text("Zorp blarg wibble."));
  d.clauses[0].facilitator_points = Points{0, 0, 0, 2, 0, 0, 0};
  const auto card = score_ok(d);
  CHECK(card.clauses[0].facilitator_override);
  CHECK(criterion(card, Criterion::RF).raw_points == 2);
}

TEST_CASE("bad drafts are refused with every problem and its path") {
  Draft d = draft_of({"27", "99", "36", "36r"}, "utopian");
  d.clauses.push_back(DraftClause::of_text(std::string(5000, 'a')));
  d.clauses.push_back(DraftClause::of_text("   "));
  d.vote = VoteRecord{false, 0, 0, 0, 0, 0, 3, 2};
  const auto outcome = score(shipped(), d);
  REQUIRE_FALSE(outcome);
  std::vector<std::string> described;
  for (const auto& e : outcome.errors)
    described.push_back(e.describe());
  CHECK(described == std::vector<std::string>{
                         "/clauses/1/ref: unknown clause reference '99'",
                         "/clauses/3/ref: clause family 36 is already in the draft at /clauses/2 "
                         "(#36); a draft may hold one clause of each family",
                         "/clauses/4/text: clause is 5000 bytes long; at most 2000",
                         "/clauses/5: a clause needs a ref or a non-empty text",
                         "/preset: unknown preset 'utopian' (expected one of balanced, "
                         "sovereigntist, liberal)",
                         "/vote: no yes, no or abstain votes were cast",
                         "/vote/blocs_in_favour: more blocs in favour than blocs in total"});
}

TEST_CASE("an empty draft scores zero") {
  const auto card = score_ok(Draft{});
  CHECK(card.content == 0);
  CHECK(card.final_score == 0);
}

}  // namespace
}  // namespace accord::scoring::test
