// The room lifecycle on a running server (idle lobbies and abandoned matches close, finished
// rooms leave memory and come back for their debrief), retention on a running server, and the
// `accord-server purge` maintenance command.
#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include "durability_support.hpp"

namespace accord::durabilitytest {
namespace {

// Runs accord-server with `args`; returns its exit status and what it printed.
std::pair<int, std::string> run_server_command(const TempDir& dir, std::vector<std::string> args) {
  args.insert(args.begin(), ACCORD_SERVER_BINARY);
  std::vector<char*> argv;
  for (auto& a : args)
    argv.push_back(a.data());
  argv.push_back(nullptr);
  const fs::path out = dir.path() / "command.out";
  const int fd = ::open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  REQUIRE(fd >= 0);
  const pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    ::dup2(fd, STDOUT_FILENO);
    ::dup2(fd, STDERR_FILENO);
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
  ::close(fd);
  int status = 0;
  ::waitpid(pid, &status, 0);
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, file_bytes(out)};
}

// Moves the closing time of every closed room `seconds` into the past (the store is closed).
void backdate_closed_rooms(const TempDir& dir, int seconds) {
  run_sql(dir, "UPDATE rooms SET closed_at = closed_at - " + std::to_string(seconds) +
                   " WHERE closed_at > 0");
  CHECK(query_int(dir, "SELECT count(*) FROM rooms WHERE closed_at > 0") > 0);
}

std::map<std::string, server::RoomStatus> statuses(server::RoomStore& store) {
  std::map<std::string, server::RoomStatus> out;
  for (const auto& room : store.rooms())
    out[room.code] = room.status;
  return out;
}

TEST_CASE("idle lobbies and abandoned matches close, finished rooms come back for the debrief",
          "[durability][lifecycle]") {
  TempDir dir;
  auto config = test_config();
  config.lobby_idle_ms = 300;
  config.abandon_ms = 300;
  config.unload_finished_ms = 300;
  config.lifecycle_check_ms = 50;
  DurableServer server(dir, config);

  auto lobby_fac = create_room_at(server.port());
  const std::string lobby = lobby_fac->room_code();
  auto match_fac = create_room_at(server.port(), 2);
  const std::string running = match_fac->room_code();
  auto match_player = join_at(server.port(), running, "Runner");
  must(*match_player, TakeSeat{0}, {match_fac.get()});
  must(*match_fac, StartMatch{}, {match_player.get()});
  auto done_fac = create_room_at(server.port(), 2);
  const std::string finished = done_fac->room_code();
  auto done_player = join_at(server.port(), finished, "Finisher");
  std::vector<Client*> done{done_fac.get(), done_player.get()};
  must(*done_player, TakeSeat{0}, done);
  must(*done_fac, StartMatch{}, done);
  for (int guard = 0; guard < 10 && done_fac->view().phase != Phase::debrief; ++guard)
    must(*done_fac, AdvancePhase{}, done);
  sync_with_server(done);
  REQUIRE(done_player->view().phase == Phase::debrief);
  const Hash debrief_view = done_player->view_hash();

  // Everyone leaves; the rooms are left alone longer than every limit.
  for (Client* c :
       {lobby_fac.get(), match_fac.get(), match_player.get(), done_fac.get(), done_player.get()})
    c->disconnect();
  server.pass_time(1000);

  // The finished room is readable: its player comes back to the debrief.
  REQUIRE(done_player->reconnect("127.0.0.1", server.port()));
  CHECK(done_player->view().phase == Phase::debrief);
  CHECK(done_player->view_hash() == debrief_view);
  // Nobody new joins a closed room.
  auto late = connected_to(server.port());
  pm::JoinRoom join;
  join.code = lobby;
  join.name = "Late";
  late->join_room(join);
  REQUIRE(pump({late.get()}, [&] { return !late->errors.empty(); }));
  CHECK(late->errors.front().code == pm::ErrorCode::no_such_room);
  CHECK(late->errors.front().text.find("closed") != std::string::npos);
  // A member of the abandoned match can read it, but the match does not go on.
  REQUIRE(match_player->reconnect("127.0.0.1", server.port()));
  const auto closed = command(*match_player, PostMessage{kPlenary, "anyone?"});
  REQUIRE(closed);
  CHECK(closed->message.find("abandoned") != std::string::npos);
  match_player->disconnect();
  late->disconnect();
  server.pass_time(800);  // read, then left alone again

  server.stop();
  CHECK(server.get().room(lobby) == nullptr);
  CHECK(server.get().room(running) == nullptr);
  CHECK(server.get().room(finished) != nullptr);  // loaded again for the debrief, still read
  auto now_status = statuses(server.store());
  CHECK(now_status[lobby] == server::RoomStatus::abandoned);
  CHECK(now_status[running] == server::RoomStatus::abandoned);
  CHECK(now_status[finished] == server::RoomStatus::finished);

  SECTION("a running server purges closed rooms once their retention is over") {
    server.close();
    auto purging = test_config();
    purging.retention_days = 0;
    // closed_at is wall-clock seconds, and a room is purged once it is older than the cutoff:
    // rather than wait for the next second, the rooms closed two seconds earlier.
    backdate_closed_rooms(dir, 2);
    DurableServer again(dir, purging);
    again.advance(purging.lifecycle_check_ms);  // a lifecycle check runs
    again.stop();
    CHECK(again.store().rooms().empty());
    CHECK(query_int(dir, "SELECT count(*) FROM events") == 0);
  }

  SECTION("accord-server purge deletes them, and refuses while a server runs") {
    server.restart();
    auto [refused, refused_text] =
        run_server_command(dir, {"purge", "--data", dir.str(), "--retention-days", "0"});
    CHECK(refused == 2);
    CHECK(refused_text.find("stop it to purge now") != std::string::npos);
    server.close();
    backdate_closed_rooms(dir, 2);
    auto [one_status, one_text] =
        run_server_command(dir, {"purge", "--data", dir.str(), "--room", finished});
    CHECK(one_status == 0);
    CHECK(one_text.find("deleted room " + finished) != std::string::npos);
    CHECK(query_int(dir, "SELECT count(*) FROM events WHERE code = '" + finished + "'") == 0);
    CHECK(run_server_command(dir, {"purge", "--data", dir.str(), "--room", finished}).first == 1);
    auto [status, text] =
        run_server_command(dir, {"purge", "--data", dir.str(), "--retention-days", "0"});
    CHECK(status == 0);
    CHECK(text.find("purged 2 room(s)") != std::string::npos);
    CHECK(query_int(dir, "SELECT count(*) FROM rooms") == 0);
    auto [kept_status, kept_text] = run_server_command(dir, {"purge", "--data", dir.str()});
    CHECK(kept_status == 0);
    CHECK(kept_text.find("purged 0 room(s) closed more than 30 day(s) ago") != std::string::npos);
  }
}

TEST_CASE("rematch: a new match in the same room, then the facilitator deletes the room",
          "[durability][rematch][delete]") {
  TempDir dir;
  DurableServer server(dir);
  auto fac = create_room_at(server.port(), 2);
  const std::string code = fac->room_code();
  auto p0 = join_at(server.port(), code, "Zero");
  auto p1 = join_at(server.port(), code, "One");
  std::vector<Client*> all{fac.get(), p0.get(), p1.get()};
  must(*p0, TakeSeat{0}, all);
  must(*p1, TakeSeat{1}, all);

  fac->send(pm::Rematch{});  // not before the debrief
  REQUIRE(pump(all, [&] { return !fac->errors.empty(); }));
  CHECK(fac->errors.back().text.find("debrief") != std::string::npos);

  must(*fac, StartMatch{}, all);
  must(*p0, PostMessage{kPlenary, "FIRST-MATCH-LINE"}, all);
  for (int guard = 0; guard < 10 && fac->view().phase != Phase::debrief; ++guard)
    must(*fac, AdvancePhase{}, all);
  sync_with_server(all);
  REQUIRE(fac->view().phase == Phase::debrief);

  p0->send(pm::Rematch{});  // only the facilitator
  REQUIRE(pump(all, [&] { return !p0->errors.empty(); }));
  CHECK(p0->errors.back().text.find("Only the facilitator") != std::string::npos);

  fac->send(pm::Rematch{});
  REQUIRE(pump(all, [&] {
    return std::all_of(all.begin(), all.end(),
                       [](Client* c) { return c->view().phase == Phase::lobby; });
  }));
  for (Client* c : all) {
    CHECK(c->view().participants.size() == 2);
    CHECK(c->view().seats[0].head == ParticipantId{0});
    CHECK(c->view().seats[1].head == ParticipantId{1});
    CHECK_FALSE(contains(encode_match(c->view()), "FIRST-MATCH-LINE"));
  }
  CHECK(p0->viewer() == Viewer::of_seat(0));
  must(*fac, StartMatch{}, all);
  must(*p1, PostMessage{kPlenary, "SECOND-MATCH-LINE"}, all);
  sync_with_server(all);
  std::vector<Hash> before;
  for (Client* c : all)
    before.push_back(c->view_hash());

  // The rematch survives a restart; the tokens still admit everyone to their seats.
  server.restart();
  for (std::size_t i = 0; i < all.size(); ++i) {
    REQUIRE(all[i]->reconnect("127.0.0.1", server.port()));
    CHECK(all[i]->view_hash() == before[i]);
  }
  CHECK(p1->viewer() == Viewer::of_seat(1));
  CHECK(query_int(dir, "SELECT count(*) FROM matches WHERE code = '" + code + "'") == 2);

  const auto errors_before = fac->errors.size();
  fac->send(pm::DeleteRoom{"WRONG2"});
  REQUIRE(pump(all, [&] { return fac->errors.size() > errors_before; }));
  CHECK(fac->errors.back().field == "/code");
  fac->send(pm::DeleteRoom{code});
  REQUIRE(pump(all, [&] {
    return std::all_of(all.begin(), all.end(), [](Client* c) { return c->bye.has_value(); });
  }));
  for (Client* c : all)
    CHECK(c->bye->reason == pm::ByeReason::room_deleted);
  server.stop();
  CHECK(server.get().room(code) == nullptr);
  for (const char* table :
       {"rooms", "matches", "events", "snapshots", "tokens", "revoked_participants"}) {
    INFO(table);
    CHECK(query_int(dir, std::string("SELECT count(*) FROM ") + table + " WHERE code = '" + code +
                             "'") == 0);
  }
  const std::string bytes =
      file_bytes(dir.path() / "accord.sqlite3") + file_bytes(dir.path() / "accord.sqlite3-wal");
  CHECK(bytes.find("FIRST-MATCH-LINE") == std::string::npos);
  CHECK(bytes.find("SECOND-MATCH-LINE") == std::string::npos);
}

}  // namespace
}  // namespace accord::durabilitytest
