// Password guessing is throttled: the lockout table on its own (times given), and through a
// real server (a sixth facilitator login for a room waits; other rooms are unaffected).
#include "password_lockout.hpp"

#include "net_test_support.hpp"

namespace accord::nettest {
namespace {

using server::PasswordLockout;
using Secret = PasswordLockout::Secret;
constexpr TimeMs kMinute = 60 * 1000;

TEST_CASE("the sixth wrong try for a room waits until the first is 15 minutes old",
          "[net][lockout]") {
  PasswordLockout lockout;
  const std::uint32_t address = 0x0a000001;
  for (TimeMs i = 0; i < 5; ++i) {
    CHECK_FALSE(lockout.wait_ms(Secret::facilitator, "ROOM01", address, i * kMinute));
    lockout.failed(Secret::facilitator, "ROOM01", address, i * kMinute);
  }
  // The fifth failure was at 4 min; the first at 0: the next try waits until 15 min.
  const auto wait = lockout.wait_ms(Secret::facilitator, "ROOM01", address, 5 * kMinute);
  REQUIRE(wait);
  CHECK(*wait == 10 * kMinute);
  CHECK(PasswordLockout::describe_wait(*wait) == "10 min 0 s");
  CHECK(lockout.wait_ms(Secret::facilitator, "ROOM01", 0x0a000002, 5 * kMinute));  // any address
  // The wait ends: at 15 min one failure has left the window.
  CHECK_FALSE(lockout.wait_ms(Secret::facilitator, "ROOM01", address, 15 * kMinute));
  // Other rooms, and the room password of the same room, are unaffected.
  CHECK_FALSE(lockout.wait_ms(Secret::facilitator, "ROOM02", 0x0a000002, 5 * kMinute));
  CHECK_FALSE(lockout.wait_ms(Secret::room, "ROOM01", 0x0a000002, 5 * kMinute));
}

TEST_CASE("the right password starts a room's count again", "[net][lockout]") {
  PasswordLockout lockout;
  for (TimeMs i = 0; i < 4; ++i)
    lockout.failed(Secret::room, "ROOM01", 1, i);
  lockout.succeeded(Secret::room, "ROOM01");
  lockout.failed(Secret::room, "ROOM01", 1, 10);
  CHECK_FALSE(lockout.wait_ms(Secret::room, "ROOM01", 2, 11));
}

TEST_CASE("an address guessing across rooms waits too", "[net][lockout]") {
  PasswordLockout lockout;
  const std::uint32_t guesser = 7;
  for (int i = 0; i < 20; ++i)  // four tries in each of five rooms: no room is locked
    lockout.failed(Secret::facilitator, "ROOM0" + std::to_string(i % 5), guesser, i * 1000);
  CHECK(lockout.wait_ms(Secret::facilitator, "ROOM09", guesser, 20'000));
  CHECK_FALSE(lockout.wait_ms(Secret::facilitator, "ROOM09", guesser + 1, 20'000));
  lockout.prune(20'000 + PasswordLockout::kWindowMs);
  CHECK_FALSE(
      lockout.wait_ms(Secret::facilitator, "ROOM09", guesser, 20'000 + PasswordLockout::kWindowMs));
}

TEST_CASE("a server makes the sixth facilitator login of a room wait", "[net][lockout]") {
  TestServer server;
  auto room = create_room(server);
  auto other = create_room(server);
  const auto login = [&](const std::string& code, const std::string& password) {
    auto client = connected(server);  // a fresh connection each time, as a guesser would
    client->facilitator_login(code, password);
    REQUIRE(pump({client.get()}, [&] { return client->in_room() || !client->errors.empty(); }));
    return client;
  };
  for (int i = 0; i < 5; ++i) {
    const auto guess = login(room->room_code(), "guess-" + std::to_string(i));
    REQUIRE_FALSE(guess->errors.empty());
    CHECK(guess->errors.front().code == pm::ErrorCode::wrong_password);
  }
  // Even the right password waits now, and says for how long.
  const auto sixth = login(room->room_code(), kFacilitatorPassword);
  REQUIRE_FALSE(sixth->errors.empty());
  CHECK(sixth->errors.front().code == pm::ErrorCode::too_many_attempts);
  CHECK(sixth->errors.front().field == "/password");
  CHECK(sixth->errors.front().text.find("try again in 1") != std::string::npos);  // 14-15 min
  CHECK_FALSE(sixth->in_room());
  // Another room is unaffected.
  const auto elsewhere = login(other->room_code(), kFacilitatorPassword);
  CHECK(elsewhere->in_room());
}

}  // namespace
}  // namespace accord::nettest
