// Legitimacy from the vote record and the final score (dossier 12.2 steps 6-8).
#include <algorithm>

#include "scoring/arithmetic.hpp"
#include "scoring/score_internal.hpp"

namespace accord::scoring {

namespace {

std::string count(int n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

LegitimacyResult legitimacy(const Formula& f, const VoteRecord& vote) {
  LegitimacyResult r;
  r.vote = vote;
  // Without a vote every occupied seat is in favour: all yes, every bloc in favour.
  const std::int64_t yes = vote.without_vote ? std::max(vote.occupied_seats, 1) : vote.yes;
  const std::int64_t no = vote.without_vote ? 0 : vote.no;
  const std::int64_t abstain = vote.without_vote ? 0 : vote.abstain;
  const std::int64_t blocs = vote.without_vote ? 1 : vote.blocs_total;
  const std::int64_t blocs_yes = vote.without_vote ? 1 : vote.blocs_in_favour;

  r.yes_share_pm = static_cast<int>(div_round(1000 * 2 * yes, 2 * yes + 2 * no + abstain));
  r.bloc_coverage_pm = static_cast<int>(div_round(1000 * blocs_yes, blocs));
  const std::int64_t yes_part = std::int64_t{f.yes_share_weight_pm} * r.yes_share_pm;
  const std::int64_t bloc_part = std::int64_t{f.bloc_coverage_weight_pm} * r.bloc_coverage_pm;
  const bool consensus = no == 0 && abstain == 0;
  const std::int64_t bonus = consensus ? f.consensus_bonus_pm : 0;
  const std::int64_t uncapped = div_round(yes_part + bloc_part, 1000) + bonus;
  r.value = static_cast<int>(std::min<std::int64_t>(1000, uncapped));
  r.contested = r.value < f.contested_below_pm;

  std::vector<std::int64_t> numerators{yes_part, bloc_part};
  if (vote.without_vote) {
    r.text = "Adopted without a vote: " +
             (vote.occupied_seats > 0
                  ? "all " + count(vote.occupied_seats, "occupied seat", "occupied seats")
                  : std::string("every occupied seat")) +
             " count in favour.";
  } else {
    r.text = count(vote.yes, "yes", "yes") + ", " + count(vote.no, "no", "no") + ", " +
             count(vote.abstain, "abstention", "abstentions") +
             (vote.not_voting > 0 ? "; " + count(vote.not_voting, "seat", "seats") +
                                        (vote.not_voting == 1 ? " did not vote and counts"
                                                              : " did not vote and count") +
                                        " as absent"
                                  : std::string()) +
             ".";
  }
  r.terms.push_back({TermKind::yes_share,
                     {},
                     -1,
                     0,
                     0,
                     "Yes share " + format_score(r.yes_share_pm) +
                         "% (abstentions count half, absent seats not at all) counts " +
                         percent(f.yes_share_weight_pm) + "."});
  const std::string blocs_text = vote.without_vote
                                     ? std::string("Every bloc counts in favour")
                                     : std::to_string(blocs_yes) + " of " + std::to_string(blocs) +
                                           (blocs == 1 ? " bloc" : " blocs") + " mostly voted yes";
  r.terms.push_back({TermKind::bloc_coverage,
                     {},
                     -1,
                     0,
                     0,
                     blocs_text + " (" + format_score(r.bloc_coverage_pm) + "%), which counts " +
                         percent(f.bloc_coverage_weight_pm) + "."});
  if (bonus > 0) {
    numerators.push_back(bonus * 1000);
    r.terms.push_back({TermKind::consensus_bonus,
                       {},
                       -1,
                       0,
                       0,
                       "Nobody voted no or abstained: a consensus bonus."});
  }
  if (uncapped > 1000) {
    numerators.push_back(1000 * (1000 - uncapped));
    r.terms.push_back({TermKind::legitimacy_cap,
                       {},
                       -1,
                       0,
                       0,
                       "Legitimacy cannot go above " + format_score(1000) + "."});
  }
  const auto shown = apportion(numerators, 1000, r.value);
  for (std::size_t i = 0; i < shown.size(); ++i)
    r.terms[i].value = static_cast<int>(shown[i]);
  return r;
}

}  // namespace

void score_legitimacy_and_final(const Formula& f, const std::optional<VoteRecord>& vote,
                                Scorecard& card) {
  card.final_terms.push_back({TermKind::content,
                              {},
                              -1,
                              0,
                              card.content,
                              "The content score is " + format_score(card.content) + "."});
  if (!vote) {
    card.final_score = card.content;
    card.final_terms.back().text += " Not yet voted, so it is also the final score.";
    return;
  }
  card.legitimacy = legitimacy(f, *vote);
  const int la = card.legitimacy->value;
  // Final = Content x (0.5 + LA/20), with LA on 0-10: in per mille, content x (1000 + LA) / 2000.
  card.final_score = static_cast<int>(div_round(std::int64_t{card.content} * (1000 + la), 2000));
  if (la < 1000) {
    const std::int64_t cut = std::int64_t{card.content} * (la - 1000);  // over 2000
    const auto shown = apportion(std::vector<std::int64_t>{std::int64_t{card.content} * 2000, cut},
                                 2000, card.final_score);
    card.final_terms.back().value = static_cast<int>(shown[0]);
    card.final_terms.push_back({TermKind::legitimacy_factor,
                                {},
                                -1,
                                0,
                                static_cast<int>(shown[1]),
                                "Legitimacy " + format_score(la) + " keeps " +
                                    percent((1000 + la) / 2) +
                                    " of the content score (half, plus half of the legitimacy)."});
  }
}

}  // namespace accord::scoring
