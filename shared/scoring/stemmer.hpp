// English word stems from Snowball's Porter2 stemmer (libstemmer), so the lexicon's "publish"
// matches "publishes", "published" and "publishing" without hand-made suffix rules.
#pragma once

#include <string>
#include <string_view>

namespace accord::scoring {

// The stem of a lower-case ASCII word. Thread-safe: each thread has its own stemmer, since a
// Snowball stemmer keeps its result in itself.
std::string english_stem(std::string_view word);

}  // namespace accord::scoring
