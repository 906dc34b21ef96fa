// The per-seat score at the debrief, and scenario goals (docs/scoring.md, "The per-seat score").
//
//   total = 30 x objectives achieved
//         + 10 x red lines kept out  - 10 x red lines crossed
//         +  4 x own clauses adopted + 3 x own amendments adopted + 2 x co-sponsorships adopted
//         +  5 x deals honoured      - 10 x deals broken
//
// Integers only; every component comes with its explanation. It reads the seats' secrets
// (objectives, red lines), which every view holds once the debrief has revealed them.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "scoring/conditions.hpp"
#include "scoring/match_scoring.hpp"

namespace accord::scoring {

inline constexpr int kObjectivePoints = 30;
inline constexpr int kRedLineKeptPoints = 10;
inline constexpr int kRedLineCrossedPoints = -10;
inline constexpr int kOwnClausePoints = 4;
inline constexpr int kOwnAmendmentPoints = 3;
inline constexpr int kCosponsorshipPoints = 2;
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
  bool kept_out = false;
  ScoreLine line;
};

struct SeatScore {
  SeatIndex seat = 0;
  std::string name;
  std::vector<ObjectiveOutcome> objectives;
  std::vector<RedLineOutcome> red_lines;
  int own_clauses = 0;               // clauses the seat sponsored that stand in adopted drafts
  int own_amendments = 0;            // adopted clauses whose final wording is the seat's amendment
  int cosponsorships = 0;            // adopted clauses the seat co-sponsored
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
