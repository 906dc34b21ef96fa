// The headless client: connects over ENet, does the key exchange (net/secure_channel.hpp: every
// message after it is sealed) and the Hello handshake, creates and joins rooms, sends
// commands, and keeps the viewer's mirror of the match (ClientView, the shared apply) with gap
// detection, hash checks and resync, and reconnects with its token. Used by tests, bots and the
// GUI client. Not thread-safe: one thread calls everything (the GUI runs it on its network
// thread). Nothing blocks except connect() and the wait helpers, which are bounded. Many
// clients can share a few ENet hosts through a ClientPool (the load generator): such a client
// connects without blocking and hears through the pool.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <vector>

#include "core/hash.hpp"
#include "core/host.hpp"
#include "net/secure_channel.hpp"
#include "protocol/messages.hpp"

struct _ENetHost;
struct _ENetEvent;

namespace accord::net {

struct ClientOptions {
  std::string client_version = "0.1.0";
  std::uint32_t protocol_version = protocol::kProtocolVersion;  // tests send other versions
  bool send_hello = true;  // tests: false connects without the Hello message
  // The server key this client trusts (a fingerprint or the full hex key, from a join link,
  // LAN discovery or an earlier connection): another key stops the connection. Empty: any key
  // is accepted and server_key() says which it was (the caller then saves it: trust on first use).
  std::string server_pin;
  bool encrypt = true;  // tests: false speaks in clear, as a client of protocol 5 did
};

// The server presented a key other than the pinned one.
struct KeyMismatch {
  std::string expected;   // the pin, as a fingerprint
  std::string presented;  // the fingerprint of the key the server presented
};

class ClientPool;

class Client {
 public:
  explicit Client(ClientOptions options = {});
  ~Client();
  Client(const Client&) = delete;
  Client& operator=(const Client&) = delete;

  // Connects and says Hello; true once Welcome arrives. On failure see last_problem().
  bool connect(const std::string& host, std::uint16_t port, int timeout_ms = 3000);
  // Drops the connection without a word (as a crash or a lost network would).
  void drop();
  // Says goodbye properly and waits (bounded) for the disconnect.
  void disconnect(int timeout_ms = 500);
  bool connected() const;

  // Requests. Answers arrive through service().
  void send(const protocol::ClientMessage& message);
  void send_raw(std::span<const std::uint8_t> bytes);  // tests: anything at all
  void create_room(protocol::CreateRoom request) { send(std::move(request)); }
  void join_room(protocol::JoinRoom request) { send(std::move(request)); }
  void facilitator_login(const std::string& code, const std::string& password);
  void quick_match(const std::string& scenario, const std::string& name);
  // Sends a command decided on the current view; returns its request id.
  std::uint32_t send_command(const Command& command);
  void request_resync();
  // After drop(): connects again and rejoins the room with the reconnect token.
  bool reconnect(const std::string& host, std::uint16_t port, int timeout_ms = 3000);
  // Rejoins a room with a token saved earlier (e.g. by a client that was restarted).
  bool rejoin(const std::string& host, std::uint16_t port, const std::string& code,
              const std::string& token, int timeout_ms = 3000);
  void ping(std::uint32_t nonce) { send(protocol::Ping{nonce}); }

  // Receives and handles what has arrived, waiting up to timeout_ms for the first event.
  void service(int timeout_ms = 0);

  // ---- state
  const std::string& last_problem() const { return last_problem_; }
  // The server turned this connection away because its address made too many key exchanges
  // at once: connecting again after a pause succeeds.
  bool refused_for_connection_rate() const { return refused_for_connection_rate_; }
  // The key the server presented in the handshake (once it has answered).
  std::optional<PublicKey> server_key() const { return server_key_; }
  bool encrypted() const;  // the handshake is done: everything now is sealed
  void set_server_pin(std::string pin) { options_.server_pin = std::move(pin); }
  bool welcomed() const { return welcomed_; }
  bool in_room() const { return view_.has_value(); }
  const std::string& room_code() const { return room_code_; }
  const std::string& room_scenario() const { return room_scenario_; }
  const std::string& room_content_hash() const { return room_content_hash_; }
  protocol::ClientRole role() const { return role_; }
  std::optional<ParticipantId> participant() const { return participant_; }
  Viewer viewer() const { return viewer_; }
  const std::string& reconnect_token() const { return token_; }
  const Match& view() const { return view_->view(); }
  Seq view_seq() const { return view_ ? view_->view_seq() : 0; }
  Hash view_hash() const { return hash(view()); }

