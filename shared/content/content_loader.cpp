// Orchestrates loading: the clause library through the scoring loader, then every state and
// scenario file with a checked walk, then the references between them and the content hash.
#include <xxhash.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "content/content_internal.hpp"

namespace accord::content {

namespace {

bool in_folder(const std::string& name, std::string_view folder) {
  return name.starts_with(folder) && name.ends_with(".json") &&
         name.find('/', folder.size()) == std::string::npos;
}

// A fact's date compares as its first month, a scenario's as its last, when the month is not
// given: only what is surely later is reported.
YearMonth fact_key(YearMonth d) {
  return {d.year, d.month == 0 ? 1 : d.month};
}
YearMonth scenario_key(YearMonth d) {
  return {d.year, d.month == 0 ? 12 : d.month};
}

// Each seat's profile in the scenario's era: it has a position and a brief, cites no event
// dated after the scenario, keeps only red lines it has; an observer seat needs the rule.
void check_seats_in_era(const ScenarioFileData& data,
                        const std::map<std::string, const StateFileData*>& state_by_id,
                        std::vector<AssetError>& errors) {
  const Scenario& sc = data.scenario;
  const std::string era(era_name(sc.era));
  const std::string when = "scenario '" + sc.id + "' (" + describe(sc.date) + ")";
  for (const auto& id : sc.seats) {
    const auto it = state_by_id.find(id);
    if (it == state_by_id.end()) continue;
    const StateFileData& state = *it->second;
    const EraProfile& p = state.state.era(sc.era);
    const auto own = sc.seat_overrides.find(id);
    const SeatOverride* o = own == sc.seat_overrides.end() ? nullptr : &own->second;
    if (o && ((o->position && o->position->empty()) || (o->brief && o->brief->empty())))
      errors.push_back({data.file, "/seat_overrides/" + id, "an empty position or brief"});
    const bool own_text = o && o->position && o->brief;
    if (!own_text && (p.position.empty() || p.brief.empty()))
      errors.push_back(
          {state.file, "/eras/" + (p.text_from.empty() ? era : p.text_from),
           "no position and brief for the '" + era + "' era, which " + when + " seats"});
    for (std::size_t i = 0; i < p.facts.size(); ++i) {
      const SourcedFact& f = p.facts[i];
      if (f.since.year != 0 && fact_key(f.since) > scenario_key(sc.date))
        errors.push_back({state.file,
                          "/eras/" + p.facts_from + "/facts/" + std::to_string(i) + "/since",
                          "cites an event of " + describe(f.since) + ", after " + when +
                              ", which uses the '" + era + "' profile"});
    }
    if (state.state.un_observer && sc.observer_rule.empty())
      errors.push_back({data.file, "/observer_rule",
                        "seats '" + id + "', a UN observer: say how its vote counts in this game"});
    if (o && o->red_lines) {
      const auto& lines = state.state.red_lines;
      for (std::size_t i = 0; i < o->red_lines->size(); ++i) {
        const auto& ref = (*o->red_lines)[i];
        if (std::none_of(lines.begin(), lines.end(),
                         [&](const RedLineInfo& r) { return r.line.ref == ref; }))
          errors.push_back({data.file, "/seat_overrides/" + id + "/red_lines/" + std::to_string(i),
                            "'" + ref + "' is not one of " + id + "'s red lines"});
      }
    }
  }
}

}  // namespace

ContentLoad ContentBuilder::build(std::vector<AssetFile> files) {
  ContentLoad result;
  auto& errors = result.errors;
  std::sort(files.begin(), files.end(),
            [](const AssetFile& a, const AssetFile& b) { return a.name < b.name; });

  std::vector<AssetFile> clause_files;
  std::vector<StateFileData> states;
  std::vector<ScenarioFileData> scenarios;
  std::vector<InjectFileData> injects;
  std::vector<Bloc> blocs;
  bool have_blocs = false;
  std::set<std::string> unreadable;  // state files that are not JSON, by file stem
  XXH3_state_t* hash_state = XXH3_createState();
  XXH3_64bits_reset(hash_state);

  for (AssetFile& file : files) {
    if (file.name.starts_with("clauses/") || file.name.starts_with("scoring/")) {
      clause_files.push_back(std::move(file));
      continue;
    }
    const bool bloc_file = file.name == "states/blocs.json";
    const bool state_file = !bloc_file && in_folder(file.name, "states/");
    const bool scenario_file = in_folder(file.name, "scenarios/");
    const bool inject_file = in_folder(file.name, "injects/");
    if (!bloc_file && !state_file && !scenario_file && !inject_file) continue;  // e.g. a README
    std::string problem;
    const auto doc = scoring::parse_json_text(file.bytes, problem);
    if (!doc) {
      errors.push_back({file.name, "", problem});
      // Its id is probably its file name: do not report every scenario that seats it too.
      if (state_file) unreadable.insert(file.name.substr(7, file.name.size() - 7 - 5));
      continue;
    }
    const std::string canonical = file.name + '\0' + doc->dump() + '\0';
    XXH3_64bits_update(hash_state, canonical.data(), canonical.size());
    std::vector<scoring::PathError> path_errors;
    JsonWalk walk(path_errors);
    if (bloc_file) {
      have_blocs = true;
      read_bloc_file(*doc, walk, blocs);
    } else if (state_file) {
      states.emplace_back();
      states.back().file = file.name;
      states.back().state.file = file.name;
      read_state_file(*doc, walk, states.back());
    } else if (inject_file) {
      injects.emplace_back();
      injects.back().file = file.name;
      injects.back().inject.file = file.name;
      read_inject_file(*doc, walk, injects.back());
    } else {
      scenarios.emplace_back();
      scenarios.back().file = file.name;
      read_scenario_file(*doc, walk, scenarios.back());
    }
    for (auto& e : path_errors)
      errors.push_back({file.name, e.path, std::move(e.problem)});
  }
  const std::uint64_t own_hash = XXH3_64bits_digest(hash_state);
  XXH3_freeState(hash_state);

  scoring::CatalogueLoad clauses = scoring::build_catalogue(std::move(clause_files));
  for (auto& e : clauses.errors)
    errors.push_back(std::move(e));
  if (!have_blocs) errors.push_back({"states/blocs.json", "", "file is missing"});
  if (states.empty()) errors.push_back({"states/", "", "no state files (*.json)"});
  if (scenarios.empty()) errors.push_back({"scenarios/", "", "no scenario files (*.json)"});

  // Unique ids, known blocs.
  std::map<std::string, const StateFileData*> state_by_id;
  std::set<std::string> bloc_ids;
  for (const Bloc& b : blocs)
    bloc_ids.insert(b.id);
  for (const auto& data : states) {
    const auto& s = data.state;
    if (s.id.empty()) continue;
    if (const auto [it, fresh] = state_by_id.emplace(s.id, &data); !fresh)
      errors.push_back(
          {data.file, "/id",
           "duplicate state id '" + s.id + "' (first defined in " + it->second->file + ")"});
    if (have_blocs && !s.bloc.empty() && !bloc_ids.count(s.bloc))
      errors.push_back(
          {data.file, "/bloc", "unknown bloc '" + s.bloc + "' (see states/blocs.json)"});
    for (std::size_t e = 0; e < kEraCount; ++e) {
      const std::size_t n = s.objectives.size() + s.eras[e].objectives.size();
      if (n < 2 || n > 4)
        errors.push_back({data.file, "/objectives",
                          "each era needs 2 to 4 objectives (shared plus the era's own); era '" +
                              std::string(era_name(static_cast<Era>(e))) + "' has " +
                              std::to_string(n)});
    }
  }
  std::set<std::string> inject_ids;
  for (const auto& data : injects) {
    if (data.inject.id.empty()) continue;
    inject_ids.insert(data.inject.id);  // unique: the id is the file's name
    for (const auto& [path, state] : data.state_refs)
      if (!state_by_id.count(state) && !unreadable.count(state))
        errors.push_back({data.file, path, "unknown state '" + state + "'"});
    for (const auto& [path, bloc] : data.bloc_refs)
      if (have_blocs && !bloc_ids.count(bloc))
        errors.push_back({data.file, path, "unknown bloc '" + bloc + "' (see states/blocs.json)"});
  }
  std::map<std::string, std::string> scenario_file_of;
  for (const auto& data : scenarios) {
    const auto& id = data.scenario.id;
    if (id.empty()) continue;
    if (const auto [it, fresh] = scenario_file_of.emplace(id, data.file); !fresh)
      errors.push_back(
          {data.file, "/id",
           "duplicate scenario id '" + id + "' (first defined in " + it->second + ")"});
    for (const auto& [path, state] : data.state_refs)
      if (!state_by_id.count(state) && !unreadable.count(state))
        errors.push_back({data.file, path, "unknown state '" + state + "'"});
    check_seats_in_era(data, state_by_id, errors);
    for (const auto& [path, inject] : data.inject_refs)
      if (!inject_ids.count(inject))
        errors.push_back({data.file, path, "unknown inject '" + inject + "' (see injects/)"});
    const auto& plan = data.scenario.injects;
    std::uint32_t most_rounds = 0;
    for (const auto& preset : data.scenario.timer_presets)
      most_rounds = std::max(most_rounds, preset.rounds);
    for (std::size_t i = 0; i < plan.schedule.size(); ++i) {
      const auto& s = plan.schedule[i];
      const std::string at = "/injects/schedule/" + std::to_string(i);
      if (std::find(plan.exclude.begin(), plan.exclude.end(), s.inject) != plan.exclude.end())
        errors.push_back(
            {data.file, at + "/inject", "schedules '" + s.inject + "', which it excludes"});
      if (most_rounds > 0 && s.round > most_rounds)
        errors.push_back({data.file, at + "/round",
                          "round " + std::to_string(s.round) +
                              ", but no timer preset has more than " +
                              std::to_string(most_rounds)});
    }
  }

  // References into the clause library: only when it loaded.
  if (clauses.ok()) {
    const scoring::ClauseCatalogue& cat = *clauses.catalogue;
    const auto check_refs = [&](const std::string& file, const std::vector<PendingRef>& refs) {
      for (const auto& r : refs) {
        const auto* clause = cat.find(r.ref);
        if (r.family && (!clause || clause->is_variant()))
          errors.push_back({file, r.path, "unknown clause family '" + r.ref + "'"});
        else if (!clause)
          errors.push_back({file, r.path, "unknown clause reference '" + r.ref + "'"});
      }
    };
    const auto check_conditions = [&](const std::string& file,
                                      const std::vector<PendingCondition>& conditions) {
      for (const auto& c : conditions)
        if (auto problem = check_condition(c.text, cat, c.goal); !problem.empty())
          errors.push_back({file, c.path, "condition: " + problem});
    };
    for (const auto& data : states) {
      check_refs(data.file, data.refs);
      check_conditions(data.file, data.conditions);
      for (std::size_t i = 0; i < data.state.red_lines.size(); ++i) {
        const auto& line = data.state.red_lines[i].line;
        if (line.lifted_by.empty() || !cat.find(line.ref) || !cat.find(line.lifted_by)) continue;
        if (line.lifted_by == line.ref || cat.family_of(line.lifted_by) != cat.family_of(line.ref))
          errors.push_back({data.file, "/red_lines/" + std::to_string(i) + "/lifted_by",
                            "'" + line.lifted_by + "' must be another variant of family '" +
                                std::string(cat.family_of(line.ref)) + "'"});
      }
    }
    for (const auto& data : injects) {
      check_refs(data.file, data.refs);
      const Inject& in = data.inject;
      // A shift or urgency on a family no scenario's table holds and the inject does not add
      // would never show; the match setup drops such refs per scenario, so only warn by test.
      for (std::size_t i = 0; i < in.shifts.size(); ++i)
        for (const auto& ref : in.shifts[i].add)
          if (std::find(in.shifts[i].remove.begin(), in.shifts[i].remove.end(), ref) !=
              in.shifts[i].remove.end())
            errors.push_back({data.file, "/effects/priority_shifts/" + std::to_string(i),
                              "'" + ref + "' is both added and removed"});
    }
    for (const auto& data : scenarios) {
      check_refs(data.file, data.refs);
      check_conditions(data.file, data.conditions);
      const Scenario& s = data.scenario;
      const std::set<std::string> table(s.table.begin(), s.table.end());
      const auto on_table = [&](const std::vector<std::string>& refs, const std::string& at) {
        std::set<std::string> families;
        for (std::size_t i = 0; i < refs.size(); ++i) {
          const auto family = std::string(cat.family_of(refs[i]));
          if (family.empty()) continue;  // reported as unknown
          if (!table.count(family))
            errors.push_back({data.file, at + "/" + std::to_string(i),
                              "'" + refs[i] + "' is not on the table (family " + family + ")"});
          else if (!families.insert(family).second)
            errors.push_back({data.file, at + "/" + std::to_string(i),
                              "a second clause of family " + family + " in one text"});
        }
      };
      for (std::size_t d = 0; d < s.drafts.size(); ++d)
        on_table(s.drafts[d].starting_refs, "/drafts/" + std::to_string(d) + "/starting_refs");
      if (s.failed_text) on_table(s.failed_text->refs, "/failed_text/refs");
      on_table(s.example_compromise.refs, "/example_compromise/refs");
      const auto& c = s.example_compromise;
      if (const auto* q = cat.find(c.pivot_qualified); q && cat.find(c.pivot_unqualified)) {
        if (!q->is_variant() || q->family != c.pivot_unqualified)
          errors.push_back({data.file, "/example_compromise/pivot",
                            "'" + c.pivot_qualified + "' must be a variant of family '" +
                                c.pivot_unqualified + "'"});
      }
    }
  }

  if (!errors.empty()) return result;

  ContentCatalogue cat(std::move(*clauses.catalogue));
  for (auto& data : states)
    cat.states_.push_back(std::move(data.state));
  std::sort(cat.states_.begin(), cat.states_.end(),
            [](const StateProfile& a, const StateProfile& b) { return a.id < b.id; });
  for (auto& data : scenarios)
    cat.scenarios_.push_back(std::move(data.scenario));
  std::sort(cat.scenarios_.begin(), cat.scenarios_.end(), [](const Scenario& a, const Scenario& b) {
    return a.year != b.year ? a.year < b.year : a.id < b.id;
  });
  cat.blocs_ = std::move(blocs);
  for (auto& data : injects)
    cat.injects_.push_back(std::move(data.inject));
  std::sort(cat.injects_.begin(), cat.injects_.end(),
            [](const Inject& a, const Inject& b) { return a.id < b.id; });
  const std::uint64_t parts[2] = {cat.clauses_.content_hash(), own_hash};
  cat.hash_ = XXH3_64bits(parts, sizeof parts);
  result.catalogue = std::move(cat);
  return result;
}

ContentLoad build_content(std::vector<AssetFile> files) {
  return ContentBuilder::build(std::move(files));
}

ContentLoad load_content(const std::filesystem::path& asset_dir) {
  std::vector<AssetFile> files;
  if (auto error = scoring::read_asset_files(
          asset_dir, {"clauses", "scoring", "states", "scenarios", "injects"}, files)) {
    ContentLoad failed;
    failed.errors.push_back(std::move(*error));
    return failed;
  }
  return build_content(std::move(files));
}

// ------------------------------------------------------------------ small accessors

std::string_view era_name(Era era) {
  switch (era) {
    case Era::y2011:
      return "2011";
    case Era::y2015:
      return "2015";
    case Era::y2021:
      return "2021";
    case Era::today:
      return "today";
  }
  return "today";
}

std::optional<Era> era_from_name(std::string_view name) {
  for (const Era e : {Era::y2011, Era::y2015, Era::y2021, Era::today})
    if (era_name(e) == name) return e;
  return std::nullopt;
}

int era_first_year(Era era) {
  switch (era) {
    case Era::y2011:
      return 2011;
    case Era::y2015:
      return 2015;
    case Era::y2021:
      return 2021;
    case Era::today:
      return 2025;
  }
  return 2025;
}

Era era_for_year(int year) {
  if (year >= era_first_year(Era::today)) return Era::today;
  if (year >= era_first_year(Era::y2021)) return Era::y2021;
  if (year >= era_first_year(Era::y2015)) return Era::y2015;
  return Era::y2011;
}

std::string describe(YearMonth date) {
  char buf[16];
  if (date.month == 0)
    std::snprintf(buf, sizeof buf, "%04d", date.year);
  else
    std::snprintf(buf, sizeof buf, "%04d-%02d", date.year, date.month);
  return buf;
}

std::optional<YearMonth> parse_year_month(std::string_view text) {
  const auto digits = [](std::string_view t) {
    return !t.empty() &&
           std::all_of(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; });
  };
  if (text.size() != 4 && text.size() != 7) return std::nullopt;
  if (!digits(text.substr(0, 4))) return std::nullopt;
  YearMonth out;
  out.year = std::stoi(std::string(text.substr(0, 4)));
  if (text.size() == 7) {
    if (text[4] != '-' || !digits(text.substr(5, 2))) return std::nullopt;
    out.month = std::stoi(std::string(text.substr(5, 2)));
    if (out.month < 1 || out.month > 12) return std::nullopt;
  }
  return out;
}

std::string ContentCatalogue::content_hash_hex() const {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(hash_));
  return buf;
}

const StateProfile* ContentCatalogue::state(std::string_view id) const {
  for (const auto& s : states_)
    if (s.id == id) return &s;
  return nullptr;
}

const Scenario* ContentCatalogue::scenario(std::string_view id) const {
  for (const auto& s : scenarios_)
    if (s.id == id) return &s;
  return nullptr;
}

const Inject* ContentCatalogue::inject(std::string_view id) const {
  for (const auto& i : injects_)
    if (i.id == id) return &i;
  return nullptr;
}

}  // namespace accord::content
