// Phases and time: the conference's sequence, timers, early ends, and the facilitator's
// pause, resume, extend and advance.
#include "core/visibility.hpp"
#include "test_support.hpp"

namespace accord::test {
namespace {

// Four seats, one head each; two rounds; seat 0 sponsors a starting clause (ref 1).
LogHeader two_rounds() {
  LogHeader h = header_with_seats(4);
  h.settings.drafts[0].sponsors = {0};
  h.settings.drafts[0].starting_refs = {"1"};
  h.settings.rules.rounds = 2;
  return h;
}

Table at(Phase phase) {
  Table t(two_rounds());
  t.seat_one_each();
  t.advance_to(phase);
  return t;
}

Table briefing() {
  return at(Phase::briefing);
}
Table drafting() {
  return at(Phase::drafting);
}
Table lobby() {
  Table t(two_rounds());
  t.seat_one_each();
  return t;
}
Table paused_drafting() {
  Table t = drafting();
  t.must(Actor::facilitator(), PauseClock{});
  return t;
}
Table debrief() {
  Table t = drafting();
  for (int i = 0; i < 6 && t.match().phase != Phase::debrief; ++i)
    t.must(Actor::facilitator(), AdvancePhase{});
  REQUIRE(t.match().phase == Phase::debrief);
  return t;
}

const RegisterRuleCases phase_cases({
    {"a seat marks itself done in drafting", drafting, Actor::of(1), SetReady{true}, std::nullopt,
     [](const Match& m) {
       CHECK(m.seats[1].ready);
       CHECK(m.phase == Phase::drafting);
     }},
    {"the last seat done ends drafting early",
     [] {
       Table t = drafting();
       for (ParticipantId p = 0; p < 3; ++p)
         t.must(Actor::of(p), SetReady{true});
       return t;
     },
     Actor::of(3), SetReady{true}, std::nullopt,
     [](const Match& m) {
       CHECK(m.phase == Phase::clause_voting);
       CHECK(m.clauses[0].vote.state == VoteState::open);
       for (const auto& seat : m.seats)
         CHECK_FALSE(seat.ready);
     }},
    {"done twice",
     [] {
       Table t = drafting();
       t.must(Actor::of(1), SetReady{true});
       return t;
     },
     Actor::of(1), SetReady{true}, RejectCode::unchanged},
    {"done while paused", paused_drafting, Actor::of(1), SetReady{true}, RejectCode::paused},
    {"ready marks are not given in the briefing", briefing, Actor::of(1), SetReady{true},
     RejectCode::wrong_phase},

    {"the facilitator pauses the clock", drafting, Actor::facilitator(), PauseClock{}, std::nullopt,
     [](const Match& m) {
       CHECK(m.paused_at == 1'000);
       CHECK_FALSE(m.deadline);
       CHECK(m.paused_remaining == 120'000);
     }},
    {"no clock to pause in the lobby", lobby, Actor::facilitator(), PauseClock{},
     RejectCode::wrong_phase},
    {"pause twice", paused_drafting, Actor::facilitator(), PauseClock{}, RejectCode::unchanged},
    {"a player cannot pause", drafting, Actor::of(0), PauseClock{}, RejectCode::not_allowed},

    {"the facilitator resumes the clock", paused_drafting, Actor::facilitator(), ResumeClock{},
     std::nullopt,
     [](const Match& m) {
       CHECK_FALSE(m.paused_at);
       CHECK(m.deadline == 1'000 + 120'000);
     }},
    {"resume a running clock", drafting, Actor::facilitator(), ResumeClock{},
     RejectCode::unchanged},

    {"the facilitator extends the phase", drafting, Actor::facilitator(), ExtendPhase{30'000},
     std::nullopt, [](const Match& m) { CHECK(m.deadline == 1'000 + 150'000); }},
    {"extend while paused", paused_drafting, Actor::facilitator(), ExtendPhase{30'000},
     std::nullopt, [](const Match& m) { CHECK(m.paused_remaining == 150'000); }},
    {"extend by nothing", drafting, Actor::facilitator(), ExtendPhase{0}, RejectCode::not_allowed},
    {"extend the lobby", lobby, Actor::facilitator(), ExtendPhase{30'000}, RejectCode::wrong_phase},

    {"the facilitator advances the phase", briefing, Actor::facilitator(), AdvancePhase{},
     std::nullopt,
     [](const Match& m) {
       CHECK(m.phase == Phase::drafting);
       CHECK(m.round == 1);
     }},
    {"advance from the lobby", lobby, Actor::facilitator(), AdvancePhase{},
     RejectCode::wrong_phase},
    {"advance past the debrief", debrief, Actor::facilitator(), AdvancePhase{},
     RejectCode::wrong_phase},
    {"advance while paused", paused_drafting, Actor::facilitator(), AdvancePhase{},
     RejectCode::paused},
});

TEST_CASE("the conference runs lobby, briefing, rounds of drafting and voting, final, debrief") {
  Table t(two_rounds());
  t.seat_one_each();
  t.start();
  std::vector<std::pair<Phase, std::uint32_t>> seen{{t.match().phase, t.match().round}};
  for (int step = 0; step < 10 && t.match().phase != Phase::debrief; ++step) {
    if (t.match().phase == Phase::clause_voting)  // keep the clause alive to the final vote
      for (ParticipantId p = 0; p < 4; ++p)
        if (t.match().clauses[0].vote.state == VoteState::open)
          t.must(Actor::of(p), CastBallot{VoteOn::clause, 0, Ballot::yes});
    if (t.match().phase == seen.back().first && t.match().round == seen.back().second) {
      t.now = *t.match().deadline;  // let the timer run out
      t.host().advance_clock(t.now);
    }
    seen.emplace_back(t.match().phase, t.match().round);
  }
  // The first clause vote ended early when every seat voted; round 2's drafting tabled
  // nothing, so its empty clause vote was skipped on the way to the final vote.
  CHECK(t.match().phase == Phase::debrief);
  CHECK(t.match().drafts[0].status == DraftStatus::failed);  // nobody voted in the final
  CHECK(seen.front().first == Phase::briefing);
  bool saw_round_two = false;
  for (const auto& [phase, round] : seen)
    saw_round_two |= phase == Phase::drafting && round == 2;
  CHECK(saw_round_two);
}

TEST_CASE("time spent paused does not count") {
  Table t = drafting();  // drafting ends at 121'000
  t.now = 50'000;
  t.must(Actor::facilitator(), PauseClock{});
  t.now = 500'000;
  CHECK(t.host().advance_clock(t.now).appended.empty());
  CHECK(t.match().phase == Phase::drafting);
  t.must(Actor::facilitator(), ResumeClock{});
  CHECK(t.match().deadline == 500'000 + 71'000);
  t.host().advance_clock(570'999);
  CHECK(t.match().phase == Phase::drafting);
  t.host().advance_clock(571'000);
  CHECK(t.match().phase == Phase::clause_voting);
}

TEST_CASE("an adoption window waits while the clock is paused") {
  LogHeader h = two_rounds();
  h.settings.rules.rounds = 1;
  Table t(h);
  t.seat_one_each();
  t.advance_to(Phase::clause_voting);
  for (ParticipantId p = 0; p < 4; ++p)
    t.must(Actor::of(p), CastBallot{VoteOn::clause, 0, Ballot::yes});
  REQUIRE(t.match().phase == Phase::final_vote);
  t.must(Actor::facilitator(), ProposeAdoptionWithoutVote{0});  // window until 11'000
  t.now = 5'000;
  t.must(Actor::facilitator(), PauseClock{});
  t.now = 100'000;
  t.host().advance_clock(t.now);
  CHECK(t.match().drafts[0].status == DraftStatus::open);
  t.must(Actor::facilitator(), ResumeClock{});
  CHECK(t.match().drafts[0].objection_deadline == 11'000 + 95'000);
}

TEST_CASE("the debrief reveals every brief, and a deadline is never needed after it") {
  Table t = drafting();
  CHECK(view_for(t.match(), Viewer::audience()).settings.seats[2].brief.empty());
  CHECK(view_for(t.match(), Viewer::of_seat(1)).settings.seats[2].brief.empty());
  CHECK(view_for(t.match(), Viewer::of_seat(2)).settings.seats[2].brief == "Brief of state 2");
  for (int i = 0; i < 6 && t.match().phase != Phase::debrief; ++i)
    t.must(Actor::facilitator(), AdvancePhase{});
  REQUIRE(t.match().phase == Phase::debrief);
  CHECK(t.match().secrets_revealed);
  CHECK(view_for(t.match(), Viewer::audience()).settings.seats[2].brief == "Brief of state 2");
  CHECK_FALSE(t.match().deadline);
  CHECK(tick(t.match(), 1'000'000'000).empty());
}

}  // namespace
}  // namespace accord::test
