#include "engine/room_engine.hpp"

#include <algorithm>

#include "core/rules.hpp"
#include "core/visibility.hpp"

namespace accord::engine {

RoomEngine::RoomEngine(MatchHost host, TimeMs now, double bot_pace)
    : host_(std::move(host)), now_(now), bot_pace_(bot_pace) {}

MatchHost::Outcome RoomEngine::submit(const Actor& actor, const Command& command, TimeMs now) {
  now_ = std::max(now_, now);
  return host_.submit(actor, command, now_);
}

MatchHost::Outcome RoomEngine::advance_clock(TimeMs now) {
  now_ = std::max(now_, now);
  return host_.advance_clock(now_);
}

void RoomEngine::seat_bot(SeatIndex seat, std::unique_ptr<SeatBot> bot, BotDuty duty) {
  if (!bot) {
    seats_.erase(seat);
    return;
  }
  Seated seated{std::move(bot), duty, bots::SeatPacer(bot_pace_)};
  seated.pacer.start(*seated.bot, now_);
  seats_.insert_or_assign(seat, std::move(seated));
}

std::unique_ptr<SeatBot> RoomEngine::unseat_bot(SeatIndex seat) {
  const auto it = seats_.find(seat);
  if (it == seats_.end()) return nullptr;
  auto bot = std::move(it->second.bot);
  seats_.erase(it);
  return bot;
}

std::optional<BotDuty> RoomEngine::bot_duty(SeatIndex seat) const {
  const auto it = seats_.find(seat);
  if (it == seats_.end()) return std::nullopt;
  return it->second.duty;
}

bool RoomEngine::bots_may_act() const {
  const Match& m = match();
  return !m.paused_at && m.phase != Phase::lobby && m.phase != Phase::debrief;
}

std::optional<Actor> RoomEngine::acting_as(SeatIndex seat, BotDuty duty) const {
  const Match& m = match();
  if (seat >= m.seats.size()) return std::nullopt;
  const Seat& s = m.seats[seat];
  if (duty == BotDuty::caretaker) {
    if (!s.head) return std::nullopt;
    return Actor::of(*s.head);
  }
  if (!s.bot || !delegation_of(m, seat).empty()) return std::nullopt;
  return Actor::bot(seat);
}

int RoomEngine::run_bots(RoomListener& listener) {
  int accepted = 0;
  for (auto& [seat, seated] : seats_) {
    if (!bots_may_act()) break;  // a bot's command may have ended the match
    if (!seated.pacer.due(now_)) continue;
    const auto actor = acting_as(seat, seated.duty);
    if (!actor) {
      seated.pacer.idle(now_);
      continue;
    }
    const Match seat_view = view_for(match(), Viewer::of_seat(seat));
    seated.pacer.step(
        *seated.bot, now_, [&] { return seated.bot->next_command(seat_view, now_); },
        [&](const Command& command) {
          auto outcome = host_.submit(*actor, command, now_);
          if (outcome.rejection) {
            listener.bot_refused(seat, command, *outcome.rejection);
            return false;
          }
          ++accepted;
          seated.bot->accepted(seat_view, command);
          listener.appended(outcome, &*actor, &command);
          return true;
        });
  }
  return accepted;
}

std::optional<TimeMs> RoomEngine::next_wake() const {
  std::optional<TimeMs> wake;
  const auto consider = [&](TimeMs at) { wake = wake ? std::min(*wake, at) : at; };
  if (bots_may_act())
    for (const auto& [seat, seated] : seats_)
      consider(seated.pacer.next_at());
  const Match& m = match();
  if (m.deadline && !m.paused_at) consider(*m.deadline);
  if (const auto inject = next_inject_timer(m)) consider(*inject);
  return wake;
}

void RoomEngine::run_until(TimeMs target, RoomListener& listener, int max_steps) {
  for (int step = 0; step < max_steps; ++step) {
    if (auto outcome = host_.advance_clock(now_); !outcome.appended.empty())
      listener.appended(outcome, nullptr, nullptr);
    run_bots(listener);
    if (match().phase == Phase::debrief || now_ >= target) return;
    // The next instant anything happens, but at least a millisecond on: a due bot has looked.
    const TimeMs wake = next_wake().value_or(target);
    now_ = std::clamp(wake, now_ + 1, target);
  }
}

}  // namespace accord::engine
