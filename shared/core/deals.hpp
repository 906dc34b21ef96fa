// Which accepted deals each side honoured, for the debrief. Pure: a function of the match.
//
// A term's outcome:
//  - kept / broken: checked against the record (the co-sponsors when the clause's vote closed;
//    the seat's ballot in a roll-call vote, where no, abstain and no ballot all break a
//    "vote yes"); a draft adopted without a vote keeps every "vote yes" on it;
//  - unverifiable: a vote term under a secret ballot, never shown as kept or broken;
//  - pending: the vote it depends on has not closed yet;
//  - void: the clause was withdrawn by its sponsor (another seat) or hidden by the facilitator,
//    the draft was not put to a vote, or at the debrief the vote never took place. A seat that
//    withdraws its own clause after promising to vote yes on it breaks that term.
// A side honoured the deal when all its terms are kept or void; it did not when any is broken;
// otherwise (unverifiable or pending terms) it is unknown.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/model.hpp"

namespace accord {

enum class TermOutcome : std::uint8_t { kept, broken, unverifiable, pending, voided };
template <>
struct EnumNames<TermOutcome> {
  static constexpr std::array value{std::string_view{"kept"}, std::string_view{"broken"},
                                    std::string_view{"unverifiable"}, std::string_view{"pending"},
                                    std::string_view{"void"}};
};
// Spelled out by hand because "void" cannot be an enumerator: one name per value.
static_assert(EnumNames<TermOutcome>::value.size() ==
              static_cast<std::size_t>(TermOutcome::voided) + 1);

ACCORD_ENUM(Honoured, std::uint8_t, yes, no, unknown)

struct TermReport {
  DealTerm term;
  TermOutcome outcome = TermOutcome::pending;
  std::string explanation;  // one line for the debrief, e.g. "State 1 voted yes on clause 3."
};

// What one side promised and whether it delivered.
struct SideReport {
  SeatIndex seat = 0;
  std::vector<TermReport> terms;
  Honoured honoured = Honoured::unknown;
};

struct DealReport {
  DealId deal = 0;
  SideReport from;  // the seat that offered the deal
  SideReport to;    // the seat that accepted it
};

// One report per accepted deal, in deal order. Deals the match does not show in full (the
// placeholders in a non-party's view) are not accepted there and so are left out.
std::vector<DealReport> deal_outcomes(const Match& match);

// The outcome of one promise by `seat`.
TermReport term_outcome(const Match& match, SeatIndex seat, const DealTerm& term);

// Why `promiser` cannot promise `term` in a deal now (the check OfferDeal makes of each term),
// or nullopt if it can: a deal form offers exactly the promises the rules accept.
std::optional<std::string> deal_term_problem(const Match& match, SeatIndex promiser,
                                             const DealTerm& term);

}  // namespace accord
