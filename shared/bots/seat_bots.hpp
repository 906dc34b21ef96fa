// The bots a room engine seats (engine/seat_bot.hpp), one maker each, so the server's rooms,
// solo play and the tournament seat the same bot with the same pace and phrases.
#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "bots/pacing.hpp"
#include "engine/seat_bot.hpp"
#include "scoring/catalogue.hpp"

namespace accord::bots {

struct Phrasebook;

// The negotiating bot (bots/bot.hpp) at `difficulty`, with that difficulty's pace, built from
// the seat's own view. `phrases` null: it does not talk.
std::unique_ptr<engine::SeatBot> negotiator_seat(const Match& seat_view, SeatIndex seat,
                                                 const scoring::ClauseCatalogue& catalogue,
                                                 Difficulty difficulty, std::uint64_t seed,
                                                 std::shared_ptr<const Phrasebook> phrases);

// The caretaker for an away delegation: the cautious SimpleBot (votes only where the brief is
// clear, tables nothing, accepts no deal) at the room's pace, keeping a log for its report.
std::unique_ptr<engine::SeatBot> caretaker_seat(const Match& seat_view, SeatIndex seat,
                                                const scoring::ClauseCatalogue& catalogue,
                                                Difficulty pace, std::uint64_t seed);

// The tournament's baseline: uniformly random legal moves at the normal pace.
std::unique_ptr<engine::SeatBot> random_seat(SeatIndex seat, std::uint64_t seed);

// The bots' phrases from an asset folder (bots/phrases.json). nullptr when the file is missing
// (the bots then do not talk) or broken (`warning` says where).
std::shared_ptr<const Phrasebook> load_phrasebook(const std::filesystem::path& asset_dir,
                                                  std::string* warning);

}  // namespace accord::bots
