#include "app.hpp"

#include <SDL.h>
#include <imgui.h>
#include <imgui_impl_sdl.h>
#include <imgui_impl_sdlrenderer.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <future>
#include <memory>
#include <optional>
#include <sstream>

#include "autopilot.hpp"
#include "bench_frames.hpp"
#include "embedded_server.hpp"
#include "fonts.hpp"
#include "local_session.hpp"
#include "net/discovery_probe.hpp"
#include "network_session.hpp"
#include "nlohmann/json.hpp"
#include "scoring/seat_score.hpp"
#include "screenshot.hpp"
#include "settings.hpp"
#include "text_log.hpp"
#include "ui.hpp"

namespace accord::client {
namespace {

namespace fs = std::filesystem;

constexpr int kCaptureAfterFrames = 3;
constexpr double kScreenModeTimeScale = 900.0;
constexpr double kScreenModeMaxSeconds = 120.0;

fs::path asset_dir(const Options& o) {
  if (!o.assets.empty()) return o.assets;
  if (const char* env = std::getenv("ACCORD_ASSETS"); env && *env) return env;
  if (char* base = SDL_GetBasePath()) {
    const fs::path installed = fs::path(base) / ".." / "share" / "cyber-accord" / "assets";
    SDL_free(base);
    std::error_code ec;
    if (fs::is_directory(installed / "scenarios", ec)) return installed;
  }
  return ACCORD_ASSET_DIR;
}

Screen screen_for_phase(Phase p) {
  switch (p) {
    case Phase::lobby:
      return Screen::lobby;
    case Phase::briefing:
      return Screen::briefing;
    case Phase::drafting:
      return Screen::drafting;
    case Phase::clause_voting:
    case Phase::final_vote:
      return Screen::voting;
    case Phase::debrief:
      return Screen::debrief;
  }
  return Screen::briefing;
}

// Whether `screen` shows real content in this state of the match (for --screen).
bool shows_content(Screen screen, const Session& session) {
  const Match& v = session.view();
  switch (screen) {
    case Screen::home:
    case Screen::settings:
      return true;
    case Screen::lobby:
      return v.phase == Phase::lobby && !v.participants.empty();
    case Screen::briefing:
      return v.phase == Phase::briefing;
    case Screen::drafting:
    case Screen::projector: {
      if (v.phase != Phase::drafting) return false;
      const auto this_round = std::count_if(
          v.clauses.begin(), v.clauses.end(),
          [&](const Clause& c) { return c.round == v.round && c.status == ClauseStatus::tabled; });
      return this_round >= 3 ||
             (!v.clauses.empty() && session.now() - v.phase_started_at >= 120'000);
    }
    case Screen::chat:
      return !v.channels.empty() && !v.channels[kPlenary].messages.empty() &&
             v.phase == Phase::drafting;
    case Screen::voting:
      return v.phase == Phase::clause_voting &&
             std::any_of(v.clauses.begin(), v.clauses.end(), [](const Clause& c) {
               return c.vote.state == VoteState::open && c.vote.cast_count > 0;
             });
    case Screen::debrief:
      return v.phase == Phase::debrief;
    case Screen::facilitator:
      return v.phase == Phase::drafting;
  }
  return false;
}

class App {
 public:
  explicit App(const Options& options) : opt_(options) {}
  ~App();
  int run();

 private:
  bool init();
  void rebuild_fonts();
  void draw_frame();
  void draw_nav(Ui& u);
  void handle_requests();
  void start_solo(SoloConfig config);
  void start_network(NetworkPlan plan, bool host_here);
  void follow_network();
  void adopt_room_content(const NetworkSession& net);
  void leave_match();
  void follow_phase();
  void print_final_score();
  double idle_timeout_ms() const;

  Options opt_;
  Strings strings_;
  std::optional<content::ContentCatalogue> content_;
  Settings settings_;
  SDL_Window* window_ = nullptr;
  SDL_Renderer* renderer_ = nullptr;
  bool imgui_ready_ = false;
  Fonts fonts_;
  float scale_ = 1.0f;
  bool fonts_dirty_ = true;
  // The embedded server outlives the session that talks to it.
  std::unique_ptr<EmbeddedServer> embedded_;
  std::unique_ptr<Session> session_;
  NetworkSession* network_ = nullptr;  // session_ when it is a networked one
  bool entered_room_ = false;
  // The room's own content when it differs from ours (a teacher's scenario, another version).
  std::optional<content::ContentCatalogue> room_content_;
  std::future<std::vector<net::FoundServer>> lan_search_;
  Uint32 wake_event_ = 0;
  std::optional<Autopilot> autopilot_;
  UiState ui_state_;
  Requests requests_;
  Screen screen_ = Screen::home;
  std::optional<Phase> last_phase_;
  std::optional<Screen> target_;
  bool frozen_ = false;
  int frames_after_reach_ = 0;
  int debrief_frames_ = 0;
  bool quit_ = false;
  int exit_code_ = 0;
};

App::~App() {
  session_.reset();
  embedded_.reset();
  if (imgui_ready_) {
    ImGui_ImplSDLRenderer_Shutdown();
    ImGui_ImplSDL2_Shutdown();
    ImGui::DestroyContext();
  }
  if (renderer_) SDL_DestroyRenderer(renderer_);
  if (window_) SDL_DestroyWindow(window_);
  SDL_Quit();
}

bool App::init() {
  const fs::path assets = asset_dir(opt_);
  std::string error;
  const fs::path lang_file = assets / "i18n" / (opt_.lang + ".json");
  if (!strings_.load(lang_file, &error) && !strings_.load(assets / "i18n" / "en.json", &error)) {
    std::fprintf(stderr, "accord: %s\n", error.c_str());
    return false;
  }
  auto load = content::load_content(assets);
  if (!load.ok()) {
    std::fprintf(stderr, "%s\n", strings_.fmt("error.content", {assets.string()}).c_str());
    for (const auto& e : load.errors)
      std::fprintf(stderr, "  %s %s: %s\n", e.file.c_str(), e.path.c_str(), e.problem.c_str());
    return false;
  }
  content_ = std::move(load.catalogue);

  settings_ = load_settings(settings_file());
  if (opt_.scale_percent != 0) settings_.scale_percent = opt_.scale_percent;
  if (opt_.high_contrast) settings_.high_contrast = true;
  settings_.clamp();

  SDL_SetHint(SDL_HINT_VIDEO_X11_NET_WM_BYPASS_COMPOSITOR, "0");
  if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_TIMER | SDL_INIT_EVENTS) != 0) {
    std::fprintf(stderr, "%s\n", strings_.fmt("error.sdl", {SDL_GetError()}).c_str());
    return false;
  }
  const Uint32 flags = SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI | SDL_WINDOW_SHOWN;
  window_ = SDL_CreateWindow(strings_.c("app.title"), SDL_WINDOWPOS_CENTERED,
                             SDL_WINDOWPOS_CENTERED, opt_.width, opt_.height, flags);
  if (!window_) {
    std::fprintf(stderr, "%s\n", strings_.fmt("error.sdl", {SDL_GetError()}).c_str());
    return false;
  }
  SDL_SetWindowMinimumSize(window_, 640, 480);
  renderer_ = SDL_CreateRenderer(window_, -1, SDL_RENDERER_ACCELERATED | SDL_RENDERER_PRESENTVSYNC);
  if (!renderer_) renderer_ = SDL_CreateRenderer(window_, -1, SDL_RENDERER_SOFTWARE);
  if (!renderer_) {
    std::fprintf(stderr, "%s\n", strings_.fmt("error.sdl", {SDL_GetError()}).c_str());
    return false;
  }
  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGui::GetIO().IniFilename = nullptr;
  ImGui_ImplSDL2_InitForSDLRenderer(window_);
  ImGui_ImplSDLRenderer_Init(renderer_);
  imgui_ready_ = true;
  wake_event_ = SDL_RegisterEvents(1);
  ui_state_.server_address = settings_.server_address;
  ui_state_.name = settings_.player_name;
  return true;
}

void App::rebuild_fonts() {
  const float dpi = target_ ? 1.0f : display_dpi_scale();
  scale_ = static_cast<float>(settings_.scale_percent) / 100.0f * dpi;
  ImGui_ImplSDLRenderer_DestroyFontsTexture();
  fonts_ = load_fonts(static_cast<float>(settings_.font_px) * scale_);
  apply_theme(settings_.high_contrast, scale_);
  fonts_dirty_ = false;
}

void App::start_solo(SoloConfig config) {
  config.player_name = strings_.get("solo.player_name");
  if (!target_) {
    // Solo play goes through the server code on a loopback port, bots on the other seats.
    std::string error;
    session_.reset();
    EmbeddedServerOptions options;
    options.asset_dir = asset_dir(opt_).string();
    options.time_scale = config.time_scale;
    embedded_ = EmbeddedServer::start(options, &error);
    if (!embedded_) {
      std::fprintf(stderr, "%s\n", strings_.fmt("error.server", {error}).c_str());
      ui_state_.home_error = strings_.fmt("error.server", {error});
      return;
    }
    NetworkPlan plan;
    plan.kind = NetworkPlan::Kind::solo;
    plan.port = embedded_->port();
    plan.name = config.player_name;
    plan.create.scenario =
        config.scenario.empty() ? content_->scenarios().front().id : config.scenario;
    const auto* scenario = content_->scenario(plan.create.scenario);
    plan.create.seats = static_cast<std::uint32_t>(
        config.seats != 0 ? config.seats
                          : std::min<std::size_t>(8, scenario ? scenario->seats.size() : 8));
    plan.create.timer_preset = config.timer_preset;
    plan.create.facilitator_password = std::to_string(config.seed) + "-solo-room";
    plan.create.fill_with_bots = true;
    static constexpr const char* kDifficulty[] = {"easy", "normal", "hard"};
    plan.create.bot_difficulty = kDifficulty[static_cast<int>(config.difficulty)];
    plan.create.allow_spectators = false;
    plan.state = config.state;
    plan.start_now = config.start_now;
    plan.time_scale = config.time_scale;
    start_network(plan, false);
    return;
  }
  // --screen captures: the whole match in-process on a fixed step, so each capture is the same.
  std::string error;
  session_ = LocalSession::create(*content_, config, &error);
  network_ = nullptr;
  if (!session_) {
    std::fprintf(stderr, "accord: %s\n", error.c_str());
    screen_ = Screen::home;
    ui_state_.home_error = error;
    return;
  }
  last_phase_.reset();
  ui_state_ = UiState{};
  if (opt_.autoplay || target_)
    autopilot_.emplace(content_->clauses(), strings_, static_cast<bool>(target_) || opt_.autoplay);
  follow_phase();
}

void App::start_network(NetworkPlan plan, bool host_here) {
  if (host_here) {
    std::string error;
    session_.reset();
    EmbeddedServerOptions options;
    options.asset_dir = asset_dir(opt_).string();
    options.bind = "0.0.0.0";
    options.port = plan.port;
    options.discovery = true;
    options.server_name = strings_.get("app.title");
    // Rooms hosted here survive the computer restarting: rejoin resumes them.
    options.data_dir = (config_dir() / "server-data").string();
    embedded_ = EmbeddedServer::start(options, &error);
    if (!embedded_) {
      ui_state_.home_error = strings_.fmt("error.server", {error});
      return;
    }
    plan.host = "127.0.0.1";
    plan.port = embedded_->port();
  }
  if (plan.kind != NetworkPlan::Kind::solo && plan.kind != NetworkPlan::Kind::rejoin) {
    settings_.player_name = ui_state_.name;
    if (!host_here) settings_.server_address = plan.host + ":" + std::to_string(plan.port);
    if (!target_) save_settings(settings_, settings_file());
  }
  const Uint32 wake_type = wake_event_;
  auto session = std::make_unique<NetworkSession>(std::move(plan), [wake_type] {
    SDL_Event wake{};
    wake.type = wake_type;
    SDL_PushEvent(&wake);  // thread-safe: the UI thread wakes and draws the change
  });
  network_ = session.get();
  session_ = std::move(session);
  entered_room_ = false;
  room_content_.reset();
  last_phase_.reset();
  const auto keep = ui_state_;
  ui_state_ = UiState{};
  ui_state_.server_address = keep.server_address;
  ui_state_.name = keep.name;
  if (opt_.autoplay) autopilot_.emplace(content_->clauses(), strings_, true);
  screen_ = opt_.projector ? Screen::projector : Screen::lobby;
}

// Builds the room's content from the bundle the server sent, when it is not ours.
void App::adopt_room_content(const NetworkSession& net) {
  if (net.content_hash().empty() || net.content_hash() == content_->content_hash_hex()) return;
  const std::string bundle = net.room_content();
  if (bundle.empty()) return;
  auto doc = nlohmann::json::parse(bundle, nullptr, false);
  if (!doc.is_object() || !doc.contains("files") || !doc["files"].is_array()) return;
  std::vector<scoring::AssetFile> files;
  for (const auto& file : doc["files"]) {
    if (!file.is_object() || !file.contains("name") || !file.contains("text")) continue;
    if (!file["name"].is_string() || !file["text"].is_string()) continue;
    files.push_back(
        scoring::AssetFile{file["name"].get<std::string>(), file["text"].get<std::string>()});
  }
  auto built = content::build_content(std::move(files));
  if (built.ok()) room_content_ = std::move(built.catalogue);
}

// A networked session's progress: into the room (remember the seat for a rejoin), out of it
// before getting in (back home with the reason), to the debrief (nothing left to rejoin).
void App::follow_network() {
  if (network_ == nullptr) return;
  // A solo match's server lives only as long as the client: nothing to come back to.
  const bool remembered = network_->plan().kind != NetworkPlan::Kind::solo;
  if (network_->in_room() && !entered_room_) {
    entered_room_ = true;
    adopt_room_content(*network_);
    const SavedSeat seat = network_->saved_seat();
    if (remembered && !seat.token.empty() && !target_) {
      settings_.unfinished = {seat.host, seat.port, seat.code, seat.token, embedded_ != nullptr};
      save_settings(settings_, settings_file());
    }
  }
  if (!network_->in_room() && network_->connection() == ConnectionState::lost) {
    const std::string why = network_->problem();
    std::fprintf(stderr, "%s\n", strings_.fmt("cli.could_not_join", {why}).c_str());
    if (network_->plan().kind == NetworkPlan::Kind::rejoin) {
      settings_.unfinished = {};
      if (!target_) save_settings(settings_, settings_file());
    }
    leave_match();
    ui_state_.home_error = why;
    if (opt_.autoplay || !opt_.join.empty() || opt_.quick_match_given) {
      quit_ = true;
      exit_code_ = 1;
    }
    return;
  }
  if (entered_room_ && session_->view().phase == Phase::debrief &&
      !settings_.unfinished.token.empty() && settings_.unfinished.code == network_->room_code()) {
    settings_.unfinished = {};
    if (!target_) save_settings(settings_, settings_file());
  }
}

void App::leave_match() {
  if (network_ && network_->in_room() && session_->view().phase == Phase::lobby &&
      session_->participant() != kNoParticipant) {
    session_->post(LeaveMatch{});  // free the seat for someone else
    if (settings_.unfinished.code == network_->room_code()) {
      settings_.unfinished = {};
      if (!target_) save_settings(settings_, settings_file());
    }
  }
  session_.reset();
  network_ = nullptr;
  embedded_.reset();
  room_content_.reset();
  autopilot_.reset();
  screen_ = Screen::home;
}

void App::follow_phase() {
  if (!session_) return;
  const Phase phase = session_->view().phase;
  if (last_phase_ != phase) {
    last_phase_ = phase;
    screen_ = opt_.projector ? Screen::projector : screen_for_phase(phase);
  }
}

double App::idle_timeout_ms() const {
  if (!session_) return 2000.0;
  // The timer's seconds must tick, and bots and deadlines must be served; a networked session
  // also wakes the loop with an SDL event whenever something arrives.
  double next = session_->real_ms_until_next_event();
  if (const auto* local = dynamic_cast<const LocalSession*>(session_.get()))
    next = std::min(next, 1000.0 / std::max(1.0, local->time_scale()));
  return std::clamp(next, 10.0, 5000.0);
}

void App::handle_requests() {
  Requests r = std::move(requests_);
  requests_ = Requests{};
  if (r.quit) quit_ = true;
  if (r.leave_match) leave_match();
  if (r.search_lan && !lan_search_.valid()) {
    ui_state_.searching_lan = true;
    lan_search_ = std::async(std::launch::async, [] {
      return net::discover_servers("255.255.255.255", protocol::kDefaultDiscoveryPort, 800);
    });
  }
  if (r.rejoin && !settings_.unfinished.token.empty()) {
    NetworkPlan plan;
    plan.kind = NetworkPlan::Kind::rejoin;
    plan.host = settings_.unfinished.host;
    plan.port = settings_.unfinished.port;
    plan.code = settings_.unfinished.code;
    plan.token = settings_.unfinished.token;
    start_network(plan, settings_.unfinished.hosted_here);
  }
  if (r.start_network) start_network(*r.start_network, r.host_here);
  if (r.settings_changed && ui_state_.editing) {
    settings_ = *ui_state_.editing;
    settings_.clamp();
    if (!target_) save_settings(settings_, settings_file());
    fonts_dirty_ = true;
  }
  if (r.start_solo) start_solo(*r.start_solo);
  if (r.go) screen_ = *r.go;
}

void App::draw_nav(Ui& u) {
  bool first = true;
  const auto flow = [&](std::string_view label) {
    if (!first) ui::same_line_if_fits(ui::button_width(label));
    first = false;
  };
  const auto tab = [&](Screen s, std::string_view key) {
    const bool active = screen_ == s;
    flow(u.s.get(key));
    if (active)
      ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_HeaderActive));
    if (ui::button(u.s.get(key))) screen_ = s;
    if (active) ImGui::PopStyleColor();
  };
  if (session_) {
    const Phase phase = session_->view().phase;
    if (phase == Phase::lobby) tab(Screen::lobby, "nav.lobby");
    if (phase != Phase::lobby) {
      tab(Screen::briefing, "nav.briefing");
      tab(Screen::drafting, "nav.drafting");
      tab(Screen::chat, "nav.chat");
      tab(Screen::voting, "nav.voting");
    }
    if (phase == Phase::debrief) tab(Screen::debrief, "nav.debrief");
    if (session_->can_facilitate()) tab(Screen::facilitator, "nav.facilitator");
    if (session_->public_view() != nullptr) tab(Screen::projector, "nav.projector");
  } else {
    tab(Screen::home, "nav.home");
  }
  tab(Screen::settings, "nav.settings");
  if (session_) {
    flow(u.s.get("nav.leave"));
    if (ui::button(u.s.get("nav.leave"))) requests_.leave_match = true;
  }
  ImGui::Separator();
}

