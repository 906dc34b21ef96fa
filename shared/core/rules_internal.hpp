// Shared between the rules' translation units only. Each command has one decide_command
// specialisation and each event one apply_event specialisation, in the file of its area
// (lobby.cpp for now); the dispatch in rules.cpp instantiates them from the type lists, so a
// declared command without its rule fails to link.
#pragma once

#include <string>

#include "core/rules.hpp"

namespace accord::detail {

struct DecideContext {
  const Match& match;
  const Actor& actor;
  TimeMs now;
};

template <class C>
Decision decide_command(const DecideContext& ctx, const C& command);

template <class E>
void apply_event(Match& match, const E& event);

// How long a phase lasts when it has a timer.
std::optional<TimeMs> phase_length(const MatchSettings& settings, Phase phase);

inline Decision reject(RejectCode code, std::string field, std::string message) {
  return Decision::reject(Rejection{code, std::move(field), std::move(message)});
}

}  // namespace accord::detail
