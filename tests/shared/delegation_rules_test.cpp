// Table-driven cases for the delegation and room commands: the head of delegation, seats assigned
// by the facilitator, bots, muting, removal and the room's rules.
#include "test_support.hpp"

namespace accord::test {
namespace {

// Ana (0, head) and Ben (1) hold seat 0, Cy (2) holds seat 1, Dee (3) is unseated, Eve (4)
// watches. Delegations have at most two members; seats 2 and 3 are empty.
Table delegation_room() {
  Table t(4);
  t.seated("Ana", 0);
  t.seated("Ben", 0);
  t.seated("Cy", 1);
  t.join("Dee");
  t.join("Eve", Role::spectator);
  return t;
}

// Started: Dee has been drawn onto seat 2 or 3.
Table started_room() {
  Table t = delegation_room();
  t.start();
  return t;
}

Table with_ben_gone() {
  Table t = delegation_room();
  t.must(Actor::of(1), LeaveMatch{});
  return t;
}

Table with_bot() {
  Table t = delegation_room();
  t.must(Actor::facilitator(), SetBot{2, true});
  return t;
}

Table with_muted() {
  Table t = delegation_room();
  t.must(Actor::facilitator(), MuteParticipant{2, true});
  return t;
}

Table with_removed() {
  Table t = delegation_room();
  t.must(Actor::facilitator(), RemoveParticipant{0});
  return t;
}

const Participant& person(const Match& m, ParticipantId id) {
  return m.participants.at(id);
}

RoomRules consensus_rules() {
  RoomRules rules = settings_with_seats(4).rules;
  rules.decision_rule = DecisionRule::consensus;
  rules.ballot = BallotKind::secret;
  return rules;
}

RoomRules zero_rounds() {
  RoomRules rules = settings_with_seats(4).rules;
  rules.rounds = 0;
  return rules;
}

const RegisterRuleCases delegation_cases({
    // hand_head_role
    {"the head hands the role", delegation_room, Actor::of(0), HandHeadRole{1}, std::nullopt,
     [](const Match& m) { CHECK(m.seats[0].head == 1u); }},
    {"the facilitator names a head", delegation_room, Actor::facilitator(), HandHeadRole{1},
     std::nullopt, [](const Match& m) { CHECK(m.seats[0].head == 1u); }},
    {"the role is handed in any phase", started_room, Actor::of(0), HandHeadRole{1}, std::nullopt,
     [](const Match& m) {
       CHECK(m.phase == Phase::briefing);
       CHECK(m.seats[0].head == 1u);
     }},
    {"a member who is not head cannot hand the role", delegation_room, Actor::of(1),
     HandHeadRole{1}, RejectCode::not_head},
    {"an unseated player cannot hand the role", delegation_room, Actor::of(3), HandHeadRole{1},
     RejectCode::not_head},
    {"hand the role to nobody known", delegation_room, Actor::of(0), HandHeadRole{42},
     RejectCode::unknown_participant},
    {"hand the role to someone who left", with_ben_gone, Actor::of(0), HandHeadRole{1},
     RejectCode::unknown_participant},
    {"hand the role to an unseated player", delegation_room, Actor::of(0), HandHeadRole{3},
     RejectCode::not_seated},
    {"the facilitator cannot make an unseated player head", delegation_room, Actor::facilitator(),
     HandHeadRole{3}, RejectCode::not_seated},
    {"hand the role to another seat's member", delegation_room, Actor::of(0), HandHeadRole{2},
     RejectCode::not_allowed},
    {"hand the role to oneself", delegation_room, Actor::of(0), HandHeadRole{0},
     RejectCode::unchanged},
    {"the facilitator names the current head", delegation_room, Actor::facilitator(),
     HandHeadRole{2}, RejectCode::unchanged},
    {"the server does not hand roles", delegation_room, Actor::server(), HandHeadRole{1},
     RejectCode::not_allowed},

    // assign_seat
    {"assign an unseated player", delegation_room, Actor::facilitator(), AssignSeat{3, 2},
     std::nullopt,
     [](const Match& m) {
       CHECK(person(m, 3).seat == 2u);
       CHECK(m.seats[2].head == 3u);
     }},
    {"move a player to another seat", delegation_room, Actor::facilitator(), AssignSeat{0, 1},
     std::nullopt,
     [](const Match& m) {
       CHECK(person(m, 0).seat == 1u);
       CHECK(m.seats[0].head == 1u);  // the role passes to the remaining member
       CHECK(m.seats[1].head == 2u);  // the existing head keeps it
       CHECK(delegation_of(m, 1) == std::vector<ParticipantId>{0, 2});
     }},
    {"take a player off its seat", delegation_room, Actor::facilitator(),
     AssignSeat{2, std::nullopt}, std::nullopt,
     [](const Match& m) {
       CHECK_FALSE(person(m, 2).seat);
       CHECK_FALSE(m.seats[1].head);
     }},
    {"assign a seat after the start", started_room, Actor::facilitator(), AssignSeat{1, 1},
     std::nullopt,
     [](const Match& m) {
       CHECK(m.phase == Phase::briefing);
       CHECK(person(m, 1).seat == 1u);
     }},
    {"assign nobody known", delegation_room, Actor::facilitator(), AssignSeat{42, 2},
     RejectCode::unknown_participant},
    {"assign a spectator", delegation_room, Actor::facilitator(), AssignSeat{4, 2},
     RejectCode::spectator_only_watches},
    {"assign to a seat that does not exist", delegation_room, Actor::facilitator(),
     AssignSeat{3, 4}, RejectCode::no_such_seat},
    {"assign to a full delegation", delegation_room, Actor::facilitator(), AssignSeat{3, 0},
     RejectCode::seat_full},
    {"assign to the seat already held", delegation_room, Actor::facilitator(), AssignSeat{2, 1},
     RejectCode::already_seated},
    {"take an unseated player off a seat", delegation_room, Actor::facilitator(),
     AssignSeat{3, std::nullopt}, RejectCode::not_seated},
    {"a player cannot assign seats", delegation_room, Actor::of(0), AssignSeat{3, 2},
     RejectCode::not_allowed},

    // free_seat
    {"free a seat", delegation_room, Actor::facilitator(), FreeSeat{0}, std::nullopt,
     [](const Match& m) {
       CHECK(delegation_of(m, 0).empty());
       CHECK_FALSE(person(m, 0).seat);
       CHECK_FALSE(person(m, 1).seat);
       CHECK_FALSE(m.seats[0].head);
       CHECK(person(m, 2).seat == 1u);
     }},
    {"free a seat that does not exist", delegation_room, Actor::facilitator(), FreeSeat{9},
     RejectCode::no_such_seat},
    {"free an empty seat", delegation_room, Actor::facilitator(), FreeSeat{2},
     RejectCode::unchanged},

    // set_bot
    {"put a bot on a seat", delegation_room, Actor::facilitator(), SetBot{2, true}, std::nullopt,
     [](const Match& m) { CHECK(m.seats[2].bot); }},
    {"the server puts a bot on a seat", delegation_room, Actor::server(), SetBot{3, true},
     std::nullopt, [](const Match& m) { CHECK(m.seats[3].bot); }},
    {"take a bot off", with_bot, Actor::facilitator(), SetBot{2, false}, std::nullopt,
     [](const Match& m) { CHECK_FALSE(m.seats[2].bot); }},
    {"put a bot on a seat that does not exist", delegation_room, Actor::facilitator(),
     SetBot{4, true}, RejectCode::no_such_seat},
    {"put a second bot on a seat", with_bot, Actor::facilitator(), SetBot{2, true},
     RejectCode::unchanged},
    {"take off a bot that is not there", delegation_room, Actor::facilitator(), SetBot{2, false},
     RejectCode::unchanged},
    {"a player cannot summon bots", delegation_room, Actor::of(0), SetBot{2, true},
     RejectCode::not_allowed},

    // mute_participant
    {"mute a participant", delegation_room, Actor::facilitator(), MuteParticipant{2, true},
     std::nullopt,
     [](const Match& m) {
       CHECK(person(m, 2).muted);
       CHECK_FALSE(person(m, 0).muted);  // a participant, not the whole delegation
     }},
    {"unmute a participant", with_muted, Actor::facilitator(), MuteParticipant{2, false},
     std::nullopt, [](const Match& m) { CHECK_FALSE(person(m, 2).muted); }},
    {"mute nobody known", delegation_room, Actor::facilitator(), MuteParticipant{42, true},
     RejectCode::unknown_participant},
    {"mute someone who left", with_ben_gone, Actor::facilitator(), MuteParticipant{1, true},
     RejectCode::unknown_participant},
    {"mute twice", with_muted, Actor::facilitator(), MuteParticipant{2, true},
     RejectCode::unchanged},
    {"unmute someone not muted", delegation_room, Actor::facilitator(), MuteParticipant{2, false},
     RejectCode::unchanged},
    {"a player cannot mute", delegation_room, Actor::of(0), MuteParticipant{2, true},
     RejectCode::not_allowed},

    // remove_participant
    {"remove a head of delegation", delegation_room, Actor::facilitator(), RemoveParticipant{0},
     std::nullopt,
     [](const Match& m) {
       CHECK(person(m, 0).removed);
       CHECK(person(m, 0).left);
       CHECK_FALSE(person(m, 0).seat);
       CHECK(m.seats[0].head == 1u);
       CHECK_FALSE(participant_active(m, 0));
     }},
    {"remove a spectator", delegation_room, Actor::facilitator(), RemoveParticipant{4},
     std::nullopt, [](const Match& m) { CHECK(person(m, 4).removed); }},
    {"remove nobody known", delegation_room, Actor::facilitator(), RemoveParticipant{42},
     RejectCode::unknown_participant},
    {"remove twice", with_removed, Actor::facilitator(), RemoveParticipant{0},
     RejectCode::unknown_participant},
    {"a removed participant can no longer act", with_removed, Actor::of(0),
     PostMessage{kPlenary, "I'm back"}, RejectCode::unknown_participant},
    {"a player cannot remove others", delegation_room, Actor::of(0), RemoveParticipant{2},
     RejectCode::not_allowed},

    // change_rules
    {"change the rules in the lobby", delegation_room, Actor::facilitator(),
     ChangeRules{consensus_rules()}, std::nullopt,
     [](const Match& m) {
       CHECK(m.settings.rules.decision_rule == DecisionRule::consensus);
       CHECK(m.settings.rules.ballot == BallotKind::secret);
       CHECK(m.settings.rules == consensus_rules());
     }},
    {"change the rules after the start", started_room, Actor::facilitator(),
     ChangeRules{consensus_rules()}, RejectCode::wrong_phase},
    {"change to invalid rules", delegation_room, Actor::facilitator(), ChangeRules{zero_rounds()},
     RejectCode::invalid_settings},
    {"change to the same rules", delegation_room, Actor::facilitator(),
     ChangeRules{settings_with_seats(4).rules}, RejectCode::unchanged},
    {"a player cannot change the rules", delegation_room, Actor::of(0),
     ChangeRules{consensus_rules()}, RejectCode::not_allowed},
});

TEST_CASE("invalid rules are refused with the field at fault") {
  Table t = delegation_room();
  const auto decision = decide(t.match(), Actor::facilitator(), ChangeRules{zero_rounds()}, 0);
  REQUIRE(decision.rejection);
  CHECK(decision.rejection->field == "rules/rounds");
  CHECK(decision.rejection->code == RejectCode::invalid_settings);
}

TEST_CASE("the new head casts the seat's votes, the old one no longer can") {
  Table t = delegation_room();
  t.must(Actor::of(0), HandHeadRole{1});
  const auto by_ben = decide(t.match(), Actor::of(1), HandHeadRole{0}, t.now);
  CHECK(by_ben.accepted());
  const auto by_ana = decide(t.match(), Actor::of(0), HandHeadRole{1}, t.now);
  REQUIRE(by_ana.rejection);
  CHECK(by_ana.rejection->code == RejectCode::not_head);
}

TEST_CASE("freeing a seat unseats every member, one event each") {
  Table t = delegation_room();
  auto outcome = t.host().submit(Actor::facilitator(), FreeSeat{0}, t.now);
  REQUIRE_FALSE(outcome.rejection);
  REQUIRE(outcome.appended.size() == 2);
  CHECK(std::get<SeatLeft>(outcome.appended[0].event).participant == 0);
  CHECK(std::get<SeatLeft>(outcome.appended[1].event).participant == 1);
}

TEST_CASE("a muted participant's delegation still speaks") {
  Table t = with_muted();
  t.seated("Fay", 1);
  CHECK_FALSE(decide(t.match(), Actor::of(2), PostMessage{kPlenary, "x"}, t.now).accepted());
  CHECK(decide(t.match(), Actor::of(5), PostMessage{kPlenary, "x"}, t.now).accepted());
}

TEST_CASE("delegation applies ignore events that do not fit") {
  Table t = delegation_room();
  Match m = t.match();
  const Match before = m;
  apply(m, HeadChanged{9, 0});
  apply(m, BotChanged{9, true});
  apply(m, ParticipantMuted{42, true});
  apply(m, ParticipantRemoved{42});
  CHECK(m == before);
}

}  // namespace
}  // namespace accord::test
