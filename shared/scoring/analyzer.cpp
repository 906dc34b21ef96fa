#include "scoring/analyzer.hpp"

#include <algorithm>
#include <limits>

#include "scoring/arithmetic.hpp"

namespace accord::scoring {

namespace {

struct Token {
  std::size_t begin = 0;  // in the lower-cased copy of the text
  std::size_t end = 0;
  bool ascii = true;
  int sentence = 0;  // sentences end at . ; : ! ?
};

struct Match {
  std::size_t phrase = 0;  // index into lexicon.phrases
  std::size_t first = 0;   // token range [first, last)
  std::size_t last = 0;
};

bool is_word_byte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80;
}

// Words are runs of ASCII letters and digits, or of any non-ASCII bytes (which no lexicon
// phrase contains, so they are read but never matched: invalid UTF-8 is just unknown words).
std::vector<Token> tokenize(const std::string& lower) {
  std::vector<Token> tokens;
  int sentence = 0;
  std::size_t i = 0;
  while (i < lower.size()) {
    const auto c = static_cast<unsigned char>(lower[i]);
    if (!is_word_byte(c)) {
      if (c == '.' || c == ';' || c == ':' || c == '!' || c == '?') {
        if (!tokens.empty() && tokens.back().sentence == sentence) ++sentence;
      }
      ++i;
      continue;
    }
    Token t{i, i, true, sentence};
    while (i < lower.size() && is_word_byte(static_cast<unsigned char>(lower[i]))) {
      if (static_cast<unsigned char>(lower[i]) >= 0x80) t.ascii = false;
      ++i;
    }
    t.end = i;
    tokens.push_back(t);
  }
  return tokens;
}

class Matcher {
 public:
  Matcher(const Lexicon& lexicon, const std::string& lower, const std::vector<Token>& tokens)
      : lexicon_(lexicon), lower_(lower), tokens_(tokens) {}

  std::string_view word(std::size_t i) const {
    return std::string_view(lower_).substr(tokens_[i].begin, tokens_[i].end - tokens_[i].begin);
  }

  // Greedy, left to right, longest phrase first (earlier lexicon entries win ties).
  std::vector<Match> run() const {
    std::vector<Match> matches;
    std::size_t i = 0;
    while (i < tokens_.size()) {
      Match best{0, i, i};
      if (tokens_[i].ascii) {
        const std::string_view w = word(i);
        if (const auto it = lexicon_.by_first_word.find(w); it != lexicon_.by_first_word.end())
          consider(it->second, i, best);
        for (std::size_t len = 1; len <= std::min(w.size(), lexicon_.longest_stem); ++len)
          if (const auto it = lexicon_.by_first_stem.find(w.substr(0, len));
              it != lexicon_.by_first_stem.end())
            consider(it->second, i, best);
      }
      if (best.last > i) {
        matches.push_back(best);
        i = best.last;
      } else {
        ++i;
      }
    }
    return matches;
  }

 private:
  void consider(const std::vector<std::size_t>& candidates, std::size_t at, Match& best) const {
    for (const std::size_t p : candidates) {
      const auto& phrase = lexicon_.phrases[p].tokens;
      if (at + phrase.size() > tokens_.size()) continue;
      bool ok = true;
      for (std::size_t k = 0; ok && k < phrase.size(); ++k) {
        const Token& t = tokens_[at + k];
        const std::string_view w = word(at + k);
        ok = t.ascii && t.sentence == tokens_[at].sentence &&
             (phrase[k].stem ? w.starts_with(phrase[k].text) : w == phrase[k].text);
      }
      const std::size_t len = phrase.size();
      if (ok && (at + len > best.last || (at + len == best.last && p < best.phrase)))
        best = Match{p, at, at + len};
    }
  }

