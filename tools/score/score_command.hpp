// The accord-score command, as a function so the tests run exactly what the tool runs.
#pragma once

#include <iosfwd>

namespace accord::tools {

// Exit codes: 0 scored, 2 bad input (or bad arguments), 3 the assets failed to load.
inline constexpr int kExitOk = 0;
inline constexpr int kExitBadInput = 2;
inline constexpr int kExitBadAssets = 3;

// Parses argv like main() would, writes the report to `out` and problems to `err`.
int run_accord_score(int argc, const char* const* argv, std::ostream& out, std::ostream& err);

}  // namespace accord::tools
