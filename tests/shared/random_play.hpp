// Random command streams for property tests: every kind of actor sends every kind of command,
// mostly with plausible arguments drawn from the match (so most are accepted and the match
// moves through all its phases), sometimes with nonsense. Secrets carry marker strings:
// private notes "SECRET[seat]", private channel messages "PRIV[channel]".
#pragma once

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "core/host.hpp"
#include "core/rng.hpp"
#include "core/visibility.hpp"

namespace accord::test {

// A marker names its seat or channel in brackets, so seat 1's never matches seat 10's.
inline std::string secret_marker_prefix(SeatIndex seat) {
  return "SECRET[" + std::to_string(seat) + "]";
}
inline std::string channel_marker_prefix(ChannelId channel) {
  return "PRIV[" + std::to_string(channel) + "]";
}
inline std::string brief_marker_prefix(SeatIndex seat) {
  return "BRIEF[" + std::to_string(seat) + "]";
}

class RandomPlay {
 public:
  explicit RandomPlay(std::uint64_t seed) : rng_(Pcg32::seeded(seed, 99)) {}

  std::pair<Actor, Command> next(const Match& m) {
    const Actor actor = pick_actor(m);
    if (actor.kind == ActorKind::server) return {actor, server_command(m)};
    if (actor.kind == ActorKind::facilitator) return {actor, facilitator_command(m)};
    return {actor, player_command(m, actor)};
  }

  // Time moves on by up to `step` milliseconds per command.
  TimeMs advance(TimeMs now, TimeMs step = 8'000) {
    return now + static_cast<TimeMs>(rng_.below(static_cast<std::uint32_t>(step)));
  }

 private:
  std::uint32_t below(std::size_t n) { return rng_.below(static_cast<std::uint32_t>(n)); }
  bool chance(std::uint32_t percent) { return rng_.below(100) < percent; }

  template <class T>
  std::uint32_t index_or_junk(const std::vector<T>& items) {
    return items.empty() || chance(5) ? below(items.size() + 3) : below(items.size());
  }

  Actor pick_actor(const Match& m) {
    const auto roll = rng_.below(100);
    if (roll < 8) return Actor::server();
    if (roll < 18) return Actor::facilitator();
    if (roll < 28) {
      std::vector<SeatIndex> bots;
      for (SeatIndex s = 0; s < m.seats.size(); ++s)
        if (m.seats[s].bot) bots.push_back(s);
      if (!bots.empty()) return Actor::bot(bots[below(bots.size())]);
    }
    // Mostly heads of delegation, so ballots count; sometimes anyone, sometimes nobody.
    if (chance(60)) {
      std::vector<ParticipantId> heads;
      for (const auto& seat : m.seats)
        if (seat.head) heads.push_back(*seat.head);
      if (!heads.empty()) return Actor::of(heads[below(heads.size())]);
    }
    return Actor::of(index_or_junk(m.participants));
  }

  Command server_command(const Match& m) {
    if (chance(70) || m.participants.size() < 3) {
      static const char* const kNames[] = {"Ana",   "Ben",    "Chidi", "Dana", "Émile",
                                           "Farah", "Gu Mei", " ",     "Zoë"};
      return JoinMatch{kNames[below(9)], chance(15) ? Role::spectator : Role::player};
    }
    if (chance(50)) return SetBot{index_or_junk(m.seats), chance(80)};
    return StartMatch{};
  }

