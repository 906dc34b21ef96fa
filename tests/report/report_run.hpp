// accord-report run in-process with the shipped assets, as the report tests call it.
#pragma once

#include <sstream>
#include <string>
#include <vector>

#include "report_command.hpp"

namespace accord::report::test {

struct Run {
  int code = 0;
  std::string out, err;
};

// `args` start with the sub-command; "--assets <shipped assets>" is added after it.
inline Run run(std::vector<std::string> args) {
  std::ostringstream out, err;
  args.insert(args.begin() + 1, {"--assets", ACCORD_ASSET_DIR});
  Run r;
  r.code = run_report_command(args, out, err);
  r.out = out.str();
  r.err = err.str();
  return r;
}

}  // namespace accord::report::test
