// Reconnection with the token, wrong and revoked tokens, head handover, gaps and resync, and
// the grace period.
#include "core/visibility.hpp"
#include "net_test_support.hpp"

namespace accord::nettest {
namespace {

bool away(const Client& observer, ParticipantId id) {
  return observer.presence &&
         std::count(observer.presence->away.begin(), observer.presence->away.end(), id) > 0;
}
bool connected_now(const Client& observer, ParticipantId id) {
  return observer.presence && std::count(observer.presence->connected.begin(),
                                         observer.presence->connected.end(), id) > 0;
}

TEST_CASE("reconnecting mid-vote with the token keeps the seat and the ballot",
          "[net][reconnect]") {
  TestServer server;
  auto fac = create_room(server, 3, "secret");
  const auto code = fac->room_code();
  auto p0 = join(server, code, "Head zero");
  auto p0b = join(server, code, "Second zero");
  auto p1 = join(server, code, "One");
  auto p2 = join(server, code, "Two");
  std::vector<Client*> all{fac.get(), p0.get(), p0b.get(), p1.get(), p2.get()};
  must(*p0, TakeSeat{0}, all);
  must(*p0b, TakeSeat{0}, all);
  must(*p1, TakeSeat{1}, all);
  must(*p2, TakeSeat{2}, all);
  must(*fac, StartMatch{}, all);
  must(*fac, AdvancePhase{}, all);
  must(*p0, TableClause{0, "24", ""}, all);
  must(*fac, AdvancePhase{}, all);
  REQUIRE(fac->view().phase == Phase::clause_voting);
  must(*p1, CastBallot{VoteOn::clause, 0, Ballot::no}, all);
  sync_with_server(all);

  const Hash before = p1->view_hash();
  const ParticipantId id1 = *p1->participant();
  p1->drop();  // the network goes away: no goodbye
  std::vector<Client*> others{fac.get(), p0.get(), p0b.get(), p2.get()};
  REQUIRE(pump(
      others, [&] { return away(*fac, id1); }, 8000));        // ENet notices the drop
  CHECK(fac->view().participants[id1].seat == SeatIndex{1});  // the seat is kept

  REQUIRE(p1->reconnect("127.0.0.1", server.port()));
  CHECK(p1->participant() == id1);
  CHECK(p1->viewer() == Viewer::of_seat(1));
  CHECK(p1->view_hash() == before);
  CHECK(p1->view().clauses[0].vote.ballots[1] == Ballot::no);  // the ballot still counts
  REQUIRE(pump(all, [&] { return connected_now(*fac, id1) && !away(*fac, id1); }));

  SECTION("a wrong token changes nothing") {
    const auto seq_before = fac->view_seq();
    const auto participants_before = fac->view().participants.size();
    auto intruder = connected(server);
    pm::JoinRoom join_request;
    join_request.code = code;
    join_request.reconnect_token = std::string(64, 'a');
    intruder->join_room(join_request);
    REQUIRE(pump({intruder.get()}, [&] { return !intruder->errors.empty(); }));
    CHECK(intruder->errors.front().code == pm::ErrorCode::invalid_token);
    CHECK(intruder->errors.front().field == "/reconnect_token");
    CHECK_FALSE(intruder->in_room());
    sync_with_server(all);
    CHECK(fac->view_seq() == seq_before);
    CHECK(fac->view().participants.size() == participants_before);
  }

  SECTION("the ballot counts when the vote closes") {
    must(*p0, CastBallot{VoteOn::clause, 0, Ballot::yes}, all);
    must(*p2, CastBallot{VoteOn::clause, 0, Ballot::no}, all);
    sync_with_server(all);
    CHECK(fac->view().clauses[0].vote.no == 2);
    CHECK(fac->view().clauses[0].vote.yes == 1);
    CHECK(fac->view().clauses[0].status == ClauseStatus::rejected);
  }

  SECTION("when the head drops, a connected member of the delegation becomes head") {
    const ParticipantId head = *p0->participant();
    REQUIRE(fac->view().seats[0].head == head);
    p0->drop();
    others = {fac.get(), p0b.get(), p1.get(), p2.get()};
    REQUIRE(pump(
        others, [&] { return fac->view().seats[0].head == p0b->participant(); }, 8000));
    must(*p0b, CastBallot{VoteOn::clause, 0, Ballot::yes}, others);  // the new head votes
  }

  SECTION("a lost stream item is noticed and the view resynced") {
    p2->lose_next_stream_item();
    must(*p0, PostMessage{kPlenary, "hello"}, all);
    must(*p0, PostMessage{kPlenary, "again"}, all);
    REQUIRE(pump(all, [&] { return p2->gaps == 1 && p2->snapshots >= 2; }));
    sync_with_server(all);
    CHECK(p2->view().channels[kPlenary].messages.back().text == "again");
    server.stop();
    CHECK(hash(view_for(server.get().room(code)->engine->match(), p2->viewer())) ==
          p2->view_hash());
  }
}

TEST_CASE("a removed participant cannot come back with its token", "[net][reconnect]") {
  TestServer server;
  auto fac = create_room(server, 2);
  const auto code = fac->room_code();
  auto keeper = join(server, code, "Keeper");
  auto removed = join(server, code, "Troll");
  const ParticipantId id = *removed->participant();
  must(*removed, TakeSeat{1}, {fac.get(), keeper.get()});
  must(*fac, RemoveParticipant{id}, {keeper.get(), removed.get()});
  REQUIRE(pump({fac.get(), keeper.get(), removed.get()},
               [&] { return removed->bye.has_value() && !removed->connected(); }));
  CHECK(removed->bye->reason == pm::ByeReason::removed);
  CHECK_FALSE(removed->reconnect("127.0.0.1", server.port()));
  REQUIRE_FALSE(removed->errors.empty());
  CHECK(removed->errors.back().code == pm::ErrorCode::token_revoked);
  sync_with_server({fac.get(), keeper.get()});
  CHECK(fac->view().participants[id].removed);
  CHECK_FALSE(fac->view().seats[1].head.has_value());
}

TEST_CASE("a participant gone past the grace period leaves the lobby", "[net][reconnect]") {
  auto config = test_config();
  config.grace_ms = 200;
  TestServer server(config);
  auto fac = create_room(server, 2);
  auto ghost = join(server, fac->room_code(), "Ghost");
  const ParticipantId id = *ghost->participant();
  ghost->drop();
  REQUIRE(pump(
      {fac.get()},
      [&] {
        const auto& participants = fac->view().participants;
        return id < participants.size() && participants[id].left;
      },
      10000));
  CHECK_FALSE(ghost->reconnect("127.0.0.1", server.port(), 1000));
  CHECK(ghost->errors.back().code == pm::ErrorCode::token_revoked);
}

TEST_CASE("a view that drifts from the server's is caught by the hash and resynced",
          "[net][reconnect]") {
  TestServer server;
  auto fac = create_room(server, 2);
  auto p0 = join(server, fac->room_code(), "Zero");
  auto p1 = join(server, fac->room_code(), "One");
  std::vector<Client*> all{fac.get(), p0.get(), p1.get()};
  must(*p0, TakeSeat{0}, all);
  must(*p1, TakeSeat{1}, all);
  sync_with_server(all);
  const auto round = p1->view().round;
  const auto snapshots = p1->snapshots;
  p1->tamper_view_for_test();
  REQUIRE(p1->view().round != round);
  // The next stream item moves p1's stream on; its ViewHash disagrees with the drifted view.
  must(*p0, PostMessage{kPlenary, "Good morning"}, all);
  REQUIRE(pump(all, [&] { return p1->hash_mismatches == 1 && p1->snapshots > snapshots; }));
  sync_with_server(all);
  CHECK(p1->view().round == round);
  CHECK(p1->gaps == 0);
  server.stop();
  const Match& match = server.get().room(fac->room_code())->engine->match();
  CHECK(p1->view_hash() == hash(view_for(match, Viewer::of_seat(1))));
  CHECK(p0->view_hash() == hash(view_for(match, Viewer::of_seat(0))));
  CHECK(p0->hash_mismatches == 0);
}

TEST_CASE("the facilitator logs in again with the password", "[net][reconnect]") {
  TestServer server;
  auto fac = create_room(server, 2);
  auto second = connected(server);
  second->facilitator_login(fac->room_code(), "wrong-password");
  REQUIRE(pump({second.get()}, [&] { return !second->errors.empty(); }));
  CHECK(second->errors.front().code == pm::ErrorCode::wrong_password);
  second->facilitator_login(fac->room_code(), kFacilitatorPassword);
  REQUIRE(pump({second.get()}, [&] { return second->in_room(); }));
  CHECK(second->role() == pm::ClientRole::facilitator);
  must(*second, Announce{"Back in five minutes"}, {fac.get()});
}

}  // namespace
}  // namespace accord::nettest
