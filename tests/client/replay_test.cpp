// The replay rebuilds, at every event, exactly the view the client had live: a short bot match is
// played once, the hash of the player's view kept after every item applied, and the Replay of the
// session's recording must hash the same at every position, in any order of access, whatever
// the checkpoint spacing. Jumps land just after vote results; a resync's segment replays.
#include <malloc.h>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>

#include "replay.hpp"
#include "replay_test_support.hpp"

namespace accord::client::test {
namespace {

TEST_CASE("replay: every position rebuilds the view the live client had there", "[replay]") {
  const PlayedMatch& m = played_match();
  const Replay replay(*m.session->recording());
  REQUIRE(replay.size() == m.session->recording()->events());
  REQUIRE(replay.size() > 50);
  // Every position from the first observed one was seen live.
  REQUIRE(m.live.size() == replay.size() - m.first_observed + 1);
  for (const auto& [position, live] : m.live) {
    INFO("position " << position);
    REQUIRE(hash(replay.view_at(position)) == live);
  }
  CHECK(hash(replay.view_at(replay.size())) == hash(m.session->view()));
  // Backwards, from other checkpoints: the same views.
  const Replay sparse(*m.session->recording(), 7);
  for (auto it = m.live.rbegin(); it != m.live.rend(); ++it) {
    INFO("position " << it->first);
    REQUIRE(hash(sparse.view_at(it->first)) == it->second);
  }
  // The public stream replays to the public view.
  const Replay pub(*m.session->public_recording());
  CHECK(hash(pub.view_at(pub.size())) == hash(*m.session->public_view()));
}

TEST_CASE("replay: each event has a line of its own words", "[replay]") {
  const PlayedMatch& m = played_match();
  const Replay replay(*m.session->recording());
  for (std::size_t i = 0; i < replay.size(); ++i) {
    const std::string line = replay.label_at(i, test_strings());
    INFO(i << ": " << name_of(replay.event(i)) << ": " << line);
    CHECK_FALSE(line.empty());
    CHECK(line.find("replay.") == std::string::npos);  // a missing string shows as its key
    CHECK(line.find('{') == std::string::npos);        // every placeholder filled
  }
}

TEST_CASE("replay: vote jumps land just after each vote result, in order", "[replay]") {
  const PlayedMatch& m = played_match();
  const Replay replay(*m.session->recording());
  const auto& stops = replay.stops(ReplayStop::vote);
  // Round 1's starting-text package, its clause votes closing, the final vote.
  REQUIRE(stops.size() >= 3);
  bool final_vote = false, package = false;
  for (std::size_t i = 0; i < replay.size(); ++i) {
    const Event& e = replay.event(i);
    const bool stop = replay_stops_at(ReplayStop::vote, e);
    CHECK(stop == std::binary_search(stops.begin(), stops.end(), i + 1));
    package = package || std::holds_alternative<StartingTextPackaged>(e);
    if (const auto* closed = std::get_if<VotesClosed>(&e))
      for (const auto& r : closed->results)
        final_vote = final_vote || r.on == VoteOn::draft;
  }
  CHECK(package);
  CHECK(final_vote);
  // next() from the start visits every stop; previous() from the end visits them backwards.
  std::vector<std::size_t> forward, backward;
  for (auto at = replay.next(ReplayStop::vote, 0); at; at = replay.next(ReplayStop::vote, *at))
    forward.push_back(*at);
  for (auto at = replay.previous(ReplayStop::vote, replay.size()); at;
       at = replay.previous(ReplayStop::vote, *at))
    backward.push_back(*at);
  CHECK(forward == stops);
  std::reverse(backward.begin(), backward.end());
  CHECK(backward == stops);
  for (const auto at : forward)
    CHECK(replay_stops_at(ReplayStop::vote, replay.event(at - 1)));
  // From between two stops, each way to the neighbours.
  const std::size_t middle = stops[1] - 1;
  CHECK(replay.next(ReplayStop::vote, middle) == stops[1]);
  CHECK(replay.previous(ReplayStop::vote, middle) == stops[0]);
  // Inject jumps stop exactly after each inject that fired (one at least: the test fired it).
  std::vector<std::size_t> injects;
  for (std::size_t i = 0; i < replay.size(); ++i) {
    const bool fired = name_of(replay.event(i)) == "inject_fired";
    CHECK(replay_stops_at(ReplayStop::inject, replay.event(i)) == fired);
    if (fired) injects.push_back(i + 1);
  }
  REQUIRE_FALSE(injects.empty());
  CHECK(replay.stops(ReplayStop::inject) == injects);
  CHECK(replay.next(ReplayStop::inject, 0) ==
        (injects.empty() ? std::nullopt : std::optional(injects.front())));
}

TEST_CASE("replay: a recording with a resync segment still replays", "[replay]") {
  const PlayedMatch& m = played_match();
  const ReplayRecording& whole = *m.session->recording();
  const Replay full(whole);
  // The stream as a client that lost five items at `cut` and resynced would have recorded it.
  REQUIRE(whole.segments().size() == 1);
  const auto& items = whole.segments().front().items;
  const std::size_t cut = m.first_observed + (items.size() - m.first_observed) / 2;
  constexpr std::size_t kLost = 5;
  ReplayRecording resynced;
  resynced.opened(whole.segments().front().start);
  for (std::size_t i = 0; i < cut; ++i)
    resynced.applied(items[i]);
  resynced.opened(Snapshot{items[cut + kLost - 1].view_seq, full.view_at(cut + kLost)});
  for (std::size_t i = cut + kLost; i < items.size(); ++i)
    resynced.applied(items[i]);
  REQUIRE(resynced.segments().size() == 2);
  const Replay replay(resynced, 16);
  REQUIRE(replay.size() == items.size() - kLost);
  for (std::size_t p = m.first_observed; p <= replay.size(); ++p) {
    INFO("position " << p);
    REQUIRE(hash(replay.view_at(p)) == m.live.at(p < cut ? p : p + kLost));
  }
  // Random access across the boundary.
  CHECK(hash(replay.view_at(cut + 3)) == m.live.at(cut + 3 + kLost));
  CHECK(hash(replay.view_at(cut - 1)) == m.live.at(cut - 1));

  // A real resync: the player changes seat in the lobby, the session opens the new seat's
  // stream; the replay goes on from its snapshot.
  SoloConfig c;
  c.scenario = "opt_in_code";
  c.seats = 4;
  c.seed = 5;
  std::string error;
  auto s = LocalSession::create(test_content(), c, &error);
  REQUIRE(s);
  const SeatIndex other = *s->seat() == 0 ? 1 : 0;
  s->post(TakeSeat{other});
  REQUIRE_FALSE(s->last_rejection());
  s->post(SetReady{true});
  REQUIRE(s->recording()->segments().size() == 2);
  const Replay moved(*s->recording());
  CHECK(hash(moved.view_at(moved.size())) == hash(s->view()));
  CHECK_FALSE(moved.view_at(moved.size()).settings.seats[other].brief.empty());
}

// The size of a recording, measured: heap bytes of a copy of it (glibc's mallinfo2). Hidden;
// ACCORD_MEASURE_SEATS (8) and ACCORD_MEASURE_PRESET (class45) choose the match.
TEST_CASE("replay: memory of a recorded bot match", "[.][measure]") {
  SoloConfig c;
  c.scenario = "opt_in_code";
  const char* seats = std::getenv("ACCORD_MEASURE_SEATS");
  const char* preset = std::getenv("ACCORD_MEASURE_PRESET");
  c.seats = seats ? static_cast<std::size_t>(std::atoi(seats)) : 8;
  if (preset) c.timer_preset = preset;
  c.seed = 3;
  c.time_scale = 600;
  std::string error;
  auto s = LocalSession::create(test_content(), c, &error);
  REQUIRE(s);
  Autopilot pilot(test_content().clauses(), test_strings(), true);
  for (int i = 0; i < 50'000 && s->view().phase != Phase::debrief; ++i) {
    s->poll(50);
    pilot.step(*s);
  }
  REQUIRE(s->view().phase == Phase::debrief);
  const auto heap = [] {
    const auto m = mallinfo2();
    return m.uordblks + m.hblkhd;  // large blocks are mmapped
  };
  const auto before = heap();
  const auto copy = std::make_unique<ReplayRecording>(*s->recording());
  const auto recording_bytes = heap() - before;
  const auto before_replay = heap();
  const auto built = std::chrono::steady_clock::now();
  const auto replay = std::make_unique<Replay>(*s->recording());
  const double build_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - built).count();
  const auto replay_bytes = heap() - before_replay;
  std::printf("%zu seats, %s: replay built in %.1f ms; ", c.seats, c.timer_preset.c_str(),
              build_ms);
  std::printf(
      "recording: %zu events, %zu segments, %zu bytes (%zu per event, sizeof(StreamItem) %zu); "
      "replay: %zu bytes\n",
      copy->events(), copy->segments().size(), recording_bytes,
      recording_bytes / std::max<std::size_t>(1, copy->events()), sizeof(StreamItem), replay_bytes);
}

}  // namespace
}  // namespace accord::client::test
