#include "text_log.hpp"

#include <fstream>

namespace accord::client::text_log {
namespace {

std::vector<std::string>& frame() {
  static std::vector<std::string> lines;
  return lines;
}

Observer& observer() {
  static Observer o = nullptr;
  return o;
}

}  // namespace

void set_observer(Observer o) {
  observer() = o;
}

void begin_frame() {
  frame().clear();
}

void record(std::string_view text) {
  if (frame().size() < 20'000) frame().emplace_back(text);
  if (observer()) observer()(text);
}

const std::vector<std::string>& last_frame() {
  return frame();
}

bool contains(std::string_view needle) {
  for (const auto& line : frame())
    if (line.find(needle) != std::string::npos) return true;
  return false;
}

bool write(const std::filesystem::path& file) {
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  if (!out) return false;
  for (const auto& line : frame())
    out << line << '\n';
  return static_cast<bool>(out);
}

}  // namespace accord::client::text_log