  Command facilitator_command(const Match& m) {
    // In the final vote, often propose adoption without a vote while no ballot is cast.
    if (m.phase == Phase::final_vote && chance(50))
      for (DraftIndex d = 0; d < m.drafts.size(); ++d)
        if (m.drafts[d].final_vote.state == VoteState::open &&
            m.drafts[d].final_vote.cast_count == 0 && !m.drafts[d].objection_deadline)
          return ProposeAdoptionWithoutVote{d};
    switch (rng_.below(17)) {
      case 0:
        return m.phase == Phase::lobby ? Command{StartMatch{}} : Command{AdvancePhase{}};
      case 1:
        return PauseClock{};
      case 2:
        return ResumeClock{};
      case 3:
        return ExtendPhase{chance(10) ? 0 : 10'000};
      case 4:
        return AssignSeat{
            index_or_junk(m.participants),
            chance(20) ? std::nullopt : std::optional<SeatIndex>(index_or_junk(m.seats))};
      case 5:
        return FreeSeat{index_or_junk(m.seats)};
      case 6:
        return SetBot{index_or_junk(m.seats), chance(70)};
      case 7:
        return MuteParticipant{index_or_junk(m.participants), chance(70)};
      case 8:
        return chance(20) ? Command{RemoveParticipant{index_or_junk(m.participants)}}
                          : Command{Announce{"Delegates, five minutes remain."}};
      case 9: {
        const ChannelId c = index_or_junk(m.channels);
        const auto size = c < m.channels.size() ? m.channels[c].messages.size() : 0;
        return HideMessage{c, below(size + 1), chance(75)};
      }
      case 10:
        return HideClause{index_or_junk(m.clauses), chance(75)};
      case 11:
        return HandHeadRole{index_or_junk(m.participants)};
      case 12:
        if (chance(50)) return ProposeAdoptionWithoutVote{index_or_junk(m.drafts)};
        return OverrideClauseTags{index_or_junk(m.clauses),
                                  chance(20) ? std::vector<std::int32_t>{}
                                             : std::vector<std::int32_t>{1, 2, 0, -1, 3, 0, 1}};
      case 13: {
        RoomRules rules = m.settings.rules;
        rules.ballot = chance(50) ? BallotKind::secret : BallotKind::roll_call;
        rules.decision_rule = static_cast<DecisionRule>(below(3));
        if (chance(10)) rules.rounds = 0;  // invalid
        rules.starting_text_as_package = chance(50);
        rules.lobby_ms =
            chance(10) ? TimeMs{-1} : static_cast<TimeMs>(below(4)) * 60'000;  // -1: invalid
        return ChangeRules{rules};
      }
      case 14: {
        const auto& library = m.settings.injects;
        if (library.empty() || chance(10)) return FireInject{"no such inject"};
        return FireInject{library[below(library.size())].id};
      }
      default:
        return m.phase == Phase::lobby ? Command{StartMatch{}} : Command{Announce{"Order."}};
    }
  }

  Command player_command(const Match& m, const Actor& actor) {
    const auto seat = actor.kind == ActorKind::bot ? std::optional<SeatIndex>(actor.seat)
                                                   : (actor.participant < m.participants.size()
                                                          ? m.participants[actor.participant].seat
                                                          : std::nullopt);
    if (!m.statements.empty() && chance(10))
      return CastBallot{VoteOn::statement, index_or_junk(m.statements),
                        static_cast<Ballot>(below(3))};
    switch (m.phase) {
      case Phase::lobby:
        return lobby_command(m, seat);
      case Phase::drafting:
        if (chance(55)) return drafting_command(m, seat);
        break;
      case Phase::clause_voting:
      case Phase::final_vote:
        if (chance(55)) return voting_command(m);
        break;
      default:
        break;
    }
    return social_command(m, seat);
  }

  Command lobby_command(const Match& m, std::optional<SeatIndex> seat) {
    switch (rng_.below(6)) {
      case 0:
      case 1:
        return TakeSeat{index_or_junk(m.seats)};
      case 2:
        return chance(30) ? Command{LeaveSeat{}} : Command{SetReady{chance(80)}};
      case 3:
        return chance(5) ? Command{LeaveMatch{}} : Command{write_note(seat)};
      default:
        return social_command(m, seat);
    }
  }

  Command write_note(std::optional<SeatIndex> seat) {
    return WriteNote{seat ? secret_marker_prefix(*seat) + "#" + std::to_string(++count_) : ""};
  }

  Command drafting_command(const Match& m, std::optional<SeatIndex> seat) {
    const auto& table = m.settings.clause_table;
    const ClauseId clause = index_or_junk(m.clauses);
    switch (rng_.below(10)) {
      case 0:
      case 1:
        if (chance(20)) return TableClause{index_or_junk(m.drafts), "", "States shall cooperate."};
        return TableClause{index_or_junk(m.drafts), table[below(table.size())].ref, ""};
      case 2:
      case 3:
        return Cosponsor{clause};
      case 4:
        return WithdrawCosponsorship{clause};
      case 5: {
        if (clause < m.clauses.size() && m.clauses[clause].ref.empty())
          return ProposeAmendment{clause, "", "States should cooperate."};
        // Mostly a variant of the clause's own family, as real amendments are.
        std::vector<std::string> family;
        if (clause < m.clauses.size())
          for (const auto& option : table)
            if (option.family == m.clauses[clause].family) family.push_back(option.ref);
        if (family.empty() || chance(10))
          return ProposeAmendment{clause, table[below(table.size())].ref, ""};
        return ProposeAmendment{clause, family[below(family.size())], ""};
      }
      case 6: {
        // Answer an amendment to one of the seat's own clauses when there is one.
        if (seat && chance(70))
          for (ClauseId c = 0; c < m.clauses.size(); ++c)
            for (std::uint32_t a = 0; a < m.clauses[c].amendments.size(); ++a)
              if (m.clauses[c].sponsor == *seat &&
                  m.clauses[c].amendments[a].status == AmendmentStatus::pending)
                return AnswerAmendment{c, a, chance(60)};
        const auto count = clause < m.clauses.size() ? m.clauses[clause].amendments.size() : 0;
        return AnswerAmendment{clause, below(count + 1), chance(60)};
      }
      case 7: {
        // Withdraw one of the seat's own pending amendments when it has one.
        if (seat && chance(60))
          for (ClauseId c = 0; c < m.clauses.size(); ++c)
            for (std::uint32_t a = 0; a < m.clauses[c].amendments.size(); ++a)
              if (m.clauses[c].amendments[a].proposer == *seat &&
                  m.clauses[c].amendments[a].status == AmendmentStatus::pending)
                return WithdrawAmendment{c, a};
        const auto count = clause < m.clauses.size() ? m.clauses[clause].amendments.size() : 0;
        return chance(50) ? Command{WithdrawAmendment{clause, below(count + 1)}}
                          : Command{WithdrawClause{clause}};
      }
      case 8:
        return SetReady{chance(90)};
      default:
        return deal_command(m, seat);
    }
  }

  Command voting_command(const Match& m) {
    const auto ballot = static_cast<Ballot>(below(3));
    if (m.phase == Phase::final_vote) {
      for (DraftIndex d = 0; d < m.drafts.size(); ++d)
        if (m.drafts[d].objection_deadline && chance(40)) return ObjectToAdoption{d};
      if (chance(5)) return ObjectToAdoption{index_or_junk(m.drafts)};
      return CastBallot{VoteOn::draft, index_or_junk(m.drafts), ballot};
    }
    if (chance(20)) return CastBallot{VoteOn::starting_text, index_or_junk(m.drafts), ballot};
    return CastBallot{VoteOn::clause, index_or_junk(m.clauses), ballot};
  }

  Command deal_command(const Match& m, std::optional<SeatIndex> seat) {
    if (!m.deals.empty() && chance(50)) {
      const DealId deal = index_or_junk(m.deals);
      return chance(70) ? Command{AnswerDeal{deal, chance(60)}} : Command{WithdrawDeal{deal}};
    }
    auto term = [&]() {
      if (chance(30)) return DealTerm{DealAction::vote_yes_draft, index_or_junk(m.drafts)};
      return DealTerm{chance(50) ? DealAction::cosponsor_clause : DealAction::vote_yes_clause,
                      index_or_junk(m.clauses)};
    };
    SeatIndex to = index_or_junk(m.seats);
    if (seat && to == *seat) to = (to + 1) % static_cast<SeatIndex>(m.seats.size());
    return OfferDeal{to, {term()}, {term()}};
  }

  Command social_command(const Match& m, std::optional<SeatIndex> seat) {
    switch (rng_.below(9)) {
      case 0:
      case 1:
      case 2: {
        // Speak in a channel the seat belongs to (with the channel's marker), or the plenary.
        std::vector<ChannelId> mine{kPlenary};
        if (seat)
          for (ChannelId c = 1; c < m.channels.size(); ++c)
            if (std::find(m.channels[c].members.begin(), m.channels[c].members.end(), *seat) !=
                m.channels[c].members.end())
              mine.push_back(c);
        const ChannelId c = chance(5) ? index_or_junk(m.channels) : mine[below(mine.size())];
        const std::string text = c == kPlenary
                                     ? "speech " + std::to_string(++count_)
                                     : channel_marker_prefix(c) + "#" + std::to_string(++count_);
        return PostMessage{c, chance(3) ? std::string(" ") : text};
      }
      case 3:
        return OpenBilateral{index_or_junk(m.seats)};
      case 4:
        return CreateCaucus{"Friends of capacity",
                            {index_or_junk(m.seats), index_or_junk(m.seats)}};
      case 5: {
        const ChannelId c = index_or_junk(m.channels);
        return chance(50) ? Command{InviteToCaucus{c, index_or_junk(m.seats)}}
                          : Command{chance(70) ? Command{JoinCaucus{c}} : Command{LeaveCaucus{c}}};
      }
      case 6:
        return write_note(seat);
      case 7: {
        if (!m.polls.empty() && chance(60)) return SupportModeration{index_or_junk(m.polls)};
        const auto action = static_cast<ModerationAction>(below(3));
        if (action == ModerationAction::hide_message)
          return ProposeModeration{action, kPlenary, index_or_junk(m.channels[kPlenary].messages)};
        if (action == ModerationAction::hide_clause)
          return ProposeModeration{action, index_or_junk(m.clauses), 0};
        return ProposeModeration{action, index_or_junk(m.participants), 0};
      }
      default:
        return deal_command(m, seat);
    }
  }

  Pcg32 rng_;
  int count_ = 0;
};

}  // namespace accord::test
