// Table-driven cases for the facilitator's tag override of a free-text clause.
#include "core/visibility.hpp"
#include "test_support.hpp"

namespace accord::test {
namespace {

const std::vector<std::int32_t> kPoints{0, 3, 1, 0, -1, 0, 2};

// Seat 0 (participant 0) tables clause 0, the library's #38; seat 1 (participant 1) tables
// clause 1, free text. The conference is in drafting.
Table tabled() {
  Table t(header_with_seats(3));
  t.seat_one_each();
  t.advance_to(Phase::drafting);
  t.must(Actor::of(0), TableClause{0, "38", ""});
  t.must(Actor::of(1), TableClause{0, "", "States shall publish their national cyber strategies."});
  return t;
}

Table overridden() {
  Table t = tabled();
  t.must(Actor::facilitator(), OverrideClauseTags{1, kPoints});
  return t;
}

Table in_clause_voting() {
  Table t = tabled();
  t.must(Actor::facilitator(), AdvancePhase{});
  return t;
}

Table in_debrief() {
  Table t = tabled();
  t.advance_to(Phase::debrief);
  return t;
}

// In the lobby the scenario's starting text is on the table, but nothing can be overridden.
Table lobby() {
  LogHeader h = header_with_seats(3);
  h.settings.drafts[0].sponsors = {0};
  h.settings.drafts[0].starting_refs = {"1"};
  return Table(h);
}

std::vector<std::int32_t> with(std::size_t index, std::int32_t value) {
  auto points = kPoints;
  points[index] = value;
  return points;
}

const RegisterRuleCases tag_override_cases({
    {"the facilitator overrides a free-text clause's points", tabled, Actor::facilitator(),
     OverrideClauseTags{1, kPoints}, std::nullopt,
     [](const Match& m) {
       CHECK(m.clauses[1].facilitator_points == kPoints);
       CHECK(m.clauses[0].facilitator_points.empty());
       // Public: every viewer sees the same points, so every scorecard agrees.
       CHECK(view_for(m, Viewer::audience()).clauses[1].facilitator_points == kPoints);
     }},
    {"the facilitator clears an override", overridden, Actor::facilitator(),
     OverrideClauseTags{1, {}}, std::nullopt,
     [](const Match& m) { CHECK(m.clauses[1].facilitator_points.empty()); }},
    {"an override replaces an earlier one", overridden, Actor::facilitator(),
     OverrideClauseTags{1, with(0, -3)}, std::nullopt,
     [](const Match& m) { CHECK(m.clauses[1].facilitator_points == with(0, -3)); }},
    {"an override during clause voting", in_clause_voting, Actor::facilitator(),
     OverrideClauseTags{1, kPoints}, std::nullopt,
     [](const Match& m) { CHECK(m.clauses[1].facilitator_points == kPoints); }},
    {"an override at the debrief", in_debrief, Actor::facilitator(), OverrideClauseTags{1, kPoints},
     std::nullopt, [](const Match& m) { CHECK(m.clauses[1].facilitator_points == kPoints); }},

    {"a player cannot override points", tabled, Actor::of(1), OverrideClauseTags{1, kPoints},
     RejectCode::not_allowed},
    {"no override in the lobby", lobby, Actor::facilitator(), OverrideClauseTags{0, kPoints},
     RejectCode::wrong_phase},
    {"an override of a clause that does not exist", tabled, Actor::facilitator(),
     OverrideClauseTags{7, kPoints}, RejectCode::no_such_clause},
    {"a library clause cannot be overridden", tabled, Actor::facilitator(),
     OverrideClauseTags{0, kPoints}, RejectCode::not_allowed},
    {"six points instead of seven", tabled, Actor::facilitator(),
     OverrideClauseTags{1, {0, 1, 2, 3, 2, 1}}, RejectCode::not_allowed},
    {"eight points instead of seven", tabled, Actor::facilitator(),
     OverrideClauseTags{1, {0, 1, 2, 3, 2, 1, 0, 0}}, RejectCode::not_allowed},
    {"a point above +3", tabled, Actor::facilitator(), OverrideClauseTags{1, with(3, 4)},
     RejectCode::not_allowed},
    {"a point below -3", tabled, Actor::facilitator(), OverrideClauseTags{1, with(6, -4)},
     RejectCode::not_allowed},
    {"the same points again", overridden, Actor::facilitator(), OverrideClauseTags{1, kPoints},
     RejectCode::unchanged},
    {"clearing when there is no override", tabled, Actor::facilitator(), OverrideClauseTags{1, {}},
     RejectCode::unchanged},
});

TEST_CASE("a tag override is refused on the points field with a sentence for the facilitator") {
  Table t = tabled();
  const auto d = decide(t.match(), Actor::facilitator(), OverrideClauseTags{1, with(2, 9)}, t.now);
  REQUIRE(d.rejection);
  CHECK(d.rejection->field == "points");
  CHECK(d.rejection->message.find("-3 to +3") != std::string::npos);
}

TEST_CASE("applying a malformed or misdirected override changes nothing") {
  Table t = tabled();
  Match m = t.match();
  const Match before = m;
  apply(m, ClauseTagsOverridden{1, {1, 2, 3}});
  apply(m, ClauseTagsOverridden{1, with(0, 12)});
  apply(m, ClauseTagsOverridden{0, kPoints});  // a library clause
  apply(m, ClauseTagsOverridden{99, kPoints});
  CHECK(m == before);
  apply(m, ClauseTagsOverridden{1, kPoints});
  CHECK(m.clauses[1].facilitator_points == kPoints);
}

}  // namespace
}  // namespace accord::test
