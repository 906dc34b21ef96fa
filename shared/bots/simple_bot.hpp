// The simple bot: legal actions only, votes by its state's stance. It fills empty seats in
// solo play and quick matches, and holds a dropped player's seat as caretaker.
//
// Its only input is its own seat's view (view_for(match, Viewer::of_seat(seat))) and a support
// table computed from its own brief: it cannot read another seat's secrets because it is never
// given them. It acts only through commands, one at a time, like a human at the keyboard.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "core/commands.hpp"
#include "core/model.hpp"

namespace accord::bots {

// How much the bot's state wants each clause reference, ×100 on the dossier's §13.4 scale:
// ≥ 300 champions it, ≥ 150 votes yes, ≤ −100 votes no, ≤ −300 is a red line.
using SupportTable = std::map<std::string, std::int32_t, std::less<>>;

inline constexpr std::int32_t kChampion = 300;
inline constexpr std::int32_t kYes = 150;
inline constexpr std::int32_t kNo = -100;
inline constexpr std::int32_t kRedLine = -300;

enum class BotMode : std::uint8_t {
  play,       // tables what it champions, co-sponsors what it likes, votes by stance
  caretaker,  // holds a human's seat: votes only where the brief is clear, tables nothing
};

class SimpleBot {
 public:
  SimpleBot(SeatIndex seat, SupportTable support, BotMode mode);

  // The bot's next command given its seat's current view, or nothing to do right now.
  // Deterministic: the same view gives the same answer.
  std::optional<Command> next_command(const Match& view) const;

  // The ballot this bot casts on a clause reference, and on a whole draft.
  Ballot ballot_on_clause(const Match& view, const Clause& clause) const;
  Ballot ballot_on_draft(const Match& view, DraftIndex draft) const;
  Ballot ballot_on_package(const Match& view, DraftIndex draft) const;

  SeatIndex seat() const { return seat_; }
  BotMode mode() const { return mode_; }

 private:
  std::int32_t support_for(const Match& view, const Clause& clause) const;
  Ballot ballot_on_text(const Match& view, const std::vector<ClauseId>& clauses) const;
  bool red_line(const Match& view, const std::string& ref) const;
  std::optional<Command> drafting_move(const Match& view) const;
  std::optional<Command> voting_move(const Match& view) const;

  SeatIndex seat_;
  SupportTable support_;
  BotMode mode_;
};

}  // namespace accord::bots
