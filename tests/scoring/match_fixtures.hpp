// Real matches for the scoring tests, played with the rules-core Table helper from drafting to
// the debrief: table clauses in drafting, vote in clause voting, then the final vote.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "../shared/test_support.hpp"
#include "core/visibility.hpp"
#include "scoring/conditions.hpp"
#include "scoring_test_support.hpp"

namespace accord::scoring::test {

using accord::test::header_with_seats;
using accord::test::Table;

// Seat s is held by participant s ("Head s"), its head of delegation. Seats alternate between
// the blocs North (even) and South (odd). One round of drafting and clause voting.
inline LogHeader one_round(std::uint32_t seats = 4) {
  LogHeader h = header_with_seats(seats);
  h.settings.rules.rounds = 1;
  return h;
}

// How each seat votes: by default yes on everything.
using BallotFor = std::function<Ballot(SeatIndex seat, std::uint32_t target)>;
inline Ballot all_yes(SeatIndex, std::uint32_t) {
  return Ballot::yes;
}

struct Script {
  std::function<void(Table&)> drafting = [](Table&) {};
  BallotFor clause_ballot = all_yes;                 // on clause ids
  BallotFor draft_ballot = all_yes;                  // on draft indices
  std::function<void(Table&)> final_vote = nullptr;  // replaces the draft ballots when set
};

inline void vote_all_open(Table& t, VoteOn on, const BallotFor& ballot, Phase phase) {
  const std::size_t n = on == VoteOn::clause ? t.match().clauses.size() : t.match().drafts.size();
  for (std::uint32_t target = 0; target < n; ++target) {
    for (SeatIndex s = 0; s < t.match().seats.size(); ++s) {
      if (t.match().phase != phase) return;  // everyone has voted: the phase ended early
      const auto& vote = on == VoteOn::clause ? t.match().clauses[target].vote
                                              : t.match().drafts[target].final_vote;
      if (vote.state != VoteState::open || vote.ballots.at(s)) continue;
      if (!t.match().seats[s].head) continue;
      t.must(Actor::of(*t.match().seats[s].head), CastBallot{on, target, ballot(s, target)});
    }
  }
}

// Plays a whole match and returns the table in the debrief.
inline Table play(const LogHeader& header, const Script& script) {
  Table t(header);
  t.seat_one_each();
  t.advance_to(Phase::drafting);
  script.drafting(t);
  t.must(Actor::facilitator(), AdvancePhase{});  // drafting -> clause voting
  vote_all_open(t, VoteOn::clause, script.clause_ballot, Phase::clause_voting);
  if (t.match().phase == Phase::clause_voting) t.must(Actor::facilitator(), AdvancePhase{});
  if (t.match().phase == Phase::final_vote) {
    if (script.final_vote)
      script.final_vote(t);
    else
      vote_all_open(t, VoteOn::draft, script.draft_ballot, Phase::final_vote);
  }
  t.advance_to(Phase::debrief);
  return t;
}

// Tables the references in draft 0, clause i by seat i modulo the number of seats (a seat may
// table three clauses a round).
inline std::function<void(Table&)> tables(std::vector<std::string> refs) {
  return [refs](Table& t) {
    const auto seats = static_cast<std::uint32_t>(t.match().seats.size());
    for (std::uint32_t i = 0; i < refs.size(); ++i)
      t.must(Actor::of(i % seats), TableClause{0, refs[i], ""});
  };
}

inline ConditionResult check(const Match& m, const std::string& text,
                             std::optional<SeatIndex> owner = 0) {
  const auto parsed = parse_condition(text, shipped());
  INFO(text << ": " << (parsed.error ? parsed.error->describe() : std::string()));
  REQUIRE(parsed);
  const auto result = evaluate(*parsed.condition, m, shipped(), owner);
  INFO(text << " -> " << result.explanation);
  CHECK_FALSE(result.explanation.empty());
  CHECK(result.explanation.back() == '.');
  return result;
}

}  // namespace accord::scoring::test
