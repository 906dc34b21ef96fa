#include "net/client.hpp"

#include <chrono>
#include <thread>

#include "net/enet_support.hpp"
#include "protocol/codec.hpp"

namespace accord::net {

namespace pm = protocol;

struct Client::Enet {
  ENetHost* host = nullptr;
  ENetPeer* peer = nullptr;
  bool connected = false;
  bool hello_sent = false;
  ~Enet() {
    if (host != nullptr) enet_host_destroy(host);
  }
};

Client::Client(ClientOptions options) : options_(std::move(options)) {}

Client::~Client() {
  drop();
}

bool Client::connected() const {
  return enet_ && enet_->connected;
}

bool Client::connect(const std::string& host, std::uint16_t port, int timeout_ms) {
  drop();
  welcomed_ = false;
  bye.reset();
  version_mismatch.reset();
  last_problem_.clear();
  if (!ensure_enet()) {
    last_problem_ = "ENet could not start";
    return false;
  }
  enet_ = std::make_unique<Enet>();
  enet_->host = enet_host_create(nullptr, 1, kChannelCount, 0, 0);
  if (enet_->host == nullptr) {
    last_problem_ = "could not open a socket";
    enet_.reset();
    return false;
  }
  enet_->host->maximumPacketSize = pm::kMaxServerMessageBytes + 1024;
  ENetAddress address{};
  if (enet_address_set_host(&address, host.c_str()) != 0) {
    last_problem_ = "unknown host " + host;
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
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  while (std::chrono::steady_clock::now() < deadline && !welcomed_ && enet_) {
    service(10);
    if (enet_ && enet_->connected && !welcomed_ && !enet_->hello_sent && options_.send_hello) {
      enet_->hello_sent = true;
      pm::Hello hello;
      hello.protocol_version = options_.protocol_version;
      hello.client_version = options_.client_version;
      for (const auto& [content_hash, content] : content_cache) {
        if (hello.content_hashes.size() < 32) hello.content_hashes.push_back(content_hash);
      }
      send(hello);
    }
    if (version_mismatch || bye) break;
    if (!options_.send_hello && enet_ && enet_->connected) return true;
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

void Client::drop() {
  if (!enet_) return;
  if (enet_->peer != nullptr && enet_->connected) enet_peer_reset(enet_->peer);
  enet_.reset();
}

void Client::disconnect(int timeout_ms) {
  if (!enet_ || !enet_->connected) {
    drop();
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
  send_bytes(enet_->peer, bytes);
  enet_host_flush(enet_->host);
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
  if (!enet_) return;
  ENetEvent event;
  int wait = timeout_ms;
  while (enet_ && enet_host_service(enet_->host, &event, static_cast<enet_uint32>(wait)) > 0) {
    wait = 0;
    switch (event.type) {
      case ENET_EVENT_TYPE_CONNECT:
        enet_->connected = true;
        break;
      case ENET_EVENT_TYPE_DISCONNECT:
        enet_->connected = false;
        if (last_problem_.empty()) last_problem_ = "disconnected by the server";
        enet_.reset();
        return;
      case ENET_EVENT_TYPE_RECEIVE: {
        auto decoded = pm::decode_server_message(
            std::span<const std::uint8_t>(event.packet->data, event.packet->dataLength));
        enet_packet_destroy(event.packet);
        if (!decoded) {
          last_problem_ = "bad message from the server: " + decoded.error.describe();
          break;
        }
        handle(std::move(*decoded.value));
        break;
      }
      case ENET_EVENT_TYPE_NONE:
        break;
    }
  }
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
                   if (view_->apply(accord::StreamItem{m.view_seq, std::move(m.event)}) ==
                       ClientView::Applied::gap) {
                     ++gaps;
                     request_resync();
                     return;
                   }
                   ++items_applied;
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
