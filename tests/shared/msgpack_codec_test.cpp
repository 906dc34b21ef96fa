// The direct MessagePack codec (core/msgpack_writer.hpp, core/msgpack_reader.hpp) against the
// nlohmann tree it replaced on the hot path.
//
// The writer must write exactly the bytes the tree wrote: view hashes, stored records and
// outside clients depend on them. Compared over every command and event filled with values at
// every MessagePack size boundary, and over matches played at random, whole and per viewer.
//
// The reader must never accept what the strict tree reader refuses, and must read what it
// accepts to the same value; whatever it gives up on goes to the tree reader, so every error
// keeps its path and wording. Compared over every command and event at the size boundaries,
// whole matches, and thousands of damaged inputs.
#include "core/msgpack_reader.hpp"
#include "core/msgpack_writer.hpp"

#include <nlohmann/json.hpp>

#include "core/host.hpp"
#include "core/json_codec.hpp"
#include "core/log.hpp"
#include "core/rng.hpp"
#include "core/visibility.hpp"
#include "edge_fill.hpp"
#include "random_play.hpp"
#include "test_support.hpp"

namespace accord::test {
namespace {

using nlohmann::json;

template <class T>
Bytes tree_bytes(const T& value, Form form) {
  return json::to_msgpack(json_codec::to_value(value, form));
}

template <class T>
void check_same_bytes(const T& value) {
  for (const Form form : {Form::wire, Form::stored}) {
    const Bytes direct = msgpack::encode(value, form);
    const Bytes tree = tree_bytes(value, form);
    REQUIRE(direct.size() == tree.size());
    REQUIRE(direct == tree);
  }
}

template <class Variant>
void every_alternative_at_the_edges(std::uint64_t seeds) {
  [&]<std::size_t... I>(std::index_sequence<I...>) {
    (
        [&] {
          for (std::uint64_t seed = 1; seed <= seeds; ++seed) {
            Variant value{std::in_place_index<I>};
            EdgeFill fill{Pcg32::seeded(seed, I)};
            fill.visit(std::get<I>(value));
            INFO(name_of(value) << " seed " << seed);
            check_same_bytes(value);
          }
        }(),
        ...);
  }
  (std::make_index_sequence<std::variant_size_v<Variant>>{});
}

TEST_CASE("the direct writer writes the tree's bytes for every command and event at the edges") {
  every_alternative_at_the_edges<Command>(25);
  every_alternative_at_the_edges<Event>(25);
}

TEST_CASE("the direct writer writes the tree's bytes for whole matches and log entries") {
  for (std::uint64_t seed = 1; seed <= 30; ++seed) {
    CAPTURE(seed);
    Match match;
    EdgeFill{Pcg32::seeded(seed, 5)}.visit(match);
    check_same_bytes(match);
    LogEntry entry;
    EdgeFill{Pcg32::seeded(seed, 6)}.visit(entry);
    check_same_bytes(entry);
  }
}

TEST_CASE("the direct writer writes the tree's bytes for matches played at random, per viewer") {
  for (std::uint64_t seed = 1; seed <= 12; ++seed) {
    CAPTURE(seed);
    MatchHost host(header_with_seats(static_cast<std::uint32_t>(2 + seed % 5), seed));
    RandomPlay play(seed * 31);
    TimeMs now = 0;
    for (int step = 0; step < 400; ++step) {
      now = play.advance(now);
      const auto [actor, command] = play.next(host.match());
      const auto outcome = host.submit(actor, command, now);
      host.advance_clock(now);
      for (const auto& delivery : outcome.deliveries)
        REQUIRE(msgpack::encode(delivery.item.event) ==
                tree_bytes(delivery.item.event, Form::wire));
      if (step % 80 != 79) continue;
      CAPTURE(step);
      check_same_bytes(host.match());
      check_same_bytes(view_for(host.match(), Viewer::audience()));
      check_same_bytes(view_for(host.match(), Viewer::of_seat(0)));
    }
    check_same_bytes(host.log());
  }
}

TEST_CASE("an enum value without a name is refused, not written") {
  Match match;
  match.phase = static_cast<Phase>(200);
  CHECK_THROWS_AS(msgpack::encode(match), std::invalid_argument);
}

// ---------------------------------------------------------------- reading

template <class T>
Decoded<T> tree_decode(std::span<const std::uint8_t> bytes, const DecodeLimits& limits) {
  Decoded<T> result;
  const auto document = json_codec::parse_msgpack_bounded(bytes, limits, result.error);
  if (!document) return result;
  return json_codec::read_document<T>(*document, limits);
}

DecodeLimits limits_for(Form form) {
  DecodeLimits limits;
  limits.form = form;
  return limits;
}

struct Tally {
  long direct = 0;   // read directly
  long gave_up = 0;  // left to the tree reader
  long refused = 0;  // refused by the tree reader too
};

// The direct reader's verdict on `bytes` agrees with the tree reader's.
template <class T>
void agrees(std::span<const std::uint8_t> bytes, const DecodeLimits& limits, Tally& tally) {
  const auto direct = msgpack::decode<T>(bytes, limits);
  const auto tree = tree_decode<T>(bytes, limits);
  if (!tree) ++tally.refused;
  if (!direct) {
    ++tally.gave_up;
    return;
  }
  ++tally.direct;
  INFO("the direct reader accepted what the tree reader refused: " << tree.error.describe());
  REQUIRE(tree);
  REQUIRE(msgpack::encode(*direct, limits.form) == msgpack::encode(*tree.value, limits.form));
}

// Damages `bytes` in one of several ways, chosen by the generator.
Bytes damaged(const Bytes& bytes, Pcg32& rng) {
  Bytes out = bytes;
  const auto at = [&] { return rng.below(static_cast<std::uint32_t>(out.size())); };
  switch (rng.below(5)) {
    case 0:
      out[at()] ^= static_cast<std::uint8_t>(1u << rng.below(8));
      break;
    case 1:
      out[at()] = static_cast<std::uint8_t>(rng.below(256));
      break;
    case 2:
      out.resize(at());
      break;
    case 3:
      out.insert(out.begin() + at(), static_cast<std::uint8_t>(rng.below(256)));
      break;
    default:
      out.erase(out.begin() + at());
      break;
  }
  return out;
}

template <class Variant>
Tally every_alternative(std::uint64_t seeds, int damages) {
  Tally tally;
  [&]<std::size_t... I>(std::index_sequence<I...>) {
    (
        [&] {
          for (std::uint64_t seed = 1; seed <= seeds; ++seed) {
            Variant value{std::in_place_index<I>};
            EdgeFill fill{Pcg32::seeded(seed, I + 100)};
            fill.visit(std::get<I>(value));
            INFO(name_of(value) << " seed " << seed);
            for (const Form form : {Form::wire, Form::stored}) {
              const Bytes bytes = msgpack::encode(value, form);
              agrees<Variant>(bytes, limits_for(form), tally);
              Pcg32 rng = Pcg32::seeded(seed, I + 200);
              for (int d = 0; d < damages; ++d)
                agrees<Variant>(damaged(bytes, rng), limits_for(form), tally);
            }
          }
        }(),
        ...);
  }
  (std::make_index_sequence<std::variant_size_v<Variant>>{});
  return tally;
}

TEST_CASE("the direct reader agrees with the tree reader on every command and event") {
  for (const Tally& tally :
       {every_alternative<Command>(12, 40), every_alternative<Event>(12, 40)}) {
    // Most undamaged inputs are read directly; most damage is refused by both.
    CHECK(tally.direct > 1000);
    CHECK(tally.gave_up > 1000);
    CHECK(tally.refused > 1000);
  }
}

TEST_CASE("the direct reader agrees with the tree reader on matches and log entries") {
  Tally tally;
  for (std::uint64_t seed = 1; seed <= 20; ++seed) {
    CAPTURE(seed);
    Match match;
    EdgeFill{Pcg32::seeded(seed, 7)}.visit(match);
    LogEntry entry;
    EdgeFill{Pcg32::seeded(seed, 8)}.visit(entry);
    for (const Form form : {Form::wire, Form::stored}) {
      const Bytes match_bytes = msgpack::encode(match, form);
      const Bytes entry_bytes = msgpack::encode(entry, form);
      agrees<Match>(match_bytes, limits_for(form), tally);
      agrees<LogEntry>(entry_bytes, limits_for(form), tally);
      Pcg32 rng = Pcg32::seeded(seed, 9);
      for (int d = 0; d < 20; ++d) {
        agrees<Match>(damaged(match_bytes, rng), limits_for(form), tally);
        agrees<LogEntry>(damaged(entry_bytes, rng), limits_for(form), tally);
      }
    }
  }
  CHECK(tally.direct >= 40);
}

TEST_CASE("input the direct reader gives up on keeps the tree reader's error") {
  // A repeated key, a missing field, an unknown field, a number out of range: the strict
  // reader's answers, word for word, through the public decoder.
  const auto error_of = [](const json& j) {
    const Bytes bytes = json::to_msgpack(j);
    CHECK_FALSE(msgpack::decode<Command>(bytes, DecodeLimits{}));
    const auto decoded = decode_command(bytes);
    REQUIRE_FALSE(decoded);
    return decoded.error.path + ": " + decoded.error.problem;
  };
  CHECK(error_of({{"type", "take_seat"}}) == "/seat: missing field");
  CHECK(error_of({{"type", "take_seat"}, {"seat", 1}, {"chair", 2}}) == "/chair: unexpected field");
  CHECK(error_of({{"type", "take_seat"}, {"seat", 5000000000}}) == "/seat: number out of range");
  CHECK(error_of({{"type", "take_seat"}, {"seat", -1}}) == "/seat: number out of range");
  CHECK(error_of({{"type", "sit_down"}, {"seat", 1}}) == "/type: unknown type 'sit_down'");
  // The same bytes read directly when they are right.
  const Bytes good = json::to_msgpack(json{{"type", "take_seat"}, {"seat", 3}});
  const auto direct = msgpack::decode<Command>(good, DecodeLimits{});
  REQUIRE(direct);
  CHECK(std::get<TakeSeat>(*direct).seat == 3);
}

TEST_CASE("the direct reader keeps the depth limit while it steps over values") {
  // {"aaa": [[[ ... 200,000 levels ... ]]], "type": "take_seat"}: the reader steps over the
  // first value looking for "type", and must stop at the depth limit, not recurse to the end.
  Bytes deep{0x82, 0xa3, 'a', 'a', 'a'};
  deep.insert(deep.end(), 200'000, 0x91);
  deep.push_back(0xc0);
  for (const char c : std::string("\xa4type\xa9take_seat"))
    deep.push_back(static_cast<std::uint8_t>(c));
  CHECK_FALSE(msgpack::decode<Command>(deep, DecodeLimits{}));
  const auto decoded = decode_command(deep);
  REQUIRE_FALSE(decoded);
  CHECK(decoded.error.problem.find("nested deeper") != std::string::npos);
}

}  // namespace
}  // namespace accord::test
