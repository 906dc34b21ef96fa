// Hidden information: what each viewer may see, by marker strings planted in every secret,
// and client views kept by applying filtered streams that hash exactly like the server's.
#include "core/visibility.hpp"

#include <map>

#include "core/codec.hpp"
#include "core/hash.hpp"
#include "test_support.hpp"

namespace accord::test {
namespace {

std::vector<Viewer> all_viewers(const Match& m) {
  std::vector<Viewer> viewers{Viewer::audience(), Viewer::facilitator()};
  for (SeatIndex s = 0; s < m.seats.size(); ++s)
    viewers.push_back(Viewer::of_seat(s));
  return viewers;
}

TEST_CASE("a redacted note event tells others only that the note changed") {
  Table t(2);
  t.seated("Ana", 0);
  const Event written = NoteWritten{0, "SECRET[0] plan"};
  const auto for_own = filter_event(t.match(), written, Viewer::of_seat(0));
  const auto for_other = filter_event(t.match(), written, Viewer::of_seat(1));
  REQUIRE(for_own);
  REQUIRE(for_other);
  CHECK(std::get<NoteWritten>(*for_own).text == "SECRET[0] plan");
  CHECK(std::get<NoteWritten>(*for_other).text.empty());
  CHECK(std::get<NoteWritten>(*for_other).seat == 0);
}

TEST_CASE("the generator's state reaches only the server") {
  Table t(2);
  t.seated("Ana", 0);
  t.join("Ben");
  t.start();
  const Event started = std::get<MatchStarted>(t.host().log().entries.back().event);
  for (const auto& viewer : all_viewers(t.match())) {
    CHECK(std::get<MatchStarted>(*filter_event(t.match(), started, viewer)).rng_after == Pcg32{});
    CHECK(view_for(t.match(), viewer).rng == Pcg32{});
  }
  CHECK(view_for(t.match(), Viewer::server()).rng == t.match().rng);
  CHECK_FALSE(t.match().rng == Pcg32{});
}

TEST_CASE("a gap in a viewer's stream is detected and a resync repairs the view") {
  Table t(2);
  ClientView client(t.host().open_stream(Viewer::audience()));
  auto first = t.host().submit(Actor::server(), JoinMatch{"Ana", Role::player}, 0);
  auto second = t.host().submit(Actor::server(), JoinMatch{"Ben", Role::player}, 0);
  REQUIRE(first.deliveries.size() == 1);
  const Match before = client.view();
  CHECK(client.apply(second.deliveries[0].item) == ClientView::Applied::gap);
  CHECK(client.view() == before);
  client.resync(t.host().open_stream(Viewer::audience()));
  CHECK(client.view_seq() == 2);
  CHECK(hash(client.view()) == hash(view_for(t.match(), Viewer::audience())));
}

}  // namespace
}  // namespace accord::test
