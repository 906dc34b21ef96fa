// Crisis injects (issue 15): the facilitator fires one from the match's library, or the
// schedule does; each effect is applied by the rules, seen by the right audience, and replayed.
#include <algorithm>

#include "core/hash.hpp"
#include "core/visibility.hpp"
#include "test_support.hpp"

namespace accord::test {
namespace {

// "cable": urgent 37, puts 17 on the table, shifts seat 1's priorities (add 23, remove 24),
// an emergency statement (60 s) and two minutes of drafting. "quiet": news and urgency only.
LogHeader inject_header() {
  LogHeader h = header_with_seats(4);
  InjectSetup cable;
  cable.id = "cable";
  cable.title = "Cables cut";
  cable.news = "Two cables were cut last night.";
  cable.urgent_refs = {"37"};
  cable.new_refs = {{"17", "17"}};
  cable.shifts = {PriorityShift{1, {"23"}, {"24"}, "Your coast was hit."}};
  cable.statement = "Protect the cables.";
  cable.statement_ref = "17";
  cable.statement_vote_ms = 60'000;
  cable.extra_drafting_ms = 120'000;
  InjectSetup quiet;
  quiet.id = "quiet";
  quiet.title = "A quiet alarm";
  quiet.news = "Nothing much happened.";
  quiet.urgent_refs = {"29"};
  h.settings.injects = {cable, quiet};
  return h;
}

Table in_phase(Phase phase) {
  Table t(inject_header());
  t.seat_one_each();
  if (phase != Phase::lobby) t.advance_to(phase);
  return t;
}

Table in_drafting() {
  return in_phase(Phase::drafting);
}

Table after_cable() {
  Table t = in_drafting();
  t.must(Actor::facilitator(), FireInject{"cable"});
  return t;
}

const RegisterRuleCases inject_cases({
    {"the facilitator fires an inject in drafting", in_drafting, Actor::facilitator(),
     FireInject{"cable"}, std::nullopt,
     [](const Match& m) {
       REQUIRE(m.injects_fired.size() == 1);
       CHECK(m.injects_fired[0].id == "cable");
       CHECK(m.injects_fired[0].phase == Phase::drafting);
       CHECK_FALSE(m.injects_fired[0].scheduled);
     }},
    {"an inject in the briefing", [] { return in_phase(Phase::briefing); }, Actor::facilitator(),
     FireInject{"quiet"}, std::nullopt,
     [](const Match& m) { CHECK(m.urgent_refs == std::vector<std::string>{"29"}); }},
    {"an inject while the clock is paused",
     [] {
       Table t = in_drafting();
       t.must(Actor::facilitator(), PauseClock{});
       return t;
     },
     Actor::facilitator(), FireInject{"quiet"}, std::nullopt},
    {"a player cannot fire an inject", in_drafting, Actor::of(0), FireInject{"cable"},
     RejectCode::not_allowed},
    {"an inject that is not in the library", in_drafting, Actor::facilitator(),
     FireInject{"meteor"}, RejectCode::no_such_inject},
    {"no inject in the lobby", [] { return in_phase(Phase::lobby); }, Actor::facilitator(),
     FireInject{"cable"}, RejectCode::wrong_phase},
    {"no inject in the debrief", [] { return in_phase(Phase::debrief); }, Actor::facilitator(),
     FireInject{"cable"}, RejectCode::wrong_phase},
    {"an inject fires once", after_cable, Actor::facilitator(), FireInject{"cable"},
     RejectCode::already_done},
    {"a seat votes on the emergency statement", after_cable, Actor::of(2),
     CastBallot{VoteOn::statement, 0, Ballot::yes}, std::nullopt,
     [](const Match& m) { CHECK(m.statements[0].vote.ballots[2] == Ballot::yes); }},
    {"a ballot on a statement that does not exist", after_cable, Actor::of(2),
     CastBallot{VoteOn::statement, 3, Ballot::yes}, RejectCode::not_allowed},
});

TEST_CASE("An inject's effects: urgency, a new clause, extra time and an emergency vote",
          "[injects]") {
  Table t = in_drafting();
  const TimeMs deadline_before = *t.match().deadline;
  CHECK(decide(t.match(), Actor::of(0), TableClause{0, "17", ""}, t.now).rejection->code ==
        RejectCode::not_on_table);
  t.must(Actor::facilitator(), FireInject{"cable"});
  const Match& m = t.match();
  CHECK(m.urgent_refs == std::vector<std::string>{"37"});
  CHECK(std::any_of(m.settings.clause_table.begin(), m.settings.clause_table.end(),
                    [](const ClauseOption& o) { return o.ref == "17"; }));
  CHECK(*m.deadline == deadline_before + 120'000);
  REQUIRE(m.statements.size() == 1);
  CHECK(m.statements[0].text == "Protect the cables.");
  CHECK(m.statements[0].vote.state == VoteState::open);
  CHECK(m.statements[0].vote.eligible == 4);
  CHECK(m.statements[0].closes_at == t.now + 60'000);
  // The clause the inject put on the table can now be tabled.
  t.must(Actor::of(0), TableClause{0, "17", ""});
}

TEST_CASE("The emergency vote closes when every seat has voted, in any phase", "[injects]") {
  Table t = after_cable();
  for (ParticipantId p = 0; p < 3; ++p)
    t.must(Actor::of(p), CastBallot{VoteOn::statement, 0, Ballot::yes});
  CHECK(t.match().statements[0].vote.state == VoteState::open);
  t.must(Actor::of(3), CastBallot{VoteOn::statement, 0, Ballot::no});
  const auto& vote = t.match().statements[0].vote;
  CHECK(vote.state == VoteState::closed);
  CHECK(vote.yes == 3);
  CHECK(vote.no == 1);
  CHECK(vote.outcome == VoteOutcome::adopted);
  CHECK(t.match().phase == Phase::drafting);  // it never ends the phase
}

TEST_CASE("The emergency vote closes at its deadline, later by the time spent paused",
          "[injects]") {
  Table t = after_cable();
  t.must(Actor::of(0), CastBallot{VoteOn::statement, 0, Ballot::no});
  t.must(Actor::facilitator(), PauseClock{});
  t.now += 30'000;
  t.must(Actor::facilitator(), ResumeClock{});
  CHECK(t.match().statements[0].closes_at == 1'000 + 60'000 + 30'000);
  t.host().advance_clock(1'000 + 60'000 + 29'000);
  CHECK(t.match().statements[0].vote.state == VoteState::open);
  t.host().advance_clock(1'000 + 60'000 + 30'000);
  const auto& vote = t.match().statements[0].vote;
  CHECK(vote.state == VoteState::closed);
  CHECK(vote.no == 1);
  CHECK(vote.not_voting == 3);
  CHECK(vote.outcome == VoteOutcome::rejected);
}

TEST_CASE("The debrief closes an emergency vote still open", "[injects]") {
  Table t = after_cable();
  t.must(Actor::of(1), CastBallot{VoteOn::statement, 0, Ballot::yes});
  t.advance_to(Phase::debrief);
  CHECK(t.match().statements[0].vote.state == VoteState::closed);
  CHECK(t.match().statements[0].vote.outcome == VoteOutcome::adopted);
}

TEST_CASE("Extra drafting time fired outside drafting goes to the next drafting phase",
          "[injects]") {
  Table t = in_phase(Phase::briefing);
  t.must(Actor::facilitator(), FireInject{"cable"});
  CHECK(t.match().drafting_bonus_ms == 120'000);
  t.must(Actor::facilitator(), AdvancePhase{});
  REQUIRE(t.match().phase == Phase::drafting);
  CHECK(*t.match().deadline == t.now + 120'000 + 120'000);
  CHECK(t.match().drafting_bonus_ms == 0);
  // Round 2's drafting (the empty clause vote is skipped) has its usual length again.
  t.must(Actor::facilitator(), AdvancePhase{});
  REQUIRE(t.match().phase == Phase::drafting);
  REQUIRE(t.match().round == 2);
  CHECK(*t.match().deadline == t.now + 120'000);
}

TEST_CASE("A priority shift reaches only its seat; the library stays with the facilitator",
          "[injects][visibility]") {
  Table t = in_drafting();
  std::vector<Viewer> viewers{Viewer::facilitator(), Viewer::audience()};
  for (SeatIndex s = 0; s < 4; ++s)
    viewers.push_back(Viewer::of_seat(s));
  std::vector<ClientView> views;
  for (const auto& viewer : viewers)
    views.emplace_back(t.host().open_stream(viewer));
  CHECK(views[0].view().settings.injects.size() == 2);
  for (std::size_t v = 1; v < views.size(); ++v)
    CHECK(views[v].view().settings.injects.empty());

  const auto outcome = t.host().submit(Actor::facilitator(), FireInject{"cable"}, t.now);
  REQUIRE_FALSE(outcome.rejection);
  for (const auto& delivery : outcome.deliveries)
    for (std::size_t v = 0; v < viewers.size(); ++v)
      if (delivery.viewer == viewers[v]) {
        REQUIRE(views[v].apply(delivery.item) == ClientView::Applied::ok);
        if (const auto* fired = std::get_if<InjectFired>(&delivery.item.event)) {
          const bool sees_shift = v == 0 || viewers[v] == Viewer::of_seat(1);
          CHECK(fired->shifts.size() == (sees_shift ? 1u : 0u));
          CHECK(fired->news == "Two cables were cut last night.");
        }
      }
  const auto& server = t.match();
  CHECK(server.settings.seats[1].priorities == std::vector<std::string>{"23"});
  CHECK(server.settings.seats[0].priorities == std::vector<std::string>{"24"});
  for (std::size_t v = 0; v < viewers.size(); ++v) {
    INFO("viewer " << v);
    CHECK(hash(views[v].view()) == hash(view_for(server, viewers[v])));
  }
  CHECK(views[2 + 1].view().settings.seats[1].priorities == std::vector<std::string>{"23"});
  CHECK(views[2 + 0].view().settings.seats[1].priorities.empty());
}

TEST_CASE("A scheduled inject fires by itself, once, at its time in its phase", "[injects]") {
  LogHeader h = inject_header();
  h.settings.inject_schedule = {ScheduledInject{"quiet", 1, Phase::drafting, 30'000}};
  Table t(h);
  t.seat_one_each();
  t.advance_to(Phase::drafting);
  const TimeMs started = t.match().phase_started_at;
  t.host().advance_clock(started + 29'000);
  CHECK(t.match().injects_fired.empty());
  t.host().advance_clock(started + 30'000);
  REQUIRE(t.match().injects_fired.size() == 1);
  CHECK(t.match().injects_fired[0].scheduled);
  t.host().advance_clock(started + 31'000);
  CHECK(t.match().injects_fired.size() == 1);
  // Fired by the schedule, it cannot be fired again by hand.
  const auto again = t.host().submit(Actor::facilitator(), FireInject{"quiet"}, started + 32'000);
  REQUIRE(again.rejection);
  CHECK(again.rejection->code == RejectCode::already_done);
}

TEST_CASE("A log with injects replays to the live match", "[injects][replay]") {
  LogHeader h = inject_header();
  h.settings.inject_schedule = {ScheduledInject{"quiet", 1, Phase::drafting, 5'000}};
  Table t(h);
  t.seat_one_each();
  t.advance_to(Phase::drafting);
  t.now += 5'000;
  t.host().advance_clock(t.now);
  REQUIRE(t.match().injects_fired.size() == 1);
  t.must(Actor::facilitator(), FireInject{"cable"});
  t.must(Actor::of(1), CastBallot{VoteOn::statement, 0, Ballot::abstain});
  t.advance_to(Phase::debrief);
  std::string error;
  const auto replayed = MatchHost::from_log(t.host().log(), &error);
  INFO(error);
  REQUIRE(replayed);
  CHECK(replayed->match() == t.match());
  CHECK(hash(replayed->match()) == hash(t.match()));
}

TEST_CASE("Settings with a broken inject are refused, naming the field", "[injects]") {
  MatchSettings s = inject_header().settings;
  s.injects[0].shifts[0].seat = 9;
  auto problem = validate_settings(s);
  REQUIRE(problem);
  CHECK(problem->field == "injects/0/shifts");
  s = inject_header().settings;
  s.inject_schedule = {ScheduledInject{"nowhere", 1, Phase::drafting, 0}};
  problem = validate_settings(s);
  REQUIRE(problem);
  CHECK(problem->field == "inject_schedule/0/inject");
  s = inject_header().settings;
  s.injects[1].id = "cable";
  problem = validate_settings(s);
  REQUIRE(problem);
  CHECK(problem->field == "injects/1/id");
}

}  // namespace
}  // namespace accord::test
