#include "core/hash.hpp"

#include <xxhash.h>

#include "core/codec.hpp"

namespace accord {

Hash hash(const Match& match) {
  const Bytes bytes = canonical_bytes(match);
  return XXH3_64bits(bytes.data(), bytes.size());
}

}  // namespace accord
