#include "net/client.hpp"

#include <algorithm>
#include <chrono>
#include <thread>

#include "net/enet_support.hpp"
#include "protocol/codec.hpp"

namespace accord::net {

namespace pm = protocol;

struct Client::Enet {
  ENetHost* host = nullptr;
  ENetPeer* peer = nullptr;
  bool owns_host = true;  // false: a ClientPool's host, shared with other clients
  bool connected = false;
  bool hello_sent = false;
  std::optional<ClientHandshake> handshake;  // from the connect to the server's reply
  std::optional<SecureChannel> channel;      // after it
  ~Enet() {
    if (owns_host && host != nullptr) enet_host_destroy(host);
  }
};

Client::Client(ClientOptions options) : options_(std::move(options)) {}

Client::~Client() {
  drop();
}

bool Client::connected() const {
  return enet_ && enet_->connected;
}

bool Client::encrypted() const {
  return enet_ && enet_->channel.has_value();
}

// Refused sealed packets after which the client gives up on the connection: one could be a
// fluke of a broken middlebox, several are an attack or a broken server.
constexpr std::uint64_t kMaxRefusedPackets = 3;

void Client::reset_for_connect() {
  drop();
  welcomed_ = false;
  bye.reset();
  version_mismatch.reset();
  key_mismatch.reset();
  server_key_.reset();
  last_problem_.clear();
  refused_for_connection_rate_ = false;
}

bool Client::open_peer(ENetHost* host, bool owns_host, const std::string& address_text,
                       std::uint16_t port) {
  enet_ = std::make_unique<Enet>();
  enet_->host = host;
  enet_->owns_host = owns_host;
  ENetAddress address{};
  if (enet_address_set_host(&address, address_text.c_str()) != 0) {
    last_problem_ = "unknown host " + address_text;
    enet_.reset();
    return false;
  }
  address.port = port;
  enet_->peer = enet_host_connect(enet_->host, &address, kChannelCount, 0);
  if (enet_->peer == nullptr) {
    last_problem_ = "could not connect";
    enet_.reset();
    return false;
  }
  enet_->peer->data = this;
  return true;
}

bool Client::connect(const std::string& host, std::uint16_t port, int timeout_ms) {
  reset_for_connect();
  if (!ensure_enet()) {
    last_problem_ = "ENet could not start";
    return false;
  }
  ENetHost* own = enet_host_create(nullptr, 1, kChannelCount, 0, 0);
  if (own == nullptr) {
    last_problem_ = "could not open a socket";
    return false;
  }
  own->maximumPacketSize = pm::kMaxServerMessageBytes + 1024;
  if (!open_peer(own, true, host, port)) {
    enet_host_destroy(own);
    return false;
  }
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  while (std::chrono::steady_clock::now() < deadline && !welcomed_ && enet_) {
    service(10);
    if (version_mismatch || bye || key_mismatch) break;
    if (!options_.send_hello && enet_ && enet_->connected && (encrypted() || !options_.encrypt))
      return true;
  }
  if (!welcomed_) {
    if (version_mismatch)
      last_problem_ = version_mismatch->text;
    else if (last_problem_.empty())
      last_problem_ = "no answer from " + host + ":" + std::to_string(port);
    return false;
  }
  last_problem_.clear();
  return true;
}

void Client::say_hello() {
  enet_->hello_sent = true;
  pm::Hello hello;
  hello.protocol_version = options_.protocol_version;
  hello.client_version = options_.client_version;
  for (const auto& [content_hash, content] : content_cache) {
    if (hello.content_hashes.size() < 32) hello.content_hashes.push_back(content_hash);
  }
  send(hello);
}

void Client::drop() {
  if (!enet_) return;
  if (enet_->peer != nullptr) {
    enet_->peer->data = nullptr;  // a pool's later events for this peer go nowhere
    if (enet_->connected || !enet_->owns_host) enet_peer_reset(enet_->peer);
  }
  enet_.reset();
}

void Client::disconnect(int timeout_ms) {
  if (!enet_ || !enet_->connected) {
    drop();
    return;
  }
  if (!enet_->owns_host) {  // pooled: the goodbye leaves with the pool's next flush
    enet_->peer->data = nullptr;
    enet_peer_disconnect_later(enet_->peer, 0);
    enet_.reset();
    return;
  }
  enet_peer_disconnect(enet_->peer, 0);
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  while (enet_ && enet_->connected && std::chrono::steady_clock::now() < deadline)
    service(10);
  drop();
}

void Client::send(const pm::ClientMessage& message) {
  send_raw(pm::encode(message));
}

void Client::send_raw(std::span<const std::uint8_t> bytes) {
  if (!enet_ || !enet_->connected) return;
  if (enet_->channel)
    send_bytes(enet_->peer, enet_->channel->seal(bytes));
  else
    send_bytes(enet_->peer, bytes);
  if (enet_->owns_host) enet_host_flush(enet_->host);  // a pool flushes once per turn
}

void Client::facilitator_login(const std::string& code, const std::string& password) {
  send(pm::FacilitatorLogin{code, password});
}

void Client::quick_match(const std::string& scenario, const std::string& name) {
  send(pm::QuickMatch{scenario, name});
}

std::uint32_t Client::send_command(const Command& command) {
  const std::uint32_t id = next_request_++;
  send(pm::SendCommand{id, view_seq(), command});
  return id;
}

void Client::request_resync() {
  awaiting_snapshot_ = true;
  send(pm::RequestResync{});
}

bool Client::reconnect(const std::string& host, std::uint16_t port, int timeout_ms) {
  const std::string code = room_code_;
  const std::string token = token_;
  return rejoin(host, port, code, token, timeout_ms);
}

bool Client::rejoin(const std::string& host, std::uint16_t port, const std::string& code,
                    const std::string& token, int timeout_ms) {
  if (token.empty() || !connect(host, port, timeout_ms)) return false;
  view_.reset();
  pm::JoinRoom join;
  join.code = code;
  join.reconnect_token = token;
  send(join);
  Client* self = this;
  const auto errors_before = errors.size();
  return pump_until(
             std::span<Client* const>(&self, 1),
             [&] { return in_room() || errors.size() > errors_before || bye.has_value(); },
             timeout_ms) &&
         in_room();
}

void Client::service(int timeout_ms) {
  if (!enet_ || !enet_->owns_host) return;  // a pooled client hears through its pool
  ENetEvent event;
  int wait = timeout_ms;
  while (enet_ && enet_host_service(enet_->host, &event, static_cast<enet_uint32>(wait)) > 0) {
    wait = 0;
    on_event(event);
  }
}

void Client::on_event(ENetEvent& event) {
  switch (event.type) {
    case ENET_EVENT_TYPE_CONNECT:
      if (!enet_) return;
      enet_->connected = true;
      if (options_.encrypt) {
        // The key exchange goes first; Hello follows, sealed, once the server has answered.
        enet_->handshake.emplace();
        send_bytes(enet_->peer, enet_->handshake->init_packet());
        if (enet_->owns_host) enet_host_flush(enet_->host);
      } else if (options_.send_hello && !enet_->hello_sent) {
        say_hello();
      }
      break;
    case ENET_EVENT_TYPE_DISCONNECT:
      if (!enet_) return;
      enet_->connected = false;
      refused_for_connection_rate_ = event.data == kDisconnectHandshakeRate;
      if (last_problem_.empty())
        last_problem_ = event.data == kDisconnectHandshakeRate
                            ? "the server is busy with many connections from your address: "
                              "try again in a few seconds"
                            : "disconnected by the server";
      event.peer->data = nullptr;  // ENet has let go of the peer: nothing more is ours
      enet_->peer = nullptr;
      enet_.reset();
      return;
    case ENET_EVENT_TYPE_RECEIVE: {
      last_message_bytes = event.packet->dataLength;
      bytes_received += event.packet->dataLength;
      const Bytes packet(event.packet->data, event.packet->data + event.packet->dataLength);
      enet_packet_destroy(event.packet);
      if (!enet_) return;
      if (enet_->handshake) {
        on_handshake_reply(packet);
      } else if (enet_->channel) {
        const auto opened = enet_->channel->open(packet);
        if (!opened) {
          ++refused_packets;
          if (enet_->channel->refused() >= kMaxRefusedPackets) {
            last_problem_ = "the connection was tampered with (" +
                            describe(enet_->channel->last_refusal()) +
                            "): it was closed; connect again";
            drop();
          }
          break;
        }
        receive_plaintext(*opened);
      } else {
        receive_plaintext(packet);
      }
      break;
    }
    case ENET_EVENT_TYPE_NONE:
      break;
  }
}

void Client::receive_plaintext(std::span<const std::uint8_t> bytes) {
  auto decoded = pm::decode_server_message(bytes);
  if (!decoded) {
    last_problem_ = "bad message from the server: " + decoded.error.describe();
    return;
  }
  handle(std::move(*decoded.value));
}

void Client::on_handshake_reply(std::span<const std::uint8_t> reply) {
  const auto key = ClientHandshake::server_key_of(reply);
  if (!key) {
    auto decoded = pm::decode_server_message(reply);
    if (!decoded) {
      last_problem_ = "the server's answer to the key exchange is not one";
      drop();
      return;
    }
    // A server of protocol 5 or earlier speaks in clear and calls the exchange a bad message.
    if (const auto* error = std::get_if<pm::Error>(&*decoded.value);
        error != nullptr && error->code == pm::ErrorCode::bad_message) {
      last_problem_ =
          "the server does not encrypt its connections: it runs an older version of Cyber "
          "Accord (protocol 5 or earlier)";
      drop();
      return;
    }
    // A refusal before the exchange (too many connections from this address): it says why.
    handle(std::move(*decoded.value));
    return;
  }
  const ClientHandshake handshake = std::move(*enet_->handshake);
  enet_->handshake.reset();
  server_key_ = *key;
  if (!options_.server_pin.empty() && !pin_matches(options_.server_pin, *key)) {
    const auto pinned = key_from_hex(options_.server_pin);
    key_mismatch =
        KeyMismatch{pinned ? fingerprint(*pinned) : options_.server_pin, fingerprint(*key)};
    last_problem_ = "the server presented the key " + key_mismatch->presented +
                    ", but this computer knows it by the key " + key_mismatch->expected +
                    ". If its host made a new key (a reinstalled server), forget the old one "
                    "(in the game: Settings, Server keys) and connect again; if not, someone "
                    "may be intercepting the connection: do not connect";
    drop();
    return;
  }
  const auto keys = handshake.finish(reply);
  if (!keys) {
    last_problem_ = "the server's key exchange is invalid";
    drop();
    return;
  }
  enet_->channel.emplace(*keys, SecureChannel::Side::client);
  if (options_.send_hello && !enet_->hello_sent) say_hello();
}

// ---------------------------------------------------------------- ClientPool

struct ClientPool::Hosts {
  std::size_t per_host = 1000;
  std::vector<ENetHost*> hosts;
  std::vector<std::size_t> used;
};

ClientPool::ClientPool(int peers_per_host) : hosts_(std::make_unique<Hosts>()) {
  hosts_->per_host = static_cast<std::size_t>(std::clamp(peers_per_host, 1, 4095));
}

ClientPool::~ClientPool() {
  for (auto* host : hosts_->hosts)
    enet_host_destroy(host);
}

bool ClientPool::connect(Client& client, const std::string& host, std::uint16_t port) {
  client.reset_for_connect();
  if (!ensure_enet()) {
    client.last_problem_ = "ENet could not start";
    return false;
  }
  Hosts& h = *hosts_;
  if (h.hosts.empty() || h.used.back() >= h.per_host) {
    ENetHost* created = enet_host_create(nullptr, h.per_host, kChannelCount, 0, 0);
    if (created == nullptr) {
      client.last_problem_ = "could not open a socket";
      return false;
    }
    created->maximumPacketSize = pm::kMaxServerMessageBytes + 1024;
    enlarge_socket_buffers(created);
    h.hosts.push_back(created);
    h.used.push_back(0);
  }
  if (!client.open_peer(h.hosts.back(), false, host, port)) return false;
  ++h.used.back();
  return true;
}

bool ClientPool::service() {
  bool any = false;
  ENetEvent event;
  for (auto* host : hosts_->hosts)
    while (enet_host_service(host, &event, 0) > 0) {
      any = true;
      auto* client = event.peer != nullptr ? static_cast<Client*>(event.peer->data) : nullptr;
      if (client != nullptr) {
        client->on_event(event);
      } else if (event.type == ENET_EVENT_TYPE_RECEIVE) {
        enet_packet_destroy(event.packet);  // for a client that has gone
      }
    }
  return any;
}

void ClientPool::flush() {
  for (auto* host : hosts_->hosts)
    enet_host_flush(host);
}

void Client::tamper_view_for_test() {
  if (!view_) return;
  Match drifted = view_->view();
  drifted.round += 7;
  view_->resync(accord::Snapshot{view_->view_seq(), std::move(drifted)});
}

void Client::hear_room_clock(TimeMs room_now) {
  room_clock = room_now;
  room_clock_heard = std::chrono::steady_clock::now();
}

void Client::adopt_snapshot(const pm::ViewerInfo& viewer, Seq view_seq, Match view) {
  viewer_ = viewer.viewer();
  Snapshot snapshot{view_seq, std::move(view)};
  if (view_)
    view_->resync(std::move(snapshot));
  else
    view_.emplace(std::move(snapshot));
  awaiting_snapshot_ = false;
  ++snapshots;
  if (on_snapshot) on_snapshot(accord::Snapshot{view_->view_seq(), view_->view()});
}

void Client::handle(pm::ServerMessage message) {
  if (on_message) on_message(message);
  std::visit(Overloaded{
                 [&](pm::Welcome&) { welcomed_ = true; },
                 [&](pm::VersionMismatch& m) { version_mismatch = m; },
                 [&](pm::RoomCreated& m) { room_created = m; },
                 [&](pm::RoomContent& m) { content_cache[m.content_hash] = m.data; },
                 [&](pm::Joined& m) {
                   room_code_ = m.code;
                   role_ = m.role;
                   participant_ = m.participant;
                   token_ = m.reconnect_token;
                   room_scenario_ = m.scenario;
                   room_content_hash_ = m.content_hash;
                   hear_room_clock(m.room_now);
                   adopt_snapshot(m.viewer, m.view_seq, std::move(m.view));
                 },
                 [&](pm::StreamItem& m) {
                   if (!view_ || awaiting_snapshot_) return;
                   if (m.view_seq <= view_->view_seq()) return;  // already in the view
                   if (lose_next_item_) {
                     lose_next_item_ = false;
                     return;
                   }
                   if (view_->apply(m) == ClientView::Applied::gap) {
                     ++gaps;
                     request_resync();
                     return;
                   }
                   ++items_applied;
                   if (on_item_applied) on_item_applied(m);
                 },
                 [&](pm::Snapshot& m) {
                   hear_room_clock(m.room_now);
                   adopt_snapshot(m.viewer, m.view_seq, std::move(m.view));
                 },
                 [&](pm::ViewHash& m) {
                   if (!view_ || awaiting_snapshot_ || m.view_seq != view_->view_seq()) return;
                   ++hash_checks;
                   if (hash(view_->view()) != m.hash) {
                     ++hash_mismatches;
                     request_resync();
                   }
                 },
                 [&](pm::CommandAccepted& m) { accepted.insert(m.request_id); },
                 [&](pm::CommandRejected& m) { rejected[m.request_id] = m; },
                 [&](pm::Presence& m) { presence = m; },
                 [&](pm::Countdown& m) { countdown = m; },
                 [&](pm::Error& m) { errors.push_back(m); },
                 [&](pm::Bye& m) { bye = m; },
                 [&](pm::CaretakerReport& m) { caretaker_reports.push_back(std::move(m)); },
                 [&](pm::Pong& m) {
                   if (in_room()) hear_room_clock(m.room_now);
                 },
             },
             message);
}

bool pump_until(std::span<Client* const> clients, const std::function<bool()>& done,
                int timeout_ms) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  while (!done()) {
    if (std::chrono::steady_clock::now() >= deadline) return false;
    for (Client* c : clients)
      c->service(clients.size() > 1 ? 0 : 2);
    if (clients.size() > 1) {
      // Nothing to wait on across several hosts: yield briefly instead of spinning.
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
  }
  return true;
}

}  // namespace accord::net
