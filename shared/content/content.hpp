// The playable content: state profiles (assets/states/), scenarios (assets/scenarios/) and the
// clause library (assets/clauses/, assets/scoring/, loaded by the scoring loader), checked
// against each other and then immutable. docs/scenarios.md describes the files.
#pragma once

#include <array>
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/log.hpp"
#include "core/model.hpp"
#include "scoring/asset_loader.hpp"
#include "scoring/catalogue.hpp"

namespace accord::content {

using scoring::AssetError;
using scoring::AssetFile;

// Which state data a scenario uses, chosen by the scenario's year: the 2011 profiles (2011 to
// 2014: the SCO code, the first US strategy), the 2015 profiles (2015 to 2020: the 2015 GGE
// report, its failed successor, the two tracks of 2018), the 2021 profiles (2021 to 2024: the
// second OEWG, the cybercrime convention) and today's (2025 on: the global mechanism).
enum class Era : std::uint8_t { y2011, y2015, y2021, today };
inline constexpr std::size_t kEraCount = 4;
// "2011", "2015", "2021", "today": the keys of a state's "eras"
std::string_view era_name(Era era);
std::optional<Era> era_from_name(std::string_view name);
Era era_for_year(int year);
int era_first_year(Era era);  // 2011, 2015, 2021, 2025

// A month in the calendar, for "this fact is dated after the scenario" checks; month 0 means
// "some time in the year" (compared as its last month for a scenario, its first for a fact).
struct YearMonth {
  int year = 0;
  int month = 0;  // 1-12, or 0 if unknown
  friend auto operator<=>(const YearMonth&, const YearMonth&) = default;
};
std::string describe(YearMonth date);  // "2012-12", "2013"

inline constexpr std::size_t kStanceAxes = 7;          // SOV MSH LAW CON UNC CRM CAP
using Stance = std::array<std::int32_t, kStanceAxes>;  // x100: -0.5 is -50

struct SourcedFact {
  std::string fact;
  std::string source;
  std::string tag;  // "V" checked against an excerpt, "R" reconstructed (dossier's tags)
  YearMonth since;  // the date of the event the fact cites ("since"), year 0 if not given
};

// A state's profile for one era. The "2011" and "today" eras are written out in full; the
// "2015" era may be left out or give only what changed since 2011, and the "2021" era only what
// differs from today's (each of position and brief, stance, objectives and facts that such an
// era omits is its base era's).
struct EraProfile {
  std::string position;  // public
  std::string brief;     // secret until the debrief
  Stance stance{};
  std::vector<ObjectiveSetup> objectives;  // this era's own, added to the shared ones
  std::vector<SourcedFact> facts;
  // Where each part was written ("2011" for a part the 2015 era inherits), for file paths
  // in errors: the era key of the position/brief, of the objectives and of the facts.
  std::string text_from, objectives_from, facts_from;
};

struct RedLineInfo {
  RedLine line;     // {ref, lifted_by}
  std::string why;  // plain-language reason
};

struct StateProfile {
  std::string id;    // file name without .json
  std::string file;  // "states/<id>.json", for errors
  std::string name;
  std::string bloc;
  std::vector<std::string> priorities;
  std::vector<RedLineInfo> red_lines;
  std::vector<ObjectiveSetup> objectives;  // shared by both eras
  std::array<EraProfile, kEraCount> eras;
  std::vector<std::string> sources;
  std::string notes;
  bool un_observer = false;  // "un_status": "observer" (the EU, the AU): no vote at the UN

