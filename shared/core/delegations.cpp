// Delegations and the room: head of delegation, seat assignment by the facilitator, bots,
// muting, removal, and the room rules.
// STUB: to be implemented.
#include "core/rules_internal.hpp"

namespace accord::detail {

template <>
Decision decide_command(const DecideContext&, const HandHeadRole&) {
  return reject(RejectCode::not_allowed, "", "Not available yet.");
}

template <>
Decision decide_command(const DecideContext&, const AssignSeat&) {
  return reject(RejectCode::not_allowed, "", "Not available yet.");
}

template <>
Decision decide_command(const DecideContext&, const FreeSeat&) {
  return reject(RejectCode::not_allowed, "", "Not available yet.");
}

template <>
Decision decide_command(const DecideContext&, const SetBot&) {
  return reject(RejectCode::not_allowed, "", "Not available yet.");
}

template <>
Decision decide_command(const DecideContext&, const MuteParticipant&) {
  return reject(RejectCode::not_allowed, "", "Not available yet.");
}

template <>
Decision decide_command(const DecideContext&, const RemoveParticipant&) {
  return reject(RejectCode::not_allowed, "", "Not available yet.");
}

template <>
Decision decide_command(const DecideContext&, const ChangeRules&) {
  return reject(RejectCode::not_allowed, "", "Not available yet.");
}

template <>
void apply_event(Match&, const HeadChanged&) {}

template <>
void apply_event(Match&, const BotChanged&) {}

template <>
void apply_event(Match&, const ParticipantMuted&) {}

template <>
void apply_event(Match&, const ParticipantRemoved&) {}

template <>
void apply_event(Match&, const RulesChanged&) {}

}  // namespace accord::detail
