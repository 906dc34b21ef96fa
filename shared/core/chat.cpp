// Chat: plenary, delegation, bilateral and caucus channels, announcements, hiding messages.
// STUB: to be implemented.
#include "core/rules_internal.hpp"

namespace accord::detail {

template <>
Decision decide_command(const DecideContext&, const PostMessage&) {
  return reject(RejectCode::not_allowed, "", "Not available yet.");
}

template <>
Decision decide_command(const DecideContext&, const Announce&) {
  return reject(RejectCode::not_allowed, "", "Not available yet.");
}

template <>
Decision decide_command(const DecideContext&, const OpenBilateral&) {
  return reject(RejectCode::not_allowed, "", "Not available yet.");
}

template <>
Decision decide_command(const DecideContext&, const CreateCaucus&) {
  return reject(RejectCode::not_allowed, "", "Not available yet.");
}

template <>
Decision decide_command(const DecideContext&, const InviteToCaucus&) {
  return reject(RejectCode::not_allowed, "", "Not available yet.");
}

template <>
Decision decide_command(const DecideContext&, const JoinCaucus&) {
  return reject(RejectCode::not_allowed, "", "Not available yet.");
}

template <>
Decision decide_command(const DecideContext&, const LeaveCaucus&) {
  return reject(RejectCode::not_allowed, "", "Not available yet.");
}

template <>
Decision decide_command(const DecideContext&, const HideMessage&) {
  return reject(RejectCode::not_allowed, "", "Not available yet.");
}

template <>
void apply_event(Match&, const MessagePosted&) {}

template <>
void apply_event(Match&, const ChannelOpened&) {}

template <>
void apply_event(Match&, const CaucusInvited&) {}

template <>
void apply_event(Match&, const CaucusJoined&) {}

template <>
void apply_event(Match&, const CaucusLeft&) {}

template <>
void apply_event(Match&, const MessageHidden&) {}

}  // namespace accord::detail
