// Debrief: the adopted code as consolidated text, its scorecard with explanations and the three
// preset lenses side by side, per-seat scores with objectives and deals, the historical outcome,
// and a button that saves the scorecard and the code as JSON. The after-class documents (the
// debrief report, the facilitator's gradebook, the whole match as JSON) are saved into the
// documents folder, beside the role cards, and open in the browser. A Replay tab goes back
// through the match event by event (screens/replay.cpp).
#include <SDL.h>

#include <chrono>
#include <fstream>
#include <nlohmann/json.hpp>

#include "report/debrief_json.hpp"
#include "report/debrief_report.hpp"
#include "report/gradebook.hpp"
#include "scoring/report.hpp"
#include "scoring/seat_score.hpp"
#include "settings.hpp"
#include "ui.hpp"

namespace accord::client {
namespace {

std::string clause_text(Ui& u, const Clause& c) {
  if (!c.ref.empty())
    if (const auto* a = u.content.clauses().find(c.ref)) return a->text;
  return c.text;
}

std::string save_json(Ui& u, const Match& v, const scoring::MatchRecord& record,
                      const std::vector<scoring::SeatScore>& seats) {
  nlohmann::json doc;
  doc["scenario"] = u.session->scenario_id();
  doc["drafts"] = nlohmann::json::array();
  for (const auto& d : record.adopted_drafts()) {
    nlohmann::json draft;
    draft["title"] = v.drafts[d.draft].title;
    draft["code"] = nlohmann::json::array();
    for (const auto id : d.clauses)
      draft["code"].push_back(
          {{"ref", v.clauses[id].ref}, {"text", clause_text(u, v.clauses[id])}});
    for (const auto& preset : u.content.clauses().presets()) {
      const auto lens = scoring::adopted_draft_input(v, d.draft, preset.id);
      const auto outcome = scoring::score(u.content.clauses(), lens.input);
      if (outcome.scorecard)
        draft["scorecards"][preset.id] =
            nlohmann::json::parse(scoring::render_json(*outcome.scorecard), nullptr, false);
    }
    doc["drafts"].push_back(draft);
  }
  for (const auto& s : seats)
    doc["seats"].push_back({{"seat", s.name}, {"total", s.total}, {"summary", s.summary}});
  const auto stamp = std::chrono::duration_cast<std::chrono::seconds>(
                         std::chrono::system_clock::now().time_since_epoch())
                         .count();
  const auto dir = config_dir() / "debriefs";
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  const auto file = dir / (u.session->scenario_id() + "-" + std::to_string(stamp) + ".json");
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  out << doc.dump(2) << '\n';
  return out ? file.string() : std::string();
}

// One after-class document into config_dir()/documents (where the role cards go); the path, or
// empty when it could not be written.
std::string save_document(const std::string& name, const std::string& text) {
  const auto dir = config_dir() / "documents";
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  const auto file = dir / name;
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  out << text;
  out.close();
  return out ? file.string() : std::string();
}

// The debrief report and the JSON export for everyone, from this client's own view; the
// gradebook for the facilitator, whose view counts every student's messages.
void draw_documents(Ui& u, const Session& session, const Match& v) {
  const std::string scenario = session.scenario_id(), code = session.room_code();
  // What each student did is the teacher's: a student's copy leaves it out.
  const report::DebriefSource source{v, u.content, scenario, code, session.can_facilitate()};
  std::optional<std::string> saved;
  if (ui::button(u.s.get("debrief.save_report")))
    saved = save_document(report::debrief_file_name(scenario, code, "html"),
                          report::debrief_report(source, report::Paper::a4));
  ImGui::SameLine();
  if (session.can_facilitate()) {
    if (ui::button(u.s.get("debrief.save_gradebook")))
      saved = save_document(report::debrief_file_name(scenario, code, "csv"),
                            report::gradebook_csv(v, u.content.clauses()));
    ImGui::SameLine();
  }
  if (ui::button(u.s.get("debrief.save_match")))
    saved = save_document(report::debrief_file_name(scenario, code, "json"),
                          report::debrief_json(source));
  if (saved) {
    u.state.document_saved_to = *saved;
    u.state.document_failed = saved->empty();
  }
  if (u.state.document_failed) {
    ui::text_disabled(u.s.get("debrief.document_failed"));
  } else if (!u.state.document_saved_to.empty()) {
    ui::text_wrapped(u.f("debrief.document_saved", {u.state.document_saved_to}));
    ImGui::SameLine();
    if (ui::button(u.s.get("debrief.open_document")))
      SDL_OpenURL(("file://" + u.state.document_saved_to).c_str());
  }
}

void code_text(Ui& u, const Match& v, const scoring::DraftScore& d) {
  ImGui::PushFont(u.fonts.bold);
  ui::text_wrapped(v.drafts[d.draft].title);
  ImGui::PopFont();
  int n = 0;
  for (const auto id : d.clauses) {
    const Clause& c = v.clauses[id];
    ui::text_wrapped(u.f("debrief.code_clause", {std::to_string(++n), ui::clause_title(u, c)}));
    ImGui::Indent();
    ui::text_disabled(clause_text(u, c));
    ImGui::Unindent();
  }
}

void lenses(Ui& u, const Match& v, DraftIndex draft) {
  const auto& presets = u.content.clauses().presets();
  if (presets.empty()) return;
  if (!ImGui::BeginTable("lenses", static_cast<int>(presets.size()),
                         ImGuiTableFlags_SizingStretchSame | ImGuiTableFlags_BordersInnerV))
    return;
  ImGui::TableNextRow();
  for (const auto& preset : presets) {
    ImGui::TableNextColumn();
    ImGui::PushID(preset.id.c_str());
    const auto lens = scoring::adopted_draft_input(v, draft, preset.id);
    const auto outcome = scoring::score(u.content.clauses(), lens.input);
    ImGui::PushFont(u.fonts.bold);
    ui::text_wrapped(preset.name);
    ImGui::PopFont();
    if (outcome.scorecard) {
      ui::text(u.f("score.final", {scoring::format_score(outcome.scorecard->final_score)}));
      draw_criteria_bars(u, *outcome.scorecard);
    }
    ImGui::PopID();
  }
  ImGui::EndTable();
}

void seat_table(Ui& u, const std::vector<scoring::SeatScore>& seats, std::optional<SeatIndex> me) {
  for (const auto& s : seats) {
    ImGui::PushID(static_cast<int>(s.seat));
    const bool mine = me == s.seat;
    std::size_t achieved = 0;
    for (const auto& o : s.objectives)
      achieved += o.achieved ? 1 : 0;
    const std::string label =
        u.f("debrief.seat_line", {s.name, std::to_string(s.total), std::to_string(achieved),
                                  std::to_string(s.objectives.size())}) +
        "###seat";
    ui::log(label);
    if (mine) ImGui::PushStyleColor(ImGuiCol_Text, u.palette.accent);
    const bool open = ImGui::TreeNodeEx(label.c_str(), mine ? ImGuiTreeNodeFlags_DefaultOpen : 0);
    if (mine) ImGui::PopStyleColor();
    if (open) {
      ui::text_wrapped(s.summary);
      for (const auto& o : s.objectives)
        ui::text_colored(o.achieved ? u.palette.good : u.palette.muted, o.line.text);
      for (const auto& r : s.red_lines)
        ui::text_colored(r.kept_out ? u.palette.good : u.palette.bad, r.line.text);
      for (const auto& l : s.influence)
        ui::text_wrapped(l.text);
      for (const auto& l : s.deals)
        ui::text_wrapped(l.text);
      ImGui::TreePop();
    }
    ImGui::PopID();
  }
}

// The adopted code, its scorecard and lenses, every seat's score, the historical outcome.
void results(Ui& u, const Match& v, const scoring::MatchRecord& record,
             const std::vector<scoring::SeatScore>& seats) {
  Session& session = *u.session;
  ImGui::BeginChild("debrief", ImVec2(0, 0), false);
  if (record.adopted_drafts().empty()) {
    ui::heading(u, u.s.get("debrief.code"));
    ui::text_colored(u.palette.warn, u.s.get("debrief.no_code"));
  }
  for (const auto& d : record.adopted_drafts()) {
    ImGui::PushID(static_cast<int>(d.draft));
    ui::heading(u, u.s.get("debrief.code"));
    code_text(u, v, d);
    ui::heading(u, u.s.get("debrief.scorecard"));
    if (d.outcome.scorecard)
      draw_scorecard(u, *d.outcome.scorecard, scoring::room_decision(v), true);
    ui::heading(u, u.s.get("debrief.lenses"));
    lenses(u, v, d.draft);
    ImGui::PopID();
  }
  ui::heading(u, u.s.get("debrief.seats"));
  seat_table(u, seats, session.seat());
  if (const auto* scenario = u.content.scenario(session.scenario_id())) {
    ui::heading(u, u.s.get("debrief.history"));
    ui::text_wrapped(scenario->historical_outcome);
  }
  ImGui::EndChild();
}

}  // namespace

void draw_debrief(Ui& u) {
  Session& session = *u.session;
  const Match& v = session.view();
  if (v.phase != Phase::debrief) {
    ui::text_disabled(u.s.get("debrief.not_yet"));
    return;
  }
  ui::countdown_line(u, v, session.now());
  const scoring::MatchRecord record(v, u.content.clauses());
  const auto seats = scoring::seat_scores(record);
  if (const auto me = session.seat(); me && *me < seats.size()) {
    ImGui::PushFont(u.fonts.large);
    ui::text_colored(u.palette.accent, u.f("debrief.your_score",
                                           {seats[*me].name, std::to_string(seats[*me].total)}));
    ImGui::PopFont();
  }
  if (ui::button(u.s.get("debrief.save"))) {
    u.state.saved_to = save_json(u, v, record, seats);
    if (u.state.saved_to.empty()) u.state.saved_to = u.s.get("debrief.save_failed");
  }
  if (!u.state.saved_to.empty()) {
    ImGui::SameLine();
    ui::text_disabled(u.f("debrief.saved", {u.state.saved_to}));
  }
  draw_documents(u, session, v);
  if (!ImGui::BeginTabBar("debrief_tabs")) return;
  if (ImGui::BeginTabItem(u.t("debrief.results"))) {
    results(u, v, record, seats);
    ImGui::EndTabItem();
  }
  // The match again, event by event, from this client's own stream.
  const ImGuiTabItemFlags replay_flags =
      u.state.replay_tab ? ImGuiTabItemFlags_SetSelected : ImGuiTabItemFlags_None;
  if (ImGui::BeginTabItem(u.t("replay.tab"), nullptr, replay_flags)) {
    u.state.replay_tab = false;
    draw_replay(u, u.state.replay, session.recording());
    ImGui::EndTabItem();
  }
  ImGui::EndTabBar();
}

}  // namespace accord::client
