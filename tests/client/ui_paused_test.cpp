// UI actions while the clock is paused and around votes: every button asks the rules (decide on
// the client's own view) and a disabled one says the rules' reason.
#include "ui_actions_support.hpp"

namespace accord::client::test {
namespace {

// Each action button is enabled exactly when `decide`, run on the client's own view for its
// participant (or the facilitator) at the session's clock, accepts the command it would send;
// a disabled one shows the rules' rejection when the mouse is over it.

const std::string kPausedReason = "The facilitator has paused the session.";

void pause(Match& v) {
  v.paused_at = kNow - 10'000;
  v.paused_remaining = 60'000;
  v.deadline.reset();
}

void resume(Match& v) {
  v.paused_at.reset();
  v.paused_remaining.reset();
  v.deadline = kNow + 60'000;
}

VoteRecord open_vote(const Match& v) {
  VoteRecord vote;
  vote.state = VoteState::open;
  vote.ballots.assign(v.seats.size(), std::nullopt);
  vote.eligible = static_cast<std::uint32_t>(v.seats.size());
  return vote;
}

// Clause voting with one open vote, on clause 0 (another seat's); nobody has voted yet.
Start clause_voting() {
  Start st = start(true);
  Match& v = st.view;
  v.phase = Phase::clause_voting;
  v.clauses.clear();
  Clause c = tabled(v, 0, st.me == 1 ? 2u : 1u);
  c.vote = open_vote(v);
  v.clauses.push_back(c);
  return st;
}

// The final vote, with adoption of draft 0 without a vote proposed: the objection window is open.
Start adoption_proposed() {
  Start st = start(true);
  Match& v = st.view;
  v.phase = Phase::final_vote;
  v.clauses.clear();
  v.drafts[0].final_vote = open_vote(v);
  v.drafts[0].objection_deadline = kNow + 30'000;
  return st;
}

// Another participant joins this client's seat and heads its delegation.
void lose_head_role(Match& v, SeatIndex seat) {
  Participant head;
  head.name = "Head of delegation";
  head.seat = seat;
  v.participants.push_back(head);
  v.seats[seat].head = static_cast<ParticipantId>(v.participants.size() - 1);
}

std::optional<Rejection> rules_say(const RecordingSession& s, const Command& c,
                                   SendAs as = SendAs::participant) {
  const Actor actor = as == SendAs::facilitator ? Actor::facilitator() : Actor::of(s.participant());
  return decide(s.view(), actor, c, s.now()).rejection;
}

std::string ballot_label(Ballot b) {
  return S("ballot." + std::string(to_string(b)));
}

TEST_CASE("ui: while paused the ballot buttons are disabled and say why; after resume they vote") {
  Start st = clause_voting();
  pause(st.view);
  Clicker gui(recording(st));
  gui.screen(draw_voting);
  const auto refused = rules_say(gui.session(), CastBallot{VoteOn::clause, 0, Ballot::yes});
  REQUIRE(refused);
  CHECK(refused->code == RejectCode::paused);
  CHECK(refused->message == kPausedReason);

  gui.frame();  // the mouse is elsewhere: no tooltip
  CHECK_FALSE(text_log::contains(kPausedReason));
  for (const Ballot b : {Ballot::yes, Ballot::no, Ballot::abstain}) {
    REQUIRE(gui.click(ballot_label(b)));
    CHECK(gui.session().posted.empty());
    CHECK(text_log::contains(kPausedReason));  // the mouse is over it: the rules' reason
  }

  resume(gui.session().edit());
  REQUIRE(gui.click(ballot_label(Ballot::no)));
  const auto& ballot = only<CastBallot>(gui.session().posted);
  CHECK(ballot.target == 0);
  CHECK(ballot.ballot == Ballot::no);
  CHECK_FALSE(text_log::contains(kPausedReason));
}

TEST_CASE("ui: while paused 'Object' is disabled with the rules' reason; after resume it objects") {
  Start st = adoption_proposed();
  pause(st.view);
  Clicker gui(recording(st));
  gui.screen(draw_voting);
  const auto refused = rules_say(gui.session(), ObjectToAdoption{0});
  REQUIRE(refused);
  CHECK(refused->code == RejectCode::paused);

  REQUIRE(gui.click(S("voting.object")));
  CHECK(gui.session().posted.empty());
  CHECK(text_log::contains(kPausedReason));

  resume(gui.session().edit());
  REQUIRE(gui.click(S("voting.object")));
  CHECK(only<ObjectToAdoption>(gui.session().posted).draft == 0);
}

TEST_CASE(
    "ui: a delegation member who is not its head cannot vote or object; the button says why") {
  const auto reason = [](const Match& v, SeatIndex me) {
    return "Only the head of your delegation can do this for " + ui::seat_name(v, me) + ".";
  };
  SECTION("a clause vote") {
    Start st = clause_voting();
    lose_head_role(st.view, st.me);
    Clicker gui(recording(st));
    gui.screen(draw_voting);
    REQUIRE(gui.click(ballot_label(Ballot::yes)));
    CHECK(gui.session().posted.empty());
    CHECK(text_log::contains(reason(st.view, st.me)));
    CHECK(rules_say(gui.session(), CastBallot{VoteOn::clause, 0, Ballot::yes})->code ==
          RejectCode::not_head);
  }
  SECTION("an objection to adoption without a vote") {
    Start st = adoption_proposed();
    lose_head_role(st.view, st.me);
    Clicker gui(recording(st));
    gui.screen(draw_voting);
    REQUIRE(gui.click(S("voting.object")));
    CHECK(gui.session().posted.empty());
    CHECK(text_log::contains(reason(st.view, st.me)));
  }
}

TEST_CASE("ui: each ballot button is enabled exactly when the rules take that ballot") {
  struct Variant {
    const char* name;
    void (*shape)(Match&, SeatIndex me);
  };
  const Variant variants[] = {
      {"running, head", [](Match&, SeatIndex) {}},
      {"paused", [](Match& v, SeatIndex) { pause(v); }},
      {"not the head", [](Match& v, SeatIndex me) { lose_head_role(v, me); }},
      {"already voted yes",
       [](Match& v, SeatIndex me) { v.clauses[0].vote.ballots[me] = Ballot::yes; }},
      {"paused, not the head",
       [](Match& v, SeatIndex me) {
         pause(v);
         lose_head_role(v, me);
       }},
  };
  int accepted = 0, refused = 0;
  for (const auto& variant : variants) {
    for (const Ballot b : {Ballot::yes, Ballot::no, Ballot::abstain}) {
      Start st = clause_voting();
      variant.shape(st.view, st.me);
      Clicker gui(recording(st));
      gui.screen(draw_voting);
      const auto rules = rules_say(gui.session(), CastBallot{VoteOn::clause, 0, b});
      INFO(variant.name << ", " << ballot_label(b) << ": "
                        << (rules ? rules->message : std::string("accepted")));
      REQUIRE(gui.click(ballot_label(b)));
      if (rules) {
        ++refused;
        CHECK(gui.session().posted.empty());
        CHECK(text_log::contains(rules->message));
      } else {
        ++accepted;
        CHECK(only<CastBallot>(gui.session().posted).ballot == b);
      }
    }
  }
  // Both kinds were exercised: 5 accepted (3 running + 2 after a yes), 10 refused.
  CHECK(accepted == 5);
  CHECK(refused == 10);
}

TEST_CASE("ui: while paused the drafting actions stay in sight, wait, and say why") {
  Start st = start(true);
  Match& v = st.view;
  const SeatIndex other = st.me == 2 ? 3u : 2u;
  v.clauses.clear();
  v.clauses.push_back(tabled(v, 1, other));  // another seat's: this one may co-sponsor it
  pause(v);
  Clicker gui(recording(st));
  gui.screen(draw_drafting);
  REQUIRE(gui.click(S("drafting.done")));
  CHECK(text_log::contains(kPausedReason));
  REQUIRE(gui.click(S("drafting.cosponsor")));
  CHECK(text_log::contains(kPausedReason));
  CHECK(gui.session().posted.empty());

  resume(gui.session().edit());
  REQUIRE(gui.click(S("drafting.cosponsor")));
  CHECK(only<Cosponsor>(gui.session().posted).clause == 0);
  gui.session().posted.clear();
  REQUIRE(gui.click(S("drafting.done")));
  CHECK(only<SetReady>(gui.session().posted).ready);
}

TEST_CASE("ui: while paused the facilitator resumes or extends, and 'Advance' says resume first") {
  Start st = start(true);
  pause(st.view);
  Clicker gui(recording(st));
  gui.session().facilitate = true;
  gui.screen(draw_facilitator);
  const std::string resume_first = "The clock is paused: resume it to advance the phase.";
  CHECK(rules_say(gui.session(), AdvancePhase{}, SendAs::facilitator)->message == resume_first);
  REQUIRE(gui.click(S("facilitator.advance")));
  CHECK(gui.session().facilitator_posted.empty());
  CHECK(text_log::contains(resume_first));
  CHECK_FALSE(gui.find(S("facilitator.pause")));  // one toggle: Resume while paused

  REQUIRE(gui.click(S("facilitator.extend1")));
  CHECK(only<ExtendPhase>(gui.session().facilitator_posted).by_ms == 60'000);
  gui.session().facilitator_posted.clear();
  REQUIRE(gui.click(S("facilitator.resume")));
  CHECK(std::holds_alternative<ResumeClock>(gui.session().facilitator_posted.at(0)));
  CHECK(gui.session().posted.empty());  // as the facilitator, not as the participant
}

TEST_CASE("ui: chat goes on while paused; an empty line is refused with the rules' words") {
  Start st = start(true);
  pause(st.view);
  Clicker gui(recording(st));
  REQUIRE(gui.click(S("chat.send")));  // nothing typed
  CHECK(gui.session().posted.empty());
  CHECK(text_log::contains("Write something first."));
  gui.state().chat_input = "Shall we meet after the pause?";
  REQUIRE(gui.click(S("chat.send")));
  CHECK(only<PostMessage>(gui.session().posted).text == "Shall we meet after the pause?");
  CHECK_FALSE(text_log::contains(kPausedReason));
}

// ---- the facilitator's controls: each click posts the command, which the test then runs
// through the rules (decide + apply) on the view, so the next frame shows its effect.

}  // namespace
}  // namespace accord::client::test
