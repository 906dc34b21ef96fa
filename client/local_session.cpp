#include "local_session.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/visibility.hpp"

namespace accord::client {
namespace {

static_assert(static_cast<int>(bots::Difficulty::easy) == static_cast<int>(Difficulty::easy) &&
              static_cast<int>(bots::Difficulty::hard) == static_cast<int>(Difficulty::hard));
constexpr int kMaxBotCommandsPerPoll = 400;

}  // namespace

std::optional<Difficulty> difficulty_from_name(std::string_view name) {
  if (name == "easy") return Difficulty::easy;
  if (name == "normal") return Difficulty::normal;
  if (name == "hard") return Difficulty::hard;
  return std::nullopt;
}

std::unique_ptr<LocalSession> LocalSession::create(const content::ContentCatalogue& content,
                                                   const SoloConfig& config, std::string* error) {
  const auto fail = [&](std::string message) -> std::unique_ptr<LocalSession> {
    if (error) *error = std::move(message);
    return nullptr;
  };
  if (content.scenarios().empty()) return fail("The asset folder has no scenario.");
  const content::Scenario* scenario =
      config.scenario.empty() ? &content.scenarios().front() : content.scenario(config.scenario);
  if (!scenario) return fail("Unknown scenario '" + config.scenario + "'.");
  const std::size_t seats =
      config.seats != 0 ? config.seats : std::min<std::size_t>(8, scenario->seats.size());
  auto creation = content::make_match_settings(content, scenario->id, seats, config.timer_preset);
  if (!creation) return fail(creation.error);
  LogHeader header = creation.setup->header;
  header.seed = config.seed;
  header.settings.has_facilitator = true;

  SeatIndex player_seat = 0;
  if (!config.state.empty()) {
    const auto& list = header.settings.seats;
    const auto it = std::find_if(list.begin(), list.end(),
                                 [&](const SeatSetup& s) { return s.state == config.state; });
    if (it == list.end())
      return fail("'" + config.state + "' has no seat in \"" + scenario->title + "\" with " +
                  std::to_string(seats) + " seats.");
    player_seat = static_cast<SeatIndex>(it - list.begin());
  }

  std::unique_ptr<LocalSession> session(new LocalSession(header, scenario->id, config));
  LocalSession& s = *session;
  s.submit(Actor::server(), JoinMatch{config.player_name, Role::player}, false);
  s.player_ = 0;
  s.submit(Actor::of(s.player_), TakeSeat{player_seat}, false);
  // A bot on every seat: it plays only while no delegation holds the seat, so the player may
  // still change seats in the lobby.
  const auto& match = s.host_.match();
  const auto difficulty = static_cast<bots::Difficulty>(config.difficulty);
  for (SeatIndex seat = 0; seat < match.seats.size(); ++seat) {
    s.submit(Actor::facilitator(), SetBot{seat, true}, false);
    s.bots_.push_back(BotSeat{bots::make_room_bot(view_for(match, Viewer::of_seat(seat)), seat,
                                                  content.clauses(), difficulty, config.seed),
                              bots::SeatPacer()});
  }
  s.own_viewer_ = Viewer::of_seat(player_seat);
  s.own_.resync(s.host_.open_stream(s.own_viewer_));
  s.public_.resync(s.host_.open_stream(Viewer::audience()));
  if (config.start_now) s.submit(Actor::facilitator(), StartMatch{}, false);
  s.drain();
  for (auto& bot : s.bots_)
    bot.pacer.start(bot.bot, s.now_);
  if (s.rejection_) return fail(s.rejection_->message);
  return session;
}

LocalSession::LocalSession(const LogHeader& header, std::string scenario, const SoloConfig& config)
    : host_(header),
      scenario_(std::move(scenario)),
      own_viewer_(Viewer::audience()),
      own_(Snapshot{}),
      public_(Snapshot{}),
      time_scale_(config.time_scale) {}

std::optional<SeatIndex> LocalSession::seat() const {
  if (own_viewer_.kind != ViewerKind::seat) return std::nullopt;
  return own_viewer_.seat;
}

void LocalSession::route(const MatchHost::Outcome& outcome) {
  for (const auto& delivery : outcome.deliveries) {
    if (delivery.viewer == own_viewer_) own_inbox_.push_back(delivery.item);
    if (delivery.viewer == Viewer::audience()) public_inbox_.push_back(delivery.item);
  }
}

bool LocalSession::submit(const Actor& actor, const Command& command, bool from_player) {
  const auto outcome = host_.submit(actor, command, now_);
  if (outcome.rejection) {
    if (from_player) {
      rejection_ = outcome.rejection;
      changed_ = true;
    } else if (actor.kind == ActorKind::bot) {
      ++bot_rejections_;
      std::fprintf(stderr, "accord: a bot's command was refused: %s\n",
                   outcome.rejection->message.c_str());
    } else {
      rejection_ = outcome.rejection;
    }
    return false;
  }
  if (from_player) rejection_.reset();
  route(outcome);
  // The player moved seat (lobby): follow the new seat's stream.
  const auto& p = host_.match().participants;
  if (player_ < p.size() && p[player_].seat && own_viewer_.kind == ViewerKind::seat &&
      *p[player_].seat != own_viewer_.seat) {
    own_viewer_ = Viewer::of_seat(*p[player_].seat);
    own_inbox_.clear();
    own_.resync(host_.open_stream(own_viewer_));
    changed_ = true;
  }
  return true;
}

void LocalSession::post(const Command& command) {
  submit(Actor::of(player_), command, true);
  drain();
}

void LocalSession::post_facilitator(const Command& command) {
  submit(Actor::facilitator(), command, true);
  drain();
}

bool LocalSession::drain() {
  bool any = false;
  while (!own_inbox_.empty()) {
    if (own_.apply(own_inbox_.front()) == ClientView::Applied::gap) {
      own_inbox_.clear();
      own_.resync(host_.open_stream(own_viewer_));
      any = true;
      break;
    }
    own_inbox_.pop_front();
    any = true;
  }
  while (!public_inbox_.empty()) {
    if (public_.apply(public_inbox_.front()) == ClientView::Applied::gap) {
      public_inbox_.clear();
      public_.resync(host_.open_stream(Viewer::audience()));
      any = true;
      break;
    }
    public_inbox_.pop_front();
    any = true;
  }
  changed_ = changed_ || any;
  return any;
}

bool LocalSession::run_bots() {
  const Match& match = host_.match();
  if (match.phase == Phase::lobby || match.phase == Phase::debrief || match.paused_at) return false;
  bool acted = false;
  int budget = kMaxBotCommandsPerPoll;
  for (bool again = true; again && budget > 0;) {
    again = false;
    for (auto& seat_bot : bots_) {
      const SeatIndex s = seat_bot.bot.seat();
      if (!seat_bot.pacer.due(now_) || s >= match.seats.size()) continue;
      if (!match.seats[s].bot || match.seats[s].head) {
        seat_bot.pacer.idle(now_);
        continue;
      }
      // As in a server room: the bot decides on its own seat's view, without the clock.
      const auto step = seat_bot.pacer.step(
          seat_bot.bot, now_,
          [&] { return seat_bot.bot.next_command(view_for(match, Viewer::of_seat(s))); },
          [&](const Command& command) {
            ++bot_commands_;
            return submit(Actor::bot(s), command, false);
          });
      if (step == bots::SeatPacer::Step::idle) continue;
      --budget;
      acted = again = true;
      // The deadline may have passed while the bots were thinking.
      route(host_.advance_clock(now_));
    }
  }
  return acted;
}

bool LocalSession::poll(double real_ms) {
  if (host_.match().phase != Phase::lobby) {
    carry_ms_ += std::max(0.0, real_ms) * time_scale_;
    const auto whole = static_cast<TimeMs>(std::floor(carry_ms_));
    carry_ms_ -= static_cast<double>(whole);
    // Step through deadlines one at a time so bots get to act in every phase.
    TimeMs target = now_ + whole;
    if (host_.match().paused_at) {  // the clock stands still for bots and deadlines
      now_ = target;
      route(host_.advance_clock(now_));
    }
    while (now_ < target) {
      TimeMs step = target;
      TimeMs next_bot = target;
      for (const auto& b : bots_)
        next_bot = std::min(next_bot, b.pacer.next_at());
      step = std::max(now_ + 1, std::min(step, next_bot));
      if (const auto& deadline = host_.match().deadline; deadline && !host_.match().paused_at)
        step = std::min(step, std::max(now_ + 1, *deadline));
      now_ = step;
      route(host_.advance_clock(now_));
      run_bots();
      if (host_.match().phase == Phase::debrief) {
        now_ = target;
        break;
      }
    }
  }
  drain();
  const bool changed = changed_;
  changed_ = false;
  return changed;
}

double LocalSession::real_ms_until_next_event() const {
  const Match& match = host_.match();
  if (match.phase == Phase::lobby || match.phase == Phase::debrief) return 1e9;
  TimeMs next = now_ + 60'000;
  if (!match.paused_at) {
    for (const auto& b : bots_)
      next = std::min(next, b.pacer.next_at());
    if (match.deadline) next = std::min(next, *match.deadline);
  }
  const double game_ms = static_cast<double>(std::max<TimeMs>(0, next - now_));
  return game_ms / std::max(time_scale_, 1e-3);
}

}  // namespace accord::client
