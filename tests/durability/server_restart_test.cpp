// An in-process server on the SQLite store: a clean restart resumes every room (tokens, views,
// the clock), an injected commit failure broadcasts nothing and leaves the room as it was while
// another room goes on, and a room whose log does not replay is quarantined.
#include "durability_support.hpp"

namespace accord::durabilitytest {
namespace {

bool sees(const Client& client, const std::string& marker) {
  return contains(encode_match(client.view()), marker);
}

struct Room3 {
  std::unique_ptr<Client> fac, p0, p1, p2;
  std::vector<Client*> all() { return {fac.get(), p0.get(), p1.get(), p2.get()}; }
};

Room3 seated_room(std::uint16_t port) {
  Room3 r;
  r.fac = create_room_at(port, 3);
  const auto code = r.fac->room_code();
  r.p0 = join_at(port, code, "Zero");
  r.p1 = join_at(port, code, "One");
  r.p2 = join_at(port, code, "Two");
  must(*r.p0, TakeSeat{0}, r.all());
  must(*r.p1, TakeSeat{1}, r.all());
  must(*r.p2, TakeSeat{2}, r.all());
  return r;
}

TEST_CASE(
    "after a clean restart every room is back: tokens reconnect, views resync, the clock "
    "resumes",
    "[durability][restart]") {
  TempDir dir;
  DurableServer server(dir);
  auto room = seated_room(server.port());
  auto all = room.all();
  must(*room.fac, StartMatch{}, all);
  must(*room.fac, AdvancePhase{}, all);
  REQUIRE(room.fac->view().phase == Phase::drafting);
  must(*room.p0, WriteNote{"SECRET-NOTE-0"}, all);
  must(*room.p1, PostMessage{kPlenary, "before the restart"}, all);
  sync_with_server(all);
  std::vector<Hash> before;
  for (Client* c : all)
    before.push_back(c->view_hash());
  const auto deadline = room.fac->view().deadline;
  REQUIRE(deadline.has_value());
  server.advance(1000);  // the rooms' clock runs on
  const TimeMs clock_before = server.get().now();
  CHECK(clock_before == 1000);

  server.close();
  REQUIRE(pump(all, [&] {
    return std::all_of(all.begin(), all.end(), [](Client* c) { return c->bye.has_value(); });
  }));
  for (Client* c : all) {
    CHECK(c->bye->reason == pm::ByeReason::server_shutdown);
    CHECK(c->bye->text.find("restarting") != std::string::npos);
  }
  server.advance(60'000);  // the machine's clock moves on while the server is down
  server.start();
  // The downtime was a pause: the rooms' clock resumed where it stopped (a clean shutdown
  // records it last thing), neither from zero nor after the downtime.
  const TimeMs clock_after = server.get().now();
  CHECK(clock_after == clock_before);

  for (std::size_t i = 0; i < all.size(); ++i) {
    INFO("client " << i);
    REQUIRE(all[i]->reconnect("127.0.0.1", server.port()));
    CHECK(all[i]->view_hash() == before[i]);
  }
  CHECK(room.p0->participant() == ParticipantId{0});
  CHECK(room.p0->viewer() == Viewer::of_seat(0));
  CHECK(sees(*room.p0, "SECRET-NOTE-0"));
  CHECK_FALSE(sees(*room.p1, "SECRET-NOTE-0"));
  CHECK(room.fac->view().deadline == deadline);
  CHECK(room.fac->view().phase == Phase::drafting);

  // The match goes on to the end.
  must(*room.p2, PostMessage{kPlenary, "after the restart"}, all);
  for (int guard = 0; guard < 10 && room.fac->view().phase != Phase::debrief; ++guard)
    must(*room.fac, AdvancePhase{}, all);
  sync_with_server(all);
  for (Client* c : all) {
    CHECK(c->view().phase == Phase::debrief);
    CHECK(c->hash_mismatches == 0);
    CHECK(sees(*c, "after the restart"));
  }
}

TEST_CASE("a failed commit: nothing is sent, the room is unchanged, another room goes on",
          "[durability][commit-failure]") {
  TempDir dir;
  auto config = test_config();
  config.clock_record_ms = 3'600'000;  // no clock-only commits: the next commit is the chat's
  DurableServer server(dir, config);
  auto a = seated_room(server.port());
  auto b = seated_room(server.port());
  auto a_all = a.all();
  auto b_all = b.all();
  std::vector<Client*> everyone = a_all;
  everyone.insert(everyone.end(), b_all.begin(), b_all.end());
  sync_with_server(everyone);
  const std::string code_a = a.fac->room_code();
  std::vector<std::uint64_t> items_before;
  std::vector<Hash> hashes_before;
  for (Client* c : a_all) {
    items_before.push_back(c->items_applied);
    hashes_before.push_back(c->view_hash());
  }

  server.store().fail_next_commit = true;
  const auto request = a.p0->send_command(PostMessage{kPlenary, "LOST-LINE"});
  REQUIRE(pump(everyone, [&] { return !a.p0->errors.empty(); }));
  CHECK(a.p0->errors.back().text.find("could not save") != std::string::npos);
  CHECK(a.p0->accepted.count(request) == 0);  // never told it was accepted
  sync_with_server(everyone);
  for (std::size_t i = 0; i < a_all.size(); ++i) {
    INFO("client " << i << " of room A");
    CHECK_FALSE(sees(*a_all[i], "LOST-LINE"));
    CHECK(a_all[i]->view_hash() == hashes_before[i]);
    if (a_all[i] != a.p0.get()) CHECK(a_all[i]->items_applied == items_before[i]);
  }

  // The other room goes on, and so does this one.
  must(*b.p1, PostMessage{kPlenary, "B-LINE"}, everyone);
  must(*a.p0, PostMessage{kPlenary, "A-RETRY"}, everyone);
  sync_with_server(everyone);
  for (Client* c : b_all)
    CHECK(sees(*c, "B-LINE"));
  for (Client* c : a_all) {
    CHECK(sees(*c, "A-RETRY"));
    CHECK(c->hash_mismatches == 0);
  }

  server.stop();
  const auto log = server.store().load(code_a);
  REQUIRE(log);
  CHECK_FALSE(contains(encode_log(*log), "LOST-LINE"));
  CHECK(contains(encode_log(*log), "A-RETRY"));
  const auto replayed = replay(*log);
  REQUIRE(replayed.match);
  CHECK(hash(*replayed.match) == hash(server.get().room(code_a)->engine->match()));
}

TEST_CASE("a room whose log does not replay is quarantined, reported and not served",
          "[durability][quarantine]") {
  TempDir dir;
  DurableServer server(dir);
  std::string code, token;
  {
    auto room = seated_room(server.port());
    must(*room.p1, PostMessage{kPlenary, "a line"}, room.all());
    code = room.fac->room_code();
    token = room.p1->reconnect_token();
    server.close();
  }
  // The snapshot taken at shutdown is damaged too, so the reload must replay the log.
  run_sql(dir, "UPDATE snapshots SET match = x'00'");
  run_sql(dir, "UPDATE events SET entry = x'c1' WHERE seq = 3");
  server.start();
  const auto& quarantined = server.get().quarantined();
  REQUIRE(quarantined.size() == 1);
  CHECK_THAT(quarantined[0], Catch::Matchers::StartsWith("room " + code +
                                                         " is quarantined: event 3 does not "
                                                         "decode"));

  auto client = connected_to(server.port());
  pm::JoinRoom join;
  join.code = code;
  join.reconnect_token = token;
  client->join_room(join);
  REQUIRE(pump({client.get()}, [&] { return !client->errors.empty(); }));
  CHECK(client->errors.front().code == pm::ErrorCode::no_such_room);

  // Kept, and reported again at the next start.
  server.restart();
  CHECK(server.get().quarantined().size() == 1);
  server.stop();
  CHECK(server.get().room_codes().empty());
  const auto rooms = server.store().rooms();
  REQUIRE(rooms.size() == 1);
  CHECK(rooms[0].status == server::RoomStatus::quarantined);
  CHECK(query_int(dir, "SELECT count(*) FROM events") > 3);
}

}  // namespace
}  // namespace accord::durabilitytest
