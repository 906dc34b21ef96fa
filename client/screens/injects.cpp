// Crisis injects in the client: the facilitator's console (the library with a preview of each
// inject's effects, and a button to fire it), the news every screen shows once one has fired,
// and the emergency vote on its statement.
#include <algorithm>

#include "ui.hpp"

namespace accord::client {
namespace {

std::string ref_title(const Ui& u, const std::string& ref) {
  if (const auto* clause = u.content.clauses().find(ref)) return ref + " " + clause->title;
  return ref;
}

std::string ref_list(const Ui& u, const std::vector<std::string>& refs) {
  std::string out;
  for (const auto& ref : refs)
    out += (out.empty() ? "" : "; ") + ref_title(u, ref);
  return out;
}

std::string minutes_seconds(TimeMs ms) {
  const auto s = ms / 1000;
  return std::to_string(s / 60) + ":" + (s % 60 < 10 ? "0" : "") + std::to_string(s % 60);
}

const FiredInject* fired(const Match& v, const std::string& id) {
  for (const auto& f : v.injects_fired)
    if (f.id == id) return &f;
  return nullptr;
}

void draw_rest(Ui& u, const InjectSetup& inject) {
  if (!inject.statement.empty())
    ui::text_wrapped(
        u.f("injects.statement", {inject.statement, minutes_seconds(inject.statement_vote_ms)}));
  if (inject.extra_drafting_ms > 0)
    ui::text_wrapped(u.f("injects.extra_time", {minutes_seconds(inject.extra_drafting_ms)}));
}

// What firing the inject will do, in the words the facilitator reads before firing.
void draw_preview(Ui& u, const Match& v, const InjectSetup& inject) {
  ui::text_wrapped(u.f("injects.news", {inject.news}));
  if (!inject.urgent_refs.empty())
    ui::text_wrapped(u.f("injects.urgent", {ref_list(u, inject.urgent_refs)}));
  if (!inject.new_refs.empty()) {
    std::vector<std::string> refs;
    for (const auto& option : inject.new_refs)
      refs.push_back(option.ref);
    ui::text_wrapped(u.f("injects.new_refs", {ref_list(u, refs)}));
  }
  // A facilitator who also plays a seat (solo) learns how many states shift, not which.
  if (u.session->seat() && !inject.shifts.empty()) {
    ui::text_wrapped(u.f("injects.shifts_hidden", {std::to_string(inject.shifts.size())}));
    return draw_rest(u, inject);
  }
  for (const auto& shift : inject.shifts) {
    std::string change;
    for (const auto& ref : shift.add)
      change += (change.empty() ? "+" : ", +") + ref;
    for (const auto& ref : shift.remove)
      change += (change.empty() ? "-" : ", -") + ref;
    ui::text_wrapped(u.f("injects.shift", {ui::seat_name(v, shift.seat), change, shift.note}));
  }
  draw_rest(u, inject);
}

std::string schedule_text(const Ui& u, const MatchSettings& settings, const std::string& id) {
  for (const auto& plan : settings.inject_schedule)
    if (plan.inject == id)
      return u.f("injects.scheduled_for", {std::to_string(plan.round),
                                           u.s.get("phase." + std::string(to_string(plan.phase))),
                                           minutes_seconds(plan.after_ms)});
  return {};
}

}  // namespace

void draw_injects_console(Ui& u, const Match& v) {
  const MatchSettings* settings = u.session->facilitator_settings();
  if (!settings || settings->injects.empty()) return;
  const bool running = v.phase != Phase::lobby && v.phase != Phase::debrief;
  if (!ImGui::CollapsingHeader(u.t("injects.console"),
                               running ? ImGuiTreeNodeFlags_DefaultOpen : 0))
    return;
  ui::text_disabled(u.s.get(running ? "injects.console_help" : "injects.console_later"));
  for (std::size_t i = 0; i < settings->injects.size(); ++i) {
    const InjectSetup& inject = settings->injects[i];
    ImGui::PushID(static_cast<int>(i));
    if (const FiredInject* f = fired(v, inject.id)) {
      ui::text_disabled(u.f(f->scheduled ? "injects.fired_scheduled" : "injects.fired",
                            {inject.title, u.s.get("phase." + std::string(to_string(f->phase))),
                             std::to_string(f->round)}));
    } else {
      ui::command_button(u, u.s.get("injects.fire"), FireInject{inject.id}, SendAs::facilitator);
      ImGui::SameLine();
      const std::string planned = schedule_text(u, *settings, inject.id);
      ui::log(inject.title);  // where the preview's node is laid out (the UI tests click there)
      if (ImGui::TreeNode("preview", "%s%s", inject.title.c_str(),
                          planned.empty() ? "" : ("  " + planned).c_str())) {
        draw_preview(u, v, inject);
        ImGui::TreePop();
      }
    }
    ImGui::PopID();
  }
}

void draw_inject_news(Ui& u, const Match& v, bool may_vote) {
  Session& session = *u.session;
  if (v.injects_fired.empty()) return;
  const FiredInject& latest = v.injects_fired.back();
  const bool unread = u.state.injects_read < v.injects_fired.size();
  ImGui::PushStyleColor(ImGuiCol_Text, u.palette.announce);
  ui::text_wrapped(u.f("injects.breaking", {latest.title}));
  ImGui::PopStyleColor();
  if (unread) {
    ui::text_wrapped(latest.news);
    if (ui::button(u.s.get("injects.read"))) u.state.injects_read = v.injects_fired.size();
  } else {
    ImGui::SameLine();
    if (ui::button(u.s.get("injects.show"))) u.state.injects_read = v.injects_fired.size() - 1;
  }
  const auto me = session.seat();
  for (std::uint32_t i = 0; i < v.statements.size(); ++i) {
    const Statement& statement = v.statements[i];
    const VoteRecord& vote = statement.vote;
    ImGui::PushID(static_cast<int>(1000 + i));
    if (vote.state == VoteState::open) {
      ui::text_colored(u.palette.warn, u.f("injects.emergency_vote", {statement.text}));
      ui::text_disabled(
          u.f("injects.voted",
              {std::to_string(vote.cast_count), std::to_string(vote.eligible),
               minutes_seconds(std::max<TimeMs>(0, statement.closes_at - session.now()))}));
      if (may_vote && me && *me < vote.ballots.size()) {
        if (vote.ballots[*me]) {
          ImGui::SameLine();
          ui::text(u.f("injects.your_ballot", {ui::ballot_text(u, *vote.ballots[*me])}));
        }
        for (const Ballot b : {Ballot::yes, Ballot::no, Ballot::abstain}) {
          if (vote.ballots[*me] == b) continue;
          ImGui::SameLine();
          ui::command_button(u, ui::ballot_text(u, b), CastBallot{VoteOn::statement, i, b});
        }
      }
    } else if (vote.state == VoteState::closed && i + 1 == v.statements.size()) {
      const bool adopted = vote.outcome == VoteOutcome::adopted;
      ui::text_colored(adopted ? u.palette.good : u.palette.bad,
                       u.f(adopted ? "injects.statement_adopted" : "injects.statement_rejected",
                           {statement.text, std::to_string(vote.yes), std::to_string(vote.no),
                            std::to_string(vote.abstain)}));
    }
    ImGui::PopID();
  }
}

}  // namespace accord::client
