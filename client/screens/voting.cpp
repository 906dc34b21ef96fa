// Voting: a ballot per clause, per starting-text package and per draft, the rule in force, "n of m
// have voted" (secret while open) or every ballot at close (roll-call), adoption without a vote,
// the timer.
#include "ui.hpp"

namespace accord::client {
namespace {

void tally(Ui& u, const Match& v, const VoteRecord& r) {
  if (r.state == VoteState::open) {
    ui::text(u.f("voting.n_of_m", {std::to_string(r.cast_count), std::to_string(r.eligible)}));
    return;
  }
  const std::string outcome = u.s.get("outcome." + std::string(to_string(r.outcome)));
  const auto colour = r.outcome == VoteOutcome::adopted ? u.palette.good : u.palette.bad;
  if (r.without_vote) {
    ui::text_colored(colour, u.f("voting.without_vote", {outcome}));
    return;
  }
  ui::text_colored(colour,
                   u.f("voting.result", {outcome, std::to_string(r.yes), std::to_string(r.no),
                                         std::to_string(r.abstain), std::to_string(r.not_voting)}));
  if (v.settings.rules.ballot != BallotKind::roll_call) return;
  std::string roll;
  for (SeatIndex s = 0; s < r.ballots.size(); ++s) {
    if (!r.ballots[s]) continue;
    if (!roll.empty()) roll += ", ";
    roll += ui::seat_name(v, s) + ": " + ui::ballot_text(u, *r.ballots[s]);
  }
  if (!roll.empty()) ui::text_disabled(roll);
}

// Yes, no, abstain: each button enabled exactly when the rules would take that ballot from
// this client now (head of delegation, clock running, vote open, not the ballot already cast).
void ballot_buttons(Ui& u, const VoteRecord& r, VoteOn on, std::uint32_t target, SeatIndex me) {
  if (r.state != VoteState::open || me >= r.ballots.size()) return;
  const auto mine = r.ballots[me];
  if (mine) {
    ui::text_colored(u.palette.accent, u.f("voting.your_ballot", {ui::ballot_text(u, *mine)}));
    ImGui::SameLine();
  }
  for (const Ballot b : {Ballot::yes, Ballot::no, Ballot::abstain}) {
    ImGui::PushID(static_cast<int>(b));
    ui::command_button(u, ui::ballot_text(u, b), CastBallot{on, target, b});
    ImGui::PopID();
    ImGui::SameLine();
  }
  ImGui::NewLine();
}

// A vote's title line.
void bold_wrapped(Ui& u, const std::string& text) {
  ImGui::PushFont(u.fonts.bold);
  ui::text_wrapped(text);
  ImGui::PopFont();
}

}  // namespace

void draw_vote_tally(Ui& u, const Match& v, const VoteRecord& r) {
  tally(u, v, r);
}

void draw_voting(Ui& u) {
  Session& session = *u.session;
  const Match& v = session.view();
  const SeatIndex me = session.seat().value_or(static_cast<SeatIndex>(v.seats.size()));
  const auto& rules = v.settings.rules;
  const bool head = me < v.seats.size() && v.seats[me].head == session.participant();

  ui::heading(u,
              u.f("voting.rule", {u.s.get("rule." + std::string(to_string(rules.decision_rule))),
                                  u.s.get("ballot_kind." + std::string(to_string(rules.ballot)))}));
  if (rules.quorum_permille > 0)
    ui::text(u.f("voting.quorum", {std::to_string(rules.quorum_permille / 10)}));
  const std::string timer = ui::timer_text(u, v, session.now());
  if (!timer.empty() && (v.phase == Phase::clause_voting || v.phase == Phase::final_vote)) {
    ImGui::PushFont(u.fonts.large);
    ui::text_colored(u.palette.accent, timer);
    ImGui::PopFont();
  }
  if (!head) ui::text_disabled(u.s.get("voting.not_head"));

  ImGui::BeginChild("ballots", ImVec2(0, 0), false);
  bool any = false;
  // Drafts in the final vote first, then clauses (open ones before closed ones).
  for (DraftIndex d = 0; d < v.drafts.size(); ++d) {
    const Draft& draft = v.drafts[d];
    if (draft.final_vote.state == VoteState::not_open) continue;
    any = true;
    ImGui::PushID(static_cast<int>(1000000 + d));
    bold_wrapped(u, u.f("voting.draft", {draft.title}));
    tally(u, v, draft.final_vote);
    if (draft.objection_deadline && draft.final_vote.state == VoteState::open) {
      ui::text_colored(u.palette.warn, u.s.get("voting.adoption_proposed"));
      ui::command_button(u, u.s.get("voting.object"), ObjectToAdoption{d});
    } else {
      ballot_buttons(u, draft.final_vote, VoteOn::draft, d, me);
    }
    ImGui::Separator();
    ImGui::PopID();
  }
  // Each draft's starting text voted as one package, before the clauses voted one by one.
  for (DraftIndex d = 0; d < v.drafts.size(); ++d) {
    const Draft& draft = v.drafts[d];
    if (draft.package_vote.state == VoteState::not_open) continue;
    any = true;
    ImGui::PushID(static_cast<int>(2000000 + d));
    bold_wrapped(
        u, u.f("voting.package", {draft.title, std::to_string(draft.starting_package.size())}));
    std::string refs;
    for (const ClauseId c : draft.starting_package) {
      if (c >= v.clauses.size()) continue;
      if (!refs.empty()) refs += ", ";
      refs += v.clauses[c].ref.empty() ? std::to_string(c + 1) : v.clauses[c].ref;
    }
    ui::text_wrapped(u.f("voting.package_clauses", {refs}));
    tally(u, v, draft.package_vote);
    ballot_buttons(u, draft.package_vote, VoteOn::starting_text, d, me);
    ImGui::Separator();
    ImGui::PopID();
  }
  for (const VoteState wanted : {VoteState::open, VoteState::closed}) {
    for (ClauseId c = 0; c < v.clauses.size(); ++c) {
      const Clause& clause = v.clauses[c];
      if (clause.vote.state != wanted) continue;
      any = true;
      ImGui::PushID(static_cast<int>(c));
      bold_wrapped(u, u.f("voting.clause",
                          {std::to_string(c + 1), clause.ref, ui::clause_title(u, clause)}));
      tally(u, v, clause.vote);
      ballot_buttons(u, clause.vote, VoteOn::clause, c, me);
      ImGui::Separator();
      ImGui::PopID();
    }
  }
  if (!any) ui::text_disabled(u.s.get("voting.nothing"));
  ImGui::EndChild();
}

}  // namespace accord::client
