// The free-text analyzer's lexicon, compiled from assets/scoring/lexicon.json: phrases as
// token sequences (a token may be a stem that matches any ending), each with a role.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "scoring/criteria.hpp"

namespace accord::scoring {

// How firmly a clause commits: shall/must strong, should medium, may/encourage/consider weak.
// `none` is a clause with no modal verb at all.
ACCORD_ENUM(Strength, std::uint8_t, none, weak, medium, strong)

// clang-format off
ACCORD_ENUM(PhraseRole, std::uint8_t,
    term,  // carries criterion effects
    qualifier,  // weakens the clause's positive effects ("as national law permits")
    modal,  // sets the strength of the terms around it
    negator,  // "not", "refrain from": reverses the next term
    coordinator,  // "or": carries a negation on to the next term ("not attack or damage")
    scope_break,  // "but", "unless": ends a negation's scope
    restrictor,  // "only", "limited to", "alone": narrows the term it governs to its opposite
    reported)  // "some states believe": the sentence reports a view and commits no one
// clang-format on

struct PhraseToken {
  std::string text;
  bool stem = false;    // matches any token that starts with `text`
  std::string stemmed;  // otherwise: matches any token with this Snowball stem (build_index)
  bool exact = false;   // function words (negators, restrictors, frames): only this very word
};

struct LexiconPhrase {
  PhraseRole role = PhraseRole::term;
  std::string phrase;  // as written in the asset, e.g. "capacity build*"
  std::vector<PhraseToken> tokens;
  Points effects{};     // term: at full strength, when affirmed
  Points negated{};     // term: when a negator governs it
  Points restricted{};  // term: when a restrictor governs it ("only states", "limited to")
  Points weakens{};     // qualifier: keeps (3 - w) / 3 of each positive criterion
  std::array<bool, kCriterionCount> hollows{};  // qualifier: turns these criteria negative
  std::vector<std::string> archetypes;          // term: nearest clause archetypes
  Strength strength = Strength::none;           // modal
  bool modal_negates = false;                   // modal: "may not" also negates
  bool actor = false;        // term: who acts (companies, researchers); a negation waits for a verb
  bool fact_marker = false;  // reported: only in a sentence without a modal verb ("was")
  bool looks_back = false;   // negator: "banned", "not be": reverses the terms before it too
  bool backward_first = false;      // restrictor: "limited to" narrows its subject, before it
  bool after_comma = false;         // scope break: only after a comma (", and")
  bool stops_distribution = false;  // scope break: ends a taken negation only ("by", "which")
  bool opens_condition = false;     // scope break: "if", "whenever": what follows is a situation
  std::string note;                 // qualifier: why it weakens, for the explanation

  // A term that moves nothing unless narrowed ("states" in "states alone").
  bool silent() const {
    return role == PhraseRole::term && effects == Points{} && negated == Points{};
  }
};

struct Lexicon {
  std::vector<LexiconPhrase> phrases;
  std::array<int, 4> strength_pm{0, 333, 667, 1000};  // indexed by Strength
  int negation_window = 12;     // tokens between a negator and the term it governs
  int readable_share_pm = 400;  // below this share of known words, text counts as unreadable
  int max_clause_points = 3;    // a free-text clause, like an archetype, gives at most ±3
  int exclusion_sp = 2;         // a clause term this far against SP shuts out the actors it names
  int min_move_pm = 250;        // a criterion moved this far moves at least one point
  // A term list (keyword stuffing): a sentence of at least term_list_min_terms terms that has no
  // modal verb or has at least term_list_density_pm terms per thousand words. It names each
  // criterion once, at term_list_strength_pm of its strongest term, whatever the modal.
  int term_list_density_pm = 330;
  int term_list_min_terms = 5;
  int term_list_strength_pm = 250;
  std::vector<std::string> common_words;  // sorted; known words that carry no effect

  // Indexes into `phrases` by first token: whole words by their Snowball stem, and prefixes.
  std::map<std::string, std::vector<std::size_t>, std::less<>> by_first_word;
  std::map<std::string, std::vector<std::size_t>, std::less<>> by_first_stem;
  std::size_t longest_stem = 0;

  void build_index();
  bool is_common_word(std::string_view word) const;
};

}  // namespace accord::scoring
