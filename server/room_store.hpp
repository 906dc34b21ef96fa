// Where every accepted event goes before anyone hears of it. The server stages each loop
// turn's entries, commits them once at the end of the turn (one transaction: issue 7 puts
// SQLite behind this interface), and only then sends the turn's messages. If the commit fails,
// every room that staged entries is rolled back to what load() returns and nothing is sent.
#pragma once

#include <atomic>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/log.hpp"

namespace accord::server {

class RoomStore {
 public:
  virtual ~RoomStore() = default;
  // A new room and its header (settings, seed, content hash), durable when this returns true.
  virtual bool create_room(const std::string& code, const LogHeader& header) = 0;
  // Entries accepted this turn, in seq order; not yet durable.
  virtual void stage(const std::string& code, std::span<const LogEntry> entries) = 0;
  // Makes everything staged durable at once; false: nothing staged was kept.
  virtual bool commit() = 0;
  // The room's committed log.
  virtual std::optional<EventLog> load(const std::string& code) const = 0;
};

// In memory: for tests, solo play and until the durable store lands.
class MemoryRoomStore final : public RoomStore {
 public:
  bool create_room(const std::string& code, const LogHeader& header) override;
  void stage(const std::string& code, std::span<const LogEntry> entries) override;
  bool commit() override;
  std::optional<EventLog> load(const std::string& code) const override;

  // Tests: the next commit fails (as a full disk would).
  std::atomic<bool> fail_next_commit{false};

 private:
  std::map<std::string, EventLog> logs_;
  std::map<std::string, std::vector<LogEntry>> staged_;
};

}  // namespace accord::server
