// What durability costs: a loop turn of N accepted commands on a classroom-sized match (25
// seats, 40 participants, 27 open streams), staged and committed to the SQLite store (WAL,
// synchronous=FULL, one transaction per turn, a snapshot every 200 events as the server takes
// them) against the in-memory store. items_per_second is events per second through the whole
// path (decide, apply, filter, stage, commit); commit_us is the median time of the commit alone:
// the latency durability adds to every event of the turn (nobody is told before it returns).
// Run: build/bench/durability_bench --benchmark_repetitions=5 --benchmark_report_aggregates_only
// The database goes to $ACCORD_BENCH_DIR (default: a folder under the current directory), so
// that fsync reaches the disk being measured.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>

#include "core/host.hpp"
#include "sqlite_store.hpp"

namespace accord {
namespace {

namespace fs = std::filesystem;
using server::RoomStore;

constexpr std::uint32_t kSeats = 25;
constexpr std::uint32_t kParticipants = 40;
constexpr std::uint32_t kSnapshotEvery = 200;

MatchHost classroom() {
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
  MatchHost host(header);
  for (SeatIndex s = 0; s < kSeats; ++s)
    host.open_stream(Viewer::of_seat(s));
  host.open_stream(Viewer::audience());
  host.open_stream(Viewer::facilitator());
  for (ParticipantId p = 0; p < kParticipants; ++p) {
    host.submit(Actor::server(), JoinMatch{"Student " + std::to_string(p), Role::player}, 0);
    host.submit(Actor::of(p), TakeSeat{p % kSeats}, 0);
  }
  for (int i = 0; i < 200; ++i)
    host.submit(Actor::of(static_cast<ParticipantId>(i) % kParticipants),
                PostMessage{kPlenary, "We support capacity building, message " + std::to_string(i)},
                i);
  return host;
}

fs::path bench_dir() {
  const char* env = std::getenv("ACCORD_BENCH_DIR");
  fs::path dir = env ? fs::path(env) : fs::current_path() / "durability-bench-data";
  fs::remove_all(dir);
  return dir;
}

template <bool kDurable>
void BM_Turn(benchmark::State& state) {
  const auto events_per_turn = static_cast<std::uint32_t>(state.range(0));
  const fs::path dir = bench_dir();
  std::shared_ptr<RoomStore> store;
  if constexpr (kDurable) {
    std::string error;
    store =
        server::SqliteRoomStore::open(dir.string(), server::SqliteRoomStore::Access::serve, &error);
    if (!store) {
      state.SkipWithError(error.c_str());
      return;
    }
  } else {
    store = std::make_shared<server::MemoryRoomStore>();
  }
  MatchHost host = classroom();
  const std::string code = "BENCH2";
  store->create_room(code, host.log().header);
  store->stage(code, host.log().entries);
  store->commit();
  Seq snapshot_seq = 0;
  std::vector<double> commit_us;
  std::uint64_t turn = 0;
  for (auto _ : state) {
    ++turn;
    for (std::uint32_t i = 0; i < events_per_turn; ++i) {
      // A note per seat, alternating text: every event is real work, the match stays the size.
      const auto seat = static_cast<ParticipantId>((turn * events_per_turn + i) % kSeats);
      auto outcome = host.submit(Actor::of(seat),
                                 WriteNote{(turn + i) % 2 ? "Hold the line on 36." : "Seek 36r."},
                                 static_cast<TimeMs>(turn));
      store->stage(code, outcome.appended);
    }
    if (host.last_seq() >= snapshot_seq + kSnapshotEvery) {
      store->stage_snapshot(code, host.last_seq(), host.match());
      snapshot_seq = host.last_seq();
    }
    store->stage_clock(static_cast<TimeMs>(turn));
    const auto start = std::chrono::steady_clock::now();
    if (!store->commit()) state.SkipWithError("commit failed");
    commit_us.push_back(
        std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - start)
            .count());
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) * events_per_turn);
  if (!commit_us.empty()) {
    const auto middle = commit_us.begin() + static_cast<std::ptrdiff_t>(commit_us.size() / 2);
    std::nth_element(commit_us.begin(), middle, commit_us.end());
    state.counters["commit_us"] = *middle;
  }
  state.counters["events_per_turn"] = events_per_turn;
  store.reset();
  fs::remove_all(dir);
}
BENCHMARK_TEMPLATE(BM_Turn, false)
    ->Name("Memory/events_per_turn")
    ->Arg(1)
    ->Arg(10)
    ->Arg(50)
    ->UseRealTime();
BENCHMARK_TEMPLATE(BM_Turn, true)
    ->Name("SqliteGroupCommit/events_per_turn")
    ->Arg(1)
    ->Arg(10)
    ->Arg(50)
    ->UseRealTime();

}  // namespace
}  // namespace accord

BENCHMARK_MAIN();
