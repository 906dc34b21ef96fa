// What the server keeps in its RoomStore beyond the events: room records (tokens included),
// snapshots and the rooms' clock, staged with each loop turn; restoring rooms after a restart;
// rolling a room back after a failed commit; and the room lifecycle (closing idle lobbies and
// abandoned matches, unloading finished rooms, purging rooms past their retention period).
//
// The rooms' clock survives a restart: the server records it (at least once a second, and with
// every turn that commits events), and on start the clock resumes from the recorded value. So
// the time the server was down is a pause for every room, and no deadline expires because of a
// crash. (Every room shares the server's clock; recording it once per turn records each room's.)
#include <spdlog/spdlog.h>

#include <chrono>

#include "core/rules.hpp"
#include "protocol/codec.hpp"
#include "protocol/join_code.hpp"
#include "secrets.hpp"
#include "server.hpp"

namespace accord::server {

namespace pm = protocol;

namespace {

std::int64_t wall_clock_seconds() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

std::optional<MatchHost> host_from(StoredRoom& stored, std::string* why) {
  if (stored.snapshot)
    return MatchHost::from_snapshot(stored.header, std::move(*stored.snapshot), stored.snapshot_seq,
                                    std::move(stored.tail), why);
  return MatchHost::from_log(EventLog{stored.header, std::move(stored.tail)}, why);
}

}  // namespace

RoomRecord Server::record_of(const Room& room) const {
  return static_cast<const RoomRecord&>(room);
}

std::vector<std::string> Server::restore() {
  quarantined_.clear();
  // Resume the rooms' clock where it stopped: the downtime is a pause.
  if (const auto recorded = store_->clock(); recorded && *recorded > clock_())
    clock_offset_ += *recorded - clock_();
  std::size_t restored = 0;
  for (const auto& summary : store_->rooms()) {
    if (summary.status == RoomStatus::quarantined) {
      quarantined_.push_back("room " + summary.code + " is quarantined: " + summary.problem);
      continue;
    }
    if (summary.status != RoomStatus::open || rooms_.count(summary.code) > 0) continue;
    std::string problem;
    if (load_room(summary.code, &problem)) {
      ++restored;
      continue;
    }
    store_->quarantine(summary.code, problem);
    quarantined_.push_back("room " + summary.code + " is quarantined: " + problem);
  }
  for (const auto& line : quarantined_)
    spdlog::error("{} (its data is kept; it is not served)", line);
  if (restored > 0) spdlog::info("{} room(s) restored from the data folder", restored);
  return quarantined_;
}

bool Server::load_room(const std::string& code, std::string* problem) {
  auto loaded = store_->load_room(code);
  if (!loaded.room) {
    *problem = loaded.problem;
    return false;
  }
  StoredRoom& stored = *loaded.room;
  const RoomRecord& r = stored.record;
  std::string why;
  if (!r.content_hash.empty() && stored.header.content_hash != r.content_hash) {
    *problem = "its log was played with other content than the room's";
    return false;
  }
  const Seq snapshot_seq = stored.snapshot_seq;
  auto host = host_from(stored, &why);
  if (!host) {
    *problem = "its log does not replay: " + why;
    return false;
  }
  Room room;
  static_cast<RoomRecord&>(room) = r;
  room.code = code;
  room.engine = room_engine(std::move(*host));
  room.snapshot_seq = snapshot_seq;
  const TimeMs now = clock_();
  room.last_hash_at = now;
  room.unattended_since = now;
  // Nobody is connected after a restart: each participant who holds a token gets the grace
  // period to come back, as after a dropped connection.
  const Match& match = room.engine->match();
  for (const auto& [digest, entry] : room.tokens)
    if (entry.participant && participant_active(match, *entry.participant))
      room.away.emplace(*entry.participant, 0);
  if (room.quick && match.phase == Phase::lobby)
    room.countdown_deadline = now + config_.quick_match_countdown_ms;
  spdlog::info("room {} loaded: phase {}, {} event(s) replayed after the snapshot of event {}",
               code, to_string(match.phase), room.engine->host().log().entries.size(),
               snapshot_seq);
  rooms_.insert_or_assign(code, std::move(room));
  return true;
}

std::map<std::string, Room>::iterator Server::find_room(const std::string& code) {
  if (const auto it = rooms_.find(code); it != rooms_.end()) return it;
  const auto loaded = store_->load_room(code);
  if (!loaded.room) return rooms_.end();
  const RoomStatus status = loaded.room->record.status;
  if (status != RoomStatus::finished && status != RoomStatus::abandoned) return rooms_.end();
  std::string problem;
  if (!load_room(code, &problem)) {
    spdlog::error("room {} cannot be read back: {}", code, problem);
    return rooms_.end();
  }
  return rooms_.find(code);
}

// Before the turn's commit: the records that changed, snapshots due, and the clock.
// True if anything is staged.
bool Server::stage_turn(TimeMs now) {
  bool staged = false;
  for (auto& [code, room] : rooms_) {
    if (room.status == RoomStatus::open && room.engine->match().phase == Phase::debrief) {
      room.status = RoomStatus::finished;
      room.closed_at = wall_clock_seconds();
      room.record_dirty = true;
      spdlog::info("room {}: the match is over; kept for {} day(s) for the debrief", code,
                   config_.retention_days);
    }
    if (room.record_dirty) {
      store_->stage_record(record_of(room));
      room.record_dirty = false;
      room.staged = true;
    }
    if (room.staged &&
        room.engine->host().last_seq() >= room.snapshot_seq + config_.snapshot_every) {
      store_->stage_snapshot(code, room.engine->host().last_seq(), room.engine->match());
      room.snapshot_seq = room.engine->host().last_seq();
    }
    staged = staged || room.staged;
  }
  staged = staged || store_dirty_;
  store_dirty_ = false;
  // With every commit of events (so no committed event is later than the recorded clock), and
  // about once a second while rooms are open (so a quiet room knows when the server stopped).
  if (staged || (!rooms_.empty() && now - last_clock_record_ >= config_.clock_record_ms)) {
    store_->stage_clock(now);
    last_clock_record_ = now;
    staged = true;
  }
  return staged;
}

void Server::rollback(Room& room) {
  auto loaded = store_->load_room(room.code);
  if (loaded.missing) {
    // Created this turn and never saved: the room goes.
    const std::string code = room.code;
    const std::vector<ConnId> members(room.members.begin(), room.members.end());
    for (const ConnId id : members) {
      Connection* conn = connection(id);
      if (conn == nullptr) continue;
      conn->participant.reset();
      detach(*conn);
      error(*conn, pm::ErrorCode::invalid_request,
            "The server could not save the new room: try again.");
    }
    rooms_.erase(code);
    return;
  }
  std::string why = loaded.problem;
  const Seq snapshot_seq = loaded.room ? loaded.room->snapshot_seq : 0;
  auto host = loaded.room ? host_from(*loaded.room, &why) : std::nullopt;
  if (!host) {
    spdlog::critical("room {}: cannot roll back ({}); the room is kept as it is", room.code, why);
    return;
  }
  room.engine = room_engine(std::move(*host));
  room.snapshot_seq = snapshot_seq;
  room.hashed_seq.clear();  // streams are numbered afresh
  // Back to the record as committed (tokens issued this turn were never sent), but a facilitator
  // password hashed this turn stays: its worker already answered.
  std::string facilitator_hash = std::move(room.facilitator_hash);
  static_cast<RoomRecord&>(room) = loaded.room->record;
  if (room.facilitator_hash.empty()) room.facilitator_hash = std::move(facilitator_hash);
  room.record_dirty = false;
  const auto participants = room.engine->match().participants.size();
  const std::vector<ConnId> members(room.members.begin(), room.members.end());
  for (const ConnId id : members) {
    Connection* conn = connection(id);
    if (conn == nullptr) continue;
    if (conn->participant && *conn->participant >= participants) {
      conn->participant.reset();
      detach(*conn);
      error(*conn, pm::ErrorCode::invalid_request, "The server could not save: join again.");
      continue;
    }
    conn->viewer = viewer_of(room, *conn);
    send_snapshot(room, *conn);
    error(*conn, pm::ErrorCode::invalid_request,
          "The server could not save the last changes; they were undone.");
  }
}

void Server::close_room(Room& room, RoomStatus status, const std::string& why) {
  room.status = status;
  room.closed_at = wall_clock_seconds();
  store_->stage_record(record_of(room));
  room.staged = true;
  spdlog::info("room {} closed ({}): {}", room.code, status_name(status), why);
}

// About once a second: idle lobbies and abandoned matches close, finished rooms nobody reads
// leave memory (they stay in the store until their retention ends), and once an hour rooms
// past their retention period are purged.
void Server::run_lifecycle(TimeMs now) {
  std::erase_if(handshakes_per_address_, [now](auto& entry) { return entry.second.full(now); });
  lockout_.prune(now);
  std::vector<std::string> unload;
  for (auto& [code, room] : rooms_) {
    if (!room.members.empty()) {
      room.unattended_since = 0;
      continue;
    }
    if (room.unattended_since == 0) room.unattended_since = now;
    const TimeMs unattended = now - room.unattended_since;
    const Phase phase = room.engine->match().phase;
    if (room.status != RoomStatus::open) {
      if (unattended >= config_.unload_finished_ms) unload.push_back(code);
    } else if (phase == Phase::lobby && unattended >= config_.lobby_idle_ms) {
      close_room(room, RoomStatus::abandoned, "nobody was in the lobby");
      unload.push_back(code);
    } else if (phase != Phase::lobby && phase != Phase::debrief &&
               unattended >= config_.abandon_ms) {
      close_room(room, RoomStatus::abandoned, "nobody was connected to the match");
      unload.push_back(code);
    }
  }
  for (const auto& code : unload) {
    // A room closed this turn leaves memory once the close is committed (end_turn).
    if (rooms_.at(code).staged)
      unload_after_commit_.push_back(code);
    else
      rooms_.erase(code);
  }
  if (!last_purge_at_ || now - *last_purge_at_ >= kPurgeIntervalMs) {
    last_purge_at_ = now;
    const std::int64_t cutoff =
        wall_clock_seconds() - std::int64_t{config_.retention_days} * 86'400;
    const auto report = store_->purge(cutoff);
    for (const auto& code : report.rooms) {
      const auto it = rooms_.find(code);
      if (it == rooms_.end()) continue;
      const std::vector<ConnId> members(it->second.members.begin(), it->second.members.end());
      for (const ConnId id : members)
        if (Connection* conn = connection(id)) {
          detach(*conn);
          error(*conn, pm::ErrorCode::no_such_room, "This room's retention period is over.");
        }
      rooms_.erase(it);
    }
    if (!report.rooms.empty())
      spdlog::info("purged {} room(s) past the {}-day retention period ({} events)",
                   report.rooms.size(), config_.retention_days, report.events);
  }
}

// ------------------------------------------------------------------ rematch, delete

Room* Server::facilitated_room(Connection& conn, const char* what) {
  const auto it = conn.room.empty() ? rooms_.end() : rooms_.find(conn.room);
  if (it == rooms_.end()) {
    error(conn, pm::ErrorCode::not_in_room, "Join a room first.");
    return nullptr;
  }
  if (conn.role != pm::ClientRole::facilitator) {
    error(conn, pm::ErrorCode::invalid_request,
          std::string("Only the facilitator can ") + what + ".");
    return nullptr;
  }
  if (!conn.requests.take(clock_())) {
    error(conn, pm::ErrorCode::rate_limited, "Too many requests: wait a few seconds.");
    return nullptr;
  }
  return &it->second;
}

// A new match with the same settings and a new seed; everyone who was still in the match joins
// it again in the same order and takes the same seat, and bots fill the seats they filled.
// Participant numbers are renumbered densely, so tokens and connections follow the new ones.
void Server::on_rematch(Connection& conn) {
  Room* room = facilitated_room(conn, "start a rematch");
  if (room == nullptr) return;
  const Match old = room->engine->match();
  if (old.phase != Phase::debrief) {
    error(conn, pm::ErrorCode::invalid_request,
          "A rematch starts once the match has reached its debrief.");
    return;
  }
  std::map<ParticipantId, ParticipantId> renumbered;
  for (ParticipantId id = 0; id < old.participants.size(); ++id)
    if (!old.participants[id].left && !old.participants[id].removed)
      renumbered.emplace(id, static_cast<ParticipantId>(renumbered.size()));
  LogHeader header = room->engine->host().log().header;
  header.seed = random_seed();
  room->engine = room_engine(MatchHost(header));
  ++room->match_number;
  store_->stage_new_match(room->code, room->match_number, header);
  const TimeMs now = clock_();
  const auto submit = [&](const Actor& actor, const Command& command) {
    auto outcome = room->engine->submit(actor, command, now);
    if (outcome.rejection) {
      spdlog::warn("room {}: rematch: {} refused ({})", room->code, name_of(command),
                   outcome.rejection->message);
      return;
    }
    store_->stage(room->code, outcome.appended);  // no stream is open yet: nothing to deliver
  };
  for (const auto& [old_id, new_id] : renumbered) {
    const Participant& p = old.participants[old_id];
    submit(Actor::server(), JoinMatch{p.name, p.role});
    if (p.seat) submit(Actor::of(new_id), TakeSeat{*p.seat});
  }
  for (SeatIndex s = 0; s < old.seats.size(); ++s)
    if (old.seats[s].bot) submit(Actor::server(), SetBot{s, true});
  const auto follow = [&](std::optional<ParticipantId>& id) {
    if (!id) return true;
    const auto it = renumbered.find(*id);
    if (it == renumbered.end()) return false;
    id = it->second;
    return true;
  };
  for (auto it = room->tokens.begin(); it != room->tokens.end();) {
    if (follow(it->second.participant)) {
      ++it;
    } else {
      room->revoked_tokens.insert(it->first);
      it = room->tokens.erase(it);
    }
  }
  room->revoked.clear();
  room->away.clear();
  room->absent.clear();
  room->hashed_seq.clear();
  room->snapshot_seq = 0;
  room->status = RoomStatus::open;
  room->closed_at = 0;
  room->record_dirty = true;
  room->staged = true;
  const std::vector<ConnId> members(room->members.begin(), room->members.end());
  for (const ConnId id : members) {
    Connection* member = connection(id);
    if (member == nullptr) continue;
    if (!follow(member->participant)) {
      member->participant.reset();
      detach(*member);
      continue;
    }
    member->viewer = viewer_of(*room, *member);
    send_snapshot(*room, *member);
  }
  spdlog::info("room {}: rematch (match {}) with {} participant(s)", room->code, room->match_number,
               renumbered.size());
}

void Server::on_delete_room(Connection& conn, const pm::DeleteRoom& request) {
  Room* room = facilitated_room(conn, "delete the room");
  if (room == nullptr) return;
  if (pm::normalize_join_code(request.code) != room->code) {
    error(conn, pm::ErrorCode::invalid_request, "Give the room's own code to delete it.", "/code");
    return;
  }
  const std::string code = room->code;
  store_->stage_delete(code);
  store_dirty_ = true;
  const std::vector<ConnId> members(room->members.begin(), room->members.end());
  for (const ConnId id : members) {
    Connection* member = connection(id);
    if (member == nullptr) continue;
    member->participant.reset();  // no grace period: the room is going
    detach(*member);
    close(*member, pm::ByeReason::room_deleted,
          "The facilitator deleted this room and all its data.");
  }
  rooms_.erase(code);
  spdlog::info("room {} deleted by its facilitator, with all its data", code);
}

}  // namespace accord::server
