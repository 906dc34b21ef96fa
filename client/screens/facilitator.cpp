// Facilitator panel (in solo, the player runs the room): pause, resume, extend, advance;
// announcements; adoption without a vote; the seats and who plays them.

#include "core/rules.hpp"
#include "ui.hpp"

namespace accord::client {

void draw_facilitator(Ui& u) {
  Session& session = *u.session;
  if (!session.can_facilitate()) {
    ui::text_disabled(u.s.get("facilitator.not_facilitator"));
    return;
  }
  const Match& v = session.view();
  ui::heading(u, u.s.get("facilitator.clock"));
  ui::text(ui::phase_text(u, v) + "  " + ui::timer_text(u, v, session.now()));
  const bool running = v.phase != Phase::lobby && v.phase != Phase::debrief;
  if (v.paused_at) {
    if (ui::button(u.s.get("facilitator.resume"))) session.post_facilitator(ResumeClock{});
  } else if (ui::button_enabled(u.s.get("facilitator.pause"), running)) {
    session.post_facilitator(PauseClock{});
  }
  ImGui::SameLine();
  if (ui::button_enabled(u.s.get("facilitator.extend1"), running))
    session.post_facilitator(ExtendPhase{60'000});
  ImGui::SameLine();
  if (ui::button_enabled(u.s.get("facilitator.extend5"), running))
    session.post_facilitator(ExtendPhase{5 * 60'000});
  ImGui::SameLine();
  if (ui::button_enabled(u.s.get("facilitator.advance"), running))
    session.post_facilitator(AdvancePhase{});
  if (v.phase == Phase::lobby && ui::button(u.s.get("lobby.start")))
    session.post_facilitator(StartMatch{});

  if (v.phase == Phase::final_vote) {
    ui::heading(u, u.s.get("facilitator.adoption"));
    for (DraftIndex d = 0; d < v.drafts.size(); ++d) {
      const auto& draft = v.drafts[d];
      if (draft.final_vote.state != VoteState::open) continue;
      ImGui::PushID(static_cast<int>(d));
      if (ui::button_enabled(u.f("facilitator.adopt_without_vote", {draft.title}),
                             draft.final_vote.cast_count == 0 && !draft.objection_deadline))
        session.post_facilitator(ProposeAdoptionWithoutVote{d});
      ImGui::PopID();
    }
  }

  ui::heading(u, u.s.get("facilitator.announce"));
  ImGui::SetNextItemWidth(-u.px(160));
  std::string& announcement = u.state.announcement;
  const bool enter =
      ImGui::InputText("##announce", &announcement, ImGuiInputTextFlags_EnterReturnsTrue);
  ImGui::SameLine();
  if ((ui::button(u.s.get("facilitator.send")) || enter) && !announcement.empty()) {
    session.post_facilitator(Announce{announcement});
    if (!session.last_rejection()) announcement.clear();
  }

  ui::heading(u, u.s.get("facilitator.seats"));
  for (SeatIndex s = 0; s < v.seats.size(); ++s) {
    const auto delegation = delegation_of(v, s);
    std::string who;
    for (const auto p : delegation)
      who += (who.empty() ? "" : ", ") + ui::participant_name(v, p);
    if (who.empty()) who = u.s.get(v.seats[s].bot ? "lobby.bot" : "lobby.empty");
    std::string state;
    if (v.phase == Phase::drafting)
      state = u.s.get(v.seats[s].ready ? "facilitator.done" : "facilitator.working");
    ui::text(u.f("facilitator.seat_line", {ui::seat_name(v, s), who, state}));
  }
}

}  // namespace accord::client
