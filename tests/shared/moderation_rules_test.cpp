// Table-driven cases for moderation polls (rooms without a facilitator): a majority of occupied
// seats hides a plenary message or a clause, or mutes a participant.
#include <algorithm>
#include <map>

#include "core/codec.hpp"
#include "core/hash.hpp"
#include "core/visibility.hpp"
#include "test_support.hpp"

namespace accord::test {
namespace {

// No facilitator; clause 0 ("38") is the starting text, sponsored by seat 0.
LogHeader quick_match(std::uint32_t seats) {
  LogHeader h = header_with_seats(seats);
  h.settings.has_facilitator = false;
  h.settings.drafts[0].sponsors = {0};
  h.settings.drafts[0].starting_refs = {"38"};
  return h;
}

// Ana (0) seat 0, Ben (1) seat 1, Cy (2) seat 2, Dee (3) seat 3, Uma (4) unseated; Ben's
// message is plenary message 0.
Table quick_room() {
  Table t(quick_match(4));
  t.seated("Ana", 0);
  t.seated("Ben", 1);
  t.seated("Cy", 2);
  t.seated("Dee", 3);
  t.join("Uma");
  t.must(Actor::of(1), PostMessage{kPlenary, "You are all fools."});
  return t;
}

// Only Ana holds a seat: any proposal carries by itself.
Table lonely_room() {
  Table t(quick_match(4));
  t.seated("Ana", 0);
  t.join("Ben");
  t.must(Actor::of(0), PostMessage{kPlenary, "Testing."});
  return t;
}

Table facilitated_room() {
  Table t(4);
  t.seated("Ana", 0);
  t.must(Actor::of(0), PostMessage{kPlenary, "Hello."});
  return t;
}

// Poll 0: Ana proposes hiding message 0.
Table with_poll() {
  Table t = quick_room();
  t.must(Actor::of(0), ProposeModeration{ModerationAction::hide_message, kPlenary, 0});
  return t;
}

Table with_supported_poll() {
  Table t = with_poll();
  t.must(Actor::of(1), SupportModeration{0});
  return t;
}

Table with_carried_poll() {
  Table t = with_supported_poll();
  t.must(Actor::of(2), SupportModeration{0});
  return t;
}

Table with_clause_poll() {
  Table t = quick_room();
  t.must(Actor::of(0), ProposeModeration{ModerationAction::hide_clause, 0, 0});
  return t;
}

Table with_supported_clause_poll() {
  Table t = with_clause_poll();
  t.must(Actor::of(1), SupportModeration{0});
  return t;
}

Table with_supported_mute_poll() {
  Table t = quick_room();
  t.must(Actor::of(0), ProposeModeration{ModerationAction::mute_participant, 1, 0});
  t.must(Actor::of(2), SupportModeration{0});
  return t;
}

Table with_hidden_clause() {
  Table t = with_supported_clause_poll();
  t.must(Actor::of(2), SupportModeration{0});
  return t;
}

Table with_muted_ben() {
  Table t = with_supported_mute_poll();
  t.must(Actor::of(3), SupportModeration{0});
  return t;
}

// Clause voting of round 1, with clause 0's vote open.
Table voting_room(Table t) {
  t.start();
  t.must(Actor::facilitator(), AdvancePhase{});  // briefing → drafting
  t.must(Actor::facilitator(), AdvancePhase{});  // drafting → clause voting
  return t;
}

Table clause_in_vote() {
  return voting_room(quick_room());
}
Table clause_poll_then_vote() {
  return voting_room(with_clause_poll());
}

const ModerationPoll& poll(const Match& m, PollId id) {
  REQUIRE(id < m.polls.size());
  return m.polls[id];
}

const RegisterRuleCases moderation_cases({
    // propose_moderation
    {"propose hiding a message", quick_room, Actor::of(0),
     ProposeModeration{ModerationAction::hide_message, kPlenary, 0}, std::nullopt,
     [](const Match& m) {
       const auto& p = poll(m, 0);
       CHECK(p.action == ModerationAction::hide_message);
       CHECK(p.target == kPlenary);
       CHECK(p.index == 0);
       CHECK(p.proposer == 0);
       CHECK(p.in_favour == std::vector<SeatIndex>{0});
       CHECK(p.status == PollStatus::open);
       CHECK_FALSE(m.channels[kPlenary].messages[0].hidden);  // 1 of 4 seats is no majority
     }},
    {"propose hiding a clause", quick_room, Actor::of(1),
     ProposeModeration{ModerationAction::hide_clause, 0, 5}, std::nullopt,
     [](const Match& m) {
       CHECK(poll(m, 0).target == 0);
       CHECK(poll(m, 0).index == 0);  // unused for clauses: stored as 0
       CHECK_FALSE(m.clauses[0].hidden);
     }},
    {"propose muting a participant", quick_room, Actor::of(0),
     ProposeModeration{ModerationAction::mute_participant, 1, 0}, std::nullopt,
     [](const Match& m) {
       CHECK(poll(m, 0).action == ModerationAction::mute_participant);
       CHECK_FALSE(m.participants[1].muted);
     }},
    {"a lone seat hides a message at once", lonely_room, Actor::of(0),
     ProposeModeration{ModerationAction::hide_message, kPlenary, 0}, std::nullopt,
     [](const Match& m) {
       CHECK(poll(m, 0).status == PollStatus::carried);
       CHECK(m.channels[kPlenary].messages[0].hidden);
       CHECK(m.channels[kPlenary].messages[0].text == "Testing.");  // kept in the log
     }},
    {"a lone seat hides a clause at once", lonely_room, Actor::of(0),
     ProposeModeration{ModerationAction::hide_clause, 0, 0}, std::nullopt,
     [](const Match& m) {
       CHECK(poll(m, 0).status == PollStatus::carried);
       CHECK(m.clauses[0].hidden);
     }},
    {"a lone seat mutes at once", lonely_room, Actor::of(0),
     ProposeModeration{ModerationAction::mute_participant, 1, 0}, std::nullopt,
     [](const Match& m) {
       CHECK(poll(m, 0).status == PollStatus::carried);
       CHECK(m.participants[1].muted);
     }},
    {"a new poll on what a carried poll did is refused", with_carried_poll, Actor::of(3),
     ProposeModeration{ModerationAction::hide_message, kPlenary, 0}, RejectCode::unchanged},
    {"no polls where a facilitator moderates", facilitated_room, Actor::of(0),
     ProposeModeration{ModerationAction::hide_message, kPlenary, 0}, RejectCode::facilitated_room},
    {"propose without a seat", quick_room, Actor::of(4),
     ProposeModeration{ModerationAction::hide_message, kPlenary, 0}, RejectCode::not_seated},
    {"propose hiding a delegation message", quick_room, Actor::of(0),
     ProposeModeration{ModerationAction::hide_message, 1, 0}, RejectCode::not_allowed},
    {"propose hiding a message that does not exist", quick_room, Actor::of(0),
     ProposeModeration{ModerationAction::hide_message, kPlenary, 3}, RejectCode::no_such_message},
    {"propose hiding a clause that does not exist", quick_room, Actor::of(0),
     ProposeModeration{ModerationAction::hide_clause, 4, 0}, RejectCode::no_such_clause},
    {"propose hiding a hidden clause", with_hidden_clause, Actor::of(3),
     ProposeModeration{ModerationAction::hide_clause, 0, 0}, RejectCode::unchanged},
    {"propose hiding a clause under vote", clause_in_vote, Actor::of(0),
     ProposeModeration{ModerationAction::hide_clause, 0, 0}, RejectCode::not_allowed},
    {"propose muting nobody known", quick_room, Actor::of(0),
     ProposeModeration{ModerationAction::mute_participant, 42, 0}, RejectCode::unknown_participant},
    {"propose muting a muted participant", with_muted_ben, Actor::of(2),
     ProposeModeration{ModerationAction::mute_participant, 1, 0}, RejectCode::unchanged},
    {"propose what an open poll already proposes", with_poll, Actor::of(2),
     ProposeModeration{ModerationAction::hide_message, kPlenary, 0}, RejectCode::already_done},
    {"propose what an open clause poll proposes, under another index", with_clause_poll,
     Actor::of(2), ProposeModeration{ModerationAction::hide_clause, 0, 3},
     RejectCode::already_done},

    // support_moderation
    {"support a poll, short of a majority", with_poll, Actor::of(1), SupportModeration{0},
     std::nullopt,
     [](const Match& m) {
       CHECK(poll(m, 0).in_favour == std::vector<SeatIndex>{0, 1});
       CHECK(poll(m, 0).status == PollStatus::open);  // 2 of 4 is no majority
       CHECK_FALSE(m.channels[kPlenary].messages[0].hidden);
     }},
    {"the supporting majority hides the message", with_supported_poll, Actor::of(3),
     SupportModeration{0}, std::nullopt,
     [](const Match& m) {
       CHECK(poll(m, 0).in_favour == std::vector<SeatIndex>{0, 1, 3});
       CHECK(poll(m, 0).status == PollStatus::carried);
       CHECK(m.channels[kPlenary].messages[0].hidden);
       CHECK(m.channels[kPlenary].messages[0].text == "You are all fools.");
     }},
    {"the supporting majority hides the clause", with_supported_clause_poll, Actor::of(3),
     SupportModeration{0}, std::nullopt,
     [](const Match& m) {
       CHECK(poll(m, 0).status == PollStatus::carried);
       CHECK(m.clauses[0].hidden);
     }},
    {"the supporting majority mutes", with_supported_mute_poll, Actor::of(3), SupportModeration{0},
     std::nullopt,
     [](const Match& m) {
       CHECK(poll(m, 0).status == PollStatus::carried);
       CHECK(m.participants[1].muted);
       CHECK_FALSE(m.participants[0].muted);
     }},
    {"support in a facilitated room", facilitated_room, Actor::of(0), SupportModeration{0},
     RejectCode::facilitated_room},
    {"support without a seat", with_poll, Actor::of(4), SupportModeration{0},
     RejectCode::not_seated},
    {"support a poll that does not exist", with_poll, Actor::of(1), SupportModeration{1},
     RejectCode::no_such_poll},
    {"support a poll that has carried", with_carried_poll, Actor::of(3), SupportModeration{0},
     RejectCode::not_pending},
    {"support one's own poll", with_poll, Actor::of(0), SupportModeration{0},
     RejectCode::already_done},
    {"support hiding a clause that came to a vote", clause_poll_then_vote, Actor::of(1),
     SupportModeration{0}, RejectCode::not_allowed},
});

TEST_CASE("a mute poll carries with a majority of occupied seats and silences its target") {
  Table t = with_muted_ben();
  const auto& p = t.match().polls.at(0);
  CHECK(p.status == PollStatus::carried);
  CHECK(p.in_favour == std::vector<SeatIndex>{0, 2, 3});
  CHECK(t.match().participants[1].muted);
  const auto refused = decide(t.match(), Actor::of(1), PostMessage{kPlenary, "Hey"}, t.now);
  REQUIRE(refused.rejection);
  CHECK(refused.rejection->code == RejectCode::muted);
}

TEST_CASE("a carrying support emits the poll's outcome and effect in one decision") {
  Table t = with_supported_poll();
  const auto decision = decide(t.match(), Actor::of(2), SupportModeration{0}, t.now);
  REQUIRE(decision.accepted());
  REQUIRE(decision.events.size() == 3);
  CHECK(std::get<PollSupported>(decision.events[0]).seat == 2);
  CHECK(std::get<PollCarried>(decision.events[1]).poll == 0);
  const auto& hidden = std::get<MessageHidden>(decision.events[2]);
  CHECK(hidden.hidden);
  CHECK(hidden.text == "You are all fools.");

  Table clause = with_supported_clause_poll();
  const auto carried = decide(clause.match(), Actor::of(3), SupportModeration{0}, clause.now);
  REQUIRE(carried.events.size() == 3);
  CHECK(std::get<ClauseHidden>(carried.events[2]).clause == 0);
  CHECK(std::get<ClauseHidden>(carried.events[2]).hidden);
}

TEST_CASE("an empty seat's support no longer counts toward the majority") {
  Table t(quick_match(6));
  for (SeatIndex s = 0; s < 6; ++s)
    t.seated("P" + std::to_string(s), s);
  t.must(Actor::of(0), PostMessage{kPlenary, "Spam"});
  t.must(Actor::of(0), ProposeModeration{ModerationAction::hide_message, kPlenary, 0});
  t.must(Actor::of(1), SupportModeration{0});
  t.must(Actor::of(2), SupportModeration{0});  // 3 of 6: no majority
  REQUIRE(t.match().polls[0].status == PollStatus::open);
  t.must(Actor::of(1), LeaveSeat{});
  t.must(Actor::of(2), LeaveSeat{});
  // Four seats remain occupied; of the supporters only seat 0 still holds its seat, so seat 3's
  // support makes 2 of 4: still no majority.
  t.must(Actor::of(3), SupportModeration{0});
  CHECK(t.match().polls[0].status == PollStatus::open);
  CHECK_FALSE(t.match().channels[kPlenary].messages[0].hidden);
  t.must(Actor::of(4), SupportModeration{0});  // 3 of 4
  CHECK(t.match().polls[0].status == PollStatus::carried);
  CHECK(t.match().channels[kPlenary].messages[0].hidden);
}

TEST_CASE("a message hidden by a poll leaves every seat's and the audience's view") {
  Table t = quick_room();
  std::vector<Viewer> viewers{Viewer::audience(), Viewer::facilitator()};
  for (SeatIndex s = 0; s < 4; ++s)
    viewers.push_back(Viewer::of_seat(s));
  std::map<Viewer, ClientView> clients;
  for (const auto& v : viewers)
    clients.emplace(v, ClientView(t.host().open_stream(v)));
  auto run = [&](const Actor& actor, const Command& command) {
    auto outcome = t.host().submit(actor, command, t.now);
    REQUIRE_FALSE(outcome.rejection);
    for (const auto& d : outcome.deliveries)
      REQUIRE(clients.at(d.viewer).apply(d.item) == ClientView::Applied::ok);
    for (const auto& v : viewers)
      CHECK(hash(clients.at(v).view()) == hash(view_for(t.match(), v)));
  };
  run(Actor::of(0), ProposeModeration{ModerationAction::hide_message, kPlenary, 0});
  run(Actor::of(2), SupportModeration{0});
  run(Actor::of(3), SupportModeration{0});
  REQUIRE(t.match().channels[kPlenary].messages[0].hidden);
  for (const auto& v : viewers) {
    const auto& message = clients.at(v).view().channels[kPlenary].messages.at(0);
    CHECK(message.hidden);
    CHECK(message.text == (v.kind == ViewerKind::facilitator ? "You are all fools." : ""));
    CHECK(clients.at(v).view().polls.at(0).status == PollStatus::carried);
  }
}

TEST_CASE("moderation applies ignore events that do not fit") {
  Table t = with_poll();
  Match m = t.match();
  const Match before = m;
  apply(m, PollSupported{7, 1});
  apply(m, PollCarried{7});
  CHECK(m == before);
}

}  // namespace
}  // namespace accord::test
