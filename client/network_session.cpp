#include "network_session.hpp"

#include <algorithm>
#include <chrono>
#include <map>

#include "net/client.hpp"

namespace accord::client {
namespace {

namespace pm = protocol;
using Clock = std::chrono::steady_clock;

constexpr int kServiceMs = 10;  // the network thread's wait for input per turn
constexpr auto kPingEvery = std::chrono::seconds(2);
constexpr int kConnectTimeoutMs = 3000;
constexpr int kRoomTimeoutMs = 15000;      // creating a room hashes its password (Argon2id)
constexpr int kMaxReconnectAttempts = 30;  // about five minutes with the back-off below

// Why a client did not get into a room, in a sentence.
std::string why_not(const net::Client& client) {
  if (client.version_mismatch) return client.version_mismatch->text;
  if (!client.errors.empty()) return client.errors.back().text;
  if (client.bye) return client.bye->text;
  if (!client.last_problem().empty()) return client.last_problem();
  return "The server did not answer.";
}

// Per-client bookkeeping of what has been handed to the UI already.
struct Seen {
  std::uint32_t rejected_up_to = 0;
  std::size_t errors = 0;
  std::size_t reports = 0;
  std::uint64_t items = 0;
  std::uint64_t snapshots = 0;
};

}  // namespace

std::optional<ServerAddress> parse_server_address(std::string_view text,
                                                  std::uint16_t default_port) {
  while (!text.empty() && text.front() == ' ')
    text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ')
    text.remove_suffix(1);
  std::string pin;
  if (const auto hash = text.find('#'); hash != std::string_view::npos) {
    pin = std::string(text.substr(hash + 1));
    text = text.substr(0, hash);
    if (pin.empty()) return std::nullopt;
  }
  if (text.empty()) return std::nullopt;
  ServerAddress address{std::string(text), default_port, pin};
  std::string_view port;
  if (text.front() == '[') {  // [v6]:port
    const auto close = text.find(']');
    if (close == std::string_view::npos) return std::nullopt;
    address.host = std::string(text.substr(1, close - 1));
    if (close + 1 < text.size()) {
      if (text[close + 1] != ':') return std::nullopt;
      port = text.substr(close + 2);
    }
  } else if (const auto colon = text.rfind(':');
             colon != std::string_view::npos && text.find(':') == colon) {
    address.host = std::string(text.substr(0, colon));
    port = text.substr(colon + 1);
  }
  if (address.host.empty()) return std::nullopt;
  if (!port.empty() || (text.back() == ':')) {
    unsigned value = 0;
    if (port.empty() || port.size() > 5) return std::nullopt;
    for (const char c : port) {
      if (c < '0' || c > '9') return std::nullopt;
      value = value * 10 + static_cast<unsigned>(c - '0');
    }
    if (value == 0 || value > 65535) return std::nullopt;
    address.port = static_cast<std::uint16_t>(value);
  }
  return address;
}

std::string NetworkSession::server_key_hex() const {
  return ui_.server_key;
}

std::string NetworkSession::server_fingerprint() const {
  const auto key = net::key_from_hex(server_key_hex());
  return key ? net::fingerprint(*key) : std::string();
}

NetworkSession::NetworkSession(NetworkPlan plan, std::function<void()> wake)
    : plan_(std::move(plan)), wake_(std::move(wake)) {
  thread_ = std::thread([this] { run(); });
}

NetworkSession::~NetworkSession() {
  stop_.store(true);
  if (thread_.joinable()) thread_.join();
}

void NetworkSession::post(const Command& command) {
  std::lock_guard lock(mutex_);
  outbox_.push_back(Outgoing{false, command});
}

bool NetworkSession::can_facilitate() const {
  return ui_.facilitator;
}

const MatchSettings* NetworkSession::facilitator_settings() const {
  if (ui_.facilitator_settings) return ui_.facilitator_settings.get();
  return ui_.facilitator ? &ui_.view->settings : nullptr;
}

void NetworkSession::post_facilitator(const Command& command) {
  std::lock_guard lock(mutex_);
  outbox_.push_back(Outgoing{true, command});
}

void NetworkSession::rematch() {
  std::lock_guard lock(mutex_);
  room_requests_.emplace_back(pm::Rematch{});
}

void NetworkSession::delete_room() {
  std::lock_guard lock(mutex_);
  room_requests_.emplace_back(pm::DeleteRoom{shared_.code});
}

bool NetworkSession::poll(double /*real_ms*/) {
  std::lock_guard lock(mutex_);
  own_recording_.take(own_steps_);
  public_recording_.take(public_steps_);
  if (version_ == seen_version_) return false;
  seen_version_ = version_;
  ui_ = shared_;
  if (!rejections_.empty()) rejection_ = rejections_.back();
  rejections_.clear();
  for (auto& line : reports_)
    report_.push_back(std::move(line));
  reports_.clear();
  return true;
}

const ReplayRecording* NetworkSession::public_recording() const {
  if (ui_.public_is_main) return &own_recording_;
  return ui_.public_view ? &public_recording_ : nullptr;
}

TimeMs NetworkSession::now() const {
  if (ui_.room_clock_heard == Clock::time_point{}) return ui_.room_clock;
  const double elapsed =
      std::chrono::duration<double, std::milli>(Clock::now() - ui_.room_clock_heard).count();
  return ui_.room_clock + static_cast<TimeMs>(elapsed * plan_.time_scale);
}

double NetworkSession::real_ms_until_next_event() const {
  // A running phase's timer shows seconds; anything else arrives with a wake-up from the
  // network thread, so a lobby or a debrief need no ticking.
  const Phase phase = ui_.view->phase;
  if (phase == Phase::lobby || phase == Phase::debrief || ui_.view->paused_at) return 5000.0;
  return 1000.0 / std::max(1.0, plan_.time_scale);
}

std::string NetworkSession::room_content() const {
  std::lock_guard lock(mutex_);
  const auto it = contents_.find(shared_.content_hash);
  return it == contents_.end() ? std::string() : it->second;
}

SavedSeat NetworkSession::saved_seat() const {
  std::lock_guard lock(mutex_);
  if (!shared_.in_room || shared_.token.empty()) return {};
  return SavedSeat{plan_.host, plan_.port, shared_.code, shared_.token};
}

void NetworkSession::publish(const std::function<void(Shared&)>& change) {
  {
    std::lock_guard lock(mutex_);
    change(shared_);
    ++version_;
  }
  if (wake_) wake_();
}

void NetworkSession::run() {
  using Kind = NetworkPlan::Kind;
  net::Client main;
  std::unique_ptr<net::Client> facilitator, projector;
  std::map<const net::Client*, Seen> seen;
  // Every client keeps what it applied, for the replay (the UI takes it in poll()).
  const auto record = [this](net::Client& client, std::vector<ReplayRecording::Step>& steps) {
    client.on_snapshot = [this, &steps](const Snapshot& snapshot) {
      std::lock_guard lock(mutex_);
      steps.emplace_back(snapshot);
    };
    client.on_item_applied = [this, &steps](const StreamItem& item) {
      std::lock_guard lock(mutex_);
      steps.emplace_back(item);
    };
  };
  record(main, own_steps_);
  // Every connection of the session pins the server's key: the plan's pin, or else the key the
  // first connection heard (reconnections and the side connections then insist on it).
  std::string pin = plan_.server_pin;
  main.set_server_pin(pin);
  const auto learn_key = [&](const net::Client& client) {
    if (!client.server_key()) return;
    const std::string key = net::key_hex(*client.server_key());
    if (pin.empty()) {
      pin = key;
      main.set_server_pin(pin);
    }
    publish([&](Shared& s) { s.server_key = key; });
  };

  const auto lost = [&](const std::string& why) {
    publish([&](Shared& s) {
      s.state = ConnectionState::lost;
      s.problem = why;
    });
  };
  const auto wait_in_room = [&](net::Client& client, int timeout_ms) {
    const auto errors = client.errors.size();
    net::Client* one = &client;
    net::pump_until(
        std::span<net::Client* const>(&one, 1),
        [&] {
          return client.in_room() || client.errors.size() > errors || client.bye ||
                 !client.connected() || stop_.load();
        },
        timeout_ms);
    return client.in_room();
  };
  const auto connect = [&](net::Client& client) {
    client.set_server_pin(pin);
    if (client.connect(plan_.host, plan_.port, kConnectTimeoutMs)) {
      learn_key(client);
      return true;
    }
    lost(plan_.host + ":" + std::to_string(plan_.port) + ": " + why_not(client));
    return false;
  };
  const auto join = [&](net::Client& client, const std::string& code, const std::string& name,
                        pm::ClientRole role, const std::string& password) {
    if (!connect(client)) return false;
    client.join_room(pm::JoinRoom{code, name, role, password, ""});
    if (wait_in_room(client, kRoomTimeoutMs)) return true;
    lost(why_not(client));
    return false;
  };

  // ---- into the room
  bool ok = false;
  switch (plan_.kind) {
    case Kind::join:
      ok = join(main, plan_.code, plan_.name, plan_.role, plan_.room_password);
      break;
    case Kind::rejoin:
      ok = main.rejoin(plan_.host, plan_.port, plan_.code, plan_.token, kConnectTimeoutMs);
      if (ok) learn_key(main);
      if (!ok) lost(why_not(main));
      break;
    case Kind::quick_match:
      ok = connect(main);
      if (ok) {
        main.quick_match(plan_.scenario, plan_.name);
        ok = wait_in_room(main, kRoomTimeoutMs);
        if (!ok) lost(why_not(main));
      }
      break;
    case Kind::host:
    case Kind::solo: {
      net::Client& runner =
          plan_.kind == Kind::host ? main : *(facilitator = std::make_unique<net::Client>());
      if (!connect(runner)) break;
      runner.create_room(plan_.create);
      if (!wait_in_room(runner, kRoomTimeoutMs)) {
        lost(why_not(runner));
        break;
      }
      const std::string code = runner.room_code();
      ok = true;
      if (plan_.kind == Kind::solo) {
        main.content_cache = runner.content_cache;  // no need to send the content twice
        ok = join(main, code, plan_.name, pm::ClientRole::player, plan_.create.room_password);
        if (ok) {
          const auto& seats = runner.view().settings.seats;
          const auto it = std::find_if(seats.begin(), seats.end(),
                                       [&](const SeatSetup& s) { return s.state == plan_.state; });
          const auto seat = static_cast<SeatIndex>(it == seats.end() ? 0 : it - seats.begin());
          const auto id = main.send_command(TakeSeat{seat});
          net::Client* both[] = {&main, facilitator.get()};
          net::pump_until(both, [&] {
            return main.accepted.count(id) > 0 || main.rejected.count(id) > 0 || stop_.load();
          });
          if (plan_.start_now) facilitator->send_command(StartMatch{});
        }
      }
      // The classroom screen's public view.
      if (ok) {
        projector = std::make_unique<net::Client>();
        record(*projector, public_steps_);
        projector->content_cache = runner.content_cache;
        projector->set_server_pin(pin);
        if (!projector->connect(plan_.host, plan_.port, kConnectTimeoutMs)) {
          projector.reset();
        } else {
          projector->join_room(pm::JoinRoom{code, "", pm::ClientRole::projector, "", ""});
          if (!wait_in_room(*projector, kRoomTimeoutMs)) projector.reset();
        }
      }
      break;
    }
  }
  if (!ok) return;

  // ---- in the room
  const auto snapshot_state = [&](Shared& s) {
    s.in_room = true;
    s.view = std::make_shared<const Match>(main.view());
    if (projector && projector->in_room())
      s.public_view = std::make_shared<const Match>(projector->view());
    else if (main.role() == pm::ClientRole::projector)
      s.public_view = s.view;
    if (facilitator && facilitator->in_room() &&
        (!s.facilitator_settings || !(*s.facilitator_settings == facilitator->view().settings)))
      s.facilitator_settings = std::make_shared<const MatchSettings>(facilitator->view().settings);
    s.public_is_main =
        !(projector && projector->in_room()) && main.role() == pm::ClientRole::projector;
    s.seat =
        main.viewer().kind == ViewerKind::seat ? std::optional(main.viewer().seat) : std::nullopt;
    s.participant = main.participant().value_or(kNoParticipant);
    s.facilitator = main.role() == pm::ClientRole::facilitator || facilitator != nullptr;
    s.scenario = main.room_scenario();
    s.code = main.room_code();
    s.token = main.reconnect_token();
    s.content_hash = main.room_content_hash();
    s.room_clock = main.room_clock;
    s.room_clock_heard = main.room_clock_heard;
  };
  {
    std::lock_guard lock(mutex_);
    contents_.insert(main.content_cache.begin(), main.content_cache.end());
  }
  publish([&](Shared& s) {
    snapshot_state(s);
    s.state = ConnectionState::connected;
    s.attempt = 0;
    s.problem.clear();
  });

  auto last_ping = Clock::now() - kPingEvery;
  auto next_side_retry = Clock::now();
  std::uint32_t nonce = 0;
  while (!stop_.load()) {
    std::vector<Outgoing> outgoing;
    std::vector<pm::ClientMessage> requests;
    {
      std::lock_guard lock(mutex_);
      outgoing.swap(outbox_);
      requests.swap(room_requests_);
    }
    for (const auto& request : requests)
      (facilitator ? *facilitator : main).send(request);
    for (const auto& item : outgoing) {
      net::Client& to = item.as_facilitator && facilitator ? *facilitator : main;
      to.send_command(item.command);
    }
    main.service(kServiceMs);
    if (facilitator) facilitator->service(0);
    if (projector) projector->service(0);
    if (drop_requested_.exchange(false)) main.drop();
    if (Clock::now() - last_ping >= kPingEvery) {
      main.ping(++nonce);
      last_ping = Clock::now();
    }

    // What the server said since the last turn.
    bool changed = false;
    std::vector<Rejection> rejections;
    std::vector<std::string> reports;
    for (net::Client* client : {&main, facilitator.get(), projector.get()}) {
      if (client == nullptr) continue;
      Seen& s = seen[client];
      for (auto it = client->rejected.upper_bound(s.rejected_up_to); it != client->rejected.end();
           ++it) {
        rejections.push_back(Rejection{it->second.code, it->second.field, it->second.message});
        s.rejected_up_to = it->first;
      }
      for (; s.errors < client->errors.size(); ++s.errors) {
        const auto& e = client->errors[s.errors];
        rejections.push_back(Rejection{RejectCode::not_allowed, e.field, e.text});
      }
      for (; s.reports < client->caretaker_reports.size(); ++s.reports) {
        const auto& actions = client->caretaker_reports[s.reports].actions;
        reports.insert(reports.end(), actions.begin(), actions.end());
        if (actions.empty()) reports.emplace_back();  // held the seat, did nothing
      }
      if (client->items_applied != s.items || client->snapshots != s.snapshots) changed = true;
      s.items = client->items_applied;
      s.snapshots = client->snapshots;
    }
    if (!rejections.empty() || !reports.empty()) {
      std::lock_guard lock(mutex_);
      rejections_.insert(rejections_.end(), rejections.begin(), rejections.end());
      reports_.insert(reports_.end(), reports.begin(), reports.end());
      changed = true;
    }
    // A Pong alone changes nothing on screen: the clock rides along with the next change.
    if (changed && main.in_room()) publish(snapshot_state);

    // The facilitator and projector connections may notice a drop after the main one came
    // back (their events are read a turn later): bring them back too, every few seconds.
    if (main.connected() && Clock::now() >= next_side_retry) {
      bool rejoined = false;
      for (auto* other : {facilitator.get(), projector.get()}) {
        if (other == nullptr || other->connected() || other->reconnect_token().empty()) continue;
        rejoined = other->reconnect(plan_.host, plan_.port, kConnectTimeoutMs) || rejoined;
        seen[other].errors = other->errors.size();  // a failed try is not the player's concern
        next_side_retry = Clock::now() + std::chrono::seconds(2);
      }
      if (rejoined) publish(snapshot_state);
    }
    if (main.connected() || stop_.load()) continue;

    // ---- the connection dropped: come back with the token, by ourselves.
    if (main.bye && (main.bye->reason == pm::ByeReason::removed ||
                     main.bye->reason == pm::ByeReason::room_deleted)) {
      lost(main.bye->text);
      break;
    }
    bool back = false;
    for (int attempt = 1; attempt <= kMaxReconnectAttempts && !stop_.load() && !back; ++attempt) {
      publish([&](Shared& s) {
        s.state = ConnectionState::reconnecting;
        s.attempt = attempt;
      });
      const auto pause = std::chrono::milliseconds(std::min(500 << std::min(attempt - 1, 4), 8000));
      for (auto until = Clock::now() + pause; Clock::now() < until && !stop_.load();)
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
      if (stop_.load()) break;
      back = main.reconnect(plan_.host, plan_.port, kConnectTimeoutMs);
      if (!back && !main.errors.empty() && main.errors.back().code == pm::ErrorCode::token_revoked)
        break;
      if (!back && main.key_mismatch) break;  // another server answers there now: stop
    }
    if (!back) {
      if (!stop_.load()) lost(why_not(main));
      break;
    }
    for (auto* other : {facilitator.get(), projector.get()})
      if (other != nullptr && !other->connected())
        other->reconnect(plan_.host, plan_.port, kConnectTimeoutMs);
    // The failed attempts' errors are not the player's concern any more.
    for (auto* client : {&main, facilitator.get(), projector.get()})
      if (client != nullptr) seen[client].errors = client->errors.size();
    publish([&](Shared& s) {
      snapshot_state(s);
      s.state = ConnectionState::connected;
      s.attempt = 0;
      s.problem.clear();
    });
  }
  // What the player did last (leaving the lobby, say) still goes out before the goodbye.
  {
    std::lock_guard lock(mutex_);
    for (const auto& item : outbox_)
      (item.as_facilitator && facilitator ? *facilitator : main).send_command(item.command);
    outbox_.clear();
  }
  for (auto* client : {&main, facilitator.get(), projector.get()})
    if (client != nullptr) client->disconnect(200);
}

}  // namespace accord::client
