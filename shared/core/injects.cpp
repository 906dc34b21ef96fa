// Crisis injects: the facilitator (or the scenario's schedule) fires one from the match's
// library; its effects are applied by the rules like any other event, so a log with injects
// replays identically. Effects: news for everyone, clauses made urgent or put on the table,
// priority shifts told only to their seats, an emergency vote on a short statement, and extra
// drafting time.
#include <algorithm>

#include "core/rules_internal.hpp"

namespace accord::detail {
namespace {

const InjectSetup* find_inject(const Match& m, const std::string& id) {
  for (const auto& inject : m.settings.injects)
    if (inject.id == id) return &inject;
  return nullptr;
}

}  // namespace

bool fired(const Match& m, const std::string& id) {
  return std::any_of(m.injects_fired.begin(), m.injects_fired.end(),
                     [&](const FiredInject& f) { return f.id == id; });
}

namespace {

void add_sorted_unique(std::vector<std::string>& values, const std::string& value) {
  const auto at = std::lower_bound(values.begin(), values.end(), value);
  if (at == values.end() || *at != value) values.insert(at, value);
}

}  // namespace

InjectFired inject_event(const Match& m, const InjectSetup& inject, TimeMs now, bool scheduled) {
  InjectFired e;
  e.inject = inject.id;
  e.title = inject.title;
  e.news = inject.news;
  e.at = now;
  e.scheduled = scheduled;
  e.urgent_refs = inject.urgent_refs;
  e.new_refs = inject.new_refs;
  for (const auto& shift : inject.shifts)
    if (shift.seat < m.seats.size()) e.shifts.push_back(shift);
  e.statement = inject.statement;
  e.statement_ref = inject.statement_ref;
  if (!inject.statement.empty()) e.statement_closes_at = now + inject.statement_vote_ms;
  e.extra_drafting_ms = inject.extra_drafting_ms;
  return e;
}

std::vector<Event> scheduled_injects(const Match& m, TimeMs now) {
  std::vector<Event> events;
  if (m.phase == Phase::lobby || m.phase == Phase::debrief) return events;
  std::vector<std::string> firing;
  for (const auto& plan : m.settings.inject_schedule) {
    if (plan.phase != m.phase || plan.round != m.round) continue;
    if (now < m.phase_started_at + plan.after_ms) continue;
    const auto* inject = find_inject(m, plan.inject);
    if (!inject || fired(m, plan.inject) ||
        std::find(firing.begin(), firing.end(), plan.inject) != firing.end())
      continue;
    firing.push_back(plan.inject);
    events.push_back(inject_event(m, *inject, now, true));
  }
  return events;
}

std::vector<VoteResult> close_statements(const Match& m, std::optional<TimeMs> now) {
  std::vector<VoteResult> results;
  for (std::uint32_t i = 0; i < m.statements.size(); ++i) {
    const auto& statement = m.statements[i];
    if (statement.vote.state != VoteState::open) continue;
    if (now && *now < statement.closes_at) continue;
    results.push_back(tally(m, statement.vote, VoteOn::statement, i));
  }
  return results;
}

template <>
Decision decide_command(const DecideContext& ctx, const FireInject& cmd) {
  const auto& m = ctx.match;
  const auto* inject = find_inject(m, cmd.inject);
  if (!inject)
    return reject(RejectCode::no_such_inject, "inject",
                  "There is no inject \"" + cmd.inject + "\" in this match's library.");
  if (m.phase == Phase::lobby)
    return reject(RejectCode::wrong_phase, "", "Injects can be fired once the match has started.");
  if (m.phase == Phase::debrief)
    return reject(RejectCode::wrong_phase, "", "The negotiation is over: no more injects.");
  if (fired(m, cmd.inject))
    return reject(RejectCode::already_done, "inject",
                  "\"" + inject->title + "\" has already been fired in this match.");
  // Allowed while paused: a facilitator may stop the clock to read the news out.
  return Decision::accept({inject_event(m, *inject, ctx.now, false)});
}

template <>
void apply_event(Match& match, const InjectFired& e) {
  match.injects_fired.push_back(
      FiredInject{e.inject, e.title, e.news, e.at, match.phase, match.round, e.scheduled});
  for (const auto& ref : e.urgent_refs)
    add_sorted_unique(match.urgent_refs, ref);
  auto& table = match.settings.clause_table;
  for (const auto& option : e.new_refs)
    if (std::none_of(table.begin(), table.end(),
                     [&](const ClauseOption& o) { return o.ref == option.ref; }))
      table.push_back(option);
  for (const auto& shift : e.shifts) {
    if (shift.seat >= match.settings.seats.size()) continue;
    // The seat reads why in its own brief (secret like the rest of it).
    auto& brief = match.settings.seats[shift.seat].brief;
    brief += (brief.empty() ? "" : "\n\n") + e.title + ": " + shift.note;
    auto& priorities = match.settings.seats[shift.seat].priorities;
    for (const auto& ref : shift.remove)
      priorities.erase(std::remove(priorities.begin(), priorities.end(), ref), priorities.end());
    for (const auto& ref : shift.add)
      if (std::find(priorities.begin(), priorities.end(), ref) == priorities.end())
        priorities.push_back(ref);
  }
  if (!e.statement.empty()) {
    Statement statement{e.statement, e.statement_ref, e.inject, e.statement_closes_at, {}};
    statement.vote.state = VoteState::open;
    statement.vote.ballots.assign(match.seats.size(), std::nullopt);
    statement.vote.eligible = static_cast<std::uint32_t>(occupied_seats(match).size());
    match.statements.push_back(std::move(statement));
  }
  if (e.extra_drafting_ms > 0) {
    if (match.phase != Phase::drafting)
      match.drafting_bonus_ms += e.extra_drafting_ms;
    else if (match.paused_remaining)
      *match.paused_remaining += e.extra_drafting_ms;
    else if (match.deadline)
      *match.deadline += e.extra_drafting_ms;
  }
}

}  // namespace accord::detail

namespace accord {

std::optional<TimeMs> next_inject_timer(const Match& m) {
  if (m.paused_at) return std::nullopt;
  std::optional<TimeMs> next;
  const auto consider = [&](TimeMs at) { next = next ? std::min(*next, at) : at; };
  for (const auto& statement : m.statements)
    if (statement.vote.state == VoteState::open) consider(statement.closes_at);
  if (m.phase != Phase::lobby && m.phase != Phase::debrief)
    for (const auto& plan : m.settings.inject_schedule)
      if (plan.phase == m.phase && plan.round == m.round && !detail::fired(m, plan.inject))
        consider(m.phase_started_at + plan.after_ms);
  return next;
}

}  // namespace accord
