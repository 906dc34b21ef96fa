// Builders and helpers shared by the rules-core tests.
#pragma once

#include <catch2/catch.hpp>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/host.hpp"

namespace accord::test {

inline MatchSettings settings_with_seats(std::uint32_t seats, std::uint32_t delegation = 2) {
  MatchSettings s;
  for (std::uint32_t i = 0; i < seats; ++i)
    s.seat_names.push_back("State " + std::to_string(i));
  s.max_delegation_size = delegation;
  s.briefing_ms = 60'000;
  s.drafting_ms = 120'000;
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
