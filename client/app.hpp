// The client program: window, ImGui, the frame loop, screens, solo sessions, --autoplay and
// --screen/--screenshot.
#pragma once

#include "cli.hpp"

namespace accord::client {

// The whole program after parsing: returns the process exit code.
int run_app(const Options& options);
// main(): parse, answer --help/--version/networking flags, run.
int client_main(int argc, const char* const* argv);

}  // namespace accord::client
