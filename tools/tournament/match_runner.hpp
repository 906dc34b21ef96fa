// One in-process match played by bots at a human pace on a simulated clock: no network, no
// real time. Each seat is a Bot of some difficulty or the random baseline; each reads only
// view_for its own seat. Used by accord-tournament and by the bots tests.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "bots/bot.hpp"
#include "content/content.hpp"

namespace accord::tournament {

enum class Player : std::uint8_t { random, easy, normal, hard };
inline constexpr std::size_t kPlayerKinds = 4;
std::string_view player_name(Player player);

struct MatchSpec {
  std::string scenario;
  std::size_t seats = 4;
  std::string preset = "class45";
  std::uint64_t seed = 1;
  std::vector<Player> players;  // one per seat
  // Changes the settings after the match is made (tests alter another seat's secrets).
  std::function<void(MatchSettings&)> edit_settings;
  // Tests: every seat but observed_seat reads its brief from these settings instead (the
  // unedited match), so that editing a seat's secrets does not change how that seat plays.
  std::optional<MatchSettings> brief_settings;
  SeatIndex observed_seat = 0;
};

struct SeatResult {
  Player player = Player::random;
  std::string state;           // the role: the state profile's id
  int total = 0;               // the per-seat score at the debrief
  std::array<int, 4> parts{};  // its objectives, red lines, influence and deals points
  int objectives = 0, achieved = 0;
  int red_lines = 0, kept = 0;
  int commands = 0;
  std::vector<std::pair<std::string, bool>> objective_outcomes;  // condition, achieved
};

struct MatchResult {
  std::string scenario;
  DecisionRule rule = DecisionRule::simple_majority;
  std::size_t seats = 0;
  bool code_adopted = false;
  std::vector<int> adopted_final_scores;  // tenths, one per adopted draft that could be scored
  int commands = 0;
  int rejections = 0;
  std::vector<std::string> rejection_texts;  // the first few, for a test's message
  bool finished = false;                     // reached the debrief
  std::vector<SeatResult> seat_results;
  std::vector<std::vector<Command>> commands_by_seat;  // kept only if asked
};

struct RunOptions {
  bool keep_commands = false;
  const bots::Phrasebook* phrases = nullptr;
};

MatchResult play_match(const content::ContentCatalogue& content, const MatchSpec& spec,
                       const RunOptions& options = {});

}  // namespace accord::tournament