  const EraProfile& era(Era e) const { return eras[static_cast<std::size_t>(e)]; }
  // Shared objectives, then the era's own (2 to 4 in all).
  std::vector<ObjectiveSetup> objectives_for(Era e) const;
  // What a seat of this state knows in a scenario of this era.
  SeatSetup seat_setup(Era e) const;
};

struct Bloc {
  std::string id;  // the dossier's shorthand: "W", "SCO+", "Arab", "AU", "ASEAN", "IBSA/swing"
  std::string name;
  std::string description;
};

struct TimerPreset {
  std::string id;  // "class45", "online_long"
  std::string name;
  std::uint32_t rounds = 1;
  TimeMs lobby_ms = 0;  // planned lobby and class discussion: countdowns only (0: none)
  TimeMs briefing_ms = 0;
  TimeMs drafting_ms = 0;
  TimeMs clause_voting_ms = 0;
  TimeMs final_vote_ms = 0;
  TimeMs debrief_ms = 0;
  TimeMs adoption_window_ms = 0;
  std::string notes;
  // Lobby + briefing + rounds x (drafting + clause voting) + final vote + debrief.
  TimeMs total_ms() const;
  // The total and its parts in minutes, e.g. "45 min: lobby 3 + briefing 5 + 2 x (9 + 3) + ...".
  std::string breakdown() const;
};

struct ScenarioDraft {
  std::string title;
  std::vector<std::string> sponsors;  // state ids, all seats of the scenario
  std::vector<std::string> starting_refs;
  std::string source;
};

struct Goal {
  std::string text;
  std::string condition;  // condition language, without seat or deal predicates
};

struct ReferenceText {
  std::string title;
  std::vector<std::string> refs;
  std::string source;
};

struct Compromise {
  std::vector<std::string> refs;
  std::string pivot_qualified;    // a variant in refs, e.g. "38q"
  std::string pivot_unqualified;  // its family's archetype, e.g. "38"
  std::string why;
};

struct TeacherNotes {
  std::vector<std::string> learning_goals;
  std::vector<std::string> discussion_questions;
  std::string timings;
  std::string delegations;
};

// What a scenario changes in one seat's brief: its own objectives in place of the profile's
// (where the profile's need clauses this table lacks), the red lines at stake (those whose
// clause is on the table), and a position and brief of its own where the seat's role in this
// scenario differs from its era's (the chair of a group). Each part is kept from the profile
// when not given.
struct SeatOverride {
  std::optional<std::string> position;
  std::optional<std::string> brief;
  std::optional<std::vector<ObjectiveSetup>> objectives;
  std::optional<std::vector<std::string>> red_lines;  // refs of the profile's red lines kept
  std::string why;
};

// ------------------------------------------------------------------ injects (assets/injects/)

// Which seats an inject's priority shift reaches: states by id and whole blocs.
struct InjectShift {
  std::vector<std::string> states;
  std::vector<std::string> blocs;
  std::vector<std::string> add;     // clause refs the seat now works for
  std::vector<std::string> remove;  // refs it no longer works for
  std::string note;                 // told to the seat: why its priorities moved
};

// A crisis event a facilitator can fire (or a scenario schedule), grounded in a real kind of
// incident; docs/teaching.md describes the files.
struct Inject {
  std::string id;    // file name without .json
  std::string file;  // "injects/<id>.json", for errors
  std::string title;
  std::string kind;          // the real kind of incident, e.g. "ransomware on hospitals"
  std::string news;          // public news text
  std::string teacher_note;  // what really happened of this kind, for the debrief
  std::vector<std::string> sources;
  std::vector<std::string> urgent;        // clause refs made urgent
  std::vector<std::string> add_to_table;  // clause families put on the table
  std::vector<InjectShift> shifts;
  std::string statement;      // a short statement for an emergency vote; empty: none
  std::string statement_ref;  // the clause whose support the statement follows
  TimeMs statement_vote_ms = 0;
  TimeMs extra_drafting_ms = 0;
};

// A scenario's inject plan: which of the library it leaves out, and which it fires by itself.
struct InjectPlan {
  std::vector<std::string> exclude;
  std::vector<ScheduledInject> schedule;
};

struct Scenario {
  std::string id;
  std::string title;
  int year = 0;
  YearMonth date;        // "date": "2011-10" (or the year alone)
  Era era = Era::y2011;  // era_for_year(year); the file's "era" must agree
  std::string body;
  std::vector<std::string> seats;       // state ids, in seat order
  std::vector<std::string> drop_order;  // seats that leave first when scaling down; the rest stay
  DecisionRule decision_rule = DecisionRule::simple_majority;
  BallotKind ballot = BallotKind::roll_call;
  std::vector<ScenarioDraft> drafts;
  std::vector<std::string> table;  // clause families on the table
  std::optional<Goal> goal;
  std::optional<ReferenceText> failed_text;  // a historical text that failed
  Compromise example_compromise;
  std::string briefing;
  TeacherNotes teacher_notes;
  std::string historical_outcome;
  std::vector<TimerPreset> timer_presets;
  std::string notes;
  std::vector<std::string> sources;
  std::map<std::string, SeatOverride> seat_overrides;  // by state id
  InjectPlan injects;
  // How the vote of a seat that is only a UN observer (the EU, the AU) counts in this game;
  // required when one is seated.
  std::string observer_rule;

