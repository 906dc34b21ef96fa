#include "autopilot.hpp"

#include "bots/support.hpp"

namespace accord::client {
namespace {
constexpr TimeMs kOwnThinkMs = 2'500;
constexpr TimeMs kBriefingReadMs = 15'000;
}  // namespace

bool Autopilot::step(Session& session) {
  const Match& view = session.view();
  const TimeMs now = session.now();
  if (view.phase == Phase::lobby) {
    // Over a network the view changes a moment after the command: do not repeat it meanwhile.
    if (facilitate_ && session.can_facilitate() && now >= next_at_) {
      session.post_facilitator(StartMatch{});
      next_at_ = now + kOwnThinkMs;
      ++commands_;
      return true;
    }
    // A player who joined a room by its code takes the first seat no delegation holds.
    if (!session.seat() && session.participant() != kNoParticipant && now >= next_at_) {
      for (SeatIndex s = 0; s < view.seats.size(); ++s) {
        if (view.seats[s].head) continue;
        session.post(TakeSeat{s});
        next_at_ = now + kOwnThinkMs;
        ++commands_;
        return true;
      }
    }
    return false;
  }
  if (view.phase == Phase::briefing && facilitate_ && session.can_facilitate()) {
    if (!briefing_seen_at_) briefing_seen_at_ = now;
    if (now - *briefing_seen_at_ >= kBriefingReadMs && !view.paused_at && now >= next_at_) {
      session.post_facilitator(AdvancePhase{});
      next_at_ = now + kOwnThinkMs;
      ++commands_;
      return true;
    }
    return false;
  }
  const auto seat = session.seat();
  if (!seat || now < next_at_) return false;
  if (!bot_ || bot_->seat() != *seat)
    bot_.emplace(*seat, bots::support_table(view, *seat, catalogue_), bots::BotMode::play);
  if (!greeted_ && view.phase == Phase::drafting && !view.paused_at) {
    greeted_ = true;
    session.post(PostMessage{kPlenary, strings_.get("autoplay.greeting")});
    next_at_ = now + kOwnThinkMs;
    ++commands_;
    return true;
  }
  const auto command = bot_->next_command(view);
  if (!command) return false;
  session.post(*command);
  next_at_ = now + kOwnThinkMs;
  ++commands_;
  return true;
}

}  // namespace accord::client
