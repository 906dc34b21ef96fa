// The SQLite store's statement wrapper (include from server/sqlite_store*.cpp only): the RAII
// prepared statement SqliteRoomStore::Statement (bind, step, read columns, reset), the guard that
// resets a statement when its scope ends, and the conversion of hashes to and from SQLite's
// signed integer columns.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "core/hash.hpp"
#include "sqlite_store.hpp"

namespace accord::server {

// Hashes are unsigned 64-bit; SQLite integers are signed: keep the bit pattern.
inline std::int64_t to_column(Hash h) {
  return static_cast<std::int64_t>(h);
}
inline Hash from_column(std::int64_t v) {
  return static_cast<Hash>(v);
}

// A prepared statement, reset after each use. Column and bind indexes as in SQLite (bind from 1,
// columns from 0).
class SqliteRoomStore::Statement {
 public:
  Statement(sqlite3* db, const char* sql);
  ~Statement();
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  Statement& bind(int i, std::int64_t v) {
    if (stmt_) sqlite3_bind_int64(stmt_, i, v);
    return *this;
  }
  Statement& bind(int i, std::string_view text) {
    if (stmt_)
      sqlite3_bind_text64(stmt_, i, text.data(), text.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
    return *this;
  }
  Statement& bind_blob(int i, std::span<const std::uint8_t> bytes) {
    if (stmt_) sqlite3_bind_blob64(stmt_, i, bytes.data(), bytes.size(), SQLITE_TRANSIENT);
    return *this;
  }
  Statement& bind_null(int i) {
    if (stmt_) sqlite3_bind_null(stmt_, i);
    return *this;
  }
  // SQLITE_ROW, SQLITE_DONE or an error code.
  int step() { return stmt_ ? sqlite3_step(stmt_) : SQLITE_ERROR; }
  // Runs a statement that returns no rows; true on success. Resets it.
  bool run();
  void reset() {
    if (!stmt_) return;
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }
  std::int64_t integer(int col) const { return sqlite3_column_int64(stmt_, col); }
  bool is_null(int col) const { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }
  std::string text(int col) const {
    const auto* p = sqlite3_column_text(stmt_, col);
    return p ? std::string(reinterpret_cast<const char*>(p),
                           static_cast<std::size_t>(sqlite3_column_bytes(stmt_, col)))
             : std::string();
  }
  std::span<const std::uint8_t> blob(int col) const {
    const auto* p = static_cast<const std::uint8_t*>(sqlite3_column_blob(stmt_, col));
    return {p, p ? static_cast<std::size_t>(sqlite3_column_bytes(stmt_, col)) : 0};
  }

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
};

// Resets the statement when the scope ends, whatever happened.
struct Resetting {
  SqliteRoomStore::Statement& s;
  ~Resetting() { s.reset(); }
};

}  // namespace accord::server
