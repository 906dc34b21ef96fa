// The protocol library alone: every message round-trips, bad bytes are refused with the field
// named, join codes and display names.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "../shared/test_support.hpp"
#include "protocol/codec.hpp"
#include "protocol/discovery.hpp"
#include "protocol/join_code.hpp"
#include "protocol/names.hpp"

#include <set>

namespace accord {
namespace {

namespace pm = protocol;

// A value of each message with its fields filled with something other than defaults where it
// matters (a command, a match, an event).
template <class T>
T sample() {
  T value{};
  if constexpr (std::is_same_v<T, pm::Hello>) {
    value.client_version = "1.2.0";
    value.content_hashes = {"abc", "def"};
  } else if constexpr (std::is_same_v<T, pm::CreateRoom>) {
    value = {"collapse", 12, "class45", "secret-pw", "room-pw", true, false, true, "hard"};
  } else if constexpr (std::is_same_v<T, pm::JoinRoom>) {
    value = {"ABC234", "Amélie", pm::ClientRole::projector, "pw", "tok"};
  } else if constexpr (std::is_same_v<T, pm::SendCommand>) {
    value = {7, 42, CreateCaucus{"Friends of the code", {1, 3}}};
  } else if constexpr (std::is_same_v<T, pm::Joined> || std::is_same_v<T, pm::Snapshot>) {
    test::Table table(3);
    table.seat_one_each();
    table.start();
    value.view = view_for(table.match(), Viewer::of_seat(1));
    value.view_seq = 9;
    value.viewer = pm::ViewerInfo{ViewerKind::seat, 1};
    if constexpr (std::is_same_v<T, pm::Joined>) {
      value.participant = 1;
      value.reconnect_token = "0123abcd";
    }
  } else if constexpr (std::is_same_v<T, pm::StreamItem>) {
    value = {{5, MessagePosted{}}};
  } else if constexpr (std::is_same_v<T, pm::ViewHash>) {
    value = {12, 0xfedcba9876543210ull};
  } else if constexpr (std::is_same_v<T, pm::CommandRejected>) {
    value = {3, pm::RejectionKind::stale, RejectCode::vote_closed, "target", "Voting has closed."};
  } else if constexpr (std::is_same_v<T, pm::Presence>) {
    value = {{0, 2}, {1}, true};
  } else if constexpr (std::is_same_v<T, pm::Error>) {
    value = {pm::ErrorCode::too_many_peers, "", "limit"};
  } else if constexpr (std::is_same_v<T, pm::Countdown>) {
    value.remaining_ms = -5;
  } else if constexpr (std::is_same_v<T, pm::CaretakerReport>) {
    value = {2, {"Voted yes on clause 12.", "Abstained on the draft."}};
  }
  return value;
}

template <class Variant, class Decode, class... Ts>
void round_trip_all(TypeList<Ts...>, Decode decode) {
  (
      [&] {
        const Variant message{sample<Ts>()};
        const Bytes bytes = pm::encode(message);
        INFO("message " << Ts::kName << " (" << bytes.size() << " bytes)");
        auto decoded = decode(bytes);
        if (!decoded) FAIL(decoded.error.describe());
        CHECK(decoded.value->index() == message.index());
        CHECK(pm::message_name(*decoded.value) == Ts::kName);
        CHECK(pm::encode(*decoded.value) == bytes);
      }(),
      ...);
}

TEST_CASE("every client message round-trips", "[protocol]") {
  round_trip_all<pm::ClientMessage>(pm::ClientMessageTypes{},
                                    [](const Bytes& b) { return pm::decode_client_message(b); });
}

TEST_CASE("every server message round-trips", "[protocol]") {
  round_trip_all<pm::ServerMessage>(pm::ServerMessageTypes{},
                                    [](const Bytes& b) { return pm::decode_server_message(b); });
}

TEST_CASE("a decoded command keeps its fields", "[protocol]") {
  const auto bytes = pm::encode(pm::ClientMessage{sample<pm::SendCommand>()});
  const auto decoded = pm::decode_client_message(bytes);
  REQUIRE(decoded);
  const auto& send = std::get<pm::SendCommand>(*decoded.value);
  CHECK(send.request_id == 7);
  CHECK(send.view_seq == 42);
  const auto& caucus = std::get<CreateCaucus>(send.command);
  CHECK(caucus.name == "Friends of the code");
  CHECK(caucus.invite == std::vector<SeatIndex>{1, 3});
}

TEST_CASE("message names are unique within and across directions", "[protocol]") {
  std::set<std::string_view> names;
  for (auto n : NamesOf<pm::ClientMessageTypes>::value)
    CHECK(names.insert(n).second);
  for (auto n : NamesOf<pm::ServerMessageTypes>::value)
    CHECK(names.insert(n).second);
}

using nlohmann::json;

Bytes msgpack(const json& j) {
  return json::to_msgpack(j);
}

TEST_CASE("bad client input is refused with the failing field named", "[protocol]") {
  SECTION("over 4 KiB, refused before decoding") {
    Bytes big(pm::kMaxClientMessageBytes + 1, 0xc1);  // 0xc1 is never valid MessagePack
    const auto decoded = pm::decode_client_message(big);
    REQUIRE_FALSE(decoded);
    CHECK_THAT(decoded.error.problem, Catch::Contains("exceeds the limit of 4096"));
  }
  SECTION("a chat line that makes the message too big") {
    pm::SendCommand send{1, 0, PostMessage{0, std::string(5000, 'x')}};
    const auto decoded = pm::decode_client_message(pm::encode(pm::ClientMessage{send}));
    REQUIRE_FALSE(decoded);
    CHECK_THAT(decoded.error.problem, Catch::Contains("exceeds the limit"));
  }
  SECTION("deeply nested") {
    json j = json::array();
    for (int i = 0; i < 2000; ++i)
      j = json::array({j});
    const auto bytes = msgpack(j);
    REQUIRE(bytes.size() < pm::kMaxClientMessageBytes);
    const auto decoded = pm::decode_client_message(bytes);
    REQUIRE_FALSE(decoded);
    CHECK_THAT(decoded.error.problem, Catch::Contains("nested deeper"));
  }
  SECTION("truncated") {
    auto bytes = pm::encode(pm::ClientMessage{sample<pm::JoinRoom>()});
    bytes.resize(bytes.size() / 2);
    const auto decoded = pm::decode_client_message(bytes);
    REQUIRE_FALSE(decoded);
    CHECK_THAT(decoded.error.problem, Catch::Contains("malformed"));
  }
  SECTION("unknown message type") {
    const auto decoded = pm::decode_client_message(msgpack({{"type", "welcome"}}));
    REQUIRE_FALSE(decoded);  // a server message is not a client message
    CHECK(decoded.error.path == "/type");
  }
  SECTION("number out of range") {
    json j = {{"type", "send_command"},
              {"request_id", 1ull << 40},
              {"view_seq", 0},
              {"command", {{"type", "leave_seat"}}}};
    const auto decoded = pm::decode_client_message(msgpack(j));
    REQUIRE_FALSE(decoded);
    CHECK(decoded.error.path == "/request_id");
    CHECK(decoded.error.problem == "number out of range");
  }
  SECTION("seat index out of range of its type") {
    json j = {{"type", "send_command"},
              {"request_id", 1},
              {"view_seq", 0},
              {"command", {{"type", "take_seat"}, {"seat", -1}}}};
    const auto decoded = pm::decode_client_message(msgpack(j));
    REQUIRE_FALSE(decoded);
    CHECK(decoded.error.path == "/command/seat");
  }
  SECTION("invalid UTF-8") {
    json j = {{"type", "join_room"}, {"code", "ABCDEF"},    {"name", std::string("A\xff\xfe")},
              {"role", "player"},    {"room_password", ""}, {"reconnect_token", ""}};
    const auto decoded = pm::decode_client_message(msgpack(j));
    REQUIRE_FALSE(decoded);
    CHECK(decoded.error.path == "/name");
    CHECK(decoded.error.problem == "invalid UTF-8");
  }
  SECTION("unknown enum name") {
    json j = {{"type", "join_room"},    {"code", "ABCDEF"},    {"name", "x"},
              {"role", "facilitator!"}, {"room_password", ""}, {"reconnect_token", ""}};
    const auto decoded = pm::decode_client_message(msgpack(j));
    REQUIRE_FALSE(decoded);
    CHECK(decoded.error.path == "/role");
  }
  SECTION("an unexpected field") {
    json j = {{"type", "ping"}, {"nonce", 1}, {"extra", true}};
    const auto decoded = pm::decode_client_message(msgpack(j));
    REQUIRE_FALSE(decoded);
    CHECK(decoded.error.path == "/extra");
  }
  SECTION("random and mutated bytes: what decodes re-encodes to itself, what fails says why") {
    // Valid messages with a few bytes changed often still decode (random bytes seldom do), so
    // both outcomes are exercised; the counts at the end show that they were.
    std::vector<Bytes> valid;
    [&]<class... Ts>(TypeList<Ts...>) {
      (valid.push_back(pm::encode(pm::ClientMessage{sample<Ts>()})), ...);
    }(pm::ClientMessageTypes{});
    Pcg32 rng = Pcg32::seeded(99);
    int decoded_count = 0, refused_count = 0;
    for (int round = 0; round < 4000; ++round) {
      Bytes bytes;
      if (round % 2 == 0) {
        bytes.resize(1 + rng.below(200));
        for (auto& b : bytes)
          b = static_cast<std::uint8_t>(rng.next());
      } else {
        bytes = valid[rng.below(static_cast<std::uint32_t>(valid.size()))];
        for (std::uint32_t n = 1 + rng.below(3); n > 0; --n)
          bytes[rng.below(static_cast<std::uint32_t>(bytes.size()))] =
              static_cast<std::uint8_t>(rng.next());
      }
      const auto decoded = pm::decode_client_message(bytes);
      if (!decoded) {
        ++refused_count;
        if (decoded.error.problem.empty() ||
            (!decoded.error.path.empty() && decoded.error.path.front() != '/'))
          FAIL("round " << round << ": refused without a reason or a valid path: '"
                        << decoded.error.path << "' '" << decoded.error.problem << "'");
        continue;
      }
      ++decoded_count;
      INFO("round " << round << ": decoded " << pm::to_json_text(*decoded.value));
      const Bytes again = pm::encode(*decoded.value);
      const auto redecoded = pm::decode_client_message(again);
      if (!redecoded) FAIL("its own encoding does not decode: " << redecoded.error.describe());
      CHECK(redecoded.value->index() == decoded.value->index());
      CHECK(pm::to_json_text(*redecoded.value) == pm::to_json_text(*decoded.value));
      CHECK(pm::encode(*redecoded.value) == again);
    }
    INFO(decoded_count << " decoded, " << refused_count << " refused");
    CHECK(decoded_count >= 20);  // 38 with this seed and today's messages
    CHECK(refused_count >= 1000);
  }
}

TEST_CASE("join codes avoid look-alikes and accept what students type", "[protocol]") {
  for (const char c : std::string_view("0O1IL"))
    CHECK(pm::kJoinCodeAlphabet.find(c) == std::string_view::npos);
  CHECK(pm::normalize_join_code("abc-def") == "ABCDEF");
  CHECK(pm::normalize_join_code("ABCDE0") == std::nullopt);  // 0 is not in the alphabet
  CHECK(pm::normalize_join_code("abc-dek") == "ABCDEK");
  CHECK(pm::normalize_join_code(" 23a bcd ") == "23ABCD");
  CHECK(pm::normalize_join_code("ABC1EF") == std::nullopt);   // 1 is not in the alphabet
  CHECK(pm::normalize_join_code("ABCDE") == std::nullopt);    // too short
  CHECK(pm::normalize_join_code("ABCDEFG") == std::nullopt);  // too long
  std::size_t draw = 0;
  const auto code = pm::make_join_code([&](std::size_t below) { return draw++ % below; });
  CHECK(code == "234567");
}

TEST_CASE("display names lose control characters and are cut on a character boundary",
          "[protocol]") {
  CHECK(pm::sanitize_display_name("  Ada\tLovelace \n") == "Ada Lovelace");
  CHECK(pm::sanitize_display_name("Bob\x07\x1b[31m") == "Bob[31m");
  CHECK(pm::sanitize_display_name("\xe2\x80\xae"
                                  "evil") == "evil");    // right-to-left override
  CHECK(pm::sanitize_display_name("\xc2\x85x") == "x");  // C1 control (NEL)
  const std::string long_name(30, 'a');
  CHECK(pm::sanitize_display_name(long_name + "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9",
                                  40) ==
        long_name + "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9");  // 40 bytes, no half é
  CHECK(pm::sanitize_display_name("\x01\x02 \x03").empty());
}

TEST_CASE("discovery datagrams round-trip and strangers are ignored", "[protocol][discovery]") {
  pm::DiscoveryProbe probe;
  probe.nonce = 77;
  const auto decoded = pm::decode_probe(pm::encode_probe(probe));
  REQUIRE(decoded);
  CHECK(decoded.value->nonce == 77);
  pm::DiscoveryProbe stranger;
  stranger.magic = "something-else";
  CHECK_FALSE(pm::decode_probe(pm::encode_probe(stranger)));
  pm::DiscoveryReply reply;
  reply.nonce = 77;
  reply.server_name = "Room 12";
  reply.rooms = {{"ABCDEK", "test", 4, 2, true}};
  const auto back = pm::decode_reply(pm::encode_reply(reply));
  REQUIRE(back);
  CHECK(back.value->rooms.at(0).code == "ABCDEK");
}

}  // namespace
}  // namespace accord
