// Every predicate of the condition language over real matches played to the debrief: one
// match where it holds and one where it does not, with the sentence that says why.
#include "match_fixtures.hpp"

namespace accord::scoring::test {
namespace {

bool says(const ConditionResult& r, const std::string& words) {
  INFO(r.explanation);
  return r.explanation.find(words) != std::string::npos;
}

// Seat 0 tables #24 (clause 1) and #27 (clause 2); seat 1 tables #38q (clause 3), which seats 0
// and 2 co-sponsor. Everyone votes yes on everything.
Match base() {
  Script s;
  s.drafting = [](Table& t) {
    t.must(Actor::of(0), TableClause{0, "24", ""});
    t.must(Actor::of(0), TableClause{0, "27", ""});
    t.must(Actor::of(1), TableClause{0, "38q", ""});
    t.must(Actor::of(0), Cosponsor{2});
    t.must(Actor::of(2), Cosponsor{2});
  };
  return play(one_round(), s).match();
}

Match only(std::vector<std::string> refs) {
  Script s;
  s.drafting = tables(std::move(refs));
  return play(one_round(), s).match();
}

TEST_CASE("code_adopted: some draft was adopted") {
  CHECK(check(base(), "code_adopted()").holds);
  Script s;
  s.drafting = tables({"24"});
  s.draft_ballot = [](SeatIndex, std::uint32_t) { return Ballot::no; };
  const Match failed = play(one_round(), s).match();
  REQUIRE(failed.drafts[0].status == DraftStatus::failed);
  const auto r = check(failed, "code_adopted()");
  CHECK_FALSE(r.holds);
  CHECK(r.explanation == "No draft was adopted.");
}

TEST_CASE("adopted(F): any variant of the family stands in an adopted draft") {
  const auto yes = check(base(), "adopted(38)");
  CHECK(yes.holds);
  CHECK(yes.explanation == "Clause 3 (#38q) stands in the adopted draft \"Code of conduct\".");
  const auto no = check(only({"24"}), "adopted(38)");
  CHECK_FALSE(no.holds);
  CHECK(says(no, "No adopted draft holds a clause of family 38"));
}

TEST_CASE("adopted(F): a clause rejected in clause voting or in a failed draft does not count") {
  Script rejected;
  rejected.drafting = tables({"24", "38"});
  rejected.clause_ballot = [](SeatIndex, std::uint32_t c) {
    return c == 1 ? Ballot::no : Ballot::yes;
  };
  CHECK_FALSE(check(play(one_round(), rejected).match(), "adopted(38)").holds);
  Script failed;
  failed.drafting = tables({"38"});
  failed.draft_ballot = [](SeatIndex, std::uint32_t) { return Ballot::no; };
  CHECK_FALSE(check(play(one_round(), failed).match(), "adopted(38)").holds);
}

TEST_CASE("adopted_ref(R): the exact reference") {
  CHECK(check(base(), "adopted_ref(38q)").holds);
  const auto no = check(only({"24", "38"}), "adopted_ref(38q)");
  CHECK_FALSE(no.holds);
  CHECK(says(no, "No adopted draft holds clause #38q"));
  CHECK(says(no, "another variant of family 38"));
}

// Two drafts: seat 0 tables #24 and #27 into draft 0, seat 1 tables #24 into draft 1.
Match rival_drafts(bool adopt_second) {
  LogHeader h = one_round();
  h.settings.drafts.push_back(DraftSetup{"Rival code", {}, {}});
  Script s;
  s.drafting = [](Table& t) {
    t.must(Actor::of(0), TableClause{0, "24", ""});
    t.must(Actor::of(0), TableClause{0, "27", ""});
    t.must(Actor::of(1), TableClause{1, "24", ""});
  };
  s.draft_ballot = [adopt_second](SeatIndex, std::uint32_t d) {
    return d == 1 && !adopt_second ? Ballot::no : Ballot::yes;
  };
  return play(h, s).match();
}

TEST_CASE("adopted_in(D, F): the family in one named adopted draft") {
  const Match both = rival_drafts(true);
  const auto yes = check(both, "adopted_in(1, 24)");
  CHECK(yes.holds);
  CHECK(says(yes, "Clause 3 (#24) stands in the adopted draft \"Rival code\""));
  const auto absent = check(both, "adopted_in(1, 27)");
  CHECK_FALSE(absent.holds);
  CHECK(says(absent, "The adopted draft \"Rival code\" holds no clause of family 27"));
  const auto not_adopted = check(rival_drafts(false), "adopted_in(1, 24)");
  CHECK_FALSE(not_adopted.holds);
  CHECK(says(not_adopted, "The draft \"Rival code\" was not adopted"));
  const auto no_draft = check(both, "adopted_in(5, 24)");
  CHECK_FALSE(no_draft.holds);
  CHECK(says(no_draft, "There is no draft number 5"));
}

Match cosponsored_by(std::vector<SeatIndex> seats) {
  Script s;
  s.drafting = [seats](Table& t) {
    t.must(Actor::of(0), TableClause{0, "24", ""});
    for (SeatIndex seat : seats)
      t.must(Actor::of(seat), Cosponsor{0});
  };
  return play(one_round(), s).match();
}

TEST_CASE("adopted_with_cosponsors(F, N)") {
  const auto yes = check(cosponsored_by({1, 2}), "adopted_with_cosponsors(24, 2)");
  CHECK(yes.holds);
  CHECK(says(yes, "was adopted with 2 co-sponsors"));
  const auto no = check(cosponsored_by({3}), "adopted_with_cosponsors(24, 2)");
  CHECK_FALSE(no.holds);
  CHECK(says(no, "1 co-sponsor, fewer than the 2 needed"));
}

TEST_CASE("seat_sponsored_adopted(): the owner sponsored a clause that was adopted") {
  const auto yes = check(base(), "seat_sponsored_adopted()", 1);
  CHECK(yes.holds);
  CHECK(says(yes, "State 1 sponsored clause 3 (#38q)"));
  Script s;
  s.drafting = tables({"24", "27"});
  s.clause_ballot = [](SeatIndex, std::uint32_t c) { return c == 0 ? Ballot::yes : Ballot::no; };
  const Match m = play(one_round(), s).match();
  CHECK(check(m, "seat_sponsored_adopted()", 0).holds);
  const auto no = check(m, "seat_sponsored_adopted()", 1);
  CHECK_FALSE(no.holds);
  CHECK(says(no, "State 1 sponsored no clause that was adopted"));
}

TEST_CASE("seat_supported_adopted(N): sponsorships and co-sponsorships count") {
  const Match m = base();
  const auto seat0 = check(m, "seat_supported_adopted(3)", 0);  // two own, one co-sponsored
  CHECK(seat0.holds);
  CHECK(says(seat0, "3 adopted clauses (2 sponsored, 1 co-sponsored)"));
  const auto seat2 = check(m, "seat_supported_adopted(2)", 2);
  CHECK_FALSE(seat2.holds);
  CHECK(says(seat2, "1 adopted clause (0 sponsored, 1 co-sponsored), fewer than the 2 needed"));
}

TEST_CASE("the seat predicates fail without an owner seat") {
  const auto r = check(base(), "seat_sponsored_adopted()", std::nullopt);
  CHECK_FALSE(r.holds);
  CHECK(says(r, "this condition has none"));
}

TEST_CASE("criterion_at_least(C, X): an adopted draft's criterion on the 0-100 scale") {
  // #36 alone: RF 3 points, S = round(1000 x 3 / 9) = 333, shown 33.3.
  const Match rights = only({"36"});
  const auto yes = check(rights, "criterion_at_least(RF, 33.3)");
  CHECK(yes.holds);
  CHECK(says(yes, "scores 33.3 on Rights and free flow of information (RF), at least 33.3"));
  CHECK_FALSE(check(rights, "criterion_at_least(RF, 33.4)").holds);
  // #24 and #27: RF 0.
  const auto no = check(only({"24", "27"}), "criterion_at_least(RF, 10)");
  CHECK_FALSE(no.holds);
  CHECK(says(no, "scores 0.0 on"));
}

TEST_CASE("content_at_least(X) and final_at_least(X) read the adopted draft's scorecard") {
  const Match rich = only({"23", "24", "27", "29", "39"});
  const Match poor = only({"6"});
  const int rich_content = score_ok(draft_of({"23", "24", "27", "29", "39"})).content;
  const int poor_content = score_ok(draft_of({"6"})).content;
  REQUIRE(rich_content > poor_content);
  const std::string at = format_score(rich_content);
  CHECK(check(rich, "content_at_least(" + at + ")").holds);
  CHECK_FALSE(check(poor, "content_at_least(" + at + ")").holds);
  // Everyone voted yes: legitimacy 100, so the final score equals the content score.
  CHECK(check(rich, "final_at_least(" + at + ")").holds);
  const auto no = check(poor, "final_at_least(" + at + ")");
  CHECK_FALSE(no.holds);
  CHECK(says(no, "on the final score, below " + at));
}

TEST_CASE("legitimacy_at_least(X): from the final vote") {
  CHECK(check(base(), "legitimacy_at_least(100)").holds);
  Script split;
  split.drafting = tables({"24"});
  split.draft_ballot = [](SeatIndex s, std::uint32_t) { return s == 3 ? Ballot::no : Ballot::yes; };
  const auto r = check(play(one_round(), split).match(), "legitimacy_at_least(100)");
  CHECK_FALSE(r.holds);
  // 3 yes, 1 no: yes share 750; North 2/2 yes, South 1/2: one bloc of two in favour (500).
  // LA = round((600 x 750 + 400 x 500) / 1000) = 650, no consensus bonus.
  CHECK(says(r, "scores 65.0 on legitimacy"));
}

// Seat 0 (clause 1, #24) and seat 1 (clause 2, #27) agree: seat 0 co-sponsors clause 2, seat 1
// votes yes on clause 1.
Match with_deal(Ballot seat1_on_clause0) {
  Script s;
  s.drafting = [](Table& t) {
    t.must(Actor::of(0), TableClause{0, "24", ""});
    t.must(Actor::of(1), TableClause{0, "27", ""});
    t.must(Actor::of(0), OfferDeal{1,
                                   {DealTerm{DealAction::cosponsor_clause, 1}},
                                   {DealTerm{DealAction::vote_yes_clause, 0}}});
    t.must(Actor::of(1), AnswerDeal{0, true});
    t.must(Actor::of(0), Cosponsor{1});
  };
  s.clause_ballot = [seat1_on_clause0](SeatIndex seat, std::uint32_t c) {
    return seat == 1 && c == 0 ? seat1_on_clause0 : Ballot::yes;
  };
  return play(one_round(), s).match();
}

TEST_CASE("deals_honoured(): every verifiable deal honoured, and at least one") {
  const Match kept = with_deal(Ballot::yes);
  const auto yes = check(kept, "deals_honoured()", 1);
  CHECK(yes.holds);
  CHECK(yes.explanation == "State 1 honoured its one verifiable deal.");
  CHECK(check(kept, "deals_honoured()", 0).holds);
  const Match broken = with_deal(Ballot::abstain);
  const auto no = check(broken, "deals_honoured()", 1);
  CHECK_FALSE(no.holds);
  CHECK(says(no, "State 1 broke deal 1"));
  CHECK(check(broken, "deals_honoured()", 0).holds);  // seat 0 kept its side
  const auto none = check(base(), "deals_honoured()", 0);
  CHECK_FALSE(none.holds);
  CHECK(says(none, "had no accepted deal whose terms could be checked"));
}

TEST_CASE("deals_honoured(): a secret ballot leaves a vote promise unverifiable") {
  LogHeader h = one_round();
  h.settings.rules.ballot = BallotKind::secret;
  Script s;
  s.drafting = [](Table& t) {
    t.must(Actor::of(0), TableClause{0, "24", ""});
    t.must(Actor::of(1), OfferDeal{0,
                                   {DealTerm{DealAction::vote_yes_clause, 0}},
                                   {DealTerm{DealAction::vote_yes_draft, 0}}});
    t.must(Actor::of(0), AnswerDeal{0, true});
  };
  const Match m = play(h, s).match();
  CHECK_FALSE(check(m, "deals_honoured()", 1).holds);
}

TEST_CASE("not, and, or combine the facts") {
  const Match m = base();
  const auto n = check(m, "not adopted(36)");
  CHECK(n.holds);
  CHECK(says(n, "No adopted draft holds a clause of family 36"));
  const auto a = check(m, "adopted(24) and not adopted(38)");
  CHECK_FALSE(a.holds);
  CHECK(says(a, "#38q"));  // the part that failed
  const auto both = check(m, "adopted(24) and adopted(27)");
  CHECK(both.holds);
  CHECK(says(both, "(#24) stands in"));
  CHECK(says(both, "; clause 2 (#27) stands in"));
  const auto o = check(m, "adopted(36) or adopted(37)");
  CHECK_FALSE(o.holds);
  CHECK(says(o, "family 36; no adopted draft holds a clause of family 37"));
  CHECK(check(m, "adopted(36) or (adopted(24) and code_adopted())").holds);
}

TEST_CASE("conditions give the same answer on the server's match and any debrief view") {
  const Match kept = with_deal(Ballot::yes);
  for (const auto viewer : {Viewer::audience(), Viewer::of_seat(3), Viewer::facilitator()}) {
    const Match view = view_for(kept, viewer);
    for (const char* text : {"deals_honoured()", "adopted_with_cosponsors(27, 1)",
                             "legitimacy_at_least(100)", "seat_supported_adopted(2)"}) {
      const auto parsed = parse_condition(text, shipped());
      REQUIRE(parsed);
      const auto server = evaluate(*parsed.condition, kept, shipped(), SeatIndex{0});
      const auto seen = evaluate(*parsed.condition, view, shipped(), SeatIndex{0});
      CHECK(server.holds == seen.holds);
      CHECK(server.explanation == seen.explanation);
    }
  }
}

}  // namespace
}  // namespace accord::scoring::test
