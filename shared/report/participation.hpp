// Who is taking part: per student (participant), from the facilitator's view of a match, for
// the facilitator's participation view and, later, the gradebook. Counts only: no message text.
// What a student does alone is counted for the student (messages in every channel, clauses
// tabled, amendments proposed); what a seat does as one (co-sponsorships, ballots, deals) is
// counted for the seat and shown on each of its members' rows.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/model.hpp"

namespace accord::report {

struct ParticipantActivity {
  ParticipantId id = 0;
  std::string name;
  std::optional<SeatIndex> seat;
  bool head = false;  // casts the seat's votes
  bool left = false;
  int messages = 0;
  int clauses_tabled = 0;
  int amendments = 0;
  std::optional<TimeMs> last_spoke;  // the time of the student's latest message
  // Its seat's, shared by the delegation:
  int seat_cosponsorships = 0;
  int seat_ballots = 0;
  int seat_deals_offered = 0;
  int seat_deals_accepted = 0;
};

// One row per player (spectators left out), in participant order.
std::vector<ParticipantActivity> participation(const Match& facilitator_view);

// Whether the student stands out as silent: once the lobby is over, one who has not spoken yet,
// or whose latest message is `threshold` or more old.
bool silent(const ParticipantActivity& row, const Match& match, TimeMs now, TimeMs threshold);

}  // namespace accord::report
