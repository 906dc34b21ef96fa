#include "server.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>

#include "admin_http.hpp"
#include "discovery_responder.hpp"
#include "net/enet_support.hpp"
#include "protocol/codec.hpp"
#include "secrets.hpp"

namespace accord::server {

namespace pm = protocol;

namespace {

Server::Clock steady_clock_from_now() {
  const auto start = std::chrono::steady_clock::now();
  return [start] {
    return static_cast<TimeMs>(std::chrono::duration_cast<std::chrono::milliseconds>(
                                   std::chrono::steady_clock::now() - start)
                                   .count());
  };
}

ConnId conn_id_of(ENetPeer* peer) {
  return static_cast<ConnId>(reinterpret_cast<std::uintptr_t>(peer->data));
}

}  // namespace

Server::Server(ServerConfig config, std::shared_ptr<RoomFactory> factory,
               std::shared_ptr<RoomStore> store, Clock clock)
    : config_(std::move(config)),
      factory_(std::move(factory)),
      store_(std::move(store)),
      // The offset lets a restart resume the rooms' clock where it stopped (server_store.cpp).
      clock_([this, source = clock ? std::move(clock) : steady_clock_from_now()] {
        return source() + clock_offset_;
      }),
      passwords_(config_.fast_password_hash ? PasswordStrength::minimum
                                            : PasswordStrength::interactive) {}

Server::~Server() {
  if (host_ != nullptr) {
    for (auto& [id, conn] : connections_)
      enet_peer_reset(conn.peer);
    enet_host_destroy(host_);
  }
}

bool Server::start(std::string* error) {
  const auto fail = [&](std::string why) {
    if (error) *error = std::move(why);
    return false;
  };
  restore();
  if (!net::ensure_enet()) return fail("ENet could not start");
  if (!ensure_sodium()) return fail("libsodium could not start");
  if (!identity_) {
    identity_ = net::KeyPair::generate();
    spdlog::info(
        "this server's key lasts until it stops (no key file): clients that trusted it "
        "will warn their users after a restart");
  }
  identity_hex_ = net::key_hex(identity_->public_key);
  spdlog::info("server key: {}", net::fingerprint(identity_->public_key));
  ENetAddress address{};
  if (enet_address_set_host(&address, config_.bind.c_str()) != 0)
    return fail("cannot bind to '" + config_.bind + "': not an address");
  address.port = config_.port;
  host_ = enet_host_create(&address,
                           std::min<std::size_t>(config_.max_peers, ENET_PROTOCOL_MAXIMUM_PEER_ID),
                           net::kChannelCount, 0, 0);
  if (host_ == nullptr)
    return fail("cannot listen on " + config_.bind + ":" + std::to_string(config_.port) +
                " (in use, or not allowed)");
  // maximumPacketSize limits sending too: it must fit the largest snapshot. The 4 KiB limit
  // on what clients send is checked in on_receive, before decoding.
  host_->maximumPacketSize = pm::kMaxServerMessageBytes + 1024;
  net::enlarge_socket_buffers(host_);
  // ENet's own per-address cap refuses silently: keep it above ours, which answers clearly.
  host_->duplicatePeers = std::min<std::size_t>(
      ENET_PROTOCOL_MAXIMUM_PEER_ID, std::size_t{config_.max_peers_per_address} * 2 + 16);
  ENetAddress bound{};
  enet_socket_get_address(host_->socket, &bound);
  port_ = bound.port;
  if (config_.discovery) {
    discovery_ = std::make_unique<DiscoveryResponder>();
    std::string why;
    if (!discovery_->open(config_.discovery_bind, config_.discovery_port, &why)) {
      spdlog::warn("LAN discovery is off: {}", why);
      discovery_.reset();
    }
  }
  if (config_.admin) {
    admin_ = std::make_unique<AdminHttp>();
    std::string why;
    if (!admin_->start(config_.admin_bind, config_.admin_port, &why)) {
      admin_.reset();
      return fail(why);
    }
    spdlog::info("admin endpoint: http://{}:{}/ (healthz, metrics, rooms)", config_.admin_bind,
                 admin_->port());
  }
  serving_ = true;
  publish_admin(true);
  last_tick_ = clock_();
  spdlog::info("listening on port {} (LAN discovery {})", port_,
               discovery_ ? "on port " + std::to_string(discovery_->port()) : std::string("off"));
  return true;
}

std::uint16_t Server::discovery_port() const {
  return discovery_ ? discovery_->port() : 0;
}

void Server::poll(int timeout_ms) {
  ENetEvent event;
  int handled = 0;
  int result = enet_host_service(host_, &event, static_cast<enet_uint32>(timeout_ms));
  turn_began_ = Steady::now();
  // Bounded per turn so that clocks and commits keep their pace under a flood.
  for (; result > 0 && handled < config_.max_events_per_turn;
       result = enet_host_service(host_, &event, 0)) {
    ++handled;
    switch (event.type) {
      case ENET_EVENT_TYPE_CONNECT:
        on_connect(event.peer);
        break;
      case ENET_EVENT_TYPE_DISCONNECT:
        on_disconnect(event.peer);
        break;
      case ENET_EVENT_TYPE_RECEIVE: {
        Connection* conn = connection(conn_id_of(event.peer));
        if (conn != nullptr && !conn->closing)
          on_receive(*conn, event.packet->data, event.packet->dataLength);
        enet_packet_destroy(event.packet);
        break;
      }
      case ENET_EVENT_TYPE_NONE:
        break;
    }
  }
  on_password_results();
  turn_events_ = handled;
  turn_handled_at_ = Steady::now();
  tick(clock_());
  turn_ticked_at_ = Steady::now();
  if (discovery_) {
    std::vector<pm::WaitingRoom> waiting;
    std::uint32_t private_waiting = 0;
    for (const auto& [code, room] : rooms_) {
      const Match& m = room.engine->match();
      if (m.phase != Phase::lobby) continue;
      if (!room.is_public) {
        ++private_waiting;
        continue;
      }
      std::uint32_t players = 0;
      for (const auto& p : m.participants)
        if (!p.left && !p.removed && p.role == Role::player) ++players;
      if (waiting.size() < 32)
        waiting.push_back(pm::WaitingRoom{
            code, room.scenario, static_cast<std::uint32_t>(m.seats.size()), players, room.quick});
    }
    discovery_->answer_probes(config_.server_name, identity_hex_, port_, private_waiting, waiting);
  }
  end_turn();
  publish_admin(false);
}

void Server::run(const std::atomic<bool>& stop) {
  while (!stop.load())
    poll(10);
  shutdown();
}

// The last turn has been committed: snapshot every room that moved (the next start reloads
// without replaying), commit, tell everyone, and let the goodbyes out. Nothing is accepted now.
void Server::shutdown() {
  if (host_ == nullptr) return;
  serving_ = false;
  publish_admin(true);
  for (auto& [code, room] : rooms_) {
    if (room.engine->host().last_seq() == room.snapshot_seq) continue;
    store_->stage_snapshot(code, room.engine->host().last_seq(), room.engine->match());
    room.snapshot_seq = room.engine->host().last_seq();
    room.staged = true;
  }
  for (auto& [id, conn] : connections_)
    if (!conn.closing)
      close(conn, pm::ByeReason::server_shutdown,
            "The server is restarting. Your game is saved: reconnect in a moment.");
  end_turn();
  // Let the goodbyes out (bounded); a connection attempt now is turned away.
  ENetEvent event;
  for (int i = 0; i < 20 && enet_host_service(host_, &event, 5) >= 0; ++i) {
    if (event.type == ENET_EVENT_TYPE_RECEIVE) enet_packet_destroy(event.packet);
    if (event.type == ENET_EVENT_TYPE_CONNECT && conn_id_of(event.peer) == 0)
      enet_peer_disconnect_now(event.peer, 0);
  }
  spdlog::info("every room is saved");
  if (admin_) admin_->stop();
}

const Room* Server::room(const std::string& code) const {
  const auto it = rooms_.find(code);
  return it == rooms_.end() ? nullptr : &it->second;
}

std::vector<std::string> Server::room_codes() const {
  std::vector<std::string> codes;
  for (const auto& [code, room] : rooms_)
    codes.push_back(code);
  return codes;
}

Connection* Server::connection(ConnId id) {
  const auto it = connections_.find(id);
  return it == connections_.end() ? nullptr : &it->second;
}

// ------------------------------------------------------------------ connections

void Server::on_connect(ENetPeer* peer) {
  const TimeMs now = clock_();
  const ConnId id = next_conn_++;
  peer->data = reinterpret_cast<void*>(static_cast<std::uintptr_t>(id));
  if (config_.peer_timeout_ms > 0) {
    const auto limit = static_cast<enet_uint32>(config_.peer_timeout_ms);
    enet_peer_timeout(peer, 0, limit, limit);
  }
  Connection conn;
  conn.id = id;
  conn.peer = peer;
  conn.address_host = peer->address.host;
  conn.connected_at = now;
  conn.commands = TokenBucket(config_.command_burst, config_.commands_per_second);
  conn.chat = TokenBucket(config_.chat_burst, config_.chat_per_second);
  conn.requests = TokenBucket(config_.request_burst, config_.requests_per_second);
  conn.bad = TokenBucket(config_.bad_burst, config_.bad_per_second);
  auto& count = peers_per_address_[conn.address_host];
  ++count;
  auto& stored = connections_.emplace(id, std::move(conn)).first->second;
  spdlog::debug("connection {} from {}", id, net::address_text(peer->address));
  if (count > config_.max_peers_per_address) {
    spdlog::warn("connection {} refused: more than {} connections from one address", id,
                 config_.max_peers_per_address);
    error(stored, pm::ErrorCode::too_many_peers,
          "This server accepts at most " + std::to_string(config_.max_peers_per_address) +
              " connections from one address; its host can raise --max-peers-per-address.");
    close(stored, pm::ByeReason::too_many_peers, "Too many connections from your address.");
  }
}

void Server::on_disconnect(ENetPeer* peer) {
  const ConnId id = conn_id_of(peer);
  Connection* conn = connection(id);
  if (conn == nullptr) return;
  spdlog::debug("connection {} closed", id);
  detach(*conn);
  auto it = peers_per_address_.find(conn->address_host);
  if (it != peers_per_address_.end() && --it->second == 0) peers_per_address_.erase(it);
  connections_.erase(id);
  peer->data = nullptr;
}

void Server::on_receive(Connection& conn, const std::uint8_t* data, std::size_t size) {
  const std::span<const std::uint8_t> packet(data, size);
  if (!conn.channel) {
    on_unsealed(conn, packet);
    return;
  }
  // Opened first, whatever its size: a packet refused unopened would leave the counters
  // apart, and every later packet of the connection would be refused with it.
  const auto opened = conn.channel->open(packet);
  if (!opened) {
    ++refused_packets_;
    spdlog::info("connection {}: refused {}", conn.id, net::describe(conn.channel->last_refusal()));
    if (conn.channel->refused() >= config_.max_refused_packets)
      close(conn, pm::ByeReason::tampered,
            "Packets of this connection were altered, replayed or lost on the way: it was "
            "closed. Connect again.");
    return;
  }
  // The size is checked before anything is decoded.
  if (opened->size() > pm::kMaxClientMessageBytes) {
    bad_message(conn, pm::ErrorCode::too_large,
                "A message of " + std::to_string(opened->size()) + " bytes is over the limit of " +
                    std::to_string(pm::kMaxClientMessageBytes) + ".");
    return;
  }
  on_message(conn, *opened);
}

// Before the key exchange only the exchange itself is answered, and a client of protocol 5 or
// earlier (which speaks in clear) is told to update. Nothing about a room is said in clear.
void Server::on_unsealed(Connection& conn, std::span<const std::uint8_t> packet) {
  if (net::looks_like_handshake(packet)) {
    auto& bucket =
        handshakes_per_address_
            .try_emplace(conn.address_host, config_.handshake_burst, config_.handshakes_per_second)
            .first->second;
    if (!bucket.take(clock_())) {
      spdlog::info("connection {}: too many key exchanges from its address", conn.id);
      ++connections_turned_away_;
      conn.closing = true;
      enet_peer_disconnect_later(conn.peer, net::kDisconnectHandshakeRate);
      return;
    }
    auto answered = net::answer_handshake(*identity_, packet);
    if (!answered) {
      spdlog::info("connection {}: a key exchange that is not one", conn.id);
      ++counters_.handshake_failures;
      queue_plain(conn.id, pm::Error{pm::ErrorCode::handshake_first, "/",
                                     "The key exchange packet is malformed (docs/protocol.md, "
                                     "\"Encryption\")."});
      close(conn, pm::ByeReason::too_many_bad_messages, "Malformed key exchange.");
      return;
    }
    outbox_.push_back(
        Outgoing{conn.id, std::make_shared<const Bytes>(std::move(answered->reply)), {}, true});
    conn.channel.emplace(answered->keys, net::SecureChannel::Side::server);
    return;
  }
  if (packet.size() <= pm::kMaxClientMessageBytes) {
    const auto decoded = pm::decode_client_message(packet);
    if (decoded) {
      if (const auto* hello = std::get_if<pm::Hello>(&*decoded.value);
          hello != nullptr && hello->protocol_version != pm::kProtocolVersion) {
        on_hello(conn, *hello);  // the version mismatch, which reveals nothing
        return;
      }
    }
  }
  spdlog::info("connection {}: a message before the key exchange", conn.id);
  queue_plain(conn.id, pm::Error{pm::ErrorCode::handshake_first, "/",
                                 "Start with the key exchange: every message of protocol " +
                                     std::to_string(pm::kProtocolVersion) +
                                     " is encrypted (docs/protocol.md, \"Encryption\")."});
  close(conn, pm::ByeReason::too_many_bad_messages, "Key exchange first.");
}

void Server::on_message(Connection& conn, std::span<const std::uint8_t> bytes) {
  auto decoded = pm::decode_client_message(bytes);
  if (!decoded) {
    bad_message(conn, pm::ErrorCode::bad_message, decoded.error.problem,
                decoded.error.path.empty() ? "/" : decoded.error.path);
    return;
  }
  auto& message = *decoded.value;
  if (!conn.welcomed && !std::holds_alternative<pm::Hello>(message)) {
    bad_message(conn, pm::ErrorCode::handshake_first, "Say hello first.");
    return;
  }
  const auto started = Steady::now();
  std::visit(Overloaded{
                 [&](pm::Hello& m) { on_hello(conn, m); },
                 [&](pm::CreateRoom& m) { on_create_room(conn, std::move(m)); },
                 [&](pm::JoinRoom& m) { on_join_room(conn, m); },
                 [&](pm::FacilitatorLogin& m) { on_facilitator_login(conn, std::move(m)); },
                 [&](pm::SendCommand& m) { on_send_command(conn, m); },
                 [&](pm::RequestResync&) { on_resync(conn); },
                 [&](pm::QuickMatch& m) { on_quick_match(conn, m); },
                 [&](pm::Rematch&) { on_rematch(conn); },
                 [&](pm::DeleteRoom& m) { on_delete_room(conn, m); },
                 [&](pm::Ping& m) {
                   const auto it = conn.room.empty() ? rooms_.end() : rooms_.find(conn.room);
                   queue(conn.id,
                         pm::Pong{m.nonce, it == rooms_.end() ? TimeMs{0} : room_now(it->second)});
                 },
             },
             message);
  // A slow message delays every other answer of its turn: name it (debug level).
  const auto took = std::chrono::duration<double, std::milli>(Steady::now() - started).count();
  if (took >= 3.0)
    spdlog::debug("slow message: {} {}{} took {:.1f} ms", pm::message_name(message),
                  std::holds_alternative<pm::SendCommand>(message)
                      ? name_of(std::get<pm::SendCommand>(message).command)
                      : std::string_view(),
                  conn.room.empty() ? "" : " in room " + conn.room, took);
}

// ------------------------------------------------------------------ replies

void Server::queue(ConnId conn, const pm::ServerMessage& message, const std::string& room) {
  queue_bytes(conn, std::make_shared<const Bytes>(pm::encode(message)), room);
}

void Server::queue_plain(ConnId conn, const pm::ServerMessage& message) {
  outbox_.push_back(Outgoing{conn, std::make_shared<const Bytes>(pm::encode(message)), {}, true});
}

void Server::queue_bytes(ConnId conn, std::shared_ptr<const Bytes> bytes, const std::string& room) {
  if (bytes->size() > pm::kMaxServerMessageBytes) {
    spdlog::error("a message of {} bytes for connection {} is over the limit; not sent",
                  bytes->size(), conn);
    return;
  }
  outbox_.push_back(Outgoing{conn, std::move(bytes), room});
}

void Server::error(Connection& conn, pm::ErrorCode code, std::string text, std::string field) {
  queue(conn.id, pm::Error{code, std::move(field), std::move(text)});
}

void Server::bad_message(Connection& conn, pm::ErrorCode code, std::string text,
                         std::string field) {
  spdlog::info("connection {}{}: bad message ({}) at {}", conn.id,
               conn.room.empty() ? std::string() : " in room " + conn.room, to_string(code),
               field.empty() ? "/" : field);
  error(conn, code, std::move(text), std::move(field));
  if (!conn.bad.take(clock_()))
    close(conn, pm::ByeReason::too_many_bad_messages, "Too many bad messages.");
}

void Server::close(Connection& conn, pm::ByeReason reason, std::string text) {
  if (conn.closing) return;
  queue(conn.id, pm::Bye{reason, std::move(text)});
  conn.closing = true;
}

void Server::end_turn() {
  std::set<std::string> failed;
  const TimeMs now = clock_();
  if (now - last_lifecycle_ >= config_.lifecycle_check_ms) {
    run_lifecycle(now);
    last_lifecycle_ = now;
  }
  const bool staged = stage_turn(now);
  turn_staged_at_ = Steady::now();
  if (staged) {
    const bool committed = store_->commit();
    counters_.commit_seconds.observe(
        std::chrono::duration<double>(Steady::now() - turn_staged_at_).count());
    if (!committed) {
      for (auto& [code, room] : rooms_)
        if (room.staged) failed.insert(code);
      spdlog::error("could not save the events of {} room(s): rolled back, nothing sent",
                    failed.size());
      ++counters_.commit_failures;
    }
    if (committed != commits_ok_) {
      commits_ok_ = committed;
      publish_admin(true);  // health turns at once, not at the next second
    }
  }
  for (auto& [code, room] : rooms_)
    room.staged = false;
  if (!failed.empty()) {
    std::erase_if(outbox_, [&](const Outgoing& o) { return failed.count(o.room) > 0; });
    for (const auto& code : failed)
      if (const auto it = rooms_.find(code); it != rooms_.end()) rollback(it->second);
  } else {
    for (const auto& code : unload_after_commit_)
      if (const auto it = rooms_.find(code); it != rooms_.end() && it->second.members.empty())
        rooms_.erase(it);
  }
  unload_after_commit_.clear();
  turn_committed_at_ = Steady::now();
  auto outgoing = std::move(outbox_);
  outbox_.clear();
  turn_sent_messages_ = outgoing.size();
  for (const auto& out : outgoing) {
    Connection* conn = connection(out.conn);
    if (conn == nullptr) continue;
    ++counters_.stream_messages_out;
    if (conn->channel && !out.plain) {
      auto sealed = conn->channel->seal(*out.bytes);
      counters_.stream_bytes_out += sealed.size();
      net::send_bytes(conn->peer, sealed);
    } else {
      counters_.stream_bytes_out += out.bytes->size();
      net::send_bytes(conn->peer, *out.bytes);
    }
  }
  for (auto& [id, conn] : connections_)
    if (conn.closing && conn.peer->state == ENET_PEER_STATE_CONNECTED)
      enet_peer_disconnect_later(conn.peer, 0);
  if (!outgoing.empty()) enet_host_flush(host_);
  record_turn_latency();
}

void Server::LatencySamples::add(std::uint32_t micros) {
  // The most recent kMax: a server that runs for weeks keeps 1 MiB of them, not all.
  constexpr std::size_t kMax = 1 << 18;
  if (values.size() < kMax)
    values.push_back(micros);
  else
    values[next++ % kMax] = micros;
}

void Server::record_turn_latency() {
  const auto sent = Steady::now();
  const auto micros = [&](Steady::time_point since) {
    return static_cast<std::uint32_t>(
        std::chrono::duration_cast<std::chrono::microseconds>(sent - since).count());
  };
  for (const auto read : turn_commands_)
    command_us_.add(micros(read));
  turn_commands_.clear();
  turn_us_.add(micros(turn_began_));
  // A slow turn delays every answer in it: say where its time went (debug level).
  if (micros(turn_began_) >= 20'000 && spdlog::should_log(spdlog::level::debug)) {
    const auto ms = [](Steady::time_point from, Steady::time_point to) {
      return std::chrono::duration<double, std::milli>(to - from).count();
    };
    spdlog::debug(
        "slow turn: {:.1f} ms: {} network events {:.1f} ms, clocks {:.1f} ms, lifecycle and "
        "staging {:.1f} ms, commit {:.1f} ms, sending {} messages {:.1f} ms",
        ms(turn_began_, sent), turn_events_, ms(turn_began_, turn_handled_at_),
        ms(turn_handled_at_, turn_ticked_at_), ms(turn_ticked_at_, turn_staged_at_),
        ms(turn_staged_at_, turn_committed_at_), turn_sent_messages_, ms(turn_committed_at_, sent));
  }
}

void Server::reset_latency_figures() {
  command_us_ = {};
  turn_us_ = {};
  figures_since_ = Steady::now();
}

std::string Server::latency_report() const {
  const auto summary = [](const LatencySamples& samples) {
    auto us = samples.values;
    if (us.empty()) return std::string("{\"count\":0}");
    std::sort(us.begin(), us.end());
    const auto at = [&](double p) {
      const auto i = static_cast<std::size_t>(p / 100.0 * static_cast<double>(us.size() - 1));
      return static_cast<double>(us[i]) / 1000.0;
    };
    return fmt::format(R"({{"count":{},"p50":{:.3f},"p95":{:.3f},"p99":{:.3f},"max":{:.3f}}})",
                       us.size(), at(50), at(95), at(99), at(100));
  };
  const double seconds = std::chrono::duration<double>(Steady::now() - figures_since_).count();
  return fmt::format(R"({{"seconds":{:.1f},"command_ms":{},"turn_ms":{}}})", seconds,
                     summary(command_us_), summary(turn_us_));
}

}  // namespace accord::server
