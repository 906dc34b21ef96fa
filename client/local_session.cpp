#include "local_session.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "bots/seat_bots.hpp"
#include "core/visibility.hpp"

namespace accord::client {
namespace {

static_assert(static_cast<int>(bots::Difficulty::easy) == static_cast<int>(Difficulty::easy) &&
              static_cast<int>(bots::Difficulty::hard) == static_cast<int>(Difficulty::hard));
constexpr TimeMs kSoloStartMs = 1'000;
constexpr int kMaxInstantsPerPoll = 2'000;  // bot looks and deadlines one poll may run through

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
  const Match& match = s.engine_.match();
  const auto difficulty = static_cast<bots::Difficulty>(config.difficulty);
  for (SeatIndex seat = 0; seat < match.seats.size(); ++seat) {
    s.submit(Actor::facilitator(), SetBot{seat, true}, false);
    s.engine_.seat_bot(
        seat,
        bots::negotiator_seat(view_for(match, Viewer::of_seat(seat)), seat, content.clauses(),
                              difficulty, config.seed, config.phrases),
        engine::BotDuty::fill);
  }
  // The room's first moment on its clock starts the lobby's countdown; like the solo lobby's
  // clock, it then stands still until the player starts.
  s.engine_.advance_clock(s.engine_.now());
  s.own_viewer_ = Viewer::of_seat(player_seat);
  s.open_own();
  s.open_public();
  if (config.start_now) s.submit(Actor::facilitator(), StartMatch{}, false);
  s.drain();
  if (s.rejection_) return fail(s.rejection_->message);
  return session;
}

LocalSession::LocalSession(const LogHeader& header, std::string scenario, const SoloConfig& config)
    : engine_(MatchHost(header), kSoloStartMs),
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

// What the engine does by itself (bots, deadlines) reaches the session's two streams.
class LocalSession::Router final : public engine::RoomListener {
 public:
  explicit Router(LocalSession& session) : session_(session) {}
  void appended(MatchHost::Outcome& outcome, const Actor* actor, const Command*) override {
    if (actor && actor->kind == ActorKind::bot) ++session_.bot_commands_;
    session_.route(outcome);
  }
  void bot_refused(SeatIndex seat, const Command&, const Rejection& why) override {
    ++session_.bot_rejections_;
    std::fprintf(stderr, "accord: the bot of seat %u was refused: %s\n", seat, why.message.c_str());
  }

 private:
  LocalSession& session_;
};

bool LocalSession::submit(const Actor& actor, const Command& command, bool from_player) {
  const auto outcome = engine_.submit(actor, command);
  if (outcome.rejection) {
    rejection_ = outcome.rejection;
    if (from_player) changed_ = true;
    return false;
  }
  if (from_player) rejection_.reset();
  route(outcome);
  follow_player_seat();
  return true;
}

// The player moved seat (lobby): follow the new seat's stream.
void LocalSession::follow_player_seat() {
  const auto& p = engine_.match().participants;
  if (player_ < p.size() && p[player_].seat && own_viewer_.kind == ViewerKind::seat &&
      *p[player_].seat != own_viewer_.seat) {
    own_viewer_ = Viewer::of_seat(*p[player_].seat);
    own_inbox_.clear();
    open_own();
    changed_ = true;
  }
}

void LocalSession::post(const Command& command) {
  submit(Actor::of(player_), command, true);
  drain();
}

void LocalSession::post_facilitator(const Command& command) {
  submit(Actor::facilitator(), command, true);
  drain();
}

void LocalSession::open_own() {
  Snapshot snapshot = engine_.host().open_stream(own_viewer_);
  own_recording_.opened(snapshot);
  own_.resync(std::move(snapshot));
  if (own_observer_) own_observer_(own_.view(), own_recording_.events());
}

void LocalSession::open_public() {
  Snapshot snapshot = engine_.host().open_stream(Viewer::audience());
  public_recording_.opened(snapshot);
  public_.resync(std::move(snapshot));
}

bool LocalSession::drain() {
  bool any = false;
  while (!own_inbox_.empty()) {
    if (own_.apply(own_inbox_.front()) == ClientView::Applied::gap) {
      own_inbox_.clear();
      open_own();
      any = true;
      break;
    }
    own_recording_.applied(std::move(own_inbox_.front()));
    if (own_observer_) own_observer_(own_.view(), own_recording_.events());
    own_inbox_.pop_front();
    any = true;
  }
  while (!public_inbox_.empty()) {
    if (public_.apply(public_inbox_.front()) == ClientView::Applied::gap) {
      public_inbox_.clear();
      open_public();
      any = true;
      break;
    }
    public_recording_.applied(std::move(public_inbox_.front()));
    public_inbox_.pop_front();
    any = true;
  }
  changed_ = changed_ || any;
  return any;
}

bool LocalSession::poll(double real_ms) {
  // The lobby waits for the player: its clock stands still.
  if (engine_.match().phase != Phase::lobby) {
    carry_ms_ += std::max(0.0, real_ms) * time_scale_;
    const auto whole = static_cast<TimeMs>(std::floor(carry_ms_));
    carry_ms_ -= static_cast<double>(whole);
    Router router(*this);
    engine_.run_until(engine_.now() + whole, router, kMaxInstantsPerPoll);
  }
  drain();
  const bool changed = changed_;
  changed_ = false;
  return changed;
}

double LocalSession::real_ms_until_next_event() const {
  const Match& match = engine_.match();
  if (match.phase == Phase::lobby || match.phase == Phase::debrief) return 1e9;
  const TimeMs now = engine_.now();
  const TimeMs next = std::min(now + 60'000, engine_.next_wake().value_or(now + 60'000));
  const double game_ms = static_cast<double>(std::max<TimeMs>(0, next - now));
  return game_ms / std::max(time_scale_, 1e-3);
}

}  // namespace accord::client
