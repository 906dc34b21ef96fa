// The negotiating bot's deals: the terms it has promised in accepted deals and whether it keeps
// them, what a deal is worth to it, answering the deals offered to it (with a word in the
// bilateral channel), and offering deals that trade its support for co-sponsors and votes.
#include <algorithm>

#include "bots/bot_internal.hpp"
#include "scoring/seat_score.hpp"

namespace accord::bots {
namespace {

std::optional<ChannelId> bilateral_with(const Match& view, SeatIndex a, SeatIndex b) {
  std::vector<SeatIndex> members{std::min(a, b), std::max(a, b)};
  for (ChannelId c = 0; c < view.channels.size(); ++c)
    if (view.channels[c].kind == ChannelKind::bilateral && view.channels[c].members == members)
      return c;
  return std::nullopt;
}

}  // namespace

std::vector<DealTerm> Bot::promised(const Match& view) const {
  std::vector<DealTerm> terms;
  for (const auto& deal : view.deals) {
    if (deal.status != DealStatus::accepted) continue;
    const auto& mine = deal.from == seat_ ? deal.from_terms : deal.to_terms;
    if (deal.from == seat_ || deal.to == seat_) terms.insert(terms.end(), mine.begin(), mine.end());
  }
  return terms;
}

bool Bot::promised_yes(const Match& view, VoteOn on, std::uint32_t target) const {
  const auto action =
      on == VoteOn::clause ? DealAction::vote_yes_clause : DealAction::vote_yes_draft;
  for (const auto& term : promised(view))
    if (term.action == action && term.target == target) return true;
  return false;
}

// Hard bots weigh a promise against what keeping it costs: crossing a red line, or a code
// whose outcome is worse than the penalty for a broken deal (10) and the lost honour (5).
bool Bot::breaks_promise(const Match& view, VoteOn on, std::uint32_t target, Ballot ballot) {
  if (options_.difficulty != Difficulty::hard || ballot != Ballot::no) return false;
  if (on == VoteOn::clause)
    return target < view.clauses.size() &&
           brief_.value_of(view.clauses[target].ref) <= kRedLineValue;
  return outcome_utility(view, target) - outcome_utility(view, std::nullopt) < -15;
}

int Bot::deal_utility(const Match& view, const Deal& deal) const {
  const bool mine_is_from = deal.from == seat_;
  const auto& they_do = mine_is_from ? deal.to_terms : deal.from_terms;
  const auto& i_do = mine_is_from ? deal.from_terms : deal.to_terms;
  int utility = scoring::kDealHonouredPoints;
  const bool had_deal = std::any_of(view.deals.begin(), view.deals.end(), [&](const Deal& d) {
    return d.status == DealStatus::accepted && (d.from == seat_ || d.to == seat_);
  });
  if (brief_.wants_deal && !had_deal) utility += scoring::kObjectivePoints;
  const auto clause_value = [&](std::uint32_t id) {
    return id < view.clauses.size() ? brief_.value_of(view.clauses[id].ref) : 0;
  };
  for (const auto& term : they_do) {
    if (term.action == DealAction::vote_yes_draft) {
      utility +=
          std::max(0, outcome_utility(view, term.target) - outcome_utility(view, std::nullopt)) / 3;
      continue;
    }
    const int weight = term.action == DealAction::cosponsor_clause ? 4 : 3;
    utility += std::max(0, clause_value(term.target)) * weight / 100;
  }
  for (const auto& term : i_do) {
    if (term.action == DealAction::vote_yes_draft) {
      utility -=
          std::max(0, outcome_utility(view, std::nullopt) - outcome_utility(view, term.target));
      continue;
    }
    const auto value = clause_value(term.target);
    if (value <= kRedLineValue || value <= kRedLine) return -1000;
    if (value < kYes) utility -= (kYes - value) / 10;
  }
  return utility;
}

std::optional<Command> Bot::answer_deals(const Match& view, TimeMs now) {
  for (DealId d = 0; d < view.deals.size(); ++d) {
    const auto& deal = view.deals[d];
    if (deal.to != seat_ || deal.status != DealStatus::offered || deal.from_terms.empty()) continue;
    bool accept = false;
    if (options_.difficulty == Difficulty::easy) {
      // Only what costs nothing: it already likes everything it is asked to support.
      accept = std::all_of(deal.to_terms.begin(), deal.to_terms.end(), [&](const DealTerm& t) {
        return t.action != DealAction::vote_yes_draft && t.target < view.clauses.size() &&
               brief_.value_of(view.clauses[t.target].ref) >= kYes;
      });
    } else {
      accept = deal_utility(view, deal) > 0;
    }
    AnswerDeal answer{d, accept};
    if (!legal(view, answer, now)) answer.accept = false;
    if (!legal(view, answer, now)) continue;
    if (options_.phrases && options_.difficulty != Difficulty::easy)
      if (const auto channel = bilateral_with(view, seat_, deal.from)) {
        SayWhat fill{view.settings.seats[seat_].name, {}, view.settings.seats[deal.from].name};
        const auto& asked = deal.to_terms.front();
        if (asked.action != DealAction::vote_yes_draft)
          fill.clause = clause_label(view, asked.target);
        auto text = phrase(*options_.phrases, answer.accept ? Say::deal_accept : Say::deal_decline,
                           answer.accept ? Reason::trade : Reason::stance, fill, rng_);
        if (!text.empty()) pending_speech_ = std::to_string(*channel) + '\x1f' + text;
      }
    return answer;
  }
  return std::nullopt;
}

std::optional<Command> Bot::offer_deal(const Match& view, TimeMs now) {
  if (options_.difficulty == Difficulty::easy) return std::nullopt;
  const std::uint32_t limit = options_.difficulty == Difficulty::hard ? 3 : 1;
  std::uint32_t offered_this_round = 0;
  for (const auto& deal : view.deals)
    if (deal.from == seat_ && deal.at >= view.phase_started_at) ++offered_this_round;
  if (offered_this_round >= limit) return std::nullopt;
  const RoomEstimate* room = options_.difficulty == Difficulty::hard ? &estimate(view) : nullptr;
  // Its own open clauses, the ones others are likeliest to support first (hard: the room's
  // estimate; normal: the catalogue's public base appeal).
  std::vector<std::pair<std::int32_t, ClauseId>> own;
  for (ClauseId c = 0; c < view.clauses.size(); ++c) {
    const auto& clause = view.clauses[c];
    if (clause.sponsor != seat_ || clause.status != ClauseStatus::tabled || clause.hidden ||
        clause.vote.state != VoteState::not_open || clause.ref.empty())
      continue;
    const auto* info = catalogue_.find(clause.ref);
    own.emplace_back(-(room ? room->mean_support(clause.ref) : info ? info->stance.base : 0), c);
  }
  std::sort(own.begin(), own.end());
  const auto& settings = view.settings.seats;
  for (const auto& [rank, mine] : own) {
    const auto& clause = view.clauses[mine];
    const auto value = brief_.value_of(clause.ref);
    const auto wanted = brief_.cosponsors_wanted.find(clause.family);
    if (value < kChampion && wanted == brief_.cosponsors_wanted.end() && !brief_.wants_deal)
      continue;
    // Whom to ask: a hard bot asks the seats most likely to vote against; a normal bot asks
    // anyone who has not co-sponsored yet.
    std::vector<SeatIndex> targets;
    if (room) targets = room->likely_opponents(clause.ref, 4);
    // Then its own bloc (public), then everyone else.
    for (int pass = 0; pass < 2; ++pass)
      for (SeatIndex s = 0; s < view.seats.size(); ++s) {
        const bool ally = s < settings.size() && seat_ < settings.size() &&
                          !settings[s].bloc.empty() && settings[s].bloc == settings[seat_].bloc;
        if ((pass == 0) == ally && !contains(targets, s) && s != seat_) targets.push_back(s);
      }
    for (SeatIndex s : targets) {
      if (!occupied(view, s) || contains(clause.cosponsors, s) || deals_tried_.count({s, mine}) > 0)
        continue;
      // What to give: support for one of their clauses that costs this bot little.
      std::optional<ClauseId> theirs;
      std::int32_t best = -51;
      for (ClauseId c = 0; c < view.clauses.size(); ++c) {
        const auto& other = view.clauses[c];
        if (other.sponsor != s || other.status != ClauseStatus::tabled || other.hidden ||
            contains(other.cosponsors, seat_))
          continue;
        const auto v = brief_.value_of(other.ref);
        if (v > best) best = v, theirs = c;
      }
      if (!theirs) continue;
      const bool opponent = room && room->support(s, clause.ref) <= kNo;
      OfferDeal offer{
          s, {{DealAction::cosponsor_clause, *theirs}}, {{DealAction::cosponsor_clause, mine}}};
      if (opponent) {
        offer.give.push_back({DealAction::vote_yes_clause, *theirs});
        offer.get.push_back({DealAction::vote_yes_clause, mine});
      }
      if (!legal(view, offer, now)) continue;
      // Open the bilateral channel first, to say why.
      if (options_.phrases && !bilateral_with(view, seat_, s) && legal(view, OpenBilateral{s}, now))
        return OpenBilateral{s};
      deals_tried_.emplace(s, mine);
      if (options_.phrases)
        if (const auto channel = bilateral_with(view, seat_, s)) {
          SayWhat fill{view.settings.seats[seat_].name, clause_label(view, mine),
                       view.settings.seats[s].name};
          auto text = phrase(*options_.phrases, Say::deal_offer, Reason::trade, fill, rng_);
          if (!text.empty()) pending_speech_ = std::to_string(*channel) + '\x1f' + text;
        }
      return offer;
    }
  }
  return offer_backing_for_a_deal(view, now);
}

// A seat whose brief asks for an honoured deal but has no clause of its own to trade offers its
// yes on a clause it does not mind, for the sponsor's yes on the final text.
std::optional<Command> Bot::offer_backing_for_a_deal(const Match& view, TimeMs now) {
  if (!brief_.wants_deal) return std::nullopt;
  const bool dealt = std::any_of(view.deals.begin(), view.deals.end(), [&](const Deal& d) {
    return d.from == seat_ || (d.to == seat_ && d.status == DealStatus::accepted);
  });
  if (dealt) return std::nullopt;
  for (ClauseId c = 0; c < view.clauses.size(); ++c) {
    const auto& clause = view.clauses[c];
    if (clause.sponsor == seat_ || clause.status != ClauseStatus::tabled || clause.hidden ||
        !occupied(view, clause.sponsor) || brief_.value_of(clause.ref) < 50 ||
        deals_tried_.count({clause.sponsor, c}) > 0)
      continue;
    OfferDeal offer{clause.sponsor,
                    {{DealAction::vote_yes_clause, c}},
                    {{DealAction::vote_yes_draft, clause.draft}}};
    if (!legal(view, offer, now)) continue;
    deals_tried_.emplace(clause.sponsor, c);
    return offer;
  }
  return std::nullopt;
}
}  // namespace accord::bots
