// The SQLite store's prepared statement: preparing (persistent, reused), finalizing, and running
// a statement that returns no rows. The rest of SqliteRoomStore::Statement is inline in
// sqlite_statement.hpp.
#include "sqlite_statement.hpp"

#include <spdlog/spdlog.h>

namespace accord::server {

SqliteRoomStore::Statement::Statement(sqlite3* db, const char* sql) : db_(db) {
  if (sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt_, nullptr) != SQLITE_OK) {
    spdlog::error("SQLite cannot prepare a statement: {}", sqlite3_errmsg(db));
    stmt_ = nullptr;
  }
}

SqliteRoomStore::Statement::~Statement() {
  sqlite3_finalize(stmt_);
}

bool SqliteRoomStore::Statement::run() {
  const int rc = step();
  if (rc != SQLITE_DONE) spdlog::error("SQLite: {}", sqlite3_errmsg(db_));
  reset();
  return rc == SQLITE_DONE;
}

}  // namespace accord::server
