#include "replay.hpp"

#include <algorithm>

namespace accord::client {
namespace {

template <class... Ts>
bool holds_one_of(const Event& event, TypeList<Ts...>) {
  return (std::holds_alternative<Ts>(event) || ... || false);
}

const std::string& seat_name(const Match& v, SeatIndex seat) {
  static const std::string unknown = "?";
  return seat < v.settings.seats.size() ? v.settings.seats[seat].name : unknown;
}

std::string participant_name(const Match& v, ParticipantId id) {
  if (id < v.participants.size()) return v.participants[id].name;
  return "?";
}

std::string number(std::uint64_t n) {
  return std::to_string(n);
}

std::string draft_title(const Match& v, DraftIndex d) {
  return d < v.drafts.size() ? v.drafts[d].title : std::string("?");
}

// Who spoke: the facilitator, the seat a delegate or bot spoke for, or the participant.
std::string author(const Strings& s, const Match& v, const ChatMessage& m) {
  if (m.from_facilitator) return s.get("chat.facilitator");
  if (m.seat) return seat_name(v, *m.seat);
  return participant_name(v, m.author);
}

std::string event_words(std::string_view name) {
  std::string words(name);
  std::replace(words.begin(), words.end(), '_', ' ');
  if (!words.empty() && words[0] >= 'a' && words[0] <= 'z')
    words[0] = static_cast<char>(words[0] - 'a' + 'A');
  return words;
}

}  // namespace

bool replay_stops_at(ReplayStop stop, const Event& event) {
  switch (stop) {
    case ReplayStop::vote:
      return holds_one_of(event, VoteResultEvents{});
    case ReplayStop::inject:
      return holds_one_of(event, InjectEvents{});
  }
  return false;
}

Replay::Replay(const ReplayRecording& recording, std::size_t checkpoint_every)
    : every_(std::max<std::size_t>(1, checkpoint_every)) {
  segments_.reserve(recording.segments().size());
  std::size_t position = 0;
  for (const auto& recorded : recording.segments()) {
    Segment segment;
    segment.offset = position;
    segment.items = recorded.items;
    ClientView view(recorded.start);
    segment.checkpoints.push_back(view);
    for (std::size_t i = 0; i < segment.items.size(); ++i) {
      view.apply(segment.items[i]);
      if ((i + 1) % every_ == 0) segment.checkpoints.push_back(view);
    }
    position += segment.items.size();
    segments_.push_back(std::move(segment));
  }
  events_.reserve(position);
  for (const auto& segment : segments_)
    for (const auto& item : segment.items)
      events_.push_back(&item);
  for (std::size_t i = 0; i < events_.size(); ++i) {
    if (replay_stops_at(ReplayStop::vote, events_[i]->event)) vote_stops_.push_back(i + 1);
    if (replay_stops_at(ReplayStop::inject, events_[i]->event)) inject_stops_.push_back(i + 1);
  }
}

// The last segment whose snapshot is at or before `position`: a resync's snapshot replaces the
// state the previous segment had reached there.
std::size_t Replay::segment_of(std::size_t position) const {
  const auto it = std::upper_bound(segments_.begin(), segments_.end(), position,
                                   [](std::size_t p, const Segment& s) { return p < s.offset; });
  return it == segments_.begin() ? 0 : static_cast<std::size_t>(it - segments_.begin()) - 1;
}

Match Replay::view_at(std::size_t position) const {
  if (segments_.empty()) return Match{};
  return at(position);
}

const Match& Replay::at(std::size_t position) const {
  position = std::min(position, size());
  const std::size_t s = segment_of(position);
  const Segment& segment = segments_[s];
  const std::size_t local = std::min(position - segment.offset, segment.items.size());
  const std::size_t checkpoint = local / every_;
  // Start from the cursor when it is between the checkpoint and the target; else from the
  // checkpoint.
  if (!(cursor_.view && cursor_.segment == s && cursor_.local <= local &&
        cursor_.local >= checkpoint * every_)) {
    cursor_.segment = s;
    cursor_.local = checkpoint * every_;
    cursor_.view = segment.checkpoints[checkpoint];
  }
  for (; cursor_.local < local; ++cursor_.local)
    cursor_.view->apply(segment.items[cursor_.local]);
  return cursor_.view->view();
}

std::optional<std::size_t> Replay::next(ReplayStop stop, std::size_t position) const {
  const auto& list = stops(stop);
  const auto it = std::upper_bound(list.begin(), list.end(), position);
  if (it == list.end()) return std::nullopt;
  return *it;
}

std::optional<std::size_t> Replay::previous(ReplayStop stop, std::size_t position) const {
  const auto& list = stops(stop);
  const auto it = std::lower_bound(list.begin(), list.end(), position);
  if (it == list.begin()) return std::nullopt;
  return *(it - 1);
}

const std::vector<std::size_t>& Replay::stops(ReplayStop stop) const {
  return stop == ReplayStop::vote ? vote_stops_ : inject_stops_;
}

std::string Replay::label_at(std::size_t index, const Strings& s) const {
  if (index >= size()) return {};
  const Match& v = at(index);
  const auto key = [](std::string_view name) { return "replay.event." + std::string(name); };
  return std::visit(
      [&](const auto& e) -> std::string {
        using E = std::decay_t<decltype(e)>;
        const std::string k = key(E::kName);
        if constexpr (std::is_same_v<E, ParticipantJoined>) {
          return s.fmt(k, {e.name});
        } else if constexpr (std::is_same_v<E, ParticipantLeft> ||
                             std::is_same_v<E, ParticipantRemoved>) {
          return s.fmt(k, {participant_name(v, e.participant)});
        } else if constexpr (std::is_same_v<E, SeatTaken>) {
          return s.fmt(k, {participant_name(v, e.participant), seat_name(v, e.seat)});
        } else if constexpr (std::is_same_v<E, PhaseEnded>) {
          return s.fmt(k, {s.get("phase." + std::string(to_string(e.ended))),
                           s.get("phase." + std::string(to_string(e.next)))});
        } else if constexpr (std::is_same_v<E, MessagePosted>) {
          const bool plenary =
              e.channel < v.channels.size() && v.channels[e.channel].kind == ChannelKind::plenary;
          return s.fmt(plenary ? k : key("message_private"), {author(s, v, e.message)});
        } else if constexpr (std::is_same_v<E, ClauseTabled>) {
          return s.fmt(
              k, {seat_name(v, e.sponsor), number(v.clauses.size() + 1), draft_title(v, e.draft)});
        } else if constexpr (std::is_same_v<E, ClauseWithdrawn> ||
                             std::is_same_v<E, AmendmentProposed> ||
                             std::is_same_v<E, ClauseTagsOverridden>) {
          return s.fmt(k, {number(std::uint64_t{e.clause} + 1)});
        } else if constexpr (std::is_same_v<E, CosponsorAdded> ||
                             std::is_same_v<E, CosponsorWithdrawn>) {
          return s.fmt(k, {seat_name(v, e.seat), number(std::uint64_t{e.clause} + 1)});
        } else if constexpr (std::is_same_v<E, AmendmentAnswered>) {
          return s.fmt(e.accepted ? key("amendment_accepted") : key("amendment_declined"),
                       {number(std::uint64_t{e.clause} + 1)});
        } else if constexpr (std::is_same_v<E, BallotCast>) {
          const std::string on = e.on == VoteOn::clause ? number(std::uint64_t{e.target} + 1)
                                                        : draft_title(v, e.target);
          const std::string which = e.on == VoteOn::clause          ? k
                                    : e.on == VoteOn::starting_text ? key("ballot_cast_package")
                                                                    : key("ballot_cast_final");
          return s.fmt(which, {number(e.cast_count), on});
        } else if constexpr (std::is_same_v<E, VotesClosed>) {
          std::size_t adopted = 0;
          for (const auto& r : e.results)
            adopted += r.outcome == VoteOutcome::adopted ? 1 : 0;
          const bool final_vote =
              std::any_of(e.results.begin(), e.results.end(),
                          [](const VoteResult& r) { return r.on == VoteOn::draft; });
          return s.fmt(final_vote ? key("final_vote_closed") : k,
                       {number(e.results.size()), number(adopted)});
        } else if constexpr (std::is_same_v<E, StartingTextPackaged>) {
          return s.fmt(k, {draft_title(v, e.draft), number(e.clauses.size())});
        } else if constexpr (std::is_same_v<E, AdoptionProposed> ||
                             std::is_same_v<E, AdoptedWithoutVote>) {
          return s.fmt(k, {draft_title(v, e.draft)});
        } else if constexpr (std::is_same_v<E, AdoptionObjected>) {
          return s.fmt(k, {seat_name(v, e.seat), draft_title(v, e.draft)});
        } else if constexpr (std::is_same_v<E, InjectFired>) {
          return s.fmt(k, {e.title});
        } else if constexpr (std::is_same_v<E, DealAnswered>) {
          return s.get(e.accepted ? key("deal_accepted") : key("deal_declined"));
        } else {
          if (s.has(k)) return s.get(k);
          return s.fmt(key("other"), {event_words(E::kName)});
        }
      },
      event(index));
}

}  // namespace accord::client
