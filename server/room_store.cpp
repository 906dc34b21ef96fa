#include "room_store.hpp"

#include <array>
#include <chrono>

namespace accord::server {

namespace {

constexpr std::array<std::string_view, 4> kStatusNames{"open", "finished", "abandoned",
                                                       "quarantined"};

}  // namespace

std::string_view status_name(RoomStatus status) {
  return kStatusNames[static_cast<std::size_t>(status)];
}

std::optional<RoomStatus> room_status_from(std::string_view name) {
  for (std::size_t i = 0; i < kStatusNames.size(); ++i)
    if (kStatusNames[i] == name) return static_cast<RoomStatus>(i);
  return std::nullopt;
}

bool MemoryRoomStore::create_room(const std::string& code, const LogHeader& header) {
  if (rooms_.count(code) > 0 || !staged_creates_.insert(code).second) return false;
  staged_.push_back([this, code, header] {
    auto& stored = rooms_[code];
    stored.log = EventLog{header, {}};
    stored.record.code = code;
  });
  return true;
}

void MemoryRoomStore::stage_new_match(const std::string& code, std::uint32_t match_number,
                                      const LogHeader& header) {
  staged_.push_back([this, code, match_number, header] {
    auto& stored = rooms_[code];
    stored.log = EventLog{header, {}};
    stored.record.match_number = match_number;
  });
}

void MemoryRoomStore::stage(const std::string& code, std::span<const LogEntry> entries) {
  staged_.push_back([this, code, copy = std::vector<LogEntry>(entries.begin(), entries.end())] {
    auto& log = rooms_[code].log;
    log.entries.insert(log.entries.end(), copy.begin(), copy.end());
  });
}

void MemoryRoomStore::stage_record(const RoomRecord& record) {
  staged_.push_back([this, record] { rooms_[record.code].record = record; });
}

void MemoryRoomStore::stage_clock(TimeMs now) {
  staged_.push_back([this, now] { clock_ = now; });
}

void MemoryRoomStore::stage_delete(const std::string& code) {
  staged_.push_back([this, code] { rooms_.erase(code); });
}

bool MemoryRoomStore::commit() {
  auto staged = std::move(staged_);
  staged_.clear();
  staged_creates_.clear();
  if (fail_next_commit.exchange(false) || fail_commits.load()) return false;
  for (auto& apply : staged)
    apply();
  return true;
}

std::optional<EventLog> MemoryRoomStore::load(const std::string& code) const {
  const auto it = rooms_.find(code);
  if (it == rooms_.end()) return std::nullopt;
  return it->second.log;
}

LoadedRoom MemoryRoomStore::load_room(const std::string& code) const {
  const auto it = rooms_.find(code);
  if (it == rooms_.end()) return {std::nullopt, "no such room", true};
  StoredRoom room;
  room.record = it->second.record;
  room.header = it->second.log.header;
  room.tail = it->second.log.entries;
  return {std::move(room), {}};
}

std::vector<RoomSummary> MemoryRoomStore::rooms() const {
  std::vector<RoomSummary> out;
  for (const auto& [code, stored] : rooms_)
    out.push_back(
        RoomSummary{code, stored.record.status, stored.record.closed_at, stored.record.problem});
  return out;
}

void MemoryRoomStore::quarantine(const std::string& code, const std::string& problem) {
  const auto it = rooms_.find(code);
  if (it == rooms_.end()) return;
  it->second.record.status = RoomStatus::quarantined;
  it->second.record.closed_at = std::chrono::duration_cast<std::chrono::seconds>(
                                    std::chrono::system_clock::now().time_since_epoch())
                                    .count();
  it->second.record.problem = problem;
}

PurgeReport MemoryRoomStore::purge(std::int64_t closed_before) {
  PurgeReport report;
  for (auto it = rooms_.begin(); it != rooms_.end();) {
    const RoomRecord& r = it->second.record;
    const bool closed = r.status != RoomStatus::open;
    if (closed && r.closed_at < closed_before) {
      report.rooms.push_back(it->first);
      report.events += it->second.log.entries.size();
      it = rooms_.erase(it);
    } else {
      ++it;
    }
  }
  return report;
}

}  // namespace accord::server
