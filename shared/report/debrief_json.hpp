// The match as JSON for keeping or for other tools: the match in the codec's JSON form (the
// view the report is built from, with the text of every message outside the plenary, of every
// hidden message and of every private note blanked), each adopted draft's scorecard (scoring's
// render_json),
// every seat's score with its objectives and red lines, each student's participation (the
// teacher's copy only: DebriefSource::participation) and the timeline.
#pragma once

#include <string>

#include "report/debrief_report.hpp"

namespace accord::report {

// The view with the text of every delegation, bilateral and caucus message, of every message the
// moderation hid, and every seat's private note emptied: the counts, authors and times stay.
Match without_private_text(const Match& view);

// {"format": "cyber-accord-debrief", "version": 1, "scenario", "room", "match", "scorecards",
//  "seat_scores", "participation", "timeline"}, pretty-printed.
std::string debrief_json(const DebriefSource& source);

}  // namespace accord::report
