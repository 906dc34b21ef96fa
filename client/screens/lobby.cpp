// Lobby: the join code, the seats with their states and who holds them, the state choice, ready
// marks and (for the room's facilitator, which in solo is the player) the start button.
#include "core/rules.hpp"
#include "ui.hpp"

namespace accord::client {

void draw_lobby(Ui& u) {
  Session& session = *u.session;
  const Match& v = session.view();
  const auto me = session.participant();
  ui::text(u.s.get("lobby.join_code"));
  ImGui::SameLine();
  ImGui::PushFont(u.fonts.large);
  const std::string code = session.room_code();
  ui::text_colored(u.palette.accent, code.empty() ? u.s.get("lobby.solo_code") : code);
  ImGui::PopFont();
  if (const std::string key = session.server_fingerprint(); !key.empty() && !code.empty())
    ui::text_disabled(u.f("lobby.server_key", {key}));
  if (const auto* scenario = u.content.scenario(session.scenario_id()))
    ui::heading(u, u.f("lobby.scenario", {scenario->title, std::to_string(scenario->year)}));

  const auto& r = v.settings.rules;
  ui::text_wrapped(
      u.f("lobby.rules", {std::to_string(r.rounds), std::to_string(r.drafting_ms / 60'000),
                          u.s.get("rule." + std::string(to_string(r.decision_rule))),
                          u.s.get("ballot_kind." + std::string(to_string(r.ballot)))}));
  ui::countdown_line(u, v, session.now());
  ImGui::Spacing();
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH |
                                ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_ScrollY;
  // The other members of this client's delegation: the head may hand the role to one of them.
  std::vector<ParticipantId> members;
  if (const auto seat = session.seat(); seat && me != kNoParticipant)
    for (const auto p : delegation_of(v, *seat))
      if (p != me) members.push_back(p);
  const float footer = ImGui::GetFrameHeightWithSpacing() * (members.empty() ? 3.0f : 4.0f);
  if (ImGui::BeginTable("seats", 4, flags, ImVec2(0, -footer))) {
    ImGui::TableSetupColumn(u.t("lobby.state"), ImGuiTableColumnFlags_WidthStretch, 3.0f);
    ImGui::TableSetupColumn(u.t("lobby.bloc"), ImGuiTableColumnFlags_WidthStretch, 2.0f);
    ImGui::TableSetupColumn(u.t("lobby.held_by"), ImGuiTableColumnFlags_WidthStretch, 3.0f);
    ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthStretch, 2.0f);
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableHeadersRow();
    for (SeatIndex s = 0; s < v.seats.size(); ++s) {
      ImGui::PushID(static_cast<int>(s));
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::AlignTextToFramePadding();
      ui::text(ui::seat_name(v, s));
      ImGui::TableNextColumn();
      ui::text(v.settings.seats[s].bloc);
      ImGui::TableNextColumn();
      const auto delegation = delegation_of(v, s);
      if (!delegation.empty()) {
        std::string names;
        for (const auto p : delegation) {
          if (!names.empty()) names += ", ";
          names += ui::participant_name(v, p);
          if (p < v.participants.size() && v.participants[p].ready) names += " ✓";
        }
        ui::text(names);
      } else if (v.seats[s].bot) {
        ui::text_disabled(u.s.get("lobby.bot"));
      } else {
        ui::text_disabled(u.s.get("lobby.empty"));
      }
      ImGui::TableNextColumn();
      const bool mine = session.seat() == s;
      if (mine)
        ui::text_colored(u.palette.good, u.s.get("lobby.your_seat"));
      else if (me != kNoParticipant)
        ui::command_button(u, u.s.get("lobby.take"), TakeSeat{s});
      ImGui::PopID();
    }
    ImGui::EndTable();
  }
  for (std::size_t i = 0; i < members.size(); ++i) {
    ImGui::PushID(static_cast<int>(members[i]));
    const std::string label = u.f("lobby.hand_head", {ui::participant_name(v, members[i])});
    if (i > 0) ui::same_line_if_fits(ui::button_width(label));
    ui::command_button(u, label, HandHeadRole{members[i]});
    ImGui::PopID();
  }
  const bool ready = me < v.participants.size() && v.participants[me].ready;
  if (me != kNoParticipant) {
    ui::command_button(u, u.s.get(ready ? "lobby.not_ready" : "lobby.ready"), SetReady{!ready});
    ImGui::SameLine();
  }
  if (session.can_facilitate()) {
    ImGui::PushFont(u.fonts.bold);
    ui::command_button(u, u.s.get("lobby.start"), StartMatch{}, SendAs::facilitator);
    ImGui::PopFont();
  }
  if (code.empty())
    ui::text_disabled(u.s.get("lobby.solo_help"));
  else
    ui::text_disabled(u.s.get(session.seat() || session.can_facilitate() ? "lobby.network_help"
                                                                         : "lobby.spectator_help"));
}

}  // namespace accord::client
