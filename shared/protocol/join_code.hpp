// Join codes: six characters from an alphabet without look-alikes (no 0/O, 1/I/L), so a code
// read off a projector is typed right. Pure: the server draws the characters (libsodium).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace accord::protocol {

inline constexpr std::string_view kJoinCodeAlphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
inline constexpr std::size_t kJoinCodeLength = 6;

// Accepts what a student types: lower case, spaces and dashes ("abc-def" → "ABCDEF").
// nullopt if the result is not kJoinCodeLength characters of the alphabet.
std::optional<std::string> normalize_join_code(std::string_view typed);

// Builds a code from kJoinCodeLength draws, each below kJoinCodeAlphabet.size().
template <class Draw>
std::string make_join_code(Draw&& draw_below) {
  std::string code;
  for (std::size_t i = 0; i < kJoinCodeLength; ++i)
    code.push_back(
        kJoinCodeAlphabet[draw_below(kJoinCodeAlphabet.size()) % kJoinCodeAlphabet.size()]);
  return code;
}

}  // namespace accord::protocol
