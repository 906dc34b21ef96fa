// The client program's entry points and the App's setup and teardown: where the assets are, the
// window, renderer, ImGui, strings, content and settings (init), the fonts at the current scale,
// run_app and client_main. The App's other members live in app_session.cpp (sessions),
// app_capture.cpp (--screen captures, --autoplay's end) and app_loop.cpp (the main loop).
#include <SDL.h>
#include <imgui.h>
#include <imgui_impl_sdl.h>
#include <imgui_impl_sdlrenderer.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>

#include "app_internal.hpp"
#include "bench_frames.hpp"
#include "fonts.hpp"
#include "paths/asset_location.hpp"
#include "settings.hpp"

namespace accord::client {

namespace fs = std::filesystem;

fs::path asset_dir(const Options& o) {
  if (!o.assets.empty()) return o.assets;
  return default_asset_dir();
}

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