void App::draw_frame() {
  ImGui_ImplSDLRenderer_NewFrame();
  ImGui_ImplSDL2_NewFrame();
  ImGui::NewFrame();
  text_log::begin_frame();

  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(vp->Pos);
  ImGui::SetNextWindowSize(vp->Size);
  ImGui::Begin("##root", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus);
  Ui u{strings_, room_content_ ? *room_content_ : *content_, session_.get(), settings_,
       fonts_,   palette_for(settings_.high_contrast),       scale_,         ui_state_,
       requests_};
  if (session_ && screen_ == Screen::projector) {
    // A classroom screen: the public view only, nothing of the seat's.
    if (ui::button(strings_.get("projector.back")) && session_)
      screen_ = screen_for_phase(session_->view().phase);
    ImGui::Separator();
  } else {
    if (session_) draw_status_bar(u);
    draw_nav(u);
  }
  ImGui::BeginChild("##content", ImVec2(0, 0), false);
  Screen shown = screen_;
  if (!session_ && shown != Screen::settings) shown = Screen::home;
  switch (shown) {
    case Screen::home:
      draw_home(u);
      break;
    case Screen::lobby:
      draw_lobby(u);
      break;
    case Screen::briefing:
      draw_briefing(u);
      break;
    case Screen::drafting:
      draw_drafting(u);
      break;
    case Screen::chat:
      draw_chat(u);
      break;
    case Screen::voting:
      draw_voting(u);
      break;
    case Screen::debrief:
      draw_debrief(u);
      break;
    case Screen::facilitator:
      draw_facilitator(u);
      break;
    case Screen::projector:
      draw_projector(u);
      break;
    case Screen::settings:
      draw_settings(u);
      break;
  }
  ImGui::EndChild();
  ImGui::End();
  ImGui::Render();
}

