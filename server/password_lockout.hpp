// Online guessing of passwords is throttled (docs/security.md): after 5 wrong facilitator
// passwords for a room within 15 minutes, or 5 wrong room passwords, further tries for that room
// wait until the oldest of those 5 is 15 minutes old; an address with 20 wrong passwords across
// rooms within 15 minutes waits the same way. The facilitator's and the room's passwords count
// apart, so students mistyping the room password never lock the teacher out.
#pragma once

#include <cstdint>
#include <deque>
#include <map>
#include <optional>
#include <string>

#include "core/types.hpp"

namespace accord::server {

class PasswordLockout {
 public:
  static constexpr std::size_t kPerRoom = 5;
  static constexpr std::size_t kPerAddress = 20;
  static constexpr TimeMs kWindowMs = 15 * 60 * 1000;

  enum class Secret : std::uint8_t { facilitator, room };

  // How long a try for this room from this address must still wait; nullopt: it may go ahead.
  std::optional<TimeMs> wait_ms(Secret secret, const std::string& room, std::uint32_t address,
                                TimeMs now);
  void failed(Secret secret, const std::string& room, std::uint32_t address, TimeMs now);
  // The right password: that room's count for that secret starts again.
  void succeeded(Secret secret, const std::string& room);
  // Forgets failures older than the window (called now and then: the tables stay small).
  void prune(TimeMs now);

  // "4 min 10 s": for the error text.
  static std::string describe_wait(TimeMs ms);

 private:
  using Failures = std::deque<TimeMs>;  // times of wrong tries, oldest first
  static void forget_old(Failures& failures, TimeMs now);
  static std::optional<TimeMs> wait_of(Failures& failures, std::size_t limit, TimeMs now);
  std::map<std::pair<Secret, std::string>, Failures> by_room_;
  std::map<std::uint32_t, Failures> by_address_;
};

}  // namespace accord::server
