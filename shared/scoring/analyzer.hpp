// The free-text analyzer: reads a clause a player typed and turns it into criterion points,
// naming every phrase it matched (docs/scoring.md, "Free-text clauses"). Pure and linear in
// the length of the text, so the client can run it on every keystroke.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "scoring/criteria.hpp"
#include "scoring/lexicon.hpp"

namespace accord::scoring {

// clang-format off
ACCORD_ENUM(AnalysisStatus, std::uint8_t,
    scored,  // at least one commitment phrase was found
    no_commitment,  // readable English, but nothing the lexicon scores
    unreadable,  // too few known English words (another language, nonsense)
    empty)  // no words at all
// clang-format on

struct PhraseHit {
  PhraseRole role = PhraseRole::term;  // term or qualifier
  std::string phrase;                  // the lexicon entry, e.g. "publish*"
  std::string matched;                 // the words found, e.g. "publishes"
  Strength strength = Strength::none;  // term: the modal verb that governs it
  std::string modal;                   // term: that modal's words, empty when none
  bool negated = false;                // term: governed by a negator
  std::string negated_by;              // term: the negator's words
  std::string restricted_by;           // term: the restrictor that narrows it ("only")
  std::string reported_by;             // term: in a sentence that reports a view ("believe")
  std::string condition_by;            // term: a harm named in a condition ("whenever")
  bool repeated = false;               // term: said before in the clause, so counted once
  bool in_term_list = false;           // term: in a sentence that is a list of terms
  Points effects{};                    // term: points at full strength; qualifier: weakening
  std::string note;                    // qualifier: why it weakens
};

// A sentence that reads as a list of terms rather than a commitment (keyword stuffing).
struct TermListSentence {
  int sentence = 0;  // 1 for the first sentence
  int words = 0;     // words in the sentence
  int terms = 0;     // lexicon terms in it
  bool has_modal = false;
};

struct Analysis {
  AnalysisStatus status = AnalysisStatus::empty;
  Points points{};                           // what the clause adds to each criterion
  Points exact_pm{};                         // the same in thousandths, before rounding
  std::vector<PhraseHit> hits;               // terms and qualifiers, in the order of the text
  std::vector<std::string> nearest;          // up to three closest archetype references
  std::vector<TermListSentence> term_lists;  // sentences whose terms count weakly
  std::vector<int> repeating_sentences;      // sentences (1-based) with nothing not said before
  // Sentences (1-based) that report a view rather than commit anyone, with the words that say so.
  std::vector<std::pair<int, std::string>> reported_sentences;
  int words = 0;            // words read
  int known_words = 0;      // of which the lexicon knows
  bool truncated = false;   // only the first kMaxAnalysedBytes were read
  std::string explanation;  // one plain sentence for the scorecard
};

inline constexpr std::size_t kMaxAnalysedBytes = 64u << 10;

// Never fails: any bytes (non-ASCII, invalid UTF-8, megabytes of text) give an Analysis.
Analysis analyze_clause(const Lexicon& lexicon, std::string_view text);

}  // namespace accord::scoring
