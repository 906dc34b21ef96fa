// The condition language's parser: the grammar, argument checks against the catalogue, goal
// mode, and errors that name the position and the problem.
#include "scoring/conditions.hpp"
#include "scoring_test_support.hpp"

namespace accord::scoring::test {
namespace {

Condition parsed(const std::string& text, ConditionMode mode = ConditionMode::objective) {
  const auto p = parse_condition(text, shipped(), mode);
  INFO(text << ": " << (p.error ? p.error->describe() : std::string()));
  REQUIRE(p);
  CHECK_FALSE(p.error);
  return *p.condition;
}

ConditionError error_of(const std::string& text, ConditionMode mode = ConditionMode::objective) {
  const auto p = parse_condition(text, shipped(), mode);
  INFO(text);
  REQUIRE_FALSE(p);
  REQUIRE(p.error);
  CHECK_FALSE(p.condition);
  return *p.error;
}

bool mentions(const ConditionError& e, const std::string& words) {
  INFO(e.describe());
  return e.problem.find(words) != std::string::npos;
}

TEST_CASE("every predicate parses with its arguments") {
  CHECK(parsed("code_adopted()").predicate == Predicate::code_adopted);
  const auto family = parsed("adopted(38)");
  CHECK(family.predicate == Predicate::adopted);
  CHECK(family.ref == "38");
  CHECK(parsed("adopted_ref(38q)").ref == "38q");
  CHECK(parsed("adopted_ref(8r)").ref == "8r");
  const auto in = parsed("adopted_in(1, 24)");
  CHECK(in.predicate == Predicate::adopted_in);
  CHECK(in.count == 1);
  CHECK(in.ref == "24");
  const auto co = parsed("adopted_with_cosponsors(27,3)");
  CHECK(co.ref == "27");
  CHECK(co.count == 3);
  CHECK(parsed("seat_sponsored_adopted()").predicate == Predicate::seat_sponsored_adopted);
  CHECK(parsed("seat_supported_adopted(2)").count == 2);
  const auto crit = parsed("criterion_at_least(TR, 62.5)");
  CHECK(crit.criterion == Criterion::TR);
  CHECK(crit.tenths == 625);
  CHECK(parsed("content_at_least(50)").tenths == 500);
  CHECK(parsed("final_at_least(0.5)").tenths == 5);
  CHECK(parsed("legitimacy_at_least(100)").tenths == 1000);
  CHECK(parsed("deals_honoured()").predicate == Predicate::deals_honoured);
}

TEST_CASE("and binds tighter than or, not binds tightest, parentheses group") {
  const auto c = parsed("adopted(38) or adopted(24) and not adopted(27)");
  REQUIRE(c.kind == Condition::Kind::any_of);
  REQUIRE(c.children.size() == 2);
  CHECK(c.children[0].kind == Condition::Kind::predicate);
  const auto& conj = c.children[1];
  REQUIRE(conj.kind == Condition::Kind::all_of);
  REQUIRE(conj.children.size() == 2);
  CHECK(conj.children[1].kind == Condition::Kind::negation);
  CHECK(conj.children[1].children.at(0).ref == "27");

  const auto g = parsed("( adopted(38) or adopted(24) ) and not not code_adopted()");
  REQUIRE(g.kind == Condition::Kind::all_of);
  CHECK(g.children[0].kind == Condition::Kind::any_of);
  CHECK(g.children[1].kind == Condition::Kind::negation);
  CHECK(g.children[1].children.at(0).kind == Condition::Kind::negation);

  const auto chain = parsed("adopted(1) and adopted(24) and adopted(27)");
  CHECK(chain.children.size() == 3);  // one flat list, not nested pairs
}

TEST_CASE("parse errors name the position and the problem") {
  SECTION("unknown predicate") {
    const auto e = error_of("adopted(24) and adopt(38)");
    CHECK(e.position == 16);
    CHECK(mentions(e, "unknown predicate 'adopt'"));
    CHECK(e.describe().rfind("at column 17: ", 0) == 0);
  }
  SECTION("wrong argument count") {
    const auto e = error_of("adopted(24, 27)");
    CHECK(e.position == 12);
    CHECK(mentions(e, "adopted takes 1 argument (adopted(F)), not 2"));
    CHECK(mentions(error_of("adopted_in(24)"), "takes 2 arguments"));
    CHECK(mentions(error_of("code_adopted(1)"), "takes 0 arguments"));
  }
  SECTION("wrong argument type") {
    CHECK(mentions(error_of("criterion_at_least(38, 50)"), "unknown criterion '38'"));
    CHECK(mentions(error_of("criterion_at_least(LA, 50)"), "legitimacy_at_least"));
    CHECK(mentions(error_of("content_at_least(TR)"), "expected a score from 0 to 100"));
    CHECK(mentions(error_of("content_at_least(100.1)"), "expected a score"));
    CHECK(mentions(error_of("content_at_least(62.55)"), "at most one decimal"));
    CHECK(mentions(error_of("seat_supported_adopted(1.5)"), "expected a whole number"));
    CHECK(mentions(error_of("adopted_in(x, 24)"), "expected a whole number"));
  }
  SECTION("unknown family or reference") {
    const auto e = error_of("adopted(99)");
    CHECK(e.position == 8);
    CHECK(mentions(e, "unknown clause family '99'"));
    CHECK(mentions(error_of("adopted_ref(38z)"), "unknown clause reference '38z'"));
    // A variant is not a family: the message says how to write either meaning.
    const auto v = error_of("adopted_with_cosponsors(38q, 2)");
    CHECK(mentions(v, "'38q' is a variant of family 38"));
    CHECK(mentions(v, "adopted_ref(38q)"));
  }
  SECTION("trailing input") {
    const auto e = error_of("adopted(24) adopted(27)");
    CHECK(e.position == 12);
    CHECK(mentions(e, "after a complete condition"));
    CHECK(error_of("adopted(24))").position == 11);
  }
  SECTION("malformed structure") {
    CHECK(mentions(error_of(""), "empty"));
    CHECK(mentions(error_of("   "), "empty"));
    CHECK(mentions(error_of("adopted"), "expected '(' after adopted"));
    CHECK(mentions(error_of("(adopted(24)"), "expected ')'"));
    CHECK(mentions(error_of("adopted(24) and"), "expected a condition"));
    CHECK(mentions(error_of("and adopted(24)"), "expected a condition"));
    CHECK(mentions(error_of("adopted(24,)"), "expected an argument"));
    CHECK(mentions(error_of("adopted(24 27)"), "expected ',' or ')'"));
    CHECK(mentions(error_of("content_at_least(-5)"), "unexpected character '-'"));
    CHECK(error_of("adopted(24) & adopted(27)").position == 12);
  }
}

TEST_CASE("bad input of any kind gives an error, never a crash") {
  CHECK(mentions(error_of("adopted(\xC3\xA9)"), "only ASCII"));
  CHECK(mentions(error_of(std::string("adopted(24)\0", 12)), "unexpected byte 0"));
  CHECK(mentions(error_of(std::string(5000, ' ')), "longer than 4096 bytes"));
  std::string deep;
  for (int i = 0; i < 200; ++i)
    deep += "(";
  CHECK(mentions(error_of(deep + "code_adopted()"), "nested more than"));
  std::string nots;
  for (int i = 0; i < 200; ++i)
    nots += "not ";
  CHECK(mentions(error_of(nots + "code_adopted()"), "nested more than"));
  CHECK(mentions(error_of("adopted_in(99999999999999999999, 24)"), "expected a whole number"));
  // Within the limits, nesting is fine.
  CHECK(parsed("((((not code_adopted()))))").kind == Condition::Kind::negation);
}

TEST_CASE("goal mode refuses the seat predicates, objective mode accepts them") {
  for (const char* seat_only :
       {"seat_sponsored_adopted()", "seat_supported_adopted(2)", "deals_honoured()"}) {
    parsed(seat_only);
    const auto e = error_of(std::string("code_adopted() and ") + seat_only, ConditionMode::goal);
    CHECK(e.position == 19);
    CHECK(mentions(e, "a scenario goal has no seat"));
  }
  parsed("code_adopted() and legitimacy_at_least(60) and not adopted(38)", ConditionMode::goal);
}

}  // namespace
}  // namespace accord::scoring::test
