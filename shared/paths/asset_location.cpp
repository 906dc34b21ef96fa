#include "asset_location.hpp"

#include <cstdlib>
#include <system_error>

namespace accord {
namespace fs = std::filesystem;

namespace {

bool holds_content(const fs::path& dir) {
  std::error_code ec;
  return fs::is_directory(dir / "scenarios", ec);
}

// True when `path` is `folder` or inside it (both made absolute, links followed).
bool is_inside(const fs::path& path, const fs::path& folder) {
  std::error_code ec;
  const fs::path p = fs::weakly_canonical(path, ec);
  if (ec) return false;
  const fs::path f = fs::weakly_canonical(folder, ec);
  if (ec) return false;
  auto pi = p.begin();
  for (auto fi = f.begin(); fi != f.end(); ++fi, ++pi)
    if (pi == p.end() || *pi != *fi) return false;
  return true;
}

}  // namespace

fs::path running_program() {
  std::error_code ec;
  fs::path self = fs::read_symlink("/proc/self/exe", ec);
  return ec ? fs::path() : self;
}

AssetSearch find_assets() {
  AssetSearch search;
  const auto consider = [&](const fs::path& dir) {
    search.looked.push_back(dir);
    if (search.found.empty() && holds_content(dir)) search.found = dir;
  };
  if (const char* env = std::getenv("ACCORD_ASSETS"); env != nullptr && *env != '\0') consider(env);
  const fs::path self = running_program();
  if (!self.empty())
    consider((self.parent_path().parent_path() / "share" / "cyber-accord").lexically_normal());
#if defined(ACCORD_SOURCE_ASSET_DIR) && defined(ACCORD_BUILD_DIR)
  // Only for the build folder: an installed or copied program must not depend on a source tree
  // that happens to be on the machine that built it.
  if (self.empty() || is_inside(self, ACCORD_BUILD_DIR)) consider(ACCORD_SOURCE_ASSET_DIR);
#endif
  return search;
}

std::string default_asset_dir() {
  const AssetSearch search = find_assets();
  if (!search.found.empty()) return search.found.string();
  return search.looked.empty() ? std::string("assets") : search.looked.front().string();
}

std::string describe_places(const AssetSearch& search) {
  std::string text;
  for (std::size_t i = 0; i < search.looked.size(); ++i) {
    if (i > 0) text += i + 1 == search.looked.size() ? " and " : ", ";
    text += search.looked[i].string();
  }
  return text.empty() ? std::string("nowhere") : text;
}

}  // namespace accord
