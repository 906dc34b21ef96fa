// From a match to scorecards: the equivalent scoring Draft, blocs from roll-call ballots, the
// secret-ballot estimate, adoption without a vote, the live what-if card, the tag override.
#include "match_fixtures.hpp"

namespace accord::scoring::test {
namespace {

const std::string kFreeText = "States shall publish annual reports on their cyber operations.";

void same_terms(const std::vector<Term>& a, const std::vector<Term>& b) {
  REQUIRE(a.size() == b.size());
  for (std::size_t i = 0; i < a.size(); ++i) {
    CHECK(a[i].kind == b[i].kind);
    CHECK(a[i].value == b[i].value);
    CHECK(a[i].text == b[i].text);
  }
}

// Two scorecards agree on every number and every sentence.
void same_card(const Scorecard& a, const Scorecard& b) {
  CHECK(a.title == b.title);
  CHECK(a.content == b.content);
  CHECK(a.final_score == b.final_score);
  CHECK(a.summary == b.summary);
  REQUIRE(a.clauses.size() == b.clauses.size());
  for (std::size_t i = 0; i < a.clauses.size(); ++i) {
    CHECK(a.clauses[i].ref == b.clauses[i].ref);
    CHECK(a.clauses[i].points == b.clauses[i].points);
    CHECK(a.clauses[i].facilitator_override == b.clauses[i].facilitator_override);
  }
  REQUIRE(a.criteria.size() == b.criteria.size());
  for (std::size_t i = 0; i < a.criteria.size(); ++i) {
    CHECK(a.criteria[i].value == b.criteria[i].value);
    same_terms(a.criteria[i].terms, b.criteria[i].terms);
  }
  same_terms(a.content_terms, b.content_terms);
  same_terms(a.final_terms, b.final_terms);
  REQUIRE(a.legitimacy.has_value() == b.legitimacy.has_value());
  if (a.legitimacy) {
    CHECK(a.legitimacy->value == b.legitimacy->value);
    CHECK(a.legitimacy->text == b.legitimacy->text);
    same_terms(a.legitimacy->terms, b.legitimacy->terms);
  }
}

const Scorecard& card_of(const DraftScore& s) {
  for (const auto& e : s.outcome.errors)
    UNSCOPED_INFO(e.describe());
  REQUIRE(s.outcome.scorecard);
  return *s.outcome.scorecard;
}

// Five seats: North 0, 2, 4 and South 1, 3. Each of seats 0-2 tables a library clause and seat 3
// tables free text; everyone votes yes on the clauses, then the final vote goes as `ballots`.
Table five_seats(BallotKind kind, std::vector<Ballot> ballots) {
  LogHeader h = one_round(5);
  h.settings.rules.ballot = kind;
  Script s;
  s.drafting = [](Table& t) {
    t.must(Actor::of(0), TableClause{0, "24", ""});
    t.must(Actor::of(1), TableClause{0, "27", ""});
    t.must(Actor::of(2), TableClause{0, "36r", ""});
    t.must(Actor::of(3), TableClause{0, "", kFreeText});
  };
  s.draft_ballot = [ballots](SeatIndex seat, std::uint32_t) { return ballots.at(seat); };
  return play(h, s);
}

constexpr Ballot Y = Ballot::yes;
constexpr Ballot N = Ballot::no;
constexpr Ballot A = Ballot::abstain;

TEST_CASE("a match's adopted draft scores as score() of the equivalent Draft") {
  const Table t = five_seats(BallotKind::roll_call, {Y, Y, Y, A, N});
  const auto scores = score_adopted_drafts(shipped(), t.match());
  REQUIRE(scores.size() == 1);
  const DraftScore& s = scores[0];
  CHECK(s.clauses == std::vector<ClauseId>{0, 1, 2, 3});
  CHECK_FALSE(s.blocs_estimated);

  // By hand: 3 yes, 1 no, 1 abstention. North (0, 2, 4) voted yes, yes, no: 2 of 3 is a
  // majority, in favour. South (1, 3) voted yes, abstain: 1 of 2 is not. 1 bloc of 2.
  Draft expected;
  expected.title = "Code of conduct";
  expected.clauses = {DraftClause::of_ref("24"), DraftClause::of_ref("27"),
                      DraftClause::of_ref("36r"), DraftClause::of_text(kFreeText)};
  expected.vote = VoteRecord{false, 0, 3, 1, 1, 0, 1, 2};
  const auto& in = s.input;
  REQUIRE(in.vote);
  CHECK(in.vote->yes == 3);
  CHECK(in.vote->no == 1);
  CHECK(in.vote->abstain == 1);
  CHECK(in.vote->not_voting == 0);
  CHECK(in.vote->blocs_in_favour == 1);
  CHECK(in.vote->blocs_total == 2);
  same_card(card_of(s), score_ok(expected));
  // Yes share round(1000 x 6 / 9) = 667; blocs 500; LA = round((600 x 667 + 400 x 500) / 1000)
  // = round(600.2) = 600.
  CHECK(card_of(s).legitimacy->value == 600);
}

TEST_CASE("a seat recorded as not voting is absent, an empty seat is not counted") {
  LogHeader h = one_round(5);
  Script s;
  s.drafting = tables({"24"});
  s.draft_ballot = [](SeatIndex, std::uint32_t) { return Y; };
  Table t(h);
  for (SeatIndex seat = 0; seat < 4; ++seat)  // seat 4 (North) stays empty
    t.seated("Head " + std::to_string(seat), seat);
  t.advance_to(Phase::drafting);
  s.drafting(t);
  t.must(Actor::facilitator(), AdvancePhase{});
  vote_all_open(t, VoteOn::clause, all_yes, Phase::clause_voting);
  REQUIRE(t.match().phase == Phase::final_vote);
  for (ParticipantId p = 0; p < 3; ++p)  // seat 3 does not vote
    t.must(Actor::of(p), CastBallot{VoteOn::draft, 0, Y});
  t.advance_to(Phase::debrief);
  const auto vote = final_vote_record(t.match(), 0);
  REQUIRE(vote);
  CHECK(vote->record.yes == 3);
  CHECK(vote->record.not_voting == 1);
  // North: seats 0 and 2 (4 is empty), both yes. South: 1 yes, 3 not voting: 1 of 2, out.
  CHECK(vote->record.blocs_total == 2);
  CHECK(vote->record.blocs_in_favour == 1);
}

TEST_CASE("secret ballot: blocs in favour are estimated from the yes share, the same everywhere") {
  // 4 yes (0, 1, 2, 4), 1 no (3). A roll-call shows North 3 of 3, South 1 of 2: 1 bloc.
  const Table open = five_seats(BallotKind::roll_call, {Y, Y, Y, N, Y});
  const auto roll_call = final_vote_record(open.match(), 0);
  REQUIRE(roll_call);
  CHECK(roll_call->record.blocs_in_favour == 1);

  // Secret: round(2 blocs x 2 x 4 / (2 x 4 + 2 x 1)) = round(1.6) = 2.
  const Table secret = five_seats(BallotKind::secret, {Y, Y, Y, N, Y});
  const auto estimate = final_vote_record(secret.match(), 0);
  REQUIRE(estimate);
  CHECK(estimate->blocs_estimated);
  CHECK(estimate->record.blocs_in_favour == 2);
  CHECK(estimate->record.blocs_total == 2);

  // The server holds the secret ballots; no viewer does. Every one computes the same card.
  const auto server = score_adopted_drafts(shipped(), secret.match());
  REQUIRE(server.size() == 1);
  const Scorecard& card = card_of(server[0]);
  CHECK(card.legitimacy->text.find("secret ballot") != std::string::npos);
  bool explained = false;
  for (const auto& term : card.legitimacy->terms)
    if (term.kind == TermKind::bloc_coverage)
      explained = term.text.find("estimated") != std::string::npos;
  CHECK(explained);
  for (const auto viewer : {Viewer::audience(), Viewer::of_seat(3), Viewer::facilitator()}) {
    const auto seen = score_adopted_drafts(shipped(), view_for(secret.match(), viewer));
    REQUIRE(seen.size() == 1);
    same_card(card_of(seen[0]), card);
  }
}

TEST_CASE("adoption without a vote counts every occupied seat in favour") {
  Script s;
  s.drafting = tables({"24", "27"});
  s.final_vote = [](Table& t) {
    t.must(Actor::facilitator(), ProposeAdoptionWithoutVote{0});
    t.now += 10'000;
    t.host().advance_clock(t.now);
  };
  const Table t = play(one_round(), s);
  REQUIRE(t.match().drafts[0].final_vote.without_vote);
  const auto scores = score_adopted_drafts(shipped(), t.match());
  REQUIRE(scores.size() == 1);
  const auto& vote = scores[0].input.vote;
  REQUIRE(vote);
  CHECK(vote->without_vote);
  CHECK(vote->occupied_seats == 4);
  Draft expected = draft_of({"24", "27"});
  expected.title = "Code of conduct";
  expected.vote = VoteRecord{true, 4, 0, 0, 0, 0, 2, 2};
  same_card(card_of(scores[0]), score_ok(expected));
  CHECK(card_of(scores[0]).legitimacy->value == 1000);
}

TEST_CASE("no adopted draft, no scorecard") {
  Script s;
  s.drafting = tables({"24"});
  s.draft_ballot = [](SeatIndex, std::uint32_t) { return N; };
  const Table t = play(one_round(), s);
  CHECK(score_adopted_drafts(shipped(), t.match()).empty());
  CHECK_FALSE(final_vote_record(t.match(), 0));
  CHECK_FALSE(final_vote_record(t.match(), 7));
}

TEST_CASE("what-if: an open draft's clauses on the floor, withdrawn and hidden ones left out") {
  Table t(one_round());
  t.seat_one_each();
  t.advance_to(Phase::drafting);
  t.must(Actor::of(0), TableClause{0, "24", ""});
  t.must(Actor::of(1), TableClause{0, "27", ""});
  t.must(Actor::of(2), TableClause{0, "38", ""});
  t.must(Actor::of(3), TableClause{0, "29", ""});
  t.must(Actor::of(2), WithdrawClause{2});
  t.must(Actor::facilitator(), HideClause{3, true});
  for (const auto viewer : {Viewer::server(), Viewer::audience(), Viewer::of_seat(1)}) {
    const DraftScore s = what_if_score(shipped(), view_for(t.match(), viewer), 0);
    CHECK(s.clauses == std::vector<ClauseId>{0, 1});
    CHECK_FALSE(s.input.vote);
    Draft expected = draft_of({"24", "27"});
    expected.title = "Code of conduct";
    same_card(card_of(s), score_ok(expected));
    CHECK_FALSE(card_of(s).legitimacy);
  }
  const DraftScore none = what_if_score(shipped(), t.match(), 4);
  CHECK_FALSE(none.outcome);
  CHECK_FALSE(none.outcome.errors.empty());
}

TEST_CASE("what-if in a later round: adopted clauses stay, rejected ones are gone") {
  LogHeader h = header_with_seats(4);  // two rounds
  Table t(h);
  t.seat_one_each();
  t.advance_to(Phase::drafting);
  t.must(Actor::of(0), TableClause{0, "24", ""});
  t.must(Actor::of(1), TableClause{0, "38", ""});
  t.must(Actor::facilitator(), AdvancePhase{});
  vote_all_open(
      t, VoteOn::clause, [](SeatIndex, std::uint32_t c) { return c == 0 ? Y : N; },
      Phase::clause_voting);
  REQUIRE(t.match().phase == Phase::drafting);
  t.must(Actor::of(2), TableClause{0, "27", ""});
  const DraftScore s = what_if_score(shipped(), t.match(), 0, "liberal");
  CHECK(s.clauses == std::vector<ClauseId>{0, 2});
  Draft expected = draft_of({"24", "27"}, "liberal");
  expected.title = "Code of conduct";
  same_card(card_of(s), score_ok(expected));
}

TEST_CASE("the facilitator's tag override changes the score of a free-text clause") {
  Table t = five_seats(BallotKind::roll_call, {Y, Y, Y, Y, Y});
  const auto before = score_adopted_drafts(shipped(), t.match());
  REQUIRE(before.size() == 1);
  const ClauseResult& analysed = card_of(before[0]).clauses.at(3);
  CHECK_FALSE(analysed.facilitator_override);
  REQUIRE(analysed.analysis);

  const std::vector<std::int32_t> points{3, 3, 3, 3, 3, 3, 3};
  t.must(Actor::facilitator(), OverrideClauseTags{3, points});
  const auto after = score_adopted_drafts(shipped(), t.match());
  REQUIRE(after.size() == 1);
  const Scorecard& card = card_of(after[0]);
  CHECK(card.clauses.at(3).facilitator_override);
  CHECK(card.clauses.at(3).points == Points{3, 3, 3, 3, 3, 3, 3});
  CHECK(card.content > card_of(before[0]).content);

  Draft expected = after[0].input;
  expected.clauses.at(3).facilitator_points = Points{3, 3, 3, 3, 3, 3, 3};
  same_card(card, score_ok(expected));
  // Every viewer sees the override, so every viewer computes the same card.
  same_card(card_of(score_adopted_drafts(shipped(), view_for(t.match(), Viewer::audience()))[0]),
            card);

  t.must(Actor::facilitator(), OverrideClauseTags{3, {}});
  same_card(card_of(score_adopted_drafts(shipped(), t.match())[0]), card_of(before[0]));
}

TEST_CASE("scoring_clause ignores malformed override points") {
  Clause c;
  c.text = kFreeText;
  c.facilitator_points = {1, 2, 3};
  CHECK_FALSE(scoring_clause(c).facilitator_points);
  c.facilitator_points = {0, 0, 0, 9, 0, 0, 0};
  CHECK_FALSE(scoring_clause(c).facilitator_points);
  c.facilitator_points = {0, 0, 0, -3, 0, 0, 1};
  CHECK(scoring_clause(c).facilitator_points == Points{0, 0, 0, -3, 0, 0, 1});
  c.ref = "24";
  CHECK(scoring_clause(c).ref == "24");
  CHECK_FALSE(scoring_clause(c).facilitator_points);
}

}  // namespace
}  // namespace accord::scoring::test
