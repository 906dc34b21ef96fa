// Stored rooms survive upgrades. tests/data/upgrade-store-v1/ holds a store written by
// accord-server as released before the schema (commit 1a4d3d9): rooms of several scenarios at
// several points of play, with and without snapshots, and the view hash every viewer of each
// room had when it was written (view_hashes.json, recorded by that release's code).
//
// This file is built twice: in accord_durability_tests, against today's schema; and in
// accord_upgrade_probe_tests, with ACCORD_SCHEMA_PROBE, which adds a field to Match and to the
// participant_joined event (core/schema.hpp) and a migration, as a developer adding fields
// would. Both must resume every room with the view hashes it had.
//
// Re-recording the hashes (only for a new store): ACCORD_RECORD_UPGRADE_HASHES=1.
#include <sqlite3.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/hash.hpp"
#include "core/log.hpp"
#include "core/migrations.hpp"
#include "core/rules.hpp"
#include "core/schema.hpp"
#include "core/visibility.hpp"
#include "sqlite_store.hpp"

namespace accord {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

const fs::path kStoreDir = fs::path(ACCORD_TEST_DATA_DIR) / "upgrade-store-v1";

struct CopiedStore {
  fs::path dir;
  CopiedStore() {
    std::string pattern = (fs::temp_directory_path() / "accord-upgrade-XXXXXX").string();
    REQUIRE(::mkdtemp(pattern.data()) != nullptr);
    dir = pattern;
    fs::copy_file(kStoreDir / "accord.sqlite3", dir / "accord.sqlite3");
  }
  ~CopiedStore() {
    std::error_code ec;
    fs::remove_all(dir, ec);
  }
};

std::string hex(Hash h) {
  std::ostringstream out;
  out << std::hex << h;
  return out.str();
}

// The match a restart resumes: the newest snapshot (or a new match) and the entries after it.
Match resumed_match(const server::StoredRoom& room) {
  Match match = room.snapshot ? *room.snapshot : new_match(room.header.settings, room.header.seed);
  const auto problem = replay_onto(match, room.header, room.snapshot_seq, room.tail);
  INFO(problem);
  REQUIRE(problem.empty());
  return match;
}

// Every viewer's hash of the room, as the server sends them in ViewHash.
json view_hashes(const Match& match) {
  json hashes = json::object();
  hashes["server"] = hex(hash(match));
  hashes["facilitator"] = hex(hash(view_for(match, Viewer::facilitator())));
  hashes["audience"] = hex(hash(view_for(match, Viewer::audience())));
  for (SeatIndex s = 0; s < match.seats.size(); ++s)
    hashes["seat " + std::to_string(s)] = hex(hash(view_for(match, Viewer::of_seat(s))));
  return hashes;
}

#ifdef ACCORD_SCHEMA_PROBE
// The probe's migration: gives old participant_joined records a note, which a default could not.
std::vector<Migration> probe_migrations() {
  return {{4, "note who joined before the probe field existed",
           [](RecordKind kind, json& record, std::string*) {
             if (kind == RecordKind::log_entry && record["event"]["type"] == "participant_joined")
               record["event"]["upgrade_probe_note"] = "joined before schema 4";
             return true;
           }}};
}
#endif

TEST_CASE("A store written before the schema resumes every room with the view hashes it had",
          "[durability][upgrade]") {
  CopiedStore copy;
  std::string error;
#ifdef ACCORD_SCHEMA_PROBE
  const auto list = probe_migrations();
#else
  const auto list = migrations();
#endif
  auto store = server::SqliteRoomStore::open(copy.dir.string(),
                                             server::SqliteRoomStore::Access::serve, &error, list);
  INFO(error);
  REQUIRE(store);

  json recorded = json::object();
  const bool recording = std::getenv("ACCORD_RECORD_UPGRADE_HASHES") != nullptr;
  if (!recording) {
    std::ifstream in(kStoreDir / "view_hashes.json");
    REQUIRE(in);
    recorded = json::parse(in);
  }

  json now = json::object();
  std::size_t rooms = 0, with_snapshot = 0;
  for (const auto& summary : store->rooms()) {
    INFO("room " << summary.code);
    REQUIRE(summary.problem.empty());
    auto loaded = store->load_room(summary.code);
    INFO(loaded.problem);
    REQUIRE(loaded.room);
    const Match match = resumed_match(*loaded.room);
    // Fields of schema version 2 read as "as before": no countdowns, clause-by-clause votes.
    CHECK(match.settings.rules.lobby_ms == 0);
    CHECK(match.settings.rules.debrief_ms == 0);
    CHECK_FALSE(match.settings.rules.starting_text_as_package);
    CHECK_FALSE(match.lobby_opened_at);
    for (const auto& draft : match.drafts) {
      CHECK(draft.starting_package.empty());
      CHECK(draft.package_vote.state == VoteState::not_open);
    }
    const Seq last =
        loaded.room->tail.empty() ? loaded.room->snapshot_seq : loaded.room->tail.back().seq;
    now[summary.code] = {{"seq", last},
                         {"phase", std::string(to_string(match.phase))},
                         {"hashes", view_hashes(match)},
                         {"snapshot", loaded.room->snapshot.has_value()}};
    ++rooms;
    if (loaded.room->snapshot) ++with_snapshot;
#ifdef ACCORD_SCHEMA_PROBE
    // The added fields read as their defaults, or as the migration set them.
    CHECK(match.upgrade_probe == 7);
    auto log = store->load(summary.code);
    REQUIRE(log);
    std::size_t joined = 0;
    for (const auto& entry : log->entries)
      if (const auto* e = std::get_if<ParticipantJoined>(&entry.event)) {
        CHECK(e->upgrade_probe_note == "joined before schema 4");
        ++joined;
      }
    CHECK(joined > 0);
#endif
  }

  if (recording) {
    std::ofstream(kStoreDir / "view_hashes.json") << now.dump(1) << "\n";
    SUCCEED("recorded " << rooms << " rooms");
    return;
  }
  // The store is the one the hashes were recorded from, room for room.
  CHECK(rooms == recorded.size());
  CHECK(with_snapshot > 0);
  CHECK(with_snapshot < rooms);
  for (const auto& [code, expected] : recorded.items()) {
    INFO("room " << code << " at event " << expected["seq"]);
    REQUIRE(now.contains(code));
    CHECK(now[code]["seq"].dump() == expected["seq"].dump());
    CHECK(now[code]["hashes"].dump() == expected["hashes"].dump());
    // Resumed from its snapshot, not by replaying from the start.
    CHECK(now[code]["snapshot"] == expected["snapshot"]);
  }
}

TEST_CASE("A store from a newer data schema is refused with both versions named",
          "[durability][upgrade]") {
  CopiedStore copy;
  {
    std::string error;
    auto store = server::SqliteRoomStore::open(copy.dir.string(),
                                               server::SqliteRoomStore::Access::serve, &error);
    REQUIRE(store);
  }
  // What a future accord-server leaves behind.
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open((copy.dir / "accord.sqlite3").c_str(), &db) == SQLITE_OK);
  const std::string sql = "UPDATE settings SET value = " + std::to_string(schema::kVersion + 1) +
                          " WHERE key = 'data_schema'";
  REQUIRE(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK);
  sqlite3_close(db);
  std::string error;
  auto store = server::SqliteRoomStore::open(copy.dir.string(),
                                             server::SqliteRoomStore::Access::serve, &error);
  CHECK_FALSE(store);
  CHECK_THAT(error, Catch::Contains("newer accord-server (data schema " +
                                    std::to_string(schema::kVersion + 1)));
  CHECK_THAT(error, Catch::Contains("reads up to " + std::to_string(schema::kVersion)));
}