  static constexpr std::size_t kMinSeats = 4;
  // The state ids seated with `count` seats (kMinSeats..seats.size()), in seat order:
  // the first seats.size() - count entries of drop_order leave. Empty if out of range.
  std::vector<std::string> seats_for(std::size_t count) const;
  const TimerPreset* preset(std::string_view id) const;
  // What a seat of `state` knows in this scenario: the profile of the scenario's era with the
  // scenario's override for that state.
  SeatSetup seat_setup(const StateProfile& state) const;
};

class ContentCatalogue {
 public:
  const scoring::ClauseCatalogue& clauses() const { return clauses_; }
  const std::vector<StateProfile>& states() const { return states_; }  // sorted by id
  const StateProfile* state(std::string_view id) const;
  const std::vector<Bloc>& blocs() const { return blocs_; }
  const std::vector<Scenario>& scenarios() const { return scenarios_; }  // sorted by year, id
  const Scenario* scenario(std::string_view id) const;
  const std::vector<Inject>& injects() const { return injects_; }  // sorted by id
  const Inject* inject(std::string_view id) const;

  // XXH3-64 over the clause catalogue's hash and the canonical bytes of every state and
  // scenario file; as 16 lower-case hex digits for LogHeader::content_hash.
  std::uint64_t content_hash() const { return hash_; }
  std::string content_hash_hex() const;

 private:
  friend class ContentBuilder;
  explicit ContentCatalogue(scoring::ClauseCatalogue clauses) : clauses_(std::move(clauses)) {}

  scoring::ClauseCatalogue clauses_;
  std::vector<StateProfile> states_;
  std::vector<Bloc> blocs_;
  std::vector<Scenario> scenarios_;
  std::vector<Inject> injects_;
  std::uint64_t hash_ = 0;
};

struct ContentLoad {
  std::optional<ContentCatalogue> catalogue;  // set only when there are no errors
  std::vector<AssetError> errors;             // every problem, each with file, path, problem
  bool ok() const { return catalogue.has_value(); }
};

// Pure: from files already in memory. Names are relative to the asset folder:
// "clauses/law.json", "scoring/formula.json", "states/brazil.json", "states/blocs.json",
// "scenarios/collapse.json", "injects/cable_cut.json".
ContentLoad build_content(std::vector<AssetFile> files);
// Reads clauses/, scoring/, states/, scenarios/ and injects/ under asset_dir.
ContentLoad load_content(const std::filesystem::path& asset_dir);

// ------------------------------------------------------------------ playability

// One objective of one seat in one scenario, and where it is written.
struct SeatObjective {
  ObjectiveSetup objective;
  std::string file;  // "states/estonia.json" or "scenarios/hanoi.json" (an override)
  std::string path;  // "/objectives/1/condition", "/seat_overrides/estonia/objectives/0/..."
};
// The objectives of `state` in `scenario`, with their origins.
std::vector<SeatObjective> seat_objectives(const StateProfile& state, const Scenario& scenario);

// Whether a condition can hold on a scenario's table, judged from the table alone (which
// families can be adopted, how many drafts and seats there are): never, sometimes, always.
ACCORD_ENUM(Reach, std::uint8_t, never, sometimes, always)
inline std::string_view reach_name(Reach reach) {
  return to_string(reach);
}
// The reach of one objective condition (empty optional if it does not parse).
std::optional<Reach> objective_reach(std::string_view condition, const Scenario& scenario,
                                     const scoring::ClauseCatalogue& clauses);

// The checks of `accord-content check` beyond loading, over every scenario at full size:
// an objective or red line that names a clause family not on the table (an error at its file
// and field), an objective that never or always holds there, a seat with fewer than two
// objectives that can go either way or with nothing of its own to table.
struct PlayabilityReport {
  std::vector<AssetError> errors;
  std::size_t objectives = 0;   // seat objectives looked at (seats x objectives, all scenarios)
  std::size_t impossible = 0;   // never hold on the table
  std::size_t always_true = 0;  // hold whatever is played
  std::size_t off_table = 0;    // naming a clause not on the table (an "or" may still hold)
  std::size_t red_lines_off_table = 0;
  bool ok() const { return errors.empty(); }
};
PlayabilityReport check_playability(const ContentCatalogue& catalogue);

// ------------------------------------------------------------------ creating a match

struct MatchSetup {
  MatchSettings settings;
  LogHeader header;  // settings and content_hash filled; the server sets the seed
};

struct MatchCreation {
  std::optional<MatchSetup> setup;
  std::string error;  // unknown scenario or preset, seat count out of range
  explicit operator bool() const { return setup.has_value(); }
};

// Seats chosen by the scenario's scale-down order; the clause table holds every variant of the
// families on the table; drafts keep the sponsors still seated; rules from the preset and the
// scenario's decision rule and ballot; seat setups from the state profiles of the scenario's era;
// the inject library (all but the scenario's exclusions) resolved to these seats and this table.
MatchCreation make_match_settings(const ContentCatalogue& catalogue, std::string_view scenario_id,
                                  std::size_t seat_count, std::string_view timer_preset);

}  // namespace accord::content
