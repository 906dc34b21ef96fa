#include "password_lockout.hpp"

#include <iterator>

namespace accord::server {

void PasswordLockout::forget_old(Failures& failures, TimeMs now) {
  while (!failures.empty() && now - failures.front() >= kWindowMs)
    failures.pop_front();
}

std::optional<TimeMs> PasswordLockout::wait_of(Failures& failures, std::size_t limit, TimeMs now) {
  forget_old(failures, now);
  if (failures.size() < limit) return std::nullopt;
  // The try may go once the oldest of the last `limit` failures has left the window.
  return failures[failures.size() - limit] + kWindowMs - now;
}

std::optional<TimeMs> PasswordLockout::wait_ms(Secret secret, const std::string& room,
                                               std::uint32_t address, TimeMs now) {
  std::optional<TimeMs> wait;
  if (const auto it = by_room_.find({secret, room}); it != by_room_.end())
    wait = wait_of(it->second, kPerRoom, now);
  if (const auto it = by_address_.find(address); it != by_address_.end())
    if (const auto by_address = wait_of(it->second, kPerAddress, now))
      wait = std::max(wait.value_or(0), *by_address);
  return wait;
}

void PasswordLockout::failed(Secret secret, const std::string& room, std::uint32_t address,
                             TimeMs now) {
  by_room_[{secret, room}].push_back(now);
  by_address_[address].push_back(now);
}

void PasswordLockout::succeeded(Secret secret, const std::string& room) {
  by_room_.erase({secret, room});
}

void PasswordLockout::prune(TimeMs now) {
  // std::erase_if hands its predicate const entries: trim and erase by hand.
  const auto prune_table = [now](auto& table) {
    for (auto it = table.begin(); it != table.end();) {
      forget_old(it->second, now);
      it = it->second.empty() ? table.erase(it) : std::next(it);
    }
  };
  prune_table(by_room_);
  prune_table(by_address_);
}

std::string PasswordLockout::describe_wait(TimeMs ms) {
  const TimeMs seconds = (ms + 999) / 1000;
  if (seconds < 60) return std::to_string(seconds) + " s";
  return std::to_string(seconds / 60) + " min " + std::to_string(seconds % 60) + " s";
}

}  // namespace accord::server
