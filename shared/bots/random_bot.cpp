#include "bots/random_bot.hpp"

#include <vector>

#include "core/rules.hpp"

namespace accord::bots {

RandomBot::RandomBot(SeatIndex seat, std::uint64_t seed)
    : seat_(seat), actor_(Actor::bot(seat)), rng_(Pcg32::seeded(seed * 7919 + seat, 0x5eed)) {}

std::optional<Command> RandomBot::next_command(const Match& view, TimeMs now) {
  if (seat_ >= view.seats.size() || view.paused_at) return std::nullopt;
  const auto pick = [&](std::size_t n) { return rng_.below(static_cast<std::uint32_t>(n)); };
  const Ballot ballots[] = {Ballot::yes, Ballot::no, Ballot::abstain};
  std::vector<Command> moves;
  for (std::uint32_t i = 0; i < view.statements.size(); ++i) {  // emergency votes, any phase
    const auto& vote = view.statements[i].vote;
    if (vote.state == VoteState::open && seat_ < vote.ballots.size() && !vote.ballots[seat_])
      moves.push_back(CastBallot{VoteOn::statement, i, ballots[pick(3)]});
  }
  switch (view.phase) {
    case Phase::drafting: {
      const auto& table = view.settings.clause_table;
      if (!table.empty() && !view.drafts.empty())
        moves.push_back(TableClause{static_cast<DraftIndex>(pick(view.drafts.size())),
                                    table[pick(table.size())].ref, ""});
      if (!view.clauses.empty()) {
        const auto c = static_cast<ClauseId>(pick(view.clauses.size()));
        moves.push_back(Cosponsor{c});
        const auto& family = view.clauses[c].family;
        std::vector<std::string> variants;
        for (const auto& option : table)
          if (option.family == family) variants.push_back(option.ref);
        if (!variants.empty())
          moves.push_back(ProposeAmendment{c, variants[pick(variants.size())], ""});
        const auto& amendments = view.clauses[c].amendments;
        if (!amendments.empty())
          moves.push_back(AnswerAmendment{c, static_cast<std::uint32_t>(pick(amendments.size())),
                                          pick(2) == 0});
      }
      if (!view.seats[seat_].ready) moves.push_back(SetReady{true});
      break;
    }
    case Phase::clause_voting:
      for (DraftIndex d = 0; d < view.drafts.size(); ++d) {
        const auto& vote = view.drafts[d].package_vote;
        if (vote.state == VoteState::open && seat_ < vote.ballots.size() && !vote.ballots[seat_])
          moves.push_back(CastBallot{VoteOn::starting_text, d, ballots[pick(3)]});
      }
      for (ClauseId c = 0; c < view.clauses.size(); ++c) {
        const auto& vote = view.clauses[c].vote;
        if (vote.state == VoteState::open && seat_ < vote.ballots.size() && !vote.ballots[seat_])
          moves.push_back(CastBallot{VoteOn::clause, c, ballots[pick(3)]});
      }
      break;
    case Phase::final_vote:
      for (DraftIndex d = 0; d < view.drafts.size(); ++d) {
        const auto& vote = view.drafts[d].final_vote;
        if (vote.state != VoteState::open) continue;
        if (view.drafts[d].objection_deadline) {
          if (pick(3) == 0) moves.push_back(ObjectToAdoption{d});
        } else if (seat_ < vote.ballots.size() && !vote.ballots[seat_]) {
          moves.push_back(CastBallot{VoteOn::draft, d, ballots[pick(3)]});
        }
      }
      break;
    default:
      break;
  }
  for (DealId d = 0; d < view.deals.size(); ++d)
    if (view.deals[d].to == seat_ && view.deals[d].status == DealStatus::offered)
      moves.push_back(AnswerDeal{d, pick(2) == 0});
  // Try the moves in a random order; the first the rules accept is played.
  while (!moves.empty()) {
    const auto i = pick(moves.size());
    if (decide(view, actor_, moves[i], now).accepted()) return moves[i];
    moves.erase(moves.begin() + static_cast<std::ptrdiff_t>(i));
  }
  return std::nullopt;
}

}  // namespace accord::bots
