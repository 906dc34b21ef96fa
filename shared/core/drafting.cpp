// Drafting: tabling clauses, co-sponsorship, amendments, withdrawal, hiding clauses.
// Every player command here is for the drafting phase with the clock running; the acting seat
// is the participant's seat (or the bot's).
#include <algorithm>
#include <string>

#include "core/rules_internal.hpp"

namespace accord::detail {
namespace {

std::string clause_label(ClauseId id) {
  return "clause " + std::to_string(id + 1);
}

bool blank(const std::string& text) {
  return std::all_of(text.begin(), text.end(),
                     [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; });
}

const ClauseOption* option_for(const Match& m, const std::string& ref) {
  const auto& table = m.settings.clause_table;
  const auto it =
      std::find_if(table.begin(), table.end(), [&](const ClauseOption& o) { return o.ref == ref; });
  return it == table.end() ? nullptr : &*it;
}

// The participant who speaks (0 for a bot).
ParticipantId speaker(const Actor& actor) {
  return actor.kind == ActorKind::participant ? actor.participant : 0;
}

// The common gate of the players' drafting commands: the phase, the clock, the seat.
std::optional<Decision> drafting_gate(const DecideContext& ctx, SeatIndex& seat, const char* what) {
  if (auto refused = require_phase(ctx.match, Phase::drafting, what)) return refused;
  if (auto refused = require_running(ctx.match)) return refused;
  return require_seat(ctx, seat);
}

std::optional<Decision> require_clause(const Match& m, ClauseId id) {
  if (id >= m.clauses.size())
    return reject(RejectCode::no_such_clause, "clause", "There is no such clause.");
  return std::nullopt;
}

// A tabled clause that is still in play (not hidden by the facilitator).
std::optional<Decision> require_open_clause(const Match& m, ClauseId id) {
  if (auto refused = require_clause(m, id)) return refused;
  const auto& clause = m.clauses[id];
  if (clause.status != ClauseStatus::tabled)
    return reject(RejectCode::not_pending, "clause",
                  "Clause " + std::to_string(id + 1) + " is no longer on the floor (it is " +
                      std::string(to_string(clause.status)) + ").");
  if (clause.hidden)
    return reject(RejectCode::not_allowed, "clause",
                  "The facilitator has hidden " + clause_label(id) + ".");
  return std::nullopt;
}

std::optional<Decision> check_free_text(const Match& m, const std::string& text) {
  if (blank(text)) return reject(RejectCode::empty_text, "text", "Write the clause's text.");
  const auto limit = m.settings.rules.max_clause_bytes;
  if (text.size() > limit)
    return reject(RejectCode::text_too_long, "text",
                  "That text is too long (at most " + std::to_string(limit) + " bytes).");
  return std::nullopt;
}

std::uint32_t pending_amendments(const Clause& clause) {
  return static_cast<std::uint32_t>(
      std::count_if(clause.amendments.begin(), clause.amendments.end(),
                    [](const Amendment& a) { return a.status == AmendmentStatus::pending; }));
}

// Whether accepting the amendment would leave the clause exactly as it is.
bool changes_nothing(const Clause& clause, const Amendment& amendment) {
  return amendment.ref == clause.ref && amendment.text == clause.text;
}

Clause* find_clause(Match& m, ClauseId id) {
  return id < m.clauses.size() ? &m.clauses[id] : nullptr;
}

Amendment* find_amendment(Match& m, ClauseId id, std::uint32_t index) {
  Clause* clause = find_clause(m, id);
  return clause && index < clause->amendments.size() ? &clause->amendments[index] : nullptr;
}

}  // namespace

template <>
Decision decide_command(const DecideContext& ctx, const TableClause& cmd) {
  const auto& m = ctx.match;
  SeatIndex seat = 0;
  if (auto refused = drafting_gate(ctx, seat, "Tabling a clause")) return *refused;
  if (cmd.draft >= m.drafts.size())
    return reject(RejectCode::no_such_draft, "draft", "There is no such draft.");
  const auto& draft = m.drafts[cmd.draft];
  if (draft.status != DraftStatus::open)
    return reject(RejectCode::not_allowed, "draft",
                  "The draft \"" + draft.title + "\" is closed to new clauses.");
  if (!cmd.ref.empty() && !cmd.text.empty())
    return reject(RejectCode::not_allowed, "text",
                  "Table either a clause from the table or free text, not both.");
  const auto id = static_cast<ClauseId>(m.clauses.size());
  std::string family;
  if (!cmd.ref.empty()) {
    const ClauseOption* option = option_for(m, cmd.ref);
    if (!option)
      return reject(RejectCode::not_on_table, "ref",
                    "Reference " + cmd.ref + " is not on this conference's table.");
    family = option->family;
  } else {
    if (!m.settings.rules.allow_free_text)
      return reject(RejectCode::free_text_closed, "text",
                    "This room takes clauses from the table only, not free text.");
    if (auto refused = check_free_text(m, cmd.text)) return *refused;
    family = "free:" + std::to_string(id);
  }
  for (ClauseId c = 0; c < m.clauses.size(); ++c) {
    const auto& other = m.clauses[c];
    if (other.draft == cmd.draft && other.family == family &&
        (other.status == ClauseStatus::tabled || other.status == ClauseStatus::adopted))
      return reject(RejectCode::family_taken, "ref",
                    "The draft already has a clause of family " + family + " (" + clause_label(c) +
                        "): propose an amendment instead.");
  }
  const auto tabled_this_round =
      std::count_if(m.clauses.begin(), m.clauses.end(),
                    [&](const Clause& c) { return c.sponsor == seat && c.round == m.round; });
  const auto limit = m.settings.rules.max_clauses_per_seat_per_round;
  if (static_cast<std::uint64_t>(tabled_this_round) >= limit)
    return reject(
        RejectCode::limit_reached, "",
        "Your delegation has tabled its " + std::to_string(limit) + " clauses for this round.");
  return Decision::accept(
      {ClauseTabled{cmd.draft, cmd.ref, family, cmd.text, seat, speaker(ctx.actor),
                    ctx.actor.kind == ActorKind::bot, m.round}});
}

template <>
Decision decide_command(const DecideContext& ctx, const WithdrawClause& cmd) {
  const auto& m = ctx.match;
  SeatIndex seat = 0;
  if (auto refused = drafting_gate(ctx, seat, "Withdrawing a clause")) return *refused;
  if (auto refused = require_clause(m, cmd.clause)) return *refused;
  const auto& clause = m.clauses[cmd.clause];
  if (clause.sponsor != seat)
    return reject(RejectCode::not_sponsor, "clause",
                  "Only its sponsor, " + seat_name(m, clause.sponsor) + ", can withdraw " +
                      clause_label(cmd.clause) + ".");
  if (clause.status != ClauseStatus::tabled)
    return reject(RejectCode::not_pending, "clause",
                  "Clause " + std::to_string(cmd.clause + 1) + " is already " +
                      std::string(to_string(clause.status)) + ".");
  return Decision::accept({ClauseWithdrawn{cmd.clause}});
}

template <>
Decision decide_command(const DecideContext& ctx, const Cosponsor& cmd) {
  const auto& m = ctx.match;
  SeatIndex seat = 0;
  if (auto refused = drafting_gate(ctx, seat, "Co-sponsoring")) return *refused;
  if (auto refused = require_open_clause(m, cmd.clause)) return *refused;
  const auto& clause = m.clauses[cmd.clause];
  if (clause.sponsor == seat)
    return reject(RejectCode::own_clause, "clause",
                  "Your delegation sponsors " + clause_label(cmd.clause) + " already.");
  if (contains(clause.cosponsors, seat))
    return reject(RejectCode::already_done, "clause",
                  "Your delegation already co-sponsors " + clause_label(cmd.clause) + ".");
  return Decision::accept({CosponsorAdded{cmd.clause, seat}});
}

template <>
Decision decide_command(const DecideContext& ctx, const WithdrawCosponsorship& cmd) {
  const auto& m = ctx.match;
  SeatIndex seat = 0;
  if (auto refused = drafting_gate(ctx, seat, "Withdrawing co-sponsorship")) return *refused;
  if (auto refused = require_clause(m, cmd.clause)) return *refused;
  const auto& clause = m.clauses[cmd.clause];
  if (!contains(clause.cosponsors, seat))
    return reject(RejectCode::unchanged, "clause",
                  "Your delegation does not co-sponsor " + clause_label(cmd.clause) + ".");
  if (clause.status != ClauseStatus::tabled)  // co-sponsors stand as they were at the vote
    return reject(RejectCode::not_pending, "clause",
                  "Clause " + std::to_string(cmd.clause + 1) + " has already been voted on.");
  return Decision::accept({CosponsorWithdrawn{cmd.clause, seat}});
}

template <>
Decision decide_command(const DecideContext& ctx, const ProposeAmendment& cmd) {
  const auto& m = ctx.match;
  SeatIndex seat = 0;
  if (auto refused = drafting_gate(ctx, seat, "Proposing an amendment")) return *refused;
  if (auto refused = require_open_clause(m, cmd.clause)) return *refused;
  const auto& clause = m.clauses[cmd.clause];
  if (!clause.ref.empty()) {  // a catalogue clause: switch to another variant of its family
    if (!cmd.text.empty())
      return reject(RejectCode::not_allowed, "text",
                    "A clause from the table is amended by choosing another variant.");
    if (cmd.ref.empty())
      return reject(RejectCode::not_allowed, "ref", "Choose the variant to switch to.");
    const ClauseOption* option = option_for(m, cmd.ref);
    if (!option)
      return reject(RejectCode::not_on_table, "ref",
                    "Reference " + cmd.ref + " is not on this conference's table.");
    if (option->family != clause.family)
      return reject(RejectCode::not_allowed, "ref",
                    "Reference " + cmd.ref + " is not a variant of " + clause.ref + " (family " +
                        clause.family + ").");
    if (cmd.ref == clause.ref)
      return reject(RejectCode::unchanged, "ref",
                    "Clause " + std::to_string(cmd.clause + 1) + " is already " + clause.ref + ".");
  } else {  // a free-text clause: replace its text
    if (!cmd.ref.empty())
      return reject(RejectCode::not_allowed, "ref",
                    "A free-text clause is amended by replacing its text.");
    if (auto refused = check_free_text(m, cmd.text)) return *refused;
    if (cmd.text == clause.text)
      return reject(RejectCode::unchanged, "text",
                    "Clause " + std::to_string(cmd.clause + 1) + " already says exactly that.");
  }
  const bool own = clause.sponsor == seat;
  const auto limit = m.settings.rules.max_pending_amendments_per_clause;
  if (!own && pending_amendments(clause) >= limit)
    return reject(RejectCode::limit_reached, "clause",
                  "Clause " + std::to_string(cmd.clause + 1) + " already has " +
                      std::to_string(limit) + " amendments waiting for an answer.");
  const auto index = static_cast<std::uint32_t>(clause.amendments.size());
  Amendment amendment{seat,     speaker(ctx.actor),       cmd.ref,
                      cmd.text, AmendmentStatus::pending, ctx.now};
  std::vector<Event> events{AmendmentProposed{cmd.clause, std::move(amendment)}};
  // The sponsor amending its own clause needs nobody's consent.
  if (own) events.push_back(AmendmentAnswered{cmd.clause, index, true});
  return Decision::accept(std::move(events));
}

template <>
Decision decide_command(const DecideContext& ctx, const AnswerAmendment& cmd) {
  const auto& m = ctx.match;
  SeatIndex seat = 0;
  if (auto refused = drafting_gate(ctx, seat, "Answering an amendment")) return *refused;
  if (auto refused = require_clause(m, cmd.clause)) return *refused;
  const auto& clause = m.clauses[cmd.clause];
  if (clause.sponsor != seat)
    return reject(RejectCode::not_sponsor, "clause",
                  "Only its sponsor, " + seat_name(m, clause.sponsor) + ", answers amendments to " +
                      clause_label(cmd.clause) + ".");
  if (cmd.amendment >= clause.amendments.size())
    return reject(RejectCode::no_such_amendment, "amendment", "There is no such amendment.");
  const auto& amendment = clause.amendments[cmd.amendment];
  if (amendment.status != AmendmentStatus::pending)
    return reject(RejectCode::not_pending, "amendment",
                  "That amendment is no longer pending (it is " +
                      std::string(to_string(amendment.status)) + ").");
  // While hidden, the clause's text is the facilitator's to see: it cannot change under cover.
  if (clause.hidden)
    return reject(RejectCode::not_allowed, "clause",
                  "The facilitator has hidden " + clause_label(cmd.clause) + ".");
  if (cmd.accept && changes_nothing(clause, amendment))
    return reject(
        RejectCode::unchanged, "amendment",
        "Clause " + std::to_string(cmd.clause + 1) + " already reads as this amendment proposes.");
  return Decision::accept({AmendmentAnswered{cmd.clause, cmd.amendment, cmd.accept}});
}

template <>
Decision decide_command(const DecideContext& ctx, const WithdrawAmendment& cmd) {
  const auto& m = ctx.match;
  SeatIndex seat = 0;
  if (auto refused = drafting_gate(ctx, seat, "Withdrawing an amendment")) return *refused;
  if (auto refused = require_clause(m, cmd.clause)) return *refused;
  const auto& clause = m.clauses[cmd.clause];
  if (cmd.amendment >= clause.amendments.size())
    return reject(RejectCode::no_such_amendment, "amendment", "There is no such amendment.");
  const auto& amendment = clause.amendments[cmd.amendment];
  if (amendment.proposer != seat)
    return reject(RejectCode::not_allowed, "amendment",
                  "Only " + seat_name(m, amendment.proposer) +
                      ", who proposed it, can withdraw this amendment.");
  if (amendment.status != AmendmentStatus::pending)
    return reject(RejectCode::not_pending, "amendment",
                  "That amendment is no longer pending (it is " +
                      std::string(to_string(amendment.status)) + ").");
  return Decision::accept({AmendmentWithdrawn{cmd.clause, cmd.amendment}});
}

template <>
Decision decide_command(const DecideContext& ctx, const HideClause& cmd) {
  const auto& m = ctx.match;
  if (auto refused = require_clause(m, cmd.clause)) return *refused;
  const auto& clause = m.clauses[cmd.clause];
  if (clause.hidden == cmd.hidden)
    return reject(RejectCode::unchanged, "hidden",
                  cmd.hidden ? "Clause " + std::to_string(cmd.clause + 1) + " is already hidden."
                             : "Clause " + std::to_string(cmd.clause + 1) + " is not hidden.");
  if (clause.vote.state == VoteState::open)
    return reject(RejectCode::not_allowed, "clause",
                  "The vote on " + clause_label(cmd.clause) + " is open: wait until it closes.");
  return Decision::accept({ClauseHidden{cmd.clause, cmd.hidden, clause.text}});
}

template <>
void apply_event(Match& match, const ClauseTabled& e) {
  Clause clause;
  clause.draft = e.draft;
  clause.ref = e.ref;
  clause.family = e.family;
  clause.text = e.text;
  clause.sponsor = e.sponsor;
  clause.tabled_by = e.tabled_by;
  clause.tabled_by_bot = e.by_bot;
  clause.round = e.round;
  match.clauses.push_back(std::move(clause));
}

// A withdrawn clause takes its pending amendments with it.
template <>
void apply_event(Match& match, const ClauseWithdrawn& e) {
  Clause* clause = find_clause(match, e.clause);
  if (!clause) return;
  clause->status = ClauseStatus::withdrawn;
  for (auto& amendment : clause->amendments)
    if (amendment.status == AmendmentStatus::pending) amendment.status = AmendmentStatus::lapsed;
}

template <>
void apply_event(Match& match, const CosponsorAdded& e) {
  Clause* clause = find_clause(match, e.clause);
  if (!clause) return;
  insert_sorted(clause->cosponsors, e.seat);
  if (contains(clause->lapsed_cosponsors, e.seat)) {
    erase_value(clause->lapsed_cosponsors, e.seat);
    insert_sorted(clause->renewed, e.seat);
  }
}

template <>
void apply_event(Match& match, const CosponsorWithdrawn& e) {
  Clause* clause = find_clause(match, e.clause);
  if (!clause) return;
  erase_value(clause->cosponsors, e.seat);
  erase_value(clause->renewed, e.seat);
}

template <>
void apply_event(Match& match, const AmendmentProposed& e) {
  if (Clause* clause = find_clause(match, e.clause)) clause->amendments.push_back(e.amendment);
}

template <>
void apply_event(Match& match, const AmendmentAnswered& e) {
  Clause* clause = find_clause(match, e.clause);
  Amendment* amendment = find_amendment(match, e.clause, e.amendment);
  if (!clause || !amendment) return;
  if (!e.accepted) {
    amendment->status = AmendmentStatus::rejected;
    return;
  }
  amendment->status = AmendmentStatus::accepted;
  clause->ref = amendment->ref;
  clause->text = amendment->text;
  if (!amendment->ref.empty())
    for (const auto& option : match.settings.clause_table)
      if (option.ref == amendment->ref) clause->family = option.family;
  ++clause->version;
  // A changed text needs fresh support: every co-sponsorship lapses until renewed.
  for (SeatIndex s : clause->cosponsors)
    insert_sorted(clause->lapsed_cosponsors, s);
  for (SeatIndex s : clause->renewed)
    insert_sorted(clause->lapsed_cosponsors, s);
  clause->cosponsors.clear();
  clause->renewed.clear();
}

template <>
void apply_event(Match& match, const AmendmentWithdrawn& e) {
  if (Amendment* amendment = find_amendment(match, e.clause, e.amendment))
    amendment->status = AmendmentStatus::withdrawn;
}

template <>
void apply_event(Match& match, const ClauseHidden& e) {
  Clause* clause = find_clause(match, e.clause);
  if (!clause) return;
  clause->hidden = e.hidden;
  clause->text = e.text;
}

}  // namespace accord::detail
