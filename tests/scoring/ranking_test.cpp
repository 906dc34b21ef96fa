// Issue 14, scoring robustness: real documents keep their historical ranking, and a long
// "everything compatible" text does not beat them by length alone (docs/scoring.md, "Length").
#include <cstdlib>

#include "scoring/draft_io.hpp"
#include "scoring_test_support.hpp"

namespace accord::scoring::test {
namespace {

Draft document(const std::string& name) {
  const auto parse = parse_draft_json(read_text(data_path("documents/" + name + ".json")));
  for (const auto& e : parse.errors)
    UNSCOPED_INFO(name << e.describe());
  REQUIRE(parse.draft);
  REQUIRE(parse.draft->preset == "balanced");
  return *parse.draft;
}

Scorecard score_with(const ClauseCatalogue& catalogue, const Draft& draft) {
  ScoreOutcome outcome = score(catalogue, draft);
  REQUIRE(outcome);
  return std::move(*outcome.scorecard);
}

TEST_CASE("real documents keep their ranking under the balanced preset") {
  const int gge = score_ok(document("gge_2015")).final_score;
  const int paris = score_ok(document("paris_call_2018")).final_score;
  const int us = score_ok(document("us_strategy_2011")).final_score;
  const int sco_2011 = score_ok(document("sco_code_2011")).final_score;
  const int sco_2015 = score_ok(document("sco_code_2015")).final_score;
  INFO("GGE " << gge << ", Paris " << paris << ", US " << us << ", SCO 2011 " << sco_2011
              << ", SCO 2015 " << sco_2015);
  CHECK(gge > paris);
  CHECK(gge > us);
  for (const int sco : {sco_2011, sco_2015}) {
    CHECK(paris > sco);
    CHECK(us > sco);
  }
}

TEST_CASE("a 36-clause everything-compatible text no longer beats the GGE 2015 package") {
  const Draft everything = document("everything_compatible_36");
  const Draft gge = document("gge_2015");
  REQUIRE(everything.clauses.size() == 36);
  const Scorecard long_card = score_ok(everything);
  const Scorecard gge_card = score_ok(gge);
  // 36 clauses, 11 beyond the breadth of 25 at 3% each: the content keeps 67%.
  CHECK(long_card.length_pm == 670);
  CHECK(gge_card.length_pm == 1000);  // 22 clauses: untouched
  CHECK(long_card.content < gge_card.content);
  for (const auto& r : long_card.interactions)
    CHECK(r.kind == InteractionKind::synergy);  // compatible indeed: nothing fires against it

  // The same formula without the length cut: the long text wins, as issue 14 measured.
  auto files = shipped_files();
  REQUIRE(replace_in_file(files, "scoring/formula.json", "\"breadth_clauses\": 25",
                          "\"breadth_clauses\": 120"));
  const auto uncut = build_catalogue(files);
  REQUIRE(uncut.ok());
  const int long_uncut = score_with(*uncut.catalogue, everything).content;
  CHECK(long_uncut > score_with(*uncut.catalogue, gge).content + 100);
  CHECK(std::abs(1000 * long_card.content - 670 * long_uncut) <= 1000);  // one rounding apart
}

TEST_CASE("the length cut grows with each clause beyond the breadth and shows as a term") {
  Draft draft = document("everything_compatible_36");
  draft.clauses.resize(25);
  const Scorecard at_breadth = score_ok(draft);
  CHECK(at_breadth.length_pm == 1000);
  for (const auto& t : at_breadth.content_terms)
    CHECK(t.kind != TermKind::length_cut);
  draft.clauses.push_back(DraftClause::of_text("States shall publish their national strategies."));
  const Scorecard one_more = score_ok(draft);
  CHECK(one_more.length_pm == 970);
  const Term& cut = one_more.content_terms.back();
  CHECK(cut.kind == TermKind::length_cut);
  CHECK(cut.value < 0);
  CHECK(cut.text.find("26 clauses, 1 more than the 25") != std::string::npos);
}

}  // namespace
}  // namespace accord::scoring::test
