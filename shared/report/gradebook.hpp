// The gradebook: one CSV row per student (players; spectators are left out) with their
// participation counts, their seat's objectives achieved and its per-seat score, for a
// spreadsheet or a school's grade book. RFC 4180: a header row, CRLF line ends, a field holding
// a comma, a double quote, CR or LF is quoted and its quotes doubled.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/model.hpp"
#include "scoring/catalogue.hpp"

namespace accord::report {

// One field as RFC 4180 writes it: as it is, or quoted with its quotes doubled.
std::string csv_field(std::string_view text);

// Fields joined by commas, ended by CRLF.
std::string csv_row(const std::vector<std::string>& fields);

// The gradebook of a match at the debrief, from the facilitator's view (a seat's view counts
// only the messages that seat could read).
std::string gradebook_csv(const Match& view, const scoring::ClauseCatalogue& clauses);

}  // namespace accord::report
