#include "bots/bot.hpp"

#include <algorithm>

#include "core/rules.hpp"
#include "scoring/conditions.hpp"
#include "scoring/seat_score.hpp"

namespace accord::bots {
namespace {

bool contains(const std::vector<SeatIndex>& seats, SeatIndex seat) {
  return std::find(seats.begin(), seats.end(), seat) != seats.end();
}

bool family_taken(const Match& view, DraftIndex draft, std::string_view family) {
  return std::any_of(view.clauses.begin(), view.clauses.end(), [&](const Clause& c) {
    return c.draft == draft && c.family == family &&
           (c.status == ClauseStatus::tabled || c.status == ClauseStatus::adopted);
  });
}

bool deal_phase(const Match& view) {
  return view.phase == Phase::drafting || view.phase == Phase::clause_voting ||
         view.phase == Phase::final_vote;
}

std::optional<ChannelId> bilateral_with(const Match& view, SeatIndex a, SeatIndex b) {
  std::vector<SeatIndex> members{std::min(a, b), std::max(a, b)};
  for (ChannelId c = 0; c < view.channels.size(); ++c)
    if (view.channels[c].kind == ChannelKind::bilateral && view.channels[c].members == members)
      return c;
  return std::nullopt;
}

bool occupied(const Match& view, SeatIndex s) {
  if (view.seats[s].bot) return true;
  return std::any_of(view.participants.begin(), view.participants.end(),
                     [&](const Participant& p) { return !p.left && p.seat == s; });
}

// A ballot one step off: what an easy bot sometimes casts by mistake.
Ballot slip(Ballot ballot, Pcg32& rng) {
  switch (ballot) {
    case Ballot::yes:
    case Ballot::no:
      return Ballot::abstain;
    case Ballot::abstain:
      return rng.below(2) == 0 ? Ballot::yes : Ballot::no;
  }
  return ballot;
}

}  // namespace

std::optional<Difficulty> difficulty_from_name(std::string_view name) {
  if (name == "easy") return Difficulty::easy;
  if (name == "normal") return Difficulty::normal;
  if (name == "hard") return Difficulty::hard;
  return std::nullopt;
}

std::string_view difficulty_name(Difficulty difficulty) {
  switch (difficulty) {
    case Difficulty::easy:
      return "easy";
    case Difficulty::hard:
      return "hard";
    case Difficulty::normal:
      break;
  }
  return "normal";
}

Bot make_room_bot(const Match& seat_view, SeatIndex seat, const scoring::ClauseCatalogue& catalogue,
                  Difficulty difficulty, std::uint64_t seed,
                  std::shared_ptr<const Phrasebook> phrases) {
  BotOptions options;
  options.difficulty = difficulty;
  options.seed = seed;
  options.pace = default_pace(difficulty);
  options.phrases = std::move(phrases);
  return Bot(seat, seat_view, catalogue, std::move(options));
}

Bot::Bot(SeatIndex seat, const Match& own_view, const scoring::ClauseCatalogue& catalogue,
         BotOptions options)
    : seat_(seat),
      actor_(Actor::bot(seat)),
      catalogue_(catalogue),
      options_(std::move(options)),
      brief_(read_brief(own_view, seat, catalogue, options_.difficulty != Difficulty::easy)),
      rng_(Pcg32::seeded(options_.seed * 1000003 + seat, 0xb07 + seat)) {}

TimeMs Bot::think_ms() {
  return draw_think_ms(options_.pace, rng_);
}

const RoomEstimate& Bot::estimate(const Match& view) {
  const auto signature = RoomEstimate::signature(view);
  if (!room_ || signature != room_signature_) {
    room_.emplace(view, seat_, brief_.stance, catalogue_);
    room_signature_ = signature;
  }
  return *room_;
}

bool Bot::legal(const Match& view, const Command& command, TimeMs now) const {
  return decide(view, actor_, command, now).accepted();
}

std::string Bot::clause_label(const Match& view, ClauseId id) const {
  if (id >= view.clauses.size()) return "this clause";
  const auto& ref = view.clauses[id].ref;
  if (ref.empty()) return "clause " + std::to_string(id + 1);
  const auto* archetype = catalogue_.find(ref);
  return "clause " + ref + (archetype ? " (" + archetype->title + ")" : "");
}

std::optional<Command> Bot::next(const Match& view, TimeMs now, bool paced) {
  if (seat_ >= view.seats.size()) return std::nullopt;
  paced_ = paced;
  const std::pair<Phase, std::uint32_t> phase{view.phase, view.round};
  if (phase != phase_seen_) {
    phase_seen_ = phase;
    spoken_in_phase_ = 0;
    pending_speech_.reset();
    // A human marks the delegation done somewhere in the second half of the phase.
    ready_after_ = 0;
    if (view.deadline && *view.deadline > view.phase_started_at)
      ready_after_ = view.phase_started_at +
                     (*view.deadline - view.phase_started_at) * (40 + rng_.below(35)) / 100;
  }
  auto command = choose(view, now);
  if (command) remember(view, *command);
  return command;
}

void Bot::remember(const Match&, const Command& command) {
  if (const auto* amend = std::get_if<ProposeAmendment>(&command))
    amendments_proposed_.emplace(amend->clause, amend->ref);
  if (std::holds_alternative<PostMessage>(command)) ++spoken_in_phase_;
}

std::optional<Command> Bot::choose(const Match& view, TimeMs now) {
  if (pending_speech_) {
    PostMessage message{kPlenary, *pending_speech_};
    if (const auto at = message.text.find('\x1f'); at != std::string::npos) {
      message.channel = static_cast<ChannelId>(std::stoul(message.text.substr(0, at)));
      message.text.erase(0, at + 1);
    }
    pending_speech_.reset();
    if (!message.text.empty() && legal(view, message, now)) return message;
  }
  if (view.paused_at) return std::nullopt;
  if (deal_phase(view))
    if (auto answer = answer_deals(view, now)) return answer;
  switch (view.phase) {
    case Phase::drafting:
      return drafting_move(view, now);
    case Phase::clause_voting:
      return clause_vote_move(view, now);
    case Phase::final_vote:
      return final_vote_move(view, now);
    default:
      return std::nullopt;
  }
}

std::optional<Command> Bot::say(const Match& view, Say what, Reason why,
                                const std::string& clause) {
  if (!options_.phrases) return std::nullopt;
  const std::uint32_t cap = options_.difficulty == Difficulty::easy ? 1 : 2;
  const std::uint32_t percent = options_.difficulty == Difficulty::easy ? 25 : 45;
  if (spoken_in_phase_ >= cap || !chance(percent)) return std::nullopt;
  SayWhat fill{view.settings.seats[seat_].name, clause, {}};
  auto text = phrase(*options_.phrases, what, why, fill, rng_);
  if (!text.empty()) pending_speech_ = std::move(text);
  return std::nullopt;
}

// ------------------------------------------------------------------ deals

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
  return std::nullopt;
}

