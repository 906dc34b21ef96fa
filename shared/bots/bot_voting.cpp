// The negotiating bot's votes: its ballot on a clause (stance, brief and promises; an easy bot's
// occasional slip), what an outcome is worth to it (objectives, red lines, stance), its ballot
// on a draft in the final vote (or its objection, while a draft's adoption can be objected to),
// and the moves that cast them.
#include <algorithm>

#include "bots/bot_internal.hpp"
#include "content/stance.hpp"
#include "scoring/conditions.hpp"
#include "scoring/seat_score.hpp"

namespace accord::bots {
namespace {

// A ballot one step off: what an easy bot sometimes casts by mistake.
Ballot slip(Ballot ballot, Pcg32& rng) {
  switch (ballot) {
    case Ballot::yes:
    case Ballot::no:
      return Ballot::abstain;
    case Ballot::abstain:
      return rng.below(2) == 0 ? Ballot::yes : Ballot::no;
  }
  return ballot;
}

}  // namespace

Ballot Bot::clause_ballot(const Match& view, ClauseId id) {
  const auto& clause = view.clauses[id];
  const bool easy = options_.difficulty == Difficulty::easy;
  const auto value = brief_.value_of(clause.ref);
  Ballot ballot = Ballot::abstain;
  if (value >= (easy ? kYes : 100))
    ballot = Ballot::yes;
  else if (value <= kNo)
    ballot = Ballot::no;
  if (!easy && promised_yes(view, VoteOn::clause, id) &&
      !breaks_promise(view, VoteOn::clause, id, ballot))
    ballot = Ballot::yes;
  if (easy && chance(12)) ballot = slip(ballot, rng_);
  return ballot;
}

int Bot::outcome_utility(const Match& view, std::optional<DraftIndex> adopted) const {
  Match what_if = view;
  std::uint32_t seats = 0;
  for (SeatIndex s = 0; s < view.seats.size(); ++s)
    seats += occupied(view, s) ? 1u : 0u;
  for (DraftIndex d = 0; d < what_if.drafts.size(); ++d) {
    auto& draft = what_if.drafts[d];
    if (d == adopted) {
      draft.status = DraftStatus::adopted;
      auto& vote = draft.final_vote;
      vote.state = VoteState::closed;
      vote.outcome = VoteOutcome::adopted;
      vote.eligible = seats;
      vote.yes = seats;
      vote.no = vote.abstain = vote.not_voting = 0;
      vote.ballots.assign(view.seats.size(), std::nullopt);
      for (SeatIndex s = 0; s < view.seats.size(); ++s)
        if (occupied(view, s)) vote.ballots[s] = Ballot::yes;
      vote.cast_count = seats;
    } else if (draft.status == DraftStatus::open) {
      draft.status = DraftStatus::failed;
    }
  }
  const scoring::MatchRecord record(what_if, catalogue_);
  // The per-seat score's own rules (seat_score.hpp), on the seat's brief.
  int utility = 0;
  for (const auto& objective : brief_.objectives)
    utility += scoring::objective_points(scoring::evaluate(objective, record, seat_).holds,
                                         adopted.has_value());
  for (const auto& line : brief_.brief_red_lines)
    utility += scoring::red_line_outcome(record, line).line.points;
  for (ClauseId c : record.adopted_clauses()) {
    const auto support = brief_.support.find(what_if.clauses[c].ref);
    if (support != brief_.support.end()) utility += support->second / 25;
    if (what_if.clauses[c].sponsor == seat_ && what_if.clauses[c].round > 0)
      utility += scoring::kOwnClausePoints;
  }
  return utility;
}

Ballot Bot::stance_ballot(const Match& view, const std::vector<ClauseId>& clauses) const {
  std::int32_t total = 0;
  bool veto = false;
  for (ClauseId c : clauses) {
    if (c >= view.clauses.size()) continue;
    const auto& ref = view.clauses[c].ref;
    veto = veto || brief_.is_red_line(ref);
    const auto it = brief_.support.find(ref);
    total += it == brief_.support.end() ? 0 : it->second;
  }
  return veto ? Ballot::no : total > 0 ? Ballot::yes : total < 0 ? Ballot::no : Ballot::abstain;
}

// The starting text is one question: judged as a whole, and a promised yes on one of its
// clauses is kept unless the text holds a red line.
Ballot Bot::package_ballot(const Match& view, DraftIndex draft) {
  const auto& package = view.drafts[draft].starting_package;
  const Ballot ballot = stance_ballot(view, package);
  if (options_.difficulty == Difficulty::easy) return ballot;
  const bool red_line = std::any_of(package.begin(), package.end(), [&](ClauseId c) {
    return c < view.clauses.size() && brief_.is_red_line(view.clauses[c].ref);
  });
  const bool promised = std::any_of(package.begin(), package.end(), [&](ClauseId c) {
    return promised_yes(view, VoteOn::clause, c);
  });
  return promised && !red_line ? Ballot::yes : ballot;
}

Ballot Bot::draft_ballot(const Match& view, DraftIndex draft) {
  if (options_.difficulty == Difficulty::easy) {
    std::vector<ClauseId> adopted;
    for (ClauseId c = 0; c < view.clauses.size(); ++c) {
      const auto& clause = view.clauses[c];
      if (clause.draft == draft && clause.status == ClauseStatus::adopted && !clause.hidden)
        adopted.push_back(c);
    }
    Ballot ballot = stance_ballot(view, adopted);
    if (chance(6)) ballot = slip(ballot, rng_);
    return ballot;
  }
  const int gain = outcome_utility(view, draft) - outcome_utility(view, std::nullopt);
  // Supporting a code that costs it nothing is free and adds to its legitimacy.
  Ballot ballot = gain >= 0 ? Ballot::yes : Ballot::abstain;
  // Under consensus a no blocks the code alone: block only when the code costs real points.
  const int block_below = view.settings.rules.decision_rule == DecisionRule::consensus ? -10 : -1;
  if (gain < block_below) ballot = Ballot::no;
  if (promised_yes(view, VoteOn::draft, draft) &&
      !breaks_promise(view, VoteOn::draft, draft, ballot))
    ballot = Ballot::yes;
  return ballot;
}

Ballot Bot::statement_ballot(const Statement& statement) const {
  auto value = brief_.value_of(statement.ref);
  // A statement may follow a clause this table lacks: the stance and the brief still judge it.
  if (!brief_.value.count(statement.ref)) {
    value = content::support(catalogue_, statement.ref, brief_.stance);
    const auto& p = brief_.priorities;
    if (std::find(p.begin(), p.end(), statement.ref) != p.end()) value += kPriorityBonus;
    if (brief_.is_red_line(statement.ref)) value = kRedLineValue;
  }
  const bool easy = options_.difficulty == Difficulty::easy;
  if (value >= (easy ? kYes : 100)) return Ballot::yes;
  if (value <= kNo) return Ballot::no;
  return Ballot::abstain;
}

std::optional<Command> Bot::statement_move(const Match& view, TimeMs now) {
  for (std::uint32_t i = 0; i < view.statements.size(); ++i) {
    const auto& vote = view.statements[i].vote;
    if (vote.state != VoteState::open || seat_ >= vote.ballots.size() || vote.ballots[seat_])
      continue;
    CastBallot cast{VoteOn::statement, i, statement_ballot(view.statements[i])};
    if (legal(view, cast, now)) return cast;
  }
  return std::nullopt;
}

std::optional<Command> Bot::clause_vote_move(const Match& view, TimeMs now) {
  for (DraftIndex d = 0; d < view.drafts.size(); ++d) {
    const auto& vote = view.drafts[d].package_vote;
    if (vote.state != VoteState::open || seat_ >= vote.ballots.size() || vote.ballots[seat_])
      continue;
    CastBallot cast{VoteOn::starting_text, d, package_ballot(view, d)};
    if (legal(view, cast, now)) return cast;
  }
  for (ClauseId c = 0; c < view.clauses.size(); ++c) {
    const auto& vote = view.clauses[c].vote;
    if (vote.state != VoteState::open || seat_ >= vote.ballots.size() || vote.ballots[seat_])
      continue;
    CastBallot cast{VoteOn::clause, c, clause_ballot(view, c)};
    if (!legal(view, cast, now)) continue;
    if (cast.ballot == Ballot::no && brief_.is_red_line(view.clauses[c].ref))
      say(view, Say::oppose_clause, Reason::red_line, clause_label(view, c));
    return cast;
  }
  return std::nullopt;
}

std::optional<Command> Bot::final_vote_move(const Match& view, TimeMs now) {
  for (DraftIndex d = 0; d < view.drafts.size(); ++d) {
    const auto& draft = view.drafts[d];
    if (draft.final_vote.state != VoteState::open) continue;
    if (draft.objection_deadline) {
      if (draft_ballot(view, d) == Ballot::no) {
        ObjectToAdoption object{d};
        if (legal(view, object, now)) return object;
      }
      continue;
    }
    if (seat_ >= draft.final_vote.ballots.size() || draft.final_vote.ballots[seat_]) continue;
    CastBallot cast{VoteOn::draft, d, draft_ballot(view, d)};
    if (!legal(view, cast, now)) continue;
    if (cast.ballot != Ballot::abstain)
      say(view, cast.ballot == Ballot::yes ? Say::final_yes : Say::final_no,
          cast.ballot == Ballot::yes
              ? (view.settings.rules.decision_rule == DecisionRule::consensus ? Reason::consensus
                                                                              : Reason::objective)
              : Reason::red_line,
          "\"" + draft.title + "\"");
    return cast;
  }
  return std::nullopt;
}

}  // namespace accord::bots
