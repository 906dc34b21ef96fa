// accord-report: the classroom documents as files (issue 15). `cards` writes the printable role
// cards of a scenario; `debrief` writes a room's debrief report, gradebook or JSON export from a
// server's data folder (read-only: the server may be running). Exit codes: 0 written, 1 the
// file could not be written, 2 bad arguments (an unknown scenario or room among them), 3 the
// assets or the data do not load.
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace accord::report {

int run_report_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace accord::report
