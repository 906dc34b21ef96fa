// What a count of ballots decides under a room's rules: the one statement of the quorum and the
// decision rules, used by the rules' tally and by the scorecard's projector summary.
#pragma once

#include <cstdint>

#include "core/model.hpp"

namespace accord {

// Adopted, rejected or no_quorum; `eligible` is the number of occupied seats.
VoteOutcome vote_outcome(const RoomRules& rules, std::uint32_t yes, std::uint32_t no,
                         std::uint32_t abstain, std::uint32_t eligible);

}  // namespace accord
