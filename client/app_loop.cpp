// The App's main loop and its frame: starting what the command line asks for, then, until quit,
// waiting for events (or for the session's next deadline), advancing the session and its
// autopilot, drawing the frame (status bar, navigation tabs, the current screen) and presenting
// it. --screen runs on a fixed step per frame so each capture shows the same match.
#include <SDL.h>
#include <imgui.h>
#include <imgui_impl_sdl.h>
#include <imgui_impl_sdlrenderer.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <future>
#include <optional>

#include "app_internal.hpp"
#include "bench_frames.hpp"
#include "text_log.hpp"

namespace accord::client {
namespace {

constexpr double kScreenModeTimeScale = 900.0;
constexpr double kScreenModeMaxSeconds = 120.0;

}  // namespace

double App::idle_timeout_ms() const {
  if (redraw_within_ms_) return std::clamp(*redraw_within_ms_, 1.0, 5000.0);
  if (!session_) return 2000.0;
  // The timer's seconds must tick, and bots and deadlines must be served; a networked session
  // also wakes the loop with an SDL event whenever something arrives.
  double next = session_->real_ms_until_next_event();
  if (const auto* local = dynamic_cast<const LocalSession*>(session_.get()))
    next = std::min(next, 1000.0 / std::max(1.0, local->time_scale()));
  return std::clamp(next, 10.0, 5000.0);
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
    plan.server_pin = address->pin;  // HOST:PORT#FINGERPRINT, as a join link carries it
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
      if (!freeze_at_target()) {
        if (session_->poll(real_ms)) extra_frames = std::max(extra_frames, 1);
        if (autopilot_) autopilot_->step(*session_);
        if (!opt_.inject.empty() && !inject_fired_ && session_->can_facilitate() &&
            session_->view().phase == Phase::drafting) {
          session_->post_facilitator(FireInject{opt_.inject});
          inject_fired_ = true;
        }
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

    if (const auto exit_code = finish_after_frame()) return *exit_code;
    SDL_RenderPresent(renderer_);
    if (idle_bench && idle_bench->frame(session_.get(), strings_)) return 0;
    handle_requests();
  }
  return exit_code_;
}

}  // namespace accord::client
