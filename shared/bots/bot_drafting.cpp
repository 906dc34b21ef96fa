// The negotiating bot's drafting moves, in order of priority: answering amendments to its own
// clauses, keeping its promises of co-sponsorship, withdrawing clauses that cannot pass,
// proposing qualified or better wordings, tabling what it wants, co-sponsoring what it
// supports, trading support, and marking itself done late in the phase.
#include <algorithm>

#include "bots/bot_internal.hpp"

namespace accord::bots {
namespace {

bool family_taken(const Match& view, DraftIndex draft, std::string_view family) {
  return std::any_of(view.clauses.begin(), view.clauses.end(), [&](const Clause& c) {
    return c.draft == draft && c.family == family &&
           (c.status == ClauseStatus::tabled || c.status == ClauseStatus::adopted);
  });
}

}  // namespace

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

}  // namespace accord::bots
