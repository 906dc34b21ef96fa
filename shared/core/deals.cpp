// Deals between two seats: offer, answer, withdraw.
// STUB: to be implemented.
#include "core/rules_internal.hpp"

namespace accord::detail {

template <>
Decision decide_command(const DecideContext&, const OfferDeal&) {
  return reject(RejectCode::not_allowed, "", "Not available yet.");
}

template <>
Decision decide_command(const DecideContext&, const AnswerDeal&) {
  return reject(RejectCode::not_allowed, "", "Not available yet.");
}

template <>
Decision decide_command(const DecideContext&, const WithdrawDeal&) {
  return reject(RejectCode::not_allowed, "", "Not available yet.");
}

template <>
void apply_event(Match&, const DealOffered&) {}

template <>
void apply_event(Match&, const DealAnswered&) {}

template <>
void apply_event(Match&, const DealWithdrawn&) {}

}  // namespace accord::detail
