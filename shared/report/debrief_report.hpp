// The debrief report: one self-contained HTML file for after class, built from a finished match
// as one viewer sees it (the teacher's copy: the facilitator's view). The adopted code clause
// by clause with the scoring's own explanation (or, with none adopted, what the last draft would
// have scored), the criteria as an inline SVG chart, every seat's score with its objectives and
// red lines, the timeline, the communication network (message counts only), each student's
// participation, and what happened in history with the questions for the discussion.
//
// Nothing in it refers outside the file, and nothing in it is a message's text or a private
// note: those never leave the game.
#pragma once

#include <string>
#include <string_view>

#include "content/content.hpp"
#include "report/html.hpp"

namespace accord::report {

struct DebriefSource {
  const Match& view;  // at the debrief (earlier: the report shows the match as it stands)
  const content::ContentCatalogue& content;
  std::string_view scenario_id;  // for the title, history and questions; may be unknown
  std::string_view room_code;    // shown on the cover when not empty
  // The per-student participation section: the teacher's copy only (a student's saved report
  // leaves out what classmates did).
  bool participation = true;
};

std::string debrief_report(const DebriefSource& source, Paper paper);

// The file name the client and accord-report give each document: "debrief-hanoi-ABC234.html".
std::string debrief_file_name(std::string_view scenario_id, std::string_view room_code,
                              std::string_view extension);

}  // namespace accord::report