  const Lexicon& lexicon_;
  const std::string& lower_;
  const std::vector<Token>& tokens_;
};

std::string join_words(const Matcher& m, std::size_t first, std::size_t last) {
  std::string out;
  for (std::size_t i = first; i < last; ++i) {
    if (!out.empty()) out += ' ';
    out += m.word(i);
  }
  return out;
}

// The modal verb governing a term: the last one before it in its sentence, else the first
// one after it there ("Publication of strategies shall ..."), else none.
const Match* governing_modal(const Lexicon& lex, const std::vector<Match>& matches,
                             const std::vector<Token>& tokens, std::size_t term) {
  const int sentence = tokens[matches[term].first].sentence;
  for (std::size_t k = term; k-- > 0;) {
    if (tokens[matches[k].first].sentence != sentence) break;
    if (lex.phrases[matches[k].phrase].role == PhraseRole::modal) return &matches[k];
  }
  for (std::size_t k = term + 1; k < matches.size(); ++k) {
    if (tokens[matches[k].first].sentence != sentence) break;
    if (lex.phrases[matches[k].phrase].role == PhraseRole::modal) return &matches[k];
  }
  return nullptr;
}

std::string describe(const Analysis& a) {
  switch (a.status) {
    case AnalysisStatus::empty:
      return "The clause has no words, so it scores nothing.";
    case AnalysisStatus::unreadable:
      return "The analyzer could not read this clause (it knows only " +
             std::to_string(a.known_words) + " of its " + std::to_string(a.words) +
             " words; it reads English only), so it scores nothing.";
    case AnalysisStatus::no_commitment:
      return "No phrase in this clause is on the analyzer's list of commitments, so it scores "
             "nothing.";
    case AnalysisStatus::scored:
      break;
  }
  std::string found, weakened;
  for (const auto& hit : a.hits) {
    if (hit.role == PhraseRole::qualifier) {
      weakened += (weakened.empty() ? "" : "; ") + ("\"" + hit.matched + "\" " + hit.note);
      continue;
    }
    found += (found.empty() ? "\"" : ", \"") +
             (hit.negated ? hit.negated_by + " ... " : std::string()) + hit.matched + "\" (" +
             (hit.modal.empty() ? std::string("no modal verb") : hit.modal) + ")";
  }
  std::string out = "Found " + found + ".";
  if (!weakened.empty()) out += " Weakened by " + weakened + ".";
  if (a.truncated) out += " Only the beginning of this very long text was read.";
  return out;
}

}  // namespace

