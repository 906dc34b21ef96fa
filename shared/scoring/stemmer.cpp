#include "scoring/stemmer.hpp"

#include <libstemmer.h>

#include <initializer_list>
#include <memory>

namespace accord::scoring {

namespace {

struct StemmerDeleter {
  void operator()(sb_stemmer* s) const { sb_stemmer_delete(s); }
};

sb_stemmer* thread_stemmer() {
  thread_local const std::unique_ptr<sb_stemmer, StemmerDeleter> stemmer(
      sb_stemmer_new("english", "UTF_8"));
  return stemmer.get();
}

// British and American spellings meet before stemming: -ize/-ise, -yze/-yse, -ense/-ence,
// behavior/behaviour, program/programme ("criminalize", "analyze", "defense"). Applied to the
// lexicon's words and the text's alike, so a rewrite only has to be consistent, not a word.
std::string one_spelling(std::string_view word) {
  std::string w(word);
  const auto rewrite_tail = [&](std::initializer_list<std::string_view> tails,
                                std::string_view from, std::string_view to) {
    for (const std::string_view tail : tails)
      if (w.size() > 5 && w.ends_with(tail)) {
        w.replace(w.size() - tail.size(), from.size(), to);
        return;
      }
  };
  rewrite_tail({"ize", "izes", "ized", "izing", "ization", "izations"}, "iz", "is");
  rewrite_tail({"yze", "yzes", "yzed", "yzing"}, "yz", "ys");
  rewrite_tail({"ense", "enses"}, "ense", "ence");
  for (const std::string_view stem : {"behavior", "favor", "labor", "honor", "neighbor"})
    if (w.starts_with(stem)) {
      w.insert(stem.size() - 1, "u");
      break;
    }
  if (w == "program" || w == "programs") w.insert(7, "me");
  return w;
}

}  // namespace

std::string english_stem(std::string_view raw) {
  sb_stemmer* stemmer = thread_stemmer();
  const std::string word = one_spelling(raw);
  // Without a stemmer (out of memory) the word itself is the best stem there is.
  if (stemmer == nullptr || word.empty()) return word;
  const sb_symbol* stem = sb_stemmer_stem(stemmer, reinterpret_cast<const sb_symbol*>(word.data()),
                                          static_cast<int>(word.size()));
  if (stem == nullptr) return word;
  return std::string(reinterpret_cast<const char*>(stem),
                     static_cast<std::size_t>(sb_stemmer_length(stemmer)));
}

}  // namespace accord::scoring
