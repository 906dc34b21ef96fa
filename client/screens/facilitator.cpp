// Facilitator panel (in solo, the player runs the room): pause, resume, extend, advance;
// announcements; adoption without a vote; seats (free, bot) and participants (move, mute,
// remove, head of delegation); in the lobby the decision rule and the phase timers; hiding a
// free-text clause or overriding its points; the scenario's teacher notes; a rematch or deleting
// the room on a server.

#include <SDL.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "core/rules.hpp"
#include "report/participation.hpp"
#include "report/role_cards.hpp"
#include "settings.hpp"
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
    // The head casts the seat's votes: the facilitator may give the role to any seated member.
    if (p.seat && *p.seat < v.seats.size()) {
      if (v.seats[*p.seat].head == id) {
        ui::same_line_if_fits(ui::button_width(u.s.get("facilitator.is_head")));
        ui::text_colored(u.palette.good, u.s.get("facilitator.is_head"));
      } else {
        ui::same_line_if_fits(ui::button_width(u.s.get("facilitator.make_head")));
        ui::command_button(u, u.s.get("facilitator.make_head"), HandHeadRole{id},
                           SendAs::facilitator);
      }
    }
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

// The seven criteria in the order of OverrideClauseTags' points.
constexpr const char* kCriteria[] = {"MI", "TR", "AV", "RF", "RS", "CC", "SP"};

// The facilitator's own points for a free-text clause (OverrideClauseTags): seven values from -3
// to +3 edited in a popup, then applied; or the override cleared.
void draw_tag_override(Ui& u, const Clause& clause, ClauseId c) {
  const std::string label = u.s.get("facilitator.points");
  ui::same_line_if_fits(ui::button_width(label));
  if (ui::button(label)) {
    auto& edit = u.state.tag_points[c];
    edit = clause.facilitator_points;
    edit.resize(std::size(kCriteria), 0);
    ImGui::OpenPopup("points");
  }
  if (!ImGui::BeginPopup("points")) return;
  auto& edit = u.state.tag_points[c];
  edit.resize(std::size(kCriteria), 0);
  ui::text_wrapped(u.f("facilitator.points_help", {ui::clause_title(u, clause)}));
  for (std::size_t i = 0; i < std::size(kCriteria); ++i) {
    int value = edit[i];
    ImGui::SetNextItemWidth(u.px(220));
    ui::log(kCriteria[i]);
    if (ImGui::SliderInt(kCriteria[i], &value, -3, 3)) edit[i] = value;
  }
  if (ui::command_button(u, u.s.get("facilitator.points_apply"), OverrideClauseTags{c, edit},
                         SendAs::facilitator))
    ImGui::CloseCurrentPopup();
  ImGui::SameLine();
  if (ui::command_button(u, u.s.get("facilitator.points_clear"), OverrideClauseTags{c, {}},
                         SendAs::facilitator))
    ImGui::CloseCurrentPopup();
  ImGui::SameLine();
  if (ui::button(u.s.get("facilitator.cancel"))) ImGui::CloseCurrentPopup();
  ImGui::EndPopup();
}

// Hide a clause whose text breaks the room's rules (it stays in the record for the debrief), or
// replace the analyzer's points for it with the facilitator's own.
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
    draw_tag_override(u, clause, c);
    ImGui::SameLine();
    std::string title = ui::clause_title(u, clause);
    if (!clause.facilitator_points.empty()) {
      std::string points;
      for (std::size_t i = 0; i < clause.facilitator_points.size() && i < std::size(kCriteria); ++i)
        points += (points.empty() ? "" : " ") + std::string(kCriteria[i]) +
                  (clause.facilitator_points[i] > 0 ? "+" : "") +
                  std::to_string(clause.facilitator_points[i]);
      title += "  " + u.f("facilitator.points_set", {points});
    }
    ui::text_wrapped(title);
    ImGui::PopID();
  }
}

