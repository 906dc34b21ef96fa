// The condition language's evaluator over a finished match: whether a condition holds and one
// plain sentence saying why. Each predicate states the fact it found; "not" keeps the fact and
// flips the answer; "and"/"or" join the facts that decided them.
#include <algorithm>

#include "core/deals.hpp"
#include "scoring/conditions.hpp"

namespace accord::scoring {

namespace {

struct Fact {
  bool holds = false;
  std::string text;  // a clause of a sentence, without the final period
};

std::string seat_label(const Match& m, SeatIndex s) {
  return s < m.settings.seats.size() && !m.settings.seats[s].name.empty()
             ? m.settings.seats[s].name
             : "seat " + std::to_string(s + 1);
}

// `draft "Code of conduct"`; callers put "the" or "the adopted" before it.
std::string draft_name(const Match& m, DraftIndex d) {
  return d < m.drafts.size() ? "draft \"" + m.drafts[d].title + "\"" : "draft " + std::to_string(d);
}

std::string draft_label(const Match& m, DraftIndex d) {
  return "the " + draft_name(m, d);
}

std::string clause_label(const Match& m, ClauseId id) {
  const Clause& c = m.clauses[id];
  return "clause " + std::to_string(id + 1) +
         (c.ref.empty() ? " (free text)" : " (#" + c.ref + ")");
}

std::string plural(int n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

class Evaluator {
 public:
  Evaluator(const MatchRecord& record, std::optional<SeatIndex> owner)
      : r_(record), m_(record.match()), owner_(owner) {}

  Fact eval(const Condition& c) {
    switch (c.kind) {
      case Condition::Kind::negation: {
        if (c.children.empty()) return {false, "the condition is empty"};
        Fact inner = eval(c.children.front());
        return {!inner.holds, std::move(inner.text)};
      }
      case Condition::Kind::all_of:
      case Condition::Kind::any_of: {
        const bool all = c.kind == Condition::Kind::all_of;
        // all_of fails on its first failing part; any_of holds on its first holding part.
        // Otherwise every part's fact is part of the reason.
        std::vector<Fact> facts;
        for (const auto& child : c.children) {
          Fact f = eval(child);
          if (f.holds != all) return f;
          facts.push_back(std::move(f));
        }
        std::string text;
        for (const auto& f : facts)
          text += (text.empty() ? "" : "; ") + f.text;
        return {all, text};
      }
      case Condition::Kind::predicate:
        return predicate(c);
    }
    return {false, "the condition is empty"};
  }

 private:
  std::vector<ClauseId> adopted_of_family(const std::string& family) const {
    std::vector<ClauseId> out;
    for (const ClauseId id : r_.adopted_clauses())
      if (r_.family_of(m_.clauses[id]) == family) out.push_back(id);
    return out;
  }

  std::string stands(ClauseId id) const {
    return clause_label(m_, id) + " stands in the adopted " + draft_name(m_, m_.clauses[id].draft);
  }

  Fact predicate(const Condition& c) {
    switch (c.predicate) {
      case Predicate::code_adopted:
        return code_adopted();
      case Predicate::adopted: {
        const auto ids = adopted_of_family(c.ref);
        if (ids.empty()) return {false, "no adopted draft holds a clause of family " + c.ref};
        return {true, stands(ids.front())};
      }
      case Predicate::adopted_ref:
        return adopted_ref(c.ref);
      case Predicate::adopted_in:
        return adopted_in(static_cast<DraftIndex>(c.count), c.ref);
      case Predicate::adopted_with_cosponsors:
        return with_cosponsors(c.ref, c.count);
      case Predicate::seat_sponsored_adopted:
      case Predicate::seat_supported_adopted:
        return owner_ ? supported(*owner_, c) : no_seat(c);
      case Predicate::criterion_at_least:
      case Predicate::content_at_least:
      case Predicate::final_at_least:
      case Predicate::legitimacy_at_least:
        return at_least(c);
      case Predicate::deals_honoured:
        return owner_ ? deals_honoured(*owner_) : no_seat(c);
    }
    return {false, "unknown predicate"};
  }

  static Fact no_seat(const Condition& c) {
    return {false, std::string(predicate_name(c.predicate)) +
                       " speaks of a seat, but this condition has none (a scenario goal)"};
  }

  Fact code_adopted() const {
    std::vector<DraftIndex> adopted;
    for (DraftIndex d = 0; d < m_.drafts.size(); ++d)
      if (m_.drafts[d].status == DraftStatus::adopted) adopted.push_back(d);
    if (adopted.empty()) return {false, "no draft was adopted"};
    std::string text = draft_label(m_, adopted.front());
    for (std::size_t i = 1; i < adopted.size(); ++i)
      text += (i + 1 == adopted.size() ? " and " : ", ") + draft_name(m_, adopted[i]);
    return {true, text + (adopted.size() == 1 ? " was adopted" : " were adopted")};
  }

  Fact adopted_ref(const std::string& ref) const {
    for (const ClauseId id : r_.adopted_clauses())
      if (m_.clauses[id].ref == ref) return {true, stands(id)};
    const auto family = r_.catalogue().family_of(ref);
    const auto same_family = adopted_of_family(std::string(family));
    std::string text = "no adopted draft holds clause #" + ref;
    if (!same_family.empty())
      text += " (" + stands(same_family.front()) + ", another variant of family " +
              std::string(family) + ")";
    return {false, text};
  }

  Fact adopted_in(DraftIndex d, const std::string& family) const {
    if (d >= m_.drafts.size()) return {false, "there is no draft number " + std::to_string(d)};
    if (m_.drafts[d].status != DraftStatus::adopted)
      return {false, draft_label(m_, d) + " was not adopted"};
    for (const ClauseId id : adopted_of_family(family))
      if (m_.clauses[id].draft == d) return {true, stands(id)};
    return {false, "the adopted " + draft_name(m_, d) + " holds no clause of family " + family};
  }

  Fact with_cosponsors(const std::string& family, int needed) const {
    const auto ids = adopted_of_family(family);
    if (ids.empty()) return {false, "no adopted draft holds a clause of family " + family};
    ClauseId best = ids.front();
    for (const ClauseId id : ids)
      if (m_.clauses[id].cosponsors.size() > m_.clauses[best].cosponsors.size()) best = id;
    const int n = static_cast<int>(m_.clauses[best].cosponsors.size());
    const std::string had =
        clause_label(m_, best) + " was adopted with " + plural(n, "co-sponsor", "co-sponsors");
    if (n >= needed) return {true, had + " (at least " + std::to_string(needed) + " needed)"};
    return {false, had + ", fewer than the " + std::to_string(needed) + " needed"};
  }

  Fact supported(SeatIndex seat, const Condition& c) const {
    int sponsored = 0;
    int cosponsored = 0;
    std::optional<ClauseId> first;
    for (const ClauseId id : r_.adopted_clauses()) {
      const Clause& clause = m_.clauses[id];
      const bool own = clause.sponsor == seat;
      const bool co = std::find(clause.cosponsors.begin(), clause.cosponsors.end(), seat) !=
                      clause.cosponsors.end();
      if (own && !first) first = id;
      sponsored += own ? 1 : 0;
      cosponsored += co && !own ? 1 : 0;
    }
    const std::string who = seat_label(m_, seat);
    if (c.predicate == Predicate::seat_sponsored_adopted) {
      if (!first) return {false, who + " sponsored no clause that was adopted"};
      return {true, who + " sponsored " + clause_label(m_, *first) +
                        ", which stands in the adopted " +
                        draft_name(m_, m_.clauses[*first].draft)};
    }
    const int total = sponsored + cosponsored;
    const std::string text = who + " sponsored or co-sponsored " +
                             plural(total, "adopted clause", "adopted clauses") + " (" +
                             std::to_string(sponsored) + " sponsored, " +
                             std::to_string(cosponsored) + " co-sponsored)";
    if (total >= c.count)
      return {true, text + ", at least the " + std::to_string(c.count) + " needed"};
    return {false, text + ", fewer than the " + std::to_string(c.count) + " needed"};
  }

  Fact at_least(const Condition& c) const {
    std::string what;
    switch (c.predicate) {
      case Predicate::criterion_at_least:
        what = r_.catalogue().criterion(c.criterion).name + " (" +
               std::string(to_string(c.criterion)) + ")";
        break;
      case Predicate::content_at_least:
        what = "content";
        break;
      case Predicate::final_at_least:
        what = "the final score";
        break;
      default:
        what = "legitimacy";
        break;
    }
    const std::string threshold = format_score(c.tenths);
    std::optional<std::pair<int, DraftIndex>> best;
    std::string unscored;
    for (const DraftScore& d : r_.adopted_drafts()) {
      if (!d.outcome.scorecard) {
        unscored = draft_label(m_, d.draft) + " could not be scored (" +
                   (d.outcome.errors.empty() ? std::string("unknown problem")
                                             : d.outcome.errors.front().describe()) +
                   ")";
        continue;
      }
      const Scorecard& card = *d.outcome.scorecard;
      int value = 0;
      if (c.predicate == Predicate::criterion_at_least)
        value = card.criteria[index_of(c.criterion)].value;
      else if (c.predicate == Predicate::content_at_least)
        value = card.content;
      else if (c.predicate == Predicate::final_at_least)
        value = card.final_score;
      else
        value = card.legitimacy ? card.legitimacy->value : 0;
      if (!best || value > best->first) best = {value, d.draft};
    }
    if (!best)
      return {false,
              unscored.empty() ? "no draft was adopted, so nothing scores on " + what : unscored};
    const std::string scores = "the adopted " + draft_name(m_, best->second) + " scores " +
                               format_score(best->first) + " on " + what;
    if (best->first >= c.tenths) return {true, scores + ", at least " + threshold};
    return {false, (r_.adopted_drafts().size() > 1 ? "the best adopted draft: " : "") + scores +
                       ", below " + threshold};
  }

  Fact deals_honoured(SeatIndex seat) const {
    int honoured = 0;
    const std::string who = seat_label(m_, seat);
    for (const DealReport& report : deal_outcomes(m_)) {
      for (const SideReport* side : {&report.from, &report.to}) {
        if (side->seat != seat) continue;
        if (side->honoured == Honoured::no) {
          std::string why;
          for (const auto& term : side->terms)
            if (term.outcome == TermOutcome::broken) {
              why = term.explanation;
              break;
            }
          if (!why.empty() && why.back() == '.') why.pop_back();
          return {false, who + " broke deal " + std::to_string(report.deal + 1) + ": " + why};
        }
        const bool kept_one =
            std::any_of(side->terms.begin(), side->terms.end(),
                        [](const TermReport& t) { return t.outcome == TermOutcome::kept; });
        if (side->honoured == Honoured::yes && kept_one) ++honoured;
      }
    }
    if (honoured == 0) return {false, who + " had no accepted deal whose terms could be checked"};
    return {true, who + " honoured " +
                      (honoured == 1 ? std::string("its one verifiable deal")
                                     : "all " + std::to_string(honoured) + " verifiable deals")};
  }

  const MatchRecord& r_;
  const Match& m_;
  std::optional<SeatIndex> owner_;
};

std::string sentence(std::string text) {
  if (text.empty()) return text;
  if (text.front() >= 'a' && text.front() <= 'z')
    text.front() = static_cast<char>(text.front() - 'a' + 'A');
  return text + ".";
}

}  // namespace

ConditionResult evaluate(const Condition& condition, const MatchRecord& record,
                         std::optional<SeatIndex> owner) {
  Evaluator evaluator(record, owner);
  Fact f = evaluator.eval(condition);
  return {f.holds, sentence(std::move(f.text))};
}

ConditionResult evaluate(const Condition& condition, const Match& match,
                         const ClauseCatalogue& catalogue, std::optional<SeatIndex> owner) {
  const MatchRecord record(match, catalogue);
  return evaluate(condition, record, owner);
}

}  // namespace accord::scoring
