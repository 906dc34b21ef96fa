#include "room_store.hpp"

namespace accord::server {

bool MemoryRoomStore::create_room(const std::string& code, const LogHeader& header) {
  return logs_.emplace(code, EventLog{header, {}}).second;
}

void MemoryRoomStore::stage(const std::string& code, std::span<const LogEntry> entries) {
  auto& staged = staged_[code];
  staged.insert(staged.end(), entries.begin(), entries.end());
}

bool MemoryRoomStore::commit() {
  if (fail_next_commit.exchange(false)) {
    staged_.clear();
    return false;
  }
  for (auto& [code, entries] : staged_) {
    auto& log = logs_[code];
    log.entries.insert(log.entries.end(), entries.begin(), entries.end());
  }
  staged_.clear();
  return true;
}

std::optional<EventLog> MemoryRoomStore::load(const std::string& code) const {
  const auto it = logs_.find(code);
  if (it == logs_.end()) return std::nullopt;
  return it->second;
}

}  // namespace accord::server
