// Deals between two seats: offer, answer, withdraw; and at the debrief, who honoured them.
#include "core/deals.hpp"

#include <algorithm>
#include <string>

#include "core/rules_internal.hpp"

namespace accord::detail {
namespace {

constexpr std::size_t kMaxTermsPerSide = 2;
constexpr std::size_t kMaxOfferedPerSeat = 10;

std::string clause_label(ClauseId id) {
  return "clause " + std::to_string(id + 1);
}

std::optional<Decision> require_deal_phase(const Match& m) {
  if (m.phase == Phase::drafting || m.phase == Phase::clause_voting || m.phase == Phase::final_vote)
    return std::nullopt;
  return reject(RejectCode::wrong_phase, "",
                "Deals are made from drafting to the final vote; the conference is in the " +
                    std::string(to_string(m.phase)) + " phase.");
}

std::optional<Decision> deal_gate(const DecideContext& ctx, SeatIndex& seat) {
  if (auto refused = require_deal_phase(ctx.match)) return refused;
  if (auto refused = require_running(ctx.match)) return refused;
  return require_seat(ctx, seat);
}

// Why `promiser` cannot promise `term` now, or nullopt if it can.
std::optional<std::string> term_problem(const Match& m, SeatIndex promiser, const DealTerm& term) {
  switch (term.action) {
    case DealAction::cosponsor_clause: {
      if (term.target >= m.clauses.size()) return "There is no such clause.";
      const auto& clause = m.clauses[term.target];
      if (clause.status != ClauseStatus::tabled)
        return "Clause " + std::to_string(term.target + 1) +
               " is no longer open for co-sponsorship.";
      if (clause.sponsor == promiser)
        return seat_name(m, promiser) + " sponsors " + clause_label(term.target) +
               " and cannot co-sponsor it.";
      return std::nullopt;
    }
    case DealAction::vote_yes_clause: {
      if (term.target >= m.clauses.size()) return "There is no such clause.";
      const auto& clause = m.clauses[term.target];
      if (clause.vote.state == VoteState::closed)
        return "Voting on " + clause_label(term.target) + " has closed.";
      if (clause.status == ClauseStatus::withdrawn)
        return "Clause " + std::to_string(term.target + 1) + " has been withdrawn.";
      return std::nullopt;
    }
    case DealAction::vote_yes_draft: {
      if (term.target >= m.drafts.size()) return "There is no such draft.";
      const auto& draft = m.drafts[term.target];
      if (draft.status != DraftStatus::open || draft.final_vote.state == VoteState::closed)
        return "The draft \"" + draft.title + "\" is no longer before the conference.";
      return std::nullopt;
    }
  }
  return "Unknown kind of promise.";
}

std::optional<Decision> check_terms(const Match& m, SeatIndex promiser,
                                    const std::vector<DealTerm>& terms, const char* field) {
  if (terms.empty() || terms.size() > kMaxTermsPerSide)
    return reject(RejectCode::invalid_terms, field, "Each side promises one or two things.");
  if (terms.size() == 2 && terms[0] == terms[1])
    return reject(RejectCode::invalid_terms, field, "The same promise is listed twice.");
  for (const auto& term : terms)
    if (auto problem = term_problem(m, promiser, term))
      return reject(RejectCode::invalid_terms, field, *problem);
  return std::nullopt;
}

// Whether the vote a term depends on has closed (after which the deal stands as it is).
bool term_vote_closed(const Match& m, const DealTerm& term) {
  if (term.action == DealAction::vote_yes_draft)
    return term.target < m.drafts.size() &&
           m.drafts[term.target].final_vote.state == VoteState::closed;
  return term.target < m.clauses.size() && m.clauses[term.target].vote.state == VoteState::closed;
}

bool any_vote_closed(const Match& m, const Deal& deal) {
  const auto closed = [&](const DealTerm& t) { return term_vote_closed(m, t); };
  return std::any_of(deal.from_terms.begin(), deal.from_terms.end(), closed) ||
         std::any_of(deal.to_terms.begin(), deal.to_terms.end(), closed);
}

Deal* find_deal(Match& m, DealId id) {
  return id < m.deals.size() ? &m.deals[id] : nullptr;
}

}  // namespace

template <>
Decision decide_command(const DecideContext& ctx, const OfferDeal& cmd) {
  const auto& m = ctx.match;
  SeatIndex seat = 0;
  if (auto refused = deal_gate(ctx, seat)) return *refused;
  if (cmd.to >= m.seats.size())
    return reject(RejectCode::no_such_seat, "to",
                  "There is no seat " + std::to_string(cmd.to) + " in this match.");
  if (cmd.to == seat)
    return reject(RejectCode::not_allowed, "to", "A deal is made with another delegation.");
  if (!seat_occupied(m, cmd.to))
    return reject(RejectCode::not_allowed, "to",
                  "Nobody holds the seat of " + seat_name(m, cmd.to) + " to answer a deal.");
  if (auto refused = check_terms(m, seat, cmd.give, "give")) return *refused;
  if (auto refused = check_terms(m, cmd.to, cmd.get, "get")) return *refused;
  const auto offered = std::count_if(m.deals.begin(), m.deals.end(), [&](const Deal& d) {
    return d.from == seat && d.status == DealStatus::offered && !d.from_terms.empty();
  });
  if (static_cast<std::size_t>(offered) >= kMaxOfferedPerSeat)
    return reject(RejectCode::limit_reached, "",
                  "Your delegation has " + std::to_string(kMaxOfferedPerSeat) +
                      " deals waiting for an answer: withdraw one first.");
  return Decision::accept(
      {DealOffered{Deal{seat, cmd.to, cmd.give, cmd.get, DealStatus::offered, {}, ctx.now}}});
}

template <>
Decision decide_command(const DecideContext& ctx, const AnswerDeal& cmd) {
  const auto& m = ctx.match;
  SeatIndex seat = 0;
  if (auto refused = deal_gate(ctx, seat)) return *refused;
  if (cmd.deal >= m.deals.size())
    return reject(RejectCode::no_such_deal, "deal", "There is no such deal.");
  const auto& deal = m.deals[cmd.deal];
  if (deal.to != seat || deal.from_terms.empty())
    return reject(RejectCode::not_allowed, "deal",
                  "Only the delegation the deal was offered to can answer it.");
  if (deal.status != DealStatus::offered)
    return reject(
        RejectCode::not_pending, "deal",
        "That deal is no longer open (it is " + std::string(to_string(deal.status)) + ").");
  if (cmd.accept && any_vote_closed(m, deal))
    return reject(RejectCode::vote_closed, "deal",
                  "A vote this deal depends on has closed: it can only be declined.");
  return Decision::accept({DealAnswered{cmd.deal, cmd.accept}});
}

template <>
Decision decide_command(const DecideContext& ctx, const WithdrawDeal& cmd) {
  const auto& m = ctx.match;
  SeatIndex seat = 0;
  if (auto refused = deal_gate(ctx, seat)) return *refused;
  if (cmd.deal >= m.deals.size())
    return reject(RejectCode::no_such_deal, "deal", "There is no such deal.");
  const auto& deal = m.deals[cmd.deal];
  if ((deal.from != seat && deal.to != seat) || deal.from_terms.empty())
    return reject(RejectCode::not_allowed, "deal", "Only the two sides of a deal can withdraw it.");
  if (deal.status != DealStatus::offered && deal.status != DealStatus::accepted)
    return reject(RejectCode::not_pending, "deal",
                  "That deal is already " + std::string(to_string(deal.status)) + ".");
  if (any_vote_closed(m, deal))
    return reject(RejectCode::vote_closed, "deal",
                  "A vote this deal depends on has closed: the deal stands.");
  return Decision::accept({DealWithdrawn{cmd.deal, seat}});
}

template <>
void apply_event(Match& match, const DealOffered& e) {
  match.deals.push_back(e.deal);
}

template <>
void apply_event(Match& match, const DealAnswered& e) {
  if (Deal* deal = find_deal(match, e.deal))
    deal->status = e.accepted ? DealStatus::accepted : DealStatus::declined;
}

template <>
void apply_event(Match& match, const DealWithdrawn& e) {
  Deal* deal = find_deal(match, e.deal);
  if (!deal) return;
  deal->status = DealStatus::withdrawn;
  deal->withdrawn_by = e.by;
}

}  // namespace accord::detail

