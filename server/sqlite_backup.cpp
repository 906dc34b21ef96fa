// Backups of the store (docs/hosting.md, "Backups"): SQLite's online backup API copies every
// page of the database as one consistent state, whatever a running server commits meanwhile.
#include <fcntl.h>
#include <sqlite3.h>
#include <sys/file.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>

#include "core/schema.hpp"
#include "identity.hpp"
#include "sqlite_store.hpp"

namespace accord::server {
namespace fs = std::filesystem;

namespace {

// Copies all of `from` into `to` (both open); false with SQLite's words.
bool copy_database(sqlite3* from, sqlite3* to, std::string* error) {
  sqlite3_backup* backup = sqlite3_backup_init(to, "main", from, "main");
  if (backup == nullptr) {
    *error = sqlite3_errmsg(to);
    return false;
  }
  // One step of every page: the copy holds one read transaction, so it is one committed state.
  const int stepped = sqlite3_backup_step(backup, -1);
  const int finished = sqlite3_backup_finish(backup);
  if (stepped != SQLITE_DONE || finished != SQLITE_OK) {
    *error = sqlite3_errstr(stepped != SQLITE_DONE ? stepped : finished);
    return false;
  }
  return true;
}

struct Database {
  sqlite3* db = nullptr;
  ~Database() { sqlite3_close(db); }
};

// The backup's other files (the server key) ride in this table of the backup's database; a
// restore takes them out and drops it.
constexpr const char* kFilesTable =
    "CREATE TABLE backup_files(name TEXT PRIMARY KEY, bytes BLOB NOT NULL)";

bool read_file(const fs::path& path, std::string* bytes) {
  std::error_code ec;
  const auto size = fs::file_size(path, ec);
  if (ec) return false;
  bytes->assign(size, '\0');
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  const auto got = ::read(fd, bytes->data(), size);
  ::close(fd);
  return got == static_cast<ssize_t>(size);
}

// Writes `bytes` to `path` readable by its owner only; false if it cannot.
bool write_private_file(const fs::path& path, const std::string& bytes) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) return false;
  const bool ok = ::write(fd, bytes.data(), bytes.size()) == static_cast<ssize_t>(bytes.size()) &&
                  ::fsync(fd) == 0;
  ::close(fd);
  return ok;
}

// Opens `file` read-only and checks that it is an accord-server database this version reads.
bool check_backup(const std::string& file, Database& source, std::string* error) {
  if (!fs::is_regular_file(file)) {
    *error = "there is no backup file '" + file + "'";
    return false;
  }
  if (sqlite3_open_v2(file.c_str(), &source.db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
    *error = "cannot open '" + file + "': " + sqlite3_errmsg(source.db);
    return false;
  }
  const auto integer = [&](const char* sql, std::int64_t* out) {
    sqlite3_stmt* stmt = nullptr;
    bool ok = sqlite3_prepare_v2(source.db, sql, -1, &stmt, nullptr) == SQLITE_OK &&
              sqlite3_step(stmt) == SQLITE_ROW;
    if (ok) *out = sqlite3_column_int64(stmt, 0);
    sqlite3_finalize(stmt);
    return ok;
  };
  std::int64_t version = 0, data_schema = 0;
  if (!integer("PRAGMA user_version", &version) || version == 0 ||
      !integer("SELECT value FROM settings WHERE key = 'data_schema'", &data_schema)) {
    *error = "'" + file + "' is not an accord-server backup";
    return false;
  }
  if (data_schema > schema::kVersion) {
    *error = "'" + file + "' was made by a newer accord-server (data schema " +
             std::to_string(data_schema) + "; this one reads up to " +
             std::to_string(schema::kVersion) + ")";
    return false;
  }
  sqlite3_stmt* stmt = nullptr;
  std::string verdict = "no answer";
  if (sqlite3_prepare_v2(source.db, "PRAGMA quick_check", -1, &stmt, nullptr) == SQLITE_OK &&
      sqlite3_step(stmt) == SQLITE_ROW)
    verdict = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
  sqlite3_finalize(stmt);
  if (verdict != "ok") {
    *error = "'" + file + "' is damaged (SQLite's check: " + verdict + ")";
    return false;
  }
  return true;
}

}  // namespace

