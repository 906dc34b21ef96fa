// Every interaction rule, generated from the rule assets: a draft where it fires, and near
// misses where it must not (one required clause missing, a variant instead of the exact
// reference, a blocking clause added, no "any" clause).
#include "scoring_test_support.hpp"

namespace accord::scoring::test {
namespace {

Draft draft_with(const std::vector<std::string>& refs) {
  Draft d;
  for (const auto& r : refs)
    d.clauses.push_back(DraftClause::of_ref(r));
  return d;
}

std::vector<std::string> firing_refs(const Interaction& rule) {
  std::vector<std::string> refs = rule.trigger.all;
  if (!rule.trigger.any.empty()) refs.push_back(rule.trigger.any.front());
  return refs;
}

// A variant of `ref`'s family that is not `ref` itself, if the family has one.
std::string other_variant(const std::string& ref) {
  for (const auto* c : shipped().in_family(shipped().family_of(ref)))
    if (c->ref != ref) return c->ref;
  return {};
}

TEST_CASE("every interaction fires on its trigger and not on a near miss") {
  const auto& cat = shipped();
  REQUIRE(cat.interactions().size() == 14);
  for (const Interaction& rule : cat.interactions()) {
    INFO("rule " << rule.id);
    const auto refs = firing_refs(rule);
    const auto card = score_ok(draft_with(refs));
    CHECK(fired(card, rule.id));
    // Its effects reach the criteria: raw points are the clauses' plus the rules' effects.
    for (const Criterion c : kAllCriteria) {
      int expected = 0;
      for (const auto& r : refs)
        expected += cat.find(r)->contributions[index_of(c)];
      for (const auto& hit : card.interactions)
        expected += hit.effects[index_of(c)];
      CHECK(criterion(card, c).raw_points == expected);
    }
    CHECK(card.contradictions == (rule.kind == InteractionKind::contradiction ? 1 : 0));

    for (std::size_t drop = 0; drop < rule.trigger.all.size(); ++drop) {
      auto missing = refs;
      missing.erase(missing.begin() + static_cast<long>(drop));
      INFO("without " << rule.trigger.all[drop]);
      CHECK_FALSE(fired(score_ok(draft_with(missing)), rule.id));
      const std::string variant = other_variant(rule.trigger.all[drop]);
      if (!variant.empty()) {
        auto swapped = refs;
        swapped[drop] = variant;
        INFO("with variant " << variant);
        CHECK_FALSE(fired(score_ok(draft_with(swapped)), rule.id));
      }
    }
    for (const auto& blocker : rule.trigger.none) {
      auto blocked = refs;
      blocked.push_back(blocker);
      INFO("with blocker " << blocker);
      CHECK_FALSE(fired(score_ok(draft_with(blocked)), rule.id));
    }
    if (!rule.trigger.any.empty()) {
      auto none_of_any = rule.trigger.all;
      CHECK_FALSE(fired(score_ok(draft_with(none_of_any)), rule.id));
      for (const auto& alternative : rule.trigger.any) {
        auto with_alternative = rule.trigger.all;
        with_alternative.push_back(alternative);
        INFO("with alternative " << alternative);
        CHECK(fired(score_ok(draft_with(with_alternative)), rule.id));
      }
    }
  }
}

TEST_CASE("decisions written in the data: C2 ignores 6s, T1 ignores 8r") {
  CHECK(fired(score_ok(draft_of({"6"})), "C2"));
  CHECK_FALSE(fired(score_ok(draft_of({"6s"})), "C2"));
  CHECK(fired(score_ok(draft_of({"8", "9"})), "T1"));
  CHECK_FALSE(fired(score_ok(draft_of({"8r", "9"})), "T1"));
  // Self-defence paired with evidence-based attribution avoids the escalation penalty.
  CHECK_FALSE(fired(score_ok(draft_of({"6", "23"})), "C2"));
}

TEST_CASE("three contradictions cut coherence to 76%") {
  const auto card = score_ok(draft_of({"37", "38", "3", "42", "40", "41"}));
  CHECK(card.contradictions == 3);
  CHECK(card.coherence_pm == 760);
}

}  // namespace
}  // namespace accord::scoring::test