// ------------------------------------------------------------------ drafting

std::optional<Command> Bot::drafting_move(const Match& view, TimeMs now) {
  const bool easy = options_.difficulty == Difficulty::easy;
  const bool hard = options_.difficulty == Difficulty::hard;
  const RoomEstimate* room = hard ? &estimate(view) : nullptr;
  const auto pass = [&](std::string_view ref) {
    return room ? room->pass_permille(ref, Ballot::yes) : 500;
  };

  // 1. Answer amendments to its own clauses: take what it likes at least as much (a hard bot
  //    also takes a wording it likes a little less if that is what lets the clause pass).
  for (ClauseId c = 0; c < view.clauses.size(); ++c) {
    const auto& clause = view.clauses[c];
    if (clause.sponsor != seat_ || clause.status != ClauseStatus::tabled || clause.hidden) continue;
    for (std::uint32_t a = 0; a < clause.amendments.size(); ++a) {
      const auto& amendment = clause.amendments[a];
      if (amendment.status != AmendmentStatus::pending) continue;
      const auto now_value = brief_.value_of(clause.ref);
      const auto new_value = brief_.value_of(amendment.ref);
      bool accept =
          !amendment.ref.empty() && !brief_.is_red_line(amendment.ref) && new_value >= now_value;
      if (!accept && hard && !amendment.ref.empty() && new_value > 0 &&
          new_value * pass(amendment.ref) > now_value * pass(clause.ref))
        accept = true;
      if (hard && !accept && !amendment.ref.empty() && new_value > 0 &&
          new_value + 100 >= now_value &&
          view.settings.rules.decision_rule == DecisionRule::consensus)
        accept = true;  // under consensus a wording others can live with is worth a little
      AnswerAmendment answer{c, a, accept};
      if (legal(view, answer, now)) return answer;
    }
  }

  // 2. Keep its promises of co-sponsorship.
  for (const auto& term : promised(view)) {
    if (term.action != DealAction::cosponsor_clause) continue;
    Cosponsor cosponsor{term.target};
    if (term.target < view.clauses.size() &&
        !contains(view.clauses[term.target].cosponsors, seat_) &&
        !(hard && brief_.value_of(view.clauses[term.target].ref) <= kRedLineValue) &&
        legal(view, cosponsor, now))
      return cosponsor;
  }

  // 3. Withdraw its clause that cannot pass when another wording of the family could (a hard
  //    bot judges from the room; a normal bot only from a no already cast on that ref).
  if (!easy) {
    const auto promised_terms = promised(view);
    for (ClauseId c = 0; c < view.clauses.size(); ++c) {
      const auto& clause = view.clauses[c];
      if (clause.sponsor != seat_ || clause.status != ClauseStatus::tabled || clause.hidden ||
          clause.round != view.round || clause.ref.empty())
        continue;
      const bool in_deal = std::any_of(promised_terms.begin(), promised_terms.end(),
                                       [&](const DealTerm& t) { return t.target == c; });
      if (in_deal) continue;
      bool doomed = false;
      if (room) {
        doomed = pass(clause.ref) < 60;
      } else {
        doomed = std::any_of(view.clauses.begin(), view.clauses.end(), [&](const Clause& other) {
          return other.ref == clause.ref && other.status == ClauseStatus::rejected &&
                 other.vote.no > 0 && view.settings.rules.decision_rule == DecisionRule::consensus;
        });
      }
      if (!doomed) continue;
      bool better_variant = false;
      for (const auto& option : view.settings.clause_table)
        if (option.family == clause.family && option.ref != clause.ref &&
            brief_.value_of(option.ref) > 0 && (!room || pass(option.ref) > 400))
          better_variant = true;
      WithdrawClause withdraw{c};
      if (better_variant && legal(view, withdraw, now)) {
        say(view, Say::withdraw, Reason::no_support, clause_label(view, c));
        return withdraw;
      }
    }
  }

  // 4. Propose the qualified wording of a clause that crosses one of its red lines, or, for
  //    normal and hard bots, a variant it likes much better.
  if (!easy) {
    for (ClauseId c = 0; c < view.clauses.size(); ++c) {
      const auto& clause = view.clauses[c];
      if (clause.status != ClauseStatus::tabled || clause.hidden || clause.sponsor == seat_ ||
          clause.ref.empty())
        continue;
      const auto current = brief_.value_of(clause.ref);
      std::string best_ref;
      std::int32_t best_value = current + 150;
      if (const auto lifted = brief_.lifted_by.find(clause.ref); lifted != brief_.lifted_by.end())
        best_ref = lifted->second, best_value = brief_.value_of(lifted->second);
      else if (current <= kNo && hard)  // a normal bot proposes only its qualifiers
        for (const auto& option : view.settings.clause_table)
          if (option.family == clause.family && option.ref != clause.ref &&
              !brief_.is_red_line(option.ref) && brief_.value_of(option.ref) >= best_value)
            best_ref = option.ref, best_value = brief_.value_of(option.ref);
      if (best_ref.empty() || amendments_proposed_.count({c, best_ref}) > 0) continue;
      // A hard bot does not push a wording the room would reject (other than its qualifier).
      if (room && !brief_.is_red_line(clause.ref) && pass(best_ref) < 400) continue;
      ProposeAmendment amend{c, best_ref, ""};
      if (!legal(view, amend, now)) continue;
      say(view, Say::amend, brief_.is_red_line(clause.ref) ? Reason::qualifier : Reason::stance,
          clause_label(view, c));
      return amend;
    }
  }

  // 5. Table what it wants, one clause per action, up to the room's limit per round.
  const auto tabled_this_round = static_cast<std::uint32_t>(
      std::count_if(view.clauses.begin(), view.clauses.end(),
                    [&](const Clause& c) { return c.sponsor == seat_ && c.round == view.round; }));
  const std::uint32_t wanted_per_round = easy ? 1 : hard ? 3 : 2;
  if (tabled_this_round <
      std::min(wanted_per_round, view.settings.rules.max_clauses_per_seat_per_round)) {
    // Its own draft if it sponsors one, else the first open one.
    std::optional<DraftIndex> draft;
    for (DraftIndex d = 0; d < view.drafts.size(); ++d) {
      if (view.drafts[d].status != DraftStatus::open) continue;
      if (!draft || contains(view.drafts[d].sponsors, seat_)) draft = d;
      if (contains(view.drafts[d].sponsors, seat_)) break;
    }
    if (draft) {
      const bool consensus = view.settings.rules.decision_rule == DecisionRule::consensus;
      std::string best_ref;
      std::int64_t best_score = 0;
      for (const auto& option : view.settings.clause_table) {
        if (brief_.is_red_line(option.ref) || family_taken(view, *draft, option.family)) continue;
        const std::int64_t value = brief_.value_of(option.ref);
        std::int64_t score = 0;
        if (easy) {
          // An easy bot tables what it champions, or now and then just something it likes.
          if (value >= kChampion || (value >= kYes && chance(15))) score = value;
        } else if (hard) {
          // What it wants, discounted by the room's likely answer; a seat that must get a
          // clause of its own through also looks for what is sure to pass.
          const auto p = pass(option.ref);
          if (value >= 100 && p >= 100) score = value * (300 + 700 * p / 1000) / 1000;
          // Under consensus one seat blocks the whole code: leave out what the room as a
          // whole dislikes, even if it could pass its own vote.
          if (consensus && room->mean_support(option.ref) < 50) score = 0;
          if (brief_.wants_own_clause && tabled_this_round == 0 && value >= 50 && p >= 600)
            score = std::max<std::int64_t>(score, 100 + p / 2);
        } else {
          // What it wants, the broadly liked first (the catalogue's public base appeal); under
          // consensus nothing its own stance dislikes, however much its brief wants it.
          const auto* clause_info = catalogue_.find(option.ref);
          const std::int64_t base = clause_info ? clause_info->stance.base : 0;
          const auto stance = brief_.support.find(option.ref);
          const bool disliked = stance != brief_.support.end() && stance->second < 0;
          if (value >= 200 && !(consensus && (disliked || base < 0))) score = value + base / 2;
          // A seat that must get a clause of its own through opens with one the whole room
          // tends to like (the catalogue's public base appeal), if it likes it too.
          if (brief_.wants_own_clause && tabled_this_round == 0 && value >= 50 && base >= 200)
            score = std::max<std::int64_t>(score, 1000 + base);
        }
        if (score > best_score) best_score = score, best_ref = option.ref;
      }
      if (!best_ref.empty()) {
        TableClause table{*draft, best_ref, ""};
        if (legal(view, table, now)) {
          const auto* archetype = catalogue_.find(best_ref);
          const auto& p = brief_.priorities;
          const bool in_priorities = std::find(p.begin(), p.end(), best_ref) != p.end();
          say(view, Say::table_clause,
              easy            ? Reason::stance
              : in_priorities ? Reason::priority
                              : Reason::objective,
              "clause " + best_ref + (archetype ? " (" + archetype->title + ")" : ""));
          return table;
        }
      }
    }
  }

  // 6. Co-sponsor clauses it supports (an easy bot sometimes forgets one for good).
  for (ClauseId c = 0; c < view.clauses.size(); ++c) {
    const auto& clause = view.clauses[c];
    if (clause.status != ClauseStatus::tabled || clause.hidden || clause.sponsor == seat_ ||
        contains(clause.cosponsors, seat_) || skipped_cosponsor_.count(c) > 0 || clause.ref.empty())
      continue;
    const auto value = brief_.value_of(clause.ref);
    bool want = value >= kYes;
    if (!easy && brief_.wants_supported > 0 && value >= 50) want = true;
    if (hard && value >= 50 && pass(clause.ref) >= 600) want = true;
    if (!want) continue;
    if (easy && chance(40)) {
      skipped_cosponsor_.insert(c);
      continue;
    }
    Cosponsor cosponsor{c};
    if (!legal(view, cosponsor, now)) continue;
    if (value >= kChampion) say(view, Say::support_clause, Reason::stance, clause_label(view, c));
    return cosponsor;
  }

  // 7. Trade support.
  if (auto offer = offer_deal(view, now)) return offer;

  // 8. Done for this phase, late enough in it to look like a delegation that has finished.
  if (!view.seats[seat_].ready && (!paced_ || now >= ready_after_)) {
    SetReady ready{true};
    if (legal(view, ready, now)) return ready;
  }
  return std::nullopt;
}

