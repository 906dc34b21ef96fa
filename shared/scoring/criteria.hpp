// The seven content criteria of the rubric (docs/scoring.md) and the stance axes of the
// numeric stance model. Their codes are stable names used in the assets and in JSON output.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/enum_names.hpp"
#include "core/schema.hpp"

namespace accord::scoring {

// Content criteria, in the order of the dossier's matrix. Legitimacy (LA) comes from the vote
// and is kept apart, so arrays indexed by Criterion hold exactly the content criteria.
ACCORD_ENUM(Criterion, std::uint8_t, MI, TR, AV, RF, RS, CC, SP)
inline constexpr std::size_t kCriterionCount = 7;
inline constexpr std::array<Criterion, kCriterionCount> kAllCriteria{
    Criterion::MI, Criterion::TR, Criterion::AV, Criterion::RF,
    Criterion::RS, Criterion::CC, Criterion::SP};
inline constexpr std::string_view kLegitimacyCode = "LA";

// Raw points per criterion (a clause's contributions, an interaction's effects).
using Points = std::array<int, kCriterionCount>;

constexpr std::size_t index_of(Criterion c) {
  return static_cast<std::size_t>(c);
}

// Axes of the stance model (dossier section 13.4).
ACCORD_ENUM(StanceAxis, std::uint8_t, SOV, MSH, LAW, CON, UNC, CRM, CAP)
inline constexpr std::size_t kStanceAxisCount = 7;

}  // namespace accord::scoring
