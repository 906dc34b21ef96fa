// Moderation polls in rooms without a facilitator.
// STUB: to be implemented.
#include "core/rules_internal.hpp"

namespace accord::detail {

template <>
Decision decide_command(const DecideContext&, const ProposeModeration&) {
  return reject(RejectCode::not_allowed, "", "Not available yet.");
}

template <>
Decision decide_command(const DecideContext&, const SupportModeration&) {
  return reject(RejectCode::not_allowed, "", "Not available yet.");
}

template <>
void apply_event(Match&, const PollOpened&) {}

template <>
void apply_event(Match&, const PollSupported&) {}

template <>
void apply_event(Match&, const PollCarried&) {}

}  // namespace accord::detail
