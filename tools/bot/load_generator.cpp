#include "load_generator.hpp"

#include <enet/enet.h>
#include <nlohmann/json.hpp>

#include <sys/resource.h>
#include <unistd.h>
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <memory>
#include <optional>
#include <sstream>
#include <thread>

#include "bots/bot.hpp"
#include "content/content.hpp"
#include "core/host.hpp"
#include "core/rules.hpp"
#include "net/enet_support.hpp"
#include "protocol/codec.hpp"

namespace accord::loadgen {
namespace {

namespace pm = protocol;
using Clock = std::chrono::steady_clock;

constexpr std::size_t kMaxProblems = 8;
constexpr double kAnswerTimeoutS = 15;  // a command unanswered this long is an error

double seconds_since(Clock::time_point t) {
  return std::chrono::duration<double>(Clock::now() - t).count();
}

// CPU seconds (user + system) and resident set (kB) of a process, from /proc.
std::pair<double, long> process_usage(int pid) {
  std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
  std::string text;
  std::getline(stat, text);  // one line
  const auto close = text.rfind(')');
  if (close == std::string::npos) return {-1, -1};
  std::istringstream fields(text.substr(close + 2));
  std::string field;
  double cpu = 0;
  for (int i = 3; fields >> field; ++i) {
    if (i == 14 || i == 15) cpu += std::stod(field);
    if (i == 15) break;
  }
  cpu /= static_cast<double>(sysconf(_SC_CLK_TCK));
  std::ifstream status("/proc/" + std::to_string(pid) + "/status");
  long rss = -1;
  for (std::string line; std::getline(status, line);)
    if (line.rfind("VmRSS:", 0) == 0) rss = std::stol(line.substr(6));
  return {cpu, rss};
}

double own_cpu_seconds() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  const auto seconds = [](const timeval& t) {
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6;
  };
  return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

// Several ENet client hosts, each holding up to peers_per_host connections.
class HostPool {
 public:
  explicit HostPool(int peers_per_host) : per_host_(static_cast<std::size_t>(peers_per_host)) {}
  ~HostPool() {
    for (auto* host : hosts_)
      enet_host_destroy(host);
  }
  ENetPeer* connect(const ENetAddress& address) {
    if (hosts_.empty() || used_.back() >= per_host_) {
      ENetHost* host = enet_host_create(nullptr, per_host_, net::kChannelCount, 0, 0);
      if (!host) return nullptr;
      host->maximumPacketSize = pm::kMaxServerMessageBytes + 1024;
      hosts_.push_back(host);
      used_.push_back(0);
    }
    ++used_.back();
    return enet_host_connect(hosts_.back(), &address, net::kChannelCount, 0);
  }
  // Drains every host's events into `handle`; true if any arrived.
  template <class Handle>
  bool service(Handle&& handle) {
    bool any = false;
    ENetEvent event;
    for (auto* host : hosts_)
      while (enet_host_service(host, &event, 0) > 0) {
        any = true;
        handle(event);
      }
    return any;
  }
  void flush() {
    for (auto* host : hosts_)
      enet_host_flush(host);
  }

 private:
  std::size_t per_host_;
  std::vector<ENetHost*> hosts_;
  std::vector<std::size_t> used_;
};

struct Conn {
  enum class Role { facilitator, bot } role = Role::bot;
  int room = 0;
  SeatIndex seat = 0;
  ENetPeer* peer = nullptr;
  bool connected = false, welcomed = false, closing = false, seat_taken = false;
  std::optional<ClientView> view;
  bool awaiting_snapshot = false;
  std::optional<ParticipantId> participant;
  Viewer viewer = Viewer::audience();
  std::string token;
  TimeMs room_clock = 0;
  Clock::time_point room_clock_heard{};
  std::unique_ptr<bots::Bot> bot;
  std::uint32_t next_request = 1;
  std::optional<std::uint32_t> outstanding;
  Clock::time_point sent_at{};
  Clock::time_point next_act{};
  std::uint32_t notes = 0;

