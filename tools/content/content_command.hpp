// accord-content: check an asset folder, list the scenarios. A library so the tests run the
// command in-process with the same code path as the executable.
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace accord::content {

// Exit codes: 0 success, 2 invalid assets (every error listed), 1 bad usage.
int run_content_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace accord::content
