#include "content/stance.hpp"
#include "content_test_support.hpp"

namespace accord::content::test {

namespace {

SeatSetup seat_with(std::vector<std::int32_t> stance, std::vector<RedLine> red_lines = {}) {
  SeatSetup s;
  s.state = "test";
  s.name = "Test";
  s.bloc = "W";
  s.stance = std::move(stance);
  s.red_lines = std::move(red_lines);
  return s;
}

}  // namespace

TEST_CASE("support is base + sum of weight x axis, on the x100 scale", "[content][stance]") {
  const auto& clauses = shipped().clauses();
  // #38: base -0.5, SOV +0.5, CON +1.5. The US in 2011: SOV -2, CON -2 -> -0.5 - 1 - 3 = -4.5.
  const std::vector<std::int32_t> us{-200, 200, 200, -200, -100, 200, 0};
  CHECK(support(clauses, "38", us) == -450);
  CHECK(rate(support_exact(clauses, "38", us)) == Rating::strongly_against);
  // #29: base 2, CAP +0.8. Kenya 2011 CAP +2 -> 3.6, a champion.
  const std::vector<std::int32_t> kenya{0, 100, 0, 0, 100, 0, 200};
  CHECK(support(clauses, "29", kenya) == 360);
  CHECK(rate(support_exact(clauses, "29", kenya)) == Rating::strongly_in_favour);
  // Unknown references and malformed stances count 0.
  CHECK(support(clauses, "99", kenya) == 0);
  CHECK(support(clauses, "29", std::vector<std::int32_t>{1, 2}) == 0);
}

TEST_CASE("rounding and thresholds are exact", "[content][stance]") {
  CHECK(rate(30000) == Rating::strongly_in_favour);
  CHECK(rate(29999) == Rating::in_favour);
  CHECK(rate(15000) == Rating::in_favour);
  CHECK(rate(14999) == Rating::neutral);
  CHECK(rate(-9999) == Rating::neutral);
  CHECK(rate(-10000) == Rating::against);
  CHECK(rate(-29999) == Rating::against);
  CHECK(rate(-30000) == Rating::strongly_against);
  CHECK(rating_symbol(Rating::strongly_against) == "--");
  // France today on #3 (SOV 0, MSH +2, CON -0.5): 0 + 0 - 1 - 0.25 = -1.25 -> shown as -125.
  const std::vector<std::int32_t> france{0, 200, 200, -50, 100, 200, 100};
  CHECK(support(shipped().clauses(), "3", france) == -125);
}

TEST_CASE("the vote rule: red lines and -- veto, otherwise the sum decides", "[content][stance]") {
  const auto& clauses = shipped().clauses();
  const std::vector<std::int32_t> neutral{0, 0, 0, 0, 0, 0, 0};
  const auto plain = seat_with(neutral);
  CHECK(stance_vote(plain, clauses, {"5", "29"}).ballot == Ballot::yes);
  CHECK(stance_vote(plain, clauses, {}).ballot == Ballot::abstain);
  // #8 has base -0.5 and nothing else for a neutral seat: negative sum, no veto -> abstain.
  CHECK(stance_vote(plain, clauses, {"8"}).ballot == Ballot::abstain);

  const auto west = seat_with(neutral, {{"38", "38q"}});
  const auto with_38 = stance_vote(west, clauses, {"5", "29", "38"});
  CHECK(with_38.ballot == Ballot::no);
  CHECK(with_38.red_lines_hit == std::vector<std::string>{"38"});
  // The lifting variant in its place lifts the red line.
  CHECK(stance_vote(west, clauses, {"5", "29", "38q"}).ballot == Ballot::yes);

  // A -- clause vetoes even when the sum is positive.
  const std::vector<std::int32_t> us{-200, 200, 200, -200, -100, 200, 0};
  const auto v = stance_vote(seat_with(us), clauses, {"5", "14", "15", "24", "29", "13"});
  CHECK(v.total_exact > 0);
  CHECK(v.strongly_against == std::vector<std::string>{"13"});
  CHECK(v.ballot == Ballot::no);
}

TEST_CASE("the tally counts blocs in favour by majority", "[content][stance]") {
  const auto& clauses = shipped().clauses();
  std::vector<SeatSetup> seats{seat_with({0, 0, 0, 0, 0, 0, 0}),
                               seat_with({0, 0, 0, 0, 0, 0, 0}, {{"5", ""}}),
                               seat_with({0, 0, 0, 0, 0, 0, 0})};
  seats[2].bloc = "AU";
  const auto t = stance_tally(seats, clauses, {"5"});
  CHECK(t.yes == 2);
  CHECK(t.no == 1);
  CHECK(t.blocs_total == 2);
  CHECK(t.blocs_in_favour == 1);  // W is split 1-1: no majority
}

TEST_CASE("decision rules", "[content][stance]") {
  CHECK(passes(DecisionRule::simple_majority, 3, 2));
  CHECK_FALSE(passes(DecisionRule::simple_majority, 2, 2));
  CHECK(passes(DecisionRule::two_thirds, 2, 1));
  CHECK_FALSE(passes(DecisionRule::two_thirds, 13, 7));
  CHECK(passes(DecisionRule::two_thirds, 14, 6));
  CHECK(passes(DecisionRule::consensus, 8, 0));
  CHECK_FALSE(passes(DecisionRule::consensus, 8, 1));
  CHECK_FALSE(passes(DecisionRule::consensus, 0, 0));
}

}  // namespace accord::content::test
