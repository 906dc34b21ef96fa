#include "scoring/lexicon.hpp"

#include <algorithm>

#include "scoring/stemmer.hpp"

namespace accord::scoring {

void Lexicon::build_index() {
  by_first_word.clear();
  by_first_stem.clear();
  longest_stem = 0;
  for (std::size_t i = 0; i < phrases.size(); ++i) {
    const PhraseRole role = phrases[i].role;
    const bool function_words =
        role != PhraseRole::term && role != PhraseRole::qualifier && role != PhraseRole::modal;
    for (PhraseToken& token : phrases[i].tokens) {
      token.exact = function_words && !token.stem;
      // Exact words are indexed under their stem too, and checked whole when matched.
      if (!token.stem) token.stemmed = english_stem(token.text);
    }
    const PhraseToken& first = phrases[i].tokens.front();
    if (first.stem) {
      by_first_stem[first.text].push_back(i);
      longest_stem = std::max(longest_stem, first.text.size());
    } else {
      by_first_word[first.stemmed].push_back(i);
    }
  }
}

bool Lexicon::is_common_word(std::string_view word) const {
  return std::binary_search(common_words.begin(), common_words.end(), word);
}

}  // namespace accord::scoring
