// The clause library and the scoring rules, loaded once from assets/ and then immutable.
// Everything the score, the analyzer and the client's clause browser read comes from here.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "scoring/criteria.hpp"
#include "scoring/lexicon.hpp"

namespace accord::scoring {

using ContentHash = std::uint64_t;

// A state's appeal for a clause: base + sum of weight * axis value (dossier 13.4), in
// hundredths. Variants carry their own weights with a note, or inherit their family's.
struct StanceWeights {
  int base = 0;
  std::array<int, kStanceAxisCount> weights{};
  bool inherited = false;  // copied from the family's archetype
  std::string note;        // why a variant has its own weights
};

struct ClauseArchetype {
  std::string ref;       // "1" ... "43", variants such as "38q"
  std::string family;    // the archetype number: "38q" is in family "38"
  std::string category;  // id of a ClauseCategory
  std::string title;
  std::string text;     // the clause as it reads in a code
  std::string summary;  // one plain line for students
  std::vector<std::string> sources;
  Points contributions{};
  StanceWeights stance;
  std::string note;  // design notes, e.g. why a reference was created

  bool is_variant() const { return ref != family; }
};

struct ClauseCategory {
  std::string id;
  std::string name;
  std::string description;
};

struct CriterionInfo {
  std::string code;  // "MI" ... "SP", or "LA" for legitimacy
  std::string name;
  std::string description;
  std::vector<std::string> sources;
};

struct Preset {
  std::string id;
  std::string name;
  std::string description;
  std::array<int, kCriterionCount> weights_pm{};  // add up to 1000
};

ACCORD_ENUM(InteractionKind, std::uint8_t, synergy, conflict, tension, contradiction)

// Fires when every `all` reference is in the draft, at least one `any` (if listed), and no
// `none`. References are exact: "36" does not match "36r".
struct Trigger {
  std::vector<std::string> all;
  std::vector<std::string> any;
  std::vector<std::string> none;
};

struct Interaction {
  std::string id;  // "S1", "C2", "X3" ...
  std::string name;
  InteractionKind kind = InteractionKind::synergy;
  Trigger trigger;
  Points effects{};
  std::string rationale;
  std::string note;
};

// Parameters of the formula (assets/scoring/formula.json).
struct Formula {
  int half_saturation_points = 6;  // S = 1000 * R / (R + this)
  int max_clause_points = 3;
  int coherence_step_pm = 80;
  int coherence_floor_pm = 600;
  // Length cut: a code holding more than breadth_clauses clauses keeps
  // 1000 - length_step_pm x (clauses beyond) per mille of its content (never below 0).
  int breadth_clauses = 25;
  int length_step_pm = 30;
  int yes_share_weight_pm = 600;
  int bloc_coverage_weight_pm = 400;
  int consensus_bonus_pm = 100;
  int contested_below_pm = 400;
  int max_clauses = 120;
  int max_clause_bytes = 2000;
};

class ClauseCatalogue {
 public:
  // nullptr when no clause has this reference.
  const ClauseArchetype* find(std::string_view ref) const;
  // The family of a reference ("38q" -> "38"); empty when the reference is unknown.
  std::string_view family_of(std::string_view ref) const;
  std::vector<const ClauseArchetype*> in_category(std::string_view category_id) const;
  std::vector<const ClauseArchetype*> in_family(std::string_view family) const;
  // Every clause, ordered by archetype number, the archetype before its variants.
  const std::vector<ClauseArchetype>& clauses() const { return clauses_; }
  const std::vector<ClauseCategory>& categories() const { return categories_; }

  // The seven content criteria in Criterion order, then legitimacy.
  const std::vector<CriterionInfo>& criteria() const { return criteria_; }
  const CriterionInfo& criterion(Criterion c) const { return criteria_[index_of(c)]; }
  const CriterionInfo& legitimacy() const { return criteria_.back(); }

  const std::vector<Preset>& presets() const { return presets_; }
  const Preset* preset(std::string_view id) const;
  const Preset& default_preset() const { return presets_[default_preset_]; }

  const std::vector<Interaction>& interactions() const { return interactions_; }
  const Formula& formula() const { return formula_; }
  const Lexicon& lexicon() const { return lexicon_; }

  // XXH3-64 over the canonical bytes of every asset file: goes into log headers so a replay
  // made with other content is refused.
  ContentHash content_hash() const { return hash_; }

 private:
  friend class CatalogueBuilder;
  ClauseCatalogue() = default;

  std::vector<ClauseArchetype> clauses_;
  std::vector<ClauseCategory> categories_;
  std::vector<CriterionInfo> criteria_;
  std::vector<Preset> presets_;
  std::size_t default_preset_ = 0;
  std::vector<Interaction> interactions_;
  Formula formula_;
  Lexicon lexicon_;
  ContentHash hash_ = 0;
};

}  // namespace accord::scoring
