// The server: one thread running the ENet service loop, the rooms' clocks and the per-viewer
// streams. Each loop turn: receive and handle messages (queuing every reply in the turn's
// outbox), advance room clocks, commit the turn's events to the RoomStore, then send the outbox:
// nobody hears of an event before it is committed. Argon2id runs on a PasswordWorker thread.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "admin_state.hpp"
#include "config.hpp"
#include "core/host.hpp"
#include "core/rng.hpp"
#include "engine/room_engine.hpp"
#include "net/secure_channel.hpp"
#include "password_lockout.hpp"
#include "password_worker.hpp"
#include "protocol/messages.hpp"
#include "rate_limit.hpp"
#include "room_factory.hpp"
#include "room_store.hpp"

struct _ENetHost;
struct _ENetPeer;

namespace accord::server {

using ConnId = std::uint32_t;
class DiscoveryResponder;
class AdminHttp;

struct Connection {
  ConnId id = 0;
  _ENetPeer* peer = nullptr;
  std::uint32_t address_host = 0;
  TimeMs connected_at = 0;
  bool welcomed = false;
  bool closing = false;  // Bye queued: disconnect once the outbox is sent
  bool busy = false;     // a password job is running for this connection
  std::vector<std::string> content_hashes;
  // In a room:
  std::string room;
  protocol::ClientRole role = protocol::ClientRole::player;
  std::optional<ParticipantId> participant;
  Viewer viewer = Viewer::audience();
  Seq sent_view_seq = 0;  // the last item (or snapshot) of its stream this connection was sent
  TokenBucket commands, chat, requests, bad;
  // After the key exchange: everything this connection sends and receives is sealed.
  std::optional<net::SecureChannel> channel;
};

// A live room: what is stored of it (RoomRecord: one list of fields, so none is forgotten on a
// restart) and what lives only while the server runs.
struct Room : RoomRecord {
  // The match, its bot seats and its clock (engine/room_engine.hpp); the server feeds it the
  // network's commands and its own clock, and delivers what it appends.
  std::unique_ptr<engine::RoomEngine> engine;
  std::set<ConnId> members;
  std::map<ParticipantId, TimeMs> away;      // dropped participants: grace time used so far
  std::set<ParticipantId> absent;            // grace period over, no connection
  std::optional<TimeMs> countdown_deadline;  // quick match
  bool staged = false;                       // entries staged this turn
  bool hash_due = false;
  std::map<Viewer, Seq> hashed_seq;  // the stream item each viewer's last ViewHash was for
  TimeMs last_hash_at = 0;
  TimeMs next_tick_at = 0;  // when its clock turns next (0: not yet placed in the period)
  TimeMs last_ticked_at = 0;
  // Durability (sqlite_store, server_store.cpp): whether the record must be staged, the seq of
  // the newest snapshot.
  bool record_dirty = false;  // record fields or tokens changed this turn: stage the record
  Seq snapshot_seq = 0;
  TimeMs unattended_since = 0;  // room clock when its last connection left (or it was loaded)
};

class Server {
 public:
  using Clock = std::function<TimeMs()>;
  Server(ServerConfig config, std::shared_ptr<RoomFactory> factory,
         std::shared_ptr<RoomStore> store, Clock clock = {});
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // The long-term key clients pin (identity.hpp loads it from the data folder). Without one,
  // start() makes a key that lasts until the process ends (tests, a server without a folder).
  void set_identity(const net::KeyPair& identity) { identity_ = identity; }
  const net::PublicKey& public_key() const { return identity_->public_key; }
  // Binds the ENet port (0: an ephemeral one) and the discovery socket. False with a reason.
  bool start(std::string* error = nullptr);
  std::uint16_t port() const { return port_; }
  std::uint16_t discovery_port() const;

  // One loop turn, waiting up to timeout_ms for network input.
  void poll(int timeout_ms);
  // Turns until `stop` is set, then shuts down (Bye to everyone).
  void run(const std::atomic<bool>& stop);
  void shutdown();

  // Reloads every open room from the store (called by start()); quarantines those whose log
  // does not replay. Returns one line per quarantined room, for the host to read.
  std::vector<std::string> restore();
  const std::vector<std::string>& quarantined() const { return quarantined_; }

