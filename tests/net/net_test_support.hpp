// A real server on its own thread (loopback, ephemeral ports) and real ENet clients.
#pragma once

#include <catch2/catch.hpp>

#include <spdlog/spdlog.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "../shared/test_support.hpp"
#include "core/codec.hpp"
#include "net/client.hpp"
#include "room_store.hpp"
#include "server.hpp"

namespace accord::nettest {

namespace pm = protocol;
using net::Client;

inline constexpr const char* kContentHash = "test-content-1";
inline constexpr const char* kContent = R"({"scenario":"test","note":"fixture content"})";
inline constexpr const char* kFacilitatorPassword = "teacher-pass";

// Scenario "test": `seats` seats from the rules-core fixtures. Presets: "short" (roll-call),
// "secret" (secret ballot).
class TestFactory final : public server::RoomFactory {
 public:
  server::RoomSpecResult make(std::string_view scenario, std::uint32_t seats,
                              std::string_view preset) const override {
    server::RoomSpecResult result;
    if (scenario != "test") {
      result.field = "scenario";
      result.error = "There is no scenario '" + std::string(scenario) + "'.";
      return result;
    }
    if (seats < 2 || seats > 25) {
      result.field = "seats";
      result.error = "2 to 25 seats.";
      return result;
    }
    if (preset != "short" && preset != "secret") {
      result.field = "timer_preset";
      result.error = "No such preset.";
      return result;
    }
    LogHeader header = test::header_with_seats(seats);
    header.content_hash = kContentHash;
    if (preset == "secret") header.settings.rules.ballot = BallotKind::secret;
    result.spec = server::RoomSpec{header, kContent};
    return result;
  }
  std::uint32_t quick_match_seats(std::string_view) const override { return 2; }
  std::string quick_match_preset(std::string_view) const override { return "short"; }
};

inline server::ServerConfig test_config() {
  server::ServerConfig config;
  config.port = 0;
  config.bind = "127.0.0.1";
  config.discovery_bind = "127.255.255.255";  // loopback broadcast only
  config.discovery_port = 0;
  config.fast_password_hash = true;
  config.server_name = "Test server";
  config.tick_ms = 20;
  config.hash_interval_ms = 50;
  config.peer_timeout_ms = 800;
  return config;
}

class TestServer {
 public:
  explicit TestServer(
      server::ServerConfig config = test_config(),
      std::shared_ptr<server::RoomFactory> factory = std::make_shared<TestFactory>())
      : store_(std::make_shared<server::MemoryRoomStore>()),
        server_(std::make_unique<server::Server>(config, std::move(factory), store_)) {
    spdlog::set_level(spdlog::level::warn);  // ACCORD_NET_TEST_LOG=debug to see everything
    if (const char* level = std::getenv("ACCORD_NET_TEST_LOG"))
      spdlog::set_level(spdlog::level::from_str(level));
    std::string error;
    REQUIRE(server_->start(&error));
    thread_ = std::thread([this] { server_->run(stop_); });
  }
  ~TestServer() { stop(); }
  // After stop() the server's state may be read from the test thread.
  void stop() {
    if (!thread_.joinable()) return;
    stop_.store(true);
    thread_.join();
  }
  std::uint16_t port() const { return server_->port(); }
  std::uint16_t discovery_port() const { return server_->discovery_port(); }
  server::Server& get() { return *server_; }
  server::MemoryRoomStore& store() { return *store_; }

