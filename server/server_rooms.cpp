// The handshake, creating and joining rooms, facilitator login, quick match, reconnect tokens
// and presence.
#include <spdlog/spdlog.h>

#include <chrono>

#include "protocol/codec.hpp"
#include "protocol/join_code.hpp"
#include "protocol/names.hpp"
#include "secrets.hpp"
#include "server.hpp"
#include "server_version.hpp"

namespace accord::server {

namespace pm = protocol;

namespace {

constexpr std::size_t kMinFacilitatorPassword = 6;
constexpr std::size_t kMaxPassword = 128;
constexpr std::size_t kMaxPendingPasswordJobs = 16;

std::optional<SeatIndex> free_seat(const Match& match) {
  for (SeatIndex s = 0; s < match.seats.size(); ++s)
    if (!match.seats[s].head) return s;  // a bot keeps a seat only until someone takes it
  return std::nullopt;
}

std::string seat_text(const Connection& conn) {
  if (conn.viewer.kind == ViewerKind::seat) return "seat " + std::to_string(conn.viewer.seat);
  return std::string(to_string(conn.role));
}

}  // namespace

void Server::on_hello(Connection& conn, const pm::Hello& hello) {
  if (conn.welcomed) {
    bad_message(conn, pm::ErrorCode::handshake_first, "Hello was already received.");
    return;
  }
  if (hello.protocol_version != pm::kProtocolVersion) {
    const bool client_older = hello.protocol_version < pm::kProtocolVersion;
    const std::string client = hello.client_version.empty()
                                   ? "protocol " + std::to_string(hello.protocol_version)
                                   : hello.client_version;
    pm::VersionMismatch mismatch;
    mismatch.server_version = kServerVersion;
    mismatch.text = "client " + client + " cannot join server " + kServerVersion + " (protocol " +
                    std::to_string(hello.protocol_version) + " vs " +
                    std::to_string(pm::kProtocolVersion) +
                    "): " + (client_older ? "update your client." : "this server needs an update.");
    spdlog::info("connection {}: protocol {} refused (server speaks {})", conn.id,
                 hello.protocol_version, pm::kProtocolVersion);
    queue(conn.id, mismatch);
    close(conn, pm::ByeReason::version_mismatch, mismatch.text);
    return;
  }
  conn.welcomed = true;
  conn.content_hashes.assign(
      hello.content_hashes.begin(),
      hello.content_hashes.begin() +
          static_cast<std::ptrdiff_t>(std::min<std::size_t>(hello.content_hashes.size(), 32)));
  queue(conn.id, pm::Welcome{pm::kProtocolVersion, kServerVersion, config_.server_name});
}

bool Server::may_request(Connection& conn) {
  if (!conn.room.empty()) {
    error(conn, pm::ErrorCode::already_in_room, "This connection is already in a room.");
    return false;
  }
  if (conn.busy) {
    error(conn, pm::ErrorCode::busy, "Your previous request is still being processed.");
    return false;
  }
  if (!conn.requests.take(clock_())) {
    error(conn, pm::ErrorCode::rate_limited, "Too many requests: wait a few seconds.");
    return false;
  }
  return true;
}

// Each password job takes ~190 ms on the one worker: a flood of logins must not make a teacher
// wait minutes to create a room.
bool Server::password_queue_full(Connection& conn) {
  if (pending_passwords_.size() < kMaxPendingPasswordJobs) return false;
  error(conn, pm::ErrorCode::busy, "The server is busy: try again in a few seconds.");
  return true;
}

void Server::on_create_room(Connection& conn, pm::CreateRoom request) {
  if (!may_request(conn) || password_queue_full(conn)) return;
  if (!make_room_space()) {
    error(conn, pm::ErrorCode::server_full,
          "This server holds its maximum of " + std::to_string(config_.max_rooms) + " rooms.");
    return;
  }
  if (request.facilitator_password.size() < kMinFacilitatorPassword ||
      request.facilitator_password.size() > kMaxPassword) {
    error(conn, pm::ErrorCode::invalid_request,
          "The facilitator password needs " + std::to_string(kMinFacilitatorPassword) + " to " +
              std::to_string(kMaxPassword) + " characters.",
          "/facilitator_password");
    return;
  }
  if (request.room_password.size() > kMaxPassword) {
    error(conn, pm::ErrorCode::invalid_request, "The room password is too long.", "/room_password");
    return;
  }
  if (request.bot_difficulty != "easy" && request.bot_difficulty != "normal" &&
      request.bot_difficulty != "hard") {
    error(conn, pm::ErrorCode::invalid_request, "Bots play easy, normal or hard.",
          "/bot_difficulty");
    return;
  }
  if (request.fill_with_bots && !factory_->has_bots()) {
    error(conn, pm::ErrorCode::invalid_request, "This server has no bots to fill seats.",
          "/fill_with_bots");
    return;
  }
  auto made = factory_->make(request.scenario, request.seats, request.timer_preset);
  if (!made.spec) {
    error(conn, pm::ErrorCode::invalid_request, made.error, "/" + made.field);
    return;
  }
  made.spec->header.settings.rules.allow_spectators = request.allow_spectators;
  made.spec->header.settings.has_facilitator = true;
  PendingPassword pending;
  pending.conn = conn.id;
  pending.create = true;
  pending.spec = std::move(*made.spec);
  const std::uint64_t job = passwords_.hash(std::move(request.facilitator_password));
  wipe(request.facilitator_password);
  if (!request.room_password.empty()) {
    const std::string room_digest = digest(request.room_password);
    wipe(request.room_password);
    request.room_password = room_digest;
  }
  pending.request = std::move(request);
  pending_passwords_.emplace(job, std::move(pending));
  conn.busy = true;
}

void Server::on_facilitator_login(Connection& conn, pm::FacilitatorLogin request) {
  if (!may_request(conn) || password_queue_full(conn)) return;
  const auto code = pm::normalize_join_code(request.code);
  const auto it = code ? find_room(*code) : rooms_.end();
  if (it == rooms_.end()) {
    wipe(request.password);
    error(conn, pm::ErrorCode::no_such_room, "No room has this code.", "/code");
    return;
  }
  if (it->second.facilitator_hash.empty()) {
    wipe(request.password);
    error(conn, pm::ErrorCode::invalid_request, "This room has no facilitator.", "/code");
    return;
  }
  if (locked_out(conn, PasswordLockout::Secret::facilitator, *code, "/password")) {
    wipe(request.password);
    return;
  }
  PendingPassword pending;
  pending.conn = conn.id;
  pending.code = *code;
  const auto job = passwords_.verify(std::move(request.password), it->second.facilitator_hash);
  wipe(request.password);
  pending_passwords_.emplace(job, std::move(pending));
  conn.busy = true;
}

// Too many wrong passwords for this room, or from this address: the try waits (and is not a
// bad message: a teacher who mistyped should not be disconnected for it).
bool Server::locked_out(Connection& conn, PasswordLockout::Secret secret, const std::string& room,
                        const char* field) {
  const auto wait = lockout_.wait_ms(secret, room, conn.address_host, clock_());
  if (!wait) return false;
  spdlog::info("room {}: a {} password try refused for {} s (too many wrong ones)", room,
               secret == PasswordLockout::Secret::facilitator ? "facilitator" : "room",
               (*wait + 999) / 1000);
  error(conn, pm::ErrorCode::too_many_attempts,
        "Too many wrong passwords for this room lately: try again in " +
            PasswordLockout::describe_wait(*wait) + ".",
        field);
  return true;
}

void Server::on_password_results() {
  for (auto& result : passwords_.take_results()) {
    auto node = pending_passwords_.extract(result.job);
    if (node.empty()) continue;
    auto& pending = node.mapped();
    Connection* conn = connection(pending.conn);
    if (conn == nullptr || conn->closing) continue;  // gone meanwhile: nothing was created
    conn->busy = false;
    if (pending.create) {
      if (!result.ok) {
        error(*conn, pm::ErrorCode::invalid_request, "The password could not be hashed.");
        continue;
      }
      Room* room = create_room(pending.spec, pending.request.scenario, false);
      if (room == nullptr) {
        error(*conn, pm::ErrorCode::server_full, "The room could not be created.");
        continue;
      }
      room->facilitator_hash = std::move(result.hashed);
      room->room_password_digest = pending.request.room_password;
      room->is_public = pending.request.is_public;
      room->bot_difficulty = pending.request.bot_difficulty;
      room->record_dirty = true;
      if (pending.request.fill_with_bots) fill_seats_with_bots(*room);
      queue(conn->id, pm::RoomCreated{room->code}, room->code);
      attach(*conn, *room, pm::ClientRole::facilitator, std::nullopt,
             issue_token(*room, pm::ClientRole::facilitator, std::nullopt));
    } else {
      const auto it = rooms_.find(pending.code);
      if (it == rooms_.end()) {
        error(*conn, pm::ErrorCode::no_such_room, "The room has closed.", "/code");
      } else if (!result.ok) {
        spdlog::info("room {}: wrong facilitator password", pending.code);
        lockout_.failed(PasswordLockout::Secret::facilitator, pending.code, conn->address_host,
                        clock_());
        bad_message(*conn, pm::ErrorCode::wrong_password, "Wrong facilitator password.",
                    "/password");
      } else {
        lockout_.succeeded(PasswordLockout::Secret::facilitator, pending.code);
        attach(*conn, it->second, pm::ClientRole::facilitator, std::nullopt,
               issue_token(it->second, pm::ClientRole::facilitator, std::nullopt));
      }
    }
  }
}

// At --max-rooms, finished rooms (debrief) that nobody is connected to make way. Room lifecycle
// proper (idle lobbies, retention) comes with the durable store (issue 7).
bool Server::make_room_space() {
  if (rooms_.size() < config_.max_rooms) return true;
  for (auto it = rooms_.begin(); it != rooms_.end();) {
    if (it->second.members.empty() && it->second.engine->match().phase == Phase::debrief) {
      spdlog::info("room {} closed to make space (finished, nobody connected)", it->first);
      it = rooms_.erase(it);
    } else {
      ++it;
    }
  }
  return rooms_.size() < config_.max_rooms;
}

Room* Server::create_room(const RoomSpec& spec, const std::string& scenario, bool quick) {
  std::string code;
  for (int attempt = 0; attempt < 100 && (code.empty() || rooms_.count(code) > 0); ++attempt)
    code = random_join_code();
  if (rooms_.count(code) > 0) return nullptr;
  LogHeader header = spec.header;
  header.seed = random_seed();
  if (!store_->create_room(code, header)) {
    spdlog::error("room {}: the store refused to create it", code);
    return nullptr;
  }
  Room room;
  room.code = code;
  room.scenario = scenario;
  room.engine = room_engine(MatchHost(header));
  room.content = spec.content;
  room.content_hash = header.content_hash;
  room.quick = quick;
  room.last_hash_at = clock_();
  room.created_at = std::chrono::duration_cast<std::chrono::seconds>(
                        std::chrono::system_clock::now().time_since_epoch())
                        .count();
  room.record_dirty = true;  // saved with this turn, before anyone hears of the room
  spdlog::info("room {} created: scenario '{}', {} seats{}", code, scenario,
               header.settings.seats.size(), quick ? ", quick match" : "");
  return &rooms_.emplace(code, std::move(room)).first->second;
}

void Server::on_join_room(Connection& conn, const pm::JoinRoom& request) {
  if (!may_request(conn)) return;
  const auto code = pm::normalize_join_code(request.code);
  const auto it = code ? find_room(*code) : rooms_.end();
  if (it == rooms_.end()) {
    error(conn, pm::ErrorCode::no_such_room,
          code ? "No room has the code " + *code + "." : "A join code has six letters and digits.",
          "/code");
    return;
  }
  Room& room = it->second;
  // A token is checked before anything in the room changes.
  if (!request.reconnect_token.empty()) {
    const std::string key = digest(request.reconnect_token);
    const auto token = room.tokens.find(key);
    if (token == room.tokens.end()) {
      if (room.revoked_tokens.count(key) > 0)
        error(conn, pm::ErrorCode::token_revoked, "You can no longer join this room.",
              "/reconnect_token");
      else
        bad_message(conn, pm::ErrorCode::invalid_token, "This reconnect token is not valid.",
                    "/reconnect_token");
      return;
    }
    const TokenEntry entry = token->second;
    spdlog::info("room {}: participant {} reconnected", room.code,
                 entry.participant ? std::to_string(*entry.participant) : to_string(entry.role));
    attach(conn, room, entry.role, entry.participant, request.reconnect_token);
    return;
  }
  if (room.status == RoomStatus::abandoned) {
    error(conn, pm::ErrorCode::no_such_room,
          "This room has closed; only its members can still read it.", "/code");
    return;
  }
  if (!room.room_password_digest.empty()) {
    if (locked_out(conn, PasswordLockout::Secret::room, room.code, "/room_password")) return;
    if (!same_digest(digest(request.room_password), room.room_password_digest)) {
      spdlog::info("room {}: wrong room password", room.code);
      lockout_.failed(PasswordLockout::Secret::room, room.code, conn.address_host, clock_());
      bad_message(conn, pm::ErrorCode::wrong_password, "Wrong room password.", "/room_password");
      return;
    }
    lockout_.succeeded(PasswordLockout::Secret::room, room.code);
  }
  switch (request.role) {
    case pm::ClientRole::facilitator:
      error(conn, pm::ErrorCode::invalid_request,
            "The facilitator logs in with facilitator_login and the room's password.", "/role");
      return;
    case pm::ClientRole::projector:
      attach(conn, room, pm::ClientRole::projector, std::nullopt,
             issue_token(room, pm::ClientRole::projector, std::nullopt));
      return;
    case pm::ClientRole::player:
    case pm::ClientRole::spectator: {
      const std::string name = pm::sanitize_display_name(request.name);
      if (name.empty()) {
        error(conn, pm::ErrorCode::invalid_request, "Choose a name.", "/name");
        return;
      }
      const Role role = request.role == pm::ClientRole::player ? Role::player : Role::spectator;
      const auto id = admit(conn, room, name, role);
      if (id) attach(conn, room, request.role, id, issue_token(room, request.role, id));
      return;
    }
  }
}

std::optional<ParticipantId> Server::admit(Connection& conn, Room& room, const std::string& name,
                                           Role role) {
  const auto id = static_cast<ParticipantId>(room.engine->match().participants.size());
  auto outcome = room.engine->submit(Actor::server(), JoinMatch{name, role}, clock_());
  if (outcome.rejection) {
    const auto& r = *outcome.rejection;
    const bool full = r.code == RejectCode::match_full || r.code == RejectCode::spectators_closed;
    error(conn, full ? pm::ErrorCode::room_full : pm::ErrorCode::invalid_request, r.message,
          r.field.empty() ? std::string() : "/" + r.field);
    return std::nullopt;
  }
  deliver(room, outcome);
  return id;
}

std::string Server::issue_token(Room& room, pm::ClientRole role,
                                std::optional<ParticipantId> participant) {
  std::string token = random_token();
  room.tokens[digest(token)] = TokenEntry{role, participant};
  room.record_dirty = true;  // the token is durable before the Joined that carries it is sent
  return token;
}

void Server::attach(Connection& conn, Room& room, pm::ClientRole role,
                    std::optional<ParticipantId> participant, const std::string& token) {
  conn.room = room.code;
  conn.role = role;
  conn.participant = participant;
  conn.viewer = viewer_of(room, conn);
  room.members.insert(conn.id);
  if (participant) {
    room.away.erase(*participant);
    room.absent.erase(*participant);
  }
  if (!room.content.empty() && std::find(conn.content_hashes.begin(), conn.content_hashes.end(),
                                         room.content_hash) == conn.content_hashes.end()) {
    queue(conn.id, pm::RoomContent{room.content_hash, room.content}, room.code);
    conn.content_hashes.push_back(room.content_hash);
  }
  auto snapshot = room.engine->host().open_stream(conn.viewer);
  conn.sent_view_seq = snapshot.view_seq;
  pm::Joined joined;
  joined.code = room.code;
  joined.role = role;
  joined.participant = participant;
  joined.viewer = pm::ViewerInfo::of(conn.viewer);
  joined.reconnect_token = token;
  joined.content_hash = room.content_hash;
  joined.scenario = room.scenario;
  joined.view_seq = snapshot.view_seq;
  joined.view = std::move(snapshot.view);
  joined.room_now = room_now(room);
  queue(conn.id, joined, room.code);
  if (room.countdown_deadline)
    queue(conn.id, pm::Countdown{std::max<TimeMs>(0, *room.countdown_deadline - clock_())},
          room.code);
  spdlog::info("room {} {}: connection {} joined as {}{}", room.code, seat_text(conn), conn.id,
               to_string(role),
               participant ? " (participant " + std::to_string(*participant) + ")" : "");
  send_presence(room);
}

void Server::detach(Connection& conn) {
  if (conn.room.empty()) return;
  const auto it = rooms_.find(conn.room);
  const auto participant = conn.participant;
  conn.room.clear();
  conn.participant.reset();
  if (it == rooms_.end()) return;
  Room& room = it->second;
  room.members.erase(conn.id);
  if (participant) {
    bool still_here = false;
    for (const ConnId other : room.members) {
      const Connection* c = connection(other);
      still_here = still_here || (c != nullptr && c->participant == participant);
    }
    if (!still_here && participant_active(room.engine->match(), *participant))
      on_member_dropped(room, *participant);
  }
  send_presence(room);
}

void Server::send_presence(Room& room) {
  pm::Presence presence;
  std::set<ParticipantId> connected;
  for (const ConnId id : room.members) {
    const Connection* c = connection(id);
    if (c == nullptr) continue;
    if (c->participant) connected.insert(*c->participant);
    if (c->role == pm::ClientRole::facilitator) presence.facilitator_connected = true;
  }
  presence.connected.assign(connected.begin(), connected.end());
  for (const auto& [id, used] : room.away)
    presence.away.push_back(id);
  const auto bytes = std::make_shared<const Bytes>(pm::encode(presence));
  for (const ConnId id : room.members)
    queue_bytes(id, bytes, room.code);
}

void Server::on_quick_match(Connection& conn, const pm::QuickMatch& request) {
  if (!may_request(conn)) return;
  const std::string name = pm::sanitize_display_name(request.name);
  if (name.empty()) {
    error(conn, pm::ErrorCode::invalid_request, "Choose a name.", "/name");
    return;
  }
  Room* room = nullptr;
  for (auto& [code, candidate] : rooms_) {
    const Match& m = candidate.engine->match();
    if (candidate.quick && candidate.scenario == request.scenario && m.phase == Phase::lobby &&
        free_seat(m)) {
      room = &candidate;
      break;
    }
  }
  if (room == nullptr) {
    if (!make_room_space()) {
      error(conn, pm::ErrorCode::server_full, "This server has no room for another match.");
      return;
    }
    auto made = factory_->make(request.scenario, factory_->quick_match_seats(request.scenario),
                               factory_->quick_match_preset(request.scenario));
    if (!made.spec) {
      error(conn, pm::ErrorCode::invalid_request, made.error,
            made.field == "scenario" ? "/scenario" : std::string());
      return;
    }
    made.spec->header.settings.has_facilitator = false;
    room = create_room(*made.spec, request.scenario, true);
    if (room == nullptr) {
      error(conn, pm::ErrorCode::server_full, "The room could not be created.");
      return;
    }
    room->is_public = true;
    // Bots play the seats still empty when the countdown ends.
    fill_seats_with_bots(*room);
  }
  const auto id = admit(conn, *room, name, Role::player);
  if (!id) return;
  if (const auto seat = free_seat(room->engine->match())) {
    auto outcome = room->engine->submit(Actor::of(*id), TakeSeat{*seat}, clock_());
    if (!outcome.rejection) deliver(*room, outcome);
  }
  const TimeMs now = clock_();
  if (!room->countdown_deadline) {
    room->countdown_deadline = now + config_.quick_match_countdown_ms;
    const auto bytes =
        std::make_shared<const Bytes>(pm::encode(pm::Countdown{config_.quick_match_countdown_ms}));
    for (const ConnId member : room->members)
      queue_bytes(member, bytes, room->code);
  }
  attach(conn, *room, pm::ClientRole::player, id, issue_token(*room, pm::ClientRole::player, id));
  start_quick_match_if_ready(*room, now);
}

}  // namespace accord::server
