// Validates objective and goal conditions with the scoring's condition parser, and judges what
// a condition can do on one scenario's table (the playability checks of `accord-content check`).
#include <algorithm>
#include <set>

#include "content/content_internal.hpp"
#include "scoring/conditions.hpp"

namespace accord::content {

std::string check_condition(const std::string& text, const scoring::ClauseCatalogue& catalogue,
                            bool goal) {
  const auto parsed = scoring::parse_condition(
      text, catalogue, goal ? scoring::ConditionMode::goal : scoring::ConditionMode::objective);
  return parsed ? std::string() : parsed.error->describe();
}

namespace {

using scoring::Condition;
using scoring::Predicate;

// What the table allows, as far as a condition can tell.
struct TableView {
  std::set<std::string> families;  // on the table
  std::size_t drafts = 0;
  std::size_t seats = 0;
  const scoring::ClauseCatalogue* clauses = nullptr;

  std::string family(const std::string& ref) const { return std::string(clauses->family_of(ref)); }
  bool on_table(const std::string& ref) const { return families.count(family(ref)) > 0; }
};

TableView view_of(const Scenario& scenario, const scoring::ClauseCatalogue& clauses) {
  TableView t;
  t.families.insert(scenario.table.begin(), scenario.table.end());
  t.drafts = scenario.drafts.size();
  t.seats = scenario.seats.size();
  t.clauses = &clauses;
  return t;
}

// The clause refs a condition names (for "not on the table" errors).
void refs_in(const Condition& c, std::vector<std::string>& out) {
  if (c.kind != Condition::Kind::predicate) {
    for (const auto& child : c.children)
      refs_in(child, out);
    return;
  }
  switch (c.predicate) {
    case Predicate::adopted:
    case Predicate::adopted_ref:
    case Predicate::adopted_in:
    case Predicate::adopted_with_cosponsors:
      out.push_back(c.ref);
      break;
    default:
      break;
  }
}

// Three-valued: an adoption of a family not on the table never happens, nor does a draft
// number past the last draft or more co-sponsors than seats; everything else can go either
// way. Negation, and and or fold the values as in Kleene's logic.
Reach reach(const Condition& c, const TableView& t) {
  switch (c.kind) {
    case Condition::Kind::negation: {
      const Reach r = reach(c.children.front(), t);
      return r == Reach::never ? Reach::always : r == Reach::always ? Reach::never : r;
    }
    case Condition::Kind::all_of: {
      Reach out = Reach::always;
      for (const auto& child : c.children) {
        const Reach r = reach(child, t);
        if (r == Reach::never) return Reach::never;
        if (r == Reach::sometimes) out = Reach::sometimes;
      }
      return out;
    }
    case Condition::Kind::any_of: {
      Reach out = Reach::never;
      for (const auto& child : c.children) {
        const Reach r = reach(child, t);
        if (r == Reach::always) return Reach::always;
        if (r == Reach::sometimes) out = Reach::sometimes;
      }
      return out;
    }
    case Condition::Kind::predicate:
      break;
  }
  switch (c.predicate) {
    case Predicate::adopted:
    case Predicate::adopted_ref:
      return t.on_table(c.ref) ? Reach::sometimes : Reach::never;
    case Predicate::adopted_in:
      return t.on_table(c.ref) && static_cast<std::size_t>(c.count) < t.drafts ? Reach::sometimes
                                                                               : Reach::never;
    case Predicate::adopted_with_cosponsors:
      // Co-sponsors are the other seats.
      return t.on_table(c.ref) && static_cast<std::size_t>(c.count) < t.seats ? Reach::sometimes
                                                                              : Reach::never;
    case Predicate::seat_supported_adopted:
      return static_cast<std::size_t>(c.count) <=
                     t.families.size() * std::max<std::size_t>(1, t.drafts)
                 ? Reach::sometimes
                 : Reach::never;
    case Predicate::criterion_at_least:
    case Predicate::content_at_least:
    case Predicate::final_at_least:
    case Predicate::legitimacy_at_least:
      return c.tenths > 1000 ? Reach::never : Reach::sometimes;  // scores are 0-100
    case Predicate::code_adopted:
    case Predicate::seat_sponsored_adopted:
    case Predicate::deals_honoured:
      return Reach::sometimes;
  }
  return Reach::sometimes;
}

std::string file_of(const StateProfile& state) {
  return state.file.empty() ? "states/" + state.id + ".json" : state.file;
}

void check_scenario(const ContentCatalogue& cat, const Scenario& sc, PlayabilityReport& report) {
  const auto& clauses = cat.clauses();
  const TableView table = view_of(sc, clauses);
  const std::string in = "in scenario '" + sc.id + "': ";
  for (const auto& id : sc.seats) {
    const StateProfile* state = cat.state(id);
    if (!state) continue;
    const SeatSetup seat = sc.seat_setup(*state);
    std::size_t open = 0;  // objectives that can go either way
    for (const SeatObjective& o : seat_objectives(*state, sc)) {
      ++report.objectives;
      const auto parsed = scoring::parse_condition(o.objective.condition, clauses);
      if (!parsed) continue;  // the loader reports it
      std::vector<std::string> refs;
      refs_in(*parsed.condition, refs);
      bool off = false;
      for (const auto& ref : refs)
        if (!table.on_table(ref)) {
          off = true;
          report.errors.push_back({o.file, o.path,
                                   in + id + "'s objective needs clause '" + ref + "' (family " +
                                       table.family(ref) + "), which is not on the table"});
        }
      if (off) ++report.off_table;
      const Reach r = reach(*parsed.condition, table);
      if (r == Reach::never) {
        ++report.impossible;
        if (!off)
          report.errors.push_back({o.file, o.path, in + id + "'s objective can never hold"});
      } else if (r == Reach::always) {
        ++report.always_true;
        if (!off)
          report.errors.push_back(
              {o.file, o.path, in + id + "'s objective holds whatever is played"});
      } else {
        ++open;
      }
    }
    const auto o = sc.seat_overrides.find(id);
    const bool own_objectives = o != sc.seat_overrides.end() && o->second.objectives;
    if (open < 2)
      report.errors.push_back(
          {own_objectives ? "scenarios/" + sc.id + ".json" : file_of(*state),
           own_objectives ? "/seat_overrides/" + id + "/objectives" : "/objectives",
           in + id + " has " + std::to_string(open) +
               " objective(s) that can be won or lost; it needs at least 2"});

    // Red lines at stake: their clause is on the table.
    const bool overridden = o != sc.seat_overrides.end() && o->second.red_lines;
    for (std::size_t i = 0; i < seat.red_lines.size(); ++i) {
      const auto& line = seat.red_lines[i];
      if (table.on_table(line.ref)) continue;
      ++report.red_lines_off_table;
      std::string file = file_of(*state);
      std::string path;
      if (overridden) {
        const auto& kept = *o->second.red_lines;
        file = "scenarios/" + sc.id + ".json";
        path = "/seat_overrides/" + id + "/red_lines/" +
               std::to_string(std::find(kept.begin(), kept.end(), line.ref) - kept.begin());
      } else {
        for (std::size_t k = 0; k < state->red_lines.size(); ++k)
          if (state->red_lines[k].line.ref == line.ref) path = "/red_lines/" + std::to_string(k);
        path += "/ref";
      }
      report.errors.push_back({file, path,
                               in + id + "'s red line '" + line.ref +
                                   "' is not on the table (list the red lines at stake in "
                                   "seat_overrides/" +
                                   id + "/red_lines)"});
    }

    // Something to table or amend: a priority on the table, or a starting text it sponsors.
    const bool has_priority =
        std::any_of(seat.priorities.begin(), seat.priorities.end(),
                    [&](const std::string& ref) { return table.on_table(ref); });
    const bool sponsors_text = std::any_of(sc.drafts.begin(), sc.drafts.end(), [&](const auto& d) {
      return !d.starting_refs.empty() &&
             std::find(d.sponsors.begin(), d.sponsors.end(), id) != d.sponsors.end();
    });
    if (!has_priority && !sponsors_text)
      report.errors.push_back({file_of(*state), "/priorities",
                               in + id +
                                   " has nothing to table or amend: none of its priorities is "
                                   "on the table and it sponsors no starting text"});
  }
}

}  // namespace

std::optional<Reach> objective_reach(std::string_view condition, const Scenario& scenario,
                                     const scoring::ClauseCatalogue& clauses) {
  const auto parsed = scoring::parse_condition(condition, clauses);
  if (!parsed) return std::nullopt;
  return reach(*parsed.condition, view_of(scenario, clauses));
}

PlayabilityReport check_playability(const ContentCatalogue& catalogue) {
  PlayabilityReport report;
  for (const Scenario& sc : catalogue.scenarios())
    check_scenario(catalogue, sc, report);
  return report;
}

}  // namespace accord::content
