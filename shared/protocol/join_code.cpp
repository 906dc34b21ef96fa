#include "protocol/join_code.hpp"

namespace accord::protocol {

std::optional<std::string> normalize_join_code(std::string_view typed) {
  std::string code;
  for (const char c : typed) {
    if (c == ' ' || c == '-' || c == '\t') continue;
    const char upper = (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
    if (kJoinCodeAlphabet.find(upper) == std::string_view::npos) return std::nullopt;
    code.push_back(upper);
    if (code.size() > kJoinCodeLength) return std::nullopt;
  }
  if (code.size() != kJoinCodeLength) return std::nullopt;
  return code;
}

}  // namespace accord::protocol
