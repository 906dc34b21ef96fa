// Facilitator panel (in solo, the player runs the room): pause, resume, extend, advance;
// announcements; adoption without a vote; seats (free, bot) and participants (move, mute,
// remove); hiding a free-text clause; a rematch or deleting the room on a server.

#include "core/rules.hpp"
#include "ui.hpp"

namespace accord::client {
namespace {

// Each seat: who holds it, whether its delegation is done drafting; free it, or let a bot
// play it while nobody does.
void draw_seats(Ui& u, Session& session, const Match& v) {
  ui::heading(u, u.s.get("facilitator.seats"));
  for (SeatIndex s = 0; s < v.seats.size(); ++s) {
    ImGui::PushID(static_cast<int>(s));
    const auto delegation = delegation_of(v, s);
    std::string who;
    for (const auto p : delegation)
      who += (who.empty() ? "" : ", ") + ui::participant_name(v, p);
    if (who.empty()) who = u.s.get(v.seats[s].bot ? "lobby.bot" : "lobby.empty");
    std::string state;
    if (v.phase == Phase::drafting)
      state = u.s.get(v.seats[s].ready ? "facilitator.done" : "facilitator.working");
    ImGui::AlignTextToFramePadding();
    ui::text(u.f("facilitator.seat_line", {ui::seat_name(v, s), who, state}));
    if (!delegation.empty()) {
      ui::same_line_if_fits(ui::button_width(u.s.get("facilitator.free_seat")));
      if (ui::button(u.s.get("facilitator.free_seat"))) session.post_facilitator(FreeSeat{s});
    }
    const std::string bot_label =
        u.s.get(v.seats[s].bot ? "facilitator.bot_off" : "facilitator.bot_on");
    ui::same_line_if_fits(ui::button_width(bot_label));
    if (ui::button(bot_label)) session.post_facilitator(SetBot{s, !v.seats[s].bot});
    ImGui::PopID();
  }
}

// Everyone in the room: move them to a seat, mute or unmute them, remove them for good.
void draw_participants(Ui& u, Session& session, const Match& v) {
  ui::heading(u, u.s.get("facilitator.participants"));
  bool any = false;
  for (ParticipantId id = 0; id < v.participants.size(); ++id) {
    const Participant& p = v.participants[id];
    if (p.left || p.removed) continue;
    any = true;
    ImGui::PushID(static_cast<int>(id));
    ImGui::AlignTextToFramePadding();
    ui::text(u.f("facilitator.participant_line",
                 {p.name, p.seat ? ui::seat_name(v, *p.seat) : u.s.get("facilitator.no_seat"),
                  p.muted ? u.s.get("facilitator.muted") : std::string()}));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(u.px(200));
    const std::string current = p.seat ? ui::seat_name(v, *p.seat) : u.s.get("facilitator.no_seat");
    if (ImGui::BeginCombo("##seat", current.c_str())) {
      if (ImGui::Selectable(u.t("facilitator.no_seat"), !p.seat))
        session.post_facilitator(AssignSeat{id, std::nullopt});
      for (SeatIndex s = 0; s < v.seats.size(); ++s)
        if (ImGui::Selectable(ui::seat_name(v, s).c_str(), p.seat == s))
          session.post_facilitator(AssignSeat{id, s});
      ImGui::EndCombo();
    }
    const std::string mute = u.s.get(p.muted ? "facilitator.unmute" : "facilitator.mute");
    ui::same_line_if_fits(ui::button_width(mute));
    if (ui::button(mute)) session.post_facilitator(MuteParticipant{id, !p.muted});
    ui::same_line_if_fits(ui::button_width(u.s.get("facilitator.remove")));
    if (ui::button(u.s.get("facilitator.remove"))) ImGui::OpenPopup("remove");
    if (ImGui::BeginPopup("remove")) {
      ui::text(u.f("facilitator.remove_confirm", {p.name}));
      if (ui::button(u.s.get("facilitator.remove"))) {
        session.post_facilitator(RemoveParticipant{id});
        ImGui::CloseCurrentPopup();
      }
      ImGui::SameLine();
      if (ui::button(u.s.get("facilitator.cancel"))) ImGui::CloseCurrentPopup();
      ImGui::EndPopup();
    }
    ImGui::PopID();
  }
  if (!any) ui::text_disabled(u.s.get("facilitator.nobody"));
}

// Hide a clause whose text breaks the room's rules (it stays in the record for the debrief).
void draw_clause_moderation(Ui& u, Session& session, const Match& v) {
  bool any = false;
  for (ClauseId c = 0; c < v.clauses.size(); ++c) {
    const Clause& clause = v.clauses[c];
    if (!clause.ref.empty() || clause.status == ClauseStatus::withdrawn) continue;
    if (!any) ui::heading(u, u.s.get("facilitator.free_text"));
    any = true;
    ImGui::PushID(static_cast<int>(c));
    const std::string label = u.s.get(clause.hidden ? "facilitator.show" : "facilitator.hide");
    if (ui::button(label)) session.post_facilitator(HideClause{c, !clause.hidden});
    ImGui::SameLine();
    ui::text_wrapped(ui::clause_title(u, clause));
    ImGui::PopID();
  }
}

// A room on a server: a new match with the same code and people, or deleting it all.
void draw_room(Ui& u, Session& session, const Match& v) {
  if (!session.can_manage_room()) return;
  ui::heading(u, u.f("facilitator.room", {session.room_code()}));
  if (ui::button_enabled(u.s.get("facilitator.rematch"), v.phase == Phase::debrief))
    session.rematch();
  if (v.phase != Phase::debrief) {
    ImGui::SameLine();
    ui::text_disabled(u.s.get("facilitator.rematch_help"));
  }
  if (ui::button(u.s.get("facilitator.delete_room"))) ImGui::OpenPopup("delete");
  if (ImGui::BeginPopup("delete")) {
    ui::text_wrapped(u.s.get("facilitator.delete_confirm"));
    if (ui::button(u.s.get("facilitator.delete_room"))) {
      session.delete_room();
      ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    if (ui::button(u.s.get("facilitator.cancel"))) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
  }
}

}  // namespace

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

  draw_seats(u, session, v);
  draw_participants(u, session, v);
  draw_clause_moderation(u, session, v);
  draw_room(u, session, v);
}

}  // namespace accord::client
