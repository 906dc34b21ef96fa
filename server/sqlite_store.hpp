// The durable RoomStore: one SQLite database in the server's data folder (WAL,
// synchronous=FULL, so a commit survives kill -9 and power loss). Everything a loop turn staged
// is written in one transaction by commit() (group commit); nothing touches the disk before.
//
// The event log is the truth; snapshots only make reloads fast. load_room() starts from the
// newest snapshot whose stored hash matches its bytes, replays the entries after it, and falls
// back to older snapshots or a full replay (checking the hash recorded with each snapshot it
// passes) when a snapshot is damaged. A room whose log cannot be read or replayed is reported
// with the problem, for the server to quarantine.
//
// Tables: rooms, contents (once per content hash), matches (a header per match: rematches keep
// the earlier ones), events, snapshots, tokens (digests only), revoked_participants, settings
// (the rooms' clock). No IP address, password or token is ever stored; see docs/privacy.md.
#pragma once

#include <atomic>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/migrations.hpp"
#include "room_store.hpp"

struct sqlite3;
struct sqlite3_stmt;

namespace accord::server {

class SqliteRoomStore final : public RoomStore {
 public:
  enum class Access {
    serve,        // the server: takes the folder's lock, so a second server cannot share it
    maintenance,  // `accord-server purge`: also takes the lock (refused while a server runs)
    // Reports (`accord-report debrief`): opens the database read-only, beside a running server
    // (WAL readers take no write lock); creates no table, migrates and writes no record (SQLite
    // itself may create the empty -wal and -shm files of a stopped server's database).
    read_only,
  };
  // Opens (or creates) DIR/accord.sqlite3. nullptr with `error` saying why.
  // Opens (and, for an older data schema, migrates) the store in `dir`.
  static std::unique_ptr<SqliteRoomStore> open(
      const std::string& dir, Access access, std::string* error,
      const std::vector<Migration>& migrations = accord::migrations());
  ~SqliteRoomStore() override;
  SqliteRoomStore(const SqliteRoomStore&) = delete;
  SqliteRoomStore& operator=(const SqliteRoomStore&) = delete;

  bool create_room(const std::string& code, const LogHeader& header) override;
  void stage_new_match(const std::string& code, std::uint32_t match_number,
                       const LogHeader& header) override;
  void stage(const std::string& code, std::span<const LogEntry> entries) override;
  void stage_record(const RoomRecord& record) override;
  void stage_snapshot(const std::string& code, Seq seq, const Match& match) override;
  void stage_clock(TimeMs now) override;
  void stage_delete(const std::string& code) override;
  bool commit() override;

  std::optional<EventLog> load(const std::string& code) const override;
  LoadedRoom load_room(const std::string& code) const override;
  std::vector<RoomSummary> rooms() const override;
  std::optional<TimeMs> clock() const override;

  void quarantine(const std::string& code, const std::string& problem) override;
  PurgeReport purge(std::int64_t closed_before) override;

  // The reads between begin_read() and end_read() see one committed state of the database,
  // whatever a server writes meanwhile (a read transaction: no write lock).
  bool begin_read() const { return exec("BEGIN"); }
  void end_read() const { exec("COMMIT"); }

  // `accord-server purge --room CODE`: deletes one room and all its data now, whatever its
  // status; false if there is no such room.
  bool erase(const std::string& code);

  const std::string& path() const { return path_; }

  // `accord-server backup FILE` (sqlite_backup.cpp): a consistent copy of the whole database
  // with SQLite's online backup API, while a server keeps writing (from a read_only store),
  // and the folder's server key with it (clients that pinned it keep trusting a restored
  // server). Written beside FILE, then renamed onto it: a failed backup leaves no half file.
  bool backup_to(const std::string& file, std::string* error) const;
  struct RestoreReport {
    std::vector<std::string> kept_aside;  // what the restore replaced, renamed beside it
    bool key_restored = false;            // the backup's server key is the folder's now
  };
  // `accord-server restore FILE`: checks that FILE is an accord-server backup this version can
  // read, moves the folder's current database (and a different server key) aside, and puts the
  // backup's in their place. The server must be stopped (the folder's lock is taken).
  static bool restore(const std::string& dir, const std::string& file, std::string* error,
                      RestoreReport* report);
  // Tests: the next commit writes everything, then rolls back instead of committing (as a full
  // disk or an I/O error at COMMIT would).
  std::atomic<bool> fail_next_commit{false};

  class Statement;

 private:
  SqliteRoomStore() = default;
  static std::unique_ptr<SqliteRoomStore> open_read_only(const std::string& dir, std::string* error,
                                                         const std::vector<Migration>& migrations);
  Statement& statement(const char* sql) const;
  // The records' data schema (core/schema.hpp) the store says it holds.
  std::uint32_t stored_data_schema() const;
  // Rewrites every stored record from data schema `from_version` to the current one.
  bool migrate(std::uint32_t from_version, const std::vector<Migration>& list,
               std::string* problem);
  bool exec(const char* sql) const;
  std::optional<LogHeader> read_header(const std::string& code, std::uint32_t match_number,
                                       std::string* problem) const;
  void drop_room(const std::string& code);  // inside a transaction

  sqlite3* db_ = nullptr;
  int lock_fd_ = -1;
  std::string path_;
  // Prepared once, reused (keyed by the SQL text's address: every call site passes a literal).
  mutable std::vector<std::pair<const char*, std::unique_ptr<Statement>>> statements_;
  std::vector<std::function<bool()>> staged_;  // run in order inside commit()'s transaction
  std::set<std::string> staged_creates_;
  bool checkpoint_after_commit_ = false;
};

}  // namespace accord::server
