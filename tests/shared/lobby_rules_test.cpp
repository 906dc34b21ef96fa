// Table-driven cases for the lobby commands: each accepted case and each rejection path.
#include "test_support.hpp"

namespace accord::test {
namespace {

Table empty_room() {
  return Table(4);
}

// Ana (0) and Ben (1) share seat 0, Cy (2) holds seat 1, Dee (3) is unseated, Eve (4) watches.
Table busy_room() {
  Table t(4);
  t.seated("Ana", 0);
  t.seated("Ben", 0);
  t.seated("Cy", 1);
  t.join("Dee");
  t.join("Eve", Role::spectator);
  return t;
}

Table started_room() {
  Table t = busy_room();
  t.start();
  return t;
}

Table no_spectators_room() {
  LogHeader h = header_with_seats(2);
  h.settings.rules.allow_spectators = false;
  return Table(h);
}

Table full_room() {
  LogHeader h = header_with_seats(2);
  h.settings.rules.max_participants = 2;
  Table t(h);
  t.join("Ana");
  t.join("Ben");
  return t;
}

const Participant& person(const Match& m, ParticipantId id) {
  return m.participants.at(id);
}

const RegisterRuleCases lobby_cases({
    // join_match
    {"join as player", empty_room, Actor::server(), JoinMatch{"Ana", Role::player}, std::nullopt,
     [](const Match& m) {
       REQUIRE(m.participants.size() == 1);
       CHECK(m.participants[0].name == "Ana");
       CHECK_FALSE(m.participants[0].seat);
     }},
    {"join as spectator", empty_room, Actor::server(), JoinMatch{"Zed", Role::spectator},
     std::nullopt, [](const Match& m) { CHECK(m.participants[0].role == Role::spectator); }},
    {"join after the start", started_room, Actor::server(), JoinMatch{"Late", Role::player},
     std::nullopt, nullptr},
    {"join with an empty name", empty_room, Actor::server(), JoinMatch{"   ", Role::player},
     RejectCode::invalid_name},
    {"join with a control character", empty_room, Actor::server(),
     JoinMatch{"A\x07na", Role::player}, RejectCode::invalid_name},
    {"join with an over-long name", empty_room, Actor::server(),
     JoinMatch{std::string(49, 'x'), Role::player}, RejectCode::invalid_name},
    {"join as spectator where none are admitted", no_spectators_room, Actor::server(),
     JoinMatch{"Zed", Role::spectator}, RejectCode::spectators_closed},
    {"join a full match", full_room, Actor::server(), JoinMatch{"Cy", Role::player},
     RejectCode::match_full},
    {"a participant cannot admit others", busy_room, Actor::of(0), JoinMatch{"Sneak", Role::player},
     RejectCode::not_allowed},

    // leave_match
    {"leave the match", busy_room, Actor::of(0), LeaveMatch{}, std::nullopt,
     [](const Match& m) {
       CHECK(person(m, 0).left);
       CHECK_FALSE(person(m, 0).seat);
       CHECK(delegation_of(m, 0) == std::vector<ParticipantId>{1});
     }},
    {"leave twice",
     [] {
       Table t = busy_room();
       t.must(Actor::of(0), LeaveMatch{});
       return t;
     },
     Actor::of(0), LeaveMatch{}, RejectCode::unknown_participant},
    {"an unknown participant cannot leave", busy_room, Actor::of(99), LeaveMatch{},
     RejectCode::unknown_participant},

    // take_seat
    {"take a free seat", busy_room, Actor::of(3), TakeSeat{2}, std::nullopt,
     [](const Match& m) { CHECK(person(m, 3).seat == 2u); }},
    {"join a delegation", busy_room, Actor::of(3), TakeSeat{1}, std::nullopt,
     [](const Match& m) {
       CHECK(delegation_of(m, 1) == std::vector<ParticipantId>{2, 3});
     }},
    {"move to another seat", busy_room, Actor::of(2), TakeSeat{3}, std::nullopt,
     [](const Match& m) {
       CHECK(person(m, 2).seat == 3u);
       CHECK(delegation_of(m, 1).empty());
     }},
    {"take a seat that does not exist", busy_room, Actor::of(3), TakeSeat{4},
     RejectCode::no_such_seat},
    {"take a full delegation's seat", busy_room, Actor::of(3), TakeSeat{0}, RejectCode::seat_full},
    {"take the seat already held", busy_room, Actor::of(2), TakeSeat{1},
     RejectCode::already_seated},
    {"a spectator cannot take a seat", busy_room, Actor::of(4), TakeSeat{2},
     RejectCode::spectator_only_watches},
    {"seats are chosen in the lobby only", started_room, Actor::of(4), TakeSeat{2},
     RejectCode::wrong_phase},
    {"the facilitator does not take seats", busy_room, Actor::facilitator(), TakeSeat{2},
     RejectCode::not_allowed},

    // leave_seat
    {"leave a seat", busy_room, Actor::of(2), LeaveSeat{}, std::nullopt,
     [](const Match& m) { CHECK_FALSE(person(m, 2).seat); }},
    {"leave a seat without one", busy_room, Actor::of(3), LeaveSeat{}, RejectCode::not_seated},
    {"leave a seat after the start", started_room, Actor::of(2), LeaveSeat{},
     RejectCode::wrong_phase},

    // set_ready
    {"mark ready", busy_room, Actor::of(2), SetReady{true}, std::nullopt,
     [](const Match& m) { CHECK(person(m, 2).ready); }},
    {"mark ready without a seat", busy_room, Actor::of(3), SetReady{true}, RejectCode::not_seated},
    {"unmark when not ready", busy_room, Actor::of(2), SetReady{false}, RejectCode::unchanged},
    {"mark ready after the start", started_room, Actor::of(2), SetReady{true},
     RejectCode::wrong_phase},

    // write_note
    {"write the seat's note", busy_room, Actor::of(1), WriteNote{"Hold firm on 38q."}, std::nullopt,
     [](const Match& m) { CHECK(m.seats[0].private_note == "Hold firm on 38q."); }},
    {"write a note without a seat", busy_room, Actor::of(3), WriteNote{"x"},
     RejectCode::not_seated},
    {"write an over-long note", busy_room, Actor::of(1), WriteNote{std::string(2001, 'n')},
     RejectCode::text_too_long},
    {"write the same note again", busy_room, Actor::of(1), WriteNote{""}, RejectCode::unchanged},

    // start_match
    {"start the match", busy_room, Actor::facilitator(), StartMatch{}, std::nullopt,
     [](const Match& m) {
       CHECK(m.phase == Phase::briefing);
       CHECK(m.deadline == 61'000);
       // Dee, who chose no seat, is drawn onto one of the two empty seats.
       REQUIRE(person(m, 3).seat);
       CHECK(*person(m, 3).seat >= 2u);
       CHECK_FALSE(person(m, 4).seat);  // spectators stay spectators
     }},
    {"start an empty room", empty_room, Actor::facilitator(), StartMatch{},
     RejectCode::no_seated_participant},
    {"start twice", started_room, Actor::facilitator(), StartMatch{}, RejectCode::wrong_phase},
    {"a player cannot start the match", busy_room, Actor::of(0), StartMatch{},
     RejectCode::not_allowed},
});

TEST_CASE("the briefing ends on its timer and drafting follows") {
  Table t = started_room();
  CHECK(tick(t.match(), 60'999).empty());
  auto outcome = t.host().advance_clock(61'000);
  REQUIRE(outcome.appended.size() == 1);
  CHECK(t.match().phase == Phase::drafting);
  CHECK(t.match().round == 1);
  CHECK(t.match().deadline == 181'000);
}

TEST_CASE("unseated players fill empty seats before any delegation grows") {
  Table t(3);
  for (int i = 0; i < 6; ++i)
    t.join("P" + std::to_string(i));
  t.start();
  for (SeatIndex s = 0; s < 3; ++s)
    CHECK(delegation_of(t.match(), s).size() == 2);
}

TEST_CASE("the seat draw depends on the seed and nothing else") {
  auto draw = [](std::uint64_t seed) {
    Table t(8, seed);
    for (int i = 0; i < 3; ++i)
      t.join("P" + std::to_string(i));
    t.start();
    std::vector<SeatIndex> seats;
    for (const auto& p : t.match().participants)
      seats.push_back(*p.seat);
    return seats;
  };
  CHECK(draw(1) == draw(1));
  bool some_seed_differs = false;
  for (std::uint64_t seed = 2; seed < 10; ++seed)
    some_seed_differs |= draw(seed) != draw(1);
  CHECK(some_seed_differs);
}

TEST_CASE("settings are validated with the field at fault") {
  MatchSettings s = settings_with_seats(0);
  REQUIRE(validate_settings(s));
  CHECK(validate_settings(s)->field == "seats");
  s = settings_with_seats(3);
  CHECK_FALSE(validate_settings(s));
  s.rules.max_delegation_size = 0;
  CHECK(validate_settings(s)->field == "rules/max_delegation_size");
  s = settings_with_seats(3);
  s.drafts[0].starting_refs = {"38"};
  CHECK(validate_settings(s)->field == "drafts/0/sponsors");
  s.drafts[0].sponsors = {1};
  CHECK_FALSE(validate_settings(s));
  s.drafts[0].starting_refs = {"38", "38q"};
  CHECK(validate_settings(s)->field == "drafts/0/starting_refs");
  s.drafts[0].starting_refs = {"99"};
  CHECK(validate_settings(s)->field == "drafts/0/starting_refs");
}

}  // namespace
}  // namespace accord::test
