// The networked session against the server code on a loopback port (the embedded server solo
// play uses): getting into the room, commands and rejections, the facilitator connection, the
// projector's public view, and reconnecting by itself with the token after a drop.
#include <unistd.h>

#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <mutex>

#include "client_test_support.hpp"
#include "core/hash.hpp"
#include "embedded_server.hpp"
#include "net/secure_channel.hpp"
#include "network_session.hpp"
#include "replay.hpp"

namespace accord::client::test {
namespace {

using namespace std::chrono_literals;

std::unique_ptr<EmbeddedServer> start_server(double time_scale = 1.0) {
  EmbeddedServerOptions options;
  options.asset_dir = ACCORD_ASSET_DIR;
  options.time_scale = time_scale;
  std::string error;
  auto server = EmbeddedServer::start(options, &error);
  INFO(error);
  REQUIRE(server);
  return server;
}

NetworkPlan solo_plan(std::uint16_t port, const std::string& state) {
  NetworkPlan plan;
  plan.kind = NetworkPlan::Kind::solo;
  plan.port = port;
  plan.name = "Ana";
  plan.create.scenario = "opt_in_code";
  plan.create.seats = 5;
  plan.create.timer_preset = "class45";
  plan.create.facilitator_password = "solo-password";
  plan.create.fill_with_bots = true;
  plan.state = state;
  return plan;
}

// The session's network thread calls wake() whenever what the UI sees changed (the game posts
// an SDL event): the test's loop sleeps on it as the UI's frame loop sleeps on its events.
class Waker {
 public:
  std::function<void()> callback() {
    return [this] {
      {
        std::lock_guard lock(mutex_);
        ++wakes_;
      }
      woken_.notify_all();
    };
  }
  std::uint64_t wakes() const {
    std::lock_guard lock(mutex_);
    return wakes_;
  }
  // Until a wake after the `seen`th one; false at the deadline.
  bool wait_after(std::uint64_t seen, std::chrono::steady_clock::time_point until) {
    std::unique_lock lock(mutex_);
    return woken_.wait_until(lock, until, [&] { return wakes_ > seen; });
  }

