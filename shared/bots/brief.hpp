// What a bot knows about its own state, read once from its own seat's view: how much it wants
// each clause reference (stance, priorities, red lines, secret objectives) and what its
// objectives ask of it beyond clauses (a code at all, sponsoring, co-sponsors, a deal).
#pragma once

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "bots/simple_bot.hpp"
#include "scoring/catalogue.hpp"
#include "scoring/conditions.hpp"

namespace accord::bots {

// Utility of a clause reference standing in an adopted code, on the stance scale (x100).
inline constexpr std::int32_t kRedLineValue = -1000;
inline constexpr std::int32_t kPriorityBonus = 150;
inline constexpr std::int32_t kUrgentBonus = 75;
inline constexpr std::int32_t kObjectiveBonus = 250;
inline constexpr std::int32_t kObjectiveAvoid = -400;

struct BriefKnowledge {
  SeatIndex seat = 0;
  // Read once from the brief: the bot never reads its secrets from a later view again.
  std::vector<std::int32_t> stance;
  std::vector<std::string> priorities;
  std::vector<RedLine> brief_red_lines;  // the brief's own (scored at the debrief)
  SupportTable support;                  // stance only (what an easy bot follows)
  std::map<std::string, std::int32_t, std::less<>> value;     // stance + brief + objectives
  std::map<std::string, std::string, std::less<>> lifted_by;  // red line ref -> its variant
  std::set<std::string, std::less<>> red_lines;
  std::vector<scoring::Condition> objectives;  // parsed; unparsable ones are left out
  std::map<std::string, int, std::less<>> cosponsors_wanted;  // family -> N
  bool wants_code = false;           // an objective needs some code adopted
  bool wants_own_clause = false;     // seat_sponsored_adopted
  int wants_supported = 0;           // seat_supported_adopted(N)
  bool wants_deal = false;           // deals_honoured
  bool wants_broad_support = false;  // legitimacy or criterion thresholds

  std::int32_t value_of(std::string_view ref) const;
  bool is_red_line(std::string_view ref) const { return red_lines.count(ref) > 0; }
};

// From the seat's own view only (its settings.seats[seat] is blank in any other seat's view).
// use_objectives = false: stance, red lines and priorities only, as an easy bot plays.
BriefKnowledge read_brief(const Match& own_view, SeatIndex seat,
                          const scoring::ClauseCatalogue& catalogue, bool use_objectives);

}  // namespace accord::bots
