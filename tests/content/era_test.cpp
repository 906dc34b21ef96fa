// Profiles per era (issue 14): the scenario's year chooses the era, the 2015 era overrides the
// 2011 one part by part, and the loader refuses an era that disagrees with the year, a seat
// without text for its era and a fact dated after the scenario.
#include "content_test_support.hpp"

namespace accord::content::test {

namespace {

bool has_error(const ContentLoad& load, const std::string& file, const std::string& path,
               const std::string& words) {
  for (const auto& e : load.errors)
    if (e.file == file && e.path == path && e.problem.find(words) != std::string::npos) return true;
  return false;
}

const Edit kYear2015{"scenarios/mini.json", "\"year\": 2011,\n  \"era\": \"2011\"",
                     "\"year\": 2015,\n  \"era\": \"2015\""};

}  // namespace

TEST_CASE("era: the year chooses the era", "[content][era]") {
  CHECK(era_for_year(2011) == Era::y2011);
  CHECK(era_for_year(2014) == Era::y2011);
  CHECK(era_for_year(2015) == Era::y2015);
  CHECK(era_for_year(2018) == Era::y2015);
  CHECK(era_for_year(2020) == Era::y2015);
  CHECK(era_for_year(2021) == Era::y2021);
  CHECK(era_for_year(2024) == Era::y2021);
  CHECK(era_for_year(2025) == Era::today);
  for (const Era e : {Era::y2011, Era::y2015, Era::y2021, Era::today})
    CHECK(era_from_name(era_name(e)) == e);
  CHECK_FALSE(era_from_name("2016").has_value());
}

TEST_CASE("era: shipped scenarios of 2015-2018 seat the 2015 profiles", "[content][era]") {
  const auto& cat = shipped();
  for (const char* id : {"eleven_norms", "collapse", "two_tracks"}) {
    INFO(id);
    const Scenario* s = cat.scenario(id);
    REQUIRE(s);
    CHECK(s->era == Era::y2015);
    const MatchCreation made = make_match_settings(cat, id, s->seats.size(), "class45");
    REQUIRE(made);
    for (const auto& seat : made.setup->settings.seats) {
      INFO(seat.state);
      const auto own = s->seat_overrides.find(seat.state);
      if (own == s->seat_overrides.end() || !own->second.brief)
        CHECK(seat.brief == cat.state(seat.state)->era(Era::y2015).brief);
    }
    const auto seat_of = [&](const std::string& state) {
      for (const auto& seat : made.setup->settings.seats)
        if (seat.state == state) return seat;
      FAIL("no seat " << state);
      return SeatSetup{};
    };
    CHECK(seat_of("united_states").brief.find("just published") == std::string::npos);
    CHECK(seat_of("european_union").brief.find("twenty-seven") == std::string::npos);
    CHECK(seat_of("european_union").brief.find("twenty-eight") != std::string::npos);
    CHECK(seat_of("kazakhstan").position.find("co-sponsor") != std::string::npos);
  }
  // The 2011 scenario keeps the 2011 texts.
  const MatchCreation y2011 = make_match_settings(cat, "opt_in_code", 20, "class45");
  REQUIRE(y2011);
  for (const auto& seat : y2011.setup->settings.seats)
    CHECK(seat.brief == cat.state(seat.state)->era(Era::y2011).brief);
  CHECK(cat.state("united_states")->era(Era::y2011).brief.find("just published") !=
        std::string::npos);
}

TEST_CASE("era: Hanoi (2024) seats the 2021 profiles, which cite nothing of 2025",
          "[content][era]") {
  const auto& cat = shipped();
  const Scenario* hanoi = cat.scenario("hanoi");
  REQUIRE(hanoi);
  CHECK(hanoi->era == Era::y2021);
  CHECK(cat.scenario("global_mechanism")->era == Era::today);
  const MatchCreation made = make_match_settings(cat, "hanoi", hanoi->seats.size(), "class45");
  REQUIRE(made);
  for (const auto& seat : made.setup->settings.seats) {
    INFO(seat.state);
    CHECK(seat.brief.find("Global Mechanism") == std::string::npos);
    CHECK(seat.position.find("2025") == std::string::npos);
    CHECK(seat.brief.find("2025") == std::string::npos);
    for (const auto& fact : cat.state(seat.state)->era(Era::y2021).facts)
      CHECK(fact.since <= YearMonth{2024, 8});
  }
  // A state without its own 2021 era has today's.
  CHECK(cat.state("france")->era(Era::y2021).brief == cat.state("france")->era(Era::today).brief);
}

TEST_CASE("era: a scenario can give a seat its own position and brief", "[content][era]") {
  const auto& cat = shipped();
  const MatchCreation made = make_match_settings(cat, "eleven_norms", 20, "class45");
  REQUIRE(made);
  for (const auto& seat : made.setup->settings.seats)
    if (seat.state == "brazil") {
      CHECK(seat.brief.find("You chair the group") != std::string::npos);
      CHECK(seat.brief != cat.state("brazil")->era(Era::y2015).brief);
    }
  // In 2017 Brazil no longer chairs: the 2015 profile's own text.
  const MatchCreation later = make_match_settings(cat, "collapse", 20, "class45");
  REQUIRE(later);
  for (const auto& seat : later.setup->settings.seats)
    if (seat.state == "brazil") CHECK(seat.brief == cat.state("brazil")->era(Era::y2015).brief);

  const ContentLoad empty = load_edited(
      {{"scenarios/mini.json", "\"body\":",
        "\"seat_overrides\": {\"kenya\": {\"brief\": \"\", \"why\": \"x\"}},\n  \"body\":"}});
  bool found = false;
  for (const auto& e : empty.errors)
    found |= e.file == "scenarios/mini.json" && e.path == "/seat_overrides/kenya";
  CHECK(found);
}

TEST_CASE("era: a state without a 2015 era keeps its 2011 profile", "[content][era]") {
  const ContentLoad load = load_edited({kYear2015});
  INFO(all_errors(load));
  REQUIRE(load.ok());
  const auto& cat = *load.catalogue;
  CHECK(cat.scenario("mini")->era == Era::y2015);
  const MatchCreation made = make_match_settings(cat, "mini", 4, "class45");
  REQUIRE(made);
  CHECK(made.setup->settings.seats[2].brief == "Brazil brief in 2011.");
}

TEST_CASE("era: a 2015 era overrides only what it gives", "[content][era]") {
  const ContentLoad load = load_edited(
      {kYear2015,
       {"states/brazil.json", "\"today\": {",
        "\"2015\": {\"position\": \"Brazil position in 2015.\", \"brief\": \"Brazil brief in "
        "2015.\", \"facts\": [{\"fact\": \"Chaired the GGE.\", \"source\": \"A/70/174\", "
        "\"tag\": \"V\", \"since\": \"2014\"}]},\n    \"today\": {"}});
  INFO(all_errors(load));
  REQUIRE(load.ok());
  const StateProfile& brazil = *load.catalogue->state("brazil");
  CHECK(brazil.era(Era::y2015).brief == "Brazil brief in 2015.");
  CHECK(brazil.era(Era::y2015).stance == brazil.era(Era::y2011).stance);
  CHECK(brazil.era(Era::y2015).facts.size() == 1);
  CHECK(brazil.era(Era::y2015).facts[0].since == YearMonth{2014, 0});
  const MatchCreation made = make_match_settings(*load.catalogue, "mini", 4, "class45");
  REQUIRE(made);
  CHECK(made.setup->settings.seats[2].position == "Brazil position in 2015.");
}

TEST_CASE("era: a scenario's era must match its year", "[content][era]") {
  const ContentLoad load =
      load_edited({{"scenarios/mini.json", "\"year\": 2011,", "\"year\": 2017,"}});
  CHECK(has_error(load, "scenarios/mini.json", "/era", "uses the '2015' profiles, not '2011'"));
}

TEST_CASE("era: a fact dated after the scenario is an anachronism", "[content][era]") {
  const Edit dated{"states/russia.json", "\"tag\": \"R\"",
                   "\"tag\": \"R\", \"since\": \"2012-12\""};
  const ContentLoad late = load_edited({dated});
  CHECK(has_error(late, "states/russia.json", "/eras/2011/facts/0/since",
                  "cites an event of 2012-12, after scenario 'mini' (2011)"));
  // Within the scenario's year but after its month.
  const ContentLoad month = load_edited(
      {{"states/russia.json", "\"tag\": \"R\"", "\"tag\": \"R\", \"since\": \"2011-11\""},
       {"scenarios/mini.json", "\"year\": 2011,", "\"year\": 2011,\n  \"date\": \"2011-10\","}});
  CHECK(has_error(month, "states/russia.json", "/eras/2011/facts/0/since", "2011-11"));
  // The same month is fine, and so is an undated year.
  const ContentLoad same = load_edited(
      {{"states/russia.json", "\"tag\": \"R\"", "\"tag\": \"R\", \"since\": \"2011\""},
       {"scenarios/mini.json", "\"year\": 2011,", "\"year\": 2011,\n  \"date\": \"2011-10\","}});
  INFO(all_errors(same));
  CHECK(same.ok());
}

TEST_CASE("era: every seat needs a position and brief in its era", "[content][era]") {
  const ContentLoad load = load_edited(
      {{"states/kenya.json", "\"brief\": \"Kenya brief in 2011.\"", "\"brief\": \"\""}});
  CHECK(has_error(load, "states/kenya.json", "/eras/2011", "no position and brief"));
}

TEST_CASE("era: a UN observer seat needs the scenario's observer rule", "[content][era]") {
  const Edit observer{"states/kenya.json", "\"bloc\": \"AU\",",
                      "\"bloc\": \"AU\",\n  \"un_status\": \"observer\","};
  CHECK(has_error(load_edited({observer}), "scenarios/mini.json", "/observer_rule", "UN observer"));
  const ContentLoad ruled = load_edited(
      {observer,
       {"scenarios/mini.json", "\"body\":", "\"observer_rule\": \"It votes.\",\n  \"body\":"}});
  INFO(all_errors(ruled));
  REQUIRE(ruled.ok());
  CHECK(ruled.catalogue->state("kenya")->un_observer);
}

TEST_CASE("era: the shipped observers are marked and every scenario has the rule",
          "[content][era]") {
  const auto& cat = shipped();
  CHECK(cat.state("european_union")->un_observer);
  CHECK(cat.state("african_union")->un_observer);
  CHECK_FALSE(cat.state("united_states")->un_observer);
  for (const auto& s : cat.scenarios())
    CHECK_FALSE(s.observer_rule.empty());
}

}  // namespace accord::content::test
