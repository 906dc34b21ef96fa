#include "replay_recording.hpp"

namespace accord::client {

void ReplayRecording::opened(Snapshot snapshot) {
  segments_.push_back(ReplaySegment{std::move(snapshot), {}});
}

void ReplayRecording::applied(StreamItem item) {
  if (segments_.empty()) return;
  segments_.back().items.push_back(std::move(item));
  ++events_;
}

void ReplayRecording::take(std::vector<Step>& steps) {
  for (auto& step : steps) {
    if (auto* snapshot = std::get_if<Snapshot>(&step))
      opened(std::move(*snapshot));
    else
      applied(std::move(std::get<StreamItem>(step)));
  }
  steps.clear();
}

}  // namespace accord::client
