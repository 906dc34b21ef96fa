#include "protocol/names.hpp"

#include <algorithm>
#include <cstdint>

namespace accord::protocol {
namespace {

// Length of the UTF-8 sequence starting with `lead` (1 for anything unexpected).
std::size_t sequence_length(unsigned char lead) {
  if (lead < 0x80) return 1;
  if ((lead & 0xE0) == 0xC0) return 2;
  if ((lead & 0xF0) == 0xE0) return 3;
  if ((lead & 0xF8) == 0xF0) return 4;
  return 1;
}

std::uint32_t code_point(std::string_view seq) {
  const auto b = [&](std::size_t i) {
    return static_cast<std::uint32_t>(static_cast<unsigned char>(seq[i]));
  };
  switch (seq.size()) {
    case 1:
      return b(0);
    case 2:
      return ((b(0) & 0x1Fu) << 6) | (b(1) & 0x3Fu);
    case 3:
      return ((b(0) & 0x0Fu) << 12) | ((b(1) & 0x3Fu) << 6) | (b(2) & 0x3Fu);
    default:
      return ((b(0) & 0x07u) << 18) | ((b(1) & 0x3Fu) << 12) | ((b(2) & 0x3Fu) << 6) |
             (b(3) & 0x3Fu);
  }
}

bool is_removed(std::uint32_t cp) {
  if (cp < 0x20 || cp == 0x7F) return true;       // C0 controls, DEL
  if (cp >= 0x80 && cp <= 0x9F) return true;      // C1 controls
  if (cp >= 0x202A && cp <= 0x202E) return true;  // bidi embeddings and overrides
  if (cp >= 0x2066 && cp <= 0x2069) return true;  // bidi isolates
  if (cp == 0x200B || cp == 0xFEFF) return true;  // zero-width space, BOM
  return false;
}

bool is_space(std::uint32_t cp) {
  return cp == ' ' || cp == 0xA0 || cp == 0x3000 || (cp >= 0x2000 && cp <= 0x200A);
}

}  // namespace

std::string sanitize_display_name(std::string_view name, std::size_t max_bytes) {
  std::string out;
  bool pending_space = false;
  for (std::size_t i = 0; i < name.size();) {
    const std::size_t len =
        std::min(sequence_length(static_cast<unsigned char>(name[i])), name.size() - i);
    const std::string_view seq = name.substr(i, len);
    i += len;
    const std::uint32_t cp = code_point(seq);
    // Tabs and newlines become spaces rather than gluing words together.
    if (is_space(cp) || cp == '\t' || cp == '\n' || cp == '\r') {
      pending_space = !out.empty();
      continue;
    }
    if (is_removed(cp)) continue;
    const std::size_t needed = seq.size() + (pending_space ? 1 : 0);
    if (out.size() + needed > max_bytes) break;
    if (pending_space) out.push_back(' ');
    pending_space = false;
    out.append(seq);
  }
  return out;
}

}  // namespace accord::protocol
