// Table-driven cases for the deals rules (offer, answer, withdraw), and the debrief's account of
// who honoured which accepted deal: kept, broken, unverifiable, pending and void terms.
#include "core/deals.hpp"
#include "core/visibility.hpp"
#include "test_support.hpp"

namespace accord::test {
namespace {

// Ana (0) and Ben (1) hold seat 0, Cy (2) seat 1, Dee (3) seat 2; seat 3 is empty. Each is the
// head of its delegation (Ana for seat 0).
const Actor kAna = Actor::of(0);
const Actor kBen = Actor::of(1);
const Actor kCy = Actor::of(2);
const Actor kDee = Actor::of(3);

DealTerm cosponsor(ClauseId c) {
  return DealTerm{DealAction::cosponsor_clause, c};
}
DealTerm yes_on(ClauseId c) {
  return DealTerm{DealAction::vote_yes_clause, c};
}
DealTerm yes_on_draft(DraftIndex d) {
  return DealTerm{DealAction::vote_yes_draft, d};
}
using Terms = std::vector<DealTerm>;

Table drafting_room_with(const LogHeader& header) {
  Table t(header);
  t.seated("Ana", 0);
  t.seated("Ben", 0);
  t.seated("Cy", 1);
  t.seated("Dee", 2);
  t.start();
  t.now += 60'000;  // the fixture's briefing lasts 60 s
  t.host().advance_clock(t.now);
  return t;
}

// Clause 0 ("38") sponsored by seat 0, clause 1 ("24") by seat 1, clause 2 ("27") by seat 2.
Table with_clauses_in(const LogHeader& header) {
  Table t = drafting_room_with(header);
  t.must(kAna, TableClause{0, "38", ""});
  t.must(kCy, TableClause{0, "24", ""});
  t.must(kDee, TableClause{0, "27", ""});
  return t;
}

Table with_clauses() {
  return with_clauses_in(header_with_seats(4));
}

Table briefing_room() {
  Table t(4);
  t.seated("Ana", 0);
  t.seated("Cy", 1);
  t.start();
  return t;
}

// Deal 0: seat 0 will vote yes on clause 1 if seat 1 co-sponsors clause 0.
Table offered() {
  Table t = with_clauses();
  t.must(kAna, OfferDeal{1, {yes_on(1)}, {cosponsor(0)}});
  return t;
}

Table accepted_deal() {
  Table t = offered();
  t.must(kCy, AnswerDeal{0, true});
  return t;
}

Table declined_deal() {
  Table t = offered();
  t.must(kCy, AnswerDeal{0, false});
  return t;
}

Table paused_room() {
  Table t = offered();
  t.must(Actor::facilitator(), PauseClock{});
  return t;
}

Table with_spectator() {
  Table t = offered();
  t.join("Eve", Role::spectator);  // participant 4
  return t;
}

Table ten_offered() {
  Table t = with_clauses();
  for (int i = 0; i < 10; ++i)
    t.must(kBen, OfferDeal{static_cast<SeatIndex>(1 + i % 2), {yes_on(2)}, {yes_on(0)}});
  return t;
}

Table voting_room() {
  Table t = accepted_deal();
  t.must(Actor::facilitator(), AdvancePhase{});
  return t;
}

// Round 2 of drafting: the round-1 votes on clauses 0 to 2 have closed.
Table votes_closed() {
  Table t = accepted_deal();
  t.must(Actor::facilitator(), AdvancePhase{});
  t.must(Actor::facilitator(), AdvancePhase{});
  return t;
}

Table closed_before_answer() {
  Table t = offered();
  t.must(Actor::facilitator(), AdvancePhase{});
  t.must(Actor::facilitator(), AdvancePhase{});
  return t;
}

Table debrief_room() {
  Table t = votes_closed();
  t.must(Actor::facilitator(), AdvancePhase{});  // nothing left to vote on: on to the debrief
  return t;
}

Table withdrawn_clause() {
  Table t = with_clauses();
  t.must(kDee, WithdrawClause{2});
  return t;
}

const Deal& deal(const Match& m, DealId id) {
  return m.deals.at(id);
}

const RegisterRuleCases deal_cases({
    // offer_deal
    {"offer a deal", with_clauses, kBen, OfferDeal{1, {yes_on(1)}, {cosponsor(0)}}, std::nullopt,
     [](const Match& m) {
       REQUIRE(m.deals.size() == 1);
       const auto& d = deal(m, 0);
       CHECK(d.from == 0u);
       CHECK(d.to == 1u);
       CHECK(d.from_terms == Terms{yes_on(1)});
       CHECK(d.to_terms == Terms{cosponsor(0)});
       CHECK(d.status == DealStatus::offered);
       CHECK(d.at == 61'000);
       CHECK(view_for(m, Viewer::of_seat(2)).deals[0] == Deal{});  // a secret of the two seats
     }},
    {"offer two terms a side", with_clauses, kDee,
     OfferDeal{0, {yes_on(0), cosponsor(0)}, {yes_on(2), yes_on_draft(0)}}, std::nullopt,
     [](const Match& m) {
       CHECK(deal(m, 0).from_terms.size() == 2);
       CHECK(deal(m, 0).to_terms.size() == 2);
     }},
    {"offer a deal during clause voting", voting_room, kDee, OfferDeal{0, {yes_on(0)}, {yes_on(2)}},
     std::nullopt, [](const Match& m) { CHECK(deal(m, 1).from == 2u); }},
    {"offer a deal before drafting", briefing_room, kAna,
     OfferDeal{1, {yes_on_draft(0)}, {yes_on_draft(0)}}, RejectCode::wrong_phase},
    {"offer a deal in the debrief", debrief_room, kAna,
     OfferDeal{1, {yes_on_draft(0)}, {yes_on_draft(0)}}, RejectCode::wrong_phase},
    {"offer a deal while paused", paused_room, kAna, OfferDeal{2, {yes_on(2)}, {yes_on(0)}},
     RejectCode::paused},
    {"a spectator cannot offer a deal", with_spectator, Actor::of(4),
     OfferDeal{1, {yes_on(0)}, {yes_on(1)}}, RejectCode::not_seated},
    {"offer a deal to a seat that does not exist", with_clauses, kAna,
     OfferDeal{9, {yes_on(1)}, {yes_on(0)}}, RejectCode::no_such_seat},
    {"offer a deal to oneself", with_clauses, kAna, OfferDeal{0, {yes_on(1)}, {yes_on(0)}},
     RejectCode::not_allowed},
    {"offer a deal to an empty seat", with_clauses, kAna, OfferDeal{3, {yes_on(1)}, {yes_on(0)}},
     RejectCode::not_allowed},
    {"offer nothing", with_clauses, kAna, OfferDeal{1, {}, {yes_on(0)}}, RejectCode::invalid_terms},
    {"offer three things", with_clauses, kAna,
     OfferDeal{1, {yes_on(0), yes_on(1), yes_on(2)}, {yes_on(0)}}, RejectCode::invalid_terms},
    {"ask for nothing", with_clauses, kAna, OfferDeal{1, {yes_on(1)}, {}},
     RejectCode::invalid_terms},
    {"ask for three things", with_clauses, kAna,
     OfferDeal{1, {yes_on(1)}, {yes_on(0), yes_on(2), yes_on_draft(0)}}, RejectCode::invalid_terms},
    {"promise the same thing twice", with_clauses, kAna,
     OfferDeal{1, {yes_on(1), yes_on(1)}, {yes_on(0)}}, RejectCode::invalid_terms},
    {"promise to co-sponsor one's own clause", with_clauses, kAna,
     OfferDeal{1, {cosponsor(0)}, {yes_on(0)}}, RejectCode::invalid_terms},
    {"ask a sponsor to co-sponsor its own clause", with_clauses, kAna,
     OfferDeal{1, {yes_on(1)}, {cosponsor(1)}}, RejectCode::invalid_terms},
    {"promise to co-sponsor a clause that does not exist", with_clauses, kAna,
     OfferDeal{1, {cosponsor(7)}, {yes_on(0)}}, RejectCode::invalid_terms},
    {"promise to co-sponsor a withdrawn clause", withdrawn_clause, kAna,
     OfferDeal{1, {cosponsor(2)}, {yes_on(0)}}, RejectCode::invalid_terms},
    {"promise a vote on a withdrawn clause", withdrawn_clause, kAna,
     OfferDeal{1, {yes_on(2)}, {yes_on(0)}}, RejectCode::invalid_terms},
    {"promise a vote on a clause that does not exist", with_clauses, kAna,
     OfferDeal{1, {yes_on(1)}, {yes_on(3)}}, RejectCode::invalid_terms},
    {"promise a vote that has closed", votes_closed, kAna,
     OfferDeal{2, {yes_on(1)}, {yes_on_draft(0)}}, RejectCode::invalid_terms},
    {"promise a vote on a draft that does not exist", with_clauses, kAna,
     OfferDeal{1, {yes_on_draft(1)}, {yes_on(0)}}, RejectCode::invalid_terms},
    {"offer an eleventh open deal", ten_offered, kAna, OfferDeal{1, {yes_on(1)}, {yes_on(0)}},
     RejectCode::limit_reached},

    // answer_deal
    {"accept a deal", offered, kCy, AnswerDeal{0, true}, std::nullopt,
     [](const Match& m) { CHECK(deal(m, 0).status == DealStatus::accepted); }},
    {"decline a deal", offered, kCy, AnswerDeal{0, false}, std::nullopt,
     [](const Match& m) { CHECK(deal(m, 0).status == DealStatus::declined); }},
    {"decline a deal whose vote has closed", closed_before_answer, kCy, AnswerDeal{0, false},
     std::nullopt, [](const Match& m) { CHECK(deal(m, 0).status == DealStatus::declined); }},
    {"answer one's own offer", offered, kBen, AnswerDeal{0, true}, RejectCode::not_allowed},
    {"answer another pair's deal", offered, kDee, AnswerDeal{0, true}, RejectCode::not_allowed},
    {"answer a deal that does not exist", offered, kCy, AnswerDeal{1, true},
     RejectCode::no_such_deal},
    {"answer a deal twice", accepted_deal, kCy, AnswerDeal{0, false}, RejectCode::not_pending},
    {"accept a deal whose vote has closed", closed_before_answer, kCy, AnswerDeal{0, true},
     RejectCode::vote_closed},
    {"answer a deal while paused", paused_room, kCy, AnswerDeal{0, true}, RejectCode::paused},

    // withdraw_deal
    {"withdraw an offer", offered, kAna, WithdrawDeal{0}, std::nullopt,
     [](const Match& m) {
       CHECK(deal(m, 0).status == DealStatus::withdrawn);
       CHECK(deal(m, 0).withdrawn_by == 0u);
     }},
    {"the other side withdraws an accepted deal", voting_room, kCy, WithdrawDeal{0}, std::nullopt,
     [](const Match& m) {
       CHECK(deal(m, 0).status == DealStatus::withdrawn);
       CHECK(deal(m, 0).withdrawn_by == 1u);
     }},
    {"withdraw another pair's deal", offered, kDee, WithdrawDeal{0}, RejectCode::not_allowed},
    {"withdraw a declined deal", declined_deal, kAna, WithdrawDeal{0}, RejectCode::not_pending},
    {"withdraw a deal that does not exist", offered, kAna, WithdrawDeal{4},
     RejectCode::no_such_deal},
    {"withdraw a deal once its vote has closed", votes_closed, kCy, WithdrawDeal{0},
     RejectCode::vote_closed},
    {"withdraw a deal in the debrief", debrief_room, kCy, WithdrawDeal{0}, RejectCode::wrong_phase},
});

void cast(Table& t, const Actor& head, ClauseId clause, Ballot ballot) {
  t.must(head, CastBallot{VoteOn::clause, clause, ballot});
}

std::vector<TermOutcome> outcomes_of(const SideReport& side) {
  std::vector<TermOutcome> outcomes;
  for (const auto& term : side.terms) {
    CHECK_FALSE(term.explanation.empty());
    outcomes.push_back(term.outcome);
  }
  return outcomes;
}

using Outcomes = std::vector<TermOutcome>;
constexpr auto kKept = TermOutcome::kept;
constexpr auto kBroken = TermOutcome::broken;
constexpr auto kPending = TermOutcome::pending;
constexpr auto kVoid = TermOutcome::voided;
constexpr auto kUnverifiable = TermOutcome::unverifiable;

// Three accepted deals and a declined one, co-sponsorship, then a clause vote in which seat 2
// votes no on clause 0 and not at all on clause 1, and seat 1 abstains on clause 2.
Table bargained_and_voted(const LogHeader& header) {
  Table t = with_clauses_in(header);
  t.must(kAna, OfferDeal{1, {yes_on(1)}, {cosponsor(0), yes_on(0)}});
  t.must(kCy, AnswerDeal{0, true});
  t.must(kDee, OfferDeal{0, {yes_on(0)}, {cosponsor(2)}});
  t.must(kAna, AnswerDeal{1, true});
  t.must(kCy, OfferDeal{2, {yes_on(2)}, {yes_on(1)}});
  t.must(kDee, AnswerDeal{2, true});
  t.must(kCy, OfferDeal{0, {yes_on(1)}, {yes_on(1)}});
  t.must(kAna, AnswerDeal{3, false});  // declined deals are not reported

  const auto before = deal_outcomes(t.match());
  REQUIRE(before.size() == 3);
  CHECK(outcomes_of(before[0].to) == Outcomes{kPending, kPending});
  CHECK(before[0].to.honoured == Honoured::unknown);

  t.must(kCy, Cosponsor{0});  // seat 1 keeps its word; seat 0 never co-sponsors clause 2
  t.must(Actor::facilitator(), AdvancePhase{});
  cast(t, kAna, 0, Ballot::yes);
  cast(t, kAna, 1, Ballot::yes);
  cast(t, kAna, 2, Ballot::no);
  cast(t, kCy, 0, Ballot::yes);
  cast(t, kCy, 1, Ballot::yes);
  cast(t, kCy, 2, Ballot::abstain);
  cast(t, kDee, 0, Ballot::no);
  cast(t, kDee, 2, Ballot::yes);
  REQUIRE(t.match().phase == Phase::clause_voting);
  CHECK(outcomes_of(deal_outcomes(t.match())[0].from) == Outcomes{kPending});
  t.must(Actor::facilitator(), AdvancePhase{});  // the votes close
  REQUIRE(t.match().clauses[0].vote.state == VoteState::closed);
  return t;
}

TEST_CASE("under a roll-call, deals are shown as honoured or broken") {
  Table t = bargained_and_voted(header_with_seats(4));
  const auto reports = deal_outcomes(t.match());
  REQUIRE(reports.size() == 3);

  CHECK(reports[0].deal == 0u);
  CHECK(reports[0].from.seat == 0u);
  CHECK(outcomes_of(reports[0].from) == Outcomes{kKept});
  CHECK(reports[0].from.honoured == Honoured::yes);
  CHECK(outcomes_of(reports[0].to) == Outcomes{kKept, kKept});
  CHECK(reports[0].to.honoured == Honoured::yes);
  CHECK(reports[0].to.terms[0].explanation ==
        "State 1 co-sponsored clause 1 when it was put to the vote.");

  CHECK(outcomes_of(reports[1].from) == Outcomes{kBroken});  // seat 2 voted no
  CHECK(reports[1].from.terms[0].explanation.find("voted no") != std::string::npos);
  CHECK(reports[1].from.honoured == Honoured::no);
  CHECK(outcomes_of(reports[1].to) == Outcomes{kBroken});  // seat 0 never co-sponsored
  CHECK(reports[1].to.honoured == Honoured::no);

  CHECK(outcomes_of(reports[2].from) == Outcomes{kBroken});  // seat 1 abstained
  CHECK(reports[2].from.terms[0].explanation.find("abstained") != std::string::npos);
  CHECK(outcomes_of(reports[2].to) == Outcomes{kBroken});  // seat 2 did not vote
  CHECK(reports[2].to.terms[0].explanation.find("did not vote") != std::string::npos);

  // A closed vote freezes the deal: neither side can walk away from it now.
  CHECK(decide(t.match(), kDee, WithdrawDeal{1}, t.now).rejection->code == RejectCode::vote_closed);
  // Outsiders do not see the deals before the debrief, so their view reports none.
  CHECK(deal_outcomes(view_for(t.match(), Viewer::audience())).empty());
}

TEST_CASE("under a secret ballot, vote terms are unverifiable, never kept or broken") {
  LogHeader h = header_with_seats(4);
  h.settings.rules.ballot = BallotKind::secret;
  Table t = bargained_and_voted(h);
  const auto reports = deal_outcomes(t.match());
  REQUIRE(reports.size() == 3);
  CHECK(outcomes_of(reports[0].from) == Outcomes{kUnverifiable});
  CHECK(reports[0].from.honoured == Honoured::unknown);
  CHECK(outcomes_of(reports[0].to) == Outcomes{kKept, kUnverifiable});  // co-sponsors are public
  CHECK(reports[0].to.honoured == Honoured::unknown);
  CHECK(outcomes_of(reports[1].from) == Outcomes{kUnverifiable});
  CHECK(reports[1].from.terms[0].explanation.find("secret") != std::string::npos);
  CHECK(outcomes_of(reports[1].to) == Outcomes{kBroken});
  CHECK(reports[1].to.honoured == Honoured::no);
  CHECK(outcomes_of(reports[2].from) == Outcomes{kUnverifiable});
  CHECK(outcomes_of(reports[2].to) == Outcomes{kUnverifiable});
}

TEST_CASE("withdrawn, hidden and unvoted subjects void a promise; pending ones wait") {
  Table t = with_clauses();
  t.must(kAna, OfferDeal{1, {yes_on(1)}, {yes_on_draft(0)}});
  t.must(kCy, AnswerDeal{0, true});
  t.must(kCy, OfferDeal{2, {cosponsor(2)}, {yes_on(2)}});
  t.must(kDee, AnswerDeal{1, true});
  t.must(kDee, OfferDeal{0, {yes_on(0)}, {yes_on(1)}});
  t.must(kAna, AnswerDeal{2, true});

  auto reports = deal_outcomes(t.match());
  CHECK(outcomes_of(reports[0].from) == Outcomes{kPending});
  CHECK(outcomes_of(reports[0].to) == Outcomes{kPending});

  t.must(kDee, WithdrawClause{2});  // seat 2 withdraws the clause it promised to vote for
  t.must(Actor::facilitator(), HideClause{0, true});
  reports = deal_outcomes(t.match());
  CHECK(outcomes_of(reports[1].from) == Outcomes{kVoid});  // withdrawn by another seat
  CHECK(reports[1].from.honoured == Honoured::yes);
  CHECK(outcomes_of(reports[1].to) == Outcomes{kBroken});  // withdrawn by the promiser itself
  CHECK(reports[1].to.honoured == Honoured::no);
  CHECK(outcomes_of(reports[2].from) == Outcomes{kVoid});  // hidden
  CHECK(reports[2].from.terms[0].explanation.find("hidden") != std::string::npos);

  // Only clause 1 is voted on; everyone votes no, so the draft has nothing to adopt.
  t.must(Actor::facilitator(), AdvancePhase{});
  cast(t, kAna, 1, Ballot::no);
  cast(t, kCy, 1, Ballot::no);
  cast(t, kDee, 1, Ballot::no);
  REQUIRE(t.match().phase == Phase::drafting);
  t.must(Actor::facilitator(), AdvancePhase{});
  REQUIRE(t.match().phase == Phase::debrief);
  CHECK(t.match().drafts[0].status == DraftStatus::not_put);

  reports = deal_outcomes(t.match());
  CHECK(outcomes_of(reports[0].from) == Outcomes{kBroken});
  CHECK(outcomes_of(reports[0].to) == Outcomes{kVoid});  // the draft was not put to a vote
  CHECK(reports[0].to.terms[0].explanation.find("not put to a vote") != std::string::npos);
  CHECK(outcomes_of(reports[2].from) == Outcomes{kVoid});
  CHECK(outcomes_of(reports[2].to) == Outcomes{kBroken});
  // At the debrief the accepted deals are public: everyone's view reports the same.
  CHECK(deal_outcomes(view_for(t.match(), Viewer::audience())).size() == 3);
}

// Every seat votes yes on every clause in round 1; round 2 has nothing to vote on, so the
// final vote opens on the draft. Seat 0 and seat 1 promised each other a yes on it.
Table at_final_vote() {
  Table t = with_clauses();
  t.must(kAna, OfferDeal{1, {yes_on_draft(0)}, {yes_on_draft(0)}});
  t.must(kCy, AnswerDeal{0, true});
  t.must(Actor::facilitator(), AdvancePhase{});
  for (const Actor& head : {kAna, kCy, kDee})
    for (ClauseId c = 0; c < 3; ++c)
      cast(t, head, c, Ballot::yes);
  REQUIRE(t.match().phase == Phase::drafting);
  t.must(Actor::facilitator(), AdvancePhase{});
  REQUIRE(t.match().phase == Phase::final_vote);
  CHECK(outcomes_of(deal_outcomes(t.match())[0].from) == Outcomes{kPending});
  return t;
}

TEST_CASE("a draft adopted without a vote keeps every promise to vote yes on it") {
  Table t = at_final_vote();
  t.must(Actor::facilitator(), ProposeAdoptionWithoutVote{0});
  t.now += 10'000;
  t.host().advance_clock(t.now);
  REQUIRE(t.match().drafts[0].status == DraftStatus::adopted);
  const auto reports = deal_outcomes(t.match());
  CHECK(outcomes_of(reports[0].from) == Outcomes{kKept});
  CHECK(outcomes_of(reports[0].to) == Outcomes{kKept});
  CHECK(reports[0].to.honoured == Honoured::yes);
}

TEST_CASE("a recorded final vote checks each side's ballot on the draft") {
  Table t = at_final_vote();
  t.must(kAna, CastBallot{VoteOn::draft, 0, Ballot::yes});
  t.must(kCy, CastBallot{VoteOn::draft, 0, Ballot::no});
  t.must(kCy, CastBallot{VoteOn::draft, 0, Ballot::yes});  // a change of heart still counts
  t.must(kCy, CastBallot{VoteOn::draft, 0, Ballot::no});
  CHECK(outcomes_of(deal_outcomes(t.match())[0].to) == Outcomes{kPending});
  t.must(Actor::facilitator(), AdvancePhase{});
  REQUIRE(t.match().phase == Phase::debrief);
  const auto reports = deal_outcomes(t.match());
  CHECK(outcomes_of(reports[0].from) == Outcomes{kKept});
  CHECK(outcomes_of(reports[0].to) == Outcomes{kBroken});
  CHECK(reports[0].to.honoured == Honoured::no);
}

TEST_CASE("term outcomes have stable names for the debrief screen") {
  CHECK(to_string(TermOutcome::voided) == "void");
  CHECK(to_string(TermOutcome::unverifiable) == "unverifiable");
  CHECK(to_string(Honoured::unknown) == "unknown");
}

}  // namespace
}  // namespace accord::test
