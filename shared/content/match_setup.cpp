// Turning a scenario into match settings, and the small per-item helpers of the content types.
#include <algorithm>
#include <set>

#include "content/content.hpp"

namespace accord::content {

std::vector<ObjectiveSetup> StateProfile::objectives_for(Era e) const {
  std::vector<ObjectiveSetup> out = objectives;
  const auto& own = era(e).objectives;
  out.insert(out.end(), own.begin(), own.end());
  return out;
}

SeatSetup StateProfile::seat_setup(Era e) const {
  const EraProfile& p = era(e);
  SeatSetup seat;
  seat.state = id;
  seat.name = name;
  seat.bloc = bloc;
  seat.position = p.position;
  seat.brief = p.brief;
  seat.priorities = priorities;
  for (const auto& r : red_lines)
    seat.red_lines.push_back(r.line);
  seat.stance.assign(p.stance.begin(), p.stance.end());
  seat.objectives = objectives_for(e);
  return seat;
}

SeatSetup Scenario::seat_setup(const StateProfile& state) const {
  SeatSetup seat = state.seat_setup(era);
  const auto it = seat_overrides.find(state.id);
  if (it == seat_overrides.end()) return seat;
  const SeatOverride& o = it->second;
  if (o.position) seat.position = *o.position;
  if (o.brief) seat.brief = *o.brief;
  if (o.objectives) seat.objectives = *o.objectives;
  if (o.red_lines) {
    std::vector<RedLine> kept;
    for (const auto& line : seat.red_lines)
      if (std::find(o.red_lines->begin(), o.red_lines->end(), line.ref) != o.red_lines->end())
        kept.push_back(line);
    seat.red_lines = std::move(kept);
  }
  return seat;
}

std::vector<SeatObjective> seat_objectives(const StateProfile& state, const Scenario& scenario) {
  std::vector<SeatObjective> out;
  const std::string file = state.file.empty() ? "states/" + state.id + ".json" : state.file;
  if (const auto it = scenario.seat_overrides.find(state.id);
      it != scenario.seat_overrides.end() && it->second.objectives) {
    const auto& list = *it->second.objectives;
    for (std::size_t i = 0; i < list.size(); ++i)
      out.push_back(
          {list[i], "scenarios/" + scenario.id + ".json",
           "/seat_overrides/" + state.id + "/objectives/" + std::to_string(i) + "/condition"});
    return out;
  }
  for (std::size_t i = 0; i < state.objectives.size(); ++i)
    out.push_back({state.objectives[i], file, "/objectives/" + std::to_string(i) + "/condition"});
  const EraProfile& p = state.era(scenario.era);
  for (std::size_t i = 0; i < p.objectives.size(); ++i)
    out.push_back(
        {p.objectives[i], file,
         "/eras/" + p.objectives_from + "/objectives/" + std::to_string(i) + "/condition"});
  return out;
}

TimeMs TimerPreset::total_ms() const {
  return lobby_ms + briefing_ms + static_cast<TimeMs>(rounds) * (drafting_ms + clause_voting_ms) +
         final_vote_ms + debrief_ms;
}

std::string TimerPreset::breakdown() const {
  // Whole minutes where they are whole, else minutes and seconds (m:ss).
  const auto minutes = [](TimeMs ms) {
    const TimeMs seconds = ms / 1000;
    if (seconds % 60 == 0) return std::to_string(seconds / 60);
    const std::string rest = std::to_string(seconds % 60);
    return std::to_string(seconds / 60) + ":" + (rest.size() == 1 ? "0" : "") + rest;
  };
  return minutes(total_ms()) + " min: lobby " + minutes(lobby_ms) + " + briefing " +
         minutes(briefing_ms) + " + " + std::to_string(rounds) + " x (drafting " +
         minutes(drafting_ms) + " + clause voting " + minutes(clause_voting_ms) +
         ") + final vote " + minutes(final_vote_ms) + " + debrief " + minutes(debrief_ms);
}

std::vector<std::string> Scenario::seats_for(std::size_t count) const {
  if (count < kMinSeats || count > seats.size()) return {};
  const std::size_t leaving = seats.size() - count;
  if (leaving > drop_order.size()) return {};
  const std::set<std::string> gone(drop_order.begin(),
                                   drop_order.begin() + static_cast<std::ptrdiff_t>(leaving));
  std::vector<std::string> out;
  for (const auto& s : seats)
    if (!gone.count(s)) out.push_back(s);
  return out;
}

const TimerPreset* Scenario::preset(std::string_view preset_id) const {
  for (const auto& p : timer_presets)
    if (p.id == preset_id) return &p;
  return nullptr;
}

namespace {

bool has_ref(const std::vector<ClauseOption>& table, const std::string& ref) {
  return std::any_of(table.begin(), table.end(),
                     [&](const ClauseOption& o) { return o.ref == ref; });
}

// The inject as this match can use it: the families it adds that the table lacks, and only the
// refs the table (with those) holds; shifts resolved to the seats their states and blocs hold.
InjectSetup resolve_inject(const Inject& inject, const ContentCatalogue& catalogue,
                           const MatchSettings& settings, const std::vector<std::string>& seated) {
  InjectSetup out;
  out.id = inject.id;
  out.title = inject.title;
  out.news = inject.news;
  std::vector<ClauseOption> table = settings.clause_table;
  for (const auto& family : inject.add_to_table)
    for (const auto* clause : catalogue.clauses().in_family(family))
      if (!has_ref(table, clause->ref)) {
        out.new_refs.push_back({clause->ref, clause->family});
        table.push_back(out.new_refs.back());
      }
  const auto usable = [&](const std::vector<std::string>& refs) {
    std::vector<std::string> kept;
    for (const auto& ref : refs)
      if (has_ref(table, ref)) kept.push_back(ref);
    return kept;
  };
  out.urgent_refs = usable(inject.urgent);
  for (SeatIndex s = 0; s < seated.size(); ++s) {
    const StateProfile* state = catalogue.state(seated[s]);
    for (const auto& shift : inject.shifts) {
      const bool reached =
          std::find(shift.states.begin(), shift.states.end(), seated[s]) != shift.states.end() ||
          (state &&
           std::find(shift.blocs.begin(), shift.blocs.end(), state->bloc) != shift.blocs.end());
      if (!reached) continue;
      PriorityShift resolved{s, usable(shift.add), usable(shift.remove), shift.note};
      if (!resolved.add.empty() || !resolved.remove.empty()) out.shifts.push_back(resolved);
      break;  // the first shift that names a seat is its shift
    }
  }
  if (!inject.statement.empty()) {
    out.statement = inject.statement;
    out.statement_ref = inject.statement_ref;
    out.statement_vote_ms = inject.statement_vote_ms;
  }
  out.extra_drafting_ms = inject.extra_drafting_ms;
  return out;
}

}  // namespace

MatchCreation make_match_settings(const ContentCatalogue& catalogue, std::string_view scenario_id,
                                  std::size_t seat_count, std::string_view timer_preset) {
  MatchCreation out;
  const Scenario* scenario = catalogue.scenario(scenario_id);
  if (!scenario) {
    out.error = "Unknown scenario '" + std::string(scenario_id) + "'.";
    return out;
  }
  if (seat_count < Scenario::kMinSeats || seat_count > scenario->seats.size()) {
    out.error = "\"" + scenario->title + "\" plays with " + std::to_string(Scenario::kMinSeats) +
                " to " + std::to_string(scenario->seats.size()) + " seats, not " +
                std::to_string(seat_count) + ".";
    return out;
  }
  const TimerPreset* preset = scenario->preset(timer_preset);
  if (!preset) {
    out.error =
        "\"" + scenario->title + "\" has no timer preset '" + std::string(timer_preset) + "'.";
    return out;
  }

  MatchSettings settings;
  const std::vector<std::string> seated = scenario->seats_for(seat_count);
  for (const auto& id : seated) {
    const StateProfile* state = catalogue.state(id);
    if (!state) {  // cannot happen with a validated catalogue
      out.error = "Scenario '" + scenario->id + "' seats unknown state '" + id + "'.";
      return out;
    }
    settings.seats.push_back(scenario->seat_setup(*state));
  }
  const auto& clauses = catalogue.clauses();
  for (const auto& family : scenario->table)
    for (const auto* clause : clauses.in_family(family))
      settings.clause_table.push_back({clause->ref, clause->family});
  for (const auto& draft : scenario->drafts) {
    DraftSetup d;
    d.title = draft.title;
    for (const auto& sponsor : draft.sponsors) {
      const auto it = std::find(seated.begin(), seated.end(), sponsor);
      if (it != seated.end()) d.sponsors.push_back(static_cast<SeatIndex>(it - seated.begin()));
    }
    // A starting text is tabled by a sponsor; the loader guarantees one stays seated.
    if (!d.sponsors.empty()) d.starting_refs = draft.starting_refs;
    settings.drafts.push_back(std::move(d));
  }
  RoomRules& rules = settings.rules;
  rules.rounds = preset->rounds;
  rules.lobby_ms = preset->lobby_ms;
  rules.debrief_ms = preset->debrief_ms;
  rules.starting_text_as_package = true;  // round 1 cannot vote 30 starting clauses one by one
  rules.briefing_ms = preset->briefing_ms;
  rules.drafting_ms = preset->drafting_ms;
  rules.clause_voting_ms = preset->clause_voting_ms;
  rules.final_vote_ms = preset->final_vote_ms;
  rules.adoption_window_ms = preset->adoption_window_ms;
  rules.decision_rule = scenario->decision_rule;
  rules.ballot = scenario->ballot;
  const auto& plan = scenario->injects;
  for (const auto& inject : catalogue.injects())
    if (std::find(plan.exclude.begin(), plan.exclude.end(), inject.id) == plan.exclude.end())
      settings.injects.push_back(resolve_inject(inject, catalogue, settings, seated));
  for (const auto& scheduled : plan.schedule)
    if (scheduled.round <= rules.rounds) settings.inject_schedule.push_back(scheduled);

  MatchSetup setup;
  setup.header.content_hash = catalogue.content_hash_hex();
  setup.header.settings = settings;
  setup.settings = std::move(settings);
  out.setup = std::move(setup);
  return out;
}

}  // namespace accord::content
