// Always visible during a match: phase, timer, your seat, the connection, and the last rejection.
#include "ui.hpp"

namespace accord::client {

void draw_status_bar(Ui& u) {
  Session& session = *u.session;
  const Match& v = session.view();
  ImGui::PushFont(u.fonts.bold);
  const auto item = [&](const std::string& text, const ImVec4& colour, bool first = false) {
    if (!first) ui::same_line_if_fits(ImGui::CalcTextSize(text.c_str()).x + u.px(16));
    ImGui::PushStyleColor(ImGuiCol_Text, colour);
    ui::text_nowrap(text);
    ImGui::PopStyleColor();
  };
  const ImVec4 text = ImGui::GetStyleColorVec4(ImGuiCol_Text);
  item(ui::phase_text(u, v), text, true);
  const std::string timer = ui::timer_text(u, v, session.now());
  if (!timer.empty()) {
    const bool short_time = v.deadline && !v.paused_at && *v.deadline - session.now() < 60'000;
    item(timer, short_time ? u.palette.warn : u.palette.accent);
  }
  if (const auto seat = session.seat())
    item(u.f("status.your_seat", {ui::seat_name(v, *seat)}), text);
  switch (session.connection()) {
    case ConnectionState::local:
      item(u.s.get("status.local"), u.palette.muted);
      break;
    case ConnectionState::connecting:
      item(u.s.get("status.connecting"), u.palette.warn);
      break;
    case ConnectionState::connected:
      item(u.s.get("status.connected"), u.palette.good);
      break;
    case ConnectionState::reconnecting:
      item(u.f("status.reconnecting", {std::to_string(session.reconnect_attempt())}),
           u.palette.warn);
      break;
    case ConnectionState::lost:
      item(u.s.get("status.lost"), u.palette.bad);
      break;
  }
  ImGui::PopFont();
  draw_inject_news(u, v, true);
  if (session.connection() == ConnectionState::lost && !session.problem().empty())
    ui::text_colored(u.palette.bad, u.f("status.problem", {session.problem()}));
  if (const auto report = session.caretaker_report(); !report.empty()) {
    const bool did_nothing = report.size() == 1 && report.front().empty();
    ui::text_colored(u.palette.announce,
                     u.s.get(did_nothing ? "status.caretaker_nothing" : "status.caretaker"));
    if (!did_nothing)
      for (const auto& line : report)
        if (!line.empty()) ui::text_wrapped("  " + line);
    ImGui::SameLine();
    if (ui::button(u.s.get("status.dismiss"))) session.clear_caretaker_report();
  }
  if (const auto& rejection = session.last_rejection()) {
    ImGui::PushStyleColor(ImGuiCol_Text, u.palette.bad);
    ui::text(u.f("status.rejected", {rejection->message}));
    ImGui::PopStyleColor();
    ImGui::SameLine();
    if (ui::button(u.s.get("status.dismiss"))) session.clear_rejection();
  } else if (v.paused_at) {
    ui::text_colored(u.palette.warn, u.s.get("status.paused"));
  } else {
    ui::text_disabled(u.s.get("status.hint." + std::string(to_string(v.phase))));
  }
}

}  // namespace accord::client
