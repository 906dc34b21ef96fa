// What a session keeps of its event stream, for the debrief's replay: the snapshot it opened
// the stream with and every stream item it applied since, in order. A resync (a gap, a hash
// mismatch, a reconnection, a seat change) starts a new segment with the snapshot it received,
// so every recorded item applies onto the state it was applied onto live.
#pragma once

#include <cstddef>
#include <variant>
#include <vector>

#include "core/host.hpp"

namespace accord::client {

struct ReplaySegment {
  Snapshot start;
  std::vector<StreamItem> items;
};

class ReplayRecording {
 public:
  // The stream was opened (or re-read): a new segment starts from this snapshot.
  void opened(Snapshot snapshot);
  // An item the client applied to its view. Ignored before the first snapshot.
  void applied(StreamItem item);

  const std::vector<ReplaySegment>& segments() const { return segments_; }
  bool empty() const { return segments_.empty(); }
  // Stream items recorded, over every segment.
  std::size_t events() const { return events_; }

  // One step of a recording handed from one thread to another (NetworkSession's network
  // thread to its UI thread): a snapshot that opens a segment, or an applied item.
  using Step = std::variant<Snapshot, StreamItem>;
  void take(std::vector<Step>& steps);

 private:
  std::vector<ReplaySegment> segments_;
  std::size_t events_ = 0;
};

}  // namespace accord::client
