// Reads assets/injects/<id>.json (a crisis event) and a scenario's "injects" plan.
#include "content/content_internal.hpp"

namespace accord::content {

namespace {

// Longer texts do not fit the news banner or a ballot line on the projector.
constexpr std::size_t kMaxNewsBytes = 700;
constexpr std::size_t kMaxStatementBytes = 300;
constexpr std::size_t kMaxNoteBytes = 300;

void at_most(JsonWalk& walk, const std::string& text, std::size_t bytes, const std::string& at) {
  if (text.size() > bytes)
    walk.fail(at, "is " + std::to_string(text.size()) + " bytes; at most " + std::to_string(bytes) +
                      " fit on the screen");
}

}  // namespace

void read_inject_file(const json& doc, JsonWalk& walk, InjectFileData& out) {
  Inject& in = out.inject;
  if (!walk.object(doc, "")) return;
  walk.only_keys(doc, "", {"id", "title", "kind", "news", "teacher_note", "sources", "effects"});
  in.id = walk.string(doc, "", "id").value_or("");
  const std::string stem = out.file.substr(8, out.file.size() - 8 - 5);  // injects/<stem>.json
  if (!in.id.empty() && in.id != stem)
    walk.fail("/id", "id '" + in.id + "' must be the file's name ('" + stem + "')");
  in.title = walk.string(doc, "", "title").value_or("");
  in.kind = walk.string(doc, "", "kind").value_or("");
  in.news = walk.string(doc, "", "news").value_or("");
  at_most(walk, in.news, kMaxNewsBytes, "/news");
  in.teacher_note = walk.string(doc, "", "teacher_note").value_or("");
  in.sources = walk.string_array(doc, "", "sources");
  if (walk.field(doc, "", "sources", false) && in.sources.empty())
    walk.fail("/sources", "name at least one source for the kind of incident");

  const json* effects = walk.field(doc, "", "effects", true);
  if (!effects || !walk.object(*effects, "/effects")) return;
  const std::string e = "/effects";
  walk.only_keys(*effects, e,
                 {"urgent", "add_to_table", "priority_shifts", "statement", "extra_drafting_s"});
  in.urgent = walk.string_array(*effects, e, "urgent", false);
  refs_of(in.urgent, e + "/urgent", false, out.refs);
  in.add_to_table = walk.string_array(*effects, e, "add_to_table", false);
  refs_of(in.add_to_table, e + "/add_to_table", true, out.refs);
  walk.array(*effects, e, "priority_shifts", false, [&](const json& item, const std::string& at) {
    if (!walk.object(item, at)) return;
    walk.only_keys(item, at, {"states", "blocs", "add", "remove", "note"});
    InjectShift shift;
    shift.states = walk.string_array(item, at, "states", false);
    ids_of(shift.states, at + "/states", out.state_refs);
    shift.blocs = walk.string_array(item, at, "blocs", false);
    ids_of(shift.blocs, at + "/blocs", out.bloc_refs);
    if (shift.states.empty() && shift.blocs.empty())
      walk.fail(at, "a priority shift names the states or blocs it reaches");
    shift.add = walk.string_array(item, at, "add", false);
    refs_of(shift.add, at + "/add", false, out.refs);
    shift.remove = walk.string_array(item, at, "remove", false);
    refs_of(shift.remove, at + "/remove", false, out.refs);
    if (shift.add.empty() && shift.remove.empty())
      walk.fail(at, "a priority shift adds or removes at least one clause");
    shift.note = walk.string(item, at, "note").value_or("");
    at_most(walk, shift.note, kMaxNoteBytes, at + "/note");
    in.shifts.push_back(std::move(shift));
  });
  if (const json* statement = walk.field(*effects, e, "statement", false)) {
    const std::string at = e + "/statement";
    if (walk.object(*statement, at)) {
      walk.only_keys(*statement, at, {"text", "follows", "vote_s"});
      in.statement = walk.string(*statement, at, "text").value_or("");
      at_most(walk, in.statement, kMaxStatementBytes, at + "/text");
      in.statement_ref = walk.string(*statement, at, "follows").value_or("");
      if (!in.statement_ref.empty()) out.refs.push_back({at + "/follows", in.statement_ref, false});
      in.statement_vote_ms =
          static_cast<TimeMs>(walk.integer(*statement, at, "vote_s", 30, 600).value_or(0)) * 1000;
    }
  }
  in.extra_drafting_ms =
      static_cast<TimeMs>(
          walk.integer(*effects, e, "extra_drafting_s", 0, 600, false).value_or(0)) *
      1000;
  if (in.urgent.empty() && in.add_to_table.empty() && in.shifts.empty() && in.statement.empty() &&
      in.extra_drafting_ms == 0)
    walk.fail(e,
              "an inject needs at least one effect (urgent, add_to_table, priority_shifts, "
              "statement or extra_drafting_s)");
}

void read_inject_plan(const json& doc, JsonWalk& walk, ScenarioFileData& out) {
  const json* plan = walk.field(doc, "", "injects", false);
  if (!plan || !walk.object(*plan, "/injects")) return;
  walk.only_keys(*plan, "/injects", {"exclude", "schedule"});
  auto& injects = out.scenario.injects;
  injects.exclude = walk.string_array(*plan, "/injects", "exclude", false);
  ids_of(injects.exclude, "/injects/exclude", out.inject_refs);
  walk.array(*plan, "/injects", "schedule", false, [&](const json& item, const std::string& at) {
    if (!walk.object(item, at)) return;
    walk.only_keys(item, at, {"inject", "round", "phase", "after_s"});
    ScheduledInject s;
    s.inject = walk.string(item, at, "inject").value_or("");
    if (!s.inject.empty()) out.inject_refs.emplace_back(at + "/inject", s.inject);
    s.round = static_cast<std::uint32_t>(walk.integer(item, at, "round", 1, 6).value_or(1));
    if (const auto phase = walk.string(item, at, "phase")) {
      const auto p = enum_from_string<Phase>(*phase);
      if (!p || *p == Phase::lobby || *p == Phase::debrief)
        walk.fail(
            at + "/phase",
            "phase must be briefing, drafting, clause_voting or final_vote, not '" + *phase + "'");
      else
        s.phase = *p;
    }
    s.after_ms = static_cast<TimeMs>(walk.integer(item, at, "after_s", 0, 3600).value_or(0)) * 1000;
    injects.schedule.push_back(std::move(s));
  });
}

}  // namespace accord::content