// ------------------------------------------------------------------ voting

Ballot Bot::clause_ballot(const Match& view, ClauseId id) {
  const auto& clause = view.clauses[id];
  const bool easy = options_.difficulty == Difficulty::easy;
  const auto value = brief_.value_of(clause.ref);
  Ballot ballot = Ballot::abstain;
  if (value >= (easy ? kYes : 100))
    ballot = Ballot::yes;
  else if (value <= kNo)
    ballot = Ballot::no;
  if (!easy && promised_yes(view, VoteOn::clause, id) &&
      !breaks_promise(view, VoteOn::clause, id, ballot))
    ballot = Ballot::yes;
  if (easy && chance(12)) ballot = slip(ballot, rng_);
  return ballot;
}

int Bot::outcome_utility(const Match& view, std::optional<DraftIndex> adopted) const {
  Match what_if = view;
  std::uint32_t seats = 0;
  for (SeatIndex s = 0; s < view.seats.size(); ++s)
    seats += occupied(view, s) ? 1u : 0u;
  for (DraftIndex d = 0; d < what_if.drafts.size(); ++d) {
    auto& draft = what_if.drafts[d];
    if (d == adopted) {
      draft.status = DraftStatus::adopted;
      auto& vote = draft.final_vote;
      vote.state = VoteState::closed;
      vote.outcome = VoteOutcome::adopted;
      vote.eligible = seats;
      vote.yes = seats;
      vote.no = vote.abstain = vote.not_voting = 0;
      vote.ballots.assign(view.seats.size(), std::nullopt);
      for (SeatIndex s = 0; s < view.seats.size(); ++s)
        if (occupied(view, s)) vote.ballots[s] = Ballot::yes;
      vote.cast_count = seats;
    } else if (draft.status == DraftStatus::open) {
      draft.status = DraftStatus::failed;
    }
  }
  const scoring::MatchRecord record(what_if, catalogue_);
  int utility = 0;
  for (const auto& objective : brief_.objectives)
    if (scoring::evaluate(objective, record, seat_).holds) utility += scoring::kObjectivePoints;
  const auto& lines = brief_.brief_red_lines;
  for (ClauseId c : record.adopted_clauses()) {
    const auto& ref = what_if.clauses[c].ref;
    if (std::any_of(lines.begin(), lines.end(), [&](const RedLine& l) { return l.ref == ref; }))
      utility += scoring::kRedLineCrossedPoints - scoring::kRedLineKeptPoints;
    const auto support = brief_.support.find(ref);
    if (support != brief_.support.end()) utility += support->second / 25;
    if (what_if.clauses[c].sponsor == seat_) utility += scoring::kOwnClausePoints;
  }
  return utility;
}