 private:
  mutable std::mutex mutex_;
  std::condition_variable woken_;
  std::uint64_t wakes_ = 0;
};

// Polls the session after each wake (as the UI's frame loop does) until `done` or the timeout.
bool poll_until(Session& session, Waker& waker, const std::function<bool()>& done,
                std::chrono::milliseconds timeout = 10s) {
  const auto until = std::chrono::steady_clock::now() + timeout;
  for (;;) {
    const auto seen = waker.wakes();  // before poll: a wake during it is not missed
    session.poll(0);
    if (done()) return true;
    if (!waker.wait_after(seen, until)) {
      session.poll(0);
      return done();
    }
  }
}

TEST_CASE("server addresses are read from host:port", "[network]") {
  const auto a = parse_server_address("192.168.1.20:7000");
  REQUIRE(a);
  CHECK(a->host == "192.168.1.20");
  CHECK(a->port == 7000);
  const auto b = parse_server_address(" school-server ");
  REQUIRE(b);
  CHECK(b->host == "school-server");
  CHECK(b->port == 7878);
  const auto c = parse_server_address("[::1]:7001");
  REQUIRE(c);
  CHECK(c->host == "::1");
  CHECK(c->port == 7001);
  CHECK_FALSE(parse_server_address(""));
  CHECK_FALSE(parse_server_address("host:"));
  CHECK_FALSE(parse_server_address("host:99999"));
  CHECK_FALSE(parse_server_address("host:12a"));
  CHECK_FALSE(parse_server_address(":7878"));
  // A join link carries the server key's fingerprint after '#'.
  const auto d = parse_server_address("192.168.1.20:7000#3f9a-0c41-b2d7");
  REQUIRE(d);
  CHECK(d->host == "192.168.1.20");
  CHECK(d->port == 7000);
  CHECK(d->pin == "3f9a-0c41-b2d7");
  CHECK(parse_server_address("school-server#3f9a-0c41-b2d7")->port == 7878);
  CHECK(parse_server_address("school-server")->pin.empty());
  CHECK_FALSE(parse_server_address("school-server#"));
}

TEST_CASE("a session shows the server key it pinned, and refuses another key by name",
          "[network]") {
  auto server = start_server();
  {
    Waker waker;
    NetworkSession session(solo_plan(server->port(), "russia"), waker.callback());
    REQUIRE(poll_until(session, waker, [&] { return session.in_room(); }));
    const auto key = net::key_from_hex(session.server_key_hex());
    REQUIRE(key);
    CHECK(session.server_fingerprint() == net::fingerprint(*key));
    CHECK(session.server_key_hex() == server->public_key_hex());
    // The lobby and the classroom screen show it, for people to compare.
    HeadlessUi ui;
    ui.frame(&session, [](Ui& u) { draw_lobby(u); });
    CHECK(text_log::contains("Server key: " + session.server_fingerprint()));
    ui.frame(&session, [](Ui& u) { draw_projector(u); });
    CHECK(text_log::contains("Server key: " + session.server_fingerprint()));
  }
  Waker waker;
  NetworkPlan plan = solo_plan(server->port(), "russia");
  plan.server_pin = "0000-0000-0000";  // what a forged join link would say
  NetworkSession session(plan, waker.callback());
  REQUIRE(
      poll_until(session, waker, [&] { return session.connection() == ConnectionState::lost; }));
  CHECK_FALSE(session.in_room());
  const auto presented = net::fingerprint(*net::key_from_hex(server->public_key_hex()));
  CHECK(session.problem().find("0000-0000-0000") != std::string::npos);
  CHECK(session.problem().find(presented) != std::string::npos);
}

TEST_CASE("a solo room over loopback: the chosen seat, bots elsewhere, commands and rejections",
          "[network]") {
  auto server = start_server();
  Waker waker;
  NetworkSession session(solo_plan(server->port(), "russia"), waker.callback());
  REQUIRE(
      poll_until(session, waker, [&] { return session.in_room() && session.seat().has_value(); }));
  CHECK(session.connection() == ConnectionState::connected);
  CHECK(session.room_code().size() == 6);
  CHECK(session.scenario_id() == "opt_in_code");
  CHECK(session.can_facilitate());
  const Match& v = session.view();
  const SeatIndex me = *session.seat();
  CHECK(v.settings.seats[me].state == "russia");
  for (SeatIndex s = 0; s < v.seats.size(); ++s)
    CHECK(v.seats[s].bot);  // a bot keeps every seat until a delegation takes it
  CHECK(v.seats[me].head == session.participant());
  CHECK(waker.wakes() > 0);  // the network thread woke the UI

  // The projector connection has the public view: no brief of any seat.
  REQUIRE(poll_until(session, waker, [&] { return session.public_view() != nullptr; }));
  for (const auto& seat : session.public_view()->settings.seats)
    CHECK(seat.brief.empty());

  // A command that cannot be accepted comes back with its reason.
  session.post(CastBallot{VoteOn::clause, 0, Ballot::yes});
  REQUIRE(poll_until(session, waker, [&] { return session.last_rejection().has_value(); }));
  CHECK_FALSE(session.last_rejection()->message.empty());

  // The facilitator connection starts the match; the player's view follows.
  session.post_facilitator(StartMatch{});
  REQUIRE(poll_until(session, waker, [&] { return session.view().phase == Phase::briefing; }));
  CHECK(session.now() > 0);

  // The seat's view has no inject library; the facilitator connection's settings do, and an
  // inject fired through it reaches the player's view.
  CHECK(session.view().settings.injects.empty());
  REQUIRE(poll_until(session, waker, [&] {
    const auto* settings = session.facilitator_settings();
    return settings && !settings->injects.empty();
  }));
  const std::string inject = session.facilitator_settings()->injects.front().id;
  CHECK(session.allows(FireInject{inject}, SendAs::facilitator));
  session.post_facilitator(FireInject{inject});
  REQUIRE(poll_until(session, waker, [&] { return !session.view().injects_fired.empty(); }));
  CHECK(session.view().injects_fired.front().id == inject);
}

TEST_CASE("a dropped connection comes back by itself with the token and the same view",
          "[network]") {
  auto server = start_server();
  Waker waker;
  NetworkSession session(solo_plan(server->port(), ""), waker.callback());
  REQUIRE(
      poll_until(session, waker, [&] { return session.in_room() && session.seat().has_value(); }));
  const Hash before = hash(session.view());
  const SeatIndex seat = *session.seat();
  const auto saved = session.saved_seat();
  CHECK(saved.code == session.room_code());
  CHECK(saved.token.size() == 64);

  session.drop_connection_for_test();
  bool saw_reconnecting = false;
  REQUIRE(poll_until(session, waker, [&] {
    if (session.connection() == ConnectionState::reconnecting) {
      saw_reconnecting = true;
      CHECK(session.reconnect_attempt() >= 1);
    }
    return saw_reconnecting && session.connection() == ConnectionState::connected;
  }));
  CHECK(session.seat() == seat);
  CHECK(hash(session.view()) == before);
  // Still in charge of the seat.
  session.post(SetReady{true});
  REQUIRE(poll_until(session, waker, [&] {
    const auto& p = session.view().participants;
    return session.participant() < p.size() && p[session.participant()].ready;
  }));
  // The session kept its stream for the replay: the reconnection's snapshot opened a new
  // segment, and replaying the whole recording ends on the view the session shows.
  REQUIRE(poll_until(session, waker, [&] {
    const Replay replay(*session.recording());
    return session.recording()->segments().size() >= 2 &&
           hash(replay.view_at(replay.size())) == hash(session.view());
  }));
  REQUIRE(session.public_recording());
  CHECK_FALSE(session.public_recording()->empty());
}

TEST_CASE(
    "when the server restarts, the session shows reconnecting and comes back to the same view",
    "[network]") {
  const auto dir = std::filesystem::temp_directory_path() /
                   ("accord-client-restart-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  EmbeddedServerOptions options;
  options.asset_dir = ACCORD_ASSET_DIR;
  options.data_dir = dir.string();  // durable: the rooms come back with the server
  std::string error;
  auto server = EmbeddedServer::start(options, &error);
  INFO(error);
  REQUIRE(server);
  options.port = server->port();

  Waker waker;
  NetworkSession session(solo_plan(options.port, "china"), waker.callback());
  REQUIRE(
      poll_until(session, waker, [&] { return session.in_room() && session.seat().has_value(); }));
  session.post_facilitator(StartMatch{});
  REQUIRE(poll_until(session, waker, [&] { return session.view().phase == Phase::briefing; }));
  session.post_facilitator(PauseClock{});  // nothing moves while the server is away
  REQUIRE(poll_until(session, waker, [&] { return session.view().paused_at.has_value(); }));
  const Hash before = hash(session.view());

  server.reset();  // the server stops (its data stays in the folder)
  REQUIRE(poll_until(session, waker, [&] {
    return session.connection() == ConnectionState::reconnecting &&
           session.reconnect_attempt() >= 1;
  }));
  // The same port and folder, free again: the old server closed its socket and its database
  // when it was destroyed.
  server = EmbeddedServer::start(options, &error);
  INFO(error);
  REQUIRE(server);
  REQUIRE(poll_until(
      session, waker, [&] { return session.connection() == ConnectionState::connected; }, 30s));
  CHECK(session.view().phase == Phase::briefing);
  CHECK(hash(session.view()) == before);
  session.post_facilitator(ResumeClock{});  // the facilitator connection came back too
  REQUIRE(poll_until(session, waker, [&] { return !session.view().paused_at.has_value(); }));
}

TEST_CASE("a session that cannot reach its server says so", "[network]") {
  NetworkPlan plan;
  plan.kind = NetworkPlan::Kind::join;
  plan.port = 1;  // nothing listens there
  plan.code = "ABCDEF";
  plan.name = "Ana";
  Waker waker;
  NetworkSession session(plan, waker.callback());
  REQUIRE(
      poll_until(session, waker, [&] { return session.connection() == ConnectionState::lost; }));
  CHECK_FALSE(session.in_room());
  CHECK(session.problem().find("127.0.0.1:1") != std::string::npos);
}

TEST_CASE("joining with a wrong code names the problem", "[network]") {
  auto server = start_server();
  NetworkPlan plan;
  plan.kind = NetworkPlan::Kind::join;
  plan.port = server->port();
  plan.code = "ZZZZZZ";
  plan.name = "Ana";
  Waker waker;
  NetworkSession session(plan, waker.callback());
  REQUIRE(
      poll_until(session, waker, [&] { return session.connection() == ConnectionState::lost; }));
  CHECK(session.problem().find("ZZZZZZ") != std::string::npos);
}

}  // namespace
}  // namespace accord::client::test
