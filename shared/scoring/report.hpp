// Scorecards as text for people and as JSON for tools (the accord-score output).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "scoring/scorecard.hpp"

namespace accord {
struct RoomRules;  // core/model.hpp, kept out of this header: its Draft would clash with ours
}

namespace accord::scoring {

// A readable report: final, content, legitimacy and each criterion with the terms that moved
// them, then the interactions and the clauses.
std::string render_text(const Scorecard& card);

// Pretty JSON: "content" and "final" (0-100, one decimal), "criteria" (code -> value),
// "explanation" (one node per value, each with its terms), "clauses", "interactions" ...
std::string render_json(const Scorecard& card);

// The room a draft is decided in: its rules (decision rule, quorum) and its occupied seats.
struct RoomDecision {
  const RoomRules* rules = nullptr;  // must outlive the call
  int occupied_seats = 0;
};

// Five to eight lines for a projector, beside the full explanation: the final score, the
// clauses and rules that gain and cost most, and whether the draft passes under the room's
// decision rule with its vote (or, not yet voted, what vote would pass it). Without a room
// (the accord-score tool) the decision line is left out.
std::vector<std::string> projector_summary(const Scorecard& card,
                                           const std::optional<RoomDecision>& room);

}  // namespace accord::scoring
