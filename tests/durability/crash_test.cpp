// Crash recovery with a real process: accord-server runs as a child process on a temporary data
// folder, a facilitator and four players play a whole match of a real scenario, and the server
// is killed with SIGKILL at five points chosen by a seed (lobby, mid-drafting, mid-vote, during
// the final vote, at the debrief), then started again on the same folder. Each time every
// client reconnects with its token and resyncs. At the end, with the database read directly:
// every event any client received is in the log, every client's view hashes like the replayed
// match's view, no phase expired during the downtime, and the match went on to the end.
// Finally SIGTERM: every client is told the server is restarting, and the exit status is 0.
// Nothing waits for real time: the child's clock is a file only the test moves
// (--test-clock-file), for the downtimes and for the drafting phase to run out.
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <nlohmann/json.hpp>
#include <thread>

#include "core/rng.hpp"
#include "core/visibility.hpp"
#include "durability_support.hpp"

namespace accord::durabilitytest {
namespace {

constexpr TimeMs kDraftingMs = 5000;  // the test preset's drafting phase: it must survive a crash

// The game's assets with one more timer preset on the "hanoi" scenario: a short drafting phase
// (the one the downtime must not eat) and long everything else.
void write_test_assets(const fs::path& to) {
  fs::copy(ACCORD_ASSET_DIR, to, fs::copy_options::recursive);
  const fs::path scenario = to / "scenarios" / "hanoi.json";
  auto doc = nlohmann::json::parse(file_bytes(scenario));
  doc["timer_presets"].push_back({{"id", "crash_test"},
                                  {"name", "Crash test"},
                                  {"rounds", 1},
                                  {"briefing_s", 3600},
                                  {"drafting_s", kDraftingMs / 1000},
                                  {"clause_voting_s", 3600},
                                  {"final_vote_s", 3600},
                                  {"adoption_window_s", 1}});
  std::ofstream(scenario) << doc.dump(1);
}

// accord-server as a child process. What it prints comes through a pipe, read by a thread
// (so the child never blocks on a full pipe): the test waits for the line that gives the port.
// Its clock is a file (--test-clock-file) that only the test moves, so time passes in the
// child when the test says so and no sooner: during a downtime, or to reach a deadline.
class ChildServer {
 public:
  ChildServer(fs::path data, fs::path assets, fs::path clock_file)
      : data_(std::move(data)), assets_(std::move(assets)), clock_file_(std::move(clock_file)) {
    write_clock();
  }
  ~ChildServer() {
    if (pid_ > 0) kill_now();
  }

  void start() {
    REQUIRE(pid_ <= 0);
    std::vector<std::string> args{ACCORD_SERVER_BINARY,
                                  "--data",
                                  data_.string(),
                                  "--assets",
                                  assets_.string(),
                                  "--port",
                                  "0",
                                  "--bind",
                                  "127.0.0.1",
                                  "--no-discovery",
                                  "--grace-seconds",
                                  "120",
                                  "--log-level",
                                  "info",
                                  "--test-clock-file",
                                  clock_file_.string()};
    std::vector<char*> argv;
    for (auto& a : args)
      argv.push_back(a.data());
    argv.push_back(nullptr);
    int out[2];
    REQUIRE(::pipe2(out, O_CLOEXEC) == 0);
    pid_ = ::fork();
    REQUIRE(pid_ >= 0);
    if (pid_ == 0) {  // the child: only async-signal-safe calls until exec
      ::dup2(out[1], STDERR_FILENO);
      ::dup2(out[1], STDOUT_FILENO);
      ::execv(argv[0], argv.data());
      ::_exit(127);
    }
    ::close(out[1]);
    {
      std::lock_guard lock(mutex_);
      this_run_.clear();
      ended_ = false;
    }
    reader_ = std::thread([this, fd = out[0]] { read_output(fd); });
    // Ready once it says where it listens (or it ended).
    const std::string marker = "listening on port ";
    std::unique_lock lock(mutex_);
    const bool said = output_changed_.wait_for(lock, std::chrono::seconds(30), [&] {
      return ended_ || this_run_.find(marker) != std::string::npos;
    });
    const auto at = this_run_.find(marker);
    if (at != std::string::npos) {
      port_ = static_cast<std::uint16_t>(std::stoi(this_run_.substr(at + marker.size())));
      return;
    }
    const std::string text = this_run_;
    lock.unlock();
    if (said) {  // the output ended: the process did
      ::waitpid(pid_, nullptr, 0);
      pid_ = -1;
      reader_.join();
      FAIL("accord-server exited at start:\n" << text);
    }
    FAIL("accord-server did not say it listens within 30 s:\n" << text);
  }

  // SIGKILL: no goodbye, no last commit.
  void kill_now() {
    ::kill(pid_, SIGKILL);
    reap();
  }