TEST_CASE("A record a migration refuses quarantines its room with the reason, not the others",
          "[durability][upgrade]") {
  CopiedStore copy;
  std::string error;
  auto all_rooms = [&] {
    auto store = server::SqliteRoomStore::open(copy.dir.string(),
                                               server::SqliteRoomStore::Access::serve, &error);
    REQUIRE(store);
    return store->rooms();
  }();
  REQUIRE(all_rooms.size() > 1);
  const std::string victim = all_rooms.front().code;
  const std::string survivor = all_rooms.back().code;
  std::uint64_t victim_seed = 0;
  {
    auto store = server::SqliteRoomStore::open(copy.dir.string(),
                                               server::SqliteRoomStore::Access::serve, &error);
    auto loaded = store->load_room(victim);
    REQUIRE(loaded.room);
    victim_seed = loaded.room->header.seed;
    REQUIRE(store->load_room(survivor).room->header.seed != victim_seed);
  }
  // Pretend the store is one version older than this program, with a migration that refuses
  // the victim room's header.
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open((copy.dir / "accord.sqlite3").c_str(), &db) == SQLITE_OK);
  const std::string sql = "UPDATE settings SET value = " + std::to_string(schema::kVersion - 1) +
                          " WHERE key = 'data_schema'";
  REQUIRE(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK);
  sqlite3_close(db);
  std::vector<Migration> refusing{
      {schema::kVersion, "a test migration that drops a header field of one room",
       [&](RecordKind kind, json& record, std::string*) {
         if (kind == RecordKind::log_header && record["header"]["seed"] == victim_seed)
           record["header"].erase("content_hash");  // a field every version has: no default
         return true;
       }}};
  auto store = server::SqliteRoomStore::open(
      copy.dir.string(), server::SqliteRoomStore::Access::serve, &error, refusing);
  INFO(error);
  REQUIRE(store);
  auto loaded = store->load_room(victim);
  CHECK_FALSE(loaded.room);
  CHECK_THAT(loaded.problem, Catch::Contains("/header/content_hash: missing field"));
  CHECK(store->load_room(survivor).room);
}

TEST_CASE("A snapshot a migration leaves unreadable is dropped and its room replays its log",
          "[durability][upgrade]") {
  CopiedStore copy;
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open((copy.dir / "accord.sqlite3").c_str(), &db) == SQLITE_OK);
  const std::string sql = "INSERT OR REPLACE INTO settings(key, value) VALUES('data_schema', " +
                          std::to_string(schema::kVersion - 1) + ")";
  REQUIRE(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK);
  sqlite3_close(db);
  std::vector<Migration> breaking_snapshots{{schema::kVersion,
                                             "a test migration that breaks every snapshot",
                                             [](RecordKind kind, json& record, std::string*) {
                                               if (kind == RecordKind::snapshot)
                                                 record.erase("phase");  // no default for it
                                               return true;
                                             }}};
  std::string error;
  auto store = server::SqliteRoomStore::open(
      copy.dir.string(), server::SqliteRoomStore::Access::serve, &error, breaking_snapshots);
  INFO(error);
  REQUIRE(store);
  std::ifstream in(kStoreDir / "view_hashes.json");
  const json recorded = json::parse(in);
  for (const auto& [code, expected] : recorded.items()) {
    INFO("room " << code);
    auto loaded = store->load_room(code);
    INFO(loaded.problem);
    REQUIRE(loaded.room);
    CHECK_FALSE(loaded.room->snapshot);
    CHECK(view_hashes(resumed_match(*loaded.room)).dump() == expected["hashes"].dump());
  }
}

}  // namespace
}  // namespace accord
