#include "content_test_support.hpp"
#include "core/rules.hpp"

namespace accord::content::test {

TEST_CASE("every scenario creates valid matches at 4 seats and at full size", "[content][match]") {
  const auto& cat = shipped();
  for (const auto& s : cat.scenarios()) {
    for (const std::size_t n : {std::size_t{4}, std::size_t{9}, s.seats.size()}) {
      for (const char* preset : {"class45", "online_long"}) {
        INFO(s.id << " with " << n << " seats, " << preset);
        const MatchCreation made = make_match_settings(cat, s.id, n, preset);
        INFO(made.error);
        REQUIRE(made);
        const MatchSettings& m = made.setup->settings;
        const auto problem = validate_settings(m);
        INFO((problem ? problem->message : std::string()));
        CHECK_FALSE(problem);
        CHECK(m.seats.size() == n);
        CHECK(m.rules.decision_rule == s.decision_rule);
        CHECK(m.rules.ballot == s.ballot);
        CHECK(m.rules.rounds == s.preset(preset)->rounds);
        CHECK(m.rules.drafting_ms == s.preset(preset)->drafting_ms);
        CHECK(m.drafts.size() == s.drafts.size());
        CHECK(made.setup->header.content_hash == cat.content_hash_hex());
        CHECK(made.setup->header.settings == m);
        for (std::size_t d = 0; d < m.drafts.size(); ++d) {
          CHECK_FALSE(m.drafts[d].sponsors.empty());
          CHECK(m.drafts[d].starting_refs == s.drafts[d].starting_refs);
        }
        for (const auto& seat : m.seats) {
          CHECK(seat.stance.size() == 7);
          // The era's text unless the scenario gives the seat its own.
          const auto own = s.seat_overrides.find(seat.state);
          const bool own_text = own != s.seat_overrides.end() && own->second.position;
          CHECK(seat.position ==
                (own_text ? *own->second.position : cat.state(seat.state)->era(s.era).position));
        }
      }
    }
  }
}

TEST_CASE("seats leave in the scenario's drop order, the core four stay", "[content][match]") {
  const auto& cat = shipped();
  const Scenario& s = *cat.scenario("collapse");
  const auto full = s.seats_for(s.seats.size());
  CHECK(full == s.seats);
  const auto one_less = s.seats_for(s.seats.size() - 1);
  CHECK(std::find(one_less.begin(), one_less.end(), s.drop_order.front()) == one_less.end());
  const auto core = s.seats_for(4);
  REQUIRE(core.size() == 4);
  for (const auto& id : core)
    CHECK(std::find(s.drop_order.begin(), s.drop_order.end(), id) == s.drop_order.end());
  // Cuba, the historical objector, is in the core of "Collapse".
  CHECK(std::find(core.begin(), core.end(), "cuba") != core.end());
  CHECK(s.seats_for(3).empty());
  CHECK(s.seats_for(s.seats.size() + 1).empty());
}

TEST_CASE("the clause table holds every variant of the families on the table", "[content][match]") {
  const auto& cat = shipped();
  const MatchCreation made = make_match_settings(cat, "opt_in_code", 20, "class45");
  REQUIRE(made);
  const auto& table = made.setup->settings.clause_table;
  const auto has = [&](const char* ref, const char* family) {
    return std::find(table.begin(), table.end(), ClauseOption{ref, family}) != table.end();
  };
  CHECK(has("38", "38"));
  CHECK(has("38q", "38"));
  CHECK(has("36n", "36"));
  CHECK(has("36r", "36"));
  CHECK(has("27u", "27"));
  CHECK_FALSE(has("2", "2"));  // family 2 is not on this scenario's table
}

TEST_CASE("sponsors map to seat indices and a seated sponsor tables the text", "[content][match]") {
  const auto& cat = shipped();
  const MatchCreation made = make_match_settings(cat, "two_tracks", 20, "online_long");
  REQUIRE(made);
  const auto& m = made.setup->settings;
  REQUIRE(m.drafts.size() == 2);
  for (const SeatIndex i : m.drafts[0].sponsors)
    CHECK((m.seats[i].state == "russia" || m.seats[i].state == "china" ||
           m.seats[i].state == "iran" || m.seats[i].state == "cuba"));
  const MatchCreation small = make_match_settings(cat, "two_tracks", 4, "class45");
  REQUIRE(small);
  CHECK(small.setup->settings.drafts[0].sponsors.size() == 1);
  CHECK(small.setup->settings.drafts[1].sponsors.size() == 1);
}

TEST_CASE("bad requests give clear errors", "[content][match]") {
  const auto& cat = shipped();
  const auto unknown = make_match_settings(cat, "atlantis", 4, "class45");
  CHECK_FALSE(unknown);
  CHECK(unknown.error == "Unknown scenario 'atlantis'.");
  const auto few = make_match_settings(cat, "hanoi", 3, "class45");
  CHECK_FALSE(few);
  CHECK(few.error == "\"Hanoi\" plays with 4 to 20 seats, not 3.");
  CHECK_FALSE(make_match_settings(cat, "hanoi", 21, "class45"));
  const auto preset = make_match_settings(cat, "hanoi", 8, "marathon");
  CHECK_FALSE(preset);
  CHECK(preset.error == "\"Hanoi\" has no timer preset 'marathon'.");
}

}  // namespace accord::content::test
