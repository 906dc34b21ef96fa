// Shared by the client tests: the content and strings loaded once, and an ImGui context with no
// window or renderer, so screens can be drawn (and their text logged) without SDL.
#pragma once

#include <imgui.h>
#include <catch2/catch.hpp>

#include <cstdio>
#include <cstdlib>
#include <string>

#include "content/content.hpp"
#include "fonts.hpp"
#include "i18n.hpp"
#include "text_log.hpp"
#include "ui.hpp"

namespace accord::client::test {

struct Run {
  int status = -1;
  std::string output;
};

// Runs the accord program offscreen, software-rendered, with a throwaway config directory;
// returns its exit status and everything it printed.
inline Run run_accord(const std::string& args) {
  ::setenv("SDL_VIDEODRIVER", "offscreen", 1);
  ::setenv("SDL_RENDER_DRIVER", "software", 1);
  ::setenv("XDG_CONFIG_HOME", ACCORD_TEST_OUT_DIR "/config", 1);
  Run r;
  const std::string command = std::string(ACCORD_CLIENT_EXE) + " " + args + " 2>&1";
  FILE* pipe = popen(command.c_str(), "r");
  REQUIRE(pipe);
  char buffer[512];
  while (std::fgets(buffer, sizeof buffer, pipe))
    r.output += buffer;
  r.status = pclose(pipe);
  return r;
}

inline const content::ContentCatalogue& test_content() {
  static const content::ContentCatalogue catalogue = [] {
    auto load = content::load_content(ACCORD_ASSET_DIR);
    REQUIRE(load.ok());
    return std::move(*load.catalogue);
  }();
  return catalogue;
}

inline const Strings& test_strings() {
  static const Strings strings = [] {
    Strings s;
    REQUIRE(s.load(std::string(ACCORD_ASSET_DIR) + "/i18n/en.json"));
    return s;
  }();
  return strings;
}

class HeadlessUi {
 public:
  HeadlessUi() {
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(1280, 800);
    fonts_ = load_fonts(16.0f);
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
    apply_theme(false, 1.0f);
  }
  ~HeadlessUi() { ImGui::DestroyContext(); }
  HeadlessUi(const HeadlessUi&) = delete;
  HeadlessUi& operator=(const HeadlessUi&) = delete;

  // Draws one frame with `draw(ui)` inside a full-screen window; the text log holds its strings.
  template <class Draw>
  void frame(Session* session, Draw&& draw) {
    ImGui::GetIO().DeltaTime = 1.0f / 60.0f;
    ImGui::NewFrame();
    text_log::begin_frame();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
    ImGui::Begin("root");
    Ui u{test_strings(),     test_content(), session, settings_, fonts_,
         palette_for(false), 1.0f,           state_,  requests_};
    draw(u);
    ImGui::End();
    ImGui::Render();
  }
  Requests& requests() { return requests_; }

 private:
  Fonts fonts_;
  Settings settings_;
  UiState state_;
  Requests requests_;
};

}  // namespace accord::client::test