void App::print_final_score() {
  const Match& view = session_->view();
  const auto seat = session_->seat();
  const scoring::MatchRecord record(view, content_->clauses());
  if (seat) {
    const auto score = scoring::seat_score(record, *seat);
    std::printf("%s\n",
                strings_.fmt("cli.final_score", {score.name, std::to_string(score.total)}).c_str());
    std::printf("%s\n", score.summary.c_str());
  }
  if (record.adopted_drafts().empty()) std::printf("%s\n", strings_.c("cli.no_code"));
  for (const auto& d : record.adopted_drafts())
    if (d.outcome.scorecard)
      std::printf("%s\n", strings_
                              .fmt("cli.code_score",
                                   {d.outcome.scorecard->title,
                                    scoring::format_score(d.outcome.scorecard->final_score)})
                              .c_str());
  std::fflush(stdout);
}

int App::run() {
  if (!init()) return 1;
  if (!opt_.screen.empty()) target_ = screen_from_name(opt_.screen);
  const double max_seconds =
      opt_.max_seconds > 0 ? opt_.max_seconds : (target_ ? kScreenModeMaxSeconds : 0.0);
  double time_scale = opt_.time_scale;
  if (target_ && time_scale == 1.0) time_scale = kScreenModeTimeScale;

  const bool needs_match = target_ && *target_ != Screen::home && *target_ != Screen::settings;
  if (opt_.solo || needs_match) {
    SoloConfig config;
    config.scenario = opt_.scenario;
    config.seats = static_cast<std::size_t>(std::max(0, opt_.seats));
    config.difficulty = difficulty_from_name(opt_.difficulty).value_or(Difficulty::normal);
    config.state = opt_.state;
    config.seed = opt_.seed != 0 ? opt_.seed
                  : target_      ? 1
                                 : static_cast<std::uint64_t>(
                                  std::chrono::system_clock::now().time_since_epoch().count());
    config.time_scale = time_scale;
    start_solo(config);
    if (!session_) return 1;
  } else if (!opt_.server.empty()) {
    const auto address = parse_server_address(opt_.server);
    if (!address) {
      std::fprintf(stderr, "%s\n", strings_.fmt("cli.bad_server", {opt_.server}).c_str());
      return 2;
    }
    ui_state_.server_address = address->host + ":" + std::to_string(address->port);
    if (!opt_.name.empty()) ui_state_.name = opt_.name;
    NetworkPlan plan;
    plan.host = address->host;
    plan.port = address->port;
    plan.name = ui_state_.name.empty() ? strings_.get("solo.player_name") : ui_state_.name;
    if (!opt_.join.empty()) {
      plan.kind = NetworkPlan::Kind::join;
      plan.code = opt_.join;
      plan.role = opt_.projector ? protocol::ClientRole::projector : protocol::ClientRole::player;
      start_network(plan, false);
    } else if (opt_.quick_match_given) {
      plan.kind = NetworkPlan::Kind::quick_match;
      plan.scenario =
          opt_.quick_match.empty() ? content_->scenarios().front().id : opt_.quick_match;
      start_network(plan, false);
    }
  }
  if (target_) screen_ = *target_ == Screen::settings ? Screen::settings : screen_;

  std::optional<IdleBench> idle_bench;
  if (opt_.bench_idle > 0) idle_bench.emplace(opt_.bench_idle);
  const auto started = std::chrono::steady_clock::now();
  auto last = started;
  bool first = true;
  int extra_frames = 0;  // ImGui settles a click or a key over a couple of frames
  while (!quit_) {
    SDL_Event event;
    bool had_event = false;
    const bool busy = first || target_ || extra_frames > 0;
    if (!busy && SDL_WaitEventTimeout(&event, static_cast<int>(idle_timeout_ms())) != 0) {
      had_event = true;
      ImGui_ImplSDL2_ProcessEvent(&event);
      if (event.type == SDL_QUIT) quit_ = true;
    }
    while (SDL_PollEvent(&event) != 0) {
      had_event = true;
      ImGui_ImplSDL2_ProcessEvent(&event);
      if (event.type == SDL_QUIT) quit_ = true;
      if (event.type == SDL_WINDOWEVENT && event.window.event == SDL_WINDOWEVENT_CLOSE)
        quit_ = true;
    }
    extra_frames = had_event ? 2 : std::max(0, extra_frames - 1);
    first = false;
    const auto now = std::chrono::steady_clock::now();
    // --screen runs on a fixed step per frame so each capture shows the same match.
    const double real_ms =
        target_ ? 1000.0 / 60.0 : std::chrono::duration<double, std::milli>(now - last).count();
    last = now;
    if (max_seconds > 0 && std::chrono::duration<double>(now - started).count() > max_seconds) {
      std::fprintf(
          stderr, "%s\n",
          strings_.fmt("cli.never_reached", {opt_.screen.empty() ? "debrief" : opt_.screen})
              .c_str());
      return 1;
    }

    if (session_ && !frozen_) {
      if (target_ && shows_content(*target_, *session_)) {
        frozen_ = true;
        screen_ = *target_;
        if (opt_.paused) session_->post_facilitator(PauseClock{});
      } else {
        if (session_->poll(real_ms)) extra_frames = std::max(extra_frames, 1);
        if (autopilot_) autopilot_->step(*session_);
        follow_network();
        if (session_) follow_phase();
      }
    }
    if (lan_search_.valid() &&
        lan_search_.wait_for(std::chrono::seconds(0)) == std::future_status::ready) {
      ui_state_.lan = lan_search_.get();
      ui_state_.searching_lan = false;
    }
    if (target_ && !session_ && !frozen_) frozen_ = true;  // home, settings

    if (fonts_dirty_) rebuild_fonts();
    draw_frame();
    SDL_SetRenderDrawColor(renderer_, 0, 0, 0, 255);
    SDL_RenderClear(renderer_);
    ImGui_ImplSDLRenderer_RenderDrawData(ImGui::GetDrawData());

    if (frozen_ && target_ && ++frames_after_reach_ >= kCaptureAfterFrames) {
      std::string error;
      if (!save_screenshot(renderer_, opt_.screenshot, &error)) {
        std::fprintf(stderr, "accord: %s\n", error.c_str());
        return 1;
      }
      if (!opt_.text_log.empty()) text_log::write(opt_.text_log);
      std::printf("%s\n",
                  strings_.fmt("cli.saved_screenshot", {opt_.screen, opt_.screenshot}).c_str());
      return 0;
    }
    if (!target_ && opt_.autoplay && session_ && session_->view().phase == Phase::debrief &&
        ++debrief_frames_ >= kCaptureAfterFrames) {
      if (!opt_.screenshot.empty()) save_screenshot(renderer_, opt_.screenshot);
      if (!opt_.text_log.empty()) text_log::write(opt_.text_log);
      print_final_score();
      return 0;
    }
    SDL_RenderPresent(renderer_);
    if (idle_bench && idle_bench->frame(session_.get(), strings_)) return 0;
    handle_requests();
  }
  return exit_code_;
}

}  // namespace

int run_app(const Options& options) {
  App app(options);
  return app.run();
}

int client_main(int argc, const char* const* argv) {
  const ParsedCommandLine parsed = parse_command_line(argc, argv);
  if (parsed.exit_code) {
    std::fputs(parsed.output.c_str(), parsed.output_is_error ? stderr : stdout);
    return *parsed.exit_code;
  }
  const Options& o = parsed.options;
  if (o.bench_frames > 0) return run_bench_frames(o);
  if (o.server.empty() && (!o.join.empty() || o.quick_match_given)) {
    Strings strings;
    strings.load(asset_dir(o) / "i18n" / "en.json");
    std::fprintf(stderr, "%s\n", strings.c("cli.needs_server"));
    return 2;
  }
  return run_app(o);
}

}  // namespace accord::client