  TimeMs room_now() const {
    return room_clock + static_cast<TimeMs>(seconds_since(room_clock_heard) * 1000);
  }
};

struct RoomRun {
  std::string code;
  int facilitator = -1;
  std::vector<int> bots;
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

  Figures run();

 private:
  int open(Conn::Role role, int room, SeatIndex seat);
  void send(Conn& c, const pm::ClientMessage& message) {
    if (!c.peer || !c.connected) return;
    net::send_bytes(c.peer, pm::encode(message));
  }
  void problem(std::string text) {
    ++figures_.errors;
    if (figures_.problems.size() < kMaxProblems) figures_.problems.push_back(std::move(text));
  }
  void on_event(const ENetEvent& event);
  void on_message(int id, pm::ServerMessage message, std::size_t bytes);
  void step_room(int r);
  void step_bot(Conn& c, Clock::time_point now);
  void start_room(int r);
  void close_room(int r);

  const LoadOptions& options_;
  const content::ContentCatalogue& content_;
  HostPool pool_;
  ENetAddress address_{};
  std::vector<Conn> conns_;
  std::vector<RoomRun> rooms_;
  Figures figures_;
  bool measuring_ = false;
  Clock::time_point measure_start_{};
  std::uint64_t seed_ = 1;
  int pending_connects_ = 0;  // waiting for the pacer
  Clock::time_point pacer_{};
  std::vector<std::pair<int, int>> to_open_;  // (room, seat or -1 for the facilitator)
};

int LoadRun::open(Conn::Role role, int room, SeatIndex seat) {
  Conn c;
  c.role = role;
  c.room = room;
  c.seat = seat;
  c.peer = pool_.connect(address_);
  const int id = static_cast<int>(conns_.size());
  if (!c.peer) {
    problem("could not open a connection (client host full?)");
    c.closing = true;
  } else {
    c.peer->data = reinterpret_cast<void*>(static_cast<std::intptr_t>(id));
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
    if (c.peer && c.connected) enet_peer_disconnect_later(c.peer, 0);
  };
  close(room.facilitator);
  for (int id : room.bots)
    close(id);
}

void LoadRun::on_event(const ENetEvent& event) {
  const auto id = static_cast<int>(reinterpret_cast<std::intptr_t>(event.peer->data));
  if (id < 0 || static_cast<std::size_t>(id) >= conns_.size()) {
    if (event.type == ENET_EVENT_TYPE_RECEIVE) enet_packet_destroy(event.packet);
    return;
  }
  auto& c = conns_[static_cast<std::size_t>(id)];
  switch (event.type) {
    case ENET_EVENT_TYPE_CONNECT: {
      c.connected = true;
      pm::Hello hello;
      hello.client_version = "accord-bot";
      hello.content_hashes = {content_.content_hash_hex()};  // no need to send us the content
      send(c, hello);
      break;
    }
    case ENET_EVENT_TYPE_DISCONNECT:
      c.connected = false;
      c.peer = nullptr;
      if (!c.closing) problem("connection " + std::to_string(id) + " lost");
      c.closing = true;
      break;
    case ENET_EVENT_TYPE_RECEIVE: {
      const std::size_t bytes = event.packet->dataLength;
      auto decoded = pm::decode_server_message(
          std::span<const std::uint8_t>(event.packet->data, event.packet->dataLength));
      enet_packet_destroy(event.packet);
      if (!decoded) {
        problem("undecodable message: " + decoded.error.describe());
        break;
      }
      on_message(id, std::move(*decoded.value), bytes);
      break;
    }
    case ENET_EVENT_TYPE_NONE:
      break;
  }
}

void LoadRun::on_message(int id, pm::ServerMessage message, std::size_t bytes) {
  auto& c = conns_[static_cast<std::size_t>(id)];
  auto& room = rooms_[static_cast<std::size_t>(c.room)];
  if (measuring_) ++figures_.server_messages;
  const auto answered = [&](std::uint32_t request) {
    if (!c.outstanding || *c.outstanding != request) return;
    if (measuring_) figures_.latency_ms.push_back(seconds_since(c.sent_at) * 1000);
    c.outstanding.reset();
    c.next_act = Clock::now() + std::chrono::milliseconds(options_.think_ms);
  };
  std::visit(
      Overloaded{
          [&](pm::Welcome&) {
            c.welcomed = true;
            if (c.role == Conn::Role::facilitator) {
              pm::CreateRoom create;
              create.scenario = options_.scenario;
              create.seats = static_cast<std::uint32_t>(options_.seats);
              create.timer_preset = options_.preset;
              create.facilitator_password = "accord-bot facilitator";
              send(c, create);
            } else {
              pm::JoinRoom join;
              join.code = room.code;
              join.name = "bot " + std::to_string(c.room) + "." + std::to_string(c.seat);
              send(c, join);
            }
          },
          [&](pm::RoomCreated& m) { room.code = m.code; },
          [&](pm::Joined& m) {
            c.participant = m.participant;
            c.token = m.reconnect_token;
            c.viewer = m.viewer.viewer();
            c.room_clock = m.room_now;
            c.room_clock_heard = Clock::now();
            c.view.emplace(Snapshot{m.view_seq, std::move(m.view)});
            if (c.role == Conn::Role::facilitator) {
              for (SeatIndex s = 0; s < static_cast<SeatIndex>(options_.seats); ++s)
                to_open_.emplace_back(c.room, static_cast<int>(s));
            } else if (!c.seat_taken) {
              c.seat_taken = true;
              send(c, pm::SendCommand{c.next_request++, c.view->view_seq(), TakeSeat{c.seat}});
            }
          },
          [&](pm::Snapshot& m) {
            c.viewer = m.viewer.viewer();
            c.room_clock = m.room_now;
            c.room_clock_heard = Clock::now();
            if (c.view)
              c.view->resync(Snapshot{m.view_seq, std::move(m.view)});
            else
              c.view.emplace(Snapshot{m.view_seq, std::move(m.view)});
            c.awaiting_snapshot = false;
          },
          [&](pm::StreamItem& m) {
            if (measuring_) {
              ++figures_.stream_items;
              figures_.stream_bytes += static_cast<long>(bytes);
            }
            if (!c.view || c.awaiting_snapshot || m.view_seq <= c.view->view_seq()) return;
            if (c.view->apply(accord::StreamItem{m.view_seq, std::move(m.event)}) ==
                ClientView::Applied::gap) {
              c.awaiting_snapshot = true;
              send(c, pm::RequestResync{});
            }
          },
          [&](pm::CommandAccepted& m) {
            if (c.outstanding && *c.outstanding == m.request_id && measuring_) ++figures_.accepted;
            answered(m.request_id);
          },
          [&](pm::CommandRejected& m) {
            const bool ours = c.outstanding && *c.outstanding == m.request_id;
            if (ours && measuring_) {
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
            }
            answered(m.request_id);
          },
          [&](pm::Error& m) { problem("server error: " + m.text); },
          [&](pm::Bye& m) {
            if (!c.closing) problem("server said bye: " + m.text);
            c.closing = true;
          },
          [&](pm::VersionMismatch& m) { problem("version mismatch: " + m.text); },
          [&](pm::Pong& m) {
            c.room_clock = m.room_now;
            c.room_clock_heard = Clock::now();
          },
          [&](auto&) {},
      },
      message);
}

void LoadRun::step_room(int r) {
  auto& room = rooms_[static_cast<std::size_t>(r)];
  if (room.facilitator < 0) return;
  auto& f = conns_[static_cast<std::size_t>(room.facilitator)];
  if (!f.view || f.closing) return;
  const Match& m = f.view->view();
  if (!room.started && m.phase == Phase::lobby) {
    const bool all_seated = static_cast<int>(m.seats.size()) == options_.seats &&
                            std::all_of(m.seats.begin(), m.seats.end(),
                                        [](const Seat& s) { return s.head.has_value(); });
    if (all_seated) {
      room.started = true;
      ++figures_.matches_started;
      send(f, pm::SendCommand{f.next_request++, f.view->view_seq(), StartMatch{}});
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
    send(f, pm::SendCommand{f.next_request++, f.view->view_seq(), AdvancePhase{}});
  }
}

void LoadRun::step_bot(Conn& c, Clock::time_point now) {
  if (!c.view || c.closing || c.awaiting_snapshot || c.outstanding || !c.participant) return;
  if (c.viewer.kind != ViewerKind::seat) return;
  if (now < c.next_act) return;
  const Match& view = c.view->view();
  if (view.phase == Phase::lobby || view.phase == Phase::debrief) return;
  const TimeMs room_now = c.room_now();
  if (!c.bot) {
    bots::BotOptions bot_options;
    bot_options.difficulty =
        bots::difficulty_from_name(options_.difficulty).value_or(bots::Difficulty::normal);
    bot_options.seed = seed_++;
    c.bot = std::make_unique<bots::Bot>(c.seat, view, content_.clauses(), bot_options);
    c.bot->act_as(Actor::of(*c.participant));
  }
  auto command = c.bot->next_command(view, room_now);
  if (!command) {
    // A delegate with nothing to decide still works: it keeps its notes.
    command = WriteNote{"note " + std::to_string(++c.notes)};
    if (!decide(view, Actor::of(*c.participant), *command, room_now).accepted()) {
      c.next_act = now + std::chrono::milliseconds(std::max(options_.think_ms, 50));
      return;
    }
  }
  const auto id = c.next_request++;
  send(c, pm::SendCommand{id, c.view->view_seq(), *command});
  c.outstanding = id;
  c.sent_at = now;
  if (measuring_) ++figures_.commands_sent;
}

Figures LoadRun::run() {
  if (!net::ensure_enet() || enet_address_set_host(&address_, options_.host.c_str()) != 0) {
    problem("cannot resolve " + options_.host);
    return figures_;
  }
  address_.port = options_.port;
  rooms_.resize(static_cast<std::size_t>(options_.rooms));
  for (int r = 0; r < options_.rooms; ++r)
    to_open_.emplace_back(r, -1);
  const auto setup_start = Clock::now();
  pacer_ = Clock::now();
  double usage_cpu0 = 0, own_cpu0 = 0;
  std::size_t next_to_open = 0;
  auto turn_start = Clock::now();
  for (;;) {
    if (measuring_)
      figures_.longest_turn_ms =
          std::max(figures_.longest_turn_ms, seconds_since(turn_start) * 1000);
    turn_start = Clock::now();
    // Paced connects: at most connects_per_second.
    const double allowed = seconds_since(pacer_) * options_.connects_per_second;
    while (next_to_open < to_open_.size() && pending_connects_ < allowed) {
      const auto [r, seat] = to_open_[next_to_open++];
      ++pending_connects_;
      if (seat < 0) {
        start_room(r);
      } else {
        rooms_[static_cast<std::size_t>(r)].bots.push_back(
            open(Conn::Role::bot, r, static_cast<SeatIndex>(seat)));
      }
    }
    const bool any = pool_.service([&](const ENetEvent& e) { on_event(e); });
    for (int r = 0; r < options_.rooms; ++r)
      step_room(r);
    auto turn_now = Clock::now();
    if (measuring_)
      for (std::size_t i = 0; i < conns_.size(); ++i) {
        auto& c = conns_[i];
        // Answers are read between bots too, so that a busy turn does not make them wait
        // (which would count as the server's latency).
        // (Every 1,024 connections: each service call walks every peer of every host.)
        if (i % 1024 == 1023) pool_.service([&](const ENetEvent& e) { on_event(e); });
        if (c.role == Conn::Role::bot) {
          if (i % 256 == 0) turn_now = Clock::now();
          step_bot(c, turn_now);
          if (c.outstanding &&
              std::chrono::duration<double>(turn_now - c.sent_at).count() > kAnswerTimeoutS) {
            problem("a command went unanswered for " + std::to_string(kAnswerTimeoutS) + " s");
            c.outstanding.reset();
          }
        }
      }
    pool_.flush();
    if (!measuring_) {
      const bool all_started = std::all_of(rooms_.begin(), rooms_.end(),
                                           [](const RoomRun& room) { return room.started; });
      bool all_playing = all_started;
      for (const auto& room : rooms_)
        for (int id : room.bots)
          all_playing = all_playing && conns_[static_cast<std::size_t>(id)].view &&
                        conns_[static_cast<std::size_t>(id)].view->view().phase != Phase::lobby;
      if (all_playing) {
        measuring_ = true;
        measure_start_ = Clock::now();
        for (const auto& c : conns_) {
          if (c.role == Conn::Role::bot && c.connected) ++figures_.clients_connected;
          if (c.role == Conn::Role::facilitator && c.connected) ++figures_.facilitators;
        }
        if (options_.server_pid > 0) usage_cpu0 = process_usage(options_.server_pid).first;
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
      const auto [cpu, rss] = process_usage(options_.server_pid);
      figures_.server_cpu_s = cpu - usage_cpu0;
      figures_.server_rss_kb = rss;
    }
  }
  // Unanswered commands at the end are not errors: the window closed on them.
  for (auto& c : conns_) {
    c.closing = true;
    if (c.peer && c.connected) enet_peer_disconnect(c.peer, 0);
  }
  const auto until = Clock::now() + std::chrono::milliseconds(500);
  while (Clock::now() < until) {
    pool_.service([&](const ENetEvent& e) {
      if (e.type == ENET_EVENT_TYPE_RECEIVE) enet_packet_destroy(e.packet);
    });
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  return figures_;
}

// ------------------------------------------------------------------ the echo baseline

class EchoHost {
 public:
  bool start() {
    ENetAddress address{};
    enet_address_set_host(&address, "127.0.0.1");
    address.port = 0;
    host_ = enet_host_create(&address, 4095, net::kChannelCount, 0, 0);
    if (!host_) return false;
    port_ = host_->address.port;
    thread_ = std::thread([this] {
      ENetEvent event;
      while (!stop_.load()) {
        while (enet_host_service(host_, &event, 1) > 0)
          if (event.type == ENET_EVENT_TYPE_RECEIVE) {
            // Sent back as it came (ENet takes the packet over).
            if (enet_peer_send(event.peer, net::kChannel, event.packet) != 0)
              enet_packet_destroy(event.packet);
          }
      }
    });
    return true;
  }
  ~EchoHost() {
    stop_.store(true);
    if (thread_.joinable()) thread_.join();
    if (host_) enet_host_destroy(host_);
  }
  std::uint16_t port() const { return port_; }

 private:
  ENetHost* host_ = nullptr;
  std::uint16_t port_ = 0;
  std::atomic<bool> stop_{false};
  std::thread thread_;
};

}  // namespace

double percentile(std::vector<double> values, double p) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  const auto rank =
      static_cast<std::size_t>(std::ceil(p / 100.0 * static_cast<double>(values.size())));
  return values[std::min(values.size() - 1, rank == 0 ? 0 : rank - 1)];
}

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

EchoFigures run_echo(const LoadOptions& options, long clients, std::size_t message_bytes) {
  EchoFigures figures;
  if (!net::ensure_enet()) return figures;
  EchoHost echo;
  if (!echo.start()) {
    figures.errors = 1;
    return figures;
  }
  ENetAddress address{};
  enet_address_set_host(&address, "127.0.0.1");
  address.port = echo.port();
  HostPool pool(options.peers_per_host);
  struct EchoConn {
    ENetPeer* peer = nullptr;
    bool connected = false, waiting = false;
    Clock::time_point sent_at{}, next_at{};
  };
  std::vector<EchoConn> conns(static_cast<std::size_t>(clients));
  const std::vector<std::uint8_t> payload(std::max<std::size_t>(1, message_bytes), 0x5a);
  const auto pacer = Clock::now();
  std::size_t opened = 0;
  bool measuring = false;
  Clock::time_point start{};
  const auto setup_start = Clock::now();
  for (;;) {
    const double allowed = seconds_since(pacer) * options.connects_per_second;
    while (opened < conns.size() && static_cast<double>(opened) < allowed) {
      conns[opened].peer = pool.connect(address);
      if (conns[opened].peer)
        conns[opened].peer->data = reinterpret_cast<void*>(static_cast<std::intptr_t>(opened));
      ++opened;
    }
    const bool any = pool.service([&](const ENetEvent& e) {
      auto& c = conns[static_cast<std::size_t>(reinterpret_cast<std::intptr_t>(e.peer->data))];
      if (e.type == ENET_EVENT_TYPE_CONNECT) c.connected = true;
      if (e.type == ENET_EVENT_TYPE_DISCONNECT) {
        c.connected = false;
        ++figures.errors;
      }
      if (e.type == ENET_EVENT_TYPE_RECEIVE) {
        enet_packet_destroy(e.packet);
        if (measuring && c.waiting) {
          ++figures.messages;
          figures.latency_ms.push_back(seconds_since(c.sent_at) * 1000);
        }
        c.waiting = false;
        c.next_at = Clock::now() + std::chrono::milliseconds(options.think_ms);
      }
    });
    if (!measuring) {
      const auto up =
          std::count_if(conns.begin(), conns.end(), [](const EchoConn& c) { return c.connected; });
      if (up == clients) {
        measuring = true;
        start = Clock::now();
        figures.clients = clients;
        // Spread the first messages over one think time, as the bots' are.
        for (std::size_t i = 0; i < conns.size(); ++i)
          conns[i].next_at =
              start + std::chrono::milliseconds(options.think_ms * static_cast<long>(i) /
                                                std::max<long>(1, clients));
      } else if (seconds_since(setup_start) > options.setup_timeout_s) {
        ++figures.errors;
        break;
      }
    } else {
      const auto now = Clock::now();
      for (auto& c : conns)
        if (c.connected && !c.waiting && now >= c.next_at) {
          net::send_bytes(c.peer, payload);
          c.waiting = true;
          c.sent_at = now;
        }
      pool.flush();
      if (seconds_since(start) >= options.duration_s) break;
    }
    if (!any) std::this_thread::sleep_for(std::chrono::microseconds(500));
  }
  figures.seconds = measuring ? seconds_since(start) : 0;
  for (auto& c : conns)
    if (c.peer && c.connected) enet_peer_disconnect(c.peer, 0);
  pool.service([](const ENetEvent& e) {
    if (e.type == ENET_EVENT_TYPE_RECEIVE) enet_packet_destroy(e.packet);
  });
  return figures;
}

namespace {

nlohmann::json figures_json(const Figures& g) {
  const double s = std::max(g.seconds, 1e-9);
  return {
      {"clients_connected", g.clients_connected},
      {"facilitators", g.facilitators},
      {"seconds", g.seconds},
      {"commands_sent", g.commands_sent},
      {"commands_per_second", static_cast<double>(g.commands_sent) / s},
      {"accepted", g.accepted},
      {"latency_ms",
       {{"p50", percentile(g.latency_ms, 50)},
        {"p95", percentile(g.latency_ms, 95)},
        {"p99", percentile(g.latency_ms, 99)},
        {"max", percentile(g.latency_ms, 100)}}},
      {"stream_items", g.stream_items},
      {"bytes_per_event",
       g.stream_items ? static_cast<double>(g.stream_bytes) / static_cast<double>(g.stream_items)
                      : 0.0},
      {"server_messages_per_second", static_cast<double>(g.server_messages + g.commands_sent) / s},
      {"reconnects", g.reconnects},
      {"rejections",
       {{"stale", g.stale}, {"invalid", g.invalid}, {"rate_limited", g.rate_limited}}},
      {"errors", g.errors},
      {"matches", {{"started", g.matches_started}, {"finished", g.matches_finished}}},
      {"server_cpu_seconds", g.server_cpu_s},
      {"generator_cpu_seconds", g.own_cpu_s},
      {"generator_longest_turn_ms", g.longest_turn_ms},
      {"server_rss_kb", g.server_rss_kb},
      {"problems", g.problems},
  };
}

}  // namespace

std::string report_json(const LoadOptions& options, const Figures& game, const EchoFigures* echo) {
  nlohmann::json out{{"options",
                      {{"rooms", options.rooms},
                       {"seats", options.seats},
                       {"scenario", options.scenario},
                       {"think_ms", options.think_ms},
                       {"duration_s", options.duration_s},
                       {"difficulty", options.difficulty}}},
                     {"server", figures_json(game)}};
  if (echo) {
    const double s = std::max(echo->seconds, 1e-9);
    out["echo"] = {
        {"clients", echo->clients},
        {"round_trips", echo->messages},
        {"messages_per_second", 2.0 * static_cast<double>(echo->messages) / s},
        {"latency_ms",
         {{"p50", percentile(echo->latency_ms, 50)}, {"p99", percentile(echo->latency_ms, 99)}}},
        {"errors", echo->errors}};
    const double echo_rate = 2.0 * static_cast<double>(echo->messages) / s;
    out["ratio_to_echo"] = echo_rate > 0
                               ? static_cast<double>(game.server_messages + game.commands_sent) /
                                     std::max(game.seconds, 1e-9) / echo_rate
                               : 0.0;
  }
  return out.dump(2);
}

std::string report_text(const LoadOptions& options, const Figures& g, const EchoFigures* echo) {
  const double s = std::max(g.seconds, 1e-9);
  char buffer[2048];
  std::string out;
  std::snprintf(buffer, sizeof buffer,
                "accord-bot: %d room(s) x %d seats, %s, think %d ms, %.1f s measured\n"
                "  clients connected      %ld (+%ld facilitators)\n"
                "  commands sent          %ld (%.1f/s), accepted %ld\n"
                "  command->event latency p50 %.2f ms  p95 %.2f ms  p99 %.2f ms  max %.2f ms\n"
                "  events received        %ld, %.1f bytes per event on the wire\n"
                "  server messages in+out %.1f/s\n"
                "  reconnects             %ld\n"
                "  rejections             stale %ld, invalid %ld, rate-limited %ld\n"
                "  matches                %ld started, %ld finished\n"
                "  errors                 %ld\n",
                options.rooms, options.seats, options.scenario.c_str(), options.think_ms, g.seconds,
                g.clients_connected, g.facilitators, g.commands_sent,
                static_cast<double>(g.commands_sent) / s, g.accepted, percentile(g.latency_ms, 50),
                percentile(g.latency_ms, 95), percentile(g.latency_ms, 99),
                percentile(g.latency_ms, 100), g.stream_items,
                g.stream_items
                    ? static_cast<double>(g.stream_bytes) / static_cast<double>(g.stream_items)
                    : 0.0,
                static_cast<double>(g.server_messages + g.commands_sent) / s, g.reconnects, g.stale,
                g.invalid, g.rate_limited, g.matches_started, g.matches_finished, g.errors);
  out += buffer;
  if (g.server_cpu_s >= 0) {
    std::snprintf(buffer, sizeof buffer, "  server                 %.0f %% CPU, %.1f MB RSS\n",
                  100 * g.server_cpu_s / s, static_cast<double>(g.server_rss_kb) / 1024);
    out += buffer;
  }
  std::snprintf(buffer, sizeof buffer,
                "  load generator         %.0f %% CPU, longest loop turn %.1f ms\n",
                100 * g.own_cpu_s / s, g.longest_turn_ms);
  out += buffer;
  for (const auto& p : g.problems)
    out += "  problem: " + p + "\n";
  if (echo) {
    const double es = std::max(echo->seconds, 1e-9);
    const double echo_rate = 2.0 * static_cast<double>(echo->messages) / es;
    std::snprintf(buffer, sizeof buffer,
                  "echo baseline: %ld clients, %.1f messages/s in+out, round trip p50 %.2f ms "
                  "p99 %.2f ms, errors %ld\n"
                  "  server / echo message rate: %.2f\n",
                  echo->clients, echo_rate, percentile(echo->latency_ms, 50),
                  percentile(echo->latency_ms, 99), echo->errors,
                  echo_rate > 0
                      ? static_cast<double>(g.server_messages + g.commands_sent) / s / echo_rate
                      : 0.0);
    out += buffer;
  }
  return out;
}

bool run_failed(const Figures& figures) {
  return figures.errors > 0 || figures.invalid > 0 || figures.clients_connected == 0;
}

}  // namespace accord::loadgen
