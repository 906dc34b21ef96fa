// The log is the source of truth: replaying it reproduces the live match, random command
// streams never break an invariant, and a golden log pins the rules' behaviour.
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string_view>

#include "core/hash.hpp"
#include "core/log.hpp"
#include "test_support.hpp"

namespace accord::test {
namespace {

TEST_CASE("a recorded log replays to the live match, also through its byte form") {
  Table t(3);
  t.seat_one_each();
  t.must(Actor::of(0), WriteNote{"Table the code early."});
  t.advance_to(Phase::drafting);
  t.must(Actor::facilitator(), PauseClock{});
  t.now += 5'000;
  t.must(Actor::facilitator(), ResumeClock{});
  const auto replayed = replay(t.host().log());
  REQUIRE(replayed.match);
  CHECK(hash(*replayed.match) == hash(t.match()));
  const auto decoded = decode_log(encode_log(t.host().log()));
  REQUIRE(decoded);
  const auto from_bytes = replay(*decoded.value);
  REQUIRE(from_bytes.match);
  CHECK(*from_bytes.match == t.match());
  std::string error;
  auto resumed = MatchHost::from_log(t.host().log(), &error);
  REQUIRE(resumed);
  CHECK(resumed->match() == t.match());
}

TEST_CASE("a log from other rules or other content is refused with a reason") {
  Table t(2);
  t.seated("Ana", 0);
  EventLog log = t.host().log();
  log.header.content_hash = "abc";
  CHECK(replay(log, std::string_view("abc")).match);
  const auto other_content = replay(log, std::string_view("def"));
  CHECK_FALSE(other_content.match);
  CHECK(other_content.error.find("other content") != std::string::npos);

  log.header.rules_version = kRulesVersion + 1;
  const auto other_rules = replay(log);
  CHECK_FALSE(other_rules.match);
  CHECK(other_rules.error.find("rules version") != std::string::npos);
}

TEST_CASE("a log whose sequence numbers do not rise is refused") {
  Table t(2);
  t.seated("Ana", 0);
  EventLog log = t.host().log();
  REQUIRE(log.entries.size() == 2);
  log.entries[1].seq = log.entries[0].seq;
  CHECK_FALSE(replay(log).match);
}

// ---------------------------------------------------------------------------- golden log

const std::string kGoldenLog = std::string(ACCORD_TEST_DATA_DIR) + "/golden_lobby_log.json";
const std::string kGoldenHash = std::string(ACCORD_TEST_DATA_DIR) + "/golden_lobby_log.hash";
const char* const kRegenerate =
    "If the rules changed on purpose, regenerate the golden files with\n"
    "  ACCORD_UPDATE_GOLDEN=1 ./build/tests/accord_core_tests '[golden]'\n"
    "and commit tests/data/golden_lobby_log.* with a note saying why the outcome changed.";

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

std::string hex(Hash h) {
  char text[17];
  std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(h));
  return text;
}

// A scripted lobby session: the same commands every time.
MatchHost scripted_session() {
  Table t(4, 2011);
  t.seated("Delegate of Russia", 0);
  t.seated("Delegate of China", 1);
  t.seated("Second delegate of China", 1);
  t.join("Delegate of the United States");
  t.join("Observer", Role::spectator);
  t.must(Actor::of(0), WriteNote{"Table the code before the Assembly closes."});
  t.must(Actor::of(3),
         PostMessage{kPlenary, "The United States supports existing international law."});
  t.must(Actor::of(1), SetReady{true});
  t.start();
  t.host().advance_clock(t.now + 60'000);
  return t.host();
}

TEST_CASE("the golden log replays to its stored hash", "[golden]") {
  const MatchHost live = scripted_session();
  const std::string live_text = log_to_json_text(live.log());
  const std::string live_hash = hex(hash(live.match())) + "\n";
  if (const char* update = std::getenv("ACCORD_UPDATE_GOLDEN");
      update != nullptr && std::string_view(update) == "1") {
    std::ofstream(kGoldenLog, std::ios::binary) << live_text;
    std::ofstream(kGoldenHash, std::ios::binary) << live_hash;
    WARN("golden files rewritten: " << kGoldenLog);
  }
  const auto golden = log_from_json_text(read_file(kGoldenLog));
  INFO(golden.error.describe());
  REQUIRE(golden);
  const auto replayed = replay(*golden.value);
  REQUIRE(replayed.match);
  INFO(kRegenerate);
  CHECK(hex(hash(*replayed.match)) + "\n" == read_file(kGoldenHash));
  // The same script must still produce the same log.
  CHECK(live_text == read_file(kGoldenLog));
}

}  // namespace
}  // namespace accord::test
