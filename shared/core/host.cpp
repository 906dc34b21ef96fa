#include "core/host.hpp"

namespace accord {

MatchHost::MatchHost(const LogHeader& header)
    : match_(new_match(header.settings, header.seed)), log_{header, {}} {}

std::optional<MatchHost> MatchHost::from_log(const EventLog& log, std::string* error) {
  auto replayed = replay(log);
  if (!replayed.match) {
    if (error) *error = replayed.error;
    return std::nullopt;
  }
  MatchHost host(log.header);
  host.match_ = std::move(*replayed.match);
  host.log_ = log;
  host.last_seq_ = log.entries.empty() ? 0 : log.entries.back().seq;
  return host;
}

std::optional<MatchHost> MatchHost::from_snapshot(const LogHeader& header, Match snapshot,
                                                  Seq snapshot_seq, std::vector<LogEntry> tail,
                                                  std::string* error) {
  const auto fail = [&](std::string why) {
    if (error) *error = std::move(why);
    return std::nullopt;
  };
  MatchHost host(header);
  host.match_ = std::move(snapshot);
  if (auto problem = replay_onto(host.match_, header, snapshot_seq, tail); !problem.empty())
    return fail(std::move(problem));
  host.last_seq_ = tail.empty() ? snapshot_seq : tail.back().seq;
  host.log_.entries = std::move(tail);
  return host;
}

Snapshot MatchHost::open_stream(const Viewer& viewer) {
  const Seq seq = stream_seq_[viewer];
  return Snapshot{seq, view_for(match_, viewer)};
}

MatchHost::Outcome MatchHost::submit(const Actor& actor, const Command& command, TimeMs now) {
  Decision decision = decide(match_, actor, command, now);
  if (!decision.accepted()) return Outcome{decision.rejection, {}, {}};
  return append(std::move(decision.events));
}

MatchHost::Outcome MatchHost::advance_clock(TimeMs now) {
  return append(tick(match_, now));
}

MatchHost::Outcome MatchHost::append(std::vector<Event> events) {
  Outcome outcome;
  for (auto& event : events) {
    const Seq seq = ++last_seq_;
    for (auto& [viewer, view_seq] : stream_seq_) {
      if (auto filtered = filter_event(match_, event, viewer))
        outcome.deliveries.push_back(
            Delivery{viewer, StreamItem{++view_seq, std::move(*filtered)}});
    }
    accord::apply(match_, event);
    log_.entries.push_back(LogEntry{seq, event});
    outcome.appended.push_back(log_.entries.back());
  }
  return outcome;
}

ClientView::ClientView(Snapshot snapshot)
    : view_(std::move(snapshot.view)), view_seq_(snapshot.view_seq) {}

ClientView::Applied ClientView::apply(const StreamItem& item) {
  if (item.view_seq != view_seq_ + 1) return Applied::gap;
  accord::apply(view_, item.event);
  view_seq_ = item.view_seq;
  return Applied::ok;
}

void ClientView::resync(Snapshot snapshot) {
  view_ = std::move(snapshot.view);
  view_seq_ = snapshot.view_seq;
}

}  // namespace accord
