// The projector summary: a few lines beside the full explanation, with the room's verdict.
#include <algorithm>

#include "core/model.hpp"
#include "scoring/report.hpp"
#include "scoring_test_support.hpp"

namespace accord::scoring::test {
namespace {

bool has_line(const std::vector<std::string>& lines, const std::string& part) {
  return std::any_of(lines.begin(), lines.end(),
                     [&](const std::string& l) { return l.find(part) != std::string::npos; });
}

RoomRules rules_of(DecisionRule rule) {
  RoomRules rules;
  rules.decision_rule = rule;
  return rules;
}

TEST_CASE("the projector summary names the final score, the top gains and costs") {
  // #27 + #29 + #37 + #38: S2 fires, X1 costs coherence, #38 takes rights away.
  const Scorecard card = score_ok(draft_of({"27", "29", "37", "38"}));
  const auto lines = projector_summary(card, std::nullopt);
  INFO(lines.size());
  CHECK(lines.size() >= 4);
  CHECK(lines.size() <= 8);
  CHECK(lines[0] == "Final score 23.0 / 100 (not yet voted: the content score).");
  CHECK(lines[1].starts_with("+"));
  CHECK(has_line(lines, "from #27 Permanent, open-ended UN mechanism"));
  CHECK(has_line(lines, "from contradictions in the text"));
  // Costs come last, the largest first, and all are negative.
  CHECK(lines.back().starts_with("-"));
  // No verdict without a room (the accord-score tool).
  CHECK_FALSE(has_line(lines, "pass"));
}

TEST_CASE("the summary of a long text names the length cut among the costs") {
  Draft d;
  d.preset = "balanced";
  for (const auto& c : shipped().clauses())
    if (!c.is_variant() && d.clauses.size() < 36) d.clauses.push_back(DraftClause::of_ref(c.ref));
  const auto lines = projector_summary(score_ok(d), std::nullopt);
  CHECK(has_line(lines, "from the length (36 clauses)"));
}

TEST_CASE("the verdict follows the room's decision rule and the vote") {
  Draft d = draft_of({"1", "14", "24", "29"});
  d.vote = VoteRecord{false, 0, 10, 6, 4, 2, 3, 6};  // 10 yes, 6 no, 4 abstaining, 2 absent
  const Scorecard card = score_ok(d);
  const RoomRules majority = rules_of(DecisionRule::simple_majority);
  const RoomRules two_thirds = rules_of(DecisionRule::two_thirds);
  const RoomRules consensus = rules_of(DecisionRule::consensus);
  CHECK(projector_summary(card, RoomDecision{&majority, 22}).back() ==
        "Passes under simple majority: 10 yes, 6 no, 4 abstaining.");
  CHECK(projector_summary(card, RoomDecision{&two_thirds, 22}).back() ==
        "Fails under a two-thirds majority: 10 yes, 6 no, 4 abstaining.");
  CHECK(projector_summary(card, RoomDecision{&consensus, 22}).back() ==
        "Fails under consensus: 10 yes, 6 no, 4 abstaining.");
  RoomRules quorum = majority;
  quorum.quorum_permille = 950;  // 20 of 22 cast a ballot: below 95%
  CHECK(projector_summary(card, RoomDecision{&quorum, 22}).back().starts_with("Fails: too few"));

  d.vote = VoteRecord{true, 22, 0, 0, 0, 0, 0, 0};
  CHECK(projector_summary(score_ok(d), RoomDecision{&consensus, 22}).back() ==
        "Adopted without a vote: no delegation asked for one.");
}

TEST_CASE("not yet voted, the verdict says what vote would pass the draft") {
  const Scorecard card = score_ok(draft_of({"1", "14", "24", "29"}));
  const RoomRules majority = rules_of(DecisionRule::simple_majority);
  const RoomRules two_thirds = rules_of(DecisionRule::two_thirds);
  const RoomRules consensus = rules_of(DecisionRule::consensus);
  CHECK(projector_summary(card, RoomDecision{&majority, 16}).back() ==
        "Not yet voted: under simple majority it would pass if the vote were 9 yes, 7 no of 16 "
        "seats (or more yes).");
  CHECK(projector_summary(card, RoomDecision{&two_thirds, 16}).back().find("11 yes, 5 no") !=
        std::string::npos);
  CHECK(projector_summary(card, RoomDecision{&consensus, 16}).back().find("16 yes, 0 no") !=
        std::string::npos);
}

}  // namespace
}  // namespace accord::scoring::test
