// Every seat votes by the stance rule (content/stance.hpp): historical failures fail, the
// example compromise passes, and putting back the unqualified clause breaks it.
#include "content/stance.hpp"
#include "content_test_support.hpp"
#include "scoring/conditions.hpp"
#include "scoring/score.hpp"

namespace accord::content::test {

namespace {

std::vector<SeatSetup> full_seats(const Scenario& s) {
  const MatchCreation made = make_match_settings(shipped(), s.id, s.seats.size(), "class45");
  REQUIRE(made);
  return made.setup->settings.seats;
}

struct Result {
  StanceTally tally;
  bool adopted = false;
  int legitimacy_tenths = 0;  // 0-1000, from the scoring's legitimacy formula
};

Result vote(const Scenario& s, const std::vector<std::string>& refs) {
  Result r;
  r.tally = stance_tally(full_seats(s), shipped().clauses(), refs);
  r.adopted = passes(s.decision_rule, r.tally.yes, r.tally.no);
  scoring::Draft draft;
  for (const auto& ref : refs)
    draft.clauses.push_back(scoring::DraftClause::of_ref(ref));
  draft.vote = scoring::VoteRecord{false,
                                   0,
                                   r.tally.yes,
                                   r.tally.no,
                                   r.tally.abstain,
                                   0,
                                   r.tally.blocs_in_favour,
                                   r.tally.blocs_total};
  const auto scored = scoring::score(shipped().clauses(), draft);
  REQUIRE(scored);
  r.legitimacy_tenths = scored.scorecard->legitimacy->value;
  return r;
}

// The legitimacy threshold the goal asks for (tenths), 0 if none.
int goal_legitimacy(const Scenario& s) {
  if (!s.goal) return 0;
  const auto parsed = scoring::parse_condition(s.goal->condition, shipped().clauses(),
                                               scoring::ConditionMode::goal);
  REQUIRE(parsed);
  int found = 0;
  const auto walk = [&](const auto& self, const scoring::Condition& c) -> void {
    if (c.kind == scoring::Condition::Kind::predicate &&
        c.predicate == scoring::Predicate::legitimacy_at_least)
      found = c.tenths;
    if (c.kind == scoring::Condition::Kind::all_of)
      for (const auto& child : c.children)
        self(self, child);
  };
  walk(walk, *parsed.condition);
  return found;
}

std::string describe(const Result& r) {
  return std::to_string(r.tally.yes) + "-" + std::to_string(r.tally.no) + "-" +
         std::to_string(r.tally.abstain) + ", legitimacy " + std::to_string(r.legitimacy_tenths);
}

}  // namespace

TEST_CASE("playability: every scenario under the stance rule", "[content][playability]") {
  for (const auto& s : shipped().scenarios()) {
    INFO(s.id);
    const int needed = goal_legitimacy(s);

    const Result compromise = vote(s, s.example_compromise.refs);
    INFO("compromise " << describe(compromise));
    CHECK(compromise.adopted);
    CHECK(compromise.legitimacy_tenths >= needed);

    auto swapped = s.example_compromise.refs;
    std::replace(swapped.begin(), swapped.end(), s.example_compromise.pivot_qualified,
                 s.example_compromise.pivot_unqualified);
    REQUIRE(swapped != s.example_compromise.refs);
    const Result pivot = vote(s, swapped);
    INFO("with " << s.example_compromise.pivot_unqualified << ": " << describe(pivot));
    if (s.decision_rule == DecisionRule::simple_majority) {
      // A majority cannot be sunk by one bloc; the qualifier decides legitimacy instead.
      REQUIRE(needed > 0);
      CHECK(pivot.tally.no > 0);
      CHECK(pivot.legitimacy_tenths < needed);
    } else {
      CHECK_FALSE(pivot.adopted);
    }

    if (s.failed_text) {
      const Result failed = vote(s, s.failed_text->refs);
      INFO("historical failure " << describe(failed));
      CHECK_FALSE(failed.adopted);
    }
  }
}

TEST_CASE("playability: the 2011 code and the 2017 attempt fail, as in history",
          "[content][playability]") {
  const auto& cat = shipped();
  const Scenario& opt_in = *cat.scenario("opt_in_code");
  REQUIRE(opt_in.failed_text);
  CHECK(opt_in.failed_text->refs == opt_in.drafts[0].starting_refs);
  const Result code = vote(opt_in, opt_in.failed_text->refs);
  CHECK(code.tally.yes == 12);
  CHECK(code.tally.no == 8);
  CHECK_FALSE(code.adopted);

  const Scenario& collapse = *cat.scenario("collapse");
  REQUIRE(collapse.failed_text);
  const auto seats = full_seats(collapse);
  const StanceTally t = stance_tally(seats, cat.clauses(), collapse.failed_text->refs);
  std::vector<std::string> objectors;
  for (std::size_t i = 0; i < seats.size(); ++i)
    if (t.votes[i].ballot == Ballot::no) objectors.push_back(seats[i].state);
  std::sort(objectors.begin(), objectors.end());
  CHECK(objectors == std::vector<std::string>{"china", "cuba", "iran", "russia"});
}

TEST_CASE("playability: both rival drafts of 2018 pass by majority, as in history",
          "[content][playability]") {
  const Scenario& s = *shipped().scenario("two_tracks");
  REQUIRE(s.drafts.size() == 2);
  const Result oewg = vote(s, s.drafts[0].starting_refs);
  const Result gge = vote(s, s.drafts[1].starting_refs);
  CHECK(oewg.adopted);
  CHECK(gge.adopted);
  CHECK(gge.tally.yes > oewg.tally.yes);  // 139-11 against 109-45
  CHECK(oewg.tally.no > gge.tally.no);
}

}  // namespace accord::content::test
