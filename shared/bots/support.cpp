#include "bots/support.hpp"

#include "content/stance.hpp"

namespace accord::bots {

SupportTable support_table(const Match& own_view, SeatIndex seat,
                           const scoring::ClauseCatalogue& catalogue) {
  SupportTable table;
  if (seat >= own_view.settings.seats.size()) return table;
  const auto& stance = own_view.settings.seats[seat].stance;
  if (stance.empty()) return table;
  for (const auto& option : own_view.settings.clause_table)
    table[option.ref] = content::support(catalogue, option.ref, stance);
  return table;
}

}  // namespace accord::bots
