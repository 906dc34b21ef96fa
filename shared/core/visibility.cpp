#include "core/visibility.hpp"

#include "core/rules_internal.hpp"

namespace accord {
namespace {

bool privileged(const Viewer& viewer) {
  return viewer.kind == ViewerKind::server || viewer.kind == ViewerKind::facilitator;
}

bool is_seat(const Viewer& viewer, SeatIndex seat) {
  return viewer.kind == ViewerKind::seat && viewer.seat == seat;
}

bool private_channels_revealed(const Match& m) {
  return m.secrets_revealed && m.settings.rules.reveal_private_channels;
}

bool is_placeholder(const Deal& deal) {
  return deal.from_terms.empty() && deal.to_terms.empty();
}

Channel placeholder(const Channel& channel) {
  Channel blank;
  blank.kind = channel.kind;
  return blank;
}

void blank_hidden_texts(std::vector<ChatMessage>& messages) {
  for (auto& message : messages)
    if (message.hidden) message.text.clear();
}

// Keeps a ballot box's secrets: the viewer's own ballot only, unless a roll-call has closed.
void hide_ballots(const Match& m, VoteRecord& vote, const Viewer& viewer) {
  if (vote.state == VoteState::closed && m.settings.rules.ballot == BallotKind::roll_call) return;
  for (SeatIndex s = 0; s < vote.ballots.size(); ++s)
    if (!is_seat(viewer, s)) vote.ballots[s].reset();
}

// ---------------------------------------------------------------- redact(), one per
// Audience::filtered event; returning nullopt drops the event from that viewer's stream.

std::optional<Event> redact(const Match&, const NoteWritten& e, const Viewer& viewer) {
  if (sees_seat_secrets(viewer, e.seat)) return e;
  NoteWritten redacted = e;
  redacted.text.clear();
  return redacted;
}

std::optional<Event> redact(const Match&, const MatchStarted& e, const Viewer& viewer) {
  if (viewer.kind == ViewerKind::server) return e;
  MatchStarted redacted = e;
  redacted.rng_after = Pcg32{};
  return redacted;
}

std::optional<Event> redact(const Match& m, const MessagePosted& e, const Viewer& viewer) {
  if (channel_sight(m, viewer, e.channel) != ChannelSight::full) return std::nullopt;
  return e;
}

std::optional<Event> redact(const Match& m, const ChannelOpened& e, const Viewer& viewer) {
  const bool member =
      viewer.kind == ViewerKind::seat &&
      (detail::contains(e.members, viewer.seat) || detail::contains(e.invited, viewer.seat));
  if (privileged(viewer) || member || private_channels_revealed(m)) return e;
  return ChannelOpened{e.kind, "", {}, {}};
}

std::optional<Event> redact(const Match& m, const CaucusInvited& e, const Viewer& viewer) {
  if (is_seat(viewer, e.seat) || channel_sight(m, viewer, e.channel) != ChannelSight::none)
    return e;
  return std::nullopt;
}

std::optional<Event> redact(const Match& m, const CaucusJoined& e, const Viewer& viewer) {
  const auto sight = channel_sight(m, viewer, e.channel);
  if (sight == ChannelSight::full || is_seat(viewer, e.seat)) return e;
  if (sight == ChannelSight::none) return std::nullopt;
  CaucusJoined redacted = e;  // another invitee: sees who joined, not what was said
  redacted.history.clear();
  return redacted;
}

std::optional<Event> redact(const Match& m, const CaucusLeft& e, const Viewer& viewer) {
  if (channel_sight(m, viewer, e.channel) == ChannelSight::none) return std::nullopt;
  CaucusLeft copy = e;
  // The leaving seat loses sight of the channel, unless everyone sees it anyway.
  copy.forget = is_seat(viewer, e.seat) && !private_channels_revealed(m);
  return copy;
}

std::optional<Event> redact(const Match& m, const MessageHidden& e, const Viewer& viewer) {
  if (channel_sight(m, viewer, e.channel) != ChannelSight::full) return std::nullopt;
  if (privileged(viewer) || !e.hidden) return e;
  MessageHidden redacted = e;
  redacted.text.clear();
  return redacted;
}

std::optional<Event> redact(const Match&, const ClauseHidden& e, const Viewer& viewer) {
  if (privileged(viewer) || !e.hidden) return e;
  ClauseHidden redacted = e;
  redacted.text.clear();
  return redacted;
}

std::optional<Event> redact(const Match&, const DealOffered& e, const Viewer& viewer) {
  if (privileged(viewer) || is_seat(viewer, e.deal.from) || is_seat(viewer, e.deal.to)) return e;
  return DealOffered{Deal{}};
}

std::optional<Event> redact(const Match& m, const DealAnswered& e, const Viewer& viewer) {
  if (sees_deal(m, viewer, e.deal)) return e;
  return std::nullopt;
}

std::optional<Event> redact(const Match& m, const DealWithdrawn& e, const Viewer& viewer) {
  if (sees_deal(m, viewer, e.deal)) return e;
  return std::nullopt;
}

std::optional<Event> redact(const Match&, const BallotCast& e, const Viewer& viewer) {
  if (viewer.kind == ViewerKind::server || (e.seat && is_seat(viewer, *e.seat))) return e;
  BallotCast redacted = e;
  redacted.seat.reset();
  redacted.ballot.reset();
  return redacted;
}

// Each seat learns only its own priority shift.
std::optional<Event> redact(const Match&, const InjectFired& e, const Viewer& viewer) {
  if (privileged(viewer)) return e;
  InjectFired redacted = e;
  std::erase_if(redacted.shifts, [&](const PriorityShift& s) { return !is_seat(viewer, s.seat); });
  return redacted;
}

}  // namespace

bool sees_seat_secrets(const Viewer& viewer, SeatIndex seat) {
  return privileged(viewer) || is_seat(viewer, seat);
}

ChannelSight channel_sight(const Match& m, const Viewer& viewer, ChannelId id) {
  if (id >= m.channels.size()) return ChannelSight::none;
  const auto& channel = m.channels[id];
  if (channel.kind == ChannelKind::plenary || privileged(viewer) || private_channels_revealed(m))
    return ChannelSight::full;
  if (viewer.kind != ViewerKind::seat) return ChannelSight::none;
  if (detail::contains(channel.members, viewer.seat)) return ChannelSight::full;
  if (detail::contains(channel.invited, viewer.seat)) return ChannelSight::partial;
  return ChannelSight::none;
}

bool sees_deal(const Match& m, const Viewer& viewer, DealId id) {
  if (id >= m.deals.size()) return false;
  const auto& deal = m.deals[id];
  if (privileged(viewer) || is_seat(viewer, deal.from) || is_seat(viewer, deal.to)) return true;
  return m.secrets_revealed &&
         (deal.status == DealStatus::accepted || m.settings.rules.reveal_private_channels);
}

Match view_for(const Match& match, const Viewer& viewer) {
  if (viewer.kind == ViewerKind::server) return match;
  Match view = match;
  view.rng = Pcg32{};
  const bool facilitator = viewer.kind == ViewerKind::facilitator;
  if (!facilitator) {  // the class learns of an inject when it fires
    view.settings.injects.clear();
    view.settings.inject_schedule.clear();
  }
  for (SeatIndex s = 0; s < view.seats.size(); ++s) {
    if (sees_seat_secrets(viewer, s)) continue;
    view.seats[s].private_note.clear();
    if (!match.secrets_revealed && s < view.settings.seats.size()) {
      auto& setup = view.settings.seats[s];
      setup.brief.clear();
      setup.priorities.clear();
      setup.red_lines.clear();
      setup.stance.clear();
      setup.objectives.clear();
    }
  }
  for (ChannelId c = 0; c < view.channels.size(); ++c) {
    auto& channel = view.channels[c];
    switch (channel_sight(match, viewer, c)) {
      case ChannelSight::full:
        if (!facilitator) blank_hidden_texts(channel.messages);
        break;
      case ChannelSight::partial:
        channel.messages.clear();
        break;
      case ChannelSight::none:
        channel = placeholder(channel);
        break;
    }
  }
  for (auto& clause : view.clauses) {
    if (clause.hidden && !facilitator) clause.text.clear();
    hide_ballots(match, clause.vote, viewer);
  }
  for (auto& statement : view.statements)
    hide_ballots(match, statement.vote, viewer);
  for (auto& draft : view.drafts) {
    hide_ballots(match, draft.final_vote, viewer);
    hide_ballots(match, draft.package_vote, viewer);
  }
  for (DealId d = 0; d < view.deals.size(); ++d)
    if (!sees_deal(match, viewer, d)) view.deals[d] = Deal{};
  return view;
}

std::optional<Event> filter_event(const Match& before, const Event& event, const Viewer& viewer) {
  return std::visit(
      [&](const auto& e) -> std::optional<Event> {
        using E = std::decay_t<decltype(e)>;
        if constexpr (E::kAudience == Audience::everyone) {
          return e;
        } else {
          static_assert(
              requires { redact(before, e, viewer); },
              "an Audience::filtered event needs a redact() overload");
          return redact(before, e, viewer);
        }
      },
      event);
}

namespace detail {

SecretsRevealed debrief_reveal(const Match& m) {
  SecretsRevealed reveal;
  reveal.seats = m.settings.seats;
  if (m.settings.rules.reveal_private_channels) {
    for (ChannelId c = 0; c < m.channels.size(); ++c) {
      if (m.channels[c].kind == ChannelKind::plenary) continue;
      ChannelReveal revealed{c, m.channels[c]};
      blank_hidden_texts(revealed.contents.messages);
      reveal.channels.push_back(std::move(revealed));
    }
  }
  for (DealId d = 0; d < m.deals.size(); ++d)
    if (m.deals[d].status == DealStatus::accepted || m.settings.rules.reveal_private_channels)
      reveal.deals.push_back(DealReveal{d, m.deals[d]});
  return reveal;
}

// Merges rather than overwrites: a view that already held a secret (the server's, a member's)
// keeps its own copy, which may be fuller (hidden texts for the facilitator).
template <>
void apply_event(Match& match, const SecretsRevealed& e) {
  match.secrets_revealed = true;
  for (std::size_t s = 0; s < e.seats.size() && s < match.settings.seats.size(); ++s)
    match.settings.seats[s] = e.seats[s];
  for (const auto& reveal : e.channels) {
    if (reveal.channel >= match.channels.size()) continue;
    auto& local = match.channels[reveal.channel];
    local.name = reveal.contents.name;
    local.members = reveal.contents.members;
    local.invited = reveal.contents.invited;
    for (std::size_t i = local.messages.size(); i < reveal.contents.messages.size(); ++i)
      local.messages.push_back(reveal.contents.messages[i]);
  }
  for (const auto& reveal : e.deals)
    if (reveal.deal < match.deals.size() && is_placeholder(match.deals[reveal.deal]))
      match.deals[reveal.deal] = reveal.contents;
}

}  // namespace detail
}  // namespace accord