Ballot Bot::draft_ballot(const Match& view, DraftIndex draft) {
  if (options_.difficulty == Difficulty::easy) {
    // The stance rule of the dossier: a red line in it means no, else the sum decides.
    std::int32_t total = 0;
    bool veto = false;
    for (const auto& clause : view.clauses) {
      if (clause.draft != draft || clause.status != ClauseStatus::adopted || clause.hidden)
        continue;
      veto = veto || brief_.is_red_line(clause.ref);
      const auto it = brief_.support.find(clause.ref);
      total += it == brief_.support.end() ? 0 : it->second;
    }
    Ballot ballot = veto        ? Ballot::no
                    : total > 0 ? Ballot::yes
                    : total < 0 ? Ballot::no
                                : Ballot::abstain;
    if (chance(6)) ballot = slip(ballot, rng_);
    return ballot;
  }
  const int gain = outcome_utility(view, draft) - outcome_utility(view, std::nullopt);
  // Supporting a code that costs it nothing is free and adds to its legitimacy.
  Ballot ballot = gain >= 0 ? Ballot::yes : Ballot::abstain;
  // Under consensus a no blocks the code alone: block only when the code costs real points.
  const int block_below = view.settings.rules.decision_rule == DecisionRule::consensus ? -10 : -1;
  if (gain < block_below) ballot = Ballot::no;
  if (promised_yes(view, VoteOn::draft, draft) &&
      !breaks_promise(view, VoteOn::draft, draft, ballot))
    ballot = Ballot::yes;
  return ballot;
}

