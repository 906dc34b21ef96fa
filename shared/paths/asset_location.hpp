#pragma once
// Where the game's content (assets/) is, for every program: an installed program finds it beside
// itself, a program run from its build folder finds the source tree's, and a flag overrides both.

#include <filesystem>
#include <string>
#include <vector>

namespace accord {

struct AssetSearch {
  std::filesystem::path found;                // empty: no candidate holds the content
  std::vector<std::filesystem::path> looked;  // every candidate, in the order tried
};

// The candidates, in order: $ACCORD_ASSETS; `../share/cyber-accord` beside the running program
// (where the packages install it); the source tree's assets/ only when the running program is
// inside the build folder it was compiled into. A folder counts when it has scenarios/ in it.
AssetSearch find_assets();

// A program's --assets default: the folder found, or else the installed location (so that the
// loader's error names a real place).
std::string default_asset_dir();

// "/a, /b or /c" for error messages: where a program looked when no flag named a folder.
std::string describe_places(const AssetSearch& search);

// The running program's own path (/proc/self/exe), empty when it cannot be read.
std::filesystem::path running_program();

}  // namespace accord
