// The match's timeline for the debrief report, derived from the match's own records (no event
// log needed, so the client can build it from its view): the phases the room's rules planned,
// the clauses tabled in each round, amendments and deals (with their times on the match clock,
// placed in the round of the clauses they concern), the crisis injects that fired and their
// emergency votes, every vote with its result, and which
// accepted deals each side kept or broke. No message text, no private note.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/model.hpp"
#include "scoring/catalogue.hpp"

namespace accord::report {

enum class TimelineKind : std::uint8_t {
  phase,       // a phase of the match: "Round 1 · drafting"
  starting,    // a draft's starting text
  tabled,      // a clause tabled
  amendment,   // an amendment proposed, with what became of it
  deal,        // a deal offered, with its answer and, accepted, who kept it
  vote,        // a clause vote and its result
  package,     // the starting text voted as one package
  final_vote,  // a draft's final vote (or adoption without a vote)
  inject,      // a crisis inject fired (its public news), with its emergency statement's vote
};

struct TimelineEntry {
  TimelineKind kind = TimelineKind::phase;
  std::uint32_t round = 0;   // 0: before the first round; rules.rounds + 1: the final vote
  std::optional<TimeMs> at;  // on the match clock, where the record keeps it
  std::string text;          // one plain sentence
};

// In match order: round by round (drafting, then its clause vote), the final vote, the debrief.
std::vector<TimelineEntry> timeline(const Match& view, const scoring::ClauseCatalogue& clauses);

// "12:05": minutes and seconds (minutes may pass 59).
std::string clock_text(TimeMs at);

// Where the report's times count from: the room clock is the server's, shared by its rooms and
// kept across restarts, so times are shown from the match's first recorded moment (the lobby's
// countdown, or the earliest message, amendment or deal). 0 when the match records none.
TimeMs match_origin(const Match& view);

}  // namespace accord::report
