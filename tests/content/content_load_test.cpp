#include <set>

#include "content_test_support.hpp"
#include "scoring/conditions.hpp"

namespace accord::content::test {

TEST_CASE("the shipped content loads with no errors", "[content]") {
  const ContentLoad load = load_content(ACCORD_ASSET_DIR);
  INFO(all_errors(load));
  REQUIRE(load.ok());
  const auto& cat = *load.catalogue;
  CHECK(cat.states().size() >= 20);
  CHECK(cat.scenarios().size() == 6);
  CHECK(cat.content_hash_hex().size() == 16);
  CHECK(cat.content_hash() != cat.clauses().content_hash());
  std::vector<std::string> ids;
  for (const auto& s : cat.scenarios())
    ids.push_back(s.id);
  CHECK(ids == std::vector<std::string>{"opt_in_code", "eleven_norms", "collapse", "two_tracks",
                                        "hanoi", "global_mechanism"});
}

TEST_CASE("every state has both eras, a stance, 2 to 4 objectives and sources", "[content]") {
  const auto& cat = shipped();
  std::set<std::string> blocs;
  for (const auto& b : cat.blocs())
    blocs.insert(b.id);
  CHECK(blocs == std::set<std::string>{"W", "SCO+", "Arab", "AU", "ASEAN", "IBSA/swing"});
  for (const auto& s : cat.states()) {
    INFO(s.id);
    CHECK(blocs.count(s.bloc) == 1);
    CHECK_FALSE(s.sources.empty());
    for (const Era e : {Era::y2011, Era::y2015, Era::y2021, Era::today}) {
      const auto& era = s.era(e);
      CHECK_FALSE(era.position.empty());
      CHECK_FALSE(era.brief.empty());
      const auto n = s.objectives_for(e).size();
      CHECK(n >= 2);
      CHECK(n <= 4);
      for (const auto v : era.stance) {
        CHECK(v >= -200);
        CHECK(v <= 200);
      }
    }
  }
  // Spot checks against the dossier's table (x100): France today CON -0.5, US 2011 SOV -2.
  CHECK(cat.state("france")->era(Era::today).stance[3] == -50);
  CHECK(cat.state("united_states")->era(Era::y2011).stance[0] == -200);
  CHECK(cat.state("russia")->era(Era::today).stance[2] == -200);
}

TEST_CASE("every objective and goal parses with the condition language", "[content]") {
  const auto& cat = shipped();
  int parsed = 0;
  for (const auto& s : cat.states()) {
    for (const Era e : {Era::y2011, Era::y2015, Era::y2021, Era::today}) {
      for (const auto& o : s.objectives_for(e)) {
        INFO(s.id << ": " << o.condition);
        const auto p = scoring::parse_condition(o.condition, cat.clauses());
        CHECK(p);
        CHECK_FALSE(o.text.empty());
        ++parsed;
      }
    }
  }
  for (const auto& sc : cat.scenarios())
    for (const auto& [state, o] : sc.seat_overrides)
      for (const auto& objective : o.objectives.value_or(std::vector<ObjectiveSetup>{})) {
        INFO(sc.id << " / " << state << ": " << objective.condition);
        CHECK(scoring::parse_condition(objective.condition, cat.clauses()));
        CHECK_FALSE(objective.text.empty());
        ++parsed;
      }
  for (const auto& sc : cat.scenarios()) {
    if (!sc.goal) continue;
    INFO(sc.id << ": " << sc.goal->condition);
    CHECK(
        scoring::parse_condition(sc.goal->condition, cat.clauses(), scoring::ConditionMode::goal));
    ++parsed;
  }
  CHECK(parsed > 120);
}

TEST_CASE("a seat predicate in a scenario goal is refused", "[content]") {
  CHECK_FALSE(scoring::parse_condition("seat_sponsored_adopted()", shipped().clauses(),
                                       scoring::ConditionMode::goal));
}

TEST_CASE("every scenario has briefing, teacher notes, outcome and two presets", "[content]") {
  for (const auto& s : shipped().scenarios()) {
    INFO(s.id);
    CHECK(s.briefing.size() > 800);
    CHECK(s.teacher_notes.learning_goals.size() >= 2);
    CHECK(s.teacher_notes.discussion_questions.size() >= 2);
    CHECK_FALSE(s.teacher_notes.delegations.empty());
    CHECK_FALSE(s.historical_outcome.empty());
    REQUIRE(s.preset("class45"));
    REQUIRE(s.preset("online_long"));
    CHECK(s.preset("class45")->debrief_ms >= 10 * 60 * 1000);  // time for the class discussion
    CHECK(s.preset("online_long")->total_ms() > 90 * 60 * 1000);
    CHECK(s.drop_order.size() + 4 == s.seats.size());
  }
}

TEST_CASE("the content hash covers states and scenarios", "[content]") {
  const ContentLoad a = load_fixture();
  INFO(all_errors(a));
  REQUIRE(a.ok());
  const ContentLoad same = load_fixture();
  REQUIRE(same.ok());
  CHECK(a.catalogue->content_hash() == same.catalogue->content_hash());
  // The dangling-ref fixture is invalid; build a valid variation instead: another brief.
  std::map<std::string, std::string> files;
  read_files(ACCORD_ASSET_DIR, {"clauses", "scoring"}, files);
  read_files(std::filesystem::path(ACCORD_CONTENT_TEST_DATA) / "minimal", {"states", "scenarios"},
             files);
  auto& kenya = files["states/kenya.json"];
  const auto at = kenya.find("Kenya brief today.");
  REQUIRE(at != std::string::npos);
  kenya.replace(at, 5, "Kenyan");
  std::vector<AssetFile> list;
  for (auto& [name, bytes] : files)
    list.push_back({name, bytes});
  const ContentLoad changed = build_content(std::move(list));
  INFO(all_errors(changed));
  REQUIRE(changed.ok());
  CHECK(changed.catalogue->content_hash() != a.catalogue->content_hash());
}

}  // namespace accord::content::test
