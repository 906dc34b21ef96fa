// The per-seat score at the debrief, and scenario goals (docs/scoring.md, "The per-seat score").
//
//   total = 30 x objectives achieved (15 each when no code was adopted)
//         +  5 x red lines at stake and kept out  - 10 x red lines crossed
//         +  4 x own clauses adopted + 3 x own amendments adopted
//         +  2 x co-sponsorships adopted (at most five count)
//         +  the seat's share of its draft's starting text (12 points split among its sponsors,
//            in proportion to the starting clauses adopted)
//         +  5 x deals honoured      - 10 x deals broken
//
// A red line is at stake when its clause was tabled during the match; red lines score only when
// a code was adopted. Integers only; every component comes with its explanation. It reads the
// seats' secrets (objectives, red lines), which every view holds once the debrief has revealed
// them.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "scoring/conditions.hpp"
#include "scoring/match_scoring.hpp"

namespace accord::scoring {

inline constexpr int kObjectivePoints = 30;
// An objective that holds only because nothing was adopted: blocking has a cost.
inline constexpr int kObjectiveWithoutCodePoints = 15;
inline constexpr int kRedLineKeptPoints = 5;
inline constexpr int kRedLineCrossedPoints = -10;
inline constexpr int kOwnClausePoints = 4;
inline constexpr int kOwnAmendmentPoints = 3;
inline constexpr int kCosponsorshipPoints = 2;
inline constexpr int kMaxCountedCosponsorships = 5;  // backing more clauses earns no more
inline constexpr int kStartingTextPoints = 12;  // shared by the sponsors of a draft's starting text
inline constexpr int kDealHonouredPoints = 5;
inline constexpr int kDealBrokenPoints = -10;

struct ScoreLine {
  int points = 0;
  std::string text;  // one plain sentence
};

struct ObjectiveOutcome {
  std::string text;       // the objective as the seat's brief words it
  std::string condition;  // in the condition language
  bool valid = true;      // false: the condition does not parse (the content's fault)
  bool achieved = false;
  ScoreLine line;
};

struct RedLineOutcome {
  std::string ref;
  std::string lifted_by;
  bool at_stake = false;  // the clause was tabled, and a code was adopted
  bool kept_out = false;
  ScoreLine line;
};

struct SeatScore {
  SeatIndex seat = 0;
  std::string name;
  std::vector<ObjectiveOutcome> objectives;
  std::vector<RedLineOutcome> red_lines;
  int own_clauses = 0;               // clauses the seat tabled that stand in adopted drafts
  int own_amendments = 0;            // adopted clauses whose final wording is the seat's amendment
  int cosponsorships = 0;            // adopted clauses the seat co-sponsored
  int starting_text_points = 0;      // its share of the starting text's credit
  std::vector<ScoreLine> influence;  // one line per kind, when there is any
  int deals_honoured = 0;            // accepted deals the seat verifiably honoured
  int deals_broken = 0;
  std::vector<ScoreLine> deals;  // one line per accepted deal the seat is party to
  int objectives_points = 0;
  int red_lines_points = 0;
  int influence_points = 0;
  int deals_points = 0;
  int total = 0;
  std::string summary;  // one sentence: the total and its parts
};

SeatScore seat_score(const MatchRecord& record, SeatIndex seat);

// One red line's outcome and its line (also what a bot weighs before a vote).
RedLineOutcome red_line_outcome(const MatchRecord& record, const RedLine& red);

// What an objective is worth: full when a code was adopted, half when it held with none.
int objective_points(bool achieved, bool code_adopted);

// Every seat of the match, in seat order.
std::vector<SeatScore> seat_scores(const MatchRecord& record);

struct GoalResult {
  bool achieved = false;
  std::string explanation;
  std::optional<ConditionError> error;  // the goal does not parse (seat predicates included)
};

// A scenario goal: a condition with no owner seat, parsed in goal mode.
GoalResult evaluate_goal(std::string_view condition, const MatchRecord& record);

}  // namespace accord::scoring
