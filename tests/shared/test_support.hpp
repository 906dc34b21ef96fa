// Builders and helpers shared by the rules-core tests.
#pragma once

#include <catch2/catch.hpp>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/host.hpp"

namespace accord::test {

// A small fixture clause table: a few archetypes and their variants (ref, family).
inline std::vector<ClauseOption> fixture_clause_table() {
  return {{"1", "1"},    {"6", "6"},    {"6s", "6"},  {"23", "23"},  {"24", "24"},  {"27", "27"},
          {"27u", "27"}, {"29", "29"},  {"36", "36"}, {"36n", "36"}, {"36r", "36"}, {"37", "37"},
          {"38", "38"},  {"38q", "38"}, {"39", "39"}, {"39m", "39"}};
}

// Seats "State 0".., two blocs (even and odd seats), one draft with no starting text, short
// timers: briefing 60 s, drafting 120 s, clause voting 30 s, final vote 30 s; two rounds.
inline MatchSettings settings_with_seats(std::uint32_t seats, std::uint32_t delegation = 2) {
  MatchSettings s;
  for (std::uint32_t i = 0; i < seats; ++i)
    s.seats.push_back(SeatSetup{"state" + std::to_string(i),
                                "State " + std::to_string(i),
                                i % 2 == 0 ? "North" : "South",
                                "Position of state " + std::to_string(i),
                                "Brief of state " + std::to_string(i),
                                {"24"},
                                {{"38", "38q"}},
                                {0, 100, -100, 0, 200, 0, 100},
                                {}});
  s.clause_table = fixture_clause_table();
  s.drafts.push_back(DraftSetup{"Code of conduct", {}, {}});
  s.rules.max_delegation_size = delegation;
  s.rules.briefing_ms = 60'000;
  s.rules.drafting_ms = 120'000;
  s.rules.clause_voting_ms = 30'000;
  s.rules.final_vote_ms = 30'000;
  s.rules.adoption_window_ms = 10'000;
  return s;
}

inline LogHeader header_with_seats(std::uint32_t seats, std::uint64_t seed = 7) {
  LogHeader h;
  h.seed = seed;
  h.settings = settings_with_seats(seats);
  return h;
}

// Drives a MatchHost and fails the test on any unexpected rejection.
class Table {
 public:
  explicit Table(std::uint32_t seats = 4, std::uint64_t seed = 7)
      : host_(header_with_seats(seats, seed)) {}
  explicit Table(const LogHeader& header) : host_(header) {}

  MatchHost& host() { return host_; }
  const Match& match() const { return host_.match(); }

  ParticipantId join(const std::string& name, Role role = Role::player) {
    const auto id = static_cast<ParticipantId>(match().participants.size());
    must(Actor::server(), JoinMatch{name, role});
    return id;
  }
  ParticipantId seated(const std::string& name, SeatIndex seat) {
    const auto id = join(name);
    must(Actor::of(id), TakeSeat{seat});
    return id;
  }
  void must(const Actor& actor, const Command& command) {
    auto outcome = host_.submit(actor, command, now);
    INFO("command " << to_json_text(command));
    if (outcome.rejection) FAIL("rejected: " << outcome.rejection->message);
  }
  void start() { must(Actor::facilitator(), StartMatch{}); }

  // Moves on (starting the match if needed) until the conference is in `phase`; the
  // facilitator advances each phase. Fails the test if the phase is never reached.
  void advance_to(Phase phase) {
    if (match().phase == Phase::lobby) start();
    for (int guard = 0; guard < 20 && match().phase != phase; ++guard)
      must(Actor::facilitator(), AdvancePhase{});
    REQUIRE(match().phase == phase);
  }

  // One participant per seat (each the head of its delegation), named "Head <seat>".
  void seat_one_each() {
    for (SeatIndex s = 0; s < match().seats.size(); ++s)
      seated("Head " + std::to_string(s), s);
  }

  TimeMs now = 1'000;

 private:
  MatchHost host_;
};

// One row of the table-driven rules tests.
struct RuleCase {
  std::string name;
  std::function<Table()> setup;
  Actor actor;
  Command command;
  std::optional<RejectCode> rejection;                // nullopt: the command must be accepted
  std::function<void(const Match&)> check = nullptr;  // for accepted cases: the resulting state
};

// Every test file adds its cases here; one test runs them all and another checks that each
// declared command has at least one accepted and one rejected case.
std::vector<RuleCase>& rule_cases();
struct RegisterRuleCases {
  explicit RegisterRuleCases(std::vector<RuleCase> cases);
};

}  // namespace accord::test
