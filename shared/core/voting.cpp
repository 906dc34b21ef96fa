// Voting: ballots on clauses and drafts, the decision rules (simple majority, two thirds,
// consensus) with an optional quorum, roll-call and secret ballots, and adoption without a vote.
#include <algorithm>

#include "core/rules_internal.hpp"
#include "core/vote_outcome.hpp"

namespace accord::detail {
namespace {

std::string clause_label(ClauseId id) {
  return "clause " + std::to_string(id + 1);
}

bool clause_has_adopted(const Match& m, DraftIndex d) {
  return std::any_of(m.clauses.begin(), m.clauses.end(), [&](const Clause& c) {
    return c.draft == d && c.status == ClauseStatus::adopted;
  });
}

VoteRecord* vote_of(Match& m, VoteOn on, std::uint32_t target) {
  if (on == VoteOn::clause) return target < m.clauses.size() ? &m.clauses[target].vote : nullptr;
  if (on == VoteOn::statement)
    return target < m.statements.size() ? &m.statements[target].vote : nullptr;
  if (target >= m.drafts.size()) return nullptr;
  return on == VoteOn::draft ? &m.drafts[target].final_vote : &m.drafts[target].package_vote;
}

// A starting clause goes into its draft's package unless a seat has changed it: an amended
// text is a new question, voted on its own.
bool packageable(const Clause& c) {
  return c.round == 0 && c.version == 0 && c.status == ClauseStatus::tabled && !c.hidden &&
         c.vote.state == VoteState::open && c.vote.cast_count == 0;
}

VoteRecord opened_vote(const Match& m) {
  VoteRecord vote;
  vote.state = VoteState::open;
  vote.ballots.assign(m.seats.size(), std::nullopt);
  vote.eligible = static_cast<std::uint32_t>(occupied_seats(m).size());
  return vote;
}

}  // namespace

VoteResult tally(const Match& match, const VoteRecord& vote, VoteOn on, std::uint32_t target) {
  const auto& rules = match.settings.rules;
  VoteResult result;
  result.on = on;
  result.target = target;
  for (const auto& ballot : vote.ballots) {
    if (!ballot) continue;
    if (*ballot == Ballot::yes) ++result.yes;
    if (*ballot == Ballot::no) ++result.no;
    if (*ballot == Ballot::abstain) ++result.abstain;
  }
  const auto occupied = occupied_seats(match);
  for (SeatIndex s : occupied)
    if (s >= vote.ballots.size() || !vote.ballots[s]) ++result.not_voting;

  result.outcome = vote_outcome(rules, result.yes, result.no, result.abstain,
                                static_cast<std::uint32_t>(occupied.size()));
  if (rules.ballot == BallotKind::roll_call) result.ballots = vote.ballots;
  return result;
}

}  // namespace accord::detail

namespace accord {

VoteOutcome vote_outcome(const RoomRules& rules, std::uint32_t yes, std::uint32_t no,
                         std::uint32_t abstain, std::uint32_t eligible) {
  const std::uint64_t cast = std::uint64_t{yes} + no + abstain;
  if (rules.quorum_permille > 0 && cast * 1000 < std::uint64_t{rules.quorum_permille} * eligible)
    return VoteOutcome::no_quorum;
  bool passes = false;
  switch (rules.decision_rule) {
    case DecisionRule::simple_majority:  // abstentions and absent seats do not count
      passes = yes > no;
      break;
    case DecisionRule::two_thirds:
      passes = yes >= 1 && 3 * std::uint64_t{yes} >= 2 * (std::uint64_t{yes} + no);
      break;
    case DecisionRule::consensus:  // one "no" among the occupied seats blocks
      passes = yes >= 1 && no == 0;
      break;
  }
  return passes ? VoteOutcome::adopted : VoteOutcome::rejected;
}

}  // namespace accord

