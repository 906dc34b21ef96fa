// The SQLite store's read path: a match's header, the whole event log of a room's current match
// (load), a room to resume (load_room: its record and tokens, the newest snapshot whose hash
// matches its bytes, and the events after it, replayed past damaged snapshots to check their
// recorded hashes), the list of rooms, and the rooms' clock.
#include <spdlog/spdlog.h>
#include <sqlite3.h>

#include "core/hash.hpp"
#include "core/rules.hpp"
#include "core/schema.hpp"
#include "sqlite_statement.hpp"
#include "sqlite_store.hpp"

namespace accord::server {
namespace {

std::optional<protocol::ClientRole> role_from(std::string_view name) {
  const auto& names = EnumNames<protocol::ClientRole>::value;
  for (std::size_t i = 0; i < names.size(); ++i)
    if (names[i] == name) return static_cast<protocol::ClientRole>(i);
  return std::nullopt;
}

}  // namespace

std::optional<LogHeader> SqliteRoomStore::read_header(const std::string& code,
                                                      std::uint32_t match_number,
                                                      std::string* problem) const {
  auto& select = statement("SELECT header FROM matches WHERE code = ?1 AND match_no = ?2");
  Resetting r{select};
  if (select.bind(1, code).bind(2, std::int64_t{match_number}).step() != SQLITE_ROW) {
    *problem = "the header of match " + std::to_string(match_number) + " is missing";
    return std::nullopt;
  }
  auto decoded = decode_log(select.blob(0));
  if (!decoded) {
    *problem = "the header of match " + std::to_string(match_number) +
               " does not decode: " + decoded.error.describe();
    return std::nullopt;
  }
  return decoded.value->header;
}

std::optional<EventLog> SqliteRoomStore::load(const std::string& code) const {
  std::uint32_t match_number = 0;
  {
    auto& room = statement("SELECT match_no FROM rooms WHERE code = ?1");
    Resetting r{room};
    if (room.bind(1, code).step() != SQLITE_ROW) return std::nullopt;
    match_number = static_cast<std::uint32_t>(room.integer(0));
  }
  std::string problem;
  auto header = read_header(code, match_number, &problem);
  if (!header) return std::nullopt;
  EventLog log{*header, {}};
  auto& events = statement(
      "SELECT entry FROM events WHERE code = ?1 AND match_no = ?2 AND seq > ?3 ORDER BY seq");
  Resetting r{events};
  events.bind(1, code).bind(2, std::int64_t{match_number}).bind(3, std::int64_t{0});
  while (events.step() == SQLITE_ROW) {
    auto entry = decode_entry(events.blob(0));
    if (!entry) return std::nullopt;
    log.entries.push_back(std::move(*entry.value));
  }
  return log;
}

LoadedRoom SqliteRoomStore::load_room(const std::string& code) const {
  StoredRoom room;
  RoomRecord& rec = room.record;
  {
    auto& select = statement(
        "SELECT r.match_no, r.scenario, r.content_hash, r.facilitator_hash, "
        "r.room_password_digest, r.is_public, r.quick, r.bot_difficulty, r.status, r.created_at, "
        "r.closed_at, r.problem, c.data FROM rooms r LEFT JOIN contents c ON c.hash = "
        "r.content_hash WHERE r.code = ?1");
    Resetting r{select};
    if (select.bind(1, code).step() != SQLITE_ROW) return {std::nullopt, "no such room", true};
    rec.code = code;
    rec.match_number = static_cast<std::uint32_t>(select.integer(0));
    rec.scenario = select.text(1);
    rec.content_hash = select.text(2);
    rec.facilitator_hash = select.text(3);
    rec.room_password_digest = select.text(4);
    rec.is_public = select.integer(5) != 0;
    rec.quick = select.integer(6) != 0;
    rec.bot_difficulty = select.text(7);
    const auto status = room_status_from(select.text(8));
    if (!status) return {std::nullopt, "its status '" + select.text(8) + "' is unknown"};
    rec.status = *status;
    rec.created_at = select.integer(9);
    rec.closed_at = select.integer(10);
    rec.problem = select.text(11);
    rec.content = select.text(12);
  }
  {
    auto& tokens =
        statement("SELECT digest, role, participant, revoked FROM tokens WHERE code = ?1");
    Resetting r{tokens};
    tokens.bind(1, code);
    while (tokens.step() == SQLITE_ROW) {
      if (tokens.integer(3) != 0) {
        rec.revoked_tokens.insert(tokens.text(0));
        continue;
      }
      const auto role = role_from(tokens.text(1));
      if (!role) return {std::nullopt, "a token has the unknown role '" + tokens.text(1) + "'"};
      TokenEntry entry{*role, std::nullopt};
      if (!tokens.is_null(2)) entry.participant = static_cast<ParticipantId>(tokens.integer(2));
      rec.tokens.emplace(tokens.text(0), entry);
    }
  }
  {
    auto& revoked = statement("SELECT participant FROM revoked_participants WHERE code = ?1");
    Resetting r{revoked};
    revoked.bind(1, code);
    while (revoked.step() == SQLITE_ROW)
      rec.revoked.insert(static_cast<ParticipantId>(revoked.integer(0)));
  }
  std::string problem;
  auto header = read_header(code, rec.match_number, &problem);
  if (!header) return {std::nullopt, problem};
  room.header = *header;

  // Snapshots, newest first: the first whose bytes hash as recorded is the starting point.
  struct Recorded {
    Seq seq;
    Hash hash;
  };
  std::vector<Recorded> passed;  // damaged snapshots: a replay checks their recorded hash
  const auto match_no = std::int64_t{rec.match_number};
  {
    auto& snapshots = statement(
        "SELECT seq, match, hash FROM snapshots WHERE code = ?1 AND match_no = ?2 ORDER BY seq "
        "DESC");
    Resetting r{snapshots};
    snapshots.bind(1, code).bind(2, match_no);
    while (snapshots.step() == SQLITE_ROW) {
      const auto seq = static_cast<Seq>(snapshots.integer(0));
      const Hash recorded = from_column(snapshots.integer(2));
      auto decoded = decode_match(snapshots.blob(1), stored_form());
      if (decoded && hash(*decoded.value) == recorded) {
        room.snapshot = std::move(*decoded.value);
        room.snapshot_seq = seq;
        break;
      }
      spdlog::warn("room {}: the snapshot after event {} is damaged; replaying from further back",
                   code, seq);
      passed.push_back({seq, recorded});
    }
  }
  // Without a usable snapshot, replay from the start up to the oldest damaged snapshot's seq.
  Match match = room.snapshot ? *room.snapshot : Match{};
  if (!room.snapshot) {
    if (auto invalid = validate_settings(room.header.settings))
      return {std::nullopt, "its settings are invalid: " + invalid->message};
    match = new_match(room.header.settings, room.header.seed);
  }
  auto& events = statement(
      "SELECT seq, entry FROM events WHERE code = ?1 AND match_no = ?2 AND seq > ?3 ORDER BY seq");
  Resetting r{events};
  events.bind(1, code).bind(2, match_no).bind(3, static_cast<std::int64_t>(room.snapshot_seq));
  Seq expected = room.snapshot_seq + 1;
  int rc = SQLITE_ROW;
  while ((rc = events.step()) == SQLITE_ROW) {
    const auto seq = static_cast<Seq>(events.integer(0));
    if (seq != expected)
      return {std::nullopt, "event " + std::to_string(expected) + " is missing from the log"};
    auto entry = decode_entry(events.blob(1));
    if (!entry)
      return {std::nullopt,
              "event " + std::to_string(seq) + " does not decode (" + entry.error.describe() + ")"};
    if (entry.value->seq != seq)
      return {std::nullopt, "event " + std::to_string(seq) + " holds the number " +
                                std::to_string(entry.value->seq)};
    if (!passed.empty()) {
      accord::apply(match, entry.value->event);
      for (const auto& snap : passed)
        if (snap.seq == seq && hash(match) != snap.hash)
          return {std::nullopt, "the log does not replay to the state recorded after event " +
                                    std::to_string(seq)};
    }
    room.tail.push_back(std::move(*entry.value));
    ++expected;
  }
  if (rc != SQLITE_DONE)
    return {std::nullopt, std::string("reading its events failed: ") + sqlite3_errmsg(db_)};
  for (const auto& snap : passed)
    if (snap.seq >= expected)
      return {std::nullopt, "the log ends at event " + std::to_string(expected - 1) +
                                " but a snapshot was taken after event " +
                                std::to_string(snap.seq)};
  return {std::move(room), {}};
}

std::vector<RoomSummary> SqliteRoomStore::rooms() const {
  std::vector<RoomSummary> out;
  auto& select = statement("SELECT code, status, closed_at, problem FROM rooms ORDER BY code");
  Resetting r{select};
  while (select.step() == SQLITE_ROW) {
    RoomSummary summary;
    summary.code = select.text(0);
    summary.status = room_status_from(select.text(1)).value_or(RoomStatus::quarantined);
    summary.closed_at = select.integer(2);
    summary.problem = select.text(3);
    out.push_back(std::move(summary));
  }
  return out;
}

std::optional<TimeMs> SqliteRoomStore::clock() const {
  auto& select = statement("SELECT value FROM settings WHERE key = 'clock_ms'");
  Resetting r{select};
  if (select.step() != SQLITE_ROW) return std::nullopt;
  return select.integer(0);
}

}  // namespace accord::server
