// The game load: rooms of a real accord-server played by bot clients. Each connection is a
// net::Client (the protocol client every other program uses: the view kept by the shared
// apply, gap detection, view-hash checks and resync), thousands of them sharing a few ENet
// hosts through a net::ClientPool. In each room a facilitator creates it, starts the match
// once every seat is taken and ends each phase after phase_s; each seat's delegate is the
// negotiating bot a server room seats (bots::make_room_bot), acting as its participant.
// Unlike a room's bots it acts at the benchmark's pace (think_ms after each answer), not a
// human's: the load is the point.
#include "load_generator.hpp"

#include <signal.h>

#include <algorithm>
#include <chrono>
#include <memory>
#include <optional>
#include <thread>

#include "bots/bot.hpp"
#include "content/content.hpp"
#include "core/rng.hpp"
#include "core/rules.hpp"
#include "net/client.hpp"
#include "usage.hpp"

namespace accord::loadgen {
namespace {

namespace pm = protocol;

constexpr std::size_t kMaxProblems = 8;
constexpr double kAnswerTimeoutS = 15;  // a command unanswered this long is an error
constexpr int kMaxBusyAnswers = 30;     // `busy` answers or connection refusals before giving up

// The pause before asking again after a `busy` answer or a refused connection: doubling from
// 250 ms up to 4 s, with a random part, so that hundreds of clients turned away together do
// not all come back in the same instant (the server's per-address budget refills steadily).
std::chrono::milliseconds backoff(int attempt) {
  static thread_local Pcg32 jitter = Pcg32::seeded(0x5eed, 17);
  const int base = std::min(250 << std::min(attempt, 4), 4000);
  return std::chrono::milliseconds(
      base / 2 + static_cast<int>(jitter.below(static_cast<std::uint32_t>(base))));
}

struct Conn {
  enum class Role { facilitator, bot } role = Role::bot;
  int room = 0;
  SeatIndex seat = 0;
  std::unique_ptr<net::Client> client;
  bool was_connected = false, closing = false, asked = false, seat_taken = false;
  std::optional<bots::Bot> bot;
  std::optional<std::uint32_t> outstanding;  // the command waiting for its answer
  Clock::time_point sent_at{};
  Clock::time_point next_act{};
  Clock::time_point retry_at{};  // after a `busy` answer: ask again then, as a client would
  int busy_answers = 0;
  bool reconnect_due = false;  // turned away at the key exchange: connect again at retry_at
  std::uint32_t notes = 0;

  TimeMs room_now() const {
    return client->room_clock + static_cast<TimeMs>(seconds_since(client->room_clock_heard) * 1000);
  }
  bool playing() const { return client && client->in_room() && !closing; }
};

struct RoomRun {
  std::string code;
  int facilitator = -1;
  std::vector<int> bots;
  bool seats_opened = false;
  bool started = false;
  Phase phase = Phase::lobby;
  std::uint32_t round = 0;
  Clock::time_point phase_since{};
  bool advance_sent = false;
};

class LoadRun {
 public:
  LoadRun(const LoadOptions& options, const content::ContentCatalogue& content)
      : options_(options), content_(content), pool_(options.peers_per_host) {}
  ~LoadRun() { conns_.clear(); }  // clients before the pool

  Figures run();

 private:
  int open(Conn::Role role, int room, SeatIndex seat);
  void problem(std::string text) {
    ++figures_.errors;
    if (figures_.problems.size() < kMaxProblems) figures_.problems.push_back(std::move(text));
  }
  void heard(int id, const pm::ServerMessage& message);
  void step_connection(int id);
  void step_room(int r);
  void step_bot(Conn& c, Clock::time_point now);
  void start_room(int r);
  void close_room(int r);
  bool all_playing() const;

