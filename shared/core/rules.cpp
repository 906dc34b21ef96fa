#include "core/rules.hpp"

#include <algorithm>
#include <set>
#include <string>

#include "core/rules_internal.hpp"

namespace accord {
namespace {

bool sender_allowed(const Senders& senders, ActorKind kind) {
  switch (kind) {
    case ActorKind::server:
      return senders.server;
    case ActorKind::facilitator:
      return senders.facilitator;
    case ActorKind::participant:
      return senders.participant;
    case ActorKind::bot:
      return senders.bot;
  }
  return false;
}

Rejection bad_setting(std::string field, std::string message) {
  return Rejection{RejectCode::invalid_settings, std::move(field), std::move(message)};
}

}  // namespace

std::optional<Rejection> validate_rules(const RoomRules& r) {
  if (r.rounds < 1 || r.rounds > 6) return bad_setting("rules/rounds", "Play 1 to 6 rounds.");
  for (TimeMs length :
       {r.briefing_ms, r.drafting_ms, r.clause_voting_ms, r.final_vote_ms, r.adoption_window_ms})
    if (length < 1000 || length > 24 * 3600 * 1000)
      return bad_setting("rules", "Every timer lasts between one second and one day.");
  // The lobby's and the debrief's countdowns are optional (0: none).
  if (r.lobby_ms < 0 || r.lobby_ms > 24 * 3600 * 1000)
    return bad_setting("rules/lobby_ms", "The lobby's countdown lasts from 0 (none) to one day.");
  if (r.debrief_ms < 0 || r.debrief_ms > 24 * 3600 * 1000)
    return bad_setting("rules/debrief_ms",
                       "The debrief's countdown lasts from 0 (none) to one day.");
  if (r.quorum_permille > 1000)
    return bad_setting("rules/quorum_permille", "A quorum is at most 1000 per mille.");
  if (r.max_delegation_size < 1 || r.max_delegation_size > 8)
    return bad_setting("rules/max_delegation_size", "A delegation has between 1 and 8 members.");
  if (r.max_participants < 1 || r.max_participants > 1000)
    return bad_setting("rules/max_participants", "A match admits between 1 and 1000 participants.");
  if (r.max_name_bytes < 1 || r.max_chat_bytes < 1 || r.max_clause_bytes < 1)
    return bad_setting("rules/max_chat_bytes", "Name, chat and clause limits must be positive.");
  if (r.max_clauses_per_seat_per_round < 1 || r.max_pending_amendments_per_clause < 1)
    return bad_setting("rules/max_clauses_per_seat_per_round",
                       "Each seat may table and amend at least once.");
  if (r.max_caucus_members < 2)
    return bad_setting("rules/max_caucus_members", "A caucus needs room for two seats.");
  return std::nullopt;
}

std::optional<Rejection> validate_settings(const MatchSettings& s) {
  if (s.seats.empty() || s.seats.size() > 64)
    return bad_setting("seats", "A match needs between 1 and 64 seats.");
  for (std::size_t i = 0; i < s.seats.size(); ++i)
    if (s.seats[i].name.empty())
      return bad_setting("seats/" + std::to_string(i) + "/name", "Every seat needs a name.");
  std::set<std::string> refs;
  for (std::size_t i = 0; i < s.clause_table.size(); ++i) {
    const auto& option = s.clause_table[i];
    if (option.ref.empty() || option.family.empty() || !refs.insert(option.ref).second)
      return bad_setting("clause_table/" + std::to_string(i),
                         "Each clause on the table needs a unique ref and a family.");
  }
  if (s.drafts.empty() || s.drafts.size() > 8)
    return bad_setting("drafts", "A match has between 1 and 8 drafts.");
  for (std::size_t d = 0; d < s.drafts.size(); ++d) {
    const auto path = "drafts/" + std::to_string(d);
    const auto& draft = s.drafts[d];
    if (draft.title.empty()) return bad_setting(path + "/title", "Every draft needs a title.");
    for (SeatIndex sponsor : draft.sponsors)
      if (sponsor >= s.seats.size())
        return bad_setting(path + "/sponsors", "A sponsor must be one of the seats.");
    if (!draft.starting_refs.empty() && draft.sponsors.empty())
      return bad_setting(path + "/sponsors", "A starting text needs a sponsor to table it.");
    std::set<std::string> families;
    for (const auto& ref : draft.starting_refs) {
      const auto option = std::find_if(s.clause_table.begin(), s.clause_table.end(),
                                       [&](const ClauseOption& o) { return o.ref == ref; });
      if (option == s.clause_table.end())
        return bad_setting(path + "/starting_refs", "Clause " + ref + " is not on the table.");
      if (!families.insert(option->family).second)
        return bad_setting(path + "/starting_refs",
                           "Two starting clauses of family " + option->family + ".");
    }
  }
  std::set<std::string> injects;
  for (std::size_t i = 0; i < s.injects.size(); ++i) {
    const auto path = "injects/" + std::to_string(i);
    const auto& inject = s.injects[i];
    if (inject.id.empty() || !injects.insert(inject.id).second)
      return bad_setting(path + "/id", "Each inject needs a unique id.");
    if (inject.title.empty() || inject.news.empty())
      return bad_setting(path + "/news", "Each inject needs a title and its news.");
    if (!inject.statement.empty() &&
        (inject.statement_vote_ms < 10'000 || inject.statement_vote_ms > 3'600'000))
      return bad_setting(path + "/statement_vote_ms",
                         "An emergency vote lasts between ten seconds and an hour.");
    if (inject.extra_drafting_ms < 0 || inject.extra_drafting_ms > 3'600'000)
      return bad_setting(path + "/extra_drafting_ms", "Extra drafting time is at most an hour.");
    for (const auto& shift : inject.shifts)
      if (shift.seat >= s.seats.size())
        return bad_setting(path + "/shifts", "A priority shift must name one of the seats.");
    for (const auto& option : inject.new_refs)
      if (option.ref.empty() || option.family.empty())
        return bad_setting(path + "/new_refs",
                           "A clause put on the table needs a ref and a family.");
  }
  for (std::size_t i = 0; i < s.inject_schedule.size(); ++i)
    if (!injects.count(s.inject_schedule[i].inject))
      return bad_setting("inject_schedule/" + std::to_string(i) + "/inject",
                         "The schedule names an inject that is not in the library.");
  return validate_rules(s.rules);
}

Match new_match(const MatchSettings& settings, std::uint64_t seed) {
  Match match;
  match.settings = settings;
  match.rng = Pcg32::seeded(seed);
  match.seats.resize(settings.seats.size());
  match.channels.push_back(Channel{ChannelKind::plenary, "", {}, {}, {}});
  for (SeatIndex s = 0; s < settings.seats.size(); ++s)
    match.channels.push_back(Channel{ChannelKind::delegation, "", {s}, {}, {}});
  for (DraftIndex d = 0; d < settings.drafts.size(); ++d) {
    const auto& setup = settings.drafts[d];
    Draft draft;
    draft.title = setup.title;
    draft.sponsors = setup.sponsors;
    std::sort(draft.sponsors.begin(), draft.sponsors.end());
    match.drafts.push_back(draft);
    for (const auto& ref : setup.starting_refs) {
      Clause clause;
      clause.draft = d;
      clause.ref = ref;
      for (const auto& option : settings.clause_table)
        if (option.ref == ref) clause.family = option.family;
      clause.sponsor = setup.sponsors.empty() ? 0 : setup.sponsors.front();
      clause.tabled_by_bot = true;  // tabled by the scenario, not by a participant
      match.clauses.push_back(clause);
    }
  }
  return match;
}

bool participant_active(const Match& match, ParticipantId id) {
  return id < match.participants.size() && !match.participants[id].left;
}

std::vector<ParticipantId> delegation_of(const Match& match, SeatIndex seat) {
  std::vector<ParticipantId> members;
  for (ParticipantId id = 0; id < match.participants.size(); ++id) {
    const auto& p = match.participants[id];
    if (!p.left && p.seat == seat) members.push_back(id);
  }
  return members;
}

std::vector<ClauseId> clauses_of(const Match& match, DraftIndex draft) {
  std::vector<ClauseId> ids;
  for (ClauseId c = 0; c < match.clauses.size(); ++c)
    if (match.clauses[c].draft == draft) ids.push_back(c);
  return ids;
}

std::optional<DraftIndex> package_of(const Match& match, ClauseId clause) {
  for (DraftIndex d = 0; d < match.drafts.size(); ++d) {
    const auto& package = match.drafts[d].starting_package;
    if (std::find(package.begin(), package.end(), clause) != package.end()) return d;
  }
  return std::nullopt;
}

std::optional<TimeMs> planned_phase_end(const Match& match) {
  const auto& rules = match.settings.rules;
  if (match.phase == Phase::lobby && match.lobby_opened_at && rules.lobby_ms > 0)
    return *match.lobby_opened_at + rules.lobby_ms;
  if (match.phase == Phase::debrief && rules.debrief_ms > 0)
    return match.phase_started_at + rules.debrief_ms;
  return match.deadline;
}

namespace detail {

bool seat_has_delegation(const Match& match, SeatIndex seat) {
  return std::any_of(match.participants.begin(), match.participants.end(),
                     [&](const Participant& p) { return !p.left && p.seat == seat; });
}

bool seat_occupied(const Match& match, SeatIndex seat) {
  return seat < match.seats.size() && (match.seats[seat].bot || seat_has_delegation(match, seat));
}

std::vector<SeatIndex> occupied_seats(const Match& match) {
  std::vector<SeatIndex> seats;
  for (SeatIndex s = 0; s < match.seats.size(); ++s)
    if (seat_occupied(match, s)) seats.push_back(s);
  return seats;
}

std::string seat_name(const Match& match, SeatIndex seat) {
  return seat < match.settings.seats.size() ? match.settings.seats[seat].name
                                            : "seat " + std::to_string(seat);
}

void fix_head(Match& match, SeatIndex seat) {
  if (seat >= match.seats.size()) return;
  auto& head = match.seats[seat].head;
  if (head && participant_active(match, *head) && match.participants[*head].seat == seat) return;
  const auto members = delegation_of(match, seat);
  head = members.empty() ? std::nullopt : std::optional<ParticipantId>(members.front());
}

bool contains(const std::vector<SeatIndex>& seats, SeatIndex seat) {
  return std::find(seats.begin(), seats.end(), seat) != seats.end();
}

void insert_sorted(std::vector<SeatIndex>& seats, SeatIndex seat) {
  const auto at = std::lower_bound(seats.begin(), seats.end(), seat);
  if (at == seats.end() || *at != seat) seats.insert(at, seat);
}

void erase_value(std::vector<SeatIndex>& seats, SeatIndex seat) {
  seats.erase(std::remove(seats.begin(), seats.end(), seat), seats.end());
}

std::optional<SeatIndex> acting_seat(const Match& match, const Actor& actor) {
  if (actor.kind == ActorKind::participant && actor.participant < match.participants.size())
    return match.participants[actor.participant].seat;
  if (actor.kind == ActorKind::bot) return actor.seat;
  return std::nullopt;
}

std::optional<Decision> require_seat(const DecideContext& ctx, SeatIndex& seat) {
  const auto s = acting_seat(ctx.match, ctx.actor);
  if (!s)
    return reject(RejectCode::not_seated, "", "Only a delegation holding a seat can do this.");
  seat = *s;
  return std::nullopt;
}

std::optional<Decision> require_voter(const DecideContext& ctx, SeatIndex& seat) {
  if (auto refused = require_seat(ctx, seat)) return refused;
  if (ctx.actor.kind == ActorKind::participant &&
      ctx.match.seats[seat].head != ctx.actor.participant)
    return reject(
        RejectCode::not_head, "",
        "Only the head of your delegation can do this for " + seat_name(ctx.match, seat) + ".");
  return std::nullopt;
}

std::optional<Decision> require_running(const Match& match) {
  if (match.paused_at)
    return reject(RejectCode::paused, "", "The facilitator has paused the session.");
  return std::nullopt;
}

std::optional<Decision> require_phase(const Match& match, Phase phase, const char* what) {
  if (match.phase == phase) return std::nullopt;
  return reject(RejectCode::wrong_phase, "",
                std::string(what) + " is possible in the " + std::string(to_string(phase)) +
                    " phase only; the conference is in the " + std::string(to_string(match.phase)) +
                    " phase.");
}

}  // namespace detail

Decision decide(const Match& match, const Actor& actor, const Command& command, TimeMs now) {
  return std::visit(
      [&](const auto& cmd) -> Decision {
        using C = std::decay_t<decltype(cmd)>;
        if (!sender_allowed(C::kSenders, actor.kind)) {
          return detail::reject(RejectCode::not_allowed, "",
                                std::string("The ") + std::string(to_string(actor.kind)) +
                                    " cannot do this (" + std::string(C::kName) + ").");
        }
        if (actor.kind == ActorKind::participant && !participant_active(match, actor.participant))
          return detail::reject(RejectCode::unknown_participant, "",
                                "You are not a participant of this match.");
        if (actor.kind == ActorKind::bot &&
            (actor.seat >= match.seats.size() || !match.seats[actor.seat].bot ||
             detail::seat_has_delegation(match, actor.seat)))
          return detail::reject(RejectCode::not_allowed, "",
                                "No bot plays that seat at the moment.");
        return detail::decide_command(detail::DecideContext{match, actor, now}, cmd);
      },
      command);
}

void apply(Match& match, const Event& event) {
  std::visit([&](const auto& e) { detail::apply_event(match, e); }, event);
}

}  // namespace accord