  // The loop's own latency since start or the last reset (a host asks with SIGUSR2,
  // docs/hosting.md): how long each command spent inside the server, from the turn that read
  // it to its answer handed to the network (the commit is in between), and how long turns took
  // (a command that arrives during a turn waits up to one in the socket). One line of JSON.
  void reset_latency_figures();
  std::string latency_report() const;

  // Inspection (tests, logs): call from the loop's thread or after it has stopped.
  const Room* room(const std::string& code) const;
  std::vector<std::string> room_codes() const;
  std::size_t connection_count() const { return connections_.size(); }
  std::uint64_t refused_packets() const { return refused_packets_; }  // sealed, did not open
  // Connections turned away at the key exchange: too many from their address at once.
  std::uint64_t connections_turned_away() const { return connections_turned_away_; }
  TimeMs now() const { return clock_(); }
  // The admin endpoint's port (0: not running), and what it would serve now.
  std::uint16_t admin_port() const;
  std::shared_ptr<const AdminSnapshot> admin_snapshot() const;
  const ServerCounters& counters() const { return counters_; }
  // The room's match clock: what its deadlines and timers are measured against.
  TimeMs room_now(const Room& room) const;

 private:
  // server.cpp: connections, receiving, the outbox
  void on_connect(_ENetPeer* peer);
  void on_disconnect(_ENetPeer* peer);
  void on_receive(Connection& conn, const std::uint8_t* data, std::size_t size);
  void on_unsealed(Connection& conn, std::span<const std::uint8_t> packet);
  void on_message(Connection& conn, std::span<const std::uint8_t> bytes);
  void queue_plain(ConnId conn, const protocol::ServerMessage& message);
  void queue(ConnId conn, const protocol::ServerMessage& message, const std::string& room = {});
  void queue_bytes(ConnId conn, std::shared_ptr<const Bytes> bytes, const std::string& room);
  void error(Connection& conn, protocol::ErrorCode code, std::string text, std::string field = {});
  void bad_message(Connection& conn, protocol::ErrorCode code, std::string text,
                   std::string field = {});
  void close(Connection& conn, protocol::ByeReason reason, std::string text);
  void end_turn();
  Connection* connection(ConnId id);

  // server_rooms.cpp: handshake, rooms, joining, tokens, presence
  void on_hello(Connection& conn, const protocol::Hello& hello);
  void on_create_room(Connection& conn, protocol::CreateRoom request);
  void on_join_room(Connection& conn, const protocol::JoinRoom& request);
  void on_facilitator_login(Connection& conn, protocol::FacilitatorLogin request);
  void on_quick_match(Connection& conn, const protocol::QuickMatch& request);
  void on_password_results();
  bool locked_out(Connection& conn, PasswordLockout::Secret secret, const std::string& room,
                  const char* field);
  bool may_request(Connection& conn);
  bool password_queue_full(Connection& conn);
  bool make_room_space();
  Room* create_room(const RoomSpec& spec, const std::string& scenario, bool quick);
  std::optional<ParticipantId> admit(Connection& conn, Room& room, const std::string& name,
                                     Role role);
  void attach(Connection& conn, Room& room, protocol::ClientRole role,
              std::optional<ParticipantId> participant, const std::string& token);
  std::string issue_token(Room& room, protocol::ClientRole role,
                          std::optional<ParticipantId> participant);
  void detach(Connection& conn);
  void send_presence(Room& room);

  // server_match.cpp: commands, streams, clocks
  void on_send_command(Connection& conn, const protocol::SendCommand& request);
  void on_resync(Connection& conn);
  bool deliver(Room& room, MatchHost::Outcome& outcome);
  void refresh_viewers(Room& room);
  Viewer viewer_of(const Room& room, const Connection& conn) const;
  void send_snapshot(Room& room, Connection& conn);
  void after_accepted(Room& room, const Command& command, const Actor& actor);
  void tick(TimeMs now);
  void tick_room(Room& room, TimeMs now, TimeMs elapsed);
  void send_hashes(Room& room);
  void start_quick_match_if_ready(Room& room, TimeMs now);
  void on_member_dropped(Room& room, ParticipantId participant);
  // room_bots.cpp
  void fill_seats_with_bots(Room& room);
  void run_room_bots(Room& room);  // at the room engine's clock (tick_room moved it)
  std::optional<BotDuty> bot_duty(const Room& room, SeatIndex seat) const;
  void hand_back(Room& room, SeatIndex seat, const engine::SeatBot& caretaker);
  // A new match for a room (created, rematched, reloaded): the engine at the server's clock.
  std::unique_ptr<engine::RoomEngine> room_engine(MatchHost host) const;
  // server_store.cpp: what the store keeps of a room beyond its log, restart, lifecycle
  void rollback(Room& room);
  RoomRecord record_of(const Room& room) const;
  // The room in memory, or a finished (or abandoned) one loaded again from the store for its
  // debrief; rooms_.end() if there is none to serve.
  std::map<std::string, Room>::iterator find_room(const std::string& code);
  bool load_room(const std::string& code, std::string* problem);
  bool stage_turn(TimeMs now);
  void close_room(Room& room, RoomStatus status, const std::string& why);
  void run_lifecycle(TimeMs now);
  Room* facilitated_room(Connection& conn, const char* what);
  void on_rematch(Connection& conn);
  void on_delete_room(Connection& conn, const protocol::DeleteRoom& request);