  // SIGTERM; returns the exit status (-1 if it did not exit normally).
  int terminate() {
    ::kill(pid_, SIGTERM);
    return reap();
  }

  // The machine's clock moves on: the child sees it at its next loop turn (and a child started
  // later counts from there, as a real process counts from its start).
  void advance(TimeMs ms) {
    machine_ms_ += ms;
    write_clock();
  }

  std::uint16_t port() const { return port_; }
  std::string log_text() const {
    std::lock_guard lock(mutex_);
    return all_runs_;
  }

 private:
  void read_output(int fd) {
    char buffer[4096];
    for (;;) {
      const ssize_t n = ::read(fd, buffer, sizeof buffer);
      if (n < 0 && errno == EINTR) continue;
      std::lock_guard lock(mutex_);
      if (n <= 0) {
        ended_ = true;
        break;
      }
      this_run_.append(buffer, static_cast<std::size_t>(n));
      all_runs_.append(buffer, static_cast<std::size_t>(n));
      output_changed_.notify_all();
    }
    ::close(fd);
    output_changed_.notify_all();
  }
  int reap() {
    int status = 0;
    ::waitpid(pid_, &status, 0);
    pid_ = -1;
    if (reader_.joinable()) reader_.join();  // the pipe ends with the process
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }
  // Replaced in one step (rename), so the child never reads half a number.
  void write_clock() {
    const fs::path next = clock_file_.string() + ".next";
    { std::ofstream(next) << machine_ms_ << "\n"; }
    fs::rename(next, clock_file_);
  }

  fs::path data_, assets_, clock_file_;
  pid_t pid_ = -1;
  std::uint16_t port_ = 0;
  TimeMs machine_ms_ = 1'000'000;
  std::thread reader_;
  mutable std::mutex mutex_;
  std::condition_variable output_changed_;
  std::string this_run_, all_runs_;
  bool ended_ = false;
};

// What one client received: each stream item's event, with the viewer whose stream it was.
struct Received {
  Viewer viewer;
  Bytes event;
};

class CrashMatch {
 public:
  explicit CrashMatch(std::uint64_t seed)
      : rng_(Pcg32::seeded(seed, 7)),
        server_(dir_.path() / "data", dir_.path() / "assets", dir_.path() / "clock.ms") {
    spdlog::set_level(spdlog::level::warn);
    write_test_assets(dir_.path() / "assets");
    server_.start();
  }

  std::vector<Client*> all() {
    std::vector<Client*> out{fac_.get()};
    for (auto& p : players_)
      out.push_back(p.get());
    return out;
  }
  Client& fac() { return *fac_; }
  Client& player(std::size_t i) { return *players_[i]; }
  std::uint32_t below(std::uint32_t n) { return rng_.below(n); }
  const std::string& code() const { return code_; }

  void record(Client& client) {
    Client* c = &client;
    c->on_message = [this, c](const pm::ServerMessage& message) {
      if (const auto* item = std::get_if<pm::StreamItem>(&message))
        received_[c].push_back(Received{c->viewer(), encode_event(item->event)});
    };
  }

