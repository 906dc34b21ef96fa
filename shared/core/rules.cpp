#include "core/rules.hpp"

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
  }
  return false;
}

std::optional<Phase> next_phase(Phase phase) {
  switch (phase) {
    case Phase::briefing:
      return Phase::drafting;
    case Phase::drafting:
      return Phase::debrief;
    case Phase::lobby:
    case Phase::debrief:
      return std::nullopt;
  }
  return std::nullopt;
}

}  // namespace

namespace detail {
std::optional<TimeMs> phase_length(const MatchSettings& settings, Phase phase) {
  switch (phase) {
    case Phase::briefing:
      return settings.briefing_ms;
    case Phase::drafting:
      return settings.drafting_ms;
    case Phase::lobby:
    case Phase::debrief:
      return std::nullopt;
  }
  return std::nullopt;
}
}  // namespace detail

std::optional<Rejection> validate_settings(const MatchSettings& s) {
  auto bad = [](std::string field, std::string message) {
    return Rejection{RejectCode::not_allowed, std::move(field), std::move(message)};
  };
  if (s.seat_names.empty() || s.seat_names.size() > 64)
    return bad("seat_names", "A match needs between 1 and 64 seats.");
  for (const auto& name : s.seat_names)
    if (name.empty()) return bad("seat_names", "Every seat needs a name.");
  if (s.max_delegation_size < 1 || s.max_delegation_size > 8)
    return bad("max_delegation_size", "A delegation has between 1 and 8 members.");
  if (s.max_participants < 1 || s.max_participants > 1000)
    return bad("max_participants", "A match admits between 1 and 1000 participants.");
  if (s.max_name_bytes < 1 || s.max_chat_bytes < 1)
    return bad("max_name_bytes", "Name and chat limits must be positive.");
  if (s.briefing_ms < 1000 || s.drafting_ms < 1000)
    return bad("briefing_ms", "Every phase lasts at least one second.");
  return std::nullopt;
}

Match new_match(const MatchSettings& settings, std::uint64_t seed) {
  Match match;
  match.settings = settings;
  match.rng = Pcg32::seeded(seed);
  for (const auto& name : settings.seat_names)
    match.seats.push_back(Seat{name, {}});
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

Decision decide(const Match& match, const Actor& actor, const Command& command, TimeMs now) {
  return std::visit(
      [&](const auto& cmd) -> Decision {
        using C = std::decay_t<decltype(cmd)>;
        if (!sender_allowed(C::kSenders, actor.kind)) {
          return detail::reject(RejectCode::not_allowed, "",
                                std::string("A ") + std::string(to_string(actor.kind)) +
                                    " cannot do this (" + std::string(C::kName) + ").");
        }
        if (actor.kind == ActorKind::participant && !participant_active(match, actor.participant))
          return detail::reject(RejectCode::unknown_participant, "",
                                "You are not a participant of this match.");
        return detail::decide_command(detail::DecideContext{match, actor, now}, cmd);
      },
      command);
}

void apply(Match& match, const Event& event) {
  std::visit([&](const auto& e) { detail::apply_event(match, e); }, event);
}

std::vector<Event> tick(const Match& match, TimeMs now) {
  if (!match.deadline || now < *match.deadline) return {};
  const auto next = next_phase(match.phase);
  if (!next) return {};
  std::optional<TimeMs> deadline;
  if (auto length = detail::phase_length(match.settings, *next)) deadline = now + *length;
  return {PhaseEnded{match.phase, *next, now, deadline}};
}

}  // namespace accord