  const LoadOptions& options_;
  const content::ContentCatalogue& content_;
  net::ClientPool pool_;
  std::vector<Conn> conns_;
  std::vector<RoomRun> rooms_;
  Figures figures_;
  bool measuring_ = false;
  Clock::time_point measure_start_{};
  std::uint64_t seed_ = 1;
  std::vector<std::pair<int, int>> to_open_;  // (room, seat or -1 for the facilitator)
  // Commands queued since the last flush: their latency starts when they leave this process,
  // not when the bot decided them (a thousand bots are stepped before their packets go out,
  // and that wait is the generator's, not the server's).
  std::vector<std::size_t> unflushed_;  // indices into conns_
  void flush() {
    const auto now = Clock::now();
    for (const std::size_t i : unflushed_)
      conns_[i].sent_at = now;
    unflushed_.clear();
    pool_.flush();
  }
};

int LoadRun::open(Conn::Role role, int room, SeatIndex seat) {
  const int id = static_cast<int>(conns_.size());
  Conn c;
  c.role = role;
  c.room = room;
  c.seat = seat;
  net::ClientOptions client_options;
  client_options.client_version = "accord-bot";
  c.client = std::make_unique<net::Client>(client_options);
  // The content is ours already: no need to send it.
  c.client->content_cache[content_.content_hash_hex()] = {};
  c.client->on_message = [this, id](const pm::ServerMessage& message) { heard(id, message); };
  if (!pool_.connect(*c.client, options_.host, options_.port)) {
    problem("could not open a connection: " + c.client->last_problem());
    c.closing = true;
  }
  conns_.push_back(std::move(c));
  return id;
}

void LoadRun::start_room(int r) {
  auto& room = rooms_[static_cast<std::size_t>(r)];
  room = RoomRun{};
  room.facilitator = open(Conn::Role::facilitator, r, 0);
}

void LoadRun::close_room(int r) {
  auto& room = rooms_[static_cast<std::size_t>(r)];
  const auto close = [&](int id) {
    if (id < 0) return;
    auto& c = conns_[static_cast<std::size_t>(id)];
    c.closing = true;
    c.client->disconnect();
  };
  close(room.facilitator);
  for (int id : room.bots)
    close(id);
}

// What the figures need of each message, before the client handles it.
void LoadRun::heard(int id, const pm::ServerMessage& message) {
  auto& c = conns_[static_cast<std::size_t>(id)];
  if (measuring_) ++figures_.server_messages;
  const auto answered = [&](std::uint32_t request) {
    if (!c.outstanding || *c.outstanding != request) return false;
    if (measuring_) figures_.latency_ms.push_back(seconds_since(c.sent_at) * 1000);
    c.outstanding.reset();
    c.next_act = Clock::now() + std::chrono::milliseconds(options_.think_ms);
    return true;
  };
  std::visit(
      Overloaded{
          [&](const pm::RoomCreated& m) { rooms_[static_cast<std::size_t>(c.room)].code = m.code; },
          [&](const pm::StreamItem&) {
            if (!measuring_) return;
            ++figures_.stream_items;
            figures_.stream_bytes += static_cast<long>(c.client->last_message_bytes);
          },
          [&](const pm::CommandAccepted& m) {
            if (answered(m.request_id) && measuring_) ++figures_.accepted;
          },
          [&](const pm::CommandRejected& m) {
            if (!answered(m.request_id) || !measuring_) return;
            switch (m.kind) {
              case pm::RejectionKind::stale:
                ++figures_.stale;
                break;
              case pm::RejectionKind::rate_limited:
                ++figures_.rate_limited;
                break;
              case pm::RejectionKind::invalid:
                ++figures_.invalid;
                if (figures_.problems.size() < kMaxProblems)
                  figures_.problems.push_back("invalid rejection: " + m.message);
                break;
            }
          },
          [&](const pm::Error& m) {
            // The server hashes passwords a few at a time and says `busy` when its queue is
            // full: ask again after a pause that doubles, as the game does.
            if (m.code == pm::ErrorCode::busy && c.busy_answers < kMaxBusyAnswers) {
              c.asked = false;
              c.retry_at = Clock::now() + backoff(c.busy_answers++);
              return;
            }
            problem("server error: " + m.text);
          },
          [&](const pm::Bye& m) {
            if (!c.closing) problem("server said bye: " + m.text);
            c.closing = true;
          },
          [&](const pm::VersionMismatch& m) { problem("version mismatch: " + m.text); },
          [](const auto&) {},
      },
      message);
}

// The handshake and the way into the room, as the client's state allows.
void LoadRun::step_connection(int id) {
  auto& c = conns_[static_cast<std::size_t>(id)];
  if (c.closing) return;
  net::Client& client = *c.client;
  if (client.connected()) c.was_connected = true;
  // A server limits key exchanges per address (a class behind one school address): it turns
  // the rest away, and a client connects again after a pause, as the game does. (Checked
  // first: the refusal can come within the service call that connected.)
  if (!c.reconnect_due && !client.connected() && client.refused_for_connection_rate() &&
      c.busy_answers < kMaxBusyAnswers) {
    c.was_connected = false;
    c.asked = false;
    c.retry_at = Clock::now() + backoff(c.busy_answers++);
    c.reconnect_due = true;
    return;
  }
  if (c.was_connected && !client.connected()) {
    problem("connection " + std::to_string(id) + " lost: " + client.last_problem());
    c.closing = true;
    return;
  }
  // The client keeps what the server answered; the figures have read it already.
  client.accepted.clear();
  client.rejected.clear();
  if (c.reconnect_due) {
    if (Clock::now() < c.retry_at) return;
    c.reconnect_due = false;
    if (!pool_.connect(client, options_.host, options_.port)) {
      problem("could not open a connection: " + client.last_problem());
      c.closing = true;
    }
    return;
  }
  if (!client.welcomed() || c.asked || Clock::now() < c.retry_at) return;
  auto& room = rooms_[static_cast<std::size_t>(c.room)];
  if (c.role == Conn::Role::facilitator) {
    pm::CreateRoom create;
    create.scenario = options_.scenario;
    create.seats = static_cast<std::uint32_t>(options_.seats);
    create.timer_preset = options_.preset;
    create.facilitator_password = "accord-bot facilitator";
    client.create_room(create);
  } else {
    pm::JoinRoom join;
    join.code = room.code;
    join.name = "bot " + std::to_string(c.room) + "." + std::to_string(c.seat);
    client.join_room(join);
  }
  c.asked = true;
}

void LoadRun::step_room(int r) {
  auto& room = rooms_[static_cast<std::size_t>(r)];
  if (room.facilitator < 0) return;
  auto& f = conns_[static_cast<std::size_t>(room.facilitator)];
  if (!f.playing()) return;
  if (!room.seats_opened) {
    room.seats_opened = true;
    for (SeatIndex s = 0; s < static_cast<SeatIndex>(options_.seats); ++s)
      to_open_.emplace_back(r, static_cast<int>(s));
  }
  const Match& m = f.client->view();
  if (!room.started && m.phase == Phase::lobby) {
    const bool all_seated = static_cast<int>(m.seats.size()) == options_.seats &&
                            std::all_of(m.seats.begin(), m.seats.end(),
                                        [](const Seat& s) { return s.head.has_value(); });
    if (all_seated) {
      room.started = true;
      ++figures_.matches_started;
      f.client->send_command(StartMatch{});
    }
    return;
  }
  if (m.phase != room.phase || m.round != room.round || !measuring_) {
    room.phase = m.phase;
    room.round = m.round;
    room.phase_since = Clock::now();
    room.advance_sent = false;
  }
  if (m.phase == Phase::debrief) {
    if (measuring_) ++figures_.matches_finished;
    close_room(r);
    room.facilitator = -1;
    if (measuring_) start_room(r);  // a new match in a new room
    return;
  }
  // The facilitator keeps the conference moving at the benchmark's pace (once every room is
  // playing: rooms set up first would otherwise finish before the last ones start).
  if (measuring_ && m.phase != Phase::lobby && !room.advance_sent && !m.paused_at &&
      seconds_since(room.phase_since) >= options_.phase_s) {
    room.advance_sent = true;
    f.client->send_command(AdvancePhase{});
  }
}

void LoadRun::step_bot(Conn& c, Clock::time_point now) {
  if (!c.playing() || c.outstanding || !c.client->participant()) return;
  net::Client& client = *c.client;
  if (!c.seat_taken) {
    c.seat_taken = true;
    client.send_command(TakeSeat{c.seat});
    return;
  }
  if (client.viewer().kind != ViewerKind::seat || now < c.next_act) return;
  // At saturation the bots wait until every room is playing: rooms still connecting would
  // otherwise compete with the first rooms' full load, and miss the server's hello deadline.
  if (options_.think_ms == 0 && !measuring_) return;
  const Match& view = client.view();
  if (view.phase == Phase::lobby || view.phase == Phase::debrief) return;
  const TimeMs room_now = c.room_now();
  const Actor actor = Actor::of(*client.participant());
  if (!c.bot) {
    const auto difficulty =
        bots::difficulty_from_name(options_.difficulty).value_or(bots::Difficulty::normal);
    c.bot.emplace(bots::make_room_bot(view, c.seat, content_.clauses(), difficulty, seed_++));
    c.bot->act_as(actor);
  }
  auto command = c.bot->next_command(view, room_now);
  if (!command) {
    // A delegate with nothing to decide still works: it keeps its notes.
    command = WriteNote{"note " + std::to_string(++c.notes)};
    if (!decide(view, actor, *command, room_now).accepted()) {
      c.next_act = now + std::chrono::milliseconds(std::max(options_.think_ms, 50));
      return;
    }
  }
  c.outstanding = client.send_command(*command);
  c.sent_at = now;
  unflushed_.push_back(static_cast<std::size_t>(&c - conns_.data()));
  if (measuring_) ++figures_.commands_sent;
}

bool LoadRun::all_playing() const {
  for (const auto& room : rooms_) {
    if (!room.started) return false;
    for (int id : room.bots) {
      const auto& c = conns_[static_cast<std::size_t>(id)];
      if (!c.playing() || c.client->view().phase == Phase::lobby) return false;
    }
  }
  return true;
}

Figures LoadRun::run() {
  rooms_.resize(static_cast<std::size_t>(options_.rooms));
  for (int r = 0; r < options_.rooms; ++r)
    to_open_.emplace_back(r, -1);
  const auto setup_start = Clock::now();
  const auto pacer = Clock::now();
  double usage_cpu0 = 0, own_cpu0 = 0;
  std::size_t next_to_open = 0;
  auto turn_start = Clock::now();
  for (;;) {
    if (measuring_)
      figures_.longest_turn_ms =
          std::max(figures_.longest_turn_ms, seconds_since(turn_start) * 1000);
    turn_start = Clock::now();
    // Paced connects: at most connects_per_second.
    const double allowed = seconds_since(pacer) * options_.connects_per_second;
    while (next_to_open < to_open_.size() && static_cast<double>(next_to_open) < allowed) {
      const auto [r, seat] = to_open_[next_to_open++];
      if (seat < 0)
        start_room(r);
      else
        rooms_[static_cast<std::size_t>(r)].bots.push_back(
            open(Conn::Role::bot, r, static_cast<SeatIndex>(seat)));
    }
    const bool any = pool_.service();
    for (int id = 0; id < static_cast<int>(conns_.size()); ++id)
      step_connection(id);
    for (int r = 0; r < options_.rooms; ++r)
      step_room(r);
    auto turn_now = Clock::now();
    for (std::size_t i = 0; i < conns_.size(); ++i) {
      auto& c = conns_[i];
      if (c.role != Conn::Role::bot) continue;
      // Commands leave and answers are read between bots too, so that a busy turn does not
      // make them wait (which would count as the server's latency); every 128 connections,
      // since each service call walks every peer of every host.
      if (i % 128 == 127) {
        flush();
        pool_.service();
      }
      if (i % 256 == 0) turn_now = Clock::now();
      step_bot(c, turn_now);
      if (c.outstanding &&
          std::chrono::duration<double>(turn_now - c.sent_at).count() > kAnswerTimeoutS) {
        problem("a command went unanswered for " + std::to_string(kAnswerTimeoutS) + " s");
        c.outstanding.reset();
      }
    }
    flush();
    if (!measuring_) {
      if (all_playing()) {
        measuring_ = true;
        measure_start_ = Clock::now();
        for (const auto& c : conns_) {
          if (!c.playing()) continue;
          ++(c.role == Conn::Role::bot ? figures_.clients_connected : figures_.facilitators);
        }
        if (options_.server_pid > 0) {
          usage_cpu0 = process_usage(options_.server_pid).first;
          // The server's own latency figures cover the same window (docs/hosting.md).
          ::kill(options_.server_pid, SIGUSR1);
        }
        own_cpu0 = own_cpu_seconds();
      } else if (seconds_since(setup_start) > options_.setup_timeout_s || figures_.errors > 0) {
        problem("setting up the rooms took too long or failed");
        break;
      }
    } else if (seconds_since(measure_start_) >= options_.duration_s) {
      break;
    }
    if (!any) std::this_thread::sleep_for(std::chrono::microseconds(500));
  }
  if (measuring_) {
    figures_.seconds = seconds_since(measure_start_);
    figures_.own_cpu_s = own_cpu_seconds() - own_cpu0;
    if (options_.server_pid > 0) {
      ::kill(options_.server_pid, SIGUSR2);
      const auto [cpu, rss] = process_usage(options_.server_pid);
      figures_.server_cpu_s = cpu - usage_cpu0;
      figures_.server_rss_kb = rss;
    }
    // The view each bot kept, checked against the server's hashes all along.
    for (const auto& c : conns_)
      if (c.client && c.client->hash_mismatches > 0)
        problem("a client's view disagreed with the server's hash " +
                std::to_string(c.client->hash_mismatches) + " time(s)");
  }
  // Unanswered commands at the end are not errors: the window closed on them.
  for (auto& c : conns_) {
    c.closing = true;
    c.client->disconnect();
  }
  pool_.flush();
  const auto until = Clock::now() + std::chrono::milliseconds(500);
  while (Clock::now() < until) {
    pool_.service();
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  return figures_;
}

}  // namespace

Figures run_load(const LoadOptions& options) {
  auto loaded = content::load_content(options.asset_dir);
  if (!loaded.ok()) {
    Figures f;
    f.errors = 1;
    f.problems.push_back("the assets do not load from " + options.asset_dir);
    return f;
  }
  LoadRun run(options, *loaded.catalogue);
  return run.run();
}

}  // namespace accord::loadgen
