// Internal to score(): the steps after the content score, shared with the tests' reasoning.
#pragma once

#include "scoring/catalogue.hpp"
#include "scoring/scorecard.hpp"

namespace accord::scoring {

// Fills card.legitimacy (when voted), card.final_score and card.final_terms.
void score_legitimacy_and_final(const Formula& formula, const std::optional<VoteRecord>& vote,
                                Scorecard& card);

// Shared helpers.
std::string points_phrase(int points);  // "adds 3 points", "takes away 1 point"
std::string percent(int pm);            // 600 -> "60%", 925 -> "92.5%"

}  // namespace accord::scoring
