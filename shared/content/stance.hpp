// The stance model (dossier §13.4) as a vote rule, for the playability tests and the simple
// bot. All integer arithmetic; docs/scenarios.md states the rule for players.
//
// Support of a seat for a clause, on the x100 scale (1.5 is 150):
//   exact  = base * 100 + sum(weight * axis)          (x10000: weights and axes are both x100)
//   shown  = exact / 100, rounded to the nearest integer, halves away from zero
// Rating, from the exact value (no rounding involved):
//   ++  support >= 3      +  support >= 1.5      --  support <= -3      -  support <= -1
//   0   otherwise
// Vote on a whole draft (its catalogue refs; free-text clauses count 0):
//   no       if a red line's ref is in the draft (a red line names an exact ref, so the
//            lifting variant standing in its place, one clause per family, lifts it), or if
//            any clause is rated --;
//   yes      otherwise, if the sum of exact supports is above 0;
//   abstain  otherwise.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "core/model.hpp"
#include "scoring/catalogue.hpp"

namespace accord::content {

enum class Rating : std::uint8_t {
  strongly_against,
  against,
  neutral,
  in_favour,
  strongly_in_favour
};
std::string_view rating_symbol(Rating r);  // "--", "-", "0", "+", "++"

// The exact support on the x10000 scale; 0 for an unknown ref or a stance of the wrong size.
std::int64_t support_exact(const scoring::ClauseCatalogue& catalogue, std::string_view ref,
                           std::span<const std::int32_t> stance);
// Rounded to the x100 scale (halves away from zero).
int support(const scoring::ClauseCatalogue& catalogue, std::string_view ref,
            std::span<const std::int32_t> stance);
Rating rate(std::int64_t exact_support);

struct StanceVote {
  Ballot ballot = Ballot::abstain;
  std::int64_t total_exact = 0;               // sum of exact supports (x10000)
  std::vector<std::string> red_lines_hit;     // refs
  std::vector<std::string> strongly_against;  // refs rated --
};

StanceVote stance_vote(const SeatSetup& seat, const scoring::ClauseCatalogue& catalogue,
                       const std::vector<std::string>& refs);

struct StanceTally {
  std::vector<StanceVote> votes;  // per seat
  int yes = 0, no = 0, abstain = 0;
  int blocs_in_favour = 0;  // blocs in which a majority of members voted yes
  int blocs_total = 0;
};

StanceTally stance_tally(const std::vector<SeatSetup>& seats,
                         const scoring::ClauseCatalogue& catalogue,
                         const std::vector<std::string>& refs);

// The decision rules of docs/rules.md, with every seat present.
bool passes(DecisionRule rule, int yes, int no);

}  // namespace accord::content
