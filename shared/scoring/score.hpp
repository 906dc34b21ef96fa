// score(): the pure function that turns a draft into a scorecard (dossier 12.2, with the
// rounding of docs/scoring.md). Same result on the server and on every client.
#pragma once

#include <optional>
#include <vector>

#include "scoring/catalogue.hpp"
#include "scoring/draft.hpp"
#include "scoring/scorecard.hpp"

namespace accord::scoring {

struct ScoreOutcome {
  std::optional<Scorecard> scorecard;  // set when the draft is valid
  std::vector<DraftError> errors;      // every problem found, otherwise
  explicit operator bool() const { return scorecard.has_value(); }
};

// Every problem with the draft: unknown references or preset, two clauses of one family,
// clauses that are empty or too long, too many clauses, an impossible vote record.
std::vector<DraftError> validate_draft(const ClauseCatalogue& catalogue, const Draft& draft);

ScoreOutcome score(const ClauseCatalogue& catalogue, const Draft& draft);

}  // namespace accord::scoring
