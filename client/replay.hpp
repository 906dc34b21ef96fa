// The debrief's replay: the match as this client saw it, at any event of its recorded stream
// (ReplayRecording), rebuilt by applying the stream with the same ClientView::apply the live
// client used. Pure (no ImGui): the replay panel (screens/replay.cpp) draws what it returns.
//
// Positions run from 0 (the snapshot the stream opened with) to size() (every event applied);
// event i takes position i to position i + 1. A resync's snapshot replaces the state at its
// position. A copy of the view every `checkpoint_every` events keeps scrubbing a long match fast,
// and the last view built is kept, so stepping forward applies one event.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "core/events.hpp"
#include "core/host.hpp"
#include "core/type_list.hpp"
#include "i18n.hpp"
#include "replay_recording.hpp"

namespace accord::client {

// Where "previous / next" stops. Each stop is a list of event kinds: a new kind is one line.
enum class ReplayStop { vote, inject };
// A vote's result: clause votes closing, a starting-text package put to the vote, the final
// vote (votes_closed on the drafts) and adoption without a vote.
using VoteResultEvents = TypeList<VotesClosed, StartingTextPackaged, AdoptedWithoutVote>;
using InjectEvents = TypeList<InjectFired>;
bool replay_stops_at(ReplayStop stop, const Event& event);

class Replay {
 public:
  explicit Replay(const ReplayRecording& recording, std::size_t checkpoint_every = 64);

  // Events recorded: positions run 0..size().
  std::size_t size() const { return events_.size(); }
  bool empty() const { return segments_.empty(); }
  // The view with events [0, position) applied (position past the end: the last one).
  Match view_at(std::size_t position) const;
  const Event& event(std::size_t index) const { return events_[index]->event; }
  // Event `index` in a line ("Clause 3 withdrawn"), named with the view just before it.
  std::string label_at(std::size_t index, const Strings& strings) const;

  // The position just after the next (previous) stop event strictly after (before) `position`.
  std::optional<std::size_t> next(ReplayStop stop, std::size_t position) const;
  std::optional<std::size_t> previous(ReplayStop stop, std::size_t position) const;
  // Every stop's position, in order.
  const std::vector<std::size_t>& stops(ReplayStop stop) const;

 private:
  struct Segment {
    std::size_t offset = 0;  // position of its snapshot
    std::vector<StreamItem> items;
    std::vector<ClientView> checkpoints;  // after items [0, k * every)
  };
  struct Cursor {
    std::size_t segment = 0;
    std::size_t local = 0;
    std::optional<ClientView> view;
  };
  std::size_t segment_of(std::size_t position) const;
  const Match& at(std::size_t position) const;  // the cursor's view, moved to `position`

  std::size_t every_;
  std::vector<Segment> segments_;
  std::vector<const StreamItem*> events_;
  std::vector<std::size_t> vote_stops_, inject_stops_;
  mutable Cursor cursor_;  // the last view built (not thread-safe: one UI thread)
};

}  // namespace accord::client
