// Home: solo play one click away (scenario, seats, state, difficulty); the network options,
// shown as coming with the server; settings; quit.
#include <algorithm>

#include "ui.hpp"

namespace accord::client {

void draw_home(Ui& u) {
  const auto& scenarios = u.content.scenarios();
  ui::large(u, u.s.get("app.title"));
  ui::text_disabled(u.s.get("home.tagline"));
  ImGui::Spacing();

  ui::heading(u, u.s.get("home.solo"));
  if (scenarios.empty()) {
    ui::text_colored(u.palette.bad, u.s.get("home.no_scenarios"));
    return;
  }
  UiState& st = u.state;
  st.scenario = std::clamp(st.scenario, 0, static_cast<int>(scenarios.size()) - 1);
  const auto& scenario = scenarios[static_cast<std::size_t>(st.scenario)];
  const float field = u.px(360);

  ImGui::SetNextItemWidth(field);
  const std::string current = scenario.title + " (" + std::to_string(scenario.year) + ")";
  ui::log(current);
  if (ImGui::BeginCombo(u.t("home.scenario"), current.c_str())) {
    for (std::size_t i = 0; i < scenarios.size(); ++i) {
      const std::string label = scenarios[i].title + " (" + std::to_string(scenarios[i].year) + ")";
      if (ImGui::Selectable(label.c_str(), static_cast<int>(i) == st.scenario)) {
        st.scenario = static_cast<int>(i);
        st.state = 0;
      }
    }
    ImGui::EndCombo();
  }
  const int max_seats = static_cast<int>(scenario.seats.size());
  const int min_seats = static_cast<int>(content::Scenario::kMinSeats);
  st.seats = std::clamp(st.seats, min_seats, max_seats);
  ImGui::SetNextItemWidth(field);
  if (ImGui::SliderInt(u.t("home.seats"), &st.seats, min_seats, max_seats)) st.state = 0;

  const auto seated = scenario.seats_for(static_cast<std::size_t>(st.seats));
  st.state = std::clamp(st.state, 0, std::max(0, static_cast<int>(seated.size()) - 1));
  const auto state_name = [&](const std::string& id) {
    const auto* s = u.content.state(id);
    return s ? s->name : id;
  };
  ImGui::SetNextItemWidth(field);
  const std::string chosen =
      seated.empty() ? "" : state_name(seated[static_cast<std::size_t>(st.state)]);
  ui::log(chosen);
  if (ImGui::BeginCombo(u.t("home.state"), chosen.c_str())) {
    for (std::size_t i = 0; i < seated.size(); ++i)
      if (ImGui::Selectable(state_name(seated[i]).c_str(), static_cast<int>(i) == st.state))
        st.state = static_cast<int>(i);
    ImGui::EndCombo();
  }
  ImGui::AlignTextToFramePadding();
  ui::text(u.s.get("home.difficulty"));
  for (int d = 0; d < 3; ++d) {
    static constexpr const char* kKeys[] = {"home.easy", "home.normal", "home.hard"};
    ImGui::SameLine();
    ui::log(u.s.get(kKeys[d]));
    ImGui::RadioButton(u.t(kKeys[d]), &st.difficulty, d);
  }
  static constexpr const char* kHelp[] = {"home.easy_help", "home.normal_help", "home.hard_help"};
  ui::text_disabled(u.s.get(kHelp[std::clamp(st.difficulty, 0, 2)]));
  ImGui::Spacing();
  ImGui::PushFont(u.fonts.bold);
  if (ui::button(u.s.get("home.start_solo"))) {
    SoloConfig config;
    config.scenario = scenario.id;
    config.seats = static_cast<std::size_t>(st.seats);
    config.difficulty = static_cast<Difficulty>(std::clamp(st.difficulty, 0, 2));
    config.state = seated.empty() ? "" : seated[static_cast<std::size_t>(st.state)];
    config.seed = static_cast<std::uint64_t>(ImGui::GetTime() * 1000.0) + 1;
    u.requests.start_solo = config;
  }
  ImGui::PopFont();
  if (!st.home_error.empty()) ui::text_colored(u.palette.bad, st.home_error);
  ImGui::Spacing();
  ui::text_wrapped(u.f("home.scenario_about",
                       {scenario.title, std::to_string(scenario.year), std::to_string(max_seats)}));

  ImGui::Spacing();
  ui::heading(u, u.s.get("home.online"));
  ImGui::BeginDisabled();
  ui::button(u.s.get("home.quick_match"));
  ImGui::SameLine();
  ui::button(u.s.get("home.host"));
  ImGui::SameLine();
  ui::button(u.s.get("home.join"));
  ImGui::EndDisabled();
  ui::text_disabled(u.s.get("home.online_later"));

  ImGui::Spacing();
  ImGui::Separator();
  if (ui::button(u.s.get("home.settings"))) u.requests.go = Screen::settings;
  ImGui::SameLine();
  if (ui::button(u.s.get("home.quit"))) u.requests.quit = true;
}

}  // namespace accord::client
