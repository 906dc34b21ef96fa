// Settings: UI scale (100-250 %), high-contrast theme, font size; saved in the config directory.
#include "net/secure_channel.hpp"
#include "ui.hpp"

namespace accord::client {

void draw_settings(Ui& u) {
  if (!u.state.editing) u.state.editing = u.settings;
  Settings& e = *u.state.editing;
  ui::heading(u, u.s.get("settings.title"));
  const float field = u.px(320);
  ImGui::SetNextItemWidth(field);
  ui::log(u.s.get("settings.scale"));
  ImGui::SliderInt(u.t("settings.scale"), &e.scale_percent, Settings::kMinScale,
                   Settings::kMaxScale, "%d %%");
  ImGui::SetNextItemWidth(field);
  ui::log(u.s.get("settings.font"));
  ImGui::SliderInt(u.t("settings.font"), &e.font_px, Settings::kMinFont, Settings::kMaxFont,
                   "%d px");
  ui::log(u.s.get("settings.high_contrast"));
  ImGui::Checkbox(u.t("settings.high_contrast"), &e.high_contrast);
  e.clamp();
  ImGui::Spacing();
  ui::text_disabled(u.s.get("settings.preview"));
  ImGui::Spacing();
  const bool changed = !(e == u.settings);
  if (ui::button_enabled(u.s.get("settings.apply"), changed)) u.requests.settings_changed = true;
  ImGui::SameLine();
  if (ui::button(u.s.get("settings.defaults"))) {
    // The look goes back to the defaults; what this computer remembers stays.
    Settings defaults;
    defaults.server_address = e.server_address;
    defaults.player_name = e.player_name;
    defaults.unfinished = e.unfinished;
    defaults.server_keys = e.server_keys;
    e = defaults;
  }
  ImGui::SameLine();
  if (ui::button_enabled(u.s.get("settings.revert"), changed)) e = u.settings;
  ImGui::Spacing();
  ui::text_disabled(u.f("settings.saved_in", {settings_file().string()}));
  ImGui::Spacing();
  ui::heading(u, u.s.get("settings.server_keys"));
  ui::text_wrapped(u.s.get("settings.server_keys_help"));
  if (e.server_keys.empty()) ui::text_disabled(u.s.get("settings.server_keys_none"));
  std::optional<std::string> forget;
  for (const auto& [address, hex] : e.server_keys) {
    ImGui::PushID(address.c_str());
    const auto key = net::key_from_hex(hex);
    ui::text(u.f("settings.server_key_entry", {address, key ? net::fingerprint(*key) : hex}));
    ImGui::SameLine();
    if (ui::button(u.s.get("settings.forget_key"))) forget = address;
    ImGui::PopID();
  }
  if (forget) e.server_keys.erase(*forget);
  if (!u.session) {
    ImGui::Spacing();
    if (ui::button(u.s.get("settings.back"))) u.requests.go = Screen::home;
  }
}

}  // namespace accord::client