  // What the server has said: kept for tests and for a UI to show.
  std::set<std::uint32_t> accepted;
  std::map<std::uint32_t, protocol::CommandRejected> rejected;
  std::vector<protocol::Error> errors;
  std::optional<protocol::Bye> bye;
  std::optional<protocol::VersionMismatch> version_mismatch;
  std::optional<KeyMismatch> key_mismatch;
  std::uint64_t refused_packets = 0;  // sealed packets that did not open (tampering)
  std::optional<protocol::RoomCreated> room_created;
  std::optional<protocol::Presence> presence;
  std::optional<protocol::Countdown> countdown;
  std::vector<protocol::CaretakerReport> caretaker_reports;  // what the caretaker did meanwhile
  std::map<std::string, std::string> content_cache;          // content hash → content
  std::uint64_t items_applied = 0;
  std::uint64_t gaps = 0;              // stream items missing: a resync was asked for
  std::uint64_t hash_checks = 0;       // ViewHash messages compared
  std::uint64_t hash_mismatches = 0;   // ... that disagreed: a resync was asked for
  std::uint64_t snapshots = 0;         // Joined and Snapshot messages applied
  std::uint64_t bytes_received = 0;    // ENet payload bytes of every message
  std::size_t last_message_bytes = 0;  // of the message on_message is shown
  std::function<void(const protocol::ServerMessage&)> on_message;  // before handling
  // The mirror's stream as it was applied (a client's replay recording): each snapshot the view
  // was set from, and each item applied onto it.
  std::function<void(const Snapshot&)> on_snapshot;
  std::function<void(const StreamItem&)> on_item_applied;
  // The room's clock as last heard (Joined, Snapshot, Pong) and when it was heard.
  TimeMs room_clock = 0;
  std::chrono::steady_clock::time_point room_clock_heard{};

  // Tests: forget the next stream item as if it had been lost (provokes a gap and a resync).
  void lose_next_stream_item() { lose_next_item_ = true; }
  // Tests: the mirror drifts from the server's view (as a bug in apply would make it), so the
  // next ViewHash disagrees and the client resyncs.
  void tamper_view_for_test();

 private:
  friend class ClientPool;
  void reset_for_connect();
  bool open_peer(_ENetHost* host, bool owns_host, const std::string& address, std::uint16_t port);
  void say_hello();
  void on_event(_ENetEvent& event);
  void on_handshake_reply(std::span<const std::uint8_t> reply);
  void receive_plaintext(std::span<const std::uint8_t> bytes);
  void handle(protocol::ServerMessage message);
  void adopt_snapshot(const protocol::ViewerInfo& viewer, Seq view_seq, Match view);
  void hear_room_clock(TimeMs room_now);

  struct Enet;
  std::unique_ptr<Enet> enet_;
  ClientOptions options_;
  std::string last_problem_;
  bool refused_for_connection_rate_ = false;
  bool welcomed_ = false;
  std::optional<ClientView> view_;
  std::string room_code_;
  std::string room_scenario_;
  std::string room_content_hash_;
  protocol::ClientRole role_ = protocol::ClientRole::player;
  std::optional<ParticipantId> participant_;
  Viewer viewer_ = Viewer::audience();
  std::string token_;
  std::optional<PublicKey> server_key_;
  std::uint32_t next_request_ = 1;
  bool awaiting_snapshot_ = false;
  bool lose_next_item_ = false;
};

// Many clients over a few ENet hosts (ENet allows 4,095 peers per host), serviced together from
// one thread: the load generator's thousands of connections. Clients connect without blocking
// (Hello goes out when the connection is up; welcomed() says when Welcome came) and hear
// through service(); what they send leaves at flush(). The pool outlives its clients.
class ClientPool {
 public:
  explicit ClientPool(int peers_per_host = 1000);
  ~ClientPool();
  ClientPool(const ClientPool&) = delete;
  ClientPool& operator=(const ClientPool&) = delete;

  // Starts connecting `client` (dropping any connection it had); false with its last_problem().
  bool connect(Client& client, const std::string& host, std::uint16_t port);
  // Hands what has arrived to its clients; true if anything did.
  bool service();
  void flush();

 private:
  struct Hosts;
  std::unique_ptr<Hosts> hosts_;
};

// Services every client until `done` holds or timeout_ms passes; true if it held.
bool pump_until(std::span<Client* const> clients, const std::function<bool()>& done,
                int timeout_ms = 5000);

}  // namespace accord::net
