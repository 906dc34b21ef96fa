// A bot's support table, computed only from what its own seat may see: its seat's stance (in
// its own view) and the public clause catalogue's stance weights.
#pragma once

#include "bots/simple_bot.hpp"
#include "scoring/catalogue.hpp"

namespace accord::bots {

// Support (x100) for every reference on the conference's table. An empty table when the view
// does not show this seat's stance (a view of another seat, or a seat without a profile).
SupportTable support_table(const Match& own_view, SeatIndex seat,
                           const scoring::ClauseCatalogue& catalogue);

}  // namespace accord::bots
