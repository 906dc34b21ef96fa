// Fonts and theme. A TrueType font from Debian's packages (DejaVu or Noto, found at run time)
// with Latin and Cyrillic (and CJK, merged, where a CJK font is installed); ImGui's built-in
// font when none is found. Rebuilt when the scale or font size changes.
#pragma once

#include <string>

struct ImFont;

namespace accord::client {

struct Settings;

struct Fonts {
  ImFont* regular = nullptr;
  ImFont* bold = nullptr;
  ImFont* large = nullptr;   // headings, the projector, the join code
  std::string regular_path;  // empty: ImGui's built-in font
};

// Finds the fonts ($ACCORD_FONT first), loads them into ImGui's atlas at `pixel_size`.
// Call outside a frame; the renderer's font texture must be rebuilt afterwards.
Fonts load_fonts(float pixel_size);

// The dark theme or the high-contrast one, sizes multiplied by `scale`.
void apply_theme(bool high_contrast, float scale);

// The screen's DPI relative to 96, clamped to 1..3 (1 when SDL does not know).
float display_dpi_scale();

}  // namespace accord::client
