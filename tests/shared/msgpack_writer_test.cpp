// The direct MessagePack writer (core/msgpack_writer.hpp) must write exactly the bytes the
// nlohmann tree wrote before it: view hashes, stored records and outside clients depend on
// them. Compared here over every command and event filled with values at every MessagePack
// size boundary, and over matches played at random, whole and as each viewer sees them.
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

}  // namespace
}  // namespace accord::test
