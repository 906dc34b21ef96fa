#include "scoring/analyzer.hpp"

#include <algorithm>
#include <limits>
#include <map>

#include "scoring/arithmetic.hpp"
#include "scoring/score_internal.hpp"
#include "scoring/stemmer.hpp"

namespace accord::scoring {

namespace {

struct Token {
  std::size_t begin = 0;  // in the lower-cased copy of the text
  std::size_t end = 0;
  bool ascii = true;
  int sentence = 0;          // sentences end at . ; : ! ?
  bool after_comma = false;  // a comma (or dash, bracket) separates it from the word before
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
  bool comma = false;
  std::size_t i = 0;
  while (i < lower.size()) {
    const auto c = static_cast<unsigned char>(lower[i]);
    if (!is_word_byte(c)) {
      if (c == '.' || c == ';' || c == ':' || c == '!' || c == '?') {
        if (!tokens.empty() && tokens.back().sentence == sentence) ++sentence;
      }
      if (c == ',' || c == '(' || c == ')') comma = true;
      ++i;
      continue;
    }
    Token t{i, i, true, sentence, comma};
    comma = false;
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
      : lexicon_(lexicon), lower_(lower), tokens_(tokens) {
    stems_.reserve(tokens.size());
    for (std::size_t i = 0; i < tokens.size(); ++i)
      stems_.push_back(tokens[i].ascii ? english_stem(word(i)) : std::string());
  }

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
        if (const auto it = lexicon_.by_first_word.find(stems_[i]);
            it != lexicon_.by_first_word.end())
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
             (phrase[k].stem    ? w.starts_with(phrase[k].text)
              : phrase[k].exact ? w == phrase[k].text
                                : stems_[at + k] == phrase[k].stemmed);
      }
      const std::size_t len = phrase.size();
      // Longest first; at equal length fewer prefixes ("secretariat" is not "secret*"), then
      // more words spelled exactly as in the phrase ("informal" is not "inform", though
      // Snowball stems both to "inform"), then the earlier entry.
      const auto rank = [&](std::size_t q) {
        const auto& tokens = lexicon_.phrases[q].tokens;
        int prefixes = 0, exact = 0;
        for (std::size_t t = 0; t < tokens.size(); ++t) {
          prefixes += tokens[t].stem ? 1 : 0;
          exact += !tokens[t].stem && word(at + t) == tokens[t].text ? 1 : 0;
        }
        return std::pair{-prefixes, exact};
      };
      if (ok && (at + len > best.last || (at + len == best.last && best.last > best.first &&
                                          (rank(p) > rank(best.phrase) ||
                                           (rank(p) == rank(best.phrase) && p < best.phrase)))))
        best = Match{p, at, at + len};
    }
  }

