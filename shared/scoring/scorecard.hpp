// A scorecard: the explanation tree of one adopted draft. Every node has a value and the terms
// that produced it; the terms' displayed values add up exactly to the node's displayed value.
//
// Values are integers in per mille of the maximum, shown as value / 10 on a 0-100 scale with
// one decimal (format_score). A criterion of 625 is shown as 62.5.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "scoring/analyzer.hpp"
#include "scoring/catalogue.hpp"
#include "scoring/draft.hpp"

namespace accord::scoring {

// clang-format off
ACCORD_ENUM(TermKind, std::uint8_t,
    clause,  // a catalogue clause's share of its criterion (ref, clause_index)
    free_text,  // an analysed free-text clause's share (clause_index)
    interaction,  // a synergy, conflict, tension or contradiction's share (ref = rule id)
    criterion,  // content: one criterion times its weight (ref = criterion code)
    coherence,  // content: the cut for contradictions
    length_cut,  // content: the cut for clauses beyond the breadth a code can carry
    yes_share,  // legitimacy: the yes share times its weight
    bloc_coverage,  // legitimacy: the blocs in favour times their weight
    consensus_bonus,  // legitimacy: no "no" and no abstention
    legitimacy_cap,  // legitimacy: the cut back to the maximum
    content,  // final: the content score
    legitimacy_factor)  // final: what the vote's legitimacy takes off
// clang-format on

struct Term {
  TermKind kind = TermKind::clause;
  std::string ref;        // clause reference, rule id or criterion code, when there is one
  int clause_index = -1;  // position of the clause in the draft, for clause terms
  int points = 0;         // raw points, for clause and interaction terms
  int value = 0;          // the displayed amount, per mille (add the node's terms: its value)
  std::string text;       // one plain sentence
};

// The points in favour share what they would give alone (diminishing returns already applied);
// the points against share what they take back off that. So every term lies within 0-100 and
// the terms add up to the value.
struct CriterionResult {
  Criterion criterion = Criterion::MI;
  std::string name;
  int raw_points = 0;      // R: clause points plus interaction effects
  int points_for = 0;      // the positive points among them
  int points_against = 0;  // the negative points among them, as a positive number
  int value = 0;           // S, per mille
  int weight_pm = 0;       // the preset's weight
  std::vector<Term> terms;
  std::string note;  // how the points became the value, in one sentence
};

struct ClauseResult {
  int index = 0;
  std::string ref;    // empty for free text
  std::string title;  // catalogue title, or the start of the free text
  Points points{};
  std::optional<Analysis> analysis;  // free text only
  bool facilitator_override = false;
};

struct InteractionResult {
  std::string id;
  std::string name;
  InteractionKind kind = InteractionKind::synergy;
  Points effects{};
  std::string text;
};

struct LegitimacyResult {
  VoteRecord vote;
  int yes_share_pm = 0;      // Y / (Y + N + A/2)
  int bloc_coverage_pm = 0;  // blocs in favour / blocs
  int value = 0;             // LA, per mille of 10
  bool contested = false;    // LA below the formula's threshold
  std::vector<Term> terms;
  std::string text;
};

struct Scorecard {
  std::string title;
  std::string preset_id;
  std::string preset_name;
  std::vector<ClauseResult> clauses;
  std::vector<InteractionResult> interactions;  // the rules that fired, in asset order
  std::vector<CriterionResult> criteria;        // the seven content criteria, in order
  int contradictions = 0;
  int coherence_pm = 1000;
  int length_pm = 1000;  // what the length cut keeps: 1000 up to the formula's breadth
  int content = 0;
  std::vector<Term> content_terms;
  std::optional<LegitimacyResult> legitimacy;  // empty: not yet voted
  int final_score = 0;                         // equals content when not yet voted
  std::vector<Term> final_terms;
  std::string summary;  // one or two sentences for the top of the card
  ContentHash catalogue_hash = 0;
};

// "62.5", "-1.7", "100.0": value / 10 with one decimal.
std::string format_score(int value);

}  // namespace accord::scoring
