// A lesson that fits (issue 14): round 1 votes each draft's unamended starting text as one
// package, and the lobby and the debrief show countdowns that never end the phase by themselves.
#include "core/rules_internal.hpp"
#include "core/visibility.hpp"
#include "test_support.hpp"

namespace accord::test {
namespace {

// Four seats, each held by its head (participant s); seat 0 sponsors a starting text of three
// clauses (ids 0, 1, 2: refs 1, 6, 38) voted as a package; one round.
LogHeader package_header() {
  LogHeader h = header_with_seats(4);
  h.settings.drafts[0].sponsors = {0};
  h.settings.drafts[0].starting_refs = {"1", "6", "38"};
  h.settings.rules.rounds = 1;
  h.settings.rules.starting_text_as_package = true;
  return h;
}

Table package_voting() {
  Table t(package_header());
  t.seat_one_each();
  t.advance_to(Phase::clause_voting);
  return t;
}

// The sponsor switches clause 2 from 38 to 38q in drafting: a changed text, voted on its own.
Table amended_voting() {
  Table t(package_header());
  t.seat_one_each();
  t.advance_to(Phase::drafting);
  t.must(Actor::of(0), ProposeAmendment{2, "38q", ""});
  REQUIRE(t.match().clauses[2].version == 1);
  t.advance_to(Phase::clause_voting);
  return t;
}

Table voting_without_package() {
  LogHeader h = package_header();
  h.settings.rules.starting_text_as_package = false;
  Table t(h);
  t.seat_one_each();
  t.advance_to(Phase::clause_voting);
  return t;
}

void vote_package(Table& t, Ballot ballot) {
  for (ParticipantId p = 0; p < 4; ++p)
    t.must(Actor::of(p), CastBallot{VoteOn::starting_text, 0, ballot});
}

const RegisterRuleCases package_cases({
    {"a seat votes on the starting-text package", package_voting, Actor::of(1),
     CastBallot{VoteOn::starting_text, 0, Ballot::no}, std::nullopt,
     [](const Match& m) {
       CHECK(m.drafts[0].package_vote.ballots[1] == Ballot::no);
       CHECK(m.drafts[0].package_vote.cast_count == 1);
     }},
    {"a packaged clause has no ballot of its own", package_voting, Actor::of(1),
     CastBallot{VoteOn::clause, 1, Ballot::yes}, RejectCode::not_allowed},
    {"a package ballot on a draft that does not exist", package_voting, Actor::of(1),
     CastBallot{VoteOn::starting_text, 4, Ballot::yes}, RejectCode::no_such_draft},
    {"a package ballot in a room that votes clause by clause", voting_without_package, Actor::of(1),
     CastBallot{VoteOn::starting_text, 0, Ballot::yes}, RejectCode::vote_closed},
});

TEST_CASE("Round 1 votes the unamended starting text as one package", "[package]") {
  Table t = package_voting();
  const Match& m = t.match();
  CHECK(m.drafts[0].starting_package == std::vector<ClauseId>{0, 1, 2});
  CHECK(m.drafts[0].package_vote.state == VoteState::open);
  CHECK(m.drafts[0].package_vote.eligible == 4);
  for (const auto& clause : m.clauses)
    CHECK(clause.vote.state == VoteState::not_open);
  CHECK(package_of(m, 1) == DraftIndex{0});
}

TEST_CASE("Adopting the package adopts each of its clauses with the package's ballots",
          "[package]") {
  Table t = package_voting();
  t.must(Actor::of(0), CastBallot{VoteOn::starting_text, 0, Ballot::yes});
  t.must(Actor::of(1), CastBallot{VoteOn::starting_text, 0, Ballot::yes});
  t.must(Actor::of(2), CastBallot{VoteOn::starting_text, 0, Ballot::no});
  t.must(Actor::of(3), CastBallot{VoteOn::starting_text, 0, Ballot::abstain});
  // Every seat has voted on everything open: the clause vote ends early.
  const Match& m = t.match();
  REQUIRE(m.phase == Phase::final_vote);
  CHECK(m.drafts[0].package_vote.outcome == VoteOutcome::adopted);
  for (ClauseId c = 0; c < 3; ++c) {
    INFO("clause " << c);
    CHECK(m.clauses[c].status == ClauseStatus::adopted);
    CHECK(m.clauses[c].vote.state == VoteState::closed);
    CHECK(m.clauses[c].vote.yes == 2);
    CHECK(m.clauses[c].vote.no == 1);
    CHECK(m.clauses[c].vote.ballots[2] == Ballot::no);  // roll-call: deals can check it
  }
  CHECK(m.drafts[0].final_vote.state == VoteState::open);
}

TEST_CASE("Rejecting the package rejects each of its clauses", "[package]") {
  Table t = package_voting();
  vote_package(t, Ballot::no);
  const Match& m = t.match();
  CHECK(m.drafts[0].package_vote.outcome == VoteOutcome::rejected);
  for (ClauseId c = 0; c < 3; ++c)
    CHECK(m.clauses[c].status == ClauseStatus::rejected);
  // No adopted clause: the draft is not put to a final vote, and the match ends.
  CHECK(m.drafts[0].status == DraftStatus::not_put);
}

TEST_CASE("An amended starting clause is voted on its own, beside the package", "[package]") {
  Table t = amended_voting();
  const Match& m = t.match();
  CHECK(m.drafts[0].starting_package == std::vector<ClauseId>{0, 1});
  CHECK(m.clauses[2].vote.state == VoteState::open);
  vote_package(t, Ballot::yes);
  CHECK(t.match().phase == Phase::clause_voting);  // clause 2 is still open
  for (ParticipantId p = 0; p < 4; ++p)
    t.must(Actor::of(p), CastBallot{VoteOn::clause, 2, p == 0 ? Ballot::yes : Ballot::no});
  CHECK(m.clauses[0].status == ClauseStatus::adopted);
  CHECK(m.clauses[1].status == ClauseStatus::adopted);
  CHECK(m.clauses[2].status == ClauseStatus::rejected);
  CHECK(m.clauses[2].vote.no == 3);
}

TEST_CASE("The package closes with the phase's timer like any vote", "[package]") {
  Table t = package_voting();
  t.must(Actor::of(0), CastBallot{VoteOn::starting_text, 0, Ballot::yes});
  const TimeMs deadline = *t.match().deadline;
  t.host().advance_clock(deadline);
  const Match& m = t.match();
  CHECK(m.phase == Phase::final_vote);
  CHECK(m.drafts[0].package_vote.outcome == VoteOutcome::adopted);  // 1-0, three not voting
  CHECK(m.clauses[1].vote.not_voting == 3);
}

TEST_CASE("Other seats see how many voted on the package, not how", "[package][visibility]") {
  Table t = package_voting();
  t.must(Actor::of(2), CastBallot{VoteOn::starting_text, 0, Ballot::no});
  const Match own = view_for(t.match(), Viewer::of_seat(2));
  const Match other = view_for(t.match(), Viewer::of_seat(1));
  CHECK(own.drafts[0].package_vote.ballots[2] == Ballot::no);  // the planted ballot arrives
  CHECK_FALSE(other.drafts[0].package_vote.ballots[2]);
  CHECK(other.drafts[0].package_vote.cast_count == 1);
}

TEST_CASE("A single unamended starting clause is voted on its own", "[package]") {
  LogHeader h = package_header();
  h.settings.drafts[0].starting_refs = {"1"};
  Table t(h);
  t.seat_one_each();
  t.advance_to(Phase::clause_voting);
  CHECK(t.match().drafts[0].starting_package.empty());
  CHECK(t.match().drafts[0].package_vote.state == VoteState::not_open);
  CHECK(t.match().clauses[0].vote.state == VoteState::open);
}

// ------------------------------------------------------------------ lobby and debrief

LogHeader timed_header() {
  LogHeader h = header_with_seats(2);
  h.settings.rules.rounds = 1;
  h.settings.rules.lobby_ms = 180'000;
  h.settings.rules.debrief_ms = 600'000;
  return h;
}

TEST_CASE("The lobby counts down to the planned start in every view; the facilitator starts",
          "[lobby][countdown]") {
  Table t(timed_header());
  CHECK_FALSE(planned_phase_end(t.match()));  // the room has not yet seen its clock
  t.host().advance_clock(5'000);
  REQUIRE(t.match().lobby_opened_at == 5'000);
  CHECK(planned_phase_end(t.match()) == 185'000);
  for (const Viewer& viewer : {Viewer::of_seat(0), Viewer::audience(), Viewer::facilitator()})
    CHECK(planned_phase_end(view_for(t.match(), viewer)) == 185'000);
  // The countdown starts once; past the planned start nothing happens by itself.
  CHECK(t.host().advance_clock(6'000).appended.empty());
  CHECK(t.host().advance_clock(3'600'000).appended.empty());
  CHECK(t.match().phase == Phase::lobby);
  t.now = 3'600'000;
  t.seat_one_each();
  t.start();
  CHECK(t.match().phase == Phase::briefing);
  CHECK(planned_phase_end(t.match()) == t.match().deadline);
}

TEST_CASE("A room without a lobby countdown, or without a facilitator, starts none",
          "[lobby][countdown]") {
  LogHeader untimed = timed_header();
  untimed.settings.rules.lobby_ms = 0;
  Table plain(untimed);
  CHECK(plain.host().advance_clock(5'000).appended.empty());
  CHECK_FALSE(planned_phase_end(plain.match()));

  LogHeader quick = timed_header();
  quick.settings.has_facilitator = false;  // the server's quick-match countdown applies
  Table unmoderated(quick);
  CHECK(unmoderated.host().advance_clock(5'000).appended.empty());
}

TEST_CASE("The debrief counts down the class discussion and never ends by itself",
          "[debrief][countdown]") {
  Table t(timed_header());
  t.seat_one_each();
  t.advance_to(Phase::debrief);
  const TimeMs started = t.match().phase_started_at;
  CHECK_FALSE(t.match().deadline);
  CHECK(planned_phase_end(t.match()) == started + 600'000);
  CHECK(planned_phase_end(view_for(t.match(), Viewer::of_seat(1))) == started + 600'000);
  CHECK(t.host().advance_clock(started + 3'600'000).appended.empty());
  CHECK(t.match().phase == Phase::debrief);
}

TEST_CASE("Lobby and debrief countdowns are checked like the other timers", "[rules]") {
  RoomRules rules;
  rules.lobby_ms = 0;
  rules.debrief_ms = 20 * 60'000;
  CHECK_FALSE(validate_rules(rules));
  rules.lobby_ms = -1;
  REQUIRE(validate_rules(rules));
  CHECK(validate_rules(rules)->field == "rules/lobby_ms");
  rules.lobby_ms = 0;
  rules.debrief_ms = 25 * 3600 * 1000;
  REQUIRE(validate_rules(rules));
  CHECK(validate_rules(rules)->field == "rules/debrief_ms");
}

}  // namespace
}  // namespace accord::test
