// Explanation completeness on random drafts: at every node of the scorecard the displayed
// terms add up exactly to the displayed value, and each rounded term is within 0.1 of its
// exact value.
#include <algorithm>
#include <map>

#include "core/rng.hpp"
#include "scoring/arithmetic.hpp"
#include "scoring/report.hpp"
#include "scoring_test_support.hpp"

namespace accord::scoring::test {
namespace {

const std::vector<std::string> kFreeText{
    "States shall publish their national cyber strategies and report on implementation.",
    "States should not attack critical infrastructure or damage emergency response teams.",
    "States may consider capacity building for developing countries.",
    "States shall respect human rights and privacy online as national law permits.",
    "States shall not be obliged to publish their doctrine.",
    "Civil society, the private sector and the technical community shall participate.",
    "Les États doivent publier leurs stratégies.",
    "States shall cooperate against cybercrime with safeguards and oversight."};

Draft random_draft(Pcg32& rng, const ClauseCatalogue& cat) {
  Draft d;
  std::map<std::string, std::vector<std::string>> families;
  for (const auto& c : cat.clauses())
    families[c.family].push_back(c.ref);
  for (const auto& [family, refs] : families)
    if (rng.below(3) == 0)
      d.clauses.push_back(
          DraftClause::of_ref(refs[rng.below(static_cast<std::uint32_t>(refs.size()))]));
  const std::uint32_t texts = rng.below(4);
  for (std::uint32_t i = 0; i < texts; ++i)
    d.clauses.push_back(
        DraftClause::of_text(kFreeText[rng.below(static_cast<std::uint32_t>(kFreeText.size()))]));
  // Shuffle so free text and references interleave.
  for (std::size_t i = d.clauses.size(); i > 1; --i)
    std::swap(d.clauses[i - 1], d.clauses[rng.below(static_cast<std::uint32_t>(i))]);
  d.preset = cat.presets()[rng.below(static_cast<std::uint32_t>(cat.presets().size()))].id;
  switch (rng.below(3)) {
    case 0:
      break;
    case 1:
      d.vote = VoteRecord{true, static_cast<int>(rng.below(40)), 0, 0, 0, 0, 0, 0};
      break;
    default: {
      VoteRecord v;
      v.yes = static_cast<int>(rng.below(30)) + 1;
      v.no = static_cast<int>(rng.below(30));
      v.abstain = static_cast<int>(rng.below(10));
      v.not_voting = static_cast<int>(rng.below(5));
      v.blocs_total = static_cast<int>(rng.below(8)) + 1;
      v.blocs_in_favour =
          static_cast<int>(rng.below(static_cast<std::uint32_t>(v.blocs_total) + 1));
      d.vote = v;
    }
  }
  return d;
}

int sum(const std::vector<Term>& terms) {
  int total = 0;
  for (const auto& t : terms)
    total += t.value;
  return total;
}

TEST_CASE("on random drafts the displayed terms add up to every displayed value") {
  const auto& cat = shipped();
  auto rng = Pcg32::seeded(20240611);
  for (int round = 0; round < 400; ++round) {
    const Draft draft = random_draft(rng, cat);
    INFO("round " << round << ", " << draft.clauses.size() << " clauses");
    const Scorecard card = score_ok(draft);
    for (const auto& c : card.criteria) {
      INFO(to_string(c.criterion));
      CHECK(sum(c.terms) == c.value);
      CHECK(c.value >= 0);
      CHECK(c.value < 1000);
      // Points in favour share what they give alone, S(for); points against share what they
      // take back, S(for) - S. Each displayed term is within 0.1 of its exact share.
      const int half = cat.formula().half_saturation_points;
      const std::int64_t gross =
          c.points_for > 0 ? div_round(1000 * std::int64_t{c.points_for}, c.points_for + half) : 0;
      for (const auto& t : c.terms) {
        const std::int64_t exact_times_points =
            t.points > 0 ? gross * t.points : (c.value - gross) * -t.points;
        const std::int64_t share_den =
            t.points > 0 ? std::max(c.points_for, 1) : std::max(c.points_against, 1);
        CHECK(std::abs(share_den * t.value - exact_times_points) < share_den);
        CHECK(std::abs(t.value) <= 1000);  // no displayed term above 100
      }
    }
    CHECK(sum(card.content_terms) == card.content);
    for (const auto& t : card.content_terms)
      CHECK(std::abs(t.value) <= 1000);
    CHECK(sum(card.final_terms) == card.final_score);
    if (card.legitimacy) {
      CHECK(sum(card.legitimacy->terms) == card.legitimacy->value);
      CHECK(card.final_score <= card.content);
    } else {
      CHECK(card.final_score == card.content);
    }
    for (const auto& t : card.content_terms)
      CHECK_FALSE(t.text.empty());
    // Pure and deterministic: the same draft gives the same scorecard, byte for byte.
    CHECK(render_json(score_ok(draft)) == render_json(card));
  }
}

}  // namespace
}  // namespace accord::scoring::test
