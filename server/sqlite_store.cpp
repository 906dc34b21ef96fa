#include "sqlite_store.hpp"

#include <fcntl.h>
#include <spdlog/spdlog.h>
#include <sqlite3.h>
#include <sys/file.h>
#include <unistd.h>

#include <filesystem>

#include "core/hash.hpp"
#include "core/migrations.hpp"
#include "core/rules.hpp"
#include "core/schema.hpp"
#include "sqlite_statement.hpp"

namespace accord::server {

namespace {

constexpr int kSchemaVersion = 1;
constexpr std::size_t kSnapshotsKept = 2;  // the newest, and one to fall back on

constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS rooms(
  code TEXT PRIMARY KEY,
  match_no INTEGER NOT NULL DEFAULT 1,
  scenario TEXT NOT NULL DEFAULT '',
  content_hash TEXT NOT NULL DEFAULT '',
  facilitator_hash TEXT NOT NULL DEFAULT '',
  room_password_digest TEXT NOT NULL DEFAULT '',
  is_public INTEGER NOT NULL DEFAULT 0,
  quick INTEGER NOT NULL DEFAULT 0,
  bot_difficulty TEXT NOT NULL DEFAULT 'normal',
  status TEXT NOT NULL DEFAULT 'open',
  created_at INTEGER NOT NULL DEFAULT 0,
  closed_at INTEGER NOT NULL DEFAULT 0,
  problem TEXT NOT NULL DEFAULT '');
CREATE TABLE IF NOT EXISTS contents(hash TEXT PRIMARY KEY, data TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS matches(
  code TEXT NOT NULL, match_no INTEGER NOT NULL, header BLOB NOT NULL,
  PRIMARY KEY(code, match_no)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS events(
  code TEXT NOT NULL, match_no INTEGER NOT NULL, seq INTEGER NOT NULL, entry BLOB NOT NULL,
  PRIMARY KEY(code, match_no, seq)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS snapshots(
  code TEXT NOT NULL, match_no INTEGER NOT NULL, seq INTEGER NOT NULL, match BLOB NOT NULL,
  hash INTEGER NOT NULL, PRIMARY KEY(code, match_no, seq)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS tokens(
  code TEXT NOT NULL, digest TEXT NOT NULL, role TEXT NOT NULL, participant INTEGER,
  revoked INTEGER NOT NULL, PRIMARY KEY(code, digest)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS revoked_participants(
  code TEXT NOT NULL, participant INTEGER NOT NULL, PRIMARY KEY(code, participant)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS settings(key TEXT PRIMARY KEY, value INTEGER NOT NULL);
)sql";

}  // namespace

std::unique_ptr<SqliteRoomStore> SqliteRoomStore::open(const std::string& dir, Access access,
                                                       std::string* error,
                                                       const std::vector<Migration>& migrations) {
  const auto fail = [&](std::string why) -> std::unique_ptr<SqliteRoomStore> {
    if (error) *error = std::move(why);
    return nullptr;
  };
  std::error_code ec;
  if (access == Access::read_only) return open_read_only(dir, error, migrations);
  if (access == Access::maintenance &&
      !std::filesystem::exists(std::filesystem::path(dir) / "accord.sqlite3", ec))
    return fail("there is no accord-server data in '" + dir + "' (see --data)");
  std::filesystem::create_directories(dir, ec);
  if (ec) return fail("cannot create the data folder '" + dir + "': " + ec.message());
  std::unique_ptr<SqliteRoomStore> store(new SqliteRoomStore());
  const std::string lock_path = (std::filesystem::path(dir) / "accord.lock").string();
  store->lock_fd_ = ::open(lock_path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (store->lock_fd_ < 0) return fail("cannot open '" + lock_path + "'");
  if (::flock(store->lock_fd_, LOCK_EX | LOCK_NB) != 0)
    return fail(access == Access::serve
                    ? "another accord-server is already using the data folder '" + dir + "'"
                    : "an accord-server is running on the data folder '" + dir +
                          "': it purges by itself every hour; stop it to purge now");
  store->path_ = (std::filesystem::path(dir) / "accord.sqlite3").string();
  if (sqlite3_open_v2(store->path_.c_str(), &store->db_,
                      SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                      nullptr) != SQLITE_OK)
    return fail("cannot open '" + store->path_ +
                "': " + (store->db_ ? sqlite3_errmsg(store->db_) : "out of memory"));
  sqlite3_busy_timeout(store->db_, 2000);
  // WAL + FULL: a committed turn survives kill -9 and power loss. secure_delete: purged rows
  // (students' names and chat) are overwritten, not left in free pages.
  if (!store->exec("PRAGMA journal_mode=WAL") || !store->exec("PRAGMA synchronous=FULL") ||
      !store->exec("PRAGMA secure_delete=ON") || !store->exec(kSchema))
    return fail("cannot prepare '" + store->path_ + "': " + sqlite3_errmsg(store->db_));
  auto& version = store->statement("PRAGMA user_version");
  std::int64_t found = 0;
  {
    Resetting r{version};
    if (version.step() == SQLITE_ROW) found = version.integer(0);
  }
  if (found > kSchemaVersion)
    return fail("'" + store->path_ + "' was written by a newer accord-server (schema " +
                std::to_string(found) + ")");
  if (found < kSchemaVersion &&
      !store->exec(("PRAGMA user_version=" + std::to_string(kSchemaVersion)).c_str()))
    return fail("cannot write '" + store->path_ + "'");
  // The records' data schema (core/schema.hpp): older records are migrated once, here; records
  // from a newer program are never guessed at.
  const std::uint32_t data_version = store->stored_data_schema();
  if (data_version > schema::kVersion)
    return fail("'" + store->path_ +
                "' holds rooms written by a newer accord-server (data schema " +
                std::to_string(data_version) + "; this one reads up to " +
                std::to_string(schema::kVersion) +
                "): run the newer version, or restore a backup made for this one");
  if (data_version < schema::kVersion) {
    std::string problem;
    if (!store->migrate(data_version, migrations, &problem))
      return fail("cannot migrate '" + store->path_ + "' from data schema " +
                  std::to_string(data_version) + ": " + problem);
  }
  if (!store->statement("INSERT OR REPLACE INTO settings(key, value) VALUES('data_schema', ?1)")
           .bind(1, std::int64_t{schema::kVersion})
           .run())
    return fail("cannot write '" + store->path_ + "'");
  return store;
}

std::unique_ptr<SqliteRoomStore> SqliteRoomStore::open_read_only(
    const std::string& dir, std::string* error, const std::vector<Migration>& migrations) {
  const auto fail = [&](std::string why) -> std::unique_ptr<SqliteRoomStore> {
    if (error) *error = std::move(why);
    return nullptr;
  };
  std::error_code ec;
  const auto file = std::filesystem::path(dir) / "accord.sqlite3";
  if (!std::filesystem::exists(file, ec))
    return fail("there is no accord-server data in '" + dir + "' (no accord.sqlite3 there)");
  std::unique_ptr<SqliteRoomStore> store(new SqliteRoomStore());
  store->path_ = file.string();
  if (sqlite3_open_v2(store->path_.c_str(), &store->db_, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX,
                      nullptr) != SQLITE_OK)
    return fail("cannot open '" + store->path_ +
                "': " + (store->db_ ? sqlite3_errmsg(store->db_) : "out of memory"));
  sqlite3_busy_timeout(store->db_, 2000);
  std::int64_t found = 0;
  {
    auto& version = store->statement("PRAGMA user_version");
    Resetting r{version};
    const int rc = version.step();
    if (rc != SQLITE_ROW)
      return fail("cannot read '" + store->path_ + "': " + sqlite3_errmsg(store->db_));
    found = version.integer(0);
  }
  if (found == 0) return fail("'" + store->path_ + "' is not an accord-server database");
  if (found > kSchemaVersion)
    return fail("'" + store->path_ + "' was written by a newer accord-server (schema " +
                std::to_string(found) + ")");
  const std::uint32_t data_version = store->stored_data_schema();
  if (data_version > schema::kVersion)
    return fail("'" + store->path_ +
                "' holds rooms written by a newer accord-server (data schema " +
                std::to_string(data_version) + "; this one reads up to " +
                std::to_string(schema::kVersion) + ")");
  // Fields added since read as their defaults; only a migration needs the records rewritten,
  // which a reader must not do.
  for (const auto& migration : migrations)
    if (migration.to_version > data_version)
      return fail("'" + store->path_ + "' holds rooms of data schema " +
                  std::to_string(data_version) +
                  " that need migrating: start the current accord-server on it once");
  return store;
}

std::uint32_t SqliteRoomStore::stored_data_schema() const {
  auto& select = statement("SELECT value FROM settings WHERE key = 'data_schema'");
  Resetting r{select};
  if (select.step() == SQLITE_ROW) return static_cast<std::uint32_t>(select.integer(0));
  return 1;  // stores from before the setting existed
}

bool SqliteRoomStore::migrate(std::uint32_t from_version, const std::vector<Migration>& list,
                              std::string* problem) {
  if (!exec("BEGIN IMMEDIATE")) return *problem = sqlite3_errmsg(db_), false;
  std::size_t changed = 0, refused = 0;
  // Each table's blob column, its key, and the kind of record it holds. A record a migration
  // refuses stays as it is: its room will not decode and is quarantined with the reason.
  struct Table {
    const char* select;
    const char* update;
    RecordKind kind;
  };
  const Table tables[] = {
      {"SELECT code, match_no, 0, header FROM matches",
       "UPDATE matches SET header = ?4 WHERE code = ?1 AND match_no = ?2 AND ?3 = 0",
       RecordKind::log_header},
      {"SELECT code, match_no, seq, entry FROM events",
       "UPDATE events SET entry = ?4 WHERE code = ?1 AND match_no = ?2 AND seq = ?3",
       RecordKind::log_entry},
      {"SELECT code, match_no, seq, match FROM snapshots",
       "UPDATE snapshots SET match = ?4, hash = ?5 WHERE code = ?1 AND match_no = ?2 AND seq = ?3",
       RecordKind::snapshot},
  };
  for (const auto& table : tables) {
    Statement select(db_, table.select);
    Statement update(db_, table.update);
    while (select.step() == SQLITE_ROW) {
      auto migrated = migrate_record(table.kind, select.blob(3), from_version, list);
      if (!migrated.problem.empty()) {
        spdlog::warn("a stored record cannot be migrated: {}", migrated.problem);
        ++refused;
        continue;
      }
      if (!migrated.bytes) continue;
      if (table.kind == RecordKind::snapshot) {
        // A snapshot is only a shortcut: one the migration leaves undecodable is dropped, and
        // the room replays from its log.
        auto match = decode_match(*migrated.bytes, stored_form());
        if (!match) {
          Statement drop(db_,
                         "DELETE FROM snapshots WHERE code = ?1 AND match_no = ?2 AND seq = ?3");
          drop.bind(1, select.text(0)).bind(2, select.integer(1)).bind(3, select.integer(2));
          if (!drop.run()) {
            exec("ROLLBACK");
            return *problem = "dropping a snapshot failed", false;
          }
          ++changed;
          continue;
        }
        update.bind(5, to_column(hash(*match.value)));
      }
      update.bind(1, select.text(0)).bind(2, select.integer(1)).bind(3, select.integer(2));
      update.bind_blob(4, *migrated.bytes);
      if (!update.run()) {
        exec("ROLLBACK");
        return *problem = "rewriting a record failed", false;
      }
      ++changed;
    }
  }
  if (!exec("COMMIT")) {
    exec("ROLLBACK");
    return *problem = "the migration's commit failed", false;
  }
  spdlog::info("data schema {} -> {}: {} records migrated, {} refused", from_version,
               schema::kVersion, changed, refused);
  return true;
}

SqliteRoomStore::~SqliteRoomStore() {
  statements_.clear();  // finalized before the database closes
  if (db_) sqlite3_close(db_);
  if (lock_fd_ >= 0) ::close(lock_fd_);
}

bool SqliteRoomStore::exec(const char* sql) const {
  char* message = nullptr;
  if (sqlite3_exec(db_, sql, nullptr, nullptr, &message) == SQLITE_OK) return true;
  spdlog::error("SQLite: {}", message ? message : "unknown error");
  sqlite3_free(message);
  return false;
}

SqliteRoomStore::Statement& SqliteRoomStore::statement(const char* sql) const {
  for (auto& [key, stmt] : statements_)
    if (key == sql) return *stmt;
  statements_.emplace_back(sql, std::make_unique<Statement>(db_, sql));
  return *statements_.back().second;
}

// ------------------------------------------------------------------ staging

bool SqliteRoomStore::create_room(const std::string& code, const LogHeader& header) {
  auto& exists = statement("SELECT 1 FROM rooms WHERE code = ?1");
  {
    Resetting r{exists};
    if (exists.bind(1, code).step() == SQLITE_ROW) return false;
  }
  if (!staged_creates_.insert(code).second) return false;
  staged_.push_back([this, code, bytes = encode_log(EventLog{header, {}})] {
    return statement("INSERT INTO rooms(code, match_no) VALUES(?1, 1)").bind(1, code).run() &&
           statement("INSERT INTO matches(code, match_no, header) VALUES(?1, 1, ?2)")
               .bind(1, code)
               .bind_blob(2, bytes)
               .run();
  });
  return true;
}

void SqliteRoomStore::stage_new_match(const std::string& code, std::uint32_t match_number,
                                      const LogHeader& header) {
  staged_.push_back([this, code, match_number, bytes = encode_log(EventLog{header, {}})] {
    return statement("UPDATE rooms SET match_no = ?2 WHERE code = ?1")
               .bind(1, code)
               .bind(2, std::int64_t{match_number})
               .run() &&
           statement("INSERT INTO matches(code, match_no, header) VALUES(?1, ?2, ?3)")
               .bind(1, code)
               .bind(2, std::int64_t{match_number})
               .bind_blob(3, bytes)
               .run();
  });
}

void SqliteRoomStore::stage(const std::string& code, std::span<const LogEntry> entries) {
  std::vector<std::pair<Seq, Bytes>> encoded;
  encoded.reserve(entries.size());
  for (const auto& entry : entries)
    encoded.emplace_back(entry.seq, encode_entry(entry));
  staged_.push_back([this, code, encoded = std::move(encoded)] {
    auto& insert = statement(
        "INSERT INTO events(code, match_no, seq, entry) "
        "VALUES(?1, (SELECT match_no FROM rooms WHERE code = ?1), ?2, ?3)");
    for (const auto& [seq, bytes] : encoded)
      if (!insert.bind(1, code).bind(2, static_cast<std::int64_t>(seq)).bind_blob(3, bytes).run())
        return false;
    return true;
  });
}

void SqliteRoomStore::stage_record(const RoomRecord& record) {
  staged_.push_back([this, record] {
    const auto& r = record;
    bool ok =
        statement(
            "INSERT INTO rooms(code, match_no, scenario, content_hash, facilitator_hash, "
            "room_password_digest, is_public, quick, bot_difficulty, status, created_at, "
            "closed_at, problem) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13) "
            "ON CONFLICT(code) DO UPDATE SET match_no = ?2, scenario = ?3, content_hash = ?4, "
            "facilitator_hash = ?5, room_password_digest = ?6, is_public = ?7, quick = ?8, "
            "bot_difficulty = ?9, status = ?10, created_at = ?11, closed_at = ?12, problem = ?13")
            .bind(1, r.code)
            .bind(2, std::int64_t{r.match_number})
            .bind(3, r.scenario)
            .bind(4, r.content_hash)
            .bind(5, r.facilitator_hash)
            .bind(6, r.room_password_digest)
            .bind(7, std::int64_t{r.is_public})
            .bind(8, std::int64_t{r.quick})
            .bind(9, r.bot_difficulty)
            .bind(10, status_name(r.status))
            .bind(11, r.created_at)
            .bind(12, r.closed_at)
            .bind(13, r.problem)
            .run();
    if (!r.content.empty())
      ok = ok && statement("INSERT OR IGNORE INTO contents(hash, data) VALUES(?1, ?2)")
                     .bind(1, r.content_hash)
                     .bind(2, r.content)
                     .run();
    ok = ok && statement("DELETE FROM tokens WHERE code = ?1").bind(1, r.code).run();
    auto& token = statement(
        "INSERT INTO tokens(code, digest, role, participant, revoked) VALUES(?1, ?2, ?3, ?4, ?5)");
    for (const auto& [digest, entry] : r.tokens) {
      token.bind(1, r.code).bind(2, digest).bind(3, accord::to_string(entry.role)).bind(5, 0);
      if (entry.participant)
        token.bind(4, std::int64_t{*entry.participant});
      else
        token.bind_null(4);
      ok = ok && token.run();
    }
    for (const auto& digest : r.revoked_tokens)
      ok = ok &&
           token.bind(1, r.code).bind(2, digest).bind(3, "player").bind_null(4).bind(5, 1).run();
    ok = ok && statement("DELETE FROM revoked_participants WHERE code = ?1").bind(1, r.code).run();
    for (const ParticipantId id : r.revoked)
      ok = ok && statement("INSERT INTO revoked_participants(code, participant) VALUES(?1, ?2)")
                     .bind(1, r.code)
                     .bind(2, std::int64_t{id})
                     .run();
    return ok;
  });
}

void SqliteRoomStore::stage_snapshot(const std::string& code, Seq seq, const Match& match) {
  staged_.push_back([this, code, seq, bytes = encode_match(match), h = hash(match)] {
    return statement(
               "INSERT OR REPLACE INTO snapshots(code, match_no, seq, match, hash) "
               "VALUES(?1, (SELECT match_no FROM rooms WHERE code = ?1), ?2, ?3, ?4)")
               .bind(1, code)
               .bind(2, static_cast<std::int64_t>(seq))
               .bind_blob(3, bytes)
               .bind(4, to_column(h))
               .run() &&
           statement(
               "DELETE FROM snapshots WHERE code = ?1 AND seq NOT IN (SELECT seq FROM snapshots "
               "WHERE code = ?1 AND match_no = (SELECT match_no FROM rooms WHERE code = ?1) "
               "ORDER BY seq DESC LIMIT ?2)")
               .bind(1, code)
               .bind(2, static_cast<std::int64_t>(kSnapshotsKept))
               .run();
  });
}

void SqliteRoomStore::stage_clock(TimeMs now) {
  staged_.push_back([this, now] {
    return statement("INSERT OR REPLACE INTO settings(key, value) VALUES('clock_ms', ?1)")
        .bind(1, std::int64_t{now})
        .run();
  });
}

void SqliteRoomStore::stage_delete(const std::string& code) {
  staged_.push_back([this, code] {
    drop_room(code);
    return true;
  });
  checkpoint_after_commit_ = true;  // the deleted rows must leave the write-ahead log too
}

void SqliteRoomStore::drop_room(const std::string& code) {
  for (const char* sql :
       {"DELETE FROM events WHERE code = ?1", "DELETE FROM snapshots WHERE code = ?1",
        "DELETE FROM matches WHERE code = ?1", "DELETE FROM tokens WHERE code = ?1",
        "DELETE FROM revoked_participants WHERE code = ?1", "DELETE FROM rooms WHERE code = ?1"})
    statement(sql).bind(1, code).run();
  statement("DELETE FROM contents WHERE hash NOT IN (SELECT content_hash FROM rooms)").run();
}

bool SqliteRoomStore::commit() {
  auto staged = std::move(staged_);
  staged_.clear();
  staged_creates_.clear();
  if (staged.empty()) return true;
  if (!exec("BEGIN IMMEDIATE")) return false;
  bool ok = true;
  for (auto& write : staged) {
    ok = write();
    if (!ok) break;
  }
  if (ok && fail_next_commit.exchange(false)) {
    spdlog::error("SQLite: commit failed (injected by a test)");
    ok = false;
  }
  const bool checkpoint = std::exchange(checkpoint_after_commit_, false);
  if (ok && exec("COMMIT")) {
    if (checkpoint) exec("PRAGMA wal_checkpoint(TRUNCATE)");
    return true;
  }
  exec("ROLLBACK");
  return false;
}

// ------------------------------------------------------------------ maintenance

bool SqliteRoomStore::erase(const std::string& code) {
  auto& exists = statement("SELECT 1 FROM rooms WHERE code = ?1");
  {
    Resetting r{exists};
    if (exists.bind(1, code).step() != SQLITE_ROW) return false;
  }
  if (!exec("BEGIN IMMEDIATE")) return false;
  drop_room(code);
  if (!exec("COMMIT")) {
    exec("ROLLBACK");
    return false;
  }
  exec("PRAGMA wal_checkpoint(TRUNCATE)");
  return true;
}

void SqliteRoomStore::quarantine(const std::string& code, const std::string& problem) {
  // closed_at starts its retention period: a quarantined room's data is not kept forever.
  statement(
      "UPDATE rooms SET status = 'quarantined', problem = ?2, closed_at = unixepoch() WHERE code "
      "= ?1")
      .bind(1, code)
      .bind(2, problem)
      .run();
}

PurgeReport SqliteRoomStore::purge(std::int64_t closed_before) {
  PurgeReport report;
  if (!exec("BEGIN IMMEDIATE")) return report;
  {
    auto& select = statement(
        "SELECT code, (SELECT count(*) FROM events e WHERE e.code = r.code) FROM rooms r "
        "WHERE status IN ('finished', 'abandoned', 'quarantined') AND closed_at < ?1 ORDER BY "
        "code");
    Resetting r{select};
    select.bind(1, closed_before);
    while (select.step() == SQLITE_ROW) {
      report.rooms.push_back(select.text(0));
      report.events += static_cast<std::uint64_t>(select.integer(1));
    }
  }
  for (const auto& code : report.rooms)
    drop_room(code);
  if (!exec("COMMIT")) {
    exec("ROLLBACK");
    return {};
  }
  // Deleted rows must not linger in the write-ahead log either.
  exec("PRAGMA wal_checkpoint(TRUNCATE)");
  return report;
}

}  // namespace accord::server
