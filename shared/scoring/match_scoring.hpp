// From a match to scorecards: the scoring Draft of each adopted draft (its adopted clauses, the
// preset, the final vote and the blocs), and a live "what-if" scorecard of an open draft for the
// drafting screen. Reads public data only, so the server and every client (any viewer's view)
// compute identical scores. docs/scoring.md, "Legitimacy from the match".
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/model.hpp"
#include "scoring/catalogue.hpp"
#include "scoring/draft.hpp"
#include "scoring/report.hpp"
#include "scoring/score.hpp"

namespace accord::scoring {

// A match's draft, scored.
struct DraftScore {
  DraftIndex draft = 0;
  Draft input;                    // the equivalent scoring Draft: score(input) gives the card
  std::vector<ClauseId> clauses;  // the match clause of each input clause, in the same order
  bool blocs_estimated = false;   // secret ballot: blocs in favour estimated from the yes share
  ScoreOutcome outcome;           // the scorecard, or why the draft could not be scored
};

// The vote record scoring reads from a draft's final vote; nullopt unless the draft was
// adopted. Yes, no, abstain and not voting come from the record. Blocs (settings.seats[].bloc;
// a seat without a bloc is a bloc of its own) are counted among the seats occupied now or that
// cast a ballot on the draft in a roll-call. A bloc is in favour when more than half of those
// of its seats voted yes. Under a secret ballot nobody may know who voted what, so the blocs in
// favour are estimated as round(blocs x 2Y / (2Y + 2N + A)), the yes share times the blocs.
// Adopted without a vote: every occupied seat in favour.
struct MatchVote {
  VoteRecord record;
  bool blocs_estimated = false;
};
std::optional<MatchVote> final_vote_record(const Match& match, DraftIndex draft);

// The match's decision rule and its occupied seats, for the projector summary's verdict. Holds
// a pointer into the match: the match must outlive it.
RoomDecision room_decision(const Match& match);

// Whether the clause stands in an adopted draft: adopted, not hidden, its draft adopted.
bool stands_in_adopted_draft(const Match& match, ClauseId clause);

// The clause as scoring sees it: its catalogue ref, or its free text and, when the facilitator
// overrode its tags (seven valid points), those points.
DraftClause scoring_clause(const Clause& clause);

// The scoring Draft of an adopted draft: its standing clauses in the order they were tabled,
// the preset (empty: the catalogue's default) and the final vote. Not adopted: no vote.
DraftScore adopted_draft_input(const Match& match, DraftIndex draft, std::string_view preset = {});

// One DraftScore per adopted draft, in draft order (a match can adopt rival drafts).
std::vector<DraftScore> score_adopted_drafts(const ClauseCatalogue& catalogue, const Match& match,
                                             std::string_view preset = {});

// What the open draft would score if everything on the floor passed: its clauses adopted so
// far and those tabled (neither withdrawn, rejected nor hidden), with no vote. For the
// drafting screen; cheap enough for every keystroke's re-render.
DraftScore what_if_score(const ClauseCatalogue& catalogue, const Match& match, DraftIndex draft,
                         std::string_view preset = {});

// The facts of a finished match that conditions and the per-seat score read, computed once.
// Holds references: the match and the catalogue must outlive it.
class MatchRecord {
 public:
  MatchRecord(const Match& match, const ClauseCatalogue& catalogue, std::string_view preset = {});

  const Match& match() const { return match_; }
  const ClauseCatalogue& catalogue() const { return catalogue_; }
  // Adopted drafts in draft order, each with its scorecard (when it could be scored).
  const std::vector<DraftScore>& adopted_drafts() const { return adopted_; }
  // Clauses standing in adopted drafts, in id order.
  const std::vector<ClauseId>& adopted_clauses() const { return adopted_clauses_; }
  // The family of a match clause: its catalogue family, else the rules' family.
  std::string family_of(const Clause& clause) const;

 private:
  const Match& match_;
  const ClauseCatalogue& catalogue_;
  std::vector<DraftScore> adopted_;
  std::vector<ClauseId> adopted_clauses_;
};

}  // namespace accord::scoring
