#include "fonts.hpp"

#include <SDL.h>
#include <imgui.h>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <filesystem>

namespace accord::client {
namespace {

std::string first_existing(std::initializer_list<const char*> paths) {
  std::error_code ec;
  for (const char* p : paths)
    if (std::filesystem::is_regular_file(p, ec)) return p;
  return {};
}

const ImWchar* text_ranges() {
  static ImVector<ImWchar> ranges;
  if (ranges.empty()) {
    ImFontGlyphRangesBuilder builder;
    const ImGuiIO& io = ImGui::GetIO();
    builder.AddRanges(io.Fonts->GetGlyphRangesDefault());
    builder.AddRanges(io.Fonts->GetGlyphRangesCyrillic());
    static const std::array<ImWchar, 13> extra{
        0x0100, 0x024F,  // Latin Extended-A and B
        0x2010, 0x205E,  // dashes, quotes, bullet, ellipsis
        0x2190, 0x21FF,  // arrows
        0x2212, 0x2265,  // minus, less or equal, greater or equal
        0x2580, 0x25FF,  // blocks and geometric shapes
        0x2713, 0x2717,  // check marks
        0};
    builder.AddRanges(extra.data());
    builder.BuildRanges(&ranges);
  }
  return ranges.Data;
}

}  // namespace

Fonts load_fonts(float pixel_size) {
  Fonts fonts;
  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->Clear();
  std::string regular, bold;
  if (const char* env = std::getenv("ACCORD_FONT"); env && std::filesystem::exists(env))
    regular = env;
  if (regular.empty())
    regular = first_existing({"/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
                              "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf",
                              "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf"});
  bold = first_existing({"/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
                         "/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf"});
  if (bold.empty()) bold = regular;
  const std::string cjk = first_existing({"/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
                                          "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"});

  const auto add = [&](const std::string& path, float size) -> ImFont* {
    ImFontConfig config;
    config.OversampleH = 2;
    config.OversampleV = 1;
    ImFont* font = io.Fonts->AddFontFromFileTTF(path.c_str(), size, &config, text_ranges());
    if (font && !cjk.empty()) {
      ImFontConfig merge;
      merge.MergeMode = true;
      merge.OversampleH = 1;
      io.Fonts->AddFontFromFileTTF(cjk.c_str(), size, &merge,
                                   io.Fonts->GetGlyphRangesChineseSimplifiedCommon());
    }
    return font;
  };
  if (!regular.empty()) {
    fonts.regular = add(regular, pixel_size);
    fonts.bold = add(bold, pixel_size);
    fonts.large = add(bold, pixel_size * 1.8f);
  }
  if (!fonts.regular) {  // ImGui's built-in font, scaled
    fonts.regular_path.clear();
    ImFontConfig config;
    config.SizePixels = std::max(13.0f, pixel_size);
    fonts.regular = io.Fonts->AddFontDefault(&config);
    fonts.bold = fonts.regular;
    config.SizePixels = std::max(13.0f, pixel_size * 1.8f);
    fonts.large = io.Fonts->AddFontDefault(&config);
  } else {
    fonts.regular_path = regular;
  }
  io.FontDefault = fonts.regular;
  io.Fonts->Build();
  return fonts;
}

void apply_theme(bool high_contrast, float scale) {
  ImGuiStyle& style = ImGui::GetStyle();
  style = ImGuiStyle();
  if (high_contrast) {
    ImGui::StyleColorsDark(&style);
    ImVec4* c = style.Colors;
    const ImVec4 black{0, 0, 0, 1}, white{1, 1, 1, 1}, yellow{1, 0.9f, 0, 1};
    c[ImGuiCol_Text] = white;
    c[ImGuiCol_TextDisabled] = ImVec4{0.85f, 0.85f, 0.85f, 1};
    c[ImGuiCol_WindowBg] = black;
    c[ImGuiCol_ChildBg] = black;
    c[ImGuiCol_PopupBg] = black;
    c[ImGuiCol_Border] = white;
    c[ImGuiCol_FrameBg] = ImVec4{0.12f, 0.12f, 0.12f, 1};
    c[ImGuiCol_FrameBgHovered] = ImVec4{0.25f, 0.25f, 0.1f, 1};
    c[ImGuiCol_FrameBgActive] = ImVec4{0.35f, 0.35f, 0.1f, 1};
    c[ImGuiCol_Button] = ImVec4{0.1f, 0.1f, 0.1f, 1};
    c[ImGuiCol_ButtonHovered] = ImVec4{0.35f, 0.32f, 0, 1};
    c[ImGuiCol_ButtonActive] = ImVec4{0.55f, 0.5f, 0, 1};
    c[ImGuiCol_Header] = ImVec4{0.3f, 0.28f, 0, 1};
    c[ImGuiCol_HeaderHovered] = ImVec4{0.45f, 0.42f, 0, 1};
    c[ImGuiCol_HeaderActive] = ImVec4{0.6f, 0.55f, 0, 1};
    c[ImGuiCol_Tab] = ImVec4{0.1f, 0.1f, 0.1f, 1};
    c[ImGuiCol_TabHovered] = ImVec4{0.45f, 0.42f, 0, 1};
    c[ImGuiCol_TabActive] = ImVec4{0.6f, 0.55f, 0, 1};
    c[ImGuiCol_CheckMark] = yellow;
    c[ImGuiCol_SliderGrab] = yellow;
    c[ImGuiCol_SliderGrabActive] = yellow;
    c[ImGuiCol_PlotHistogram] = yellow;
    c[ImGuiCol_Separator] = white;
    style.FrameBorderSize = 1.0f;
    style.ChildBorderSize = 1.0f;
    style.WindowBorderSize = 1.0f;
  } else {
    ImGui::StyleColorsDark(&style);
    ImVec4* c = style.Colors;
    c[ImGuiCol_WindowBg] = ImVec4{0.09f, 0.11f, 0.14f, 1};
    c[ImGuiCol_ChildBg] = ImVec4{0.11f, 0.13f, 0.17f, 1};
    c[ImGuiCol_Header] = ImVec4{0.18f, 0.32f, 0.48f, 1};
    c[ImGuiCol_Button] = ImVec4{0.17f, 0.33f, 0.52f, 1};
    style.FrameRounding = 4.0f;
    style.ChildRounding = 4.0f;
    style.TabRounding = 4.0f;
  }
  style.WindowPadding = ImVec2{12, 10};
  style.ItemSpacing = ImVec2{10, 7};
  style.FramePadding = ImVec2{8, 5};
  style.ScaleAllSizes(scale);
}

float display_dpi_scale() {
  float ddpi = 0, hdpi = 0, vdpi = 0;
  if (SDL_GetDisplayDPI(0, &ddpi, &hdpi, &vdpi) != 0 || hdpi <= 0) return 1.0f;
  return std::clamp(hdpi / 96.0f, 1.0f, 3.0f);
}

}  // namespace accord::client
