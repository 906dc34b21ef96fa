#include "bots/brief.hpp"

#include "bots/support.hpp"

namespace accord::bots {
namespace {

// Walks an objective: refs and families it needs adopted (positive) or kept out (negative).
void collect(const scoring::Condition& c, bool positive, const scoring::ClauseCatalogue& catalogue,
             const Match& view, BriefKnowledge& out, std::map<std::string, std::int32_t>& bonus) {
  using scoring::Condition;
  using scoring::Predicate;
  if (c.kind == Condition::Kind::negation) {
    for (const auto& child : c.children)
      collect(child, !positive, catalogue, view, out, bonus);
    return;
  }
  if (c.kind != Condition::Kind::predicate) {
    for (const auto& child : c.children)
      collect(child, positive, catalogue, view, out, bonus);
    return;
  }
  const std::int32_t delta = positive ? kObjectiveBonus : kObjectiveAvoid;
  const auto for_family = [&](const std::string& family) {
    for (const auto& option : view.settings.clause_table)
      if (option.family == family) bonus[option.ref] += delta;
  };
  switch (c.predicate) {
    case Predicate::adopted:
    case Predicate::adopted_in:
      for_family(c.ref);
      break;
    case Predicate::adopted_with_cosponsors:
      for_family(c.ref);
      if (positive) out.cosponsors_wanted[c.ref] = std::max(out.cosponsors_wanted[c.ref], c.count);
      break;
    case Predicate::adopted_ref:
      bonus[c.ref] += delta;
      break;
    case Predicate::code_adopted:
      out.wants_code = out.wants_code || positive;
      break;
    case Predicate::seat_sponsored_adopted:
      out.wants_own_clause = out.wants_own_clause || positive;
      break;
    case Predicate::seat_supported_adopted:
      if (positive) out.wants_supported = std::max(out.wants_supported, c.count);
      break;
    case Predicate::deals_honoured:
      out.wants_deal = out.wants_deal || positive;
      break;
    case Predicate::criterion_at_least:
    case Predicate::content_at_least:
    case Predicate::final_at_least:
    case Predicate::legitimacy_at_least:
      if (positive) out.wants_broad_support = out.wants_code = true;
      break;
  }
}

}  // namespace

std::int32_t BriefKnowledge::value_of(std::string_view ref) const {
  if (ref.empty()) return 0;  // free text: bots do not read it
  const auto it = value.find(ref);
  return it == value.end() ? 0 : it->second;
}

BriefKnowledge read_brief(const Match& own_view, SeatIndex seat,
                          const scoring::ClauseCatalogue& catalogue, bool use_objectives) {
  BriefKnowledge k;
  k.seat = seat;
  k.support = support_table(own_view, seat, catalogue);
  if (seat >= own_view.settings.seats.size()) return k;
  const SeatSetup& setup = own_view.settings.seats[seat];
  k.stance = setup.stance;
  k.priorities = setup.priorities;
  k.brief_red_lines = setup.red_lines;
  for (const auto& [ref, support] : k.support)
    k.value[ref] = support;
  for (const auto& line : setup.red_lines) {
    k.red_lines.insert(line.ref);
    if (!line.lifted_by.empty()) k.lifted_by[line.ref] = line.lifted_by;
  }
  // Refs rated -- by the stance are red lines too (dossier 13.4: they act as vetoes).
  for (const auto& [ref, support] : k.support)
    if (support <= kRedLine) k.red_lines.insert(ref);
  {
    std::map<std::string, std::int32_t> bonus;
    for (const auto& priority : setup.priorities) {
      const auto family = catalogue.family_of(priority);
      for (const auto& option : own_view.settings.clause_table) {
        if (option.ref == priority)
          bonus[option.ref] += kPriorityBonus;
        else if (!family.empty() && option.family == family)
          bonus[option.ref] += kPriorityBonus / 2;
      }
    }
    for (const auto& objective : setup.objectives) {
      if (!use_objectives) break;
      auto parsed = scoring::parse_condition(objective.condition, catalogue);
      if (!parsed) continue;
      collect(*parsed.condition, true, catalogue, own_view, k, bonus);
      k.objectives.push_back(std::move(*parsed.condition));
    }
    // A clause an inject made urgent weighs more for a state that does not oppose it.
    for (const auto& ref : own_view.urgent_refs)
      if (k.value[ref] >= 0) bonus[ref] += kUrgentBonus;
    for (const auto& [ref, extra] : bonus)
      k.value[ref] += extra;
  }
  for (const auto& ref : k.red_lines)
    k.value[ref] = std::min(k.value[ref], kRedLineValue);
  return k;
}

}  // namespace accord::bots