  const Lexicon& lexicon_;
  const std::string& lower_;
  const std::vector<Token>& tokens_;
  std::vector<std::string> stems_;  // per token; empty for non-ASCII words
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

std::string sentence_list(const std::vector<int>& sentences) {
  std::string out = sentences.size() == 1 ? "Sentence " : "Sentences ";
  for (std::size_t i = 0; i < sentences.size(); ++i)
    out += (i == 0                      ? ""
            : i + 1 == sentences.size() ? " and "
                                        : ", ") +
           std::to_string(sentences[i]);
  return out;
}

// "Sentence 2 reports a view ("some states believe") rather than committing anyone."
std::string describe_reported(const Analysis& a) {
  std::string out;
  for (const auto& [sentence, words] : a.reported_sentences)
    out += std::string(out.empty() ? "" : " ") + "Sentence " + std::to_string(sentence) +
           " reports a view (\"" + words + "\") rather than committing anyone.";
  return out;
}

std::string describe(const Analysis& a, const Lexicon& lexicon) {
  switch (a.status) {
    case AnalysisStatus::empty:
      return "The clause has no words, so it scores nothing.";
    case AnalysisStatus::unreadable:
      return "The analyzer could not read this clause (it knows only " +
             std::to_string(a.known_words) + " of its " + std::to_string(a.words) +
             " words; it reads English only), so it scores nothing.";
    case AnalysisStatus::no_commitment:
      if (!a.reported_sentences.empty()) return describe_reported(a) + " So it scores nothing.";
      return "No phrase in this clause is on the analyzer's list of commitments, so it scores "
             "nothing.";
    case AnalysisStatus::scored:
      break;
  }
  std::string found, weakened, repeated;
  for (const auto& hit : a.hits) {
    if (hit.role == PhraseRole::qualifier) {
      weakened += (weakened.empty() ? "" : "; ") + ("\"" + hit.matched + "\" " + hit.note);
      continue;
    }
    if (!hit.reported_by.empty()) continue;
    if (hit.repeated) {
      const std::string quoted = "\"" + hit.matched + "\"";
      if (repeated.find(quoted) == std::string::npos)
        repeated += (repeated.empty() ? "" : ", ") + quoted;
      continue;
    }
    found +=
        (found.empty() ? "\"" : ", \"") + (hit.negated ? hit.negated_by + " ... " : std::string()) +
        (hit.restricted_by.empty() ? std::string() : hit.restricted_by + " ... ") + hit.matched +
        "\" (" + (hit.modal.empty() ? std::string("no modal verb") : hit.modal) + ")";
  }
  std::string out = "Found " + found + ".";
  if (!weakened.empty()) out += " Weakened by " + weakened + ".";
  if (!repeated.empty()) out += " Said again, so counted once: " + repeated + ".";
  if (!a.repeating_sentences.empty())
    out += " " + sentence_list(a.repeating_sentences) +
           (a.repeating_sentences.size() == 1 ? " says" : " say") + " nothing new, so " +
           (a.repeating_sentences.size() == 1 ? "it adds" : "they add") + " nothing.";
  for (const auto& list : a.term_lists)
    out += " Sentence " + std::to_string(list.sentence) +
           " is a list of terms rather than a commitment (" + std::to_string(list.terms) +
           " terms in " + std::to_string(list.words) + " words" +
           (list.has_modal ? "" : ", and it has no modal verb") +
           "), so it names each criterion once, at " + percent(lexicon.term_list_strength_pm) +
           " of its strongest term.";
  if (!a.reported_sentences.empty()) out += " " + describe_reported(a);
  if (a.truncated) out += " Only the beginning of this very long text was read.";
  return out;
}

// Per sentence: words, terms and modals, to find the sentences that are lists of terms.
std::vector<bool> find_term_lists(const Lexicon& lex, const std::vector<Token>& tokens,
                                  const std::vector<Match>& matches, Analysis& a) {
  const std::size_t sentences =
      tokens.empty() ? 0 : static_cast<std::size_t>(tokens.back().sentence) + 1;
  std::vector<TermListSentence> stats(sentences);
  for (const Token& t : tokens)
    ++stats[static_cast<std::size_t>(t.sentence)].words;
  for (const Match& m : matches) {
    auto& s = stats[static_cast<std::size_t>(tokens[m.first].sentence)];
    const PhraseRole role = lex.phrases[m.phrase].role;
    if (role == PhraseRole::modal) s.has_modal = true;
    if (role != PhraseRole::term || lex.phrases[m.phrase].silent()) continue;
    ++s.terms;
  }
  std::vector<bool> is_list(sentences, false);
  for (std::size_t i = 0; i < sentences; ++i) {
    auto& s = stats[i];
    s.sentence = static_cast<int>(i) + 1;
    // A list names many terms close together; a commitment spends words on who does what.
    const bool dense = static_cast<long long>(s.terms) * 1000 >=
                       static_cast<long long>(lex.term_list_density_pm) * s.words;
    const bool several = s.terms >= lex.term_list_min_terms;
    is_list[i] = several && (dense || !s.has_modal);
    if (is_list[i]) a.term_lists.push_back(s);
  }
  return is_list;
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
    a.explanation = describe(a, lexicon);
    return a;
  }
  if (static_cast<long long>(a.known_words) * 1000 <
      static_cast<long long>(lexicon.readable_share_pm) * a.words) {
    a.status = AnalysisStatus::unreadable;
    a.explanation = describe(a, lexicon);
    return a;
  }

