// A hard bot's reading of the room: each other seat's likely support for each clause,
// estimated from public information only — the seat's bloc, what it tabled, co-sponsored and
// voted in closed roll-calls — through the public stance weights of the clause catalogue; and
// from that, each clause's chance to pass under the room's decision rule.
#pragma once

#include <array>
#include <cstdint>
#include <string_view>
#include <vector>

#include "bots/brief.hpp"
#include "scoring/catalogue.hpp"

namespace accord::bots {

class RoomEstimate {
 public:
  // own_stance: the bot's own axes (x100) from its brief.
  RoomEstimate(const Match& view, SeatIndex self, std::vector<std::int32_t> own_stance,
               const scoring::ClauseCatalogue& catalogue);

  // Estimated support (x100) of `seat` for `ref`; for the bot's own seat, its real support.
  std::int32_t support(SeatIndex seat, std::string_view ref) const;
  // Chance (per mille) that a clause of `ref` passes its clause vote if the bot votes `own`.
  int pass_permille(std::string_view ref, Ballot own) const;
  // The seats most likely to vote no on `ref`, most opposed first (at most `limit`).
  std::vector<SeatIndex> likely_opponents(std::string_view ref, std::size_t limit) const;

  // Mean estimated support (x100) of the other occupied seats: how the room as a whole would
  // take the clause in a code (a whole code is judged by the sum of its clauses).
  std::int32_t mean_support(std::string_view ref) const;

  // What the estimate was built from: a bot rebuilds it only when this changes.
  static std::uint64_t signature(const Match& view);

 private:
  struct RefInfo {
    std::int32_t base = 0;
    std::array<std::int32_t, 7> weights{};
    std::string family;
  };
  struct SeatModel {
    bool occupied = false;
    std::array<std::int32_t, 7> axes{};  // estimated stance, x100
    // Direct evidence: +1 per table/co-sponsor/yes, -1 per no (closed roll-calls only).
    std::map<std::string, int, std::less<>> by_ref;
    std::map<std::string, int, std::less<>> by_family;
  };
  const RefInfo* info(std::string_view ref) const;

  SeatIndex self_;
  DecisionRule rule_;
  std::vector<std::int32_t> own_stance_;
  std::map<std::string, RefInfo, std::less<>> refs_;  // the conference's table
  std::vector<SeatModel> seats_;
  mutable std::map<std::pair<std::string, Ballot>, int, std::less<>> pass_cache_;
};

}  // namespace accord::bots
