#include "scoring/stemmer.hpp"

#include <libstemmer.h>

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

}  // namespace

std::string english_stem(std::string_view word) {
  sb_stemmer* stemmer = thread_stemmer();
  // Without a stemmer (out of memory) the word itself is the best stem there is.
  if (stemmer == nullptr || word.empty()) return std::string(word);
  const sb_symbol* stem = sb_stemmer_stem(stemmer, reinterpret_cast<const sb_symbol*>(word.data()),
                                          static_cast<int>(word.size()));
  if (stem == nullptr) return std::string(word);
  return std::string(reinterpret_cast<const char*>(stem),
                     static_cast<std::size_t>(sb_stemmer_length(stemmer)));
}

}  // namespace accord::scoring
