#include "bots/simple_bot.hpp"

#include <algorithm>
#include <vector>

namespace accord::bots {
namespace {

bool family_taken(const Match& view, DraftIndex draft, const std::string& family) {
  return std::any_of(view.clauses.begin(), view.clauses.end(), [&](const Clause& c) {
    return c.draft == draft && c.family == family &&
           (c.status == ClauseStatus::tabled || c.status == ClauseStatus::adopted);
  });
}

bool contains(const std::vector<SeatIndex>& seats, SeatIndex seat) {
  return std::find(seats.begin(), seats.end(), seat) != seats.end();
}

}  // namespace

SimpleBot::SimpleBot(SeatIndex seat, SupportTable support, BotMode mode)
    : seat_(seat), support_(std::move(support)), mode_(mode) {}

std::int32_t SimpleBot::support_for(const Match&, const Clause& clause) const {
  if (clause.ref.empty()) return 0;  // free text: the simple bot does not read it
  const auto it = support_.find(clause.ref);
  return it == support_.end() ? 0 : it->second;
}

bool SimpleBot::red_line(const Match& view, const std::string& ref) const {
  if (seat_ < view.settings.seats.size())
    for (const auto& line : view.settings.seats[seat_].red_lines)
      if (line.ref == ref) return true;
  const auto it = support_.find(ref);
  return it != support_.end() && it->second <= kRedLine;
}

Ballot SimpleBot::ballot_on_clause(const Match& view, const Clause& clause) const {
  if (!clause.ref.empty() && red_line(view, clause.ref)) return Ballot::no;
  const auto support = support_for(view, clause);
  if (mode_ == BotMode::caretaker) return support >= kChampion ? Ballot::yes : Ballot::abstain;
  if (support >= kYes) return Ballot::yes;
  if (support <= kNo) return Ballot::no;
  return Ballot::abstain;
}

// A code is judged as a whole: any red line in it means no; otherwise the sum of the bot's
// support for its clauses decides.
Ballot SimpleBot::ballot_on_draft(const Match& view, DraftIndex draft) const {
  std::vector<ClauseId> adopted;
  for (ClauseId c = 0; c < view.clauses.size(); ++c)
    if (view.clauses[c].draft == draft && view.clauses[c].status == ClauseStatus::adopted)
      adopted.push_back(c);
  return ballot_on_text(view, adopted);
}

// A starting text voted as one package is judged as a code is.
Ballot SimpleBot::ballot_on_package(const Match& view, DraftIndex draft) const {
  return ballot_on_text(view, view.drafts[draft].starting_package);
}

Ballot SimpleBot::ballot_on_text(const Match& view, const std::vector<ClauseId>& clauses) const {
  std::int32_t total = 0;
  for (ClauseId c : clauses) {
    if (c >= view.clauses.size()) continue;
    const auto& clause = view.clauses[c];
    if (!clause.ref.empty() && red_line(view, clause.ref)) return Ballot::no;
    total += support_for(view, clause);
  }
  const std::int32_t needed = mode_ == BotMode::caretaker ? kYes : 1;
  if (total >= needed) return Ballot::yes;
  return total < 0 ? Ballot::no : Ballot::abstain;
}

std::optional<Command> SimpleBot::next_command(const Match& view) const {
  if (seat_ >= view.seats.size()) return std::nullopt;
  // The simple bot makes no deals: it declines every offer made to it.
  for (DealId d = 0; d < view.deals.size(); ++d)
    if (view.deals[d].to == seat_ && view.deals[d].status == DealStatus::offered &&
        !view.deals[d].from_terms.empty() && !view.paused_at &&
        (view.phase == Phase::drafting || view.phase == Phase::clause_voting ||
         view.phase == Phase::final_vote))
      return AnswerDeal{d, false};
  if (view.paused_at) return std::nullopt;
  switch (view.phase) {
    case Phase::drafting:
      return mode_ == BotMode::play ? drafting_move(view) : std::nullopt;
    case Phase::clause_voting:
    case Phase::final_vote:
      return voting_move(view);
    default:
      return std::nullopt;
  }
}

std::optional<Command> SimpleBot::drafting_move(const Match& view) const {
  // 1. Answer amendments to its own clauses: accept what it likes at least as much.
  for (ClauseId c = 0; c < view.clauses.size(); ++c) {
    const auto& clause = view.clauses[c];
    if (clause.sponsor != seat_ || clause.status != ClauseStatus::tabled || clause.hidden) continue;
    for (std::uint32_t a = 0; a < clause.amendments.size(); ++a) {
      const auto& amendment = clause.amendments[a];
      if (amendment.status != AmendmentStatus::pending) continue;
      const auto it = support_.find(amendment.ref);
      const std::int32_t proposed = it == support_.end() ? 0 : it->second;
      const bool accept = !amendment.ref.empty() && !red_line(view, amendment.ref) &&
                          proposed >= support_for(view, clause);
      return AnswerAmendment{c, a, accept};
    }
  }
  // 2. Table the clause it champions most, once per round, in the first open draft.
  const auto tabled_this_round =
      std::count_if(view.clauses.begin(), view.clauses.end(),
                    [&](const Clause& c) { return c.sponsor == seat_ && c.round == view.round; });
  const auto open_draft = std::find_if(view.drafts.begin(), view.drafts.end(), [](const Draft& d) {
    return d.status == DraftStatus::open;
  });
  if (tabled_this_round == 0 && open_draft != view.drafts.end()) {
    const auto draft = static_cast<DraftIndex>(open_draft - view.drafts.begin());
    const ClauseOption* best = nullptr;
    std::int32_t best_support = kChampion - 1;
    for (const auto& option : view.settings.clause_table) {
      const auto it = support_.find(option.ref);
      if (it == support_.end() || it->second <= best_support) continue;
      if (red_line(view, option.ref) || family_taken(view, draft, option.family)) continue;
      best = &option;
      best_support = it->second;
    }
    if (best) return TableClause{draft, best->ref, ""};
  }
  // 3. Co-sponsor a clause it supports.
  for (ClauseId c = 0; c < view.clauses.size(); ++c) {
    const auto& clause = view.clauses[c];
    if (clause.status != ClauseStatus::tabled || clause.hidden || clause.sponsor == seat_ ||
        contains(clause.cosponsors, seat_))
      continue;
    if (support_for(view, clause) >= kYes && !red_line(view, clause.ref)) return Cosponsor{c};
  }
  // 4. Nothing more to do this phase.
  if (!view.seats[seat_].ready) return SetReady{true};
  return std::nullopt;
}

std::optional<Command> SimpleBot::voting_move(const Match& view) const {
  if (view.phase == Phase::clause_voting) {
    for (DraftIndex d = 0; d < view.drafts.size(); ++d) {
      const auto& vote = view.drafts[d].package_vote;
      if (vote.state == VoteState::open && seat_ < vote.ballots.size() && !vote.ballots[seat_])
        return CastBallot{VoteOn::starting_text, d, ballot_on_package(view, d)};
    }
    for (ClauseId c = 0; c < view.clauses.size(); ++c) {
      const auto& vote = view.clauses[c].vote;
      if (vote.state == VoteState::open && seat_ < vote.ballots.size() && !vote.ballots[seat_])
        return CastBallot{VoteOn::clause, c, ballot_on_clause(view, view.clauses[c])};
    }
    return std::nullopt;
  }
  for (DraftIndex d = 0; d < view.drafts.size(); ++d) {
    const auto& draft = view.drafts[d];
    if (draft.final_vote.state != VoteState::open) continue;
    const Ballot ballot = ballot_on_draft(view, d);
    if (draft.objection_deadline) {
      if (ballot == Ballot::no) return ObjectToAdoption{d};
      continue;
    }
    if (seat_ < draft.final_vote.ballots.size() && !draft.final_vote.ballots[seat_])
      return CastBallot{VoteOn::draft, d, ballot};
  }
  return std::nullopt;
}

}  // namespace accord::bots
