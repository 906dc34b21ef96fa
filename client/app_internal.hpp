// Internal to the client program (include from client/app*.cpp only): the App class that owns
// the window, ImGui, the session and the screens, and the helpers its files share. Its members
// are defined by responsibility: app.cpp (setup and teardown, run_app, client_main),
// app_session.cpp (starting, following and ending solo and network sessions), app_capture.cpp
// (--screen/--screenshot captures and --autoplay's end) and app_loop.cpp (the main loop and the
// frame).
#pragma once

#include <SDL.h>

#include <filesystem>
#include <future>
#include <memory>
#include <optional>
#include <vector>

#include "app.hpp"
#include "autopilot.hpp"
#include "embedded_server.hpp"
#include "fonts.hpp"
#include "local_session.hpp"
#include "net/discovery_probe.hpp"
#include "network_session.hpp"
#include "settings.hpp"
#include "ui.hpp"

namespace accord::client {

// Where the assets are: --assets, $ACCORD_ASSETS, the installed share folder, the source tree.
std::filesystem::path asset_dir(const Options& o);

Screen screen_for_phase(Phase p);

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
  bool freeze_at_target();
  std::optional<int> finish_after_frame();
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
  bool inject_fired_ = false;  // --inject
  int frames_after_reach_ = 0;
  int debrief_frames_ = 0;
  bool quit_ = false;
  int exit_code_ = 0;
};

}  // namespace accord::client
