// Hidden information: what each viewer may see, by marker strings planted in every secret,
// and client views kept by applying filtered streams that hash exactly like the server's.
#include "core/visibility.hpp"

#include <map>

#include "core/codec.hpp"
#include "core/hash.hpp"
#include "random_play.hpp"
#include "test_support.hpp"

namespace accord::test {
namespace {

bool contains(const Bytes& haystack, const std::string& needle) {
  return std::search(haystack.begin(), haystack.end(), needle.begin(), needle.end()) !=
         haystack.end();
}

std::vector<Viewer> all_viewers(const Match& m) {
  std::vector<Viewer> viewers{Viewer::audience(), Viewer::facilitator()};
  for (SeatIndex s = 0; s < m.seats.size(); ++s)
    viewers.push_back(Viewer::of_seat(s));
  return viewers;
}

TEST_CASE("no viewer ever sees another seat's secret, and client views match the server's") {
  for (std::uint64_t seed = 1; seed <= 40; ++seed) {
    CAPTURE(seed);
    MatchHost host(header_with_seats(5, seed));
    std::map<Viewer, ClientView> clients;
    std::map<Viewer, Bytes> seen;  // everything each viewer received, as bytes
    for (const auto& viewer : all_viewers(host.match()))
      clients.emplace(viewer, ClientView(host.open_stream(viewer)));

    RandomPlay play(seed);
    TimeMs now = 0;
    for (int step = 0; step < 300; ++step) {
      now = play.advance(now);
      auto [actor, command] = play.next(host.match());
      if (step < 15) {  // a scripted opening plants a secret in every seat, then chaos
        const auto seat = static_cast<SeatIndex>(step / 3);
        actor = step % 3 == 0 ? Actor::server() : Actor::of(seat);
        const Command opening[] = {JoinMatch{"Delegate", Role::player}, TakeSeat{seat},
                                   WriteNote{secret_marker_prefix(seat) + "opening"}};
        command = opening[step % 3];
      }
      auto outcome = host.submit(actor, command, now);
      auto ticked = host.advance_clock(now);
      outcome.deliveries.insert(outcome.deliveries.end(), ticked.deliveries.begin(),
                                ticked.deliveries.end());
      for (const auto& delivery : outcome.deliveries) {
        const Bytes bytes = encode_event(delivery.item.event);
        auto& log = seen[delivery.viewer];
        log.insert(log.end(), bytes.begin(), bytes.end());
        REQUIRE(clients.at(delivery.viewer).apply(delivery.item) == ClientView::Applied::ok);
      }
    }
    for (auto& [viewer, client] : clients) {
      const Match server_view = view_for(host.match(), viewer);
      CHECK(hash(client.view()) == hash(server_view));
      CHECK(client.view().rng == Pcg32{});
      auto& bytes = seen[viewer];
      const Bytes snapshot = encode_match(server_view);
      bytes.insert(bytes.end(), snapshot.begin(), snapshot.end());
      for (SeatIndex s = 0; s < host.match().seats.size(); ++s) {
        if (sees_seat_secrets(viewer, s)) continue;
        INFO("viewer " << to_string(viewer.kind) << " " << viewer.seat << ", seat " << s);
        CHECK_FALSE(contains(bytes, secret_marker_prefix(s)));
      }
    }
    // The test has teeth only if secrets were planted and do reach those allowed to see them.
    bool facilitator_saw_a_secret = false;
    for (SeatIndex s = 0; s < host.match().seats.size(); ++s)
      facilitator_saw_a_secret |= contains(seen[Viewer::facilitator()], secret_marker_prefix(s));
    CHECK(facilitator_saw_a_secret);
  }
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
