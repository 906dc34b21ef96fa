// accord-report: the classroom documents as files. `cards` writes the printable role cards of a
// scenario (issue 15). Exit codes: 0 written, 1 the file could not be written, 2 bad arguments,
// 3 the assets do not load.
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace accord::report {

int run_report_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace accord::report
