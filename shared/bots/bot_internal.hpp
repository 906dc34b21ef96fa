// Internal to the negotiating bot (include from shared/bots/bot*.cpp only): the
// small helpers that more than one of its files uses. Bot's members are defined
// by phase: bot.cpp (difficulty names, construction, the room estimate, the
// memory of its own acts, choosing a move, talk), bot_drafting.cpp (drafting
// moves), bot_voting.cpp (clause ballots and final votes) and bot_deals.cpp
// (promises, answering and offering deals).
#pragma once

#include <vector>

#include "bots/bot.hpp"

namespace accord::bots {

bool contains(const std::vector<SeatIndex>& seats, SeatIndex seat);

bool occupied(const Match& view, SeatIndex s);

}  // namespace accord::bots