std::optional<Command> Bot::clause_vote_move(const Match& view, TimeMs now) {
  for (ClauseId c = 0; c < view.clauses.size(); ++c) {
    const auto& vote = view.clauses[c].vote;
    if (vote.state != VoteState::open || seat_ >= vote.ballots.size() || vote.ballots[seat_])
      continue;
    CastBallot cast{VoteOn::clause, c, clause_ballot(view, c)};
    if (!legal(view, cast, now)) continue;
    if (cast.ballot == Ballot::no && brief_.is_red_line(view.clauses[c].ref))
      say(view, Say::oppose_clause, Reason::red_line, clause_label(view, c));
    return cast;
  }
  return std::nullopt;
}

std::optional<Command> Bot::final_vote_move(const Match& view, TimeMs now) {
  for (DraftIndex d = 0; d < view.drafts.size(); ++d) {
    const auto& draft = view.drafts[d];
    if (draft.final_vote.state != VoteState::open) continue;
    if (draft.objection_deadline) {
      if (draft_ballot(view, d) == Ballot::no) {
        ObjectToAdoption object{d};
        if (legal(view, object, now)) return object;
      }
      continue;
    }
    if (seat_ >= draft.final_vote.ballots.size() || draft.final_vote.ballots[seat_]) continue;
    CastBallot cast{VoteOn::draft, d, draft_ballot(view, d)};
    if (!legal(view, cast, now)) continue;
    if (cast.ballot != Ballot::abstain)
      say(view, cast.ballot == Ballot::yes ? Say::final_yes : Say::final_no,
          cast.ballot == Ballot::yes
              ? (view.settings.rules.decision_rule == DecisionRule::consensus ? Reason::consensus
                                                                              : Reason::objective)
              : Reason::red_line,
          "\"" + draft.title + "\"");
    return cast;
  }
  return std::nullopt;
}

}  // namespace accord::bots
