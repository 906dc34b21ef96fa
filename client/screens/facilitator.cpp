// Facilitator panel (in solo, the player runs the room): pause, resume, extend, advance;
// announcements; adoption without a vote; seats (free, bot) and participants (move, mute,
// remove); hiding a free-text clause; a rematch or deleting the room on a server.

#include "core/rules.hpp"
#include "ui.hpp"

namespace accord::client {
namespace {

// Each seat: who holds it, whether its delegation is done drafting; free it, or let a bot
// play it while nobody does.
void draw_seats(Ui& u, const Match& v) {
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
      ui::command_button(u, u.s.get("facilitator.free_seat"), FreeSeat{s}, SendAs::facilitator);
    }
    const std::string bot_label =
        u.s.get(v.seats[s].bot ? "facilitator.bot_off" : "facilitator.bot_on");
    ui::same_line_if_fits(ui::button_width(bot_label));
    ui::command_button(u, bot_label, SetBot{s, !v.seats[s].bot}, SendAs::facilitator);
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
      // Each choice is offered when the rules would take it (a full delegation is not).
      const auto choice = [&](const char* label, std::optional<SeatIndex> seat) {
        const AssignSeat assign{id, seat};
        const bool allowed = session.allows(assign, SendAs::facilitator);
        if (ImGui::Selectable(label, p.seat == seat, allowed ? 0 : ImGuiSelectableFlags_Disabled) &&
            allowed)
          session.post_facilitator(assign);
      };
      choice(u.t("facilitator.no_seat"), std::nullopt);
      for (SeatIndex s = 0; s < v.seats.size(); ++s)
        choice(ui::seat_name(v, s).c_str(), s);
      ImGui::EndCombo();
    }
    const std::string mute = u.s.get(p.muted ? "facilitator.unmute" : "facilitator.mute");
    ui::same_line_if_fits(ui::button_width(mute));
    ui::command_button(u, mute, MuteParticipant{id, !p.muted}, SendAs::facilitator);
    ui::same_line_if_fits(ui::button_width(u.s.get("facilitator.remove")));
    const RemoveParticipant remove{id};
    if (ui::button_unless(u.s.get("facilitator.remove"),
                          session.refusal(remove, SendAs::facilitator)))
      ImGui::OpenPopup("remove");
    if (ImGui::BeginPopup("remove")) {
      ui::text(u.f("facilitator.remove_confirm", {p.name}));
      if (ui::command_button(u, u.s.get("facilitator.remove"), remove, SendAs::facilitator))
        ImGui::CloseCurrentPopup();
      ImGui::SameLine();
      if (ui::button(u.s.get("facilitator.cancel"))) ImGui::CloseCurrentPopup();
      ImGui::EndPopup();
    }
    ImGui::PopID();
  }
  if (!any) ui::text_disabled(u.s.get("facilitator.nobody"));
}

// Hide a clause whose text breaks the room's rules (it stays in the record for the debrief).
void draw_clause_moderation(Ui& u, const Match& v) {
  bool any = false;
  for (ClauseId c = 0; c < v.clauses.size(); ++c) {
    const Clause& clause = v.clauses[c];
    if (!clause.ref.empty() || clause.status == ClauseStatus::withdrawn) continue;
    if (!any) ui::heading(u, u.s.get("facilitator.free_text"));
    any = true;
    ImGui::PushID(static_cast<int>(c));
    const std::string label = u.s.get(clause.hidden ? "facilitator.show" : "facilitator.hide");
    ui::command_button(u, label, HideClause{c, !clause.hidden}, SendAs::facilitator);
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
  constexpr SendAs kFacilitator = SendAs::facilitator;
  // One toggle: resume while paused, pause otherwise.
  if (v.paused_at)
    ui::command_button(u, u.s.get("facilitator.resume"), ResumeClock{}, kFacilitator);
  else
    ui::command_button(u, u.s.get("facilitator.pause"), PauseClock{}, kFacilitator);
  ImGui::SameLine();
  ui::command_button(u, u.s.get("facilitator.extend1"), ExtendPhase{60'000}, kFacilitator);
  ImGui::SameLine();
  ui::command_button(u, u.s.get("facilitator.extend5"), ExtendPhase{5 * 60'000}, kFacilitator);
  ImGui::SameLine();
  ui::command_button(u, u.s.get("facilitator.advance"), AdvancePhase{}, kFacilitator);
  if (v.phase == Phase::lobby)
    ui::command_button(u, u.s.get("lobby.start"), StartMatch{}, kFacilitator);

  if (v.phase == Phase::final_vote) {
    ui::heading(u, u.s.get("facilitator.adoption"));
    for (DraftIndex d = 0; d < v.drafts.size(); ++d) {
      const auto& draft = v.drafts[d];
      if (draft.final_vote.state != VoteState::open) continue;
      ImGui::PushID(static_cast<int>(d));
      ui::command_button(u, u.f("facilitator.adopt_without_vote", {draft.title}),
                         ProposeAdoptionWithoutVote{d}, kFacilitator);
      ImGui::PopID();
    }
  }

  ui::heading(u, u.s.get("facilitator.announce"));
  ImGui::SetNextItemWidth(-u.px(160));
  std::string& announcement = u.state.announcement;
  const bool enter =
      ImGui::InputText("##announce", &announcement, ImGuiInputTextFlags_EnterReturnsTrue);
  ImGui::SameLine();
  const Announce announce{announcement};
  bool sent = ui::command_button(u, u.s.get("facilitator.send"), announce, kFacilitator);
  if (enter && !sent && session.allows(announce, kFacilitator)) {
    session.post_facilitator(announce);
    sent = true;
  }
  if (sent && !session.last_rejection()) announcement.clear();

  draw_seats(u, v);
  draw_participants(u, session, v);
  draw_clause_moderation(u, v);
  draw_room(u, session, v);
}

}  // namespace accord::client
