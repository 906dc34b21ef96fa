// The shipped clause library: every archetype and variant of the dossier, with its numbers.
#include <map>
#include <set>

#include "scoring_test_support.hpp"

namespace accord::scoring::test {
namespace {

TEST_CASE("the shipped assets load without errors") {
  const CatalogueLoad load = load_catalogue(ACCORD_ASSET_DIR);
  for (const auto& e : load.errors)
    UNSCOPED_INFO(e.describe());
  CHECK(load.errors.empty());
  CHECK(load.ok());
}

TEST_CASE("the library holds archetypes 1 to 43, every named variant and the roadmap 8r") {
  const auto& cat = shipped();
  for (int n = 1; n <= 43; ++n) {
    const std::string ref = std::to_string(n);
    INFO(ref);
    const ClauseArchetype* clause = cat.find(ref);
    REQUIRE(clause);
    CHECK(clause->family == ref);
    CHECK_FALSE(clause->is_variant());
  }
  const std::map<std::string, std::string> variants{
      {"4b", "4"},   {"6s", "6"},   {"8r", "8"},   {"22s", "22"}, {"27u", "27"},
      {"36n", "36"}, {"36r", "36"}, {"38q", "38"}, {"39m", "39"}, {"41r", "41"}};
  for (const auto& [ref, family] : variants) {
    INFO(ref);
    REQUIRE(cat.find(ref));
    CHECK(cat.family_of(ref) == family);
    CHECK(cat.find(ref)->is_variant());
  }
  CHECK(cat.clauses().size() == 43 + variants.size());
  CHECK(cat.find("99") == nullptr);
  CHECK(cat.family_of("99").empty());
}

TEST_CASE("every entry is complete and listed in its category") {
  const auto& cat = shipped();
  std::size_t in_categories = 0;
  for (const auto& category : cat.categories())
    in_categories += cat.in_category(category.id).size();
  CHECK(in_categories == cat.clauses().size());
  for (const auto& c : cat.clauses()) {
    INFO(c.ref);
    CHECK_FALSE(c.title.empty());
    CHECK_FALSE(c.text.empty());
    CHECK_FALSE(c.summary.empty());
    CHECK_FALSE(c.sources.empty());
    if (c.is_variant()) CHECK_FALSE(c.stance.note.empty());
  }
  CHECK(cat.in_family("36").size() == 3);
  CHECK(cat.clauses().front().ref == "1");
  CHECK(cat.clauses().back().ref == "43");
}

TEST_CASE("contributions are the dossier's matrix (spot checks)") {
  const auto& cat = shipped();
  CHECK(cat.find("35")->contributions == Points{3, 0, 0, -2, 0, 3, 0});
  CHECK(cat.find("41")->contributions == Points{1, 3, 2, 1, 0, 0, 3});
  CHECK(cat.find("38q")->contributions == Points{0, 0, 0, -1, 1, 1, 0});
  CHECK(cat.find("6s")->contributions == Points{0, 0, 1, 0, 0, 0, 0});
  CHECK(cat.find("8r")->contributions == Points{1, 0, 1, 0, 1, 0, 0});
}

TEST_CASE("stance weights are the dossier's table in hundredths") {
  const auto& cat = shipped();
  const auto& s1 = cat.find("1")->stance;
  CHECK(s1.base == 200);
  CHECK(s1.weights == std::array<int, 7>{0, 0, 50, 0, 50, 0, 0});
  const auto& s40 = cat.find("40")->stance;
  CHECK(s40.base == 50);
  CHECK(s40.weights == std::array<int, 7>{80, -80, 0, 0, 30, 0, 0});
  CHECK(cat.find("35")->stance.weights == std::array<int, 7>{0, 0, 0, 30, 50, -120, 0});
}

TEST_CASE("criteria, presets and interactions come from the assets") {
  const auto& cat = shipped();
  REQUIRE(cat.criteria().size() == 8);
  CHECK(cat.criterion(Criterion::SP).code == "SP");
  CHECK(cat.legitimacy().code == "LA");
  CHECK(cat.default_preset().id == "balanced");
  REQUIRE(cat.preset("sovereigntist"));
  CHECK(cat.preset("sovereigntist")->weights_pm[index_of(Criterion::MI)] == 260);
  CHECK(cat.preset("nope") == nullptr);
  std::set<std::string> ids;
  for (const auto& r : cat.interactions())
    ids.insert(r.id);
  CHECK(ids == std::set<std::string>{"S1", "S2", "S3", "S4", "S5", "C1", "C2", "T1", "T2", "T3",
                                     "T4", "X1", "X2", "X3"});
}

}  // namespace
}  // namespace accord::scoring::test
