// Reads assets/scenarios/<id>.json.
#include <set>

#include "content/content_internal.hpp"

namespace accord::content {

void refs_of(const std::vector<std::string>& refs, const std::string& at, bool family,
             std::vector<PendingRef>& out) {
  for (std::size_t i = 0; i < refs.size(); ++i)
    out.push_back({at + "/" + std::to_string(i), refs[i], family});
}

void ids_of(const std::vector<std::string>& ids, const std::string& at,
            std::vector<std::pair<std::string, std::string>>& out) {
  for (std::size_t i = 0; i < ids.size(); ++i)
    out.emplace_back(at + "/" + std::to_string(i), ids[i]);
}

namespace {

TimeMs seconds(JsonWalk& walk, const json& obj, const std::string& at, const char* key) {
  return static_cast<TimeMs>(walk.integer(obj, at, key, 1, 24 * 3600).value_or(0)) * 1000;
}

TimeMs countdown_seconds(JsonWalk& walk, const json& obj, const std::string& at, const char* key) {
  return static_cast<TimeMs>(walk.integer(obj, at, key, 0, 2 * 3600, false).value_or(0)) * 1000;
}

void read_presets(const json& doc, JsonWalk& walk, std::vector<TimerPreset>& out) {
  walk.array(doc, "", "timer_presets", true, [&](const json& item, const std::string& at) {
    if (!walk.object(item, at)) return;
    walk.only_keys(item, at,
                   {"id", "name", "rounds", "lobby_s", "briefing_s", "drafting_s",
                    "clause_voting_s", "final_vote_s", "debrief_s", "adoption_window_s", "notes"});
    TimerPreset p;
    p.id = walk.string(item, at, "id").value_or("");
    p.name = walk.string(item, at, "name").value_or("");
    p.rounds = static_cast<std::uint32_t>(walk.integer(item, at, "rounds", 1, 6).value_or(1));
    p.briefing_ms = seconds(walk, item, at, "briefing_s");
    p.drafting_ms = seconds(walk, item, at, "drafting_s");
    p.clause_voting_ms = seconds(walk, item, at, "clause_voting_s");
    p.final_vote_ms = seconds(walk, item, at, "final_vote_s");
    p.adoption_window_ms = seconds(walk, item, at, "adoption_window_s");
    // Optional countdowns (0: none), at most two hours each.
    p.lobby_ms = countdown_seconds(walk, item, at, "lobby_s");
    p.debrief_ms = countdown_seconds(walk, item, at, "debrief_s");
    p.notes = walk.string(item, at, "notes", false).value_or("");
    for (const TimerPreset& other : out)
      if (!p.id.empty() && other.id == p.id)
        walk.fail(at + "/id", "duplicate timer preset '" + p.id + "'");
    out.push_back(std::move(p));
  });
  if (out.size() < 2 && walk.field(doc, "", "timer_presets", false))
    walk.fail("/timer_presets",
              "a scenario needs two timer presets (a class period and a long match)");
}

void read_notes(const json& doc, JsonWalk& walk, TeacherNotes& out) {
  const json* notes = walk.field(doc, "", "teacher_notes", true);
  if (!notes || !walk.object(*notes, "/teacher_notes")) return;
  const std::string at = "/teacher_notes";
  walk.only_keys(*notes, at, {"learning_goals", "discussion_questions", "timings", "delegations"});
  out.learning_goals = walk.string_array(*notes, at, "learning_goals");
  out.discussion_questions = walk.string_array(*notes, at, "discussion_questions");
  out.timings = walk.string(*notes, at, "timings").value_or("");
  out.delegations = walk.string(*notes, at, "delegations").value_or("");
}

void read_compromise(const json& doc, JsonWalk& walk, ScenarioFileData& out) {
  const json* c = walk.field(doc, "", "example_compromise", true);
  const std::string at = "/example_compromise";
  if (!c || !walk.object(*c, at)) return;
  walk.only_keys(*c, at, {"refs", "pivot", "why"});
  Compromise& comp = out.scenario.example_compromise;
  comp.refs = walk.string_array(*c, at, "refs");
  refs_of(comp.refs, at + "/refs", false, out.refs);
  comp.why = walk.string(*c, at, "why").value_or("");
  const json* pivot = walk.field(*c, at, "pivot", true);
  if (!pivot || !walk.object(*pivot, at + "/pivot")) return;
  walk.only_keys(*pivot, at + "/pivot", {"qualified", "unqualified"});
  comp.pivot_qualified = walk.string(*pivot, at + "/pivot", "qualified").value_or("");
  comp.pivot_unqualified = walk.string(*pivot, at + "/pivot", "unqualified").value_or("");
  if (!comp.pivot_qualified.empty())
    out.refs.push_back({at + "/pivot/qualified", comp.pivot_qualified, false});
  if (!comp.pivot_unqualified.empty())
    out.refs.push_back({at + "/pivot/unqualified", comp.pivot_unqualified, true});
}

void read_overrides(const json& doc, JsonWalk& walk, ScenarioFileData& out) {
  const json* overrides = walk.field(doc, "", "seat_overrides", false);
  if (!overrides || !walk.object(*overrides, "/seat_overrides")) return;
  for (const auto& [state, item] : overrides->items()) {
    const std::string at = "/seat_overrides/" + state;
    out.state_refs.emplace_back(at, state);
    if (!walk.object(item, at)) continue;
    walk.only_keys(item, at, {"position", "brief", "objectives", "red_lines", "why"});
    SeatOverride o;
    o.why = walk.string(item, at, "why").value_or("");
    if (item.contains("position")) o.position = walk.string(item, at, "position").value_or("");
    if (item.contains("brief")) o.brief = walk.string(item, at, "brief").value_or("");
    if (item.contains("objectives")) {
      std::vector<ObjectiveSetup> list;
      walk.array(item, at, "objectives", true, [&](const json& obj, const std::string& oat) {
        if (!walk.object(obj, oat)) return;
        walk.only_keys(obj, oat, {"text", "condition"});
        const auto text = walk.string(obj, oat, "text");
        const auto condition = walk.string(obj, oat, "condition");
        if (condition) out.conditions.push_back({oat + "/condition", *condition, false});
        if (text && condition) list.push_back({*text, *condition});
      });
      if (list.size() < 2 || list.size() > 4)
        walk.fail(at + "/objectives",
                  "a seat needs 2 to 4 objectives, found " + std::to_string(list.size()));
      o.objectives = std::move(list);
    }
    if (item.contains("red_lines")) {
      o.red_lines = walk.string_array(item, at, "red_lines");
      refs_of(*o.red_lines, at + "/red_lines", false, out.refs);
    }
    out.scenario.seat_overrides.emplace(state, std::move(o));
  }
}

}  // namespace

void read_scenario_file(const json& doc, JsonWalk& walk, ScenarioFileData& out) {
  Scenario& s = out.scenario;
  if (!walk.object(doc, "")) return;
  walk.only_keys(doc, "",
                 {"id",
                  "title",
                  "year",
                  "date",
                  "era",
                  "body",
                  "seats",
                  "drop_order",
                  "decision_rule",
                  "ballot",
                  "drafts",
                  "table",
                  "goal",
                  "failed_text",
                  "example_compromise",
                  "briefing",
                  "teacher_notes",
                  "historical_outcome",
                  "timer_presets",
                  "notes",
                  "sources",
                  "seat_overrides",
                  "observer_rule",
                  "injects"});
  s.id = walk.string(doc, "", "id").value_or("");
  s.title = walk.string(doc, "", "title").value_or("");
  s.year = static_cast<int>(walk.integer(doc, "", "year", 1990, 2100).value_or(0));
  s.date = YearMonth{s.year, 0};
  if (const auto date = walk.string(doc, "", "date", false)) {
    const auto parsed = parse_year_month(*date);
    if (!parsed)
      walk.fail("/date", "date must be a year or a month, \"2011\" or \"2011-10\"");
    else if (parsed->year != s.year)
      walk.fail("/date",
                "date " + *date + " is not in the scenario's year " + std::to_string(s.year));
    else
      s.date = *parsed;
  }
  s.era = era_for_year(s.year);
  if (const auto era = walk.string(doc, "", "era")) {
    if (const auto named = era_from_name(*era); !named)
      walk.fail("/era", "era must be \"2011\", \"2015\", \"2021\" or \"today\"");
    else if (*named != s.era && s.year != 0)
      walk.fail("/era", "a scenario of " + std::to_string(s.year) + " uses the '" +
                            std::string(era_name(s.era)) + "' profiles, not '" + *era + "'");
  }
  s.body = walk.string(doc, "", "body").value_or("");
  s.seats = walk.string_array(doc, "", "seats");
  ids_of(s.seats, "/seats", out.state_refs);
  s.drop_order = walk.string_array(doc, "", "drop_order");
  if (const auto rule = walk.string(doc, "", "decision_rule")) {
    if (const auto r = enum_from_string<DecisionRule>(*rule))
      s.decision_rule = *r;
    else
      walk.fail("/decision_rule",
                "unknown decision rule '" + *rule + "' (simple_majority, two_thirds, consensus)");
  }
  if (const auto ballot = walk.string(doc, "", "ballot")) {
    if (const auto b = enum_from_string<BallotKind>(*ballot))
      s.ballot = *b;
    else
      walk.fail("/ballot", "unknown ballot '" + *ballot + "' (roll_call, secret)");
  }
  walk.array(doc, "", "drafts", true, [&](const json& item, const std::string& at) {
    if (!walk.object(item, at)) return;
    walk.only_keys(item, at, {"title", "sponsors", "starting_refs", "source"});
    ScenarioDraft d;
    d.title = walk.string(item, at, "title").value_or("");
    d.sponsors = walk.string_array(item, at, "sponsors");
    d.starting_refs = walk.string_array(item, at, "starting_refs", false);
    d.source = walk.string(item, at, "source", false).value_or("");
    refs_of(d.starting_refs, at + "/starting_refs", false, out.refs);
    s.drafts.push_back(std::move(d));
  });
  if (s.drafts.size() > 8) walk.fail("/drafts", "a scenario has at most 8 drafts");
  s.table = walk.string_array(doc, "", "table");
  refs_of(s.table, "/table", true, out.refs);
  if (const json* goal = walk.field(doc, "", "goal", false); goal && walk.object(*goal, "/goal")) {
    walk.only_keys(*goal, "/goal", {"text", "condition"});
    const auto text = walk.string(*goal, "/goal", "text");
    const auto condition = walk.string(*goal, "/goal", "condition");
    if (condition) out.conditions.push_back({"/goal/condition", *condition, true});
    if (text && condition) s.goal = Goal{*text, *condition};
  }
  if (const json* failed = walk.field(doc, "", "failed_text", false);
      failed && walk.object(*failed, "/failed_text")) {
    walk.only_keys(*failed, "/failed_text", {"title", "refs", "source"});
    ReferenceText t;
    t.title = walk.string(*failed, "/failed_text", "title").value_or("");
    t.refs = walk.string_array(*failed, "/failed_text", "refs");
    t.source = walk.string(*failed, "/failed_text", "source").value_or("");
    refs_of(t.refs, "/failed_text/refs", false, out.refs);
    s.failed_text = std::move(t);
  }
  read_compromise(doc, walk, out);
  s.briefing = walk.string(doc, "", "briefing").value_or("");
  read_notes(doc, walk, s.teacher_notes);
  s.historical_outcome = walk.string(doc, "", "historical_outcome").value_or("");
  read_presets(doc, walk, s.timer_presets);
  s.notes = walk.string(doc, "", "notes", false).value_or("");
  s.sources = walk.string_array(doc, "", "sources");
  s.observer_rule = walk.string(doc, "", "observer_rule", false).value_or("");
  read_overrides(doc, walk, out);

  // Checks within the file.
  std::set<std::string> seated(s.seats.begin(), s.seats.end());
  if (seated.size() != s.seats.size()) walk.fail("/seats", "a state is seated twice");
  if (s.seats.size() < Scenario::kMinSeats || s.seats.size() > 64)
    walk.fail("/seats", "a scenario has between 4 and 64 seats");
  if (s.seats.size() >= Scenario::kMinSeats &&
      s.drop_order.size() != s.seats.size() - Scenario::kMinSeats)
    walk.fail("/drop_order", "must list every seat but the last four to stay (" +
                                 std::to_string(s.seats.size() - Scenario::kMinSeats) +
                                 " seats), found " + std::to_string(s.drop_order.size()));
  std::set<std::string> dropped;
  for (std::size_t i = 0; i < s.drop_order.size(); ++i) {
    const std::string at = "/drop_order/" + std::to_string(i);
    if (!seated.count(s.drop_order[i]))
      walk.fail(at, "'" + s.drop_order[i] + "' is not one of the scenario's seats");
    else if (!dropped.insert(s.drop_order[i]).second)
      walk.fail(at, "'" + s.drop_order[i] + "' is listed twice");
  }
  for (std::size_t d = 0; d < s.drafts.size(); ++d) {
    const auto& draft = s.drafts[d];
    const std::string at = "/drafts/" + std::to_string(d);
    bool core_sponsor = false;
    for (std::size_t i = 0; i < draft.sponsors.size(); ++i) {
      if (!seated.count(draft.sponsors[i]))
        walk.fail(at + "/sponsors/" + std::to_string(i),
                  "sponsor '" + draft.sponsors[i] + "' is not one of the scenario's seats");
      else if (!dropped.count(draft.sponsors[i]))
        core_sponsor = true;
    }
    if (!draft.starting_refs.empty() && !core_sponsor && !draft.sponsors.empty())
      walk.fail(at + "/sponsors",
                "a draft with a starting text needs a sponsor among the four seats that never "
                "leave, so it can be tabled at every size");
  }
  for (const auto& [state, o] : s.seat_overrides)
    if (!seated.count(state))
      walk.fail("/seat_overrides/" + state, "'" + state + "' is not one of the scenario's seats");
  const auto& pivot = s.example_compromise;
  if (!pivot.pivot_qualified.empty() &&
      std::find(pivot.refs.begin(), pivot.refs.end(), pivot.pivot_qualified) == pivot.refs.end())
    walk.fail("/example_compromise/pivot/qualified",
              "'" + pivot.pivot_qualified + "' is not in the compromise");
  read_inject_plan(doc, walk, out);
}

}  // namespace accord::content
