// The facilitator's tag override: replaces the points the scoring's analyzer gave a free-text
// clause with the facilitator's own (docs/scoring.md, "The tag override"). The points are
// public: every viewer's scorecard must come out the same.
#include <string>

#include "core/rules_internal.hpp"

namespace accord::detail {
namespace {

constexpr std::size_t kCriteria = 7;  // MI TR AV RF RS CC SP
constexpr std::int32_t kMaxPoints = 3;

bool valid_points(const std::vector<std::int32_t>& points) {
  if (points.empty()) return true;
  if (points.size() != kCriteria) return false;
  for (const auto p : points)
    if (p < -kMaxPoints || p > kMaxPoints) return false;
  return true;
}

}  // namespace

template <>
Decision decide_command(const DecideContext& ctx, const OverrideClauseTags& cmd) {
  const auto& m = ctx.match;
  if (m.phase == Phase::lobby)
    return reject(RejectCode::wrong_phase, "",
                  "Clause points can be overridden once the match has started.");
  if (cmd.clause >= m.clauses.size())
    return reject(RejectCode::no_such_clause, "clause", "There is no such clause.");
  const auto& clause = m.clauses[cmd.clause];
  const std::string label = "Clause " + std::to_string(cmd.clause + 1);
  if (!clause.ref.empty())
    return reject(RejectCode::not_allowed, "clause",
                  label + " is clause #" + clause.ref +
                      " from the library: only free-text clauses can have their points "
                      "overridden.");
  if (!valid_points(cmd.points))
    return reject(RejectCode::not_allowed, "points",
                  "Give seven points from -3 to +3 (MI TR AV RF RS CC SP), or none to clear "
                  "the override.");
  if (clause.facilitator_points == cmd.points)
    return reject(RejectCode::unchanged, "points",
                  cmd.points.empty() ? label + " has no override to clear."
                                     : label + " already has exactly these points.");
  return Decision::accept({ClauseTagsOverridden{cmd.clause, cmd.points}});
}

// Total: an unknown clause, a catalogue clause or malformed points change nothing.
template <>
void apply_event(Match& match, const ClauseTagsOverridden& e) {
  if (e.clause >= match.clauses.size() || !valid_points(e.points)) return;
  auto& clause = match.clauses[e.clause];
  if (!clause.ref.empty()) return;
  clause.facilitator_points = e.points;
}

}  // namespace accord::detail
