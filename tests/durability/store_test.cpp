// SqliteRoomStore on its own: group commit and failed commits, snapshot + tail against a full
// replay, damaged snapshots and logs, room records with their tokens, the folder lock, purge.
#include "durability_support.hpp"

namespace accord::durabilitytest {
namespace {

using server::RoomRecord;
using server::RoomStatus;
using server::SqliteRoomStore;

constexpr const char* kCode = "ABCDEF";

// Plays a match on a MatchHost, committing each command's entries as a turn and a snapshot
// every `snapshot_every` events, as the server does.
struct RecordedMatch {
  test::Table table{4};
  std::vector<Seq> snapshot_seqs;

  void record(server::RoomStore& store, std::uint32_t snapshot_every, int chat_lines) {
    REQUIRE(store.create_room(kCode, table.host().log().header));
    RoomRecord record;
    record.code = kCode;
    record.scenario = "test";
    record.content_hash = kContentHash;
    record.content = kContent;
    store.stage_record(record);
    REQUIRE(store.commit());
    Seq committed = 0;
    Seq last_snapshot = 0;
    const auto turn = [&] {
      const auto& entries = table.host().log().entries;
      std::vector<LogEntry> fresh;
      for (const auto& e : entries)
        if (e.seq > committed) fresh.push_back(e);
      store.stage(kCode, fresh);
      committed = table.host().last_seq();
      if (committed >= last_snapshot + snapshot_every) {
        store.stage_snapshot(kCode, committed, table.match());
        last_snapshot = committed;
        snapshot_seqs.push_back(committed);
      }
      REQUIRE(store.commit());
    };
    for (SeatIndex s = 0; s < 4; ++s) {
      table.seated("Head " + std::to_string(s), s);
      turn();
    }
    table.advance_to(Phase::drafting);
    turn();
    for (int i = 0; i < chat_lines; ++i) {
      table.must(Actor::of(static_cast<ParticipantId>(i % 4)),
                 PostMessage{kPlenary, "line " + std::to_string(i)});
      turn();
    }
  }
};

Hash full_replay_hash(const EventLog& log) {
  const auto replayed = replay(log);
  REQUIRE(replayed.match);
  return hash(*replayed.match);
}

TEST_CASE("snapshot + tail rebuilds the same match as a full replay", "[durability][store]") {
  TempDir dir;
  RecordedMatch played;
  {
    auto store = open_store(dir);
    played.record(*store, 10, 37);
  }
  auto store = open_store(dir);  // reopened, as after a restart
  const auto full = store->load(kCode);
  REQUIRE(full);
  CHECK(full->entries.size() == played.table.host().log().entries.size());
  const Hash live = hash(played.table.match());
  CHECK(full_replay_hash(*full) == live);

  auto loaded = store->load_room(kCode);
  INFO(loaded.problem);
  REQUIRE(loaded.room);
  auto& room = *loaded.room;
  REQUIRE(room.snapshot.has_value());
  CHECK(room.snapshot_seq == played.snapshot_seqs.back());
  CHECK(room.tail.size() == played.table.host().last_seq() - room.snapshot_seq);
  CHECK(room.tail.size() < full->entries.size());
  std::string why;
  auto resumed =
      MatchHost::from_snapshot(room.header, *room.snapshot, room.snapshot_seq, room.tail, &why);
  INFO(why);
  REQUIRE(resumed);
  CHECK(hash(resumed->match()) == live);
  CHECK(resumed->last_seq() == played.table.host().last_seq());

  // The resumed host goes on exactly like the live one: same seq, same events, same state.
  auto live_next = played.table.host().submit(Actor::of(1), PostMessage{kPlenary, "after"}, 5000);
  auto resumed_next = resumed->submit(Actor::of(1), PostMessage{kPlenary, "after"}, 5000);
  REQUIRE(live_next.appended.size() == 1);
  REQUIRE(resumed_next.appended.size() == 1);
  CHECK(live_next.appended[0].seq == resumed_next.appended[0].seq);
  CHECK(encode_entry(live_next.appended[0]) == encode_entry(resumed_next.appended[0]));
  CHECK(hash(resumed->match()) == hash(played.table.match()));
  CHECK(query_int(dir, "SELECT count(*) FROM snapshots") == 2);  // older ones are dropped
}

TEST_CASE("a damaged snapshot falls back to the log, checking the hash it recorded",
          "[durability][store]") {
  TempDir dir;
  RecordedMatch played;
  {
    auto store = open_store(dir);
    played.record(*store, 10, 37);
  }
  REQUIRE(played.snapshot_seqs.size() >= 2);
  const Seq newest = played.snapshot_seqs.back();
  const Seq older = played.snapshot_seqs[played.snapshot_seqs.size() - 2];
  run_sql(dir, "UPDATE snapshots SET match = x'c1c1c1' WHERE seq = " + std::to_string(newest));

  SECTION("the log still replays: the room loads from the older snapshot") {
    auto store = open_store(dir);
    auto loaded = store->load_room(kCode);
    INFO(loaded.problem);
    REQUIRE(loaded.room);
    CHECK(loaded.room->snapshot_seq == older);
    auto resumed = MatchHost::from_snapshot(loaded.room->header, *loaded.room->snapshot,
                                            loaded.room->snapshot_seq, loaded.room->tail);
    REQUIRE(resumed);
    CHECK(hash(resumed->match()) == hash(played.table.match()));
  }

  SECTION("an event changed behind the snapshot's back: the replay does not match its hash") {
    // Event older+1 becomes a different (valid) chat line.
    const auto& entries = played.table.host().log().entries;
    LogEntry forged = entries[older];  // seq older + 1
    REQUIRE(forged.seq == older + 1);
    REQUIRE(std::holds_alternative<MessagePosted>(forged.event));
    std::get<MessagePosted>(forged.event).message.text = "forged";
    std::string hex;
    for (const auto byte : encode_entry(forged)) {
      constexpr const char* kDigits = "0123456789abcdef";
      hex += kDigits[byte >> 4];
      hex += kDigits[byte & 15];
    }
    run_sql(dir,
            "UPDATE events SET entry = x'" + hex + "' WHERE seq = " + std::to_string(forged.seq));
    auto store = open_store(dir);
    auto loaded = store->load_room(kCode);
    CHECK_FALSE(loaded.room);
    CHECK(loaded.problem ==
          "the log does not replay to the state recorded after event " + std::to_string(newest));
  }
}

TEST_CASE("a failed commit keeps nothing of the turn", "[durability][store]") {
  TempDir dir;
  auto store = open_store(dir);
  RecordedMatch played;
  played.record(*store, 1000, 3);
  const auto before = store->load(kCode)->entries.size();
  const auto next = played.table.host().submit(Actor::of(0), PostMessage{kPlenary, "x"}, 9000);
  store->stage(kCode, next.appended);
  store->stage_clock(123'456);
  store->fail_next_commit = true;
  CHECK_FALSE(store->commit());
  CHECK(store->load(kCode)->entries.size() == before);
  CHECK(store->clock() != TimeMs{123'456});
  // Nothing stays staged: the next turn commits only its own writes.
  CHECK(store->commit());
  CHECK(store->load(kCode)->entries.size() == before);
  store->stage(kCode, next.appended);
  CHECK(store->commit());
  CHECK(store->load(kCode)->entries.size() == before + 1);
}

TEST_CASE("room records and tokens survive a reopen, and a folder serves one server",
          "[durability][store]") {
  TempDir dir;
  RoomRecord record;
  record.code = kCode;
  record.scenario = "test";
  record.content_hash = kContentHash;
  record.content = kContent;
  record.facilitator_hash = "$argon2id$v=19$m=65536,t=2,p=1$c2FsdA$aGFzaA";
  record.room_password_digest = "ab12";
  record.is_public = true;
  record.bot_difficulty = "hard";
  record.tokens["d-facilitator"] = server::TokenEntry{pm::ClientRole::facilitator, std::nullopt};
  record.tokens["d-player"] = server::TokenEntry{pm::ClientRole::player, ParticipantId{3}};
  record.revoked = {1};
  record.revoked_tokens = {"d-gone"};
  record.created_at = 1'700'000'000;
  {
    auto store = open_store(dir);
    std::string error;
    CHECK_FALSE(SqliteRoomStore::open(dir.str(), SqliteRoomStore::Access::serve, &error));
    CHECK(error.find("another accord-server") != std::string::npos);
    CHECK_FALSE(SqliteRoomStore::open(dir.str(), SqliteRoomStore::Access::maintenance, &error));
    CHECK(error.find("stop it to purge now") != std::string::npos);
    REQUIRE(store->create_room(kCode, test::header_with_seats(3)));
    CHECK_FALSE(store->create_room(kCode, test::header_with_seats(3)));  // staged already
    store->stage_record(record);
    store->stage_clock(42'000);
    REQUIRE(store->commit());
    CHECK_FALSE(store->create_room(kCode, test::header_with_seats(3)));  // taken
  }
  auto store = open_store(dir);
  CHECK(store->clock() == TimeMs{42'000});
  auto loaded = store->load_room(kCode);
  REQUIRE(loaded.room);
  const RoomRecord& back = loaded.room->record;
  CHECK(back.scenario == record.scenario);
  CHECK(back.content == record.content);
  CHECK(back.facilitator_hash == record.facilitator_hash);
  CHECK(back.room_password_digest == record.room_password_digest);
  CHECK(back.is_public);
  CHECK(back.bot_difficulty == "hard");
  CHECK(back.tokens == record.tokens);
  CHECK(back.revoked == record.revoked);
  CHECK(back.revoked_tokens == record.revoked_tokens);
  CHECK(back.created_at == record.created_at);
  CHECK(back.status == RoomStatus::open);
  CHECK(loaded.room->tail.empty());
  CHECK(store->load_room("ZZZZZZ").missing);
}

TEST_CASE("purge deletes exactly the rooms past their retention, and their names",
          "[durability][store][privacy]") {
  TempDir dir;
  constexpr std::int64_t kDay = 86'400;
  constexpr std::int64_t kNow = 1'750'000'000;
  struct Case {
    const char* code;
    RoomStatus status;
    std::int64_t closed_days_ago;
    bool purged;
  };
  const std::vector<Case> cases{{"AAAAAA", RoomStatus::finished, 40, true},
                                {"BBBBBB", RoomStatus::abandoned, 31, true},
                                {"CCCCCC", RoomStatus::finished, 29, false},
                                {"DDDDDD", RoomStatus::open, 0, false},
                                {"EEEEEE", RoomStatus::quarantined, 0, false}};
  {
    auto store = open_store(dir);
    for (const auto& c : cases) {
      test::Table table(3);
      table.seated(std::string("Student-of-") + c.code, 0);
      table.must(Actor::of(0), PostMessage{kPlenary, std::string("chat-of-") + c.code});
      REQUIRE(store->create_room(c.code, table.host().log().header));
      RoomRecord record;
      record.code = c.code;
      record.content_hash = c.code[0] == 'A' ? "only-in-A" : kContentHash;
      record.content = c.code[0] == 'A' ? "{\"only\":\"A\"}" : kContent;
      record.status = c.status;
      record.closed_at = c.status == RoomStatus::open ? 0 : kNow - c.closed_days_ago * kDay;
      record.tokens["token-of-" + std::string(c.code)] =
          server::TokenEntry{pm::ClientRole::player, ParticipantId{0}};
      store->stage_record(record);
      store->stage(c.code, table.host().log().entries);
      store->stage_snapshot(c.code, table.host().last_seq(), table.match());
      REQUIRE(store->commit());
    }
    const auto report = store->purge(kNow - 30 * kDay);
    CHECK(report.rooms == std::vector<std::string>{"AAAAAA", "BBBBBB"});
    CHECK(report.events > 0);
  }
  for (const auto& c : cases) {
    const std::string where = std::string(" WHERE code = '") + c.code + "'";
    INFO("room " << c.code);
    const std::int64_t present = c.purged ? 0 : 1;
    CHECK(query_int(dir, "SELECT count(*) FROM rooms" + where) == present);
    CHECK(query_int(dir, "SELECT count(*) FROM matches" + where) == present);
    CHECK(query_int(dir, "SELECT count(*) FROM snapshots" + where) == present);
    CHECK(query_int(dir, "SELECT count(*) FROM tokens" + where) == present);
    CHECK((query_int(dir, "SELECT count(*) FROM events" + where) > 0) == !c.purged);
  }
  CHECK(query_int(dir, "SELECT count(*) FROM contents WHERE hash = 'only-in-A'") == 0);
  CHECK(query_int(dir, "SELECT count(*) FROM contents") == 1);  // still used by the others
  // The purged students' names and chat are gone from the files, not only from the tables.
  const std::string bytes =
      file_bytes(dir.path() / "accord.sqlite3") + file_bytes(dir.path() / "accord.sqlite3-wal");
  CHECK(bytes.find("Student-of-AAAAAA") == std::string::npos);
  CHECK(bytes.find("chat-of-BBBBBB") == std::string::npos);
  CHECK(bytes.find("Student-of-CCCCCC") != std::string::npos);
}

}  // namespace
}  // namespace accord::durabilitytest
