// Scorecards as text for people and as JSON for tools (the accord-score output).
#pragma once

#include <string>

#include "scoring/scorecard.hpp"

namespace accord::scoring {

// A readable report: final, content, legitimacy and each criterion with the terms that moved
// them, then the interactions and the clauses.
std::string render_text(const Scorecard& card);

// Pretty JSON: "content" and "final" (0-100, one decimal), "criteria" (code -> value),
// "explanation" (one node per value, each with its terms), "clauses", "interactions" ...
std::string render_json(const Scorecard& card);

}  // namespace accord::scoring
