// Bad input over a real connection gets its specified answer, and a second room on the same
// server keeps progressing throughout: no match is touched by bad input.
#include <nlohmann/json.hpp>

#include "net_test_support.hpp"
#include "protocol/codec.hpp"

namespace accord::nettest {
namespace {

using nlohmann::json;

// A bystander room: a facilitator and a seated player who keeps chatting.
struct Bystanders {
  std::unique_ptr<Client> fac, player;
  int said = 0;
  explicit Bystanders(const TestServer& server) {
    fac = create_room(server, 2);
    player = join(server, fac->room_code(), "Bystander");
    must(*player, TakeSeat{0}, {fac.get()});
  }
  // The room still progresses: one more chat line goes through and reaches the facilitator.
  void progress() {
    const std::string line = "still here " + std::to_string(++said);
    must(*player, PostMessage{kPlenary, line}, {fac.get()});
    REQUIRE(pump({fac.get(), player.get()},
                 [&] { return fac->view().channels[kPlenary].messages.back().text == line; }));
  }
};

pm::Error last_error(Client& client) {
  REQUIRE(pump({&client}, [&] { return !client.errors.empty(); }));
  auto e = client.errors.back();
  client.errors.clear();
  return e;
}

TEST_CASE("bad input gets its answer while another room keeps playing", "[net][abuse]") {
  auto config = test_config();
  config.handshake_timeout_ms = 300;
  TestServer server(config);
  Bystanders room2(server);
  room2.progress();

  auto attacker = connected(server);

  SECTION("random bytes") {
    Pcg32 rng = Pcg32::seeded(5);
    for (int i = 0; i < 3; ++i) {
      Bytes junk(64);
      for (auto& byte : junk)
        byte = static_cast<std::uint8_t>(rng.next());
      junk[0] = 0xc1;  // never valid MessagePack
      attacker->send_raw(junk);
      const auto e = last_error(*attacker);
      CHECK(e.code == pm::ErrorCode::bad_message);
      CHECK_THAT(e.text, Catch::Contains("malformed"));
      room2.progress();
    }
    CHECK(attacker->connected());
  }

  SECTION("truncated, oversized and deeply nested messages") {
    auto bytes = pm::encode(pm::ClientMessage{pm::Ping{7}});
    bytes.pop_back();
    attacker->send_raw(bytes);
    CHECK(last_error(*attacker).code == pm::ErrorCode::bad_message);
    room2.progress();

    attacker->send_raw(Bytes(5000, 0x90));
    const auto big = last_error(*attacker);
    CHECK(big.code == pm::ErrorCode::too_large);
    CHECK_THAT(big.text, Catch::Contains("4096"));
    room2.progress();

    json nested = json::array();
    for (int i = 0; i < 500; ++i)
      nested = json::array({nested});
    attacker->send_raw(json::to_msgpack(nested));
    const auto deep = last_error(*attacker);
    CHECK(deep.code == pm::ErrorCode::bad_message);
    CHECK_THAT(deep.text, Catch::Contains("nested deeper"));
    room2.progress();

    json wrong = {{"type", "join_room"}, {"code", 12}};
    attacker->send_raw(json::to_msgpack(wrong));
    const auto field = last_error(*attacker);
    CHECK(field.field == "/code");
    CHECK(attacker->connected());
  }

  SECTION("repeated bad messages end the connection") {
    for (int i = 0; i < 8; ++i)
      attacker->send_raw(Bytes{0xc1});
    REQUIRE(pump({attacker.get()}, [&] { return attacker->bye.has_value(); }));
    CHECK(attacker->bye->reason == pm::ByeReason::too_many_bad_messages);
    REQUIRE(pump({attacker.get()}, [&] { return !attacker->connected(); }));
    room2.progress();
  }

  SECTION("a wrong protocol version gets a clear refusal and a clean disconnect") {
    net::ClientOptions newer;
    newer.client_version = "1.2";
    newer.protocol_version = pm::kProtocolVersion + 1;
    Client old_client(newer);
    CHECK_FALSE(old_client.connect("127.0.0.1", server.port()));
    REQUIRE(old_client.version_mismatch.has_value());
    CHECK_THAT(old_client.version_mismatch->text,
               Catch::StartsWith("client 1.2 cannot join server"));
    REQUIRE(
        pump({&old_client}, [&] { return old_client.bye.has_value() && !old_client.connected(); }));
    CHECK(old_client.bye->reason == pm::ByeReason::version_mismatch);
    room2.progress();
  }

  SECTION("nothing before the handshake, and a silent peer is dropped") {
    net::ClientOptions no_hello;
    no_hello.client_version = "x";
    no_hello.send_hello = false;
    Client silent(no_hello);
    REQUIRE(silent.connect("127.0.0.1", server.port()));
    silent.send(pm::Ping{1});
    const auto e = last_error(silent);
    CHECK(e.code == pm::ErrorCode::handshake_first);
    REQUIRE(pump(
        {&silent}, [&] { return silent.bye.has_value(); }, 3000));
    CHECK(silent.bye->reason == pm::ByeReason::handshake_timeout);
    room2.progress();
  }

  SECTION("joining wrongly") {
    attacker->join_room(pm::JoinRoom{"ZZZZZZ", "x", pm::ClientRole::player, "", ""});
    CHECK(last_error(*attacker).code == pm::ErrorCode::no_such_room);
    attacker->join_room(pm::JoinRoom{"0O1IL!", "x", pm::ClientRole::player, "", ""});
    CHECK(last_error(*attacker).field == "/code");
    attacker->join_room(
        pm::JoinRoom{room2.fac->room_code(), "\x01\x02", pm::ClientRole::player, "", ""});
    CHECK(last_error(*attacker).field == "/name");
    attacker->join_room(
        pm::JoinRoom{room2.fac->room_code(), "x", pm::ClientRole::facilitator, "", ""});
    CHECK(last_error(*attacker).field == "/role");
    attacker->send(pm::SendCommand{1, 0, LeaveSeat{}});
    CHECK(last_error(*attacker).code == pm::ErrorCode::not_in_room);
    room2.progress();
    CHECK(room2.fac->view().participants.size() == 1);  // nobody was admitted
  }

  SECTION("commands for another seat or room, stale and invalid") {
    auto fac1 = create_room(server, 3);
    auto x = join(server, fac1->room_code(), "X");
    auto y = join(server, fac1->room_code(), "Y");
    std::vector<Client*> room1{fac1.get(), x.get(), y.get()};
    must(*x, TakeSeat{0}, room1);
    must(*y, TakeSeat{1}, room1);
    // Another room's participant, another seat, the facilitator's and the server's commands.
    const ParticipantId bystander = *room2.player->participant();
    for (const Command& cmd : std::vector<Command>{HandHeadRole{bystander + 5}, TakeSeat{99},
                                                   AssignSeat{bystander, SeatIndex{1}},
                                                   JoinMatch{"sneaky", Role::player}}) {
      const auto rejected = command(*x, cmd, room1);
      REQUIRE(rejected);
      CHECK(rejected->kind == pm::RejectionKind::invalid);
    }
    CHECK(command(*x, AssignSeat{0, SeatIndex{1}}, room1)->code == RejectCode::not_allowed);
    // Stale: decided on a view from before the clause was withdrawn.
    must(*fac1, StartMatch{}, room1);
    must(*fac1, AdvancePhase{}, room1);
    must(*y, TableClause{0, "24", ""}, room1);
    sync_with_server(room1);
    const Seq decided_on = x->view_seq();
    must(*y, WithdrawClause{0}, room1);
    sync_with_server(room1);
    x->send(pm::SendCommand{900, decided_on, Cosponsor{0}});
    REQUIRE(pump(room1, [&] { return x->rejected.count(900) > 0; }));
    CHECK(x->rejected.at(900).kind == pm::RejectionKind::stale);
    const auto again = command(*x, Cosponsor{0}, room1);  // on the current view: invalid
    REQUIRE(again);
    CHECK(again->kind == pm::RejectionKind::invalid);
    room2.progress();
    CHECK(x->connected());
  }

  SECTION("a chat flood is refused clearly, the connection stays") {
    auto fac1 = create_room(server, 2);
    auto flooder = join(server, fac1->room_code(), "Flood");
    std::vector<std::uint32_t> ids;
    for (int i = 0; i < 40; ++i)
      ids.push_back(flooder->send_command(PostMessage{kPlenary, "spam " + std::to_string(i)}));
    REQUIRE(pump({flooder.get(), fac1.get()}, [&] {
      return flooder->accepted.size() + flooder->rejected.size() == ids.size();
    }));
    std::size_t limited = 0;
    for (const auto& [id, r] : flooder->rejected) {
      CHECK(r.kind == pm::RejectionKind::rate_limited);
      CHECK_THAT(r.message, Catch::Contains("too fast"));
      ++limited;
    }
    CHECK(flooder->accepted.size() >= 5);
    CHECK(flooder->accepted.size() <= 8);
    CHECK(limited == ids.size() - flooder->accepted.size());
    CHECK(flooder->connected());
    room2.progress();
  }
}

TEST_CASE("the per-address cap answers with the flag to raise", "[net][abuse]") {
  auto config = test_config();
  config.max_peers_per_address = 3;
  TestServer server(config);
  std::vector<std::unique_ptr<Client>> clients;
  for (int i = 0; i < 3; ++i)
    clients.push_back(connected(server));
  Client extra;
  CHECK_FALSE(extra.connect("127.0.0.1", server.port()));
  REQUIRE_FALSE(extra.errors.empty());
  CHECK(extra.errors.front().code == pm::ErrorCode::too_many_peers);
  CHECK_THAT(extra.errors.front().text, Catch::Contains("--max-peers-per-address"));
  // The first three are unaffected: each is still answered.
  std::vector<Client*> first_three;
  for (auto& c : clients)
    first_three.push_back(c.get());
  sync_with_server(first_three);
}

TEST_CASE("the room cap is enforced and finished rooms nobody watches make way", "[net][abuse]") {
  auto config = test_config();
  config.max_rooms = 1;
  TestServer server(config);
  auto first = create_room(server, 2);
  auto second = connected(server);
  pm::CreateRoom request{"test", 2, "short", kFacilitatorPassword, "", false, true};
  second->create_room(request);
  REQUIRE(pump({second.get()}, [&] { return !second->errors.empty(); }));
  CHECK(second->errors.front().code == pm::ErrorCode::server_full);
  second->errors.clear();
  // The first room runs to its debrief and everyone leaves.
  auto player = join(server, first->room_code(), "Player");
  must(*player, TakeSeat{0}, {first.get()});
  must(*first, StartMatch{}, {player.get()});
  for (int guard = 0; guard < 10 && first->view().phase != Phase::debrief; ++guard)
    must(*first, AdvancePhase{}, {player.get()});
  REQUIRE(first->view().phase == Phase::debrief);
  // disconnect() returns once the server has acknowledged the goodbye, and the server handles
  // a disconnection in the same turn it acknowledges it: before it reads anything sent after.
  // (A generous bound: the wait ends at the acknowledgement.)
  first->disconnect(5000);
  player->disconnect(5000);
  second->create_room(request);
  REQUIRE(pump({second.get()}, [&] { return second->in_room() || !second->errors.empty(); }));
  CHECK(second->in_room());
}

TEST_CASE("a failed commit sends nothing and rolls the room back", "[net][store]") {
  TestServer server;
  auto fac = create_room(server, 2);
  auto player = join(server, fac->room_code(), "Writer");
  must(*player, TakeSeat{0}, {fac.get()});
  sync_with_server({fac.get(), player.get()});
  const auto seq_before = fac->view_seq();
  server.store().fail_next_commit = true;
  const auto lost = player->send_command(PostMessage{kPlenary, "MARKER-NEVER-SAVED"});
  REQUIRE(pump({fac.get(), player.get()}, [&] { return !player->errors.empty(); }));
  CHECK_THAT(player->errors.front().text, Catch::Contains("could not save"));
  sync_with_server({fac.get(), player.get()});
  CHECK(player->accepted.count(lost) == 0);
  for (Client* c : {fac.get(), player.get()}) {
    CHECK_FALSE(contains(encode_match(c->view()), "MARKER-NEVER-SAVED"));
    CHECK(c->view().seats[0].head.has_value());  // what was committed before is still there
  }
  CHECK(fac->view_seq() <= seq_before);
  must(*player, PostMessage{kPlenary, "saved"}, {fac.get()});  // the room goes on
  server.stop();
  const auto* room = server.get().room(fac->room_code());
  CHECK(room->engine->match().channels[kPlenary].messages.back().text == "saved");
  CHECK(server.store().load(fac->room_code())->entries.size() ==
        room->engine->host().log().entries.size());
}

}  // namespace
}  // namespace accord::nettest
