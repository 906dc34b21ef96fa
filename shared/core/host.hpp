// The sequencer, as a pure object: decide, stamp a rising seq, append to the log, apply, and
// cut each open viewer stream its filtered, numbered copy. The server wraps it with the network
// and the durable store; tests and solo play use it directly. ClientView is the other end: a
// viewer's mirror of the match, kept by applying its stream with the same shared apply().
#pragma once

#include <map>
#include <optional>
#include <vector>

#include "core/log.hpp"
#include "core/rules.hpp"
#include "core/visibility.hpp"

namespace accord {

// One event as one viewer receives it, numbered in that viewer's own stream.
struct StreamItem {
  ACCORD_FIELDS((Seq, view_seq, 0), (Event, event))
};

struct Snapshot {
  Seq view_seq = 0;  // the stream item the view already includes
  Match view;
};

struct Delivery {
  Viewer viewer;
  StreamItem item;
};

class MatchHost {
 public:
  explicit MatchHost(const LogHeader& header);
  // Resumes from a log (crash recovery, reloading a room); nullopt with `error` if it won't replay.
  static std::optional<MatchHost> from_log(const EventLog& log, std::string* error = nullptr);
  // Resumes from a snapshot of the whole match after entry `snapshot_seq` and the entries after
  // it (the durable store's fast reload); log() then holds only those entries.
  static std::optional<MatchHost> from_snapshot(const LogHeader& header, Match snapshot,
                                                Seq snapshot_seq, std::vector<LogEntry> tail,
                                                std::string* error = nullptr);

  const Match& match() const { return match_; }
  const EventLog& log() const { return log_; }
  Seq last_seq() const { return last_seq_; }

  // Opens a viewer's stream (or re-reads it, for a resync) and returns its snapshot.
  Snapshot open_stream(const Viewer& viewer);

  struct Outcome {
    std::optional<Rejection> rejection;
    std::vector<LogEntry> appended;
    std::vector<Delivery> deliveries;
  };
  Outcome submit(const Actor& actor, const Command& command, TimeMs now);
  Outcome advance_clock(TimeMs now);

 private:
  Outcome append(std::vector<Event> events);

  Match match_;
  EventLog log_;
  Seq last_seq_ = 0;
  std::map<Viewer, Seq> stream_seq_;  // last view_seq sent to each open stream
};

class ClientView {
 public:
  explicit ClientView(Snapshot snapshot);

  enum class Applied { ok, gap };
  // A gap (an item missing from the stream) leaves the view untouched: ask for a resync.
  Applied apply(const StreamItem& item);
  void resync(Snapshot snapshot);

  const Match& view() const { return view_; }
  Seq view_seq() const { return view_seq_; }

 private:
  Match view_;
  Seq view_seq_ = 0;
};

}  // namespace accord
