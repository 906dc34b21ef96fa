// Reads assets/scoring/lexicon.json into the compiled Lexicon.
#include <algorithm>
#include <functional>
#include <set>

#include "scoring/loader_internal.hpp"

namespace accord::scoring {

namespace {

// "capacity build*" -> [capacity, build(stem)]. Words are lower-case ASCII letters and digits,
// the analyzer's own token alphabet, so a phrase can only hold what the tokenizer produces.
bool compile_phrase(const std::string& phrase, std::vector<PhraseToken>& out) {
  std::size_t i = 0;
  while (i < phrase.size()) {
    if (phrase[i] == ' ') {
      ++i;
      continue;
    }
    PhraseToken token;
    while (i < phrase.size() && phrase[i] != ' ') {
      const char ch = phrase[i++];
      if (ch == '*' && (i == phrase.size() || phrase[i] == ' ') && !token.text.empty()) {
        token.stem = true;
      } else if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9')) {
        token.text.push_back(ch);
      } else {
        return false;
      }
    }
    out.push_back(std::move(token));
  }
  return !out.empty();
}

}  // namespace

void read_lexicon(const json& doc, JsonWalk& walk, Lexicon& out,
                  std::vector<std::pair<std::string, std::string>>& archetype_refs) {
  if (!walk.object(doc, "")) return;
  walk.only_keys(doc, "",
                 {"note",
                  "strength_pm",
                  "negation_window",
                  "readable_share_pm",
                  "term_list_density_pm",
                  "term_list_min_terms",
                  "term_list_strength_pm",
                  "modals",
                  "negators",
                  "coordinators",
                  "scope_breaks",
                  "comma_breaks",
                  "negation_stops",
                  "conditions",
                  "negators_after",
                  "restrictors",
                  "limiters",
                  "fact_markers",
                  "reported",
                  "terms",
                  "qualifiers",
                  "common_words"});
  if (const json* s = walk.field(doc, "", "strength_pm", true);
      s && walk.object(*s, "/strength_pm")) {
    walk.only_keys(*s, "/strength_pm", {"none", "weak", "medium", "strong"});
    for (std::size_t i = 0; i < out.strength_pm.size(); ++i) {
      const std::string name(to_string(static_cast<Strength>(i)));
      if (const auto v = walk.integer(*s, "/strength_pm", name.c_str(), 0, 1000))
        out.strength_pm[i] = static_cast<int>(*v);
    }
  }
  if (const auto v = walk.integer(doc, "", "negation_window", 1, 50))
    out.negation_window = static_cast<int>(*v);
  if (const auto v = walk.integer(doc, "", "readable_share_pm", 0, 1000))
    out.readable_share_pm = static_cast<int>(*v);
  if (const auto v = walk.integer(doc, "", "term_list_density_pm", 1, 1000))
    out.term_list_density_pm = static_cast<int>(*v);
  if (const auto v = walk.integer(doc, "", "term_list_min_terms", 2, 100))
    out.term_list_min_terms = static_cast<int>(*v);
  if (const auto v = walk.integer(doc, "", "term_list_strength_pm", 0, 1000))
    out.term_list_strength_pm = static_cast<int>(*v);

  std::set<std::pair<int, std::string>> seen;  // (role, phrase): duplicates are errors
  const auto add = [&](PhraseRole role, std::string phrase, const std::string& path,
                       LexiconPhrase entry) -> LexiconPhrase* {
    if (!compile_phrase(phrase, entry.tokens)) {
      walk.fail(path, "phrase '" + phrase +
                          "' must be lower-case words of letters and digits, a '*' only at "
                          "the end of a word");
      return nullptr;
    }
    if (!seen.insert({static_cast<int>(role), phrase}).second) {
      walk.fail(path, "phrase '" + phrase + "' is listed twice");
      return nullptr;
    }
    entry.role = role;
    entry.phrase = std::move(phrase);
    out.phrases.push_back(std::move(entry));
    return &out.phrases.back();
  };
  const auto word_list = [&](const char* key, PhraseRole role,
                             const std::function<void(LexiconPhrase&)>& flag = {}) {
    walk.array(doc, "", key, true, [&](const json& item, const std::string& path) {
      if (!item.is_string()) return walk.fail(path, "expected a string");
      LexiconPhrase entry;
      if (flag) flag(entry);
      add(role, item.get<std::string>(), path, std::move(entry));
    });
  };
  // A phrase may be listed once per role; these lists share roles, so they are read as one.
  word_list("negators", PhraseRole::negator);
  word_list("negators_after", PhraseRole::negator, [](auto& e) { e.looks_back = true; });
  word_list("coordinators", PhraseRole::coordinator);
  word_list("scope_breaks", PhraseRole::scope_break);
  word_list("comma_breaks", PhraseRole::scope_break, [](auto& e) { e.after_comma = true; });
  word_list("negation_stops", PhraseRole::scope_break,
            [](auto& e) { e.stops_distribution = true; });
  word_list("conditions", PhraseRole::scope_break, [](auto& e) {
    e.stops_distribution = true;
    e.opens_condition = true;
  });
  word_list("restrictors", PhraseRole::restrictor);
  word_list("limiters", PhraseRole::restrictor, [](auto& e) { e.backward_first = true; });
  word_list("reported", PhraseRole::reported);
  word_list("fact_markers", PhraseRole::reported, [](auto& e) { e.fact_marker = true; });

  walk.array(doc, "", "modals", true, [&](const json& item, const std::string& path) {
    if (!walk.object(item, path)) return;
    walk.only_keys(item, path, {"phrase", "strength", "negates"});
    LexiconPhrase entry;
    const auto strength = walk.string(item, path, "strength").value_or("");
    if (const auto s = enum_from_string<Strength>(strength); s && *s != Strength::none)
      entry.strength = *s;
    else if (!strength.empty())
      walk.fail(path + "/strength",
                "unknown strength '" + strength + "' (expected strong, medium or weak)");
    entry.modal_negates = walk.boolean(item, path, "negates", false).value_or(false);
    if (const auto phrase = walk.string(item, path, "phrase"))
      add(PhraseRole::modal, *phrase, path + "/phrase", std::move(entry));
  });
  walk.array(doc, "", "terms", true, [&](const json& item, const std::string& path) {
    if (!walk.object(item, path)) return;
    walk.only_keys(item, path,
                   {"phrase", "effects", "negated", "restricted", "actor", "archetypes"});
    LexiconPhrase entry;
    entry.effects = walk.criterion_map(item, path, "effects", -3, 3, true, false);
    if (item.contains("negated")) {
      entry.negated = walk.criterion_map(item, path, "negated", -3, 3, true, false);
    } else {
      for (std::size_t i = 0; i < kCriterionCount; ++i)
        entry.negated[i] = -entry.effects[i];
    }
    // Narrowed by "only" or "limited to", an inclusive term reads as its opposite, as when
    // negated ("cooperation limited to statistics"), unless the asset says otherwise.
    // A term that only lowers (a club, a veto) stays exclusive when narrowed.
    const bool only_lowers =
        std::none_of(entry.effects.begin(), entry.effects.end(), [](int e) { return e > 0; });
    entry.restricted = item.contains("restricted")
                           ? walk.criterion_map(item, path, "restricted", -3, 3, true, false)
                       : only_lowers ? entry.effects
                                     : entry.negated;
    entry.actor = walk.boolean(item, path, "actor", false).value_or(false);
    entry.archetypes = walk.string_array(item, path, "archetypes", false);
    for (std::size_t i = 0; i < entry.archetypes.size(); ++i)
      archetype_refs.emplace_back(entry.archetypes[i], path + "/archetypes/" + std::to_string(i));
    if (const auto phrase = walk.string(item, path, "phrase"))
      add(PhraseRole::term, *phrase, path + "/phrase", std::move(entry));
  });
  walk.array(doc, "", "qualifiers", true, [&](const json& item, const std::string& path) {
    if (!walk.object(item, path)) return;
    walk.only_keys(item, path, {"phrase", "weakens", "hollows", "note"});
    LexiconPhrase entry;
    entry.weakens = walk.criterion_map(item, path, "weakens", 0, 3, false, false);
    const auto hollowed = walk.string_array(item, path, "hollows", false);
    for (std::size_t i = 0; i < hollowed.size(); ++i) {
      if (const auto c = enum_from_string<Criterion>(hollowed[i]))
        entry.hollows[index_of(*c)] = true;
      else
        walk.fail(
            path + "/hollows/" + std::to_string(i),
            "unknown criterion '" + hollowed[i] + "' (expected MI, TR, AV, RF, RS, CC or SP)");
    }
    entry.note = walk.string(item, path, "note").value_or("");
    if (const auto phrase = walk.string(item, path, "phrase"))
      add(PhraseRole::qualifier, *phrase, path + "/phrase", std::move(entry));
  });
  out.common_words = walk.string_array(doc, "", "common_words");
  std::sort(out.common_words.begin(), out.common_words.end());
}

}  // namespace accord::scoring
