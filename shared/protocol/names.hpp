// Display names as the server accepts them: control characters (C0, DEL, C1) and bidirectional
// overrides removed, whitespace runs collapsed to one space and trimmed, cut to a byte limit on
// a character boundary. Input must be valid UTF-8 (the decoder guarantees it).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace accord::protocol {

inline constexpr std::size_t kMaxDisplayNameBytes = 40;

std::string sanitize_display_name(std::string_view name,
                                  std::size_t max_bytes = kMaxDisplayNameBytes);

}  // namespace accord::protocol
