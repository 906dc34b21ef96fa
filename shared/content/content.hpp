// The playable content: state profiles (assets/states/), scenarios (assets/scenarios/) and the
// clause library (assets/clauses/, assets/scoring/, loaded by the scoring loader), checked
// against each other and then immutable. docs/scenarios.md describes the files.
#pragma once

#include <array>
#include <cstdint>
#include <filesystem>
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

// Which state data a scenario uses: the 2011 profiles (also for 2015-2018) or today's.
enum class Era : std::uint8_t { y2011, today };
inline constexpr std::size_t kEraCount = 2;
std::string_view era_name(Era era);  // "2011", "today"

inline constexpr std::size_t kStanceAxes = 7;          // SOV MSH LAW CON UNC CRM CAP
using Stance = std::array<std::int32_t, kStanceAxes>;  // x100: -0.5 is -50

struct SourcedFact {
  std::string fact;
  std::string source;
  std::string tag;  // "V" checked against an excerpt, "R" reconstructed (dossier's tags)
};

struct EraProfile {
  std::string position;  // public
  std::string brief;     // secret until the debrief
  Stance stance{};
  std::vector<ObjectiveSetup> objectives;  // this era's own, added to the shared ones
  std::vector<SourcedFact> facts;
};

struct RedLineInfo {
  RedLine line;     // {ref, lifted_by}
  std::string why;  // plain-language reason
};

struct StateProfile {
  std::string id;  // file name without .json
  std::string name;
  std::string bloc;
  std::vector<std::string> priorities;
  std::vector<RedLineInfo> red_lines;
  std::vector<ObjectiveSetup> objectives;  // shared by both eras
  std::array<EraProfile, kEraCount> eras;
  std::vector<std::string> sources;
  std::string notes;

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
  TimeMs briefing_ms = 0;
  TimeMs drafting_ms = 0;
  TimeMs clause_voting_ms = 0;
  TimeMs final_vote_ms = 0;
  TimeMs adoption_window_ms = 0;
  std::string notes;
  // Briefing + rounds x (drafting + clause voting) + final vote.
  TimeMs total_ms() const;
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

struct Scenario {
  std::string id;
  std::string title;
  int year = 0;
  Era era = Era::y2011;
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

  static constexpr std::size_t kMinSeats = 4;
  // The state ids seated with `count` seats (kMinSeats..seats.size()), in seat order:
  // the first seats.size() - count entries of drop_order leave. Empty if out of range.
  std::vector<std::string> seats_for(std::size_t count) const;
  const TimerPreset* preset(std::string_view id) const;
};

class ContentCatalogue {
 public:
  const scoring::ClauseCatalogue& clauses() const { return clauses_; }
  const std::vector<StateProfile>& states() const { return states_; }  // sorted by id
  const StateProfile* state(std::string_view id) const;
  const std::vector<Bloc>& blocs() const { return blocs_; }
  const std::vector<Scenario>& scenarios() const { return scenarios_; }  // sorted by year, id
  const Scenario* scenario(std::string_view id) const;

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
  std::uint64_t hash_ = 0;
};

struct ContentLoad {
  std::optional<ContentCatalogue> catalogue;  // set only when there are no errors
  std::vector<AssetError> errors;             // every problem, each with file, path, problem
  bool ok() const { return catalogue.has_value(); }
};

// Pure: from files already in memory. Names are relative to the asset folder:
// "clauses/law.json", "scoring/formula.json", "states/brazil.json", "states/blocs.json",
// "scenarios/collapse.json".
ContentLoad build_content(std::vector<AssetFile> files);
// Reads clauses/, scoring/, states/ and scenarios/ under asset_dir.
ContentLoad load_content(const std::filesystem::path& asset_dir);

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
// scenario's decision rule and ballot; seat setups from the state profiles of the scenario's era.
MatchCreation make_match_settings(const ContentCatalogue& catalogue, std::string_view scenario_id,
                                  std::size_t seat_count, std::string_view timer_preset);

}  // namespace accord::content
