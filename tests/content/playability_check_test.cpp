// The playability checks of `accord-content check` (issue 14): objectives and red lines that
// name a clause not on the table, objectives that never or always hold, seats with fewer than
// two objectives in play or nothing to table; and the shipped assets passing them.
#include "content_test_support.hpp"

namespace accord::content::test {

namespace {

PlayabilityReport checked(const std::vector<Edit>& edits) {
  const ContentLoad load = load_edited(edits);
  INFO(all_errors(load));
  REQUIRE(load.ok());
  return check_playability(*load.catalogue);
}

std::string listed(const PlayabilityReport& r) {
  std::string s;
  for (const auto& e : r.errors)
    s += e.describe() + "\n";
  return s;
}

bool has_error(const PlayabilityReport& r, const std::string& file, const std::string& path,
               const std::string& words) {
  for (const auto& e : r.errors)
    if (e.file == file && e.path == path && e.problem.find(words) != std::string::npos) return true;
  return false;
}

// Brazil's first objective, adopted(29), replaced by another condition.
Edit brazil_objective(const std::string& condition) {
  return {"states/brazil.json", "\"condition\": \"adopted(29)\"",
          "\"condition\": \"" + condition + "\""};
}

}  // namespace

TEST_CASE("playability check: the minimal fixture passes", "[content][playability-check]") {
  const PlayabilityReport r = checked({});
  INFO(listed(r));
  CHECK(r.ok());
  CHECK(r.objectives == 8);  // 4 seats x 2 objectives
  CHECK(r.impossible == 0);
  CHECK(r.always_true == 0);
}

TEST_CASE("playability check: an objective naming a clause not on the table fails",
          "[content][playability-check]") {
  const PlayabilityReport r = checked({brazil_objective("adopted(7)")});
  CHECK(has_error(r, "states/brazil.json", "/objectives/0/condition",
                  "needs clause '7' (family 7), which is not on the table"));
  CHECK(has_error(r, "states/brazil.json", "/objectives", "it needs at least 2"));
  CHECK(r.impossible == 1);
  CHECK(r.off_table == 1);
}

TEST_CASE("playability check: objectives that never or always hold are reported",
          "[content][playability-check]") {
  // Only one draft: draft number 2 never exists.
  const PlayabilityReport never = checked({brazil_objective("adopted_in(2, 29)")});
  CHECK(has_error(never, "states/brazil.json", "/objectives/0/condition", "can never hold"));
  CHECK(never.impossible == 1);
  CHECK(never.off_table == 0);
  const PlayabilityReport always = checked({brazil_objective("not adopted_in(2, 29)")});
  CHECK(has_error(always, "states/brazil.json", "/objectives/0/condition",
                  "holds whatever is played"));
  CHECK(always.always_true == 1);
  const PlayabilityReport negated = checked({brazil_objective("not adopted_ref(38)")});
  INFO(listed(negated));
  CHECK(negated.ok());  // 38 is on the table: it can go either way
}

TEST_CASE("playability check: objective_reach judges one condition",
          "[content][playability-check]") {
  const ContentLoad load = load_edited({});
  REQUIRE(load.ok());
  const Scenario& mini = *load.catalogue->scenario("mini");
  const auto& clauses = load.catalogue->clauses();
  CHECK(objective_reach("adopted(29)", mini, clauses) == Reach::sometimes);
  CHECK(objective_reach("adopted(7)", mini, clauses) == Reach::never);
  CHECK(objective_reach("not adopted(7)", mini, clauses) == Reach::always);
  CHECK(objective_reach("adopted(7) or adopted(29)", mini, clauses) == Reach::sometimes);
  CHECK(objective_reach("adopted(7) and adopted(29)", mini, clauses) == Reach::never);
  CHECK(objective_reach("adopted_with_cosponsors(29, 4)", mini, clauses) == Reach::never);
  CHECK(objective_reach("adopted_with_cosponsors(29, 3)", mini, clauses) == Reach::sometimes);
  CHECK(objective_reach("content_at_least(100)", mini, clauses) == Reach::sometimes);
  CHECK_FALSE(objective_reach("adopt(29)", mini, clauses).has_value());
  CHECK(reach_name(Reach::never) == "never");
  CHECK(reach_name(Reach::always) == "always");
}

TEST_CASE("playability check: a red line not on the table fails until the scenario drops it",
          "[content][playability-check]") {
  const Edit red_line{"states/kenya.json", "\"red_lines\": []",
                      "\"red_lines\": [{\"ref\": \"13\", \"why\": \"Undefined weapons.\"}]"};
  const PlayabilityReport r = checked({red_line});
  CHECK(has_error(r, "states/kenya.json", "/red_lines/0/ref", "red line '13' is not on the table"));
  CHECK(r.red_lines_off_table == 1);

  const Edit dropped{"scenarios/mini.json", "\"body\":",
                     "\"seat_overrides\": {\"kenya\": {\"red_lines\": [], \"why\": \"13 is not "
                     "on this table.\"}},\n  \"body\":"};
  const PlayabilityReport fixed = checked({red_line, dropped});
  INFO(listed(fixed));
  CHECK(fixed.ok());
  const ContentLoad load = load_edited({red_line, dropped});
  const MatchCreation made = make_match_settings(*load.catalogue, "mini", 4, "class45");
  REQUIRE(made);
  CHECK(made.setup->settings.seats[3].red_lines.empty());

  // Keeping a red line the state does not have is a load error.
  const ContentLoad wrong = load_edited({{"scenarios/mini.json", "\"body\":",
                                          "\"seat_overrides\": {\"kenya\": {\"red_lines\": "
                                          "[\"6\"], \"why\": \"x\"}},\n  \"body\":"}});
  bool found = false;
  for (const auto& e : wrong.errors)
    found |= e.file == "scenarios/mini.json" && e.path == "/seat_overrides/kenya/red_lines/0";
  CHECK(found);
}

TEST_CASE("playability check: a seat with nothing to table or amend fails",
          "[content][playability-check]") {
  const PlayabilityReport r = checked(
      {{"states/kenya.json", "\"priorities\": [\n    \"29\"", "\"priorities\": [\n    \"7\""}});
  CHECK(has_error(r, "states/kenya.json", "/priorities", "nothing to table or amend"));
  // Russia sponsors the starting text, so even without a priority on the table it has one.
  const PlayabilityReport sponsor = checked(
      {{"states/russia.json", "\"priorities\": [\n    \"29\"", "\"priorities\": [\n    \"7\""}});
  INFO(listed(sponsor));
  CHECK(sponsor.ok());
}

TEST_CASE("playability check: a scenario's own objectives replace the profile's",
          "[content][playability-check]") {
  const Edit broken = brazil_objective("adopted(7)");
  const Edit override{"scenarios/mini.json", "\"body\":",
                      "\"seat_overrides\": {\"brazil\": {\"objectives\": [{\"text\": \"A\", "
                      "\"condition\": \"adopted(5)\"}, {\"text\": \"B\", \"condition\": "
                      "\"adopted(29)\"}], \"why\": \"7 is not on this table.\"}},\n  \"body\":"};
  const PlayabilityReport r = checked({broken, override});
  INFO(listed(r));
  CHECK(r.ok());
  const ContentLoad load = load_edited({broken, override});
  const MatchCreation made = make_match_settings(*load.catalogue, "mini", 4, "class45");
  REQUIRE(made);
  REQUIRE(made.setup->settings.seats[2].objectives.size() == 2);
  CHECK(made.setup->settings.seats[2].objectives[0].condition == "adopted(5)");

  // A broken override is reported in the scenario's file.
  const Edit bad_override{"scenarios/mini.json", "\"body\":",
                          "\"seat_overrides\": {\"brazil\": {\"objectives\": [{\"text\": \"A\", "
                          "\"condition\": \"adopted(7)\"}, {\"text\": \"B\", \"condition\": "
                          "\"adopted(29)\"}], \"why\": \"x\"}},\n  \"body\":"};
  const PlayabilityReport bad = checked({bad_override});
  CHECK(has_error(bad, "scenarios/mini.json", "/seat_overrides/brazil/objectives/0/condition",
                  "not on the table"));
}

TEST_CASE("playability check: the shipped assets pass", "[content][playability-check]") {
  const PlayabilityReport r = check_playability(shipped());
  INFO(listed(r));
  CHECK(r.ok());
  CHECK(r.objectives >= 360);
  CHECK(r.impossible == 0);
  CHECK(r.always_true == 0);
  CHECK(r.red_lines_off_table == 0);
}

}  // namespace accord::content::test
