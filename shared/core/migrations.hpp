// Migrations of stored records between data schema versions (core/schema.hpp). Most changes
// need none: a field added with its `since` reads as its default from older records. A
// migration is for what a default cannot express: a renamed or removed field, a value that
// changes meaning, a field whose default for old records differs from the one for new ones.
// How to write one: CONTRIBUTING.md ("Writing a migration").
#pragma once

#include <cstdint>
#include <functional>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/codec.hpp"

namespace accord {

// What a stored record holds: a log header (LogHeader inside an EventLog), one LogEntry, or a
// Match snapshot.
enum class RecordKind : std::uint8_t { log_header, log_entry, snapshot };

struct Migration {
  std::uint32_t to_version = 0;  // the record is at to_version - 1 before, to_version after
  std::string what;              // one line for the server's log
  // Rewrites one record's JSON form in place; returns false (with *problem) if it cannot.
  std::function<bool(RecordKind, nlohmann::json&, std::string* problem)> apply;
};

// The migrations this program knows, in version order (empty while schema::kVersion is 1).
const std::vector<Migration>& migrations();

struct MigratedRecord {
  std::optional<Bytes> bytes;  // empty when nothing had to change
  std::string problem;         // set when a migration refused the record
};

// Brings one stored record from data schema `from_version` to the current one.
MigratedRecord migrate_record(RecordKind kind, std::span<const std::uint8_t> bytes,
                              std::uint32_t from_version,
                              const std::vector<Migration>& list = migrations());

}  // namespace accord
