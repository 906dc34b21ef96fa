#include "content/stance.hpp"

#include <algorithm>
#include <map>

namespace accord::content {

std::string_view rating_symbol(Rating r) {
  switch (r) {
    case Rating::strongly_against:
      return "--";
    case Rating::against:
      return "-";
    case Rating::neutral:
      return "0";
    case Rating::in_favour:
      return "+";
    case Rating::strongly_in_favour:
      return "++";
  }
  return "?";
}

std::int64_t support_exact(const scoring::ClauseCatalogue& catalogue, std::string_view ref,
                           std::span<const std::int32_t> stance) {
  const auto* clause = catalogue.find(ref);
  if (!clause || stance.size() != scoring::kStanceAxisCount) return 0;
  std::int64_t total = std::int64_t{clause->stance.base} * 100;
  for (std::size_t i = 0; i < scoring::kStanceAxisCount; ++i)
    total += std::int64_t{clause->stance.weights[i]} * stance[i];
  return total;
}

int support(const scoring::ClauseCatalogue& catalogue, std::string_view ref,
            std::span<const std::int32_t> stance) {
  const std::int64_t exact = support_exact(catalogue, ref, stance);
  const std::int64_t rounded = exact >= 0 ? (exact + 50) / 100 : -((-exact + 50) / 100);
  return static_cast<int>(rounded);
}

Rating rate(std::int64_t exact) {
  if (exact >= 30000) return Rating::strongly_in_favour;
  if (exact >= 15000) return Rating::in_favour;
  if (exact <= -30000) return Rating::strongly_against;
  if (exact <= -10000) return Rating::against;
  return Rating::neutral;
}

StanceVote stance_vote(const SeatSetup& seat, const scoring::ClauseCatalogue& catalogue,
                       const std::vector<std::string>& refs) {
  StanceVote v;
  for (const auto& ref : refs) {
    const std::int64_t s = support_exact(catalogue, ref, seat.stance);
    v.total_exact += s;
    if (rate(s) == Rating::strongly_against) v.strongly_against.push_back(ref);
    for (const auto& line : seat.red_lines)
      if (line.ref == ref) v.red_lines_hit.push_back(ref);
  }
  if (!v.red_lines_hit.empty() || !v.strongly_against.empty())
    v.ballot = Ballot::no;
  else
    v.ballot = v.total_exact > 0 ? Ballot::yes : Ballot::abstain;
  return v;
}

StanceTally stance_tally(const std::vector<SeatSetup>& seats,
                         const scoring::ClauseCatalogue& catalogue,
                         const std::vector<std::string>& refs) {
  StanceTally t;
  std::map<std::string, std::pair<int, int>> blocs;  // bloc -> (yes, members)
  for (const auto& seat : seats) {
    t.votes.push_back(stance_vote(seat, catalogue, refs));
    const Ballot b = t.votes.back().ballot;
    (b == Ballot::yes ? t.yes : b == Ballot::no ? t.no : t.abstain) += 1;
    auto& [yes, members] = blocs[seat.bloc];
    members += 1;
    if (b == Ballot::yes) yes += 1;
  }
  t.blocs_total = static_cast<int>(blocs.size());
  for (const auto& [bloc, counts] : blocs)
    if (2 * counts.first > counts.second) ++t.blocs_in_favour;
  return t;
}

bool passes(DecisionRule rule, int yes, int no) {
  switch (rule) {
    case DecisionRule::simple_majority:
      return yes > no;
    case DecisionRule::two_thirds:
      return yes >= 1 && 3 * yes >= 2 * (yes + no);
    case DecisionRule::consensus:
      return yes >= 1 && no == 0;
  }
  return false;
}

}  // namespace accord::content
