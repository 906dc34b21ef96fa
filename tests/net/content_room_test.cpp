// The server's own RoomFactory over the real scenario catalogue in assets/: what a teacher
// gets from `./run.sh server`. Skipped when the server is built without shared/content.
#include "net_test_support.hpp"

namespace accord::nettest {
namespace {

#ifdef ACCORD_HAVE_CONTENT

TEST_CASE("a room from a real scenario is played to the debrief", "[net][content]") {
  std::string why;
  std::shared_ptr<server::RoomFactory> factory =
      server::make_content_factory(ACCORD_ASSET_DIR, &why);
  INFO(why);
  REQUIRE(factory);
  TestServer server(test_config(), factory);

  auto fac = connected(server);
  pm::CreateRoom request{"opt_in_code", 4, "no-such-preset", kFacilitatorPassword, "", false, true};
  fac->create_room(request);
  REQUIRE(pump({fac.get()}, [&] { return !fac->errors.empty(); }));
  CHECK(fac->errors.front().field == "/timer_preset");
  fac->errors.clear();
  request.timer_preset = "class45";
  request.room_password = "class-7b";
  fac->create_room(request);
  REQUIRE(pump({fac.get()}, [&] { return fac->in_room() || !fac->errors.empty(); }));
  REQUIRE(fac->in_room());
  const std::string code = fac->room_code();
  REQUIRE(fac->view().seats.size() == 4);
  // The content came with the room, under the hash the match was created with.
  const std::string content_hash = fac->content_cache.begin()->first;
  CHECK(content_hash.size() == 16);
  CHECK_THAT(fac->content_cache.begin()->second, Catch::Contains("scenarios/opt_in_code.json"));

  // The room password keeps strangers out.
  auto stranger = connected(server);
  stranger->join_room(pm::JoinRoom{code, "Stranger", pm::ClientRole::player, "guess", ""});
  REQUIRE(pump({stranger.get()}, [&] { return !stranger->errors.empty(); }));
  CHECK(stranger->errors.front().code == pm::ErrorCode::wrong_password);

  std::vector<std::unique_ptr<Client>> players;
  std::vector<Client*> all{fac.get()};
  for (SeatIndex s = 0; s < 4; ++s) {
    auto p = connected(server);
    p->join_room(
        pm::JoinRoom{code, "Student " + std::to_string(s), pm::ClientRole::player, "class-7b", ""});
    REQUIRE(pump({p.get()}, [&] { return p->in_room(); }));
    all.push_back(p.get());
    must(*p, TakeSeat{s}, all);
    players.push_back(std::move(p));
  }
  must(*fac, StartMatch{}, all);
  for (int guard = 0; guard < 12 && fac->view().phase != Phase::debrief; ++guard)
    must(*fac, AdvancePhase{}, all);
  sync_with_server(all);
  for (Client* c : all)
    CHECK(c->view().phase == Phase::debrief);
  server.stop();
  const auto* room = server.get().room(code);
  REQUIRE(room != nullptr);
  CHECK(room->engine->host().log().header.content_hash == content_hash);
  for (Client* c : all)
    CHECK(hash(view_for(room->engine->match(), c->viewer())) == c->view_hash());
}

#endif

}  // namespace
}  // namespace accord::nettest
