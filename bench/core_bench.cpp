// Figures for the rules core on a classroom-sized match: 25 seats, 40 participants.
// Run: ./run.sh bench   (or build/bench/core_bench --benchmark_repetitions=5)
#include <benchmark/benchmark.h>

#include "core/hash.hpp"
#include "core/host.hpp"

namespace accord {
namespace {

constexpr std::uint32_t kSeats = 25;
constexpr std::uint32_t kParticipants = 40;

LogHeader classroom_header() {
  LogHeader header;
  header.seed = 2011;
  for (std::uint32_t s = 0; s < kSeats; ++s)
    header.settings.seats.push_back(SeatSetup{"s" + std::to_string(s),
                                              "State " + std::to_string(s),
                                              "bloc",
                                              "position",
                                              "brief",
                                              {},
                                              {},
                                              {},
                                              {}});
  header.settings.drafts.push_back(DraftSetup{"Code of conduct", {}, {}});
  header.settings.rules.max_delegation_size = 2;
  return header;
}

// 40 participants on 25 seats (15 pairs, 10 alone), notes written, 200 plenary messages.
MatchHost classroom() {
  MatchHost host(classroom_header());
  for (SeatIndex s = 0; s < kSeats; ++s)
    host.open_stream(Viewer::of_seat(s));
  host.open_stream(Viewer::audience());
  host.open_stream(Viewer::facilitator());
  for (ParticipantId p = 0; p < kParticipants; ++p) {
    host.submit(Actor::server(), JoinMatch{"Student " + std::to_string(p), Role::player}, 0);
    host.submit(Actor::of(p), TakeSeat{p % kSeats}, 0);
  }
  for (SeatIndex s = 0; s < kSeats; ++s)
    host.submit(Actor::of(s), WriteNote{"Our red line is clause 38. Seat " + std::to_string(s)}, 0);
  for (int i = 0; i < 200; ++i)
    host.submit(Actor::of(static_cast<ParticipantId>(i) % kParticipants),
                PostMessage{kPlenary, "We support capacity building for all states, message " +
                                          std::to_string(i)},
                i);
  return host;
}

void BM_DecideOnly(benchmark::State& state) {
  const MatchHost host = classroom();
  const Command command = PostMessage{kPlenary, "The delegation of Brazil proposes clause 39."};
  for (auto _ : state)
    benchmark::DoNotOptimize(decide(host.match(), Actor::of(7), command, 5));
}
BENCHMARK(BM_DecideOnly);

// The sequencer's whole path for one command: decide, stamp, log, apply, filter for 27 streams.
void BM_SubmitWithStreams(benchmark::State& state) {
  MatchHost host = classroom();
  const Command command = WriteNote{"Seek a compromise on 36r."};
  const Command other = WriteNote{"Hold the line on 36."};
  bool flip = false;
  for (auto _ : state) {
    flip = !flip;
    benchmark::DoNotOptimize(host.submit(Actor::of(3), flip ? command : other, 10));
  }
}
BENCHMARK(BM_SubmitWithStreams);

void BM_Replay(benchmark::State& state) {
  const MatchHost host = classroom();
  const auto events = static_cast<std::int64_t>(host.log().entries.size());
  for (auto _ : state)
    benchmark::DoNotOptimize(replay(host.log()));
  state.SetItemsProcessed(state.iterations() * events);
  state.counters["events"] = static_cast<double>(events);
}
BENCHMARK(BM_Replay);

void BM_Hash(benchmark::State& state) {
  const MatchHost host = classroom();
  for (auto _ : state)
    benchmark::DoNotOptimize(hash(host.match()));
  state.counters["canonical_bytes"] = static_cast<double>(canonical_bytes(host.match()).size());
}
BENCHMARK(BM_Hash);

void BM_ViewFor(benchmark::State& state) {
  const MatchHost host = classroom();
  for (auto _ : state)
    benchmark::DoNotOptimize(view_for(host.match(), Viewer::of_seat(4)));
}
BENCHMARK(BM_ViewFor);

// One event filtered for every viewer of the room (25 seats, audience, facilitator).
void BM_FilterForAllViewers(benchmark::State& state) {
  const MatchHost host = classroom();
  const Event event = NoteWritten{4, "Our fallback is 38q with independent oversight."};
  for (auto _ : state) {
    for (SeatIndex s = 0; s < kSeats; ++s)
      benchmark::DoNotOptimize(filter_event(host.match(), event, Viewer::of_seat(s)));
    benchmark::DoNotOptimize(filter_event(host.match(), event, Viewer::audience()));
    benchmark::DoNotOptimize(filter_event(host.match(), event, Viewer::facilitator()));
  }
}
BENCHMARK(BM_FilterForAllViewers);

void BM_EncodeDecodeEvent(benchmark::State& state) {
  const Event event = MessagePosted{
      kPlenary, ChatMessage{12, 3, false, false, "We support capacity building for all states.",
                            1234, false}};
  for (auto _ : state)
    benchmark::DoNotOptimize(decode_event(encode_event(event)));
  state.counters["bytes"] = static_cast<double>(encode_event(event).size());
}
BENCHMARK(BM_EncodeDecodeEvent);

}  // namespace
}  // namespace accord

BENCHMARK_MAIN();