namespace accord::detail {

std::vector<VoteResult> close_open_votes(const Match& match) {
  std::vector<VoteResult> results;
  if (match.phase == Phase::clause_voting) {
    for (DraftIndex d = 0; d < match.drafts.size(); ++d)
      if (match.drafts[d].package_vote.state == VoteState::open)
        results.push_back(tally(match, match.drafts[d].package_vote, VoteOn::starting_text, d));
    for (ClauseId c = 0; c < match.clauses.size(); ++c)
      if (match.clauses[c].vote.state == VoteState::open)
        results.push_back(tally(match, match.clauses[c].vote, VoteOn::clause, c));
  } else if (match.phase == Phase::final_vote) {
    for (DraftIndex d = 0; d < match.drafts.size(); ++d)
      if (match.drafts[d].final_vote.state == VoteState::open)
        results.push_back(tally(match, match.drafts[d].final_vote, VoteOn::draft, d));
  }
  return results;
}

void open_votes_for_phase(Match& match, Phase entering) {
  if (entering == Phase::clause_voting) {
    for (auto& clause : match.clauses)
      if (clause.status == ClauseStatus::tabled && !clause.hidden &&
          clause.vote.state == VoteState::not_open)
        clause.vote = opened_vote(match);
  } else if (entering == Phase::final_vote) {
    for (DraftIndex d = 0; d < match.drafts.size(); ++d) {
      auto& draft = match.drafts[d];
      if (draft.status != DraftStatus::open) continue;
      if (clause_has_adopted(match, d))
        draft.final_vote = opened_vote(match);
      else
        draft.status = DraftStatus::not_put;
    }
  }
}

std::vector<Event> package_starting_texts(const Match& match) {
  std::vector<Event> events;
  if (!match.settings.rules.starting_text_as_package || match.phase != Phase::clause_voting)
    return events;
  for (DraftIndex d = 0; d < match.drafts.size(); ++d) {
    StartingTextPackaged packaged{d, {}};
    for (ClauseId c = 0; c < match.clauses.size(); ++c)
      if (match.clauses[c].draft == d && packageable(match.clauses[c]))
        packaged.clauses.push_back(c);
    // A package of one is just that clause's own vote.
    if (packaged.clauses.size() >= 2) events.push_back(std::move(packaged));
  }
  return events;
}

template <>
Decision decide_command(const DecideContext& ctx, const CastBallot& cmd) {
  const auto& m = ctx.match;
  SeatIndex seat = 0;
  if (auto refused = require_voter(ctx, seat)) return *refused;
  if (auto refused = require_running(m)) return *refused;
  const VoteRecord* vote = nullptr;
  std::string label;
  if (cmd.on == VoteOn::clause) {
    if (cmd.target >= m.clauses.size())
      return reject(RejectCode::no_such_clause, "target", "There is no such clause.");
    vote = &m.clauses[cmd.target].vote;
    label = clause_label(cmd.target);
    if (vote->state == VoteState::not_open && package_of(m, cmd.target))
      return reject(RejectCode::not_allowed, "target",
                    "Clause " + std::to_string(cmd.target + 1) +
                        " is voted on with its draft's starting text: vote on the package.");
  } else if (cmd.on == VoteOn::statement) {
    if (cmd.target >= m.statements.size())
      return reject(RejectCode::not_allowed, "target", "There is no such emergency statement.");
    vote = &m.statements[cmd.target].vote;
    label = "the emergency statement";
  } else if (cmd.on == VoteOn::starting_text) {
    if (cmd.target >= m.drafts.size())
      return reject(RejectCode::no_such_draft, "target", "There is no such draft.");
    vote = &m.drafts[cmd.target].package_vote;
    label = "the starting text of \"" + m.drafts[cmd.target].title + "\"";
  } else {
    if (cmd.target >= m.drafts.size())
      return reject(RejectCode::no_such_draft, "target", "There is no such draft.");
    vote = &m.drafts[cmd.target].final_vote;
    label = "the draft \"" + m.drafts[cmd.target].title + "\"";
    if (m.drafts[cmd.target].objection_deadline)
      return reject(RejectCode::adoption_pending, "target",
                    "Adoption of " + label +
                        " without a vote is proposed: object to it if you want a recorded vote.");
  }
  if (vote->state == VoteState::closed)
    return reject(RejectCode::vote_closed, "target", "Voting on " + label + " has closed.");
  if (vote->state != VoteState::open)
    return reject(RejectCode::vote_closed, "target", "Voting on " + label + " is not open.");
  if (seat < vote->ballots.size() && vote->ballots[seat] == cmd.ballot)
    return reject(RejectCode::already_done, "ballot",
                  "Your delegation has already voted " + std::string(to_string(cmd.ballot)) +
                      " on " + label + ".");
  const bool first_ballot = seat >= vote->ballots.size() || !vote->ballots[seat];
  const std::uint32_t cast_count = vote->cast_count + (first_ballot ? 1u : 0u);
  if (cmd.on == VoteOn::statement) {
    // An emergency vote closes as soon as every occupied seat has voted; it never ends a phase.
    std::vector<Event> events{BallotCast{cmd.on, cmd.target, seat, cmd.ballot, cast_count}};
    const auto& ballots = vote->ballots;
    const auto seats = occupied_seats(m);
    // The match is copied (to tally it with this ballot) only when the vote closes.
    if (std::all_of(seats.begin(), seats.end(),
                    [&](SeatIndex s) { return s == seat || (s < ballots.size() && ballots[s]); })) {
      Match after = m;
      accord::apply(after, events.front());
      events.push_back(VotesClosed{
          {tally(after, after.statements[cmd.target].vote, VoteOn::statement, cmd.target)}});
    }
    return Decision::accept(std::move(events));
  }
  return Decision::accept(
      with_early_end(m, {BallotCast{cmd.on, cmd.target, seat, cmd.ballot, cast_count}}, ctx.now));
}

template <>
Decision decide_command(const DecideContext& ctx, const ProposeAdoptionWithoutVote& cmd) {
  const auto& m = ctx.match;
  if (auto refused = require_phase(m, Phase::final_vote, "Adoption without a vote"))
    return *refused;
  if (auto refused = require_running(m)) return *refused;
  if (cmd.draft >= m.drafts.size())
    return reject(RejectCode::no_such_draft, "draft", "There is no such draft.");
  const auto& draft = m.drafts[cmd.draft];
  if (draft.final_vote.state != VoteState::open)
    return reject(RejectCode::vote_closed, "draft",
                  "The draft \"" + draft.title + "\" is not before the conference.");
  if (draft.objection_deadline)
    return reject(RejectCode::already_done, "draft",
                  "Adoption without a vote is already proposed.");
  if (draft.final_vote.cast_count > 0)
    return reject(RejectCode::not_allowed, "draft",
                  "Ballots have been cast on this draft: the recorded vote goes on.");
  return Decision::accept(
      {AdoptionProposed{cmd.draft, ctx.now + m.settings.rules.adoption_window_ms}});
}

template <>
Decision decide_command(const DecideContext& ctx, const ObjectToAdoption& cmd) {
  const auto& m = ctx.match;
  SeatIndex seat = 0;
  if (auto refused = require_voter(ctx, seat)) return *refused;
  // Objecting is a game action: it waits while paused, as the objection window does.
  if (auto refused = require_running(m)) return *refused;
  if (cmd.draft >= m.drafts.size())
    return reject(RejectCode::no_such_draft, "draft", "There is no such draft.");
  if (!m.drafts[cmd.draft].objection_deadline)
    return reject(RejectCode::not_pending, "draft",
                  "Nobody has proposed adopting this draft without a vote.");
  return Decision::accept({AdoptionObjected{cmd.draft, seat}});
}

template <>
void apply_event(Match& match, const BallotCast& e) {
  VoteRecord* vote = vote_of(match, e.on, e.target);
  if (!vote) return;
  if (e.seat && e.ballot && *e.seat < vote->ballots.size()) vote->ballots[*e.seat] = e.ballot;
  vote->cast_count = e.cast_count;
}

template <>
void apply_event(Match& match, const VotesClosed& e) {
  for (const auto& r : e.results) {
    VoteRecord* vote = vote_of(match, r.on, r.target);
    if (!vote) continue;
    vote->state = VoteState::closed;
    vote->yes = r.yes;
    vote->no = r.no;
    vote->abstain = r.abstain;
    vote->not_voting = r.not_voting;
    vote->outcome = r.outcome;
    if (!r.ballots.empty()) vote->ballots = r.ballots;
    const bool adopted = r.outcome == VoteOutcome::adopted;
    if (r.on == VoteOn::statement) continue;  // its record is all there is to it
    if (r.on == VoteOn::clause) {
      match.clauses[r.target].status = adopted ? ClauseStatus::adopted : ClauseStatus::rejected;
    } else if (r.on == VoteOn::draft) {
      match.drafts[r.target].status = adopted ? DraftStatus::adopted : DraftStatus::failed;
    } else {
      // Each clause of the package carries the package's record, so the debrief, deals and
      // scoring read its ballots as they read any clause's.
      for (ClauseId c : match.drafts[r.target].starting_package) {
        if (c >= match.clauses.size()) continue;
        match.clauses[c].vote = *vote;
        match.clauses[c].status = adopted ? ClauseStatus::adopted : ClauseStatus::rejected;
      }
    }
  }
}

template <>
void apply_event(Match& match, const StartingTextPackaged& e) {
  if (e.draft >= match.drafts.size()) return;
  auto& draft = match.drafts[e.draft];
  for (ClauseId c : e.clauses)
    if (c < match.clauses.size() && match.clauses[c].draft == e.draft) {
      match.clauses[c].vote = VoteRecord();  // no ballot of its own: the package's decides
      draft.starting_package.push_back(c);
    }
  if (!draft.starting_package.empty()) draft.package_vote = opened_vote(match);
}

// The final vote's timer never ends before the objection window does.
template <>
void apply_event(Match& match, const AdoptionProposed& e) {
  if (e.draft >= match.drafts.size()) return;
  match.drafts[e.draft].objection_deadline = e.deadline;
  if (match.deadline && *match.deadline < e.deadline) match.deadline = e.deadline;
}

template <>
void apply_event(Match& match, const AdoptionObjected& e) {
  if (e.draft < match.drafts.size()) match.drafts[e.draft].objection_deadline.reset();
}

template <>
void apply_event(Match& match, const AdoptedWithoutVote& e) {
  if (e.draft >= match.drafts.size()) return;
  auto& draft = match.drafts[e.draft];
  draft.objection_deadline.reset();
  draft.status = DraftStatus::adopted;
  auto& vote = draft.final_vote;
  vote.state = VoteState::closed;
  vote.outcome = VoteOutcome::adopted;
  vote.without_vote = true;
  vote.yes = e.in_favour;
  vote.no = vote.abstain = vote.not_voting = 0;
}

}  // namespace accord::detail
