// From a match's drafts to scoring Drafts and scorecards (see match_scoring.hpp).
#include "scoring/match_scoring.hpp"

#include <algorithm>
#include <map>

#include "core/rules.hpp"
#include "scoring/arithmetic.hpp"

namespace accord::scoring {

namespace {

int as_count(std::uint32_t n) {
  return static_cast<int>(std::min<std::uint32_t>(n, 1'000'000'000u));
}

bool occupied(const Match& m, SeatIndex s) {
  return s < m.seats.size() && (m.seats[s].bot || !delegation_of(m, s).empty());
}

// Every seat without a bloc is a bloc of its own (a key no bloc name can take).
std::string bloc_key(const Match& m, SeatIndex s) {
  if (s < m.settings.seats.size() && !m.settings.seats[s].bloc.empty())
    return "b:" + m.settings.seats[s].bloc;
  return "s:" + std::to_string(s);
}

// The seats whose blocs count: occupied now, or (roll-call) cast a ballot on this vote. If none
// is left at all, every seat of the game.
std::vector<SeatIndex> counted_seats(const Match& m, const accord::VoteRecord& vote,
                                     bool use_ballots) {
  std::vector<SeatIndex> seats;
  for (SeatIndex s = 0; s < m.seats.size(); ++s) {
    const bool voted = use_ballots && s < vote.ballots.size() && vote.ballots[s].has_value();
    if (voted || occupied(m, s)) seats.push_back(s);
  }
  if (seats.empty())
    for (SeatIndex s = 0; s < m.settings.seats.size(); ++s)
      seats.push_back(s);
  return seats;
}

const char* kEstimateNote =
    " Under a secret ballot nobody knows how each bloc voted, so the blocs in favour are "
    "estimated: the yes share times the number of blocs, rounded.";

void explain_estimate(DraftScore& score) {
  if (!score.blocs_estimated || !score.outcome.scorecard) return;
  auto& legitimacy = score.outcome.scorecard->legitimacy;
  if (!legitimacy) return;
  for (auto& term : legitimacy->terms)
    if (term.kind == TermKind::bloc_coverage) term.text += kEstimateNote;
  legitimacy->text += kEstimateNote;
}

DraftScore draft_input(const Match& match, DraftIndex d, std::string_view preset,
                       bool include_tabled) {
  DraftScore out;
  out.draft = d;
  if (d >= match.drafts.size()) return out;
  out.input.title = match.drafts[d].title;
  out.input.preset = std::string(preset);
  for (const ClauseId id : clauses_of(match, d)) {
    const Clause& clause = match.clauses[id];
    if (clause.hidden) continue;
    const bool stands = clause.status == ClauseStatus::adopted ||
                        (include_tabled && clause.status == ClauseStatus::tabled);
    if (!stands) continue;
    out.input.clauses.push_back(scoring_clause(clause));
    out.clauses.push_back(id);
  }
  return out;
}

}  // namespace

std::optional<MatchVote> final_vote_record(const Match& match, DraftIndex d) {
  if (d >= match.drafts.size() || match.drafts[d].status != DraftStatus::adopted)
    return std::nullopt;
  const accord::VoteRecord& vote = match.drafts[d].final_vote;
  const bool roll_call = match.settings.rules.ballot == BallotKind::roll_call;
  MatchVote out;
  VoteRecord& r = out.record;
  const auto seats = counted_seats(match, vote, roll_call && !vote.without_vote);
  std::map<std::string, std::pair<int, int>> blocs;  // key -> (members, yes)
  for (const SeatIndex s : seats) {
    auto& [members, yes] = blocs[bloc_key(match, s)];
    ++members;
    if (s < vote.ballots.size() && vote.ballots[s] == Ballot::yes) ++yes;
  }
  r.blocs_total = static_cast<int>(blocs.size());
  if (vote.without_vote) {
    r.without_vote = true;
    r.occupied_seats = as_count(vote.yes);  // every occupied seat was counted in favour
    r.blocs_in_favour = r.blocs_total;
    return out;
  }
  r.yes = as_count(vote.yes);
  r.no = as_count(vote.no);
  r.abstain = as_count(vote.abstain);
  r.not_voting = as_count(vote.not_voting);
  if (roll_call) {
    for (const auto& [key, count] : blocs)
      if (2 * count.second > count.first) ++r.blocs_in_favour;
  } else {
    // The yes share of legitimacy (abstentions count half) times the blocs, one rounding.
    const std::int64_t y2 = 2 * std::int64_t{r.yes};
    const std::int64_t den = y2 + 2 * std::int64_t{r.no} + r.abstain;
    r.blocs_in_favour =
        den > 0 ? static_cast<int>(div_round(std::int64_t{r.blocs_total} * y2, den)) : 0;
    out.blocs_estimated = true;
  }
  return out;
}

RoomDecision room_decision(const Match& match) {
  int occupied_seats = 0;
  for (SeatIndex s = 0; s < match.seats.size(); ++s)
    occupied_seats += occupied(match, s) ? 1 : 0;
  return {&match.settings.rules, occupied_seats};
}

bool stands_in_adopted_draft(const Match& match, ClauseId id) {
  if (id >= match.clauses.size()) return false;
  const Clause& c = match.clauses[id];
  return c.status == ClauseStatus::adopted && !c.hidden && c.draft < match.drafts.size() &&
         match.drafts[c.draft].status == DraftStatus::adopted;
}

DraftClause scoring_clause(const Clause& clause) {
  if (!clause.ref.empty()) return DraftClause::of_ref(clause.ref);
  DraftClause out = DraftClause::of_text(clause.text);
  const auto& p = clause.facilitator_points;
  if (p.size() == kCriterionCount &&
      std::all_of(p.begin(), p.end(), [](std::int32_t v) { return v >= -3 && v <= 3; })) {
    Points points{};
    for (std::size_t i = 0; i < kCriterionCount; ++i)
      points[i] = p[i];
    out.facilitator_points = points;
  }
  return out;
}

DraftScore adopted_draft_input(const Match& match, DraftIndex d, std::string_view preset) {
  DraftScore out = draft_input(match, d, preset, false);
  if (auto vote = final_vote_record(match, d)) {
    out.input.vote = vote->record;
    out.blocs_estimated = vote->blocs_estimated;
  }
  return out;
}

std::vector<DraftScore> score_adopted_drafts(const ClauseCatalogue& catalogue, const Match& match,
                                             std::string_view preset) {
  std::vector<DraftScore> out;
  for (DraftIndex d = 0; d < match.drafts.size(); ++d) {
    if (match.drafts[d].status != DraftStatus::adopted) continue;
    DraftScore s = adopted_draft_input(match, d, preset);
    s.outcome = score(catalogue, s.input);
    explain_estimate(s);
    out.push_back(std::move(s));
  }
  return out;
}

DraftScore what_if_score(const ClauseCatalogue& catalogue, const Match& match, DraftIndex d,
                         std::string_view preset) {
  DraftScore s = draft_input(match, d, preset, true);
  if (d >= match.drafts.size()) {
    s.outcome.errors.push_back({"/draft", "there is no draft number " + std::to_string(d)});
    return s;
  }
  s.outcome = score(catalogue, s.input);
  return s;
}

MatchRecord::MatchRecord(const Match& match, const ClauseCatalogue& catalogue,
                         std::string_view preset)
    : match_(match),
      catalogue_(catalogue),
      adopted_(score_adopted_drafts(catalogue, match, preset)) {
  for (ClauseId c = 0; c < match.clauses.size(); ++c)
    if (stands_in_adopted_draft(match, c)) adopted_clauses_.push_back(c);
}

std::string MatchRecord::family_of(const Clause& clause) const {
  if (!clause.ref.empty()) {
    const auto family = catalogue_.family_of(clause.ref);
    if (!family.empty()) return std::string(family);
  }
  return clause.family;
}

}  // namespace accord::scoring
