// hash(match): XXH3-64 over the canonical encoding. The server sends hash(view_for(match, v))
// now and then; a client whose own view hashes differently asks for a resync.
#pragma once

#include <cstdint>

#include "core/model.hpp"

namespace accord {

using Hash = std::uint64_t;

Hash hash(const Match& match);

}  // namespace accord
