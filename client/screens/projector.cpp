// Projector view: the public view in large type for a classroom screen: the join code, phase,
// timer, the drafts with their clauses, and vote tallies; at the debrief, the replay of the
// match. It reads only the public view and the public stream's recording
// (Session::public_view, Session::public_recording), never the seat's, so nothing secret can
// reach the projector.
#include "core/rules.hpp"
#include "ui.hpp"

namespace accord::client {

void draw_projector(Ui& u) {
  const Match* pv = u.session->public_view();
  if (!pv) {
    ui::text_disabled(u.s.get("projector.unavailable"));
    return;
  }
  const Match& v = *pv;
  ImGui::PushFont(u.fonts.large);
  ui::text(u.f("projector.head", {ui::phase_text(u, v), ui::timer_text(u, v, u.session->now())}));
  const std::string code = u.session->room_code();
  ui::text_colored(u.palette.accent,
                   u.f("projector.code", {code.empty() ? u.s.get("lobby.solo_code") : code}));
  ImGui::PopFont();
  // Students compare it with their own screen: the same key means the same server.
  if (const std::string key = u.session->server_fingerprint(); !key.empty() && !code.empty())
    ui::text(u.f("projector.server_key", {key}));
  draw_inject_news(u, v, false);  // the public view: news and tallies, never a ballot button
  ImGui::Separator();
  ImGui::BeginChild("projector", ImVec2(0, 0), false);
  if (v.phase == Phase::debrief && ImGui::BeginTabBar("projector_tabs")) {
    // At the debrief the class can replay the match from the public stream.
    const ImGuiTabItemFlags replay_flags =
        u.state.replay_tab ? ImGuiTabItemFlags_SetSelected : ImGuiTabItemFlags_None;
    if (ImGui::BeginTabItem(u.t("replay.tab_now"))) {
      draw_public_drafts(u, v);
      ImGui::EndTabItem();
    }
    if (ImGui::BeginTabItem(u.t("replay.tab"), nullptr, replay_flags)) {
      u.state.replay_tab = false;
      draw_replay(u, u.state.public_replay, u.session->public_recording());
      ImGui::EndTabItem();
    }
    ImGui::EndTabBar();
  } else {
    draw_public_drafts(u, v);
  }
  ImGui::EndChild();
}

void draw_public_drafts(Ui& u, const Match& v) {
  for (DraftIndex d = 0; d < v.drafts.size(); ++d) {
    const Draft& draft = v.drafts[d];
    ImGui::PushFont(u.fonts.large);
    ui::text_wrapped(draft.title);
    ImGui::PopFont();
    if (draft.final_vote.state == VoteState::open)
      ui::text(u.f("voting.n_of_m", {std::to_string(draft.final_vote.cast_count),
                                     std::to_string(draft.final_vote.eligible)}));
    ImGui::PushFont(u.fonts.bold);
    for (const auto id : clauses_of(v, d)) {
      const Clause& c = v.clauses[id];
      if (c.status == ClauseStatus::withdrawn || c.hidden) continue;
      std::string line = u.f("projector.clause",
                             {std::to_string(id + 1), ui::clause_title(u, c),
                              ui::seat_name(v, c.sponsor), std::to_string(c.cosponsors.size())});
      if (c.vote.state == VoteState::open)
        line += "  " + u.f("voting.n_of_m",
                           {std::to_string(c.vote.cast_count), std::to_string(c.vote.eligible)});
      else if (c.vote.state == VoteState::closed)
        line += "  " + u.s.get("outcome." + std::string(to_string(c.vote.outcome)));
      ui::text_wrapped(line);
    }
    ImGui::PopFont();
    ImGui::Spacing();
  }
}

}  // namespace accord::client
