// Drafting: tabling clauses, co-sponsorship, amendments, withdrawal, hiding clauses.
// STUB: to be implemented.
#include "core/rules_internal.hpp"

namespace accord::detail {

template <>
Decision decide_command(const DecideContext&, const TableClause&) {
  return reject(RejectCode::not_allowed, "", "Not available yet.");
}

template <>
Decision decide_command(const DecideContext&, const WithdrawClause&) {
  return reject(RejectCode::not_allowed, "", "Not available yet.");
}

template <>
Decision decide_command(const DecideContext&, const Cosponsor&) {
  return reject(RejectCode::not_allowed, "", "Not available yet.");
}

template <>
Decision decide_command(const DecideContext&, const WithdrawCosponsorship&) {
  return reject(RejectCode::not_allowed, "", "Not available yet.");
}

template <>
Decision decide_command(const DecideContext&, const ProposeAmendment&) {
  return reject(RejectCode::not_allowed, "", "Not available yet.");
}

template <>
Decision decide_command(const DecideContext&, const AnswerAmendment&) {
  return reject(RejectCode::not_allowed, "", "Not available yet.");
}

template <>
Decision decide_command(const DecideContext&, const WithdrawAmendment&) {
  return reject(RejectCode::not_allowed, "", "Not available yet.");
}

template <>
Decision decide_command(const DecideContext&, const HideClause&) {
  return reject(RejectCode::not_allowed, "", "Not available yet.");
}

template <>
void apply_event(Match&, const ClauseTabled&) {}

template <>
void apply_event(Match&, const ClauseWithdrawn&) {}

template <>
void apply_event(Match&, const CosponsorAdded&) {}

template <>
void apply_event(Match&, const CosponsorWithdrawn&) {}

template <>
void apply_event(Match&, const AmendmentProposed&) {}

template <>
void apply_event(Match&, const AmendmentAnswered&) {}

template <>
void apply_event(Match&, const AmendmentWithdrawn&) {}

template <>
void apply_event(Match&, const ClauseHidden&) {}

}  // namespace accord::detail
