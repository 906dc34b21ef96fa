// A scorecard: the projector summary (score, top gains and costs, the verdict under the room's
// decision rule), the seven criteria as bars drawn with ImGui's draw list, and the full
// explanation (every term's sentence) one click away.
#include <algorithm>

#include "scoring/report.hpp"
#include "scoring/scorecard.hpp"
#include "ui.hpp"

namespace accord::client {

void draw_criteria_bars(Ui& u, const scoring::Scorecard& card) {
  const float line = ImGui::GetTextLineHeightWithSpacing();
  const float label_w = ImGui::CalcTextSize("MM").x + u.px(8);
  const float value_w = ImGui::CalcTextSize("100.0").x + u.px(8);
  const float width = std::max(u.px(60), ImGui::GetContentRegionAvail().x - label_w - value_w);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImU32 bg = ImGui::GetColorU32(u.palette.bar_bg);
  const ImU32 fill = ImGui::GetColorU32(u.palette.bar_fill);
  const ImU32 text = ImGui::GetColorU32(ImGuiCol_Text);
  for (const auto& c : card.criteria) {
    const std::string code(to_string(c.criterion));
    const std::string value = scoring::format_score(c.value);
    ui::log(code + " " + value);
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float bar_h = line * 0.7f;
    const float y = p.y + (line - bar_h) * 0.5f;
    draw->AddText(ImVec2(p.x, p.y), text, code.c_str());
    const float x0 = p.x + label_w;
    draw->AddRectFilled(ImVec2(x0, y), ImVec2(x0 + width, y + bar_h), bg, u.px(2));
    const float share = std::clamp(static_cast<float>(c.value) / 1000.0f, 0.0f, 1.0f);
    if (share > 0)
      draw->AddRectFilled(ImVec2(x0, y), ImVec2(x0 + width * share, y + bar_h), fill, u.px(2));
    draw->AddText(ImVec2(x0 + width + u.px(6), p.y), text, value.c_str());
    ImGui::Dummy(ImVec2(label_w + width + value_w, line));
    ui::tooltip(c.name);
  }
}

void draw_scorecard(Ui& u, const scoring::Scorecard& card,
                    const std::optional<scoring::RoomDecision>& room, bool explanation) {
  // The projector summary first: the score, what gains and costs most, the verdict.
  const auto summary = scoring::projector_summary(card, room);
  ImGui::PushFont(u.fonts.bold);
  ui::text_wrapped(summary.front());
  ImGui::PopFont();
  ui::text_disabled(u.f("score.content", {scoring::format_score(card.content), card.preset_name}));
  draw_criteria_bars(u, card);
  for (std::size_t i = 1; i < summary.size(); ++i) {
    const char sign = summary[i].front();
    ui::text_colored(sign == '+'   ? u.palette.good
                     : sign == '-' ? u.palette.bad
                                   : u.palette.accent,
                     summary[i]);
  }
  if (!explanation || !ImGui::TreeNode(u.t("score.full_explanation"))) return;
  if (!card.summary.empty()) ui::text_wrapped(card.summary);
  ImGui::PushID(card.preset_id.c_str());
  for (const auto& c : card.criteria) {
    const std::string code(to_string(c.criterion));
    const bool open = ImGui::TreeNode((code + "###" + code).c_str());
    ImGui::SameLine();
    ui::text_wrapped(c.name + "  " + scoring::format_score(c.value));
    if (open) {
      if (!c.note.empty()) ui::text_disabled(c.note);
      for (const auto& t : c.terms)
        ui::text_wrapped(t.text);
      ImGui::TreePop();
    }
  }
  if (!card.interactions.empty() && ImGui::TreeNode(u.t("score.interactions"))) {
    for (const auto& i : card.interactions)
      ui::text_wrapped(i.name + ": " + i.text);
    ImGui::TreePop();
  }
  if (card.legitimacy && ImGui::TreeNode(u.t("score.legitimacy"))) {
    ui::text_wrapped(card.legitimacy->text);
    for (const auto& t : card.legitimacy->terms)
      ui::text_wrapped(t.text);
    ImGui::TreePop();
  }
  if (ImGui::TreeNode(u.t("score.how_final"))) {
    for (const auto& t : card.content_terms)
      ui::text_wrapped(t.text);
    for (const auto& t : card.final_terms)
      ui::text_wrapped(t.text);
    ImGui::TreePop();
  }
  ImGui::PopID();
  ImGui::TreePop();
}

}  // namespace accord::client
