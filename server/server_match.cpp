// Commands, the per-viewer streams, the rooms' clocks, reconnection grace and quick-match starts.
#include <spdlog/spdlog.h>

#include <algorithm>
#include <functional>

#include "core/hash.hpp"
#include "protocol/codec.hpp"
#include "secrets.hpp"
#include "server.hpp"

namespace accord::server {

namespace pm = protocol;

namespace {

bool is_chat(const Command& command) {
  return std::holds_alternative<PostMessage>(command) || std::holds_alternative<Announce>(command);
}

}  // namespace

TimeMs Server::room_now(const Room& /*room*/) const {
  return clock_();
}

Viewer Server::viewer_of(const Room& room, const Connection& conn) const {
  if (conn.role == pm::ClientRole::facilitator) return Viewer::facilitator();
  if (!conn.participant) return Viewer::audience();
  const auto& participants = room.engine->match().participants;
  if (*conn.participant >= participants.size()) return Viewer::audience();
  const Participant& p = participants[*conn.participant];
  if (p.seat && !p.left && !p.removed) return Viewer::of_seat(*p.seat);
  return Viewer::audience();
}

void Server::on_send_command(Connection& conn, const pm::SendCommand& request) {
  turn_commands_.push_back(Steady::now());
  const auto it = conn.room.empty() ? rooms_.end() : rooms_.find(conn.room);
  if (it == rooms_.end()) {
    error(conn, pm::ErrorCode::not_in_room, "Join a room first.");
    return;
  }
  Room& room = it->second;
  const auto reject = [&](pm::RejectionKind kind, RejectCode code, std::string field,
                          std::string message) {
    ++counters_.rejections[{name_of(request.command), to_string(kind)}];
    queue(conn.id,
          pm::CommandRejected{request.request_id, kind, code, std::move(field), std::move(message)},
          room.code);
  };
  Actor actor;
  if (conn.role == pm::ClientRole::facilitator)
    actor = Actor::facilitator();
  else if (conn.participant)
    actor = Actor::of(*conn.participant);
  else {
    reject(pm::RejectionKind::invalid, RejectCode::not_allowed, "",
           "A projector only shows the public view.");
    return;
  }
  if (room.status == RoomStatus::abandoned) {
    reject(pm::RejectionKind::invalid, RejectCode::not_allowed, "",
           "This room was closed as abandoned: it can be read, not played.");
    return;
  }
  const TimeMs now = clock_();
  if (!(is_chat(request.command) ? conn.chat : conn.commands).take(now)) {
    spdlog::info("room {} {}: connection {} over its {} rate", room.code,
                 conn.viewer.kind == ViewerKind::seat ? "seat " + std::to_string(conn.viewer.seat)
                                                      : std::string(to_string(conn.role)),
                 conn.id, is_chat(request.command) ? "chat" : "command");
    reject(pm::RejectionKind::rate_limited, RejectCode::not_allowed, "",
           is_chat(request.command) ? "You are sending messages too fast: wait a moment."
                                    : "You are sending commands too fast: wait a moment.");
    return;
  }
  if (config_.test_refuse_every_nth_command != 0 &&
      ++commands_received_ % config_.test_refuse_every_nth_command == 0) {
    reject(pm::RejectionKind::invalid, RejectCode::not_allowed, "",
           "Refused by the test hook that makes this server misbehave.");
    return;
  }
  auto outcome = room.engine->submit(actor, request.command, now);
  if (outcome.rejection) {
    // Stale: the command was decided on a view its stream has since moved past.
    const auto kind = request.view_seq < conn.sent_view_seq ? pm::RejectionKind::stale
                                                            : pm::RejectionKind::invalid;
    spdlog::debug("room {}: {} rejected ({}, {})", room.code, name_of(request.command),
                  to_string(kind), to_string(outcome.rejection->code));
    reject(kind, outcome.rejection->code, outcome.rejection->field, outcome.rejection->message);
    return;
  }
  deliver(room, outcome);
  ++counters_.commands[name_of(request.command)];
  queue(conn.id, pm::CommandAccepted{request.request_id}, room.code);
  after_accepted(room, request.command, actor);
}

void Server::after_accepted(Room& room, const Command& command, const Actor& actor) {
  std::optional<ParticipantId> gone;
  bool removed = false;
  if (const auto* remove = std::get_if<RemoveParticipant>(&command)) {
    gone = remove->participant;
    removed = true;
  } else if (std::holds_alternative<LeaveMatch>(command) && actor.kind == ActorKind::participant) {
    gone = actor.participant;
  }
  if (!gone) return;
  // The token is revoked: a removed (or departed) participant cannot come back by reconnecting.
  room.revoked.insert(*gone);
  room.record_dirty = true;
  room.away.erase(*gone);
  room.absent.erase(*gone);
  for (auto it = room.tokens.begin(); it != room.tokens.end();) {
    if (it->second.participant == gone) {
      room.revoked_tokens.insert(it->first);
      it = room.tokens.erase(it);
    } else {
      ++it;
    }
  }
  const std::vector<ConnId> members(room.members.begin(), room.members.end());
  for (const ConnId id : members) {
    Connection* conn = connection(id);
    if (conn == nullptr || conn->participant != gone) continue;
    detach(*conn);
    if (removed) close(*conn, pm::ByeReason::removed, "The facilitator removed you from the room.");
  }
  spdlog::info("room {}: participant {} {}; its token is revoked", room.code, *gone,
               removed ? "removed" : "left");
}

void Server::on_resync(Connection& conn) {
  const auto it = conn.room.empty() ? rooms_.end() : rooms_.find(conn.room);
  if (it == rooms_.end()) {
    error(conn, pm::ErrorCode::not_in_room, "Join a room first.");
    return;
  }
  if (!conn.commands.take(clock_())) {
    error(conn, pm::ErrorCode::rate_limited, "Too many resync requests: wait a moment.");
    return;
  }
  send_snapshot(it->second, conn);
}

void Server::send_snapshot(Room& room, Connection& conn) {
  auto snapshot = room.engine->host().open_stream(conn.viewer);
  conn.sent_view_seq = snapshot.view_seq;
  queue(conn.id,
        pm::Snapshot{pm::ViewerInfo::of(conn.viewer), snapshot.view_seq, std::move(snapshot.view),
                     room_now(room)},
        room.code);
}

bool Server::deliver(Room& room, MatchHost::Outcome& outcome) {
  if (outcome.appended.empty()) return false;
  store_->stage(room.code, outcome.appended);
  room.staged = true;
  room.hash_due = true;
  for (auto& delivery : outcome.deliveries) {
    std::shared_ptr<const Bytes> bytes;
    for (const ConnId id : room.members) {
      Connection* conn = connection(id);
      if (conn == nullptr || conn->viewer != delivery.viewer) continue;
      if (!bytes) bytes = std::make_shared<const Bytes>(pm::encode(pm::StreamItem{delivery.item}));
      queue_bytes(id, bytes, room.code);
      conn->sent_view_seq = delivery.item.view_seq;
    }
  }
  refresh_viewers(room);
  return true;
}

// A participant who took, left or changed seat now reads another stream: send its snapshot.
void Server::refresh_viewers(Room& room) {
  for (const ConnId id : room.members) {
    Connection* conn = connection(id);
    if (conn == nullptr) continue;
    const Viewer viewer = viewer_of(room, *conn);
    if (viewer == conn->viewer) continue;
    conn->viewer = viewer;
    send_snapshot(room, *conn);
  }
}

void Server::on_member_dropped(Room& room, ParticipantId participant) {
  room.away[participant] = 0;
  const Match& match = room.engine->match();
  const auto& p = match.participants[participant];
  spdlog::info("room {} seat {}: participant {} dropped; grace period starts", room.code,
               p.seat ? std::to_string(*p.seat) : std::string("-"), participant);
  if (!p.seat || match.seats[*p.seat].head != participant) return;
  // The head dropped: the role passes to a connected member of the delegation.
  for (const ParticipantId member : delegation_of(match, *p.seat)) {
    if (member == participant) continue;
    bool connected = false;
    for (const ConnId id : room.members) {
      const Connection* c = connection(id);
      connected = connected || (c != nullptr && c->participant == member);
    }
    if (!connected) continue;
    auto outcome = room.engine->submit(Actor::of(participant), HandHeadRole{member}, clock_());
    if (!outcome.rejection) deliver(room, outcome);
    return;
  }
}

// Every turn: the rooms whose clock is due. Each room's clock turns every tick_ms at its own
// moment in the period, so that a server with hundreds of rooms does not advance them all in
// one turn (363 rooms took 9-12 ms at once, and every answer of that turn waited for them).
void Server::tick(TimeMs now) {
  for (auto& [code, room] : rooms_) {
    if (room.status == RoomStatus::abandoned) continue;  // read-only
    if (room.next_tick_at == 0) {
      // New in memory (created, or reloaded with many others at start): a moment of its own.
      room.last_ticked_at = now;
      room.next_tick_at =
          now + 1 +
          static_cast<TimeMs>(std::hash<std::string>{}(code) %
                              static_cast<std::size_t>(std::max<TimeMs>(1, config_.tick_ms)));
      continue;
    }
    if (now < room.next_tick_at) continue;
    tick_room(room, now, now - room.last_ticked_at);
    room.last_ticked_at = now;
    // Keeps its moment; a server that fell behind starts from now rather than catch up.
    room.next_tick_at = std::max(room.next_tick_at + config_.tick_ms, now + 1);
  }
  if (now - last_tick_ < config_.tick_ms) return;
  last_tick_ = now;
  for (auto& [id, conn] : connections_) {
    if (!conn.welcomed && !conn.closing && now - conn.connected_at > config_.handshake_timeout_ms) {
      spdlog::info("connection {}: no hello within {} ms", id, config_.handshake_timeout_ms);
      close(conn, pm::ByeReason::handshake_timeout, "No hello in time.");
    }
  }
}

void Server::tick_room(Room& room, TimeMs now, TimeMs elapsed) {
  auto outcome = room.engine->advance_clock(now);
  deliver(room, outcome);
  start_quick_match_if_ready(room, now);
  run_room_bots(room);
  // The grace clock stops while the room is paused.
  if (!room.engine->match().paused_at) {
    std::vector<ParticipantId> expired;
    for (auto& [id, used] : room.away) {
      used += elapsed;
      if (used >= config_.grace_ms) expired.push_back(id);
    }
    for (const ParticipantId id : expired) {
      room.away.erase(id);
      if (room.engine->match().phase == Phase::lobby) {
        // Nobody waits for a ghost in a lobby: the participant leaves (and cannot come back).
        auto left = room.engine->submit(Actor::of(id), LeaveMatch{}, now);
        if (!left.rejection) {
          deliver(room, left);
          after_accepted(room, LeaveMatch{}, Actor::of(id));
        }
      } else {
        // The seat stays the participant's: the token still reclaims it. Once the whole
        // delegation is absent, the caretaker bot holds the seat (run_room_bots).
        room.absent.insert(id);
      }
      spdlog::info("room {}: participant {}'s grace period is over", room.code, id);
    }
    if (!expired.empty()) send_presence(room);
  }
  if (room.hash_due && now - room.last_hash_at >= config_.hash_interval_ms) {
    send_hashes(room);
    room.last_hash_at = now;
  }
}

// Only viewers whose stream moved since their last hash get a new one: hashing a view costs
// about 0.35 ms for a 25-seat room (bench/protocol_bench.cpp).
void Server::send_hashes(Room& room) {
  std::map<Viewer, std::optional<Hash>> hashes;
  for (const ConnId id : room.members) {
    const Connection* conn = connection(id);
    if (conn == nullptr) continue;
    auto it = hashes.find(conn->viewer);
    if (it == hashes.end()) {
      const auto last = room.hashed_seq.find(conn->viewer);
      std::optional<Hash> value;
      if (last == room.hashed_seq.end() || last->second != conn->sent_view_seq) {
        value = hash(view_for(room.engine->match(), conn->viewer));
        room.hashed_seq[conn->viewer] = conn->sent_view_seq;
      }
      it = hashes.emplace(conn->viewer, value).first;
    }
    if (it->second) queue(id, pm::ViewHash{conn->sent_view_seq, *it->second}, room.code);
  }
  room.hash_due = false;
}

void Server::start_quick_match_if_ready(Room& room, TimeMs now) {
  if (!room.quick || room.engine->match().phase != Phase::lobby) return;
  bool full = true;
  for (const auto& seat : room.engine->match().seats)
    full = full && seat.head.has_value();
  if (!full && !(room.countdown_deadline && now >= *room.countdown_deadline)) return;
  auto outcome = room.engine->submit(Actor::server(), StartMatch{}, now);
  if (outcome.rejection) {
    spdlog::info("room {}: quick match cannot start yet ({})", room.code,
                 to_string(outcome.rejection->code));
    room.countdown_deadline = now + config_.quick_match_countdown_ms;
    return;
  }
  room.countdown_deadline.reset();
  spdlog::info("room {}: quick match started", room.code);
  deliver(room, outcome);
}

}  // namespace accord::server
