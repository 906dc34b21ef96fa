#include "ui.hpp"

#include <array>
#include <cstdio>

#include "core/rules.hpp"
#include "text_log.hpp"

namespace accord::client {
namespace {

constexpr std::array<std::string_view, 10> kScreenNames{
    "home",   "lobby",   "briefing",    "drafting",  "chat",
    "voting", "debrief", "facilitator", "projector", "settings"};

std::string mmss(TimeMs ms) {
  if (ms < 0) ms = 0;
  const auto seconds = (ms + 999) / 1000;
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%02lld:%02lld", static_cast<long long>(seconds / 60),
                static_cast<long long>(seconds % 60));
  return buffer;
}

}  // namespace

std::string_view screen_name(Screen s) {
  return kScreenNames[static_cast<std::size_t>(s)];
}

std::optional<Screen> screen_from_name(std::string_view name) {
  for (std::size_t i = 0; i < kScreenNames.size(); ++i)
    if (kScreenNames[i] == name) return static_cast<Screen>(i);
  return std::nullopt;
}

Palette palette_for(bool high_contrast) {
  if (high_contrast)
    return Palette{{1, 0.9f, 0, 1},       {0.3f, 1, 0.3f, 1},    {1, 0.4f, 0.4f, 1},
                   {1, 0.75f, 0, 1},      {0.9f, 0.9f, 0.9f, 1}, {0.4f, 1, 1, 1},
                   {0.2f, 0.2f, 0.2f, 1}, {1, 0.9f, 0, 1}};
  return Palette{{0.45f, 0.75f, 1, 1},    {0.45f, 0.85f, 0.5f, 1},  {0.95f, 0.45f, 0.4f, 1},
                 {0.95f, 0.75f, 0.3f, 1}, {0.62f, 0.66f, 0.72f, 1}, {1, 0.82f, 0.4f, 1},
                 {0.2f, 0.23f, 0.28f, 1}, {0.35f, 0.62f, 0.95f, 1}};
}

namespace ui {

void log(std::string_view s) {
  text_log::record(s);
}

void text(std::string_view s) {
  log(s);
  ImGui::TextUnformatted(s.data(), s.data() + s.size());
}

void text_wrapped(std::string_view s) {
  log(s);
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextUnformatted(s.data(), s.data() + s.size());
  ImGui::PopTextWrapPos();
}

void text_colored(const ImVec4& color, std::string_view s) {
  ImGui::PushStyleColor(ImGuiCol_Text, color);
  text_wrapped(s);
  ImGui::PopStyleColor();
}

void text_disabled(std::string_view s) {
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  text_wrapped(s);
  ImGui::PopStyleColor();
}

void heading(const Ui& u, std::string_view s) {
  ImGui::PushFont(u.fonts.bold);
  text_colored(u.palette.accent, s);
  ImGui::PopFont();
  ImGui::Separator();
}

void large(const Ui& u, std::string_view s) {
  ImGui::PushFont(u.fonts.large);
  text_wrapped(s);
  ImGui::PopFont();
}

bool button(std::string_view label) {
  log(label);
  const std::string l(label);
  return ImGui::Button(l.c_str());
}

bool button_enabled(std::string_view label, bool enabled) {
  if (!enabled) ImGui::BeginDisabled();
  const bool pressed = button(label);
  if (!enabled) ImGui::EndDisabled();
  return pressed && enabled;
}

bool button_unless(std::string_view label, const std::optional<Rejection>& refusal) {
  const bool pressed = button_enabled(label, !refusal);
  if (refusal) disabled_tooltip(refusal->message);
  return pressed;
}

bool command_button(const Ui& u, std::string_view label, const Command& command, SendAs as) {
  if (!u.session) return false;
  if (!button_unless(label, u.session->refusal(command, as))) return false;
  u.session->send(command, as);
  return true;
}

void same_line_if_fits(float width) {
  const ImGuiStyle& style = ImGui::GetStyle();
  const float last_x2 = ImGui::GetItemRectMax().x;
  const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
  if (last_x2 + style.ItemSpacing.x + width <= right) ImGui::SameLine();
}

float button_width(std::string_view label) {
  return ImGui::CalcTextSize(label.data(), label.data() + label.size(), true).x +
         ImGui::GetStyle().FramePadding.x * 2.0f;
}

void text_nowrap(std::string_view s) {
  log(s);
  ImGui::TextUnformatted(s.data(), s.data() + s.size());
}

namespace {

void tooltip_box(std::string_view s) {
  ImGui::BeginTooltip();
  ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30.0f);
  ImGui::TextUnformatted(s.data(), s.data() + s.size());
  ImGui::PopTextWrapPos();
  ImGui::EndTooltip();
}

}  // namespace

void tooltip(std::string_view s) {
  if (ImGui::IsItemHovered()) tooltip_box(s);
}

void disabled_tooltip(std::string_view s) {
  if (!ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) return;
  log(s);
  tooltip_box(s);
}

std::string timer_text(const Ui& u, const Match& view, TimeMs now) {
  if (view.paused_remaining) return u.f("timer.paused", {mmss(*view.paused_remaining)});
  const auto end = planned_phase_end(view);
  if (!end) return {};
  // The lobby and the debrief go on past their planned end: say by how much.
  if (now > *end && (view.phase == Phase::lobby || view.phase == Phase::debrief))
    return u.f("timer.over", {mmss(now - *end)});
  return mmss(*end - now);
}

void countdown_line(Ui& u, const Match& view, TimeMs now) {
  if (view.phase != Phase::lobby && view.phase != Phase::debrief) return;
  const auto end = planned_phase_end(view);
  if (!end) return;
  const std::string key = view.phase == Phase::lobby ? "countdown.lobby" : "countdown.debrief";
  ImGui::PushFont(u.fonts.bold);
  if (now <= *end)
    text_colored(u.palette.accent, u.f(key, {mmss(*end - now)}));
  else
    text_colored(u.palette.warn, u.f(key + "_over", {mmss(now - *end)}));
  ImGui::PopFont();
}

std::string phase_text(const Ui& u, const Match& view) {
  const std::string key = "phase." + std::string(to_string(view.phase));
  const std::string name = u.s.get(key);
  if ((view.phase == Phase::drafting || view.phase == Phase::clause_voting) && view.round > 0)
    return u.f("phase.with_round",
               {name, std::to_string(view.round), std::to_string(view.settings.rules.rounds)});
  return name;
}

const std::string& seat_name(const Match& view, SeatIndex seat) {
  static const std::string unknown = "?";
  if (seat >= view.settings.seats.size()) return unknown;
  return view.settings.seats[seat].name;
}

std::string participant_name(const Match& view, ParticipantId id) {
  if (id >= view.participants.size()) return "?";
  return view.participants[id].name;
}

std::string clause_title(const Ui& u, const Clause& clause) {
  if (!clause.ref.empty()) {
    if (const auto* c = u.content.clauses().find(clause.ref)) return c->title;
    return clause.ref;
  }
  if (clause.text.empty()) return u.s.get("drafting.hidden_text");
  std::string t = clause.text.substr(0, 60);
  if (clause.text.size() > 60) t += "…";
  return t;
}

std::string ballot_text(const Ui& u, Ballot b) {
  return u.s.get("ballot." + std::string(to_string(b)));
}

}  // namespace ui
}  // namespace accord::client
