// Briefing: your state's profile, priorities, red lines and secret objectives; the scenario's
// briefing; the timer.
#include "ui.hpp"

namespace accord::client {
namespace {

void clause_line(Ui& u, const std::string& ref) {
  const auto* c = u.content.clauses().find(ref);
  ui::text_wrapped(u.f("briefing.clause", {ref, c ? c->title : ref}));
}

void own_state(Ui& u, const Match& v, SeatIndex seat) {
  const SeatSetup& s = v.settings.seats[seat];
  ImGui::PushFont(u.fonts.large);
  ui::text_colored(u.palette.accent, s.name);
  ImGui::PopFont();
  ui::text_disabled(u.f("briefing.bloc", {s.bloc}));
  ImGui::Spacing();
  ui::heading(u, u.s.get("briefing.position"));
  ui::text_wrapped(s.position);
  ui::heading(u, u.s.get("briefing.brief"));
  if (s.brief.empty())
    ui::text_disabled(u.s.get("briefing.no_brief"));
  else
    ui::text_wrapped(s.brief);
  ui::heading(u, u.s.get("briefing.priorities"));
  for (const auto& ref : s.priorities)
    clause_line(u, ref);
  ui::heading(u, u.s.get("briefing.red_lines"));
  if (s.red_lines.empty()) ui::text_disabled(u.s.get("briefing.none"));
  for (const auto& line : s.red_lines) {
    ImGui::PushStyleColor(ImGuiCol_Text, u.palette.bad);
    clause_line(u, line.ref);
    ImGui::PopStyleColor();
    if (!line.lifted_by.empty()) {
      ImGui::Indent();
      const auto* c = u.content.clauses().find(line.lifted_by);
      ui::text_disabled(u.f("briefing.lifted_by", {line.lifted_by, c ? c->title : line.lifted_by}));
      ImGui::Unindent();
    }
  }
  ui::heading(u, u.s.get("briefing.objectives"));
  for (const auto& o : s.objectives)
    ui::text_wrapped(u.f("briefing.objective", {o.text}));
}

void scenario_text(Ui& u, const Session& session) {
  const auto* scenario = u.content.scenario(session.scenario_id());
  if (!scenario) return;
  ui::heading(u, u.f("briefing.scenario", {scenario->title, std::to_string(scenario->year)}));
  ui::text_wrapped(scenario->briefing);
  ImGui::Spacing();
  ui::text_disabled(scenario->body);
}

}  // namespace

void draw_briefing(Ui& u) {
  Session& session = *u.session;
  const Match& v = session.view();
  const auto seat = session.seat();
  const bool wide = ImGui::GetContentRegionAvail().x >= u.px(900);
  if (wide && ImGui::BeginTable("briefing", 2, ImGuiTableFlags_SizingStretchSame)) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::BeginChild("state", ImVec2(0, 0), false);
    if (seat && *seat < v.settings.seats.size()) own_state(u, v, *seat);
    ImGui::EndChild();
    ImGui::TableNextColumn();
    ImGui::BeginChild("scenario", ImVec2(0, 0), false);
    scenario_text(u, session);
    ImGui::EndChild();
    ImGui::EndTable();
    return;
  }
  if (seat && *seat < v.settings.seats.size()) own_state(u, v, *seat);
  ImGui::Spacing();
  scenario_text(u, session);
}

}  // namespace accord::client