// In the lobby: the decision rule and each phase's timer, changed through ChangeRules (the rules
// say which values they take).
void draw_room_rules(Ui& u, const Match& v) {
  ui::heading(u, u.s.get("facilitator.rules"));
  const RoomRules& r = v.settings.rules;
  ImGui::AlignTextToFramePadding();
  ui::text(u.f("facilitator.decision_rule",
               {u.s.get("rule." + std::string(to_string(r.decision_rule)))}));
  for (const DecisionRule rule :
       {DecisionRule::simple_majority, DecisionRule::two_thirds, DecisionRule::consensus}) {
    RoomRules changed = r;
    changed.decision_rule = rule;
    const std::string label = u.s.get("rule." + std::string(to_string(rule)));
    ui::same_line_if_fits(ui::button_width(label));
    ImGui::PushID(static_cast<int>(rule));
    ui::command_button(u, label, ChangeRules{changed}, SendAs::facilitator);
    ImGui::PopID();
  }
  struct Timer {
    const char* key;
    TimeMs RoomRules::*field;
  };
  const Timer timers[] = {{"phase.lobby", &RoomRules::lobby_ms},
                          {"phase.briefing", &RoomRules::briefing_ms},
                          {"phase.drafting", &RoomRules::drafting_ms},
                          {"phase.clause_voting", &RoomRules::clause_voting_ms},
                          {"phase.final_vote", &RoomRules::final_vote_ms},
                          {"phase.debrief", &RoomRules::debrief_ms}};
  // The buttons line up in a column after the longest timer's line.
  std::vector<std::string> lines;
  float column = 0.0f;
  for (const auto& timer : timers) {
    const TimeMs ms = r.*timer.field;
    std::string length = std::to_string(ms / 60'000);
    if (const auto seconds = (ms % 60'000) / 1000; seconds != 0)
      length += (seconds < 10 ? ":0" : ":") + std::to_string(seconds);
    lines.push_back(u.f("facilitator.timer", {u.s.get(timer.key), length}));
    column = std::max(column, ImGui::CalcTextSize(lines.back().c_str()).x);
  }
  column += ImGui::GetCursorStartPos().x + ImGui::GetStyle().ItemSpacing.x;
  for (std::size_t t = 0; t < std::size(timers); ++t) {
    const Timer& timer = timers[t];
    ImGui::PushID(timer.key);
    const TimeMs ms = r.*timer.field;
    ImGui::AlignTextToFramePadding();
    ui::text(lines[t]);
    for (const bool more : {false, true}) {
      RoomRules changed = r;
      changed.*timer.field = more ? ms + 60'000 : ms - 60'000;
      const std::string label =
          u.s.get(more ? "facilitator.minute_more" : "facilitator.minute_less");
      if (more)
        ImGui::SameLine();
      else
        ImGui::SameLine(column);
      ImGui::PushID(more ? 1 : 0);
      ui::command_button(u, label, ChangeRules{changed}, SendAs::facilitator);
      ImGui::PopID();
    }
    ImGui::PopID();
  }
}

// The scenario's notes for the teacher: goals, questions, timings, how to form delegations.
void draw_teacher_notes(Ui& u, const Session& session) {
  const auto* scenario = u.content.scenario(session.scenario_id());
  if (!scenario) return;
  const content::TeacherNotes& notes = scenario->teacher_notes;
  if (notes.learning_goals.empty() && notes.discussion_questions.empty() && notes.timings.empty() &&
      notes.delegations.empty())
    return;
  ImGui::Spacing();
  ui::log(u.s.get("facilitator.teacher_notes"));
  if (!ImGui::CollapsingHeader(u.t("facilitator.teacher_notes"))) return;
  const auto list = [&](const char* key, const std::vector<std::string>& items) {
    if (items.empty()) return;
    ImGui::PushFont(u.fonts.bold);
    ui::text(u.s.get(key));
    ImGui::PopFont();
    for (const auto& item : items)
      ui::text_wrapped("• " + item);
  };
  const auto para = [&](const char* key, const std::string& text) {
    if (text.empty()) return;
    ImGui::PushFont(u.fonts.bold);
    ui::text(u.s.get(key));
    ImGui::PopFont();
    ui::text_wrapped(text);
  };
  list("facilitator.learning_goals", notes.learning_goals);
  list("facilitator.discussion_questions", notes.discussion_questions);
  para("facilitator.timings", notes.timings);
  para("facilitator.delegations", notes.delegations);
}

// Per student: what each has said and done, and who has been quiet for a while, so the teacher
// can walk over. Counts only; the facilitator's screen, never the projector's.
void draw_participation(Ui& u, const Session& session, const Match& v) {
  ui::log(u.s.get("facilitator.participation"));
  if (!ImGui::CollapsingHeader(u.t("facilitator.participation"), ImGuiTreeNodeFlags_DefaultOpen))
    return;
  ImGui::SetNextItemWidth(u.px(140));
  ImGui::SliderInt(u.t("facilitator.silence_minutes"), &u.state.silence_minutes, 1, 20);
  const TimeMs threshold = static_cast<TimeMs>(u.state.silence_minutes) * 60'000;
  const auto rows = report::participation(v);
  if (rows.empty()) {
    ui::text_disabled(u.s.get("facilitator.no_students"));
    return;
  }
  constexpr int kColumns = 6;
  if (!ImGui::BeginTable("participation", kColumns,
                         ImGuiTableFlags_Borders | ImGuiTableFlags_SizingStretchProp))
    return;
  for (const char* key :
       {"facilitator.col_student", "facilitator.col_seat", "facilitator.col_messages",
        "facilitator.col_drafting", "facilitator.col_seat_work", "facilitator.col_last_spoke"}) {
    ui::log(u.s.get(key));
    ImGui::TableSetupColumn(u.t(key));
  }
  ImGui::TableHeadersRow();
  const TimeMs now = session.now();
  for (const auto& r : rows) {
    const bool quiet = report::silent(r, v, now, threshold);
    ImGui::TableNextRow();
    if (quiet) ImGui::PushStyleColor(ImGuiCol_Text, u.palette.warn);
    ImGui::TableNextColumn();
    ui::text(r.head ? u.f("facilitator.head_of", {r.name}) : r.name);
    ImGui::TableNextColumn();
    ui::text(r.seat ? ui::seat_name(v, *r.seat) : u.s.get("facilitator.no_seat"));
    ImGui::TableNextColumn();
    ui::text(std::to_string(r.messages));
    ImGui::TableNextColumn();
    ui::text(u.f("facilitator.drafting_counts",
                 {std::to_string(r.clauses_tabled), std::to_string(r.amendments)}));
    ImGui::TableNextColumn();
    ui::text(u.f("facilitator.seat_counts",
                 {std::to_string(r.seat_cosponsorships), std::to_string(r.seat_ballots),
                  std::to_string(r.seat_deals_offered), std::to_string(r.seat_deals_accepted)}));
    ImGui::TableNextColumn();
    const std::string last = r.last_spoke ? u.f("facilitator.minutes_ago",
                                                {std::to_string((now - *r.last_spoke) / 60'000)})
                                          : u.s.get("facilitator.not_yet");
    ui::text(quiet ? u.f("facilitator.silent", {last}) : last);
    if (quiet) ImGui::PopStyleColor();
  }
  ImGui::EndTable();
}

// The scenario's printable role cards for this table's seats, saved as one HTML file the teacher
// opens in a browser and prints (one page per seat, the secret objectives below a fold).
void draw_role_cards(Ui& u, const Session& session, const Match& v) {
  const auto* scenario = u.content.scenario(session.scenario_id());
  if (!scenario) return;
  if (ui::button(u.s.get("facilitator.print_cards"))) {
    const auto cards = report::role_cards(u.content, *scenario, v.seats.size(), report::Paper::a4);
    const auto dir = config_dir() / "documents";
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    const auto file =
        dir / ("role-cards-" + scenario->id + "-" + std::to_string(v.seats.size()) + ".html");
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out << cards.html;
    out.close();
    u.state.cards_failed = !cards.error.empty() || !out;
    u.state.cards_saved_to = u.state.cards_failed ? std::string() : file.string();
  }
  if (u.state.cards_failed) {
    ui::text_disabled(u.s.get("facilitator.cards_failed"));
  } else if (!u.state.cards_saved_to.empty()) {
    ui::text_wrapped(u.f("facilitator.cards_saved", {u.state.cards_saved_to}));
    if (ui::button(u.s.get("facilitator.open_cards")))
      SDL_OpenURL(("file://" + u.state.cards_saved_to).c_str());
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
  if (v.phase == Phase::lobby) {
    ui::command_button(u, u.s.get("lobby.start"), StartMatch{}, kFacilitator);
    // Before class is when the cards are printed: next to the start, above the rules.
    ImGui::SameLine();
    draw_role_cards(u, session, v);
    draw_room_rules(u, v);
  }

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

  draw_injects_console(u, v);

  draw_seats(u, v);
  draw_participants(u, session, v);
  draw_participation(u, session, v);
  draw_clause_moderation(u, v);
  draw_room(u, session, v);
  draw_teacher_notes(u, session);
  if (v.phase != Phase::lobby) draw_role_cards(u, session, v);
}

}  // namespace accord::client
