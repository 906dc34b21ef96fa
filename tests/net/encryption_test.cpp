// Encrypted connections end to end, through a relay (an ENet intercept on its own thread between
// the clients and a real server on loopback) that records every payload and can alter, replay,
// reorder, drop or truncate them: nothing of a match is readable on the wire, tampering is
// caught without a crash or a wrong state, and a server with another key is refused.
#include <enet/enet.h>

#include <mutex>

#include "net/enet_support.hpp"
#include "net_test_support.hpp"

namespace accord::nettest {
namespace {

// What the relay does with one payload: forward it as is (default), or forward these instead.
using Packets = std::vector<Bytes>;
using Tamper = std::function<Packets(bool to_server, const Bytes& payload)>;

class Relay {
 public:
  Relay(std::uint16_t server_port, Tamper tamper = {}) : tamper_(std::move(tamper)) {
    REQUIRE(net::ensure_enet());
    ENetAddress address{};
    enet_address_set_host(&address, "127.0.0.1");
    address.port = 0;
    host_ = enet_host_create(&address, 64, net::kChannelCount, 0, 0);
    REQUIRE(host_ != nullptr);
    host_->maximumPacketSize = pm::kMaxServerMessageBytes + 1024;
    ENetAddress bound{};
    enet_socket_get_address(host_->socket, &bound);
    port_ = bound.port;
    enet_address_set_host(&server_, "127.0.0.1");
    server_.port = server_port;
    thread_ = std::thread([this] { run(); });
  }
  ~Relay() {
    stop_.store(true);
    thread_.join();
    enet_host_destroy(host_);
  }
  std::uint16_t port() const { return port_; }
  std::vector<Bytes> captured() const {
    std::lock_guard lock(mutex_);
    return captured_;
  }

 private:
  struct Link {
    ENetPeer* partner = nullptr;
    bool to_server = false;      // packets arriving on this peer go to the server
    std::vector<Bytes> pending;  // until the partner is connected
    bool up = false;
  };

  // net::send_bytes frees the packet when ENet refuses it (a partner already disconnecting):
  // enet_peer_send alone leaked it, and LeakSanitizer said so now and then.
  void send(ENetPeer* peer, const Bytes& bytes) { net::send_bytes(peer, bytes); }

  void run() {
    ENetEvent event;
    while (!stop_.load()) {
      while (enet_host_service(host_, &event, 5) > 0) {
        auto* link = static_cast<Link*>(event.peer->data);
        if (event.type == ENET_EVENT_TYPE_CONNECT) {
          if (link == nullptr) {  // a client came: open its way to the server
            links_.push_back(std::make_unique<Link>());
            Link* from_client = links_.back().get();
            from_client->to_server = true;
            from_client->up = true;
            event.peer->data = from_client;
            ENetPeer* upstream = enet_host_connect(host_, &server_, net::kChannelCount, 0);
            links_.push_back(std::make_unique<Link>());
            Link* from_server = links_.back().get();
            from_server->partner = event.peer;
            from_client->partner = upstream;
            upstream->data = from_server;
          } else {  // the way to the server is open: what the client sent meanwhile goes
            link->up = true;
            auto* client_link = static_cast<Link*>(link->partner->data);
            for (const auto& bytes : client_link->pending)
              send(event.peer, bytes);
            client_link->pending.clear();
          }
        } else if (event.type == ENET_EVENT_TYPE_RECEIVE) {
          Bytes payload(event.packet->data, event.packet->data + event.packet->dataLength);
          enet_packet_destroy(event.packet);
          if (link == nullptr || link->partner == nullptr) continue;
          {
            std::lock_guard lock(mutex_);
            captured_.push_back(payload);
          }
          const auto out = tamper_ ? tamper_(link->to_server, payload) : Packets{payload};
          auto* partner_link = static_cast<Link*>(link->partner->data);
          for (const auto& bytes : out) {
            if (partner_link != nullptr && partner_link->up)
              send(link->partner, bytes);
            else
              link->pending.push_back(bytes);
          }
        } else if (event.type == ENET_EVENT_TYPE_DISCONNECT) {
          if (link != nullptr && link->partner != nullptr) {
            if (auto* partner_link = static_cast<Link*>(link->partner->data))
              partner_link->partner = nullptr;
            enet_peer_disconnect_later(link->partner, 0);
          }
          event.peer->data = nullptr;
        }
      }
      enet_host_flush(host_);
    }
  }