 private:
  std::shared_ptr<server::MemoryRoomStore> store_;
  std::unique_ptr<server::Server> server_;
  std::atomic<bool> stop_{false};
  std::thread thread_;
};

inline bool pump(std::vector<Client*> clients, const std::function<bool()>& done,
                 int timeout_ms = 5000) {
  return net::pump_until(clients, done, timeout_ms);
}

inline std::unique_ptr<Client> connected(const TestServer& server) {
  auto client = std::make_unique<Client>();
  REQUIRE(client->connect("127.0.0.1", server.port()));
  return client;
}

// Connects a facilitator and creates a room; returns the client (its room_code() is the code).
inline std::unique_ptr<Client> create_room(const TestServer& server, std::uint32_t seats = 3,
                                           const std::string& preset = "short",
                                           const std::string& room_password = "") {
  auto facilitator = connected(server);
  pm::CreateRoom request;
  request.scenario = "test";
  request.seats = seats;
  request.timer_preset = preset;
  request.facilitator_password = kFacilitatorPassword;
  request.room_password = room_password;
  facilitator->create_room(request);
  REQUIRE(pump({facilitator.get()},
               [&] { return facilitator->in_room() || !facilitator->errors.empty(); }));
  REQUIRE(facilitator->errors.empty());
  REQUIRE(facilitator->role() == pm::ClientRole::facilitator);
  return facilitator;
}

inline std::unique_ptr<Client> join(const TestServer& server, const std::string& code,
                                    const std::string& name,
                                    pm::ClientRole role = pm::ClientRole::player) {
  auto client = connected(server);
  pm::JoinRoom request;
  request.code = code;
  request.name = name;
  request.role = role;
  client->join_room(request);
  REQUIRE(pump({client.get()}, [&] { return client->in_room() || !client->errors.empty(); }));
  INFO((client->errors.empty() ? std::string() : client->errors.front().text));
  REQUIRE(client->in_room());
  return client;
}

// Sends a command and waits for its answer; returns the rejection if there was one.
inline std::optional<pm::CommandRejected> command(Client& client, const Command& cmd,
                                                  std::vector<Client*> others = {}) {
  const auto id = client.send_command(cmd);
  others.push_back(&client);
  const bool answered =
      pump(others, [&] { return client.accepted.count(id) > 0 || client.rejected.count(id) > 0; });
  REQUIRE(answered);
  if (client.rejected.count(id) > 0) return client.rejected.at(id);
  return std::nullopt;
}

inline void must(Client& client, const Command& cmd, std::vector<Client*> others = {}) {
  const auto rejected = command(client, cmd, std::move(others));
  INFO("command " << to_json_text(cmd));
  if (rejected) FAIL("rejected: " << rejected->message);
}

// Services the clients until `done` holds. Past the deadline the test FAILS, saying what it was
// waiting for: a test waits for a condition, never for a length of time.
inline void wait_until(std::vector<Client*> clients, std::string_view what,
                       const std::function<bool()>& done, int timeout_ms = 5000) {
  if (net::pump_until(clients, done, timeout_ms)) return;
  FAIL("still waiting after " << timeout_ms << " ms for: " << what);
}

// A barrier with the server: each client sends a Ping and waits for its Pong. The server sends
// everything on one reliable, ordered channel, so once a client has its Pong it has received
// and applied everything the server had sent it before reading the Ping: in particular all
// that an answered command (must(), command()) caused for every client. After it, a test may
// assert that something did NOT reach a client.
// The Pong is queued while the server reads its input, before that turn's clock tick: to
// see what a tick at a new time did, sync twice (the second Ping is read in a later turn).
inline void sync_with_server(const std::vector<Client*>& clients, int timeout_ms = 5000) {
  static std::uint32_t next_nonce = 0x5e000000;
  struct Watch {
    Client* client = nullptr;
    std::uint32_t nonce = 0;
    bool answered = false;
    std::function<void(const pm::ServerMessage&)> previous;  // put back afterwards
  };
  std::vector<Watch> watches(clients.size());
  struct PutBack {
    std::vector<Watch>& watches;
    ~PutBack() {
      for (auto& w : watches)
        if (w.client != nullptr) w.client->on_message = std::move(w.previous);
    }
  } put_back{watches};
  for (std::size_t i = 0; i < clients.size(); ++i) {
    Watch& w = watches[i];
    INFO("client " << i << " of " << clients.size());
    REQUIRE(clients[i]->connected());
    w.client = clients[i];
    w.nonce = ++next_nonce;
    w.previous = w.client->on_message;
    w.client->on_message = [&w](const pm::ServerMessage& message) {
      if (w.previous) w.previous(message);
      if (const auto* pong = std::get_if<pm::Pong>(&message); pong && pong->nonce == w.nonce)
        w.answered = true;
    };
    w.client->ping(w.nonce);
  }
  std::string who;
  const bool all_answered = net::pump_until(
      clients,
      [&] {
        return std::all_of(watches.begin(), watches.end(),
                           [](const Watch& w) { return w.answered; });
      },
      timeout_ms);
  if (all_answered) return;
  for (std::size_t i = 0; i < watches.size(); ++i)
    if (!watches[i].answered) who += " " + std::to_string(i);
  FAIL("still waiting after " << timeout_ms << " ms for the Pong of client(s)" << who << " of "
                              << clients.size());
}

inline bool contains(const Bytes& haystack, const std::string& needle) {
  return std::search(haystack.begin(), haystack.end(), needle.begin(), needle.end()) !=
         haystack.end();
}

}  // namespace accord::nettest
