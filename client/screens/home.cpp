// Home: solo play one click away (scenario, seats, state, difficulty); online play (quick
// match, join a room found on the LAN or by address, host a room on this computer or a
// server); rejoining an unfinished match with one click; settings; quit.
#include <algorithm>

#include "net/secure_channel.hpp"
#include "ui.hpp"

namespace accord::client {
namespace {

namespace pm = protocol;

// The server to use, from the address field; shows the problem and returns nullopt if unusable.
std::optional<ServerAddress> address_or_complain(Ui& u) {
  auto address = parse_server_address(u.state.server_address);
  if (!address) u.state.home_error = u.f("home.bad_address", {u.state.server_address});
  return address;
}

std::string display_name(Ui& u) {
  return u.state.name.empty() ? u.s.get("solo.player_name") : u.state.name;
}

void draw_join(Ui& u, float field) {
  UiState& st = u.state;
  if (ui::button(u.s.get(st.searching_lan ? "home.searching" : "home.search_lan")) &&
      !st.searching_lan)
    u.requests.search_lan = true;
  for (const auto& found : st.lan) {
    ImGui::PushID(&found);
    // The discovery answer names the server's key: joining through it pins that key.
    const auto key = net::key_from_hex(found.reply.server_key);
    const std::string where = found.address + ":" + std::to_string(found.reply.port) +
                              (key ? "#" + net::fingerprint(*key) : std::string());
    const std::string label =
        u.f("home.lan_server",
            {found.reply.server_name, found.address + ":" + std::to_string(found.reply.port)});
    ui::text(label);
    for (const auto& room : found.reply.rooms) {
      ImGui::PushID(room.code.c_str());
      ImGui::SameLine();
      if (ui::button(u.f("home.lan_room", {room.code, room.scenario, std::to_string(room.players),
                                           std::to_string(room.seats)}))) {
        st.join_code = room.code;
        st.server_address = where;
      }
      ImGui::PopID();
    }
    if (found.reply.rooms.empty()) {
      ImGui::SameLine();
      if (ui::button(u.s.get("home.use_server"))) st.server_address = where;
    }
    ImGui::PopID();
  }
  ImGui::SetNextItemWidth(field * 0.5f);
  ImGui::InputText(u.t("home.code"), &st.join_code,
                   ImGuiInputTextFlags_CharsUppercase | ImGuiInputTextFlags_CharsNoBlank);
  ImGui::SetNextItemWidth(field * 0.5f);
  ImGui::InputText(u.t("home.room_password"), &st.join_password, ImGuiInputTextFlags_Password);
  ImGui::AlignTextToFramePadding();
  ui::text(u.s.get("home.join_as"));
  static constexpr const char* kRoles[] = {"home.as_player", "home.as_spectator",
                                           "home.as_projector"};
  for (int r = 0; r < 3; ++r) {
    ImGui::SameLine();
    ui::log(u.s.get(kRoles[r]));
    ImGui::RadioButton(u.t(kRoles[r]), &st.join_role, r);
  }
  ImGui::PushFont(u.fonts.bold);
  if (ui::button_enabled(u.s.get("home.join_room"), !st.join_code.empty())) {
    if (const auto address = address_or_complain(u)) {
      NetworkPlan plan;
      plan.kind = NetworkPlan::Kind::join;
      plan.host = address->host;
      plan.port = address->port;
      plan.server_pin = address->pin;
      plan.name = display_name(u);
      plan.code = st.join_code;
      plan.room_password = st.join_password;
      plan.role = st.join_role == 1   ? pm::ClientRole::spectator
                  : st.join_role == 2 ? pm::ClientRole::projector
                                      : pm::ClientRole::player;
      u.requests.start_network = plan;
    }
  }
  ImGui::PopFont();
}

void draw_host(Ui& u, const content::Scenario& scenario, float field) {
  UiState& st = u.state;
  ui::text_wrapped(u.f("home.host_scenario", {scenario.title}));
  const int max_seats = static_cast<int>(scenario.seats.size());
  const int min_seats = static_cast<int>(content::Scenario::kMinSeats);
  st.host_seats = std::clamp(st.host_seats, min_seats, max_seats);
  ImGui::SetNextItemWidth(field);
  ImGui::SliderInt(u.t("home.seats"), &st.host_seats, min_seats, max_seats);
  if (!scenario.timer_presets.empty()) {
    st.host_preset =
        std::clamp(st.host_preset, 0, static_cast<int>(scenario.timer_presets.size()) - 1);
    ImGui::SetNextItemWidth(field);
    const auto& preset = scenario.timer_presets[static_cast<std::size_t>(st.host_preset)];
    ui::log(preset.name);
    if (ImGui::BeginCombo(u.t("home.timer_preset"), preset.name.c_str())) {
      for (std::size_t i = 0; i < scenario.timer_presets.size(); ++i)
        if (ImGui::Selectable(scenario.timer_presets[i].name.c_str(),
                              static_cast<int>(i) == st.host_preset))
          st.host_preset = static_cast<int>(i);
      ImGui::EndCombo();
    }
  }
  ImGui::SetNextItemWidth(field * 0.6f);
  ImGui::InputText(u.t("home.facilitator_password"), &st.facilitator_password,
                   ImGuiInputTextFlags_Password);
  ImGui::SetNextItemWidth(field * 0.6f);
  ImGui::InputText(u.t("home.optional_room_password"), &st.room_password,
                   ImGuiInputTextFlags_Password);
  ui::log(u.s.get("home.host_here"));
  ImGui::Checkbox(u.t("home.host_here"), &st.host_here);
  ui::log(u.s.get("home.public"));
  ImGui::Checkbox(u.t("home.public"), &st.host_public);
  ui::log(u.s.get("home.fill_bots"));
  ImGui::Checkbox(u.t("home.fill_bots"), &st.host_bots);
  const bool password_ok = st.facilitator_password.size() >= 6;
  if (!password_ok) ui::text_disabled(u.s.get("home.password_help"));
  ImGui::PushFont(u.fonts.bold);
  if (ui::button_enabled(u.s.get("home.create_room"), password_ok)) {
    std::optional<ServerAddress> address;
    if (st.host_here)
      address = ServerAddress{"127.0.0.1", 7878, ""};
    else
      address = address_or_complain(u);
    if (address) {
      NetworkPlan plan;
      plan.kind = NetworkPlan::Kind::host;
      plan.host = address->host;
      plan.port = address->port;
      plan.server_pin = address->pin;
      plan.name = display_name(u);
      plan.create.scenario = scenario.id;
      plan.create.seats = static_cast<std::uint32_t>(st.host_seats);
      if (!scenario.timer_presets.empty())
        plan.create.timer_preset =
            scenario.timer_presets[static_cast<std::size_t>(st.host_preset)].id;
      plan.create.facilitator_password = st.facilitator_password;
      plan.create.room_password = st.room_password;
      plan.create.is_public = st.host_public;
      plan.create.fill_with_bots = st.host_bots;
      plan.create.bot_difficulty = "normal";
      u.requests.start_network = plan;
      u.requests.host_here = st.host_here;
    }
  }
  ImGui::PopFont();
}

void draw_online(Ui& u, const content::Scenario& scenario) {
  UiState& st = u.state;
  const float field = u.px(360);
  ui::heading(u, u.s.get("home.online"));
  if (!u.settings.unfinished.token.empty()) {
    ImGui::PushFont(u.fonts.bold);
    if (ui::button(u.f("home.rejoin", {u.settings.unfinished.code}))) u.requests.rejoin = true;
    ImGui::PopFont();
    ImGui::SameLine();
    ui::text_disabled(u.f("home.rejoin_where", {u.settings.unfinished.host + ":" +
                                                std::to_string(u.settings.unfinished.port)}));
  }
  ImGui::SetNextItemWidth(field * 0.6f);
  ImGui::InputTextWithHint(u.t("home.your_name"), u.t("solo.player_name"), &st.name);
  ImGui::SetNextItemWidth(field * 0.6f);
  ImGui::InputText(u.t("home.server"), &st.server_address);
  static constexpr const char* kTabs[] = {"home.quick_match", "home.join", "home.host"};
  for (int t = 0; t < 3; ++t) {
    if (t > 0) ImGui::SameLine();
    ui::log(u.s.get(kTabs[t]));
    ImGui::RadioButton(u.t(kTabs[t]), &st.online_tab, t);
  }
  ImGui::Indent(u.px(12));
  if (st.online_tab == 0) {
    ui::text_wrapped(u.f("home.quick_match_help", {scenario.title}));
    ImGui::PushFont(u.fonts.bold);
    if (ui::button(u.s.get("home.find_match"))) {
      if (const auto address = address_or_complain(u)) {
        NetworkPlan plan;
        plan.kind = NetworkPlan::Kind::quick_match;
        plan.host = address->host;
        plan.port = address->port;
        plan.server_pin = address->pin;
        plan.name = display_name(u);
        plan.scenario = scenario.id;
        u.requests.start_network = plan;
      }
    }
    ImGui::PopFont();
  } else if (st.online_tab == 1) {
    draw_join(u, field);
  } else {
    draw_host(u, scenario, field);
  }
  ImGui::Unindent(u.px(12));
}

}  // namespace

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
  draw_online(u, scenario);
  ImGui::Spacing();
  ImGui::Separator();
  if (ui::button(u.s.get("home.settings"))) u.requests.go = Screen::settings;
  ImGui::SameLine();
  if (ui::button(u.s.get("home.quit"))) u.requests.quit = true;
}

}  // namespace accord::client