  Tamper tamper_;
  ENetHost* host_ = nullptr;
  ENetAddress server_{};
  std::uint16_t port_ = 0;
  std::vector<std::unique_ptr<Link>> links_;
  mutable std::mutex mutex_;
  std::vector<Bytes> captured_;
  std::atomic<bool> stop_{false};
  std::thread thread_;
};

bool occurs_in(const std::vector<Bytes>& payloads, const std::string& marker) {
  for (const auto& payload : payloads)
    if (contains(payload, marker)) return true;
  return false;
}

std::unique_ptr<Client> connect_via(const Relay& relay) {
  auto client = std::make_unique<Client>();
  REQUIRE(client->connect("127.0.0.1", relay.port()));
  REQUIRE(client->encrypted());
  return client;
}

std::unique_ptr<Client> join_via(const Relay& relay, const std::string& code,
                                 const std::string& name, const std::string& room_password) {
  auto client = connect_via(relay);
  client->join_room(pm::JoinRoom{code, name, pm::ClientRole::player, room_password, ""});
  REQUIRE(pump({client.get()}, [&] { return client->in_room() || !client->errors.empty(); }));
  REQUIRE(client->in_room());
  return client;
}

// A factory whose seats carry planted briefs, to look for on the wire.
class BriefFactory final : public server::RoomFactory {
 public:
  server::RoomSpecResult make(std::string_view scenario, std::uint32_t seats,
                              std::string_view preset) const override {
    auto result = TestFactory().make(scenario, seats, preset);
    if (result.spec)
      for (std::size_t s = 0; s < result.spec->header.settings.seats.size(); ++s)
        result.spec->header.settings.seats[s].brief = "MARKER-BRIEF-SEAT-" + std::to_string(s);
    return result;
  }
  std::uint32_t quick_match_seats(std::string_view) const override { return 2; }
  std::string quick_match_preset(std::string_view) const override { return "short"; }
};

TEST_CASE("nothing of a match is readable on the wire", "[net][encryption]") {
  TestServer server(test_config(), std::make_shared<BriefFactory>());
  Relay relay(server.port());

  auto fac = connect_via(relay);
  pm::CreateRoom request;
  request.scenario = "test";
  request.seats = 3;
  request.timer_preset = "short";
  request.facilitator_password = "MARKER-FACILITATOR-PASSWORD";
  request.room_password = "MARKER-ROOM-PASSWORD";
  fac->create_room(request);
  REQUIRE(pump({fac.get()}, [&] { return fac->in_room() || !fac->errors.empty(); }));
  REQUIRE(fac->in_room());
  const std::string code = fac->room_code();

  auto a1 = join_via(relay, code, "MARKER-NAME-ADA", "MARKER-ROOM-PASSWORD");
  auto a2 = join_via(relay, code, "Alan", "MARKER-ROOM-PASSWORD");
  auto b = join_via(relay, code, "Bea", "MARKER-ROOM-PASSWORD");
  std::vector<Client*> all{fac.get(), a1.get(), a2.get(), b.get()};
  must(*a1, TakeSeat{0}, all);
  must(*a2, TakeSeat{0}, all);  // a delegation of two
  must(*b, TakeSeat{1}, all);
  must(*a1, WriteNote{"MARKER-NOTE-SEAT0"}, all);
  must(*a1, OpenBilateral{1}, all);
  const auto bilateral = static_cast<ChannelId>(a1->view().channels.size() - 1);
  must(*b, PostMessage{bilateral, "MARKER-PRIVATE-CHAT"}, all);
  must(*fac, StartMatch{}, all);
  must(*fac, AdvancePhase{}, all);
  must(*a2, TableClause{0, "", "MARKER-FREE-TEXT"}, all);
  sync_with_server(all);

  // A second facilitator logs in with the password, through the relay too.
  auto second = connect_via(relay);
  second->facilitator_login(code, "MARKER-FACILITATOR-PASSWORD");
  REQUIRE(pump({second.get()}, [&] { return second->in_room() || !second->errors.empty(); }));
  REQUIRE(second->role() == pm::ClientRole::facilitator);

  // The secrets did travel (the clients have them)...
  CHECK(contains(encode_match(a1->view()), "MARKER-BRIEF-SEAT-0"));
  CHECK(contains(encode_match(b->view()), "MARKER-PRIVATE-CHAT"));
  CHECK(contains(encode_match(a2->view()), "MARKER-NOTE-SEAT0"));
  // ... and not one of them, nor a token, is in any byte the relay saw.
  const auto payloads = relay.captured();
  REQUIRE(payloads.size() > 40);
  for (const char* marker :
       {"MARKER", "FACILITATOR-PASSWORD", "ROOM-PASSWORD", "BRIEF-SEAT", "PRIVATE-CHAT",
        "NOTE-SEAT0", "FREE-TEXT", "NAME-ADA", "take_seat", "joined", "welcome", "hello"}) {
    INFO(marker);
    CHECK_FALSE(occurs_in(payloads, marker));
  }
  for (Client* client : all) {
    INFO("token of " << client->room_code());
    REQUIRE(client->reconnect_token().size() >= 16);
    CHECK_FALSE(occurs_in(payloads, client->reconnect_token()));
  }
}

// The nth payload in one direction (counting from 0, the key exchange included) gets `edit`.
Tamper on_nth(bool to_server, std::size_t n, std::function<Packets(const Bytes&)> edit,
              std::shared_ptr<std::atomic<std::size_t>> seen =
                  std::make_shared<std::atomic<std::size_t>>(0)) {
  return [=](bool direction, const Bytes& payload) {
    if (direction != to_server) return Packets{payload};
    if (seen->fetch_add(1) != n) return Packets{payload};
    return edit(payload);
  };
}

// Client → server payloads: 0 key exchange, 1 hello, 2 join, then what the test sends.
constexpr std::size_t kFirstCommandPayload = 3;

struct Table {
  TestServer server;
  std::unique_ptr<Client> fac;
  std::string code;
  explicit Table() : fac(create_room(server)), code(fac->room_code()) {}
};

TEST_CASE("a forged copy of a packet is refused and the genuine one goes through",
          "[net][encryption]") {
  Table table;
  Relay relay(table.server.port(), on_nth(true, kFirstCommandPayload, [](const Bytes& p) {
                Bytes forged = p;
                forged.back() ^= 0x40;
                return Packets{forged, p};
              }));
  auto a = join_via(relay, table.code, "Ada", "");
  must(*a, TakeSeat{0}, {table.fac.get()});
  sync_with_server({a.get(), table.fac.get()});
  CHECK(a->viewer() == Viewer::of_seat(0));
  CHECK(a->bye == std::nullopt);
  table.server.stop();
  CHECK(table.server.get().refused_packets() == 1);
}

TEST_CASE("a replayed command is refused and acts once", "[net][encryption]") {
  Table table;
  Relay relay(table.server.port(), on_nth(true, kFirstCommandPayload + 1, [](const Bytes& p) {
                return Packets{p, p};
              }));
  auto a = join_via(relay, table.code, "Ada", "");
  must(*a, TakeSeat{0}, {table.fac.get()});
  must(*a, PostMessage{kPlenary, "once only"}, {table.fac.get()});
  sync_with_server({a.get(), table.fac.get()});
  std::size_t copies = 0;
  for (const auto& message : table.fac->view().channels.at(kPlenary).messages)
    copies += message.text == "once only" ? 1u : 0u;
  CHECK(copies == 1);
  CHECK(a->bye == std::nullopt);
  table.server.stop();
  CHECK(table.server.get().refused_packets() == 1);
}

TEST_CASE("an altered, truncated or reordered stream closes the connection with a message",
          "[net][encryption]") {
  using Edit = std::function<Packets(const Bytes&)>;
  const std::vector<std::pair<std::string, Edit>> edits{
      {"altered",
       [](const Bytes& p) {
         Bytes altered = p;
         altered[p.size() / 2] ^= std::uint8_t{0x01};
         return Packets{altered};
       }},
      {"truncated", [](const Bytes& p) { return Packets{Bytes(p.begin(), p.end() - 5)}; }},
      {"dropped", [](const Bytes&) { return Packets{}; }},
  };
  for (const auto& [name, edit] : edits) {
    SECTION(name) {
      Table table;
      Relay relay(table.server.port(), on_nth(true, kFirstCommandPayload, edit));
      auto a = join_via(relay, table.code, "Ada", "");
      sync_with_server({table.fac.get()});
      const Seq before = table.fac->view_seq();
      a->send_command(TakeSeat{0});  // lost on the way
      // Whatever the client sends next comes out of order: three refusals end it.
      for (std::uint32_t i = 0; i < 3; ++i)
        a->ping(i);
      wait_until({a.get(), table.fac.get()}, "the server's goodbye",
                 [&] { return a->bye.has_value(); });
      CHECK(a->bye->reason == pm::ByeReason::tampered);
      CHECK_FALSE(a->bye->text.empty());
      // Nothing of the lost command happened; the room goes on.
      sync_with_server({table.fac.get()});
      CHECK(table.fac->view_seq() == before);
      CHECK_FALSE(table.fac->view().seats.at(0).head.has_value());
      // The player comes back with the token, directly, and plays.
      REQUIRE(a->reconnect("127.0.0.1", table.server.port()));
      must(*a, TakeSeat{0}, {table.fac.get()});
    }
  }
}

TEST_CASE("a reordered stream: the late packet counts, then the connection closes",
          "[net][encryption]") {
  Table table;
  const auto seen = std::make_shared<std::atomic<std::size_t>>(0);
  const auto held = std::make_shared<Bytes>();
  Relay relay(table.server.port(), [seen, held](bool to_server, const Bytes& p) {
    if (!to_server) return Packets{p};
    const auto n = seen->fetch_add(1);
    if (n == kFirstCommandPayload) {  // held back ...
      *held = p;
      return Packets{};
    }
    if (n == kFirstCommandPayload + 1) return Packets{p, *held};  // ... and sent after the next
    return Packets{p};
  });
  auto a = join_via(relay, table.code, "Ada", "");
  a->send_command(TakeSeat{0});
  for (std::uint32_t i = 0; i < 4; ++i)
    a->ping(i);
  wait_until({a.get(), table.fac.get()}, "the server's goodbye",
             [&] { return a->bye.has_value(); });
  CHECK(a->bye->reason == pm::ByeReason::tampered);
  // The held packet was next in line when it came: it counted, once. The ping sent before it
  // was refused as out of order and is lost, so everything after it is refused too.
  sync_with_server({table.fac.get()});
  CHECK(table.fac->view().seats.at(0).head.has_value());
  table.server.stop();
  CHECK(table.server.get().refused_packets() >= 3);
}

TEST_CASE("packets altered on the way to the client make it give up cleanly", "[net][encryption]") {
  Table table;
  const auto armed = std::make_shared<std::atomic<bool>>(false);
  Relay relay(table.server.port(), [armed](bool to_server, const Bytes& p) {
    if (to_server || !armed->load()) return Packets{p};
    Bytes altered = p;
    altered.back() ^= 0x80;
    return Packets{altered};
  });
  auto a = join_via(relay, table.code, "Ada", "");
  sync_with_server({a.get()});
  armed->store(true);  // from now on, everything the server says is altered on the way
  for (std::uint32_t i = 0; i < 3; ++i)
    a->ping(i);
  wait_until({a.get()}, "the client to give up", [&] { return !a->connected(); });
  CHECK(a->refused_packets == 3);
  CHECK(a->last_problem().find("tampered") != std::string::npos);
}

TEST_CASE("a client pins the server's key and refuses another one", "[net][encryption]") {
  TestServer server;
  Client first;
  REQUIRE(first.connect("127.0.0.1", server.port()));
  REQUIRE(first.server_key());
  CHECK(*first.server_key() == server.get().public_key());
  const std::string pin = net::key_hex(*first.server_key());  // what trust on first use saves

  SECTION("the same server: accepted") {
    net::ClientOptions options;
    options.server_pin = net::fingerprint(server.get().public_key());
    Client again(options);
    CHECK(again.connect("127.0.0.1", server.port()));
    options.server_pin = pin;
    Client by_full_key(options);
    CHECK(by_full_key.connect("127.0.0.1", server.port()));
  }
  SECTION("another server at that address: refused, naming both keys") {
    TestServer other;
    net::ClientOptions options;
    options.server_pin = pin;
    Client client(options);
    CHECK_FALSE(client.connect("127.0.0.1", other.port()));
    REQUIRE(client.key_mismatch);
    CHECK(client.key_mismatch->expected == net::fingerprint(server.get().public_key()));
    CHECK(client.key_mismatch->presented == net::fingerprint(other.get().public_key()));
    CHECK(client.last_problem().find(client.key_mismatch->expected) != std::string::npos);
    CHECK(client.last_problem().find(client.key_mismatch->presented) != std::string::npos);
    CHECK_FALSE(client.welcomed());
  }
}

TEST_CASE("a flood of key exchanges from one address is turned away", "[net][encryption]") {
  auto config = test_config();
  config.handshake_burst = 3;
  config.handshakes_per_second = 0.001;  // no refill within the test
  TestServer server(config);
  std::vector<std::unique_ptr<Client>> admitted;
  for (int i = 0; i < 3; ++i)
    admitted.push_back(connected(server));
  Client fourth;
  CHECK_FALSE(fourth.connect("127.0.0.1", server.port()));
  CHECK(fourth.last_problem().find("try again in a few seconds") != std::string::npos);
  // Those admitted are unaffected.
  std::vector<Client*> three;
  for (auto& client : admitted)
    three.push_back(client.get());
  sync_with_server(three);
}

TEST_CASE("a client that speaks in clear is refused in clear", "[net][encryption]") {
  TestServer server;
  SECTION("an older client's hello: a version mismatch") {
    net::ClientOptions options;
    options.encrypt = false;
    options.protocol_version = 5;
    Client old(options);
    CHECK_FALSE(old.connect("127.0.0.1", server.port()));
    REQUIRE(old.version_mismatch);
    CHECK(old.version_mismatch->text.find("update your client") != std::string::npos);
  }
  SECTION("a current hello in clear: key exchange first") {
    net::ClientOptions options;
    options.encrypt = false;
    Client clear(options);
    CHECK_FALSE(clear.connect("127.0.0.1", server.port()));
    REQUIRE_FALSE(clear.errors.empty());
    CHECK(clear.errors.front().code == pm::ErrorCode::handshake_first);
    CHECK(clear.errors.front().text.find("key exchange") != std::string::npos);
  }
}

}  // namespace
}  // namespace accord::nettest