bool SqliteRoomStore::backup_to(const std::string& file, std::string* error) const {
  const std::string partial = file + ".partial";
  fs::remove(partial);
  // Created 0600 first: a backup holds what the data folder holds (names, chat).
  const int fd = ::open(partial.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) {
    *error = "cannot create '" + partial + "'";
    return false;
  }
  ::close(fd);
  Database target;
  std::string why;
  bool ok =
      sqlite3_open_v2(partial.c_str(), &target.db, SQLITE_OPEN_READWRITE, nullptr) == SQLITE_OK &&
      copy_database(db_, target.db, &why);
  if (ok) {
    // A backup is one file: no WAL beside it; the server key goes inside.
    ok = sqlite3_exec(target.db, "PRAGMA journal_mode=DELETE", nullptr, nullptr, nullptr) ==
             SQLITE_OK &&
         sqlite3_exec(target.db, kFilesTable, nullptr, nullptr, nullptr) == SQLITE_OK;
    std::string key;
    if (ok && read_file(fs::path(path_).parent_path() / kIdentityFileName, &key)) {
      sqlite3_stmt* insert = nullptr;
      ok = sqlite3_prepare_v2(target.db, "INSERT INTO backup_files VALUES(?1, ?2)", -1, &insert,
                              nullptr) == SQLITE_OK &&
           sqlite3_bind_text(insert, 1, kIdentityFileName, -1, SQLITE_STATIC) == SQLITE_OK &&
           sqlite3_bind_blob(insert, 2, key.data(), static_cast<int>(key.size()), SQLITE_STATIC) ==
               SQLITE_OK &&
           sqlite3_step(insert) == SQLITE_DONE;
      sqlite3_finalize(insert);
    }
    if (!ok) why = sqlite3_errmsg(target.db);
  } else if (why.empty()) {
    why = sqlite3_errmsg(target.db);
  }
  sqlite3_close(target.db);
  target.db = nullptr;
  std::error_code ec;
  if (ok) fs::rename(partial, file, ec);
  if (!ok || ec) {
    fs::remove(partial, ec);
    *error = "cannot write the backup '" + file + "': " + (ok ? ec.message() : why);
    return false;
  }
  return true;
}

bool SqliteRoomStore::restore(const std::string& dir, const std::string& file, std::string* error,
                              RestoreReport* report) {
  Database source;
  if (!check_backup(file, source, error)) return false;
  std::error_code ec;
  fs::create_directories(dir, ec);
  const fs::path folder(dir);
  const int lock = ::open((folder / "accord.lock").c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (lock < 0 || ::flock(lock, LOCK_EX | LOCK_NB) != 0) {
    if (lock >= 0) ::close(lock);
    *error = "an accord-server is running on the data folder '" + dir + "': stop it to restore";
    return false;
  }
  struct Unlock {
    int fd;
    ~Unlock() { ::close(fd); }
  } unlock{lock};

  // The backup goes into a new file first; only then is the current database moved aside (with
  // its WAL: a WAL beside a different database would be replayed into it).
  const fs::path database = folder / "accord.sqlite3";
  const fs::path incoming = folder / "accord.sqlite3.restoring";
  fs::remove(incoming, ec);
  Database target;
  std::string why;
  // 0600 like the server's own data: the rooms hold students' names and chat.
  if (const int fd = ::open(incoming.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
      fd >= 0)
    ::close(fd);
  if (sqlite3_open_v2(incoming.c_str(), &target.db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
                      nullptr) != SQLITE_OK ||
      !copy_database(source.db, target.db, &why)) {
    *error = "cannot copy the backup into '" + dir + "': " + (why.empty() ? "cannot open" : why);
    fs::remove(incoming, ec);
    return false;
  }
  // The key the backup carries (a backup of an older version has none: the folder's stays).
  std::string key;
  bool has_key = false;
  {
    sqlite3_stmt* select = nullptr;
    if (sqlite3_prepare_v2(target.db, "SELECT bytes FROM backup_files WHERE name = ?1", -1, &select,
                           nullptr) == SQLITE_OK &&
        sqlite3_bind_text(select, 1, kIdentityFileName, -1, SQLITE_STATIC) == SQLITE_OK &&
        sqlite3_step(select) == SQLITE_ROW) {
      const auto* bytes = static_cast<const char*>(sqlite3_column_blob(select, 0));
      key.assign(bytes, static_cast<std::size_t>(sqlite3_column_bytes(select, 0)));
      has_key = true;
    }
    sqlite3_finalize(select);
  }
  sqlite3_exec(target.db, "DROP TABLE IF EXISTS backup_files", nullptr, nullptr, nullptr);
  sqlite3_close(target.db);
  target.db = nullptr;

  *report = RestoreReport{};
  const auto stamp = std::to_string(std::chrono::duration_cast<std::chrono::seconds>(
                                        std::chrono::system_clock::now().time_since_epoch())
                                        .count());
  const auto move_aside = [&](const fs::path& from) {
    if (!fs::exists(from, ec)) return true;
    const fs::path to = from.string() + ".before-restore-" + stamp;
    fs::rename(from, to, ec);
    if (ec) {
      *error = "cannot move '" + from.string() + "' aside: " + ec.message();
      return false;
    }
    report->kept_aside.push_back(to.string());
    return true;
  };
  for (const char* suffix : {"", "-wal", "-shm"})
    if (!move_aside(database.string() + suffix)) return false;
  fs::rename(incoming, database, ec);
  if (ec) {
    *error = "cannot put the backup in place: " + ec.message();
    return false;
  }
  const fs::path key_path = folder / kIdentityFileName;
  std::string current;
  if (has_key && !(read_file(key_path, &current) && current == key)) {
    if (!move_aside(key_path)) return false;
    if (!write_private_file(key_path, key)) {
      *error = "the rooms are restored, but the server key could not be written to '" +
               key_path.string() + "'";
      return false;
    }
    report->key_restored = true;
  } else if (has_key) {
    report->key_restored = true;  // the folder already had this very key
  }
  return true;
}

}  // namespace accord::server