  // Walk the matches clause by clause (a clause ends at a sentence end or a scope break).
  // Negation: a negator is taken by the next term within the window that it can reverse (a
  // term whose negation differs from it: "attack", not "hospitals"); it then goes on over the
  // rest of that predicate ("shall not attack, damage or disrupt") until a new modal verb. A
  // negator that no term follows reverses the terms before it ("... must be avoided"). Two
  // negators cancel. A restrictor ("only", "limited to") narrows the next term it can narrow,
  // or, with none after it, the nearest one before it ("governments alone").
  constexpr std::size_t kNone = std::numeric_limits<std::size_t>::max();
  const std::vector<bool> in_term_list = find_term_lists(lexicon, tokens, matches, a);
  const std::size_t sentence_count =
      static_cast<std::size_t>(tokens.back().sentence) + 1;  // tokens is not empty here
  std::vector<std::string> reported_by(sentence_count);
  std::vector<std::string> fact_by(sentence_count);  // past tense, a year: history, not a promise
  std::vector<bool> has_modal(sentence_count, false);
  for (const Match& m : matches)
    if (lexicon.phrases[m.phrase].role == PhraseRole::modal)
      has_modal[static_cast<std::size_t>(tokens[m.first].sentence)] = true;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const std::string_view w = matcher.word(i);
    const auto s = static_cast<std::size_t>(tokens[i].sentence);
    // A year (1900-2099) dates a sentence; "Whether ..." opening one asks rather than commits.
    if (w.size() == 4 && (w.starts_with("19") || w.starts_with("20")) &&
        std::all_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; }) &&
        fact_by[s].empty())
      fact_by[s] = std::string(w);
    if (w == "whether" && (i == 0 || tokens[i - 1].sentence != tokens[i].sentence) &&
        reported_by[s].empty())
      reported_by[s] = "whether";
  }
  std::vector<const LexiconPhrase*> qualifiers;
  std::vector<const LexiconPhrase*> hit_entries;  // per hit: its lexicon entry (terms only)
  std::vector<std::size_t> hit_match;             // per hit: its index into matches

  bool pending = false;  // a negator waits for its term
  bool pending_looks_back = false;
  std::size_t negator_at = 0, negator_end = 0;
  std::string negator_words;
  bool distributing = false;  // a taken negation goes on over the predicate
  int distributing_sign = 0;
  std::string distributing_by;
  bool restricting = false;
  std::string restrictor_words;
  std::size_t last_modal_at = kNone, first_modal_at = kNone;
  int clause_modals = 0;
  // A condition ("if ...", "whenever ...", "whose ...") describes a situation: a harm named in
  // it is not done by anyone, and a negator in it stays inside it.
  bool in_condition = false, condition_has_pending = false;
  std::string condition_words;
  std::vector<std::size_t> clause_hits;    // hits of this clause's terms
  std::vector<std::size_t> clause_silent;  // matches of silent terms ("states") in this clause
  int sentence = -1;

  const auto polar = [](const LexiconPhrase& e) { return e.effects != e.negated; };
  const auto only_lowers = [](const Points& p) {
    return std::none_of(p.begin(), p.end(), [](int e) { return e > 0; });
  };
  const auto sign_of = [](const Points& p) {
    long long sum = 0;
    for (const int e : p)
      sum += e;
    return (sum > 0) - (sum < 0);
  };
  // What a hit counts for, once negated and narrowed.
  const auto final_effects = [&](std::size_t h) {
    const PhraseHit& hit = a.hits[h];
    const LexiconPhrase& entry = *hit_entries[h];
    Points effects = hit.restricted_by.empty() ? entry.effects : entry.restricted;
    if (hit.negated)
      for (std::size_t c = 0; c < kCriterionCount; ++c)
        effects[c] = hit.restricted_by.empty() ? entry.negated[c] : -effects[c];
    return effects;
  };
  std::vector<std::string> hit_condition;  // per hit: the condition it was named in, if any
  const auto narrowable = [](const LexiconPhrase& e) { return e.effects != e.restricted; };
  // Reverses the clause's terms before `before_token` that a negation can reverse.
  const auto negate_backward = [&](std::size_t before_token) {
    bool any = false;
    for (const std::size_t h : clause_hits) {
      PhraseHit& hit = a.hits[h];
      if (hit.negated || !polar(*hit_entries[h]) || matches[hit_match[h]].first >= before_token)
        continue;
      hit.negated = true;
      hit.negated_by = negator_words;
      any = true;
    }
    return any;
  };
  const auto add_term_hit = [&](std::size_t k) {
    PhraseHit hit;
    hit.phrase = lexicon.phrases[matches[k].phrase].phrase;
    hit.matched = join_words(matcher, matches[k].first, matches[k].last);
    if (const Match* modal = governing_modal(lexicon, matches, tokens, k)) {
      hit.strength = lexicon.phrases[modal->phrase].strength;
      hit.modal = join_words(matcher, modal->first, modal->last);
    }
    hit.in_term_list = in_term_list[static_cast<std::size_t>(tokens[matches[k].first].sentence)];
    a.hits.push_back(std::move(hit));
    hit_entries.push_back(&lexicon.phrases[matches[k].phrase]);
    hit_match.push_back(k);
    hit_condition.emplace_back();
    return a.hits.size() - 1;
  };
  // The nearest term before `before_token` in this clause that a restrictor can narrow,
  // silent ones ("states") included; kNone when there is none.
  const auto narrow_backward = [&](std::size_t before_token, bool subject) {
    const auto before = [&](std::size_t h) { return matches[hit_match[h]].first < before_token; };
    if (subject) {
      // "Blocking ... only by court order", "interception only with a judge's warrant": a
      // limited harm is a harm refused beyond the limit.
      for (const std::size_t h : clause_hits)
        if (before(h) && polar(*hit_entries[h]) && only_lowers(hit_entries[h]->effects) &&
            !a.hits[h].negated) {
          a.hits[h].negated = true;
          a.hits[h].negated_by = restrictor_words;
          return h;
        }
      // "Cooperation shall be limited to ...": the clause's subject is narrowed.
      for (const std::size_t h : clause_hits)
        if (before(h) && narrowable(*hit_entries[h])) {
          a.hits[h].restricted_by = restrictor_words;
          return h;
        }
      for (const std::size_t k : clause_silent)
        if (matches[k].first < before_token && narrowable(lexicon.phrases[matches[k].phrase])) {
          const std::size_t h = add_term_hit(k);
          clause_hits.push_back(h);
          a.hits[h].restricted_by = restrictor_words;
          return h;
        }
      return kNone;
    }
    std::size_t best_hit = kNone;
    for (std::size_t i = clause_hits.size(); i-- > 0;)
      if (narrowable(*hit_entries[clause_hits[i]]) && before(clause_hits[i])) {
        best_hit = clause_hits[i];
        break;
      }
    std::size_t best_silent = kNone;
    for (std::size_t k = clause_silent.size(); k-- > 0;)
      if (narrowable(lexicon.phrases[matches[clause_silent[k]].phrase]) &&
          matches[clause_silent[k]].first < before_token) {
        best_silent = clause_silent[k];
        break;
      }
    if (best_silent != kNone && (best_hit == kNone || best_silent > hit_match[best_hit])) {
      best_hit = add_term_hit(best_silent);
      clause_hits.push_back(best_hit);
    }
    if (best_hit != kNone) a.hits[best_hit].restricted_by = restrictor_words;
    return best_hit;
  };
  const auto close_clause = [&] {
    if (pending && pending_looks_back) negate_backward(negator_at);
    // "Only governments sit in the room; companies wait outside": where a clause shuts others
    // out, the actors it names are the ones shut out.
    const bool shuts_out = std::any_of(clause_hits.begin(), clause_hits.end(), [&](std::size_t h) {
      return !hit_entries[h]->actor &&
             final_effects(h)[index_of(Criterion::SP)] <= -lexicon.exclusion_sp;
    });
    if (shuts_out)
      for (const std::size_t h : clause_hits)
        if (hit_entries[h]->actor && !a.hits[h].negated) {
          a.hits[h].negated = true;
          a.hits[h].negated_by = "(shut out)";
        }
    // "without business or civil society": a negator that no term took reaches the actors.
    if (pending && !pending_looks_back)
      for (const std::size_t h : clause_hits)
        if (hit_entries[h]->actor && matches[hit_match[h]].first > negator_at &&
            !a.hits[h].negated) {
          a.hits[h].negated = true;
          a.hits[h].negated_by = negator_words;
        }

    pending = distributing = restricting = false;
    last_modal_at = first_modal_at = kNone;
    clause_modals = 0;
    clause_hits.clear();
    clause_silent.clear();
  };

  for (std::size_t k = 0; k < matches.size(); ++k) {
    const Match& m = matches[k];
    const LexiconPhrase& entry = lexicon.phrases[m.phrase];
    if (tokens[m.first].sentence != sentence) {
      close_clause();
      in_condition = false;
      sentence = tokens[m.first].sentence;
    }
    if (in_condition && (tokens[m.first].after_comma || entry.role == PhraseRole::modal)) {
      in_condition = false;
      if (pending && !condition_has_pending) pending = false;  // "if they decline to, ..."
    }
    const auto negator = [&] {
      distributing = false;
      if (pending && m.first - negator_end <= static_cast<std::size_t>(lexicon.negation_window)) {
        pending = false;  // "shall not fail to": the two cancel
        return;
      }
      if (pending && pending_looks_back) negate_backward(negator_at);
      pending = true;
      pending_looks_back = entry.looks_back;
      negator_at = m.first;
      negator_end = m.last;
      negator_words = join_words(matcher, m.first, m.last);
    };
    switch (entry.role) {
      case PhraseRole::negator:
        negator();
        continue;
      case PhraseRole::modal:
        if (entry.phrase == "should" &&
            (m.first == 0 || tokens[m.first - 1].sentence != tokens[m.first].sentence)) {
          // "Should a State fail to report, ...": an inverted condition, not a duty.
          in_condition = true;
          condition_words = "should";
          condition_has_pending = pending;
          continue;
        }
        if (entry.modal_negates) {
          negator();
        } else {
          // A new predicate: a "banned" left over from the previous one reverses what came
          // before it ("accounts shall be banned, and users must ...").
          if (pending && pending_looks_back && last_modal_at != kNone &&
              negator_at > last_modal_at && negate_backward(negator_at))
            pending = false;
          distributing = false;
        }
        if (first_modal_at == kNone) first_modal_at = m.first;
        last_modal_at = m.first;
        ++clause_modals;
        continue;
      case PhraseRole::scope_break:
        if (entry.stops_distribution) {
          distributing = false;
          if (entry.opens_condition) {
            in_condition = true;
            condition_words = join_words(matcher, m.first, m.last);
            condition_has_pending = pending;
          }
        } else if (!entry.after_comma || tokens[m.first].after_comma) {
          close_clause();
        }
        continue;
      case PhraseRole::coordinator:
        // "neither ... nor" keeps one negation; a "nor" on its own starts one.
        if (entry.phrase == "nor" && !pending && !distributing) negator();
        continue;
      case PhraseRole::restrictor:
        if (pending && m.first - negator_end <= 2) {  // "is not reserved for": no restriction
          pending = false;
          continue;
        }
        restrictor_words = join_words(matcher, m.first, m.last);
        // "limited to", "only where" narrow what came before them; "only" what follows.
        // A restrictor at the end of a clause ("by the Chair only,") looks back too.
        if ((entry.backward_first || m.last == tokens.size() || tokens[m.last].after_comma ||
             tokens[m.last].sentence != sentence) &&
            narrow_backward(m.first, entry.backward_first) != kNone)
          continue;
        restricting = true;
        continue;
      case PhraseRole::reported:
        if (entry.fact_marker) {  // "was", "took part": a fact only where nothing is promised
          if (fact_by[static_cast<std::size_t>(sentence)].empty())
            fact_by[static_cast<std::size_t>(sentence)] = join_words(matcher, m.first, m.last);
        } else if (reported_by[static_cast<std::size_t>(sentence)].empty()) {
          reported_by[static_cast<std::size_t>(sentence)] = join_words(matcher, m.first, m.last);
        }
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
          hit_entries.push_back(nullptr);
          hit_match.push_back(k);
          hit_condition.emplace_back();
        }
        continue;
      case PhraseRole::term:
        break;
    }
    if (entry.silent() && !(restricting && narrowable(entry))) {
      clause_silent.push_back(k);  // "states": counts only if narrowed ("states alone")
      continue;
    }
    const std::size_t h = add_term_hit(k);
    PhraseHit& hit = a.hits[h];
    bool took_negation = false;
    if (polar(entry)) {
      // An actor ("no ... operators shall") is not what a negation denies: it waits for a verb.
      if (pending && !entry.actor &&
          m.first - negator_end <= static_cast<std::size_t>(lexicon.negation_window)) {
        pending = false;
        distributing = true;
        distributing_by = negator_words;
        distributing_sign = sign_of(entry.effects);
        took_negation = true;
        // "Evidence ... will not be shared": a passive negation reverses its subject too.
        if (pending_looks_back && clause_modals == 1) negate_backward(first_modal_at);
      }
      // It goes on over the rest of the predicate ("not attack, damage or disrupt", "not be
      // required to disclose an identity number"), but a refused harm does not turn the good
      // it would hurt into a harm ("not cut off ... Internet access").
      if (distributing &&
          (took_negation || distributing_sign >= 0 || sign_of(entry.effects) <= 0)) {
        hit.negated = true;
        hit.negated_by = distributing_by;
      }
    }
    if (restricting && narrowable(entry)) {
      restricting = false;
      hit.restricted_by = restrictor_words;
    }
    if (in_condition) hit_condition[h] = condition_words;
    clause_hits.push_back(h);
  }
  close_clause();
  for (std::size_t i = 0; i < sentence_count; ++i)
    if (reported_by[i].empty() && !has_modal[i] && !fact_by[i].empty()) reported_by[i] = fact_by[i];

  // Each term counts once per clause, in each reading (affirmed, negated, narrowed), at the
  // strongest modal it was said with; a reported sentence commits no one, so counts nothing.
  struct Counted {
    Points effects;
    int strength_pm;
    bool only_in_lists;  // never said as a commitment: counts with the term lists
  };
  std::map<std::pair<std::size_t, int>, Counted> counted;
  std::map<int, bool> sentence_says_new;  // sentences with terms: whether one is new
  std::vector<std::pair<std::string, int>> archetype_votes;
  for (std::size_t h = 0; h < a.hits.size(); ++h) {
    PhraseHit& hit = a.hits[h];
    if (hit.role != PhraseRole::term) continue;
    const LexiconPhrase& entry = *hit_entries[h];
    const int hit_sentence = tokens[matches[hit_match[h]].first].sentence;
    hit.reported_by = reported_by[static_cast<std::size_t>(hit_sentence)];
    const Points effects = final_effects(h);
    hit.effects = effects;
    // A harm (or a good denied) named in a condition describes the situation: nobody does it.
    if (!hit_condition[h].empty() && only_lowers(effects)) hit.condition_by = hit_condition[h];
    if (!hit.reported_by.empty() || !hit.condition_by.empty()) continue;
    const int strength_pm = hit.in_term_list
                                ? lexicon.term_list_strength_pm
                                : lexicon.strength_pm[static_cast<std::size_t>(hit.strength)];
    const int reading = (hit.negated ? 1 : 0) + (hit.restricted_by.empty() ? 0 : 2);
    const std::size_t phrase = matches[hit_match[h]].phrase;
    const auto [it, fresh] = counted.try_emplace({phrase, reading}, Counted{effects, 0, true});
    it->second.strength_pm = std::max(it->second.strength_pm, strength_pm);
    it->second.only_in_lists = it->second.only_in_lists && hit.in_term_list;
    hit.repeated = !fresh;
    sentence_says_new[hit_sentence] = sentence_says_new[hit_sentence] || fresh;
    if (fresh) {
      for (const auto& ref : entry.archetypes) {
        auto vote = std::find_if(archetype_votes.begin(), archetype_votes.end(),
                                 [&](const auto& v) { return v.first == ref; });
        if (vote == archetype_votes.end())
          archetype_votes.emplace_back(ref, 1);
        else
          ++vote->second;
      }
    }
  }
  for (std::size_t s = 0; s < sentence_count; ++s)
    if (!reported_by[s].empty())
      a.reported_sentences.push_back({static_cast<int>(s) + 1, reported_by[s]});

  // Commitments add up; a list of terms names each criterion once, by its strongest term in
  // favour and against, so listing more terms gains nothing.
  std::array<long long, kCriterionCount> sum_pm{};
  Points list_for{}, list_against{};
  for (const auto& [key, term] : counted) {
    for (std::size_t c = 0; c < kCriterionCount; ++c) {
      const int effect = term.effects[c];
      if (!term.only_in_lists)
        sum_pm[c] += static_cast<long long>(effect) * term.strength_pm;
      else if (effect > 0)
        list_for[c] = std::max(list_for[c], effect);
      else
        list_against[c] = std::min(list_against[c], effect);
    }
  }
  for (std::size_t c = 0; c < kCriterionCount; ++c)
    sum_pm[c] +=
        static_cast<long long>(list_for[c] + list_against[c]) * lexicon.term_list_strength_pm;
  for (const auto& [said_in, says_new] : sentence_says_new)
    if (!says_new) a.repeating_sentences.push_back(said_in + 1);
  // Cap, then take the qualifiers off the positive criteria, in thousandths; a criterion that
  // moved at least min_move_pm moves at least one point, so a hedged commitment still counts.
  const long long cap_pm = 1000LL * lexicon.max_clause_points;
  for (std::size_t c = 0; c < kCriterionCount; ++c) {
    long long exact = std::clamp<long long>(sum_pm[c], -cap_pm, cap_pm);
    for (const LexiconPhrase* q : qualifiers) {
      if (exact > 0 && q->hollows[c]) exact = -std::max(1000LL, exact / 2);
      // "where appropriate" keeps two thirds of a positive criterion, so a soft clause still
      // moves it a little; weakens 3 would take it all.
      if (exact > 0) exact = exact * (3 - q->weakens[c]) / 3;
    }
    a.exact_pm[c] = static_cast<int>(exact);
    long long points = div_round(exact, 1000);
    if (points == 0 && std::abs(exact) >= lexicon.min_move_pm) points = exact > 0 ? 1 : -1;
    a.points[c] = static_cast<int>(points);
  }

  std::stable_sort(archetype_votes.begin(), archetype_votes.end(),
                   [](const auto& x, const auto& y) { return x.second > y.second; });
  for (std::size_t i = 0; i < archetype_votes.size() && i < 3; ++i)
    a.nearest.push_back(archetype_votes[i].first);

  const bool any_term = std::any_of(a.hits.begin(), a.hits.end(), [](const PhraseHit& h) {
    return h.role == PhraseRole::term && h.reported_by.empty();
  });
  a.status = any_term ? AnalysisStatus::scored : AnalysisStatus::no_commitment;
  if (!any_term) {
    a.hits.clear();
    a.points = a.exact_pm = Points{};  // a reported sentence's qualifiers weigh nothing either
  }
  a.explanation = describe(a, lexicon);
  return a;
}

}  // namespace accord::scoring