  void open_room() {
    fac_ = std::make_unique<Client>();
    record(*fac_);
    REQUIRE(fac_->connect("127.0.0.1", server_.port()));
    pm::CreateRoom request;
    request.scenario = "hanoi";
    request.seats = 4;
    request.timer_preset = "crash_test";
    request.facilitator_password = kFacilitatorPassword;
    fac_->create_room(request);
    REQUIRE(pump(
        {fac_.get()}, [&] { return fac_->in_room() || !fac_->errors.empty(); }, 10'000));
    INFO((fac_->errors.empty() ? std::string() : fac_->errors.front().text));
    REQUIRE(fac_->in_room());
    code_ = fac_->room_code();
    for (int i = 0; i < 4; ++i) {
      auto p = std::make_unique<Client>();
      record(*p);
      REQUIRE(p->connect("127.0.0.1", server_.port()));
      pm::JoinRoom join;
      join.code = code_;
      join.name = "Student " + std::to_string(i);
      p->join_room(join);
      REQUIRE(pump({p.get()}, [&] { return p->in_room() || !p->errors.empty(); }));
      REQUIRE(p->in_room());
      players_.push_back(std::move(p));
    }
  }

  // SIGKILL, `downtime_ms` down (on the machine's clock: no waiting), start again, every client
  // reconnects with its token. If the kill came at a quiet moment (every answer received), each
  // view must come back unchanged.
  void crash_and_recover(const char* point, bool quiet_moment, TimeMs downtime_ms = 300) {
    INFO("crash point: " << point);
    std::vector<Hash> before;
    for (Client* c : all())
      before.push_back(c->view_hash());
    server_.kill_now();
    for (Client* c : all())
      c->drop();
    server_.advance(downtime_ms);
    server_.start();
    const auto clients = all();
    for (std::size_t i = 0; i < clients.size(); ++i) {
      INFO("client " << i);
      REQUIRE(clients[i]->reconnect("127.0.0.1", server_.port(), 5000));
      if (quiet_moment) CHECK(clients[i]->view_hash() == before[i]);
    }
    ++crashes_;
  }

  // `ms` pass in the child; returns once every client has what the server's clock tick at the
  // new time sent (the second Ping is read in a turn after that tick).
  void let_time_pass(TimeMs ms) {
    server_.advance(ms);
    sync_with_server(all());
    sync_with_server(all());
  }

  // The facilitator moves the match on until `phase` (the rules may get there by themselves).
  void advance_to(Phase phase) {
    auto clients = all();
    for (int guard = 0; guard < 12 && fac_->view().phase != phase; ++guard) {
      sync_with_server(clients);
      if (fac_->view().phase != phase) command(*fac_, AdvancePhase{}, clients);
    }
    sync_with_server(clients);
    REQUIRE(fac_->view().phase == phase);
  }

  // Each player that has not voted on an open vote of this phase votes yes.
  void vote_yes(std::size_t max_voters, bool confirm_last = true) {
    std::size_t cast = 0;
    auto clients = all();
    for (std::size_t i = 0; i < players_.size() && cast < max_voters; ++i) {
      Client& p = *players_[i];
      const SeatIndex seat = *p.view().participants[*p.participant()].seat;
      const Match& view = p.view();
      for (ClauseId c = 0; c < view.clauses.size(); ++c)
        if (view.clauses[c].vote.state == VoteState::open && !view.clauses[c].vote.ballots[seat]) {
          if (!confirm_last && cast + 1 == max_voters)
            p.send_command(CastBallot{VoteOn::clause, c, Ballot::yes});
          else
            command(p, CastBallot{VoteOn::clause, c, Ballot::yes}, clients);
          ++cast;
        }
      for (DraftIndex d = 0; d < view.drafts.size() && cast < max_voters; ++d)
        if (view.drafts[d].final_vote.state == VoteState::open &&
            !view.drafts[d].final_vote.ballots[seat]) {
          if (!confirm_last && cast + 1 == max_voters)
            p.send_command(CastBallot{VoteOn::draft, d, Ballot::yes});
          else
            command(p, CastBallot{VoteOn::draft, d, Ballot::yes}, clients);
          ++cast;
        }
    }
  }

  int shutdown() { return server_.terminate(); }
  void start_again() { server_.start(); }
  std::uint16_t port() const { return server_.port(); }
  std::string log_text() const { return server_.log_text(); }
  const fs::path& dir() const { return dir_.path(); }
  const std::map<Client*, std::vector<Received>>& received() const { return received_; }
  int crashes() const { return crashes_; }

 private:
  TempDir dir_;
  Pcg32 rng_;
  ChildServer server_;
  std::unique_ptr<Client> fac_;
  std::vector<std::unique_ptr<Client>> players_;
  std::string code_;
  std::map<Client*, std::vector<Received>> received_;
  int crashes_ = 0;
};

// Whether `items` appear in `stream` in the same order (not necessarily next to each other).
bool in_order_within(const std::vector<Bytes>& items, const std::vector<Bytes>& stream) {
  std::size_t at = 0;
  for (const auto& item : items) {
    while (at < stream.size() && stream[at] != item)
      ++at;
    if (at == stream.size()) return false;
    ++at;
  }
  return true;
}

TEST_CASE("kill -9 at five seeded points loses nothing any client was told",
          "[durability][crash]") {
  const std::uint64_t seed = [] {
    const char* text = std::getenv("ACCORD_CRASH_SEED");
    return text ? std::stoull(text) : std::uint64_t{20240807};
  }();
  INFO("seed " << seed << " (ACCORD_CRASH_SEED)");
  CrashMatch m(seed);
  m.open_room();
  auto all = m.all();

  // 1. In the lobby, with some seats taken.
  const std::size_t seated_first = 1 + m.below(3);
  for (std::size_t i = 0; i < seated_first; ++i)
    must(m.player(i), TakeSeat{static_cast<SeatIndex>(i)}, all);
  sync_with_server(all);
  m.crash_and_recover("lobby", true);
  for (std::size_t i = seated_first; i < 4; ++i)
    must(m.player(i), TakeSeat{static_cast<SeatIndex>(i)}, all);
  must(m.fac(), StartMatch{}, all);
  m.advance_to(Phase::drafting);
  m.let_time_pass(1000);  // a second into the phase

  // 2. Mid-drafting, right after a chat line was sent (its answer never waited for). The
  // server stays down longer than the phase has left.
  must(m.player(0), TableClause{0, "", "States shall protect security researchers."}, all);
  for (std::uint32_t i = 0, n = 1 + m.below(3); i < n; ++i)
    must(m.player(i % 4), PostMessage{kPlenary, "drafting line " + std::to_string(i)}, all);
  const auto deadline = m.fac().view().deadline;
  REQUIRE(deadline.has_value());
  sync_with_server({&m.fac()});  // its Pong tells the room's clock
  const TimeMs clock_at_crash = m.fac().room_clock;
  const TimeMs left = *deadline - clock_at_crash;
  CHECK(left == kDraftingMs - 1000);  // time moved only when the test moved it
  m.player(1).send_command(PostMessage{kPlenary, "the last line before the crash"});
  m.crash_and_recover("mid-drafting", false, left + 1000);
  CHECK(m.fac().view().phase == Phase::drafting);  // not expired during the downtime
  CHECK(m.fac().view().deadline == deadline);
  // The downtime was a pause: the room's clock resumed where it stopped (every commit records
  // it), neither from zero nor after the downtime.
  CHECK(m.fac().room_clock == clock_at_crash);
  // The phase ends on its own clock (ticks every 100 ms): not a tick early, and at its deadline.
  m.let_time_pass(left - 100);
  CHECK(m.fac().view().phase == Phase::drafting);
  m.let_time_pass(100);
  REQUIRE(m.fac().view().phase == Phase::clause_voting);

  // 3. Mid-vote.
  sync_with_server(all);
  const bool vote_quiet = m.below(2) == 0;
  m.vote_yes(1 + m.below(3), vote_quiet);
  if (vote_quiet) sync_with_server(all);
  m.crash_and_recover("mid-vote", vote_quiet);
  CHECK(m.fac().view().phase == Phase::clause_voting);
  m.vote_yes(4);
  m.advance_to(Phase::final_vote);

  // 4. During the final vote, right after a ballot was sent.
  m.vote_yes(1 + m.below(3), false);
  m.crash_and_recover("final vote", false);
  CHECK(m.fac().view().phase == Phase::final_vote);
  m.vote_yes(4);
  m.advance_to(Phase::debrief);

  // 5. At the debrief (a finished room: loaded again when its members come back).
  must(m.player(2), PostMessage{kPlenary, "debrief line"}, all);
  sync_with_server(all);
  m.crash_and_recover("debrief", true);
  CHECK(m.fac().view().phase == Phase::debrief);
  CHECK(m.crashes() == 5);

  // SIGTERM: everyone is told, the exit is clean.
  CHECK(m.shutdown() == 0);
  REQUIRE(pump(all, [&] {
    return std::all_of(all.begin(), all.end(), [](Client* c) { return c->bye.has_value(); });
  }));
  for (Client* c : all) {
    CHECK(c->bye->reason == pm::ByeReason::server_shutdown);
    CHECK(c->bye->text.find("restarting") != std::string::npos);
  }

  // The log, read directly.
  std::string error;
  auto store = server::SqliteRoomStore::open((m.dir() / "data").string(),
                                             server::SqliteRoomStore::Access::maintenance, &error);
  INFO(error);
  REQUIRE(store);
  const auto log = store->load(m.code());
  REQUIRE(log);
  const auto replayed = replay(*log);
  REQUIRE(replayed.match);
  CHECK(replayed.match->phase == Phase::debrief);

  // Each viewer's stream as the log says it was, and what each client received of it.
  std::map<Viewer, std::vector<Bytes>> streams;
  std::set<Viewer> viewers{Viewer::facilitator(), Viewer::audience()};
  for (SeatIndex s = 0; s < 4; ++s)
    viewers.insert(Viewer::of_seat(s));
  Match match = new_match(log->header.settings, log->header.seed);
  for (const auto& entry : log->entries) {
    for (const auto& v : viewers)
      if (auto filtered = filter_event(match, entry.event, v))
        streams[v].push_back(encode_event(*filtered));
    accord::apply(match, entry.event);
  }
  std::size_t checked = 0;
  for (const auto& [client, items] : m.received()) {
    std::map<Viewer, std::vector<Bytes>> by_viewer;
    for (const auto& item : items)
      by_viewer[item.viewer].push_back(item.event);
    for (const auto& [viewer, events] : by_viewer) {
      INFO("viewer " << to_string(viewer.kind) << " " << viewer.seat << ": " << events.size()
                     << " events received");
      CHECK(in_order_within(events, streams[viewer]));
      checked += events.size();
    }
    CHECK(hash(view_for(*replayed.match, client->viewer())) == client->view_hash());
    CHECK(client->hash_mismatches == 0);
  }
  CHECK(checked > 50);
  const std::string text = m.log_text();
  CHECK(text.find("every room is saved") != std::string::npos);
}

}  // namespace
}  // namespace accord::durabilitytest