Analysis analyze_clause(const Lexicon& lexicon, std::string_view text) {
  Analysis a;
  a.truncated = text.size() > kMaxAnalysedBytes;
  std::string lower(text.substr(0, kMaxAnalysedBytes));
  for (char& ch : lower)
    if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
  const std::vector<Token> tokens = tokenize(lower);
  const Matcher matcher(lexicon, lower, tokens);
  const std::vector<Match> matches = matcher.run();

  std::vector<bool> known(tokens.size(), false);
  for (const Match& m : matches)
    for (std::size_t i = m.first; i < m.last; ++i)
      known[i] = true;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const std::string_view w = matcher.word(i);
    if (!known[i] && tokens[i].ascii &&
        (lexicon.is_common_word(w) ||
         std::all_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; })))
      known[i] = true;
    if (known[i]) ++a.known_words;
  }
  a.words = static_cast<int>(tokens.size());
  if (tokens.empty()) {
    a.status = AnalysisStatus::empty;
    a.explanation = describe(a);
    return a;
  }
  if (static_cast<long long>(a.known_words) * 1000 <
      static_cast<long long>(lexicon.readable_share_pm) * a.words) {
    a.status = AnalysisStatus::unreadable;
    a.explanation = describe(a);
    return a;
  }

  // Walk the matches: negators flip a pending negation that the next term inside the window
  // consumes; "or" carries it on to the following term; "and", "but" and sentence ends stop it.
  constexpr std::size_t kNone = std::numeric_limits<std::size_t>::max();
  bool pending = false;
  std::size_t negator_end = 0;
  std::string negator_words;
  std::size_t negated_end = kNone;  // end of the last negated term in this stretch
  std::size_t chain_end = kNone;    // end of an "or" that follows a negated term
  int sentence = -1;
  std::array<long long, kCriterionCount> sum_pm{};
  std::vector<std::pair<std::string, int>> archetype_votes;
  std::vector<const LexiconPhrase*> qualifiers;

  for (std::size_t k = 0; k < matches.size(); ++k) {
    const Match& m = matches[k];
    const LexiconPhrase& entry = lexicon.phrases[m.phrase];
    if (tokens[m.first].sentence != sentence) {
      sentence = tokens[m.first].sentence;
      pending = false;
      negated_end = chain_end = kNone;
    }
    const auto toggle = [&] {
      // A negation that found no term inside its window has lapsed: start afresh.
      if (pending && m.first - negator_end > static_cast<std::size_t>(lexicon.negation_window))
        pending = false;
      pending = !pending;
      negator_end = m.last;
      negator_words = join_words(matcher, m.first, m.last);
    };
    switch (entry.role) {
      case PhraseRole::negator:
        toggle();
        continue;
      case PhraseRole::modal:
        if (entry.modal_negates) toggle();
        continue;
      case PhraseRole::scope_break:
        pending = false;
        negated_end = chain_end = kNone;
        continue;
      case PhraseRole::coordinator:
        // "shall not attack hospitals or damage ...": the negation carries over the "or".
        chain_end = (negated_end != kNone) ? m.last : kNone;
        continue;
      case PhraseRole::qualifier:
        if (std::find(qualifiers.begin(), qualifiers.end(), &entry) == qualifiers.end()) {
          qualifiers.push_back(&entry);
          PhraseHit hit;
          hit.role = PhraseRole::qualifier;
          hit.phrase = entry.phrase;
          hit.matched = join_words(matcher, m.first, m.last);
          hit.effects = entry.weakens;
          hit.note = entry.note;
          a.hits.push_back(std::move(hit));
        }
        continue;
      case PhraseRole::term:
        break;
    }
    PhraseHit hit;
    hit.phrase = entry.phrase;
    hit.matched = join_words(matcher, m.first, m.last);
    const bool by_negator =
        pending && m.first - negator_end <= static_cast<std::size_t>(lexicon.negation_window);
    const bool by_chain = chain_end != kNone && m.first >= chain_end && m.first - chain_end <= 1;
    hit.negated = by_negator || by_chain;
    chain_end = kNone;
    if (hit.negated) {
      hit.negated_by = negator_words;
      pending = false;
      negated_end = m.last;
    }
    if (const Match* modal = governing_modal(lexicon, matches, tokens, k)) {
      hit.strength = lexicon.phrases[modal->phrase].strength;
      hit.modal = join_words(matcher, modal->first, modal->last);
    }
    hit.effects = hit.negated ? entry.negated : entry.effects;
    const int strength_pm = lexicon.strength_pm[static_cast<std::size_t>(hit.strength)];
    for (std::size_t c = 0; c < kCriterionCount; ++c)
      sum_pm[c] += static_cast<long long>(hit.effects[c]) * strength_pm;
    for (const auto& ref : entry.archetypes) {
      auto it = std::find_if(archetype_votes.begin(), archetype_votes.end(),
                             [&](const auto& v) { return v.first == ref; });
      if (it == archetype_votes.end())
        archetype_votes.emplace_back(ref, 1);
      else
        ++it->second;
    }
    a.hits.push_back(std::move(hit));
  }

  const int cap = lexicon.max_clause_points;
  for (std::size_t c = 0; c < kCriterionCount; ++c) {
    const auto points = std::clamp<std::int64_t>(div_round(sum_pm[c], 1000), -cap, cap);
    a.points[c] = static_cast<int>(points);
  }
  for (const LexiconPhrase* q : qualifiers)
    for (std::size_t c = 0; c < kCriterionCount; ++c)
      if (a.points[c] > 0) a.points[c] = std::max(0, a.points[c] - q->weakens[c]);

  std::stable_sort(archetype_votes.begin(), archetype_votes.end(),
                   [](const auto& x, const auto& y) { return x.second > y.second; });
  for (std::size_t i = 0; i < archetype_votes.size() && i < 3; ++i)
    a.nearest.push_back(archetype_votes[i].first);

  const bool any_term = std::any_of(a.hits.begin(), a.hits.end(),
                                    [](const PhraseHit& h) { return h.role == PhraseRole::term; });
  a.status = any_term ? AnalysisStatus::scored : AnalysisStatus::no_commitment;
  if (!any_term) a.hits.clear();
  a.explanation = describe(a);
  return a;
}

}  // namespace accord::scoring
