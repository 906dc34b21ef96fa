// Drafting: the clause library (by category, searchable, with summaries, sources and criterion
// effects), the tabled clauses of each draft (sponsor, co-sponsors, renewals, pending amendments
// as a readable diff) with their actions, a free-text editor with the analyzer's feedback, deals,
// and the live what-if scorecard of the draft.

#include <algorithm>
#include <cctype>

#include "core/rules.hpp"
#include "scoring/analyzer.hpp"
#include "scoring/match_scoring.hpp"
#include "ui.hpp"

namespace accord::client {
namespace {

bool has_seat(const std::vector<SeatIndex>& seats, SeatIndex s) {
  return std::find(seats.begin(), seats.end(), s) != seats.end();
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (auto& ch : out)
    ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return out;
}

std::optional<ClauseId> standing_in_family(const Match& v, DraftIndex draft,
                                           const std::string& family) {
  for (ClauseId c = 0; c < v.clauses.size(); ++c) {
    const Clause& cl = v.clauses[c];
    if (cl.draft == draft && cl.family == family &&
        (cl.status == ClauseStatus::tabled || cl.status == ClauseStatus::adopted))
      return c;
  }
  return std::nullopt;
}

std::string effects_text(const scoring::Points& points) {
  std::string out;
  for (const auto c : scoring::kAllCriteria) {
    const int p = points[scoring::index_of(c)];
    if (p == 0) continue;
    if (!out.empty()) out += "  ";
    out += std::string(to_string(c)) + (p > 0 ? " +" : " −") + std::to_string(p < 0 ? -p : p);
  }
  return out;
}

std::string seat_list(const Match& v, const std::vector<SeatIndex>& seats) {
  std::string out;
  for (const auto s : seats) {
    if (!out.empty()) out += ", ";
    out += ui::seat_name(v, s);
  }
  return out;
}

void library(Ui& u, Session& session, const Match& v, DraftIndex draft) {
  const auto& catalogue = u.content.clauses();
  ImGui::SetNextItemWidth(-1);
  ImGui::InputTextWithHint("##search", u.t("drafting.search"), &u.state.search);
  ImGui::SetNextItemWidth(-1);
  const auto& cats = catalogue.categories();
  const int ncat = static_cast<int>(cats.size());
  u.state.category = std::clamp(u.state.category, -1, ncat - 1);
  const char* cat_label = u.state.category < 0
                              ? u.t("drafting.all_categories")
                              : cats[static_cast<std::size_t>(u.state.category)].name.c_str();
  if (ImGui::BeginCombo("##category", cat_label)) {
    if (ImGui::Selectable(u.t("drafting.all_categories"), u.state.category < 0))
      u.state.category = -1;
    for (int i = 0; i < ncat; ++i)
      if (ImGui::Selectable(cats[static_cast<std::size_t>(i)].name.c_str(), u.state.category == i))
        u.state.category = i;
    ImGui::EndCombo();
  }
  const std::string needle = lower(u.state.search);
  ImGui::BeginChild("library", ImVec2(0, 0), false);
  for (const auto& option : v.settings.clause_table) {
    const auto* a = catalogue.find(option.ref);
    if (!a) continue;
    if (u.state.category >= 0 && a->category != cats[static_cast<std::size_t>(u.state.category)].id)
      continue;
    if (!needle.empty() &&
        lower(a->ref + " " + a->title + " " + a->summary).find(needle) == std::string::npos)
      continue;
    const std::string label = a->ref + "###lib" + a->ref;
    const bool open = ImGui::TreeNode(label.c_str());
    ImGui::SameLine();
    // A crisis inject made this clause urgent: the room is expected to act on it.
    if (std::binary_search(v.urgent_refs.begin(), v.urgent_refs.end(), a->ref)) {
      ui::text_colored(u.palette.warn, u.s.get("injects.urgent_tag"));
      ImGui::SameLine();
    }
    ui::text_wrapped(a->title);
    if (!open) continue;
    ui::text_wrapped(a->summary);
    ui::text_colored(u.palette.accent, effects_text(a->contributions));
    ui::text_disabled(a->text);
    for (const auto& src : a->sources)
      ui::text_disabled(u.f("drafting.source", {src}));
    const auto standing = standing_in_family(v, draft, option.family);
    ImGui::PushID(a->ref.c_str());
    if (!standing) {
      ui::command_button(u, u.s.get("drafting.table"), TableClause{draft, a->ref, ""});
    } else if (v.clauses[*standing].ref != a->ref) {
      ui::command_button(u, u.f("drafting.amend_to", {std::to_string(*standing + 1)}),
                         ProposeAmendment{*standing, a->ref, ""});
    } else {
      ui::text_disabled(u.s.get("drafting.in_draft"));
    }
    ImGui::PopID();
    ImGui::TreePop();
  }
  if (v.settings.rules.allow_free_text && ImGui::TreeNode(u.t("drafting.free_text"))) {
    ImGui::InputTextMultiline("##free", &u.state.free_text, ImVec2(-1, u.px(90)));
    const auto analysis = scoring::analyze_clause(catalogue.lexicon(), u.state.free_text);
    if (!u.state.free_text.empty()) {
      ui::text_wrapped(analysis.explanation);
      ui::text_colored(u.palette.accent, effects_text(analysis.points));
    }
    if (ui::command_button(u, u.s.get("drafting.table_free"),
                           TableClause{draft, "", u.state.free_text}) &&
        !session.last_rejection())
      u.state.free_text.clear();
    ImGui::TreePop();
  }
  ImGui::EndChild();
}

void clause_card(Ui& u, const Match& v, ClauseId id, SeatIndex me) {
  const Clause& c = v.clauses[id];
  ImGui::PushID(static_cast<int>(id));
  const std::string status = u.s.get("clause_status." + std::string(to_string(c.status)));
  const std::string title = ui::clause_title(u, c);
  ImGui::PushFont(u.fonts.bold);
  ui::text_wrapped(u.f("drafting.clause_head", {std::to_string(id + 1), c.ref, title, status}));
  ImGui::PopFont();
  ui::text(u.f("drafting.sponsor", {ui::seat_name(v, c.sponsor)}));
  if (!c.cosponsors.empty())
    ui::text_wrapped(u.f("drafting.cosponsors", {seat_list(v, c.cosponsors)}));
  if (!c.renewed.empty()) ui::text_wrapped(u.f("drafting.renewed", {seat_list(v, c.renewed)}));
  if (!c.lapsed_cosponsors.empty())
    ui::text_disabled(u.f("drafting.lapsed", {seat_list(v, c.lapsed_cosponsors)}));
  for (std::uint32_t a = 0; a < c.amendments.size(); ++a) {
    const Amendment& am = c.amendments[a];
    if (am.status != AmendmentStatus::pending) continue;
    ImGui::PushID(static_cast<int>(a));
    ui::text(u.f("drafting.amendment_by", {ui::seat_name(v, am.proposer)}));
    ImGui::Indent();
    Clause proposed = c;
    proposed.ref = am.ref;
    proposed.text = am.text;
    ui::text_colored(u.palette.bad, "− " + title);
    ui::text_colored(u.palette.good, "+ " + ui::clause_title(u, proposed));
    if (c.sponsor == me) {
      ui::command_button(u, u.s.get("drafting.accept"), AnswerAmendment{id, a, true});
      ImGui::SameLine();
      ui::command_button(u, u.s.get("drafting.reject"), AnswerAmendment{id, a, false});
    } else if (am.proposer == me) {
      ui::command_button(u, u.s.get("drafting.withdraw_amendment"), WithdrawAmendment{id, a});
    }
    ImGui::Unindent();
    ImGui::PopID();
  }
  // The clause's own action for this seat, shown through drafting (disabled, with the rules'
  // reason, while it cannot be taken: paused, hidden...).
  if (c.status == ClauseStatus::tabled && v.phase == Phase::drafting) {
    if (c.sponsor == me)
      ui::command_button(u, u.s.get("drafting.withdraw"), WithdrawClause{id});
    else if (has_seat(c.cosponsors, me))
      ui::command_button(u, u.s.get("drafting.uncosponsor"), WithdrawCosponsorship{id});
    else
      ui::command_button(u, u.s.get("drafting.cosponsor"), Cosponsor{id});
  }
  ImGui::Separator();
  ImGui::PopID();
}

// This seat's deals (offered, accepted...), each with its promises in words and its answers.
void deals(Ui& u, const Match& v, SeatIndex me) {
  const bool any = std::any_of(v.deals.begin(), v.deals.end(),
                               [&](const Deal& d) { return d.from == me || d.to == me; });
  if (!any) return;
  ui::heading(u, u.s.get("drafting.deals"));
  draw_deal_list(u, me, std::nullopt);
}

void draft_column(Ui& u, const Match& v, DraftIndex draft, SeatIndex me) {
  if (v.drafts.size() > 1) {
    ImGui::SetNextItemWidth(-1);
    if (ImGui::BeginCombo("##draft", v.drafts[draft].title.c_str())) {
      for (DraftIndex d = 0; d < v.drafts.size(); ++d)
        if (ImGui::Selectable(v.drafts[d].title.c_str(), d == draft))
          u.state.draft = static_cast<int>(d);
      ImGui::EndCombo();
    }
  } else {
    ImGui::PushFont(u.fonts.bold);
    ui::text_wrapped(v.drafts[draft].title);
    ImGui::PopFont();
  }
  if (v.phase == Phase::drafting && me < v.seats.size()) {
    const bool done = v.seats[me].ready;
    ui::command_button(u, u.s.get(done ? "drafting.not_done" : "drafting.done"), SetReady{!done});
    ImGui::SameLine();
    ui::text_disabled(u.s.get(done ? "drafting.done_help" : "drafting.done_hint"));
  }
  ImGui::BeginChild("clauses", ImVec2(0, 0), false);
  const auto ids = clauses_of(v, draft);
  if (ids.empty()) ui::text_disabled(u.s.get("drafting.no_clauses"));
  for (const auto id : ids)
    clause_card(u, v, id, me);
  deals(u, v, me);
  ImGui::EndChild();
}

void scorecard_column(Ui& u, const Match& v, DraftIndex draft) {
  ui::heading(u, u.s.get("drafting.what_if"));
  ImGui::BeginChild("whatif", ImVec2(0, 0), false);
  const auto result = scoring::what_if_score(u.content.clauses(), v, draft);
  if (result.outcome.scorecard)
    draw_scorecard(u, *result.outcome.scorecard, scoring::room_decision(v), true);
  else if (result.input.clauses.empty())
    ui::text_disabled(u.s.get("drafting.nothing_to_score"));
  else
    for (const auto& e : result.outcome.errors)
      ui::text_colored(u.palette.bad, e.describe());
  ImGui::EndChild();
}

}  // namespace

void draw_drafting(Ui& u) {
  Session& session = *u.session;
  const Match& v = session.view();
  if (v.drafts.empty()) return;
  u.state.draft = std::clamp(u.state.draft, 0, static_cast<int>(v.drafts.size()) - 1);
  const auto draft = static_cast<DraftIndex>(u.state.draft);
  const SeatIndex me = session.seat().value_or(static_cast<SeatIndex>(v.seats.size()));
  if (ImGui::GetContentRegionAvail().x >= u.px(1100)) {
    if (ImGui::BeginTable("drafting", 3,
                          ImGuiTableFlags_Resizable | ImGuiTableFlags_BordersInnerV)) {
      ImGui::TableSetupColumn(u.t("drafting.library"), ImGuiTableColumnFlags_WidthStretch, 1.0f);
      ImGui::TableSetupColumn(u.t("drafting.draft"), ImGuiTableColumnFlags_WidthStretch, 1.1f);
      ImGui::TableSetupColumn(u.t("drafting.what_if"), ImGuiTableColumnFlags_WidthStretch, 0.9f);
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ui::heading(u, u.s.get("drafting.library"));
      library(u, session, v, draft);
      ImGui::TableNextColumn();
      ui::heading(u, u.s.get("drafting.draft"));
      draft_column(u, v, draft, me);
      ImGui::TableNextColumn();
      scorecard_column(u, v, draft);
      ImGui::EndTable();
    }
    return;
  }
  if (ImGui::BeginTabBar("drafting_tabs")) {
    if (ImGui::BeginTabItem(u.t("drafting.draft"))) {
      draft_column(u, v, draft, me);
      ImGui::EndTabItem();
    }
    if (ImGui::BeginTabItem(u.t("drafting.library"))) {
      library(u, session, v, draft);
      ImGui::EndTabItem();
    }
    if (ImGui::BeginTabItem(u.t("drafting.what_if"))) {
      scorecard_column(u, v, draft);
      ImGui::EndTabItem();
    }
    ImGui::EndTabBar();
  }
}

}  // namespace accord::client