  ServerConfig config_;
  std::shared_ptr<RoomFactory> factory_;
  std::shared_ptr<RoomStore> store_;
  Clock clock_;
  PasswordWorker passwords_;
  std::unique_ptr<DiscoveryResponder> discovery_;
  _ENetHost* host_ = nullptr;
  std::uint16_t port_ = 0;
  ConnId next_conn_ = 1;
  std::map<ConnId, Connection> connections_;
  std::map<std::uint32_t, std::uint32_t> peers_per_address_;
  std::optional<net::KeyPair> identity_;
  std::string identity_hex_;  // its public key as LAN discovery answers carry it
  // Key exchanges per address: each costs three X25519 operations, so a flood of them from one
  // address is turned away before it can starve the rooms. Idle entries are pruned.
  std::map<std::uint32_t, TokenBucket> handshakes_per_address_;
  PasswordLockout lockout_;
  std::uint64_t refused_packets_ = 0;
  std::uint64_t connections_turned_away_ = 0;
  std::map<std::string, Room> rooms_;
  TimeMs last_tick_ = 0;
  TimeMs clock_offset_ = 0;  // added to the clock source: a restart resumes the rooms' clock
  TimeMs last_clock_record_ = 0;
  TimeMs last_lifecycle_ = 0;
  std::optional<TimeMs> last_purge_at_;
  static constexpr TimeMs kPurgeIntervalMs = 3600 * 1000;
  std::vector<std::string> unload_after_commit_;  // closed this turn: leave memory once saved
  bool store_dirty_ = false;  // staged for a room no longer in memory (deleted): commit anyway
  std::vector<std::string> quarantined_;
  std::uint64_t commands_received_ = 0;  // for test_refuse_every_nth_command

  struct PendingPassword {
    ConnId conn = 0;
    bool create = false;
    protocol::CreateRoom request;  // create: the request (passwords wiped)
    RoomSpec spec;                 // create: the room to make once hashed
    std::string code;              // login: the room
  };
  std::map<std::uint64_t, PendingPassword> pending_passwords_;

  struct Outgoing {
    ConnId conn = 0;
    std::shared_ptr<const Bytes> bytes;
    std::string room;    // dropped if this room's events fail to commit
    bool plain = false;  // the key exchange's reply (and refusals before it): not sealed
  };
  std::vector<Outgoing> outbox_;

  // server_admin.cpp: the admin endpoint's snapshots
  void publish_admin(bool now);
  std::unique_ptr<AdminHttp> admin_;
  std::int64_t admin_published_ms_ = 0;
  bool serving_ = false;
  bool commits_ok_ = true;
  ServerCounters counters_;

  // Latency figures.
  using Steady = std::chrono::steady_clock;
  Steady::time_point turn_began_{}, turn_handled_at_{}, turn_ticked_at_{}, turn_staged_at_{},
      turn_committed_at_{};
  int turn_events_ = 0;
  std::size_t turn_sent_messages_ = 0;
  Steady::time_point figures_since_ = Steady::now();
  std::vector<Steady::time_point> turn_commands_;  // when this turn's commands were read
  struct LatencySamples {
    std::vector<std::uint32_t> values;  // microseconds
    std::size_t next = 0;               // once full, the oldest is replaced
    void add(std::uint32_t micros);
  };
  LatencySamples command_us_, turn_us_;
  void record_turn_latency();
};

}  // namespace accord::server
