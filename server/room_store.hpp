// Where every accepted event goes before anyone hears of it. The server stages each loop turn's
// entries (and the room records, snapshots and clock that go with them), commits them once at
// the end of the turn in one transaction, and only then sends the turn's messages. If the commit
// fails, nothing staged is kept, every room that staged something is rolled back to what
// load_room() returns, and nothing is sent.
//
// SqliteRoomStore (sqlite_store.hpp) is the durable store; MemoryRoomStore is for tests and solo
// play.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <vector>

#include "core/log.hpp"
#include "protocol/messages.hpp"

namespace accord::server {

// Who a reconnect token admits. Tokens are kept only as digests.
struct TokenEntry {
  protocol::ClientRole role = protocol::ClientRole::player;
  std::optional<ParticipantId> participant;
  friend bool operator==(const TokenEntry&, const TokenEntry&) = default;
};

// open: a lobby or a match being played; finished: the match reached its debrief; abandoned:
// closed by the room lifecycle (idle lobby, nobody connected for days); quarantined: its log
// does not replay, so it is kept for a human to look at and never served.
enum class RoomStatus : std::uint8_t { open, finished, abandoned, quarantined };
std::string_view status_name(RoomStatus status);
std::optional<RoomStatus> room_status_from(std::string_view name);

// A room beyond its event log: what the server needs to serve it again after a restart.
struct RoomRecord {
  std::string code;
  std::string scenario;
  std::string content_hash;
  std::string content;               // JSON text sent to clients (kept once per content hash)
  std::string facilitator_hash;      // Argon2id string; empty in a quick-match room
  std::string room_password_digest;  // empty: no room password
  bool is_public = false;
  bool quick = false;
  std::string bot_difficulty = "normal";
  std::map<std::string, TokenEntry> tokens;  // digest of the token → who it admits
  std::set<ParticipantId> revoked;           // removed (or left): cannot come back
  std::set<std::string> revoked_tokens;      // their tokens' digests, for a clear answer
  RoomStatus status = RoomStatus::open;
  std::int64_t created_at = 0;     // wall clock, unix seconds
  std::int64_t closed_at = 0;      // wall clock, unix seconds; 0 while open
  std::uint32_t match_number = 1;  // 1, then one more with each rematch
  std::string problem;             // quarantined: why
};

// A room as stored: its record, its current match's header, the newest snapshot (if any) and
// the entries after it.
struct StoredRoom {
  RoomRecord record;
  LogHeader header;
  std::optional<Match> snapshot;  // the whole match after entry snapshot_seq
  Seq snapshot_seq = 0;
  std::vector<LogEntry> tail;
};

struct LoadedRoom {
  std::optional<StoredRoom> room;
  std::string problem;   // set when the room's data cannot be read back: quarantine it
  bool missing = false;  // no such room (never committed, or deleted)
};

struct RoomSummary {
  std::string code;
  RoomStatus status = RoomStatus::open;
  std::int64_t closed_at = 0;
  std::string problem;
};

struct PurgeReport {
  std::vector<std::string> rooms;  // deleted with all their data
  std::uint64_t events = 0;        // event rows deleted with them
};

class RoomStore {
 public:
  virtual ~RoomStore() = default;

  // ---- staged: durable once commit() returns true
  // A new room and the header of its first match; false if the code is taken.
  virtual bool create_room(const std::string& code, const LogHeader& header) = 0;
  // Rematch: a new match in an existing room; its entries go to this match from now on.
  virtual void stage_new_match(const std::string& code, std::uint32_t match_number,
                               const LogHeader& header) = 0;
  // Entries accepted this turn, in seq order.
  virtual void stage(const std::string& code, std::span<const LogEntry> entries) = 0;
  // The room's record as it is now (replaces the stored one).
  virtual void stage_record(const RoomRecord& record) = 0;
  // The whole match after entry `seq`: reloads start from the newest one.
  virtual void stage_snapshot(const std::string& code, Seq seq, const Match& match) = 0;
  // The rooms' clock: a restart resumes it from here, so downtime counts as a pause.
  virtual void stage_clock(TimeMs now) = 0;
  // The room and all its data.
  virtual void stage_delete(const std::string& code) = 0;
  // Makes everything staged durable at once; false: nothing staged was kept.
  virtual bool commit() = 0;

  // ---- reading
  // The room's current match, every committed entry (reports, tests, full replays).
  virtual std::optional<EventLog> load(const std::string& code) const = 0;
  // The room as a restart needs it: record, header, newest snapshot and tail.
  virtual LoadedRoom load_room(const std::string& code) const = 0;
  virtual std::vector<RoomSummary> rooms() const = 0;
  // The last clock value committed (nullopt: never).
  virtual std::optional<TimeMs> clock() const = 0;

  // ---- maintenance (immediate, outside the turn's transaction)
  // Keeps the room's data but never serves it again; `problem` says why. Its retention period
  // starts now.
  virtual void quarantine(const std::string& code, const std::string& problem) = 0;
  // Deletes every finished, abandoned or quarantined room closed before `closed_before` (unix
  // seconds), with all its data.
  virtual PurgeReport purge(std::int64_t closed_before) = 0;
};

// In memory: for tests and solo play. Keeps every entry (no snapshots).
class MemoryRoomStore final : public RoomStore {
 public:
  bool create_room(const std::string& code, const LogHeader& header) override;
  void stage_new_match(const std::string& code, std::uint32_t match_number,
                       const LogHeader& header) override;
  void stage(const std::string& code, std::span<const LogEntry> entries) override;
  void stage_record(const RoomRecord& record) override;
  void stage_snapshot(const std::string&, Seq, const Match&) override {}
  void stage_clock(TimeMs now) override;
  void stage_delete(const std::string& code) override;
  bool commit() override;

  std::optional<EventLog> load(const std::string& code) const override;
  LoadedRoom load_room(const std::string& code) const override;
  std::vector<RoomSummary> rooms() const override;
  std::optional<TimeMs> clock() const override { return clock_; }

  void quarantine(const std::string& code, const std::string& problem) override;
  PurgeReport purge(std::int64_t closed_before) override;

  // Tests: the next commit fails (as a full disk would).
  std::atomic<bool> fail_next_commit{false};
  // Tests: every commit fails until this is cleared (a disk that stays full).
  std::atomic<bool> fail_commits{false};

 private:
  struct Stored {
    EventLog log;
    RoomRecord record;
  };
  std::map<std::string, Stored> rooms_;
  std::optional<TimeMs> clock_;
  std::vector<std::function<void()>> staged_;  // applied in order by commit()
  std::set<std::string> staged_creates_;
};

}  // namespace accord::server
