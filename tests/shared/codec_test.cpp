// Encode/decode round trips for every command and event, and bounded, strict decoding.
#include "core/codec.hpp"

#include <nlohmann/json.hpp>

#include "core/rng.hpp"
#include "field_walker.hpp"
#include "test_support.hpp"

namespace accord::test {
namespace {

using nlohmann::json;

Bytes msgpack(const json& j) {
  return json::to_msgpack(j);
}

template <class Variant, class Encode, class Decode>
void round_trip_every_alternative(Encode encode, Decode decode) {
  [&]<std::size_t... I>(std::index_sequence<I...>) {
    (
        [&] {
          Variant original{std::in_place_index<I>};
          FillAll{}.visit(std::get<I>(original));
          const Bytes bytes = encode(original);
          const auto decoded = decode(bytes);
          INFO(name_of(original) << ": " << decoded.error.describe());
          REQUIRE(decoded);
          CHECK(decoded.value->index() == I);
          CHECK(encode(*decoded.value) == bytes);
        }(),
        ...);
  }
  (std::make_index_sequence<std::variant_size_v<Variant>>{});
}

TEST_CASE("every command round-trips with every field set") {
  round_trip_every_alternative<Command>([](const Command& c) { return encode_command(c); },
                                        [](const Bytes& b) { return decode_command(b); });
}

TEST_CASE("every event round-trips with every field set") {
  round_trip_every_alternative<Event>([](const Event& e) { return encode_event(e); },
                                      [](const Bytes& b) { return decode_event(b); });
}

TEST_CASE("a match round-trips") {
  Match m;
  FillAll{}.visit(m);
  const auto decoded = decode_match(encode_match(m));
  REQUIRE(decoded);
  CHECK(*decoded.value == m);
}

DecodeError command_error(const json& j) {
  const auto decoded = decode_command(msgpack(j));
  REQUIRE_FALSE(decoded);
  return decoded.error;
}

TEST_CASE("strict decoding names the field that failed") {
  SECTION("wrong type") {
    const auto e = command_error({{"type", "take_seat"}, {"seat", "three"}});
    CHECK(e.path == "/seat");
    CHECK(e.problem == "expected a whole number");
  }
  SECTION("a fraction is not silently truncated") {
    CHECK(command_error({{"type", "take_seat"}, {"seat", 2.7}}).path == "/seat");
  }
  SECTION("out of range before narrowing") {
    const auto e = command_error({{"type", "take_seat"}, {"seat", 1ULL << 40}});
    CHECK(e.path == "/seat");
    CHECK(e.problem == "number out of range");
    CHECK(command_error({{"type", "take_seat"}, {"seat", -1}}).problem == "number out of range");
  }
  SECTION("missing field") {
    const auto e = command_error({{"type", "take_seat"}});
    CHECK(e.path == "/seat");
    CHECK(e.problem == "missing field");
  }
  SECTION("unexpected field") {
    CHECK(command_error({{"type", "take_seat"}, {"seat", 1}, {"extra", 2}}).path == "/extra");
  }
  SECTION("unknown type") {
    const auto e = command_error({{"type", "fly_away"}});
    CHECK(e.path == "/type");
    CHECK(e.problem == "unknown type 'fly_away'");
  }
  SECTION("missing type") {
    CHECK(command_error({{"seat", 1}}).path == "/type");
  }
  SECTION("unknown enum name") {
    CHECK(command_error({{"type", "join_match"}, {"name", "A"}, {"role", "king"}}).path == "/role");
  }
  SECTION("not an object") {
    CHECK(command_error(json(42)).problem == "expected an object");
  }
  SECTION("invalid UTF-8 in a string") {
    const auto e = command_error(
        {{"type", "post_message"}, {"channel", 0}, {"text", std::string("ok \xff\xfe")}});
    CHECK(e.path == "/text");
    CHECK(e.problem == "invalid UTF-8");
  }
  SECTION("over-long string") {
    DecodeLimits limits;
    limits.max_string_bytes = 10;
    const auto d = decode_command(
        msgpack({{"type", "post_message"}, {"channel", 0}, {"text", std::string(11, 'a')}}),
        limits);
    REQUIRE_FALSE(d);
    CHECK(d.error.problem == "string too long");
  }
}

TEST_CASE("bounded decoding refuses hostile input without crashing") {
  SECTION("65,536 levels of nesting") {
    Bytes deep(65'536, 0x91);  // one-element arrays, nested
    deep.push_back(0x00);
    const auto d = decode_command(deep);
    REQUIRE_FALSE(d);
    CHECK(d.error.problem == "nested deeper than 32 levels");
    CHECK_FALSE(decode_match(deep));
  }
  SECTION("oversized input") {
    DecodeLimits limits;
    limits.max_bytes = 4096;
    const auto d = decode_command(
        msgpack({{"type", "post_message"}, {"channel", 0}, {"text", std::string(5000, 'a')}}),
        limits);
    REQUIRE_FALSE(d);
    CHECK(d.error.problem.find("exceeds the limit of 4096") != std::string::npos);
  }
  SECTION("empty input") {
    CHECK(decode_command(Bytes{}).error.problem == "empty input");
  }
  SECTION("every truncation of a valid message") {
    const Bytes full = encode_command(JoinMatch{"Delegate of Kenya", Role::player});
    for (std::size_t n = 1; n < full.size(); ++n) {
      const auto d = decode_command(std::span(full.data(), n));
      INFO("prefix of " << n << " bytes");
      CHECK_FALSE(d);
      CHECK_FALSE(d.error.problem.empty());
    }
  }
  SECTION("random bytes") {
    Pcg32 rng = Pcg32::seeded(2026);
    for (int round = 0; round < 2000; ++round) {
      Bytes junk(1 + rng.below(64));
      for (auto& b : junk)
        b = static_cast<std::uint8_t>(rng.next());
      const auto d = decode_event(junk);
      if (!d) CHECK_FALSE(d.error.problem.empty());
    }
  }
}

}  // namespace
}  // namespace accord::test
