// The per-seat score and scenario goals (see seat_score.hpp for the formula).
#include "scoring/seat_score.hpp"

#include <algorithm>

#include "core/deals.hpp"

namespace accord::scoring {

namespace {

std::string seat_label(const Match& m, SeatIndex s) {
  return s < m.settings.seats.size() && !m.settings.seats[s].name.empty()
             ? m.settings.seats[s].name
             : "seat " + std::to_string(s + 1);
}

std::string clause_label(const Match& m, ClauseId id) {
  const Clause& c = m.clauses[id];
  return std::to_string(id + 1) + (c.ref.empty() ? " (free text)" : " (#" + c.ref + ")");
}

// "clauses 1 (#38), 3 (#24) and 4 (free text)"
std::string clause_list(const Match& m, const std::vector<ClauseId>& ids) {
  std::string out = ids.size() == 1 ? "clause " : "clauses ";
  for (std::size_t i = 0; i < ids.size(); ++i)
    out += (i == 0 ? "" : i + 1 == ids.size() ? " and " : ", ") + clause_label(m, ids[i]);
  return out;
}

std::string signed_points(int p) {
  return (p > 0 ? "+" : "") + std::to_string(p) + (p == 1 || p == -1 ? " point" : " points");
}

// "2 x 4 = +8 points"
std::string product(int n, int each) {
  return std::to_string(n) + " x " + std::to_string(each) + " = " + signed_points(n * each);
}

bool cosponsored(const Clause& c, SeatIndex seat) {
  return std::find(c.cosponsors.begin(), c.cosponsors.end(), seat) != c.cosponsors.end();
}

bool sponsors_draft(const Match& m, DraftIndex d, SeatIndex seat) {
  const auto& sponsors = m.drafts[d].sponsors;
  return std::find(sponsors.begin(), sponsors.end(), seat) != sponsors.end();
}

// The seat whose amendment gave the clause its final wording, if another seat's.
std::optional<SeatIndex> final_amender(const Clause& c) {
  for (auto it = c.amendments.rbegin(); it != c.amendments.rend(); ++it)
    if (it->status == AmendmentStatus::accepted)
      return it->proposer == c.sponsor ? std::nullopt : std::optional<SeatIndex>(it->proposer);
  return std::nullopt;
}

void score_objectives(const MatchRecord& r, SeatIndex seat, SeatScore& out) {
  const Match& m = r.match();
  if (seat >= m.settings.seats.size()) return;
  const bool code_adopted = !r.adopted_drafts().empty();
  const int achieved_points = objective_points(true, code_adopted);
  for (const ObjectiveSetup& objective : m.settings.seats[seat].objectives) {
    ObjectiveOutcome o;
    o.text = objective.text;
    o.condition = objective.condition;
    const auto parsed = parse_condition(objective.condition, r.catalogue());
    if (!parsed) {
      o.valid = false;
      o.line = {0, "This objective cannot be checked: its condition is faulty (" +
                       parsed.error->describe() + "), so it scores nothing."};
    } else {
      const ConditionResult result = evaluate(*parsed.condition, r, seat);
      o.achieved = result.holds;
      if (!result.holds)
        o.line = {0, "Not achieved (0 points): " + result.explanation};
      else if (code_adopted)
        o.line = {achieved_points,
                  "Achieved (" + signed_points(achieved_points) + "): " + result.explanation};
      else
        o.line = {achieved_points, "Achieved, but no code was adopted, so it counts half (" +
                                       signed_points(achieved_points) + "): " + result.explanation};
    }
    out.objectives_points += o.line.points;
    out.objectives.push_back(std::move(o));
  }
}

// A red line is at stake once a clause of its family has been tabled (in any wording: #38q puts
// the #38 question on the table) and has not been hidden by moderation.
bool tabled_in_match(const Match& m, const std::string& family) {
  return std::any_of(m.clauses.begin(), m.clauses.end(),
                     [&](const Clause& c) { return !c.hidden && c.family == family; });
}

void score_red_lines(const MatchRecord& r, SeatIndex seat, SeatScore& out) {
  const Match& m = r.match();
  if (seat >= m.settings.seats.size()) return;
  for (const RedLine& red : m.settings.seats[seat].red_lines) {
    RedLineOutcome o = red_line_outcome(r, red);
    out.red_lines_points += o.line.points;
    out.red_lines.push_back(std::move(o));
  }
}

// The scenario's starting text is nobody's work in this match: its sponsors share a fixed credit
// in proportion to how much of it was adopted, instead of 4 points a clause to the first sponsor.
void score_starting_text(const MatchRecord& r, SeatIndex seat, SeatScore& out) {
  const Match& m = r.match();
  for (DraftIndex d = 0; d < m.drafts.size(); ++d) {
    if (!sponsors_draft(m, d, seat)) continue;
    const auto& sponsors = m.drafts[d].sponsors;
    int starting = 0;
    for (const Clause& c : m.clauses)
      starting += c.draft == d && c.round == 0 ? 1 : 0;
    if (starting == 0) continue;
    int adopted = 0;
    for (const ClauseId id : r.adopted_clauses())
      adopted += m.clauses[id].draft == d && m.clauses[id].round == 0 ? 1 : 0;
    // round(12 x adopted / (starting x sponsors)), halves up, in integers.
    const int denominator = starting * static_cast<int>(sponsors.size());
    const int points = (2 * kStartingTextPoints * adopted + denominator) / (2 * denominator);
    out.starting_text_points += points;
    out.influence.push_back(
        {points, "The starting text of \"" + m.drafts[d].title + "\": " + std::to_string(adopted) +
                     " of its " + std::to_string(starting) + " clauses adopted; " +
                     std::to_string(kStartingTextPoints) + " points shared by its " +
                     std::to_string(sponsors.size()) +
                     (sponsors.size() == 1 ? " sponsor" : " sponsors") + ": " +
                     signed_points(points) + "."});
  }
}

void score_influence(const MatchRecord& r, SeatIndex seat, SeatScore& out) {
  const Match& m = r.match();
  std::vector<ClauseId> own, amended, backed;
  for (const ClauseId id : r.adopted_clauses()) {
    const Clause& c = m.clauses[id];
    if (c.sponsor == seat && c.round > 0) own.push_back(id);
    if (final_amender(c) == seat) amended.push_back(id);
    // Backing the starting text of one's own draft is already in the starting-text share.
    const bool own_starting_text = c.round == 0 && sponsors_draft(m, c.draft, seat);
    if (c.sponsor != seat && cosponsored(c, seat) && !own_starting_text) backed.push_back(id);
  }
  out.own_clauses = static_cast<int>(own.size());
  out.own_amendments = static_cast<int>(amended.size());
  out.cosponsorships = static_cast<int>(backed.size());
  const std::string who = seat_label(m, seat);
  if (!own.empty())
    out.influence.push_back({out.own_clauses * kOwnClausePoints,
                             who + " sponsored " + clause_list(m, own) +
                                 ", adopted: " + product(out.own_clauses, kOwnClausePoints) + "."});
  if (!amended.empty())
    out.influence.push_back({out.own_amendments * kOwnAmendmentPoints,
                             clause_list(m, amended) + (amended.size() == 1 ? " was" : " were") +
                                 " adopted in the wording of " + who + "'s amendment: " +
                                 product(out.own_amendments, kOwnAmendmentPoints) + "."});
  if (!backed.empty()) {
    // Backing a clause costs one click: past a few, it would outweigh tabling and amending.
    const int counted = std::min(out.cosponsorships, kMaxCountedCosponsorships);
    out.influence.push_back(
        {counted * kCosponsorshipPoints,
         who + " co-sponsored " + clause_list(m, backed) + ", adopted: " +
             (counted < out.cosponsorships ? "the first " + std::to_string(counted) + " count, " +
                                                 product(counted, kCosponsorshipPoints)
                                           : product(counted, kCosponsorshipPoints)) +
             "."});
  }
  score_starting_text(r, seat, out);
  if (out.influence.empty())
    out.influence.push_back(
        {0, who + " sponsored, amended or co-sponsored no clause that was adopted: 0 points."});
  for (const auto& line : out.influence)
    out.influence_points += line.points;
}

void score_deals(const MatchRecord& r, SeatIndex seat, SeatScore& out) {
  const Match& m = r.match();
  for (const DealReport& report : deal_outcomes(m)) {
    for (const SideReport* side : {&report.from, &report.to}) {
      if (side->seat != seat) continue;
      const SeatIndex other = side == &report.from ? report.to.seat : report.from.seat;
      const std::string deal =
          "Deal " + std::to_string(report.deal + 1) + " with " + seat_label(m, other);
      std::string facts;
      for (const auto& term : side->terms)
        facts += (facts.empty() ? "" : " ") + term.explanation;
      const bool kept_one =
          std::any_of(side->terms.begin(), side->terms.end(),
                      [](const TermReport& t) { return t.outcome == TermOutcome::kept; });
      ScoreLine line;
      if (side->honoured == Honoured::no) {
        ++out.deals_broken;
        line = {kDealBrokenPoints,
                deal + ": broken (" + signed_points(kDealBrokenPoints) + "). " + facts};
      } else if (side->honoured == Honoured::yes && kept_one) {
        ++out.deals_honoured;
        line = {kDealHonouredPoints,
                deal + ": honoured (" + signed_points(kDealHonouredPoints) + "). " + facts};
      } else {
        line = {0, deal + ": cannot be checked (0 points). " + facts};
      }
      out.deals_points += line.points;
      out.deals.push_back(std::move(line));
    }
  }
}

}  // namespace

RedLineOutcome red_line_outcome(const MatchRecord& r, const RedLine& red) {
  const Match& m = r.match();
  const bool code_adopted = !r.adopted_drafts().empty();
  RedLineOutcome o;
  o.ref = red.ref;
  o.lifted_by = red.lifted_by;
  std::optional<ClauseId> crossed;
  std::optional<ClauseId> lifted;
  for (const ClauseId id : r.adopted_clauses()) {
    if (m.clauses[id].ref == red.ref && !crossed) crossed = id;
    if (!red.lifted_by.empty() && m.clauses[id].ref == red.lifted_by && !lifted) lifted = id;
  }
  o.kept_out = !crossed;
  const std::string_view family = r.catalogue().family_of(red.ref);
  o.at_stake = code_adopted && tabled_in_match(m, family.empty() ? red.ref : std::string(family));
  if (!code_adopted) {
    o.line = {0, "Red line #" + red.ref +
                     ": no code was adopted, so it was neither kept out nor crossed (0 points)."};
  } else if (!o.at_stake) {
    o.line = {0, "Red line #" + red.ref +
                     " was never at stake: no clause of its family was tabled (0 points)."};
  } else if (crossed) {
    o.line = {kRedLineCrossedPoints, "Red line crossed (" + signed_points(kRedLineCrossedPoints) +
                                         "): #" + red.ref + " stands in the adopted draft \"" +
                                         m.drafts[m.clauses[*crossed].draft].title + "\" as " +
                                         clause_list(m, {*crossed}) + "."};
  } else {
    o.line = {kRedLineKeptPoints,
              "Red line kept (" + signed_points(kRedLineKeptPoints) + "): #" + red.ref +
                  " was on the table and no adopted draft holds it" +
                  (lifted ? "; #" + red.lifted_by + ", the variant that lifts it, was adopted"
                          : std::string()) +
                  "."};
  }
  return o;
}

int objective_points(bool achieved, bool code_adopted) {
  return !achieved ? 0 : code_adopted ? kObjectivePoints : kObjectiveWithoutCodePoints;
}

SeatScore seat_score(const MatchRecord& record, SeatIndex seat) {
  SeatScore out;
  out.seat = seat;
  out.name = seat_label(record.match(), seat);
  score_objectives(record, seat, out);
  score_red_lines(record, seat, out);
  score_influence(record, seat, out);
  score_deals(record, seat, out);
  out.total =
      out.objectives_points + out.red_lines_points + out.influence_points + out.deals_points;
  out.summary = out.name + " scores " + std::to_string(out.total) + ": objectives " +
                signed_points(out.objectives_points) + ", red lines " +
                signed_points(out.red_lines_points) + ", influence " +
                signed_points(out.influence_points) + ", deals " + signed_points(out.deals_points) +
                ".";
  return out;
}

std::vector<SeatScore> seat_scores(const MatchRecord& record) {
  std::vector<SeatScore> out;
  for (SeatIndex s = 0; s < record.match().seats.size(); ++s)
    out.push_back(seat_score(record, s));
  return out;
}

GoalResult evaluate_goal(std::string_view condition, const MatchRecord& record) {
  GoalResult out;
  const auto parsed = parse_condition(condition, record.catalogue(), ConditionMode::goal);
  if (!parsed) {
    out.error = parsed.error;
    out.explanation =
        "This goal cannot be checked: its condition is faulty (" + parsed.error->describe() + ").";
    return out;
  }
  const ConditionResult result = evaluate(*parsed.condition, record, std::nullopt);
  out.achieved = result.holds;
  out.explanation = result.explanation;
  return out;
}

}  // namespace accord::scoring