namespace accord {

std::optional<std::string> deal_term_problem(const Match& match, SeatIndex promiser,
                                             const DealTerm& term) {
  return detail::term_problem(match, promiser, term);
}

namespace {

using detail::clause_label;
using detail::seat_name;

TermReport outcome(const DealTerm& term, TermOutcome o, std::string explanation) {
  if (!explanation.empty() && explanation[0] >= 'a' && explanation[0] <= 'z')
    explanation[0] = static_cast<char>(explanation[0] - 'a' + 'A');  // a sentence for the debrief
  return TermReport{term, o, std::move(explanation)};
}

// A roll-call ballot against a "vote yes" promise.
TermReport judge_ballot(const DealTerm& term, const std::string& who, const std::string& what,
                        const VoteRecord& vote, SeatIndex seat) {
  const auto ballot = seat < vote.ballots.size() ? vote.ballots[seat] : std::nullopt;
  if (ballot == Ballot::yes)
    return outcome(term, TermOutcome::kept, who + " voted yes on " + what + ", as promised.");
  if (!ballot)
    return outcome(term, TermOutcome::broken,
                   who + " did not vote on " + what + " after promising to vote yes.");
  const std::string did = *ballot == Ballot::no ? "voted no on " : "abstained on ";
  return outcome(term, TermOutcome::broken, who + " " + did + what + " despite promising yes.");
}

TermReport clause_term(const Match& m, SeatIndex seat, const DealTerm& term) {
  const std::string who = seat_name(m, seat);
  if (term.target >= m.clauses.size())
    return outcome(term, TermOutcome::voided, "The clause promised does not exist.");
  const auto& clause = m.clauses[term.target];
  const std::string what = clause_label(term.target);
  const bool cosponsor = term.action == DealAction::cosponsor_clause;
  if (clause.vote.state == VoteState::closed) {
    if (cosponsor)
      return detail::contains(clause.cosponsors, seat)
                 ? outcome(term, TermOutcome::kept,
                           who + " co-sponsored " + what + " when it was put to the vote.")
                 : outcome(term, TermOutcome::broken,
                           who + " did not co-sponsor " + what + " by the time of its vote.");
    if (m.settings.rules.ballot == BallotKind::secret)
      return outcome(
          term, TermOutcome::unverifiable,
          "The vote on " + what + " was secret: " + who + "'s ballot cannot be checked.");
    return judge_ballot(term, who, what, clause.vote, seat);
  }
  if (clause.status == ClauseStatus::withdrawn) {
    if (clause.sponsor == seat)
      return outcome(term, TermOutcome::broken,
                     who + " withdrew " + what + " itself, so it never kept its promise.");
    return outcome(
        term, TermOutcome::voided,
        seat_name(m, clause.sponsor) + " withdrew " + what + ", so the promise fell away.");
  }
  if (clause.hidden)
    return outcome(term, TermOutcome::voided,
                   what + " was hidden by moderation, so the promise fell away.");
  if (m.phase == Phase::debrief)
    return outcome(term, TermOutcome::voided, what + " never came to a vote.");
  return outcome(term, TermOutcome::pending, "The vote on " + what + " has not closed yet.");
}

TermReport draft_term(const Match& m, SeatIndex seat, const DealTerm& term) {
  const std::string who = seat_name(m, seat);
  if (term.target >= m.drafts.size())
    return outcome(term, TermOutcome::voided, "The draft promised does not exist.");
  const auto& draft = m.drafts[term.target];
  const std::string what = "the draft \"" + draft.title + "\"";
  const auto& vote = draft.final_vote;
  if (vote.without_vote && draft.status == DraftStatus::adopted)
    return outcome(term, TermOutcome::kept,
                   what + " was adopted without a vote, with " + who + " in favour.");
  if (vote.state == VoteState::closed) {
    if (m.settings.rules.ballot == BallotKind::secret)
      return outcome(
          term, TermOutcome::unverifiable,
          "The final vote on " + what + " was secret: " + who + "'s ballot cannot be checked.");
    return judge_ballot(term, who, what, vote, seat);
  }
  if (draft.status == DraftStatus::not_put)
    return outcome(term, TermOutcome::voided,
                   what + " had no adopted clause and was not put to a vote.");
  if (m.phase == Phase::debrief)
    return outcome(term, TermOutcome::voided, what + " never came to a vote.");
  return outcome(term, TermOutcome::pending, "The final vote on " + what + " has not closed yet.");
}

SideReport side_report(const Match& m, SeatIndex seat, const std::vector<DealTerm>& terms) {
  SideReport side;
  side.seat = seat;
  bool broken = false;
  bool unknown = false;
  for (const auto& term : terms) {
    side.terms.push_back(term_outcome(m, seat, term));
    const auto o = side.terms.back().outcome;
    broken |= o == TermOutcome::broken;
    unknown |= o == TermOutcome::unverifiable || o == TermOutcome::pending;
  }
  side.honoured = broken ? Honoured::no : unknown ? Honoured::unknown : Honoured::yes;
  return side;
}

}  // namespace

TermReport term_outcome(const Match& match, SeatIndex seat, const DealTerm& term) {
  if (term.action == DealAction::vote_yes_draft) return draft_term(match, seat, term);
  return clause_term(match, seat, term);
}

std::vector<DealReport> deal_outcomes(const Match& match) {
  std::vector<DealReport> reports;
  for (DealId id = 0; id < match.deals.size(); ++id) {
    const auto& deal = match.deals[id];
    if (deal.status != DealStatus::accepted) continue;
    reports.push_back(DealReport{id, side_report(match, deal.from, deal.from_terms),
                                 side_report(match, deal.to, deal.to_terms)});
  }
  return reports;
}

}  // namespace accord
