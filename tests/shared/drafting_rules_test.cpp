// Table-driven cases for the drafting rules (tabling, co-sponsorship, amendments, withdrawal,
// hiding), and scenarios: the amendment lifecycle, lapses at the end of drafting, rival drafts.
#include "core/visibility.hpp"
#include "test_support.hpp"

namespace accord::test {
namespace {

// Ana (0) and Ben (1) hold seat 0, Cy (2) seat 1, Dee (3) seat 2; seat 3 is empty.
const Actor kAna = Actor::of(0);
const Actor kBen = Actor::of(1);
const Actor kCy = Actor::of(2);
const Actor kDee = Actor::of(3);
const std::string kFreeText = "States shall not attack hospitals.";

Table seated_room(const LogHeader& header) {
  Table t(header);
  t.seated("Ana", 0);
  t.seated("Ben", 0);
  t.seated("Cy", 1);
  t.seated("Dee", 2);
  return t;
}

Table briefing_room() {
  Table t = seated_room(header_with_seats(4));
  t.start();
  return t;
}

Table drafting_room_with(const LogHeader& header) {
  Table t = seated_room(header);
  t.start();
  t.now += 60'000;  // the fixture's briefing lasts 60 s
  t.host().advance_clock(t.now);
  return t;
}

Table drafting_room() {
  return drafting_room_with(header_with_seats(4));
}

// Clause 0: "38" tabled by Ana for seat 0. Clause 1: free text tabled by Cy for seat 1.
Table tabled() {
  Table t = drafting_room();
  t.must(kAna, TableClause{0, "38", ""});
  t.must(kCy, TableClause{0, "", kFreeText});
  return t;
}

// Seats 1 and 2 co-sponsor clause 0; Cy proposes switching it to 38q (amendment 0).
Table amended() {
  Table t = tabled();
  t.must(kCy, Cosponsor{0});
  t.must(kDee, Cosponsor{0});
  t.must(kCy, ProposeAmendment{0, "38q", ""});
  return t;
}

// amended(), and Ana accepts the amendment: seats 1 and 2 have lapsed.
Table amendment_accepted() {
  Table t = amended();
  t.must(kAna, AnswerAmendment{0, 0, true});
  return t;
}

Table hidden_clause() {
  Table t = tabled();
  t.must(Actor::facilitator(), HideClause{0, true});
  return t;
}

Table withdrawn_clause() {
  Table t = amended();
  t.must(kAna, WithdrawClause{0});
  return t;
}

Table paused_room() {
  Table t = tabled();
  t.must(Actor::facilitator(), PauseClock{});
  return t;
}

Table with_spectator() {
  Table t = tabled();
  t.join("Eve", Role::spectator);  // participant 4, watches without a seat
  return t;
}

Table voting_room() {
  Table t = amended();
  t.must(Actor::facilitator(), AdvancePhase{});  // clause voting opens on clauses 0 and 1
  return t;
}

// Round 2 of drafting: clause 0 and 1 were voted on in round 1 (nobody voted: both rejected).
Table second_round() {
  Table t = voting_room();
  t.must(Actor::facilitator(), AdvancePhase{});
  return t;
}

Table no_free_text_room() {
  LogHeader h = header_with_seats(4);
  h.settings.rules.allow_free_text = false;
  return drafting_room_with(h);
}

Table three_tabled() {
  Table t = drafting_room();
  t.must(kAna, TableClause{0, "38", ""});
  t.must(kBen, TableClause{0, "24", ""});
  t.must(kAna, TableClause{0, "27", ""});
  return t;
}

Table three_pending() {
  Table t = amended();
  t.must(kDee, ProposeAmendment{0, "38q", ""});
  t.must(kCy, ProposeAmendment{0, "38q", ""});  // a duplicate is allowed
  return t;
}

Table answered() {
  Table t = amended();
  t.must(kAna, AnswerAmendment{0, 0, false});
  return t;
}

Table two_amendments() {
  Table t = amended();
  t.must(kDee, ProposeAmendment{0, "38q", ""});
  t.must(kAna, AnswerAmendment{0, 0, true});
  return t;
}

Table renewed_room() {
  Table t = amendment_accepted();
  t.must(kCy, Cosponsor{0});
  return t;
}

const Clause& clause(const Match& m, ClauseId id) {
  return m.clauses.at(id);
}

using Seats = std::vector<SeatIndex>;

const RegisterRuleCases drafting_cases({
    // table_clause
    {"table a clause from the table", drafting_room, kAna, TableClause{0, "38", ""}, std::nullopt,
     [](const Match& m) {
       REQUIRE(m.clauses.size() == 1);
       const auto& c = clause(m, 0);
       CHECK(c.ref == "38");
       CHECK(c.family == "38");
       CHECK(c.text.empty());
       CHECK(c.sponsor == 0u);
       CHECK(c.tabled_by == 0u);
       CHECK_FALSE(c.tabled_by_bot);
       CHECK(c.round == 1u);
       CHECK(c.status == ClauseStatus::tabled);
     }},
    {"a delegation member tables for the seat", drafting_room, kBen, TableClause{0, "38q", ""},
     std::nullopt,
     [](const Match& m) {
       CHECK(clause(m, 0).sponsor == 0u);
       CHECK(clause(m, 0).tabled_by == 1u);
       CHECK(clause(m, 0).family == "38");
     }},
    {"table free text", tabled, kDee, TableClause{0, "", "Report incidents within 72 hours."},
     std::nullopt,
     [](const Match& m) {
       const auto& c = clause(m, 2);
       CHECK(c.ref.empty());
       CHECK(c.family == "free:2");
       CHECK(c.text == "Report incidents within 72 hours.");
       CHECK(c.sponsor == 2u);
     }},
    {"table a family again once its clause is withdrawn", withdrawn_clause, kCy,
     TableClause{0, "38q", ""}, std::nullopt,
     [](const Match& m) { CHECK(clause(m, 2).family == "38"); }},
    {"table a family again once its clause was rejected", second_round, kCy,
     TableClause{0, "38q", ""}, std::nullopt,
     [](const Match& m) {
       CHECK(clause(m, 0).status == ClauseStatus::rejected);
       CHECK(clause(m, 2).round == 2u);
     }},
    {"table before drafting", briefing_room, kAna, TableClause{0, "38", ""},
     RejectCode::wrong_phase},
    {"table in clause voting", voting_room, kAna, TableClause{0, "24", ""},
     RejectCode::wrong_phase},
    {"table while paused", paused_room, kAna, TableClause{0, "24", ""}, RejectCode::paused},
    {"a spectator cannot table", with_spectator, Actor::of(4), TableClause{0, "24", ""},
     RejectCode::not_seated},
    {"the facilitator does not table", tabled, Actor::facilitator(), TableClause{0, "24", ""},
     RejectCode::not_allowed},
    {"table into a draft that does not exist", drafting_room, kAna, TableClause{1, "38", ""},
     RejectCode::no_such_draft},
    {"table a reference and free text at once", drafting_room, kAna,
     TableClause{0, "38", "Also this."}, RejectCode::not_allowed},
    {"table a reference not on the table", drafting_room, kAna, TableClause{0, "99", ""},
     RejectCode::not_on_table},
    {"table free text where the room forbids it", no_free_text_room, kAna,
     TableClause{0, "", kFreeText}, RejectCode::free_text_closed},
    {"table blank free text", drafting_room, kAna, TableClause{0, "", " \n "},
     RejectCode::empty_text},
    {"table nothing at all", drafting_room, kAna, TableClause{0, "", ""}, RejectCode::empty_text},
    {"table over-long free text", drafting_room, kAna, TableClause{0, "", std::string(601, 'x')},
     RejectCode::text_too_long},
    {"table a second clause of a family", tabled, kCy, TableClause{0, "38q", ""},
     RejectCode::family_taken},
    {"table a fourth clause in a round", three_tabled, kBen, TableClause{0, "29", ""},
     RejectCode::limit_reached},

    // withdraw_clause
    {"withdraw a clause", amended, kBen, WithdrawClause{0}, std::nullopt,
     [](const Match& m) {
       CHECK(clause(m, 0).status == ClauseStatus::withdrawn);
       CHECK(clause(m, 0).amendments.at(0).status == AmendmentStatus::lapsed);
     }},
    {"withdraw a clause that does not exist", tabled, kAna, WithdrawClause{7},
     RejectCode::no_such_clause},
    {"withdraw another seat's clause", tabled, kCy, WithdrawClause{0}, RejectCode::not_sponsor},
    {"withdraw a clause twice", withdrawn_clause, kAna, WithdrawClause{0}, RejectCode::not_pending},
    {"withdraw a clause already voted on", second_round, kAna, WithdrawClause{0},
     RejectCode::not_pending},
    {"withdraw a clause in clause voting", voting_room, kAna, WithdrawClause{0},
     RejectCode::wrong_phase},

    // cosponsor
    {"co-sponsor a clause", tabled, kCy, Cosponsor{0}, std::nullopt,
     [](const Match& m) {
       CHECK(clause(m, 0).cosponsors == Seats{1});
       CHECK(clause(m, 0).renewed.empty());
     }},
    {"renew a lapsed co-sponsorship", amendment_accepted, kCy, Cosponsor{0}, std::nullopt,
     [](const Match& m) {
       CHECK(clause(m, 0).cosponsors == Seats{1});
       CHECK(clause(m, 0).renewed == Seats{1});
       CHECK(clause(m, 0).lapsed_cosponsors == Seats{2});
     }},
    {"co-sponsor a clause that does not exist", tabled, kCy, Cosponsor{9},
     RejectCode::no_such_clause},
    {"co-sponsor one's own clause", tabled, kBen, Cosponsor{0}, RejectCode::own_clause},
    {"co-sponsor twice", amended, kCy, Cosponsor{0}, RejectCode::already_done},
    {"co-sponsor a hidden clause", hidden_clause, kCy, Cosponsor{0}, RejectCode::not_allowed},
    {"co-sponsor a withdrawn clause", withdrawn_clause, kCy, Cosponsor{0}, RejectCode::not_pending},
    {"co-sponsor while paused", paused_room, kCy, Cosponsor{0}, RejectCode::paused},

    // withdraw_cosponsorship
    {"withdraw a co-sponsorship", amended, kDee, WithdrawCosponsorship{0}, std::nullopt,
     [](const Match& m) { CHECK(clause(m, 0).cosponsors == Seats{1}); }},
    {"withdraw a renewed co-sponsorship", renewed_room, kCy, WithdrawCosponsorship{0}, std::nullopt,
     [](const Match& m) {
       CHECK(clause(m, 0).cosponsors.empty());
       CHECK(clause(m, 0).renewed.empty());
       CHECK(clause(m, 0).lapsed_cosponsors == Seats{2});
     }},
    {"withdraw a co-sponsorship never given", tabled, kCy, WithdrawCosponsorship{0},
     RejectCode::unchanged},
    {"withdraw a lapsed co-sponsorship", amendment_accepted, kDee, WithdrawCosponsorship{0},
     RejectCode::unchanged},
    {"withdraw co-sponsorship of a clause that does not exist", tabled, kCy,
     WithdrawCosponsorship{5}, RejectCode::no_such_clause},
    {"withdraw co-sponsorship after the vote", second_round, kCy, WithdrawCosponsorship{0},
     RejectCode::not_pending},

    // propose_amendment
    {"propose another variant", tabled, kCy, ProposeAmendment{0, "38q", ""}, std::nullopt,
     [](const Match& m) {
       const auto& c = clause(m, 0);
       REQUIRE(c.amendments.size() == 1);
       const auto& a = c.amendments[0];
       CHECK(a.proposer == 1u);
       CHECK(a.proposed_by == 2u);
       CHECK(a.ref == "38q");
       CHECK(a.status == AmendmentStatus::pending);
       CHECK(a.at == 61'000);
       CHECK(c.ref == "38");  // unchanged until the sponsor answers
       CHECK(c.version == 0u);
     }},
    {"propose a replacement text", tabled, kAna,
     ProposeAmendment{1, "", "Hospitals are off limits."}, std::nullopt,
     [](const Match& m) {
       CHECK(clause(m, 1).amendments.at(0).text == "Hospitals are off limits.");
       CHECK(clause(m, 1).text == kFreeText);
     }},
    {"the sponsor's own amendment is accepted at once", amended, kBen,
     ProposeAmendment{0, "38q", ""}, std::nullopt,
     [](const Match& m) {
       const auto& c = clause(m, 0);
       CHECK(c.ref == "38q");
       CHECK(c.version == 1u);
       CHECK(c.amendments.at(1).status == AmendmentStatus::accepted);
       CHECK(c.amendments.at(1).proposed_by == 1u);
       CHECK(c.amendments.at(0).status == AmendmentStatus::pending);
       CHECK(c.cosponsors.empty());
       CHECK(c.lapsed_cosponsors == Seats{1, 2});
     }},
    {"amend a clause that does not exist", tabled, kCy, ProposeAmendment{4, "38q", ""},
     RejectCode::no_such_clause},
    {"amend a withdrawn clause", withdrawn_clause, kCy, ProposeAmendment{0, "38q", ""},
     RejectCode::not_pending},
    {"amend a hidden clause", hidden_clause, kCy, ProposeAmendment{0, "38q", ""},
     RejectCode::not_allowed},
    {"amend a table clause with text", tabled, kCy, ProposeAmendment{0, "", "Other words."},
     RejectCode::not_allowed},
    {"amend a table clause without a variant", tabled, kCy, ProposeAmendment{0, "", ""},
     RejectCode::not_allowed},
    {"amend to a variant not on the table", tabled, kCy, ProposeAmendment{0, "38z", ""},
     RejectCode::not_on_table},
    {"amend to another family", tabled, kCy, ProposeAmendment{0, "36", ""},
     RejectCode::not_allowed},
    {"amend to the current variant", tabled, kCy, ProposeAmendment{0, "38", ""},
     RejectCode::unchanged},
    {"amend free text with a variant", tabled, kAna, ProposeAmendment{1, "38", ""},
     RejectCode::not_allowed},
    {"amend free text to blank", tabled, kAna, ProposeAmendment{1, "", "  "},
     RejectCode::empty_text},
    {"amend free text to over-long text", tabled, kAna,
     ProposeAmendment{1, "", std::string(601, 'y')}, RejectCode::text_too_long},
    {"amend free text to the same text", tabled, kAna, ProposeAmendment{1, "", kFreeText},
     RejectCode::unchanged},
    {"amend past the pending limit", three_pending, kDee, ProposeAmendment{0, "38q", ""},
     RejectCode::limit_reached},
    {"amend in clause voting", voting_room, kCy, ProposeAmendment{0, "38", ""},
     RejectCode::wrong_phase},

    // answer_amendment
    {"accept an amendment", amended, kAna, AnswerAmendment{0, 0, true}, std::nullopt,
     [](const Match& m) {
       const auto& c = clause(m, 0);
       CHECK(c.ref == "38q");
       CHECK(c.family == "38");
       CHECK(c.version == 1u);
       CHECK(c.amendments.at(0).status == AmendmentStatus::accepted);
       CHECK(c.cosponsors.empty());
       CHECK(c.renewed.empty());
       CHECK(c.lapsed_cosponsors == Seats{1, 2});
     }},
    {"reject an amendment", amended, kBen, AnswerAmendment{0, 0, false}, std::nullopt,
     [](const Match& m) {
       const auto& c = clause(m, 0);
       CHECK(c.ref == "38");
       CHECK(c.version == 0u);
       CHECK(c.amendments.at(0).status == AmendmentStatus::rejected);
       CHECK(c.cosponsors == Seats{1, 2});
     }},
    {"accept a free-text amendment",
     [] {
       Table t = tabled();
       t.must(kAna, ProposeAmendment{1, "", "Hospitals are off limits."});
       return t;
     },
     kCy, AnswerAmendment{1, 0, true}, std::nullopt,
     [](const Match& m) {
       CHECK(clause(m, 1).text == "Hospitals are off limits.");
       CHECK(clause(m, 1).family == "free:1");
       CHECK(clause(m, 1).ref.empty());
     }},
    {"answer an amendment to another seat's clause", amended, kCy, AnswerAmendment{0, 0, true},
     RejectCode::not_sponsor},
    {"answer an amendment to a clause that does not exist", amended, kAna,
     AnswerAmendment{8, 0, true}, RejectCode::no_such_clause},
    {"answer an amendment that does not exist", amended, kAna, AnswerAmendment{0, 3, true},
     RejectCode::no_such_amendment},
    {"answer an amendment twice", answered, kAna, AnswerAmendment{0, 0, true},
     RejectCode::not_pending},
    {"answer an amendment of a hidden clause",
     [] {
       Table t = amended();
       t.must(Actor::facilitator(), HideClause{0, true});
       return t;
     },
     kAna, AnswerAmendment{0, 0, true}, RejectCode::not_allowed},
    {"accept an amendment that changes nothing any more", two_amendments, kAna,
     AnswerAmendment{0, 1, true}, RejectCode::unchanged},
    {"answer an amendment while paused",
     [] {
       Table t = amended();
       t.must(Actor::facilitator(), PauseClock{});
       return t;
     },
     kAna, AnswerAmendment{0, 0, true}, RejectCode::paused},

    // withdraw_amendment
    {"withdraw an amendment", amended, kCy, WithdrawAmendment{0, 0}, std::nullopt,
     [](const Match& m) {
       CHECK(clause(m, 0).amendments.at(0).status == AmendmentStatus::withdrawn);
       CHECK(clause(m, 0).ref == "38");
     }},
    {"withdraw another seat's amendment", amended, kAna, WithdrawAmendment{0, 0},
     RejectCode::not_allowed},
    {"withdraw an answered amendment", answered, kCy, WithdrawAmendment{0, 0},
     RejectCode::not_pending},
    {"withdraw an amendment that does not exist", amended, kCy, WithdrawAmendment{0, 1},
     RejectCode::no_such_amendment},
    {"withdraw an amendment of a clause that does not exist", amended, kCy, WithdrawAmendment{3, 0},
     RejectCode::no_such_clause},
    {"withdraw an amendment after drafting", voting_room, kCy, WithdrawAmendment{0, 0},
     RejectCode::wrong_phase},

    // hide_clause
    {"hide a clause", tabled, Actor::facilitator(), HideClause{1, true}, std::nullopt,
     [](const Match& m) {
       CHECK(clause(m, 1).hidden);
       CHECK(clause(m, 1).text == kFreeText);  // kept in the record
       CHECK(view_for(m, Viewer::of_seat(0)).clauses[1].text.empty());
       CHECK(view_for(m, Viewer::facilitator()).clauses[1].text == kFreeText);
     }},
    {"unhide a clause", hidden_clause, Actor::facilitator(), HideClause{0, false}, std::nullopt,
     [](const Match& m) { CHECK_FALSE(clause(m, 0).hidden); }},
    {"hide a clause after its vote", second_round, Actor::facilitator(), HideClause{1, true},
     std::nullopt, [](const Match& m) { CHECK(clause(m, 1).hidden); }},
    {"hide a clause while paused", paused_room, Actor::facilitator(), HideClause{0, true},
     std::nullopt, [](const Match& m) { CHECK(clause(m, 0).hidden); }},
    {"hide a clause that does not exist", tabled, Actor::facilitator(), HideClause{2, true},
     RejectCode::no_such_clause},
    {"hide a hidden clause", hidden_clause, Actor::facilitator(), HideClause{0, true},
     RejectCode::unchanged},
    {"hide a clause during its vote", voting_room, Actor::facilitator(), HideClause{0, true},
     RejectCode::not_allowed},
    {"a player cannot hide a clause", tabled, kAna, HideClause{1, true}, RejectCode::not_allowed},
});

std::optional<Rejection> refusal(Table& t, const Actor& actor, const Command& command) {
  return decide(t.match(), actor, command, t.now).rejection;
}

TEST_CASE("drafting refusals name the field at fault") {
  Table t = tabled();
  CHECK(refusal(t, kAna, TableClause{0, "38", "x"})->field == "text");
  CHECK(refusal(t, kAna, TableClause{0, "99", ""})->field == "ref");
  CHECK(refusal(t, kAna, TableClause{3, "24", ""})->field == "draft");
  CHECK(refusal(t, kCy, ProposeAmendment{0, "36", ""})->field == "ref");
  const auto taken = refusal(t, kCy, TableClause{0, "38q", ""});
  REQUIRE(taken);
  CHECK(taken->code == RejectCode::family_taken);
  CHECK(taken->message.find("clause 1") != std::string::npos);
}

TEST_CASE("co-sponsorships lapse on an accepted amendment and are shown as renewed") {
  Table t = tabled();
  t.must(kCy, Cosponsor{0});
  t.must(kDee, Cosponsor{0});
  CHECK(t.match().clauses[0].cosponsors == Seats{1, 2});

  t.must(kDee, ProposeAmendment{0, "38q", ""});
  t.must(kAna, AnswerAmendment{0, 0, true});
  {
    const auto& c = t.match().clauses[0];
    CHECK(c.ref == "38q");
    CHECK(c.version == 1u);
    CHECK(c.cosponsors.empty());
    CHECK(c.lapsed_cosponsors == Seats{1, 2});
  }

  t.must(kCy, Cosponsor{0});  // Cy renews; Dee does not (yet)
  {
    const auto& c = t.match().clauses[0];
    CHECK(c.cosponsors == Seats{1});
    CHECK(c.renewed == Seats{1});
    CHECK(c.lapsed_cosponsors == Seats{2});
  }

  // A second amendment: the renewed seat lapses again, with the one that never renewed.
  t.must(kCy, ProposeAmendment{0, "38", ""});
  t.must(kBen, AnswerAmendment{0, 1, true});
  {
    const auto& c = t.match().clauses[0];
    CHECK(c.ref == "38");
    CHECK(c.version == 2u);
    CHECK(c.cosponsors.empty());
    CHECK(c.renewed.empty());
    CHECK(c.lapsed_cosponsors == Seats{1, 2});
  }

  t.must(kDee, Cosponsor{0});
  t.must(kCy, Cosponsor{0});
  CHECK(t.match().clauses[0].renewed == Seats{1, 2});
  CHECK(t.match().clauses[0].lapsed_cosponsors.empty());

  // A rejected amendment changes nobody's support.
  t.must(kDee, ProposeAmendment{0, "38q", ""});
  t.must(kAna, AnswerAmendment{0, 2, false});
  CHECK(t.match().clauses[0].cosponsors == Seats{1, 2});
  CHECK(t.match().clauses[0].version == 2u);
}

TEST_CASE("pending amendments lapse at the end of drafting") {
  Table t = amended();
  t.must(kDee, ProposeAmendment{0, "38q", ""});
  t.must(kAna, ProposeAmendment{1, "", "Changed."});
  t.must(kDee, WithdrawAmendment{0, 1});
  t.must(kCy, AnswerAmendment{1, 0, true});
  t.host().advance_clock(t.now + 120'000);  // drafting's timer runs out
  REQUIRE(t.match().phase == Phase::clause_voting);
  const auto& c0 = t.match().clauses[0];
  CHECK(c0.amendments[0].status == AmendmentStatus::lapsed);
  CHECK(c0.amendments[1].status == AmendmentStatus::withdrawn);  // answered ones stay as they were
  CHECK(t.match().clauses[1].amendments[0].status == AmendmentStatus::accepted);
  CHECK(c0.ref == "38");
  // A lapsed amendment cannot be answered in the next round.
  t.host().advance_clock(t.now + 150'000);
  REQUIRE(t.match().phase == Phase::drafting);
  CHECK(refusal(t, kAna, AnswerAmendment{0, 0, true})->code == RejectCode::not_pending);
}

TEST_CASE("rival drafts each take one clause per family") {
  LogHeader h = header_with_seats(4);
  h.settings.drafts.push_back(DraftSetup{"Rival code", {1}, {}});
  Table t = drafting_room_with(h);
  t.must(kAna, TableClause{0, "36", ""});
  t.must(kCy, TableClause{1, "36r", ""});  // the same family in the rival draft
  CHECK(refusal(t, kDee, TableClause{0, "36n", ""})->code == RejectCode::family_taken);
  CHECK(refusal(t, kDee, TableClause{1, "36n", ""})->code == RejectCode::family_taken);
  t.must(kDee, TableClause{1, "38", ""});
  CHECK(clauses_of(t.match(), 0) == std::vector<ClauseId>{0});
  CHECK(clauses_of(t.match(), 1) == std::vector<ClauseId>{1, 2});
  CHECK(t.match().clauses[1].family == "36");

  // Both drafts go to clause voting; each clause is voted on separately.
  t.must(Actor::facilitator(), AdvancePhase{});
  for (ClauseId c = 0; c < 3; ++c)
    CHECK(t.match().clauses[c].vote.state == VoteState::open);
}

TEST_CASE("the clause limit counts this round's clauses, whatever became of them") {
  Table t = three_tabled();
  t.must(kAna, WithdrawClause{2});
  CHECK(refusal(t, kAna, TableClause{0, "27u", ""})->code == RejectCode::limit_reached);
  t.must(kCy, TableClause{0, "27u", ""});  // other seats have their own allowance
  t.must(Actor::facilitator(), AdvancePhase{});
  t.must(Actor::facilitator(), AdvancePhase{});
  REQUIRE(t.match().round == 2u);
  t.must(kAna, TableClause{0, "29", ""});
  CHECK(t.match().clauses.back().round == 2u);
}

TEST_CASE("a bot tables and amends for the seat it plays") {
  Table t = tabled();
  Match m = t.match();
  m.seats[3].bot = true;  // as SetBot would leave it
  const auto tabling = decide(m, Actor::bot(3), TableClause{0, "24", ""}, t.now);
  REQUIRE(tabling.accepted());
  for (const auto& e : tabling.events)
    apply(m, e);
  const auto& c = m.clauses.at(2);
  CHECK(c.sponsor == 3u);
  CHECK(c.tabled_by_bot);
  CHECK(c.tabled_by == 0u);
  const auto amending = decide(m, Actor::bot(3), ProposeAmendment{0, "38q", ""}, t.now);
  REQUIRE(amending.accepted());
  for (const auto& e : amending.events)
    apply(m, e);
  CHECK(m.clauses[0].amendments.at(0).proposer == 3u);
  // A seat without a bot cannot be played by one.
  CHECK_FALSE(decide(t.match(), Actor::bot(3), TableClause{0, "24", ""}, t.now).accepted());
}

TEST_CASE("a draft that is no longer open takes no clauses") {
  Table t = drafting_room();
  Match m = t.match();
  m.drafts[0].status = DraftStatus::adopted;
  const auto d = decide(m, kAna, TableClause{0, "38", ""}, t.now);
  REQUIRE_FALSE(d.accepted());
  CHECK(d.rejection->code == RejectCode::not_allowed);
  CHECK(d.rejection->field == "draft");
}

TEST_CASE("a hidden clause gets no vote, and its text reaches the facilitator only") {
  Table t = tabled();
  ClientView seat_view(t.host().open_stream(Viewer::of_seat(2)));
  ClientView facilitator_view(t.host().open_stream(Viewer::facilitator()));
  auto deliver = [&](const MatchHost::Outcome& outcome) {
    for (const auto& d : outcome.deliveries) {
      if (d.viewer == Viewer::of_seat(2)) CHECK(seat_view.apply(d.item) == ClientView::Applied::ok);
      if (d.viewer == Viewer::facilitator())
        CHECK(facilitator_view.apply(d.item) == ClientView::Applied::ok);
    }
  };
  deliver(t.host().submit(Actor::facilitator(), HideClause{1, true}, t.now));
  CHECK(seat_view.view().clauses[1].text.empty());
  CHECK(facilitator_view.view().clauses[1].text == kFreeText);
  CHECK(seat_view.view() == view_for(t.match(), Viewer::of_seat(2)));

  deliver(t.host().submit(Actor::facilitator(), AdvancePhase{}, t.now));
  CHECK(t.match().clauses[0].vote.state == VoteState::open);
  CHECK(t.match().clauses[1].vote.state == VoteState::not_open);

  deliver(t.host().submit(Actor::facilitator(), HideClause{1, false}, t.now));
  CHECK(seat_view.view().clauses[1].text == kFreeText);
  CHECK(seat_view.view() == view_for(t.match(), Viewer::of_seat(2)));
  CHECK(facilitator_view.view() == view_for(t.match(), Viewer::facilitator()));
}

}  // namespace
}  // namespace accord::test
