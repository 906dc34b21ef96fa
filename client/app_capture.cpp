// The App's capture mode: `--screen X --screenshot FILE` plays a match until screen X shows real
// content, freezes it there, and saves the frame a few frames later; `--autoplay` ends a few
// frames into the debrief with an optional screenshot, the text log and the final score.
#include <algorithm>
#include <cstdio>

#include "app_internal.hpp"
#include "scoring/seat_score.hpp"
#include "screenshot.hpp"
#include "text_log.hpp"

namespace accord::client {
namespace {

constexpr int kCaptureAfterFrames = 3;

// Whether `screen` shows real content in this state of the match (for --screen).
bool shows_content(Screen screen, const Session& session) {
  const Match& v = session.view();
  switch (screen) {
    case Screen::home:
    case Screen::settings:
      return true;
    case Screen::lobby:
      // Once the room's clock has started the lobby's countdown, when it has one.
      return v.phase == Phase::lobby && !v.participants.empty() &&
             (v.settings.rules.lobby_ms == 0 || v.lobby_opened_at);
    case Screen::briefing:
      return v.phase == Phase::briefing;
    case Screen::drafting:
    case Screen::projector: {
      if (v.phase != Phase::drafting) return false;
      const auto this_round = std::count_if(
          v.clauses.begin(), v.clauses.end(),
          [&](const Clause& c) { return c.round == v.round && c.status == ClauseStatus::tabled; });
      return this_round >= 3 ||
             (!v.clauses.empty() && session.now() - v.phase_started_at >= 120'000);
    }
    case Screen::chat:
      return !v.channels.empty() && !v.channels[kPlenary].messages.empty() &&
             v.phase == Phase::drafting;
    case Screen::voting:
      // Ballots cast on a clause or on a starting-text package.
      return v.phase == Phase::clause_voting &&
             (std::any_of(v.clauses.begin(), v.clauses.end(),
                          [](const Clause& c) {
                            return c.vote.state == VoteState::open && c.vote.cast_count > 0;
                          }) ||
              std::any_of(v.drafts.begin(), v.drafts.end(), [](const Draft& d) {
                return d.package_vote.state == VoteState::open && d.package_vote.cast_count > 0;
              }));
    case Screen::debrief:
      return v.phase == Phase::debrief;
    case Screen::facilitator:
      return v.phase == Phase::drafting;
  }
  return false;
}

}  // namespace

// --screen: once the target screen shows real content, the match stops there (its clock paused
// with --paused) and shows that screen. False while there is no target or it is not reached.
bool App::freeze_at_target() {
  if (!target_ || !shows_content(*target_, *session_)) return false;
  // With --inject, the capture waits for the crisis to reach the screen.
  if (!opt_.inject.empty() && session_->view().injects_fired.empty()) return false;
  frozen_ = true;
  screen_ = *target_;
  if (opt_.paused) session_->post_facilitator(PauseClock{});
  return true;
}

// After a frame is rendered and before it is presented: the screenshot a few frames after the
// --screen target was reached, or --autoplay's end a few frames into the debrief. The process's
// exit code when the run ends here, else nothing.
std::optional<int> App::finish_after_frame() {
  if (frozen_ && target_ && ++frames_after_reach_ >= kCaptureAfterFrames) {
    std::string error;
    if (!save_screenshot(renderer_, opt_.screenshot, &error)) {
      std::fprintf(stderr, "accord: %s\n", error.c_str());
      return 1;
    }
    if (!opt_.text_log.empty()) text_log::write(opt_.text_log);
    std::printf("%s\n",
                strings_.fmt("cli.saved_screenshot", {opt_.screen, opt_.screenshot}).c_str());
    return 0;
  }
  if (!target_ && opt_.autoplay && session_ && session_->view().phase == Phase::debrief &&
      ++debrief_frames_ >= kCaptureAfterFrames) {
    if (!opt_.screenshot.empty()) save_screenshot(renderer_, opt_.screenshot);
    if (!opt_.text_log.empty()) text_log::write(opt_.text_log);
    print_final_score();
    return 0;
  }
  return std::nullopt;
}

void App::print_final_score() {
  const Match& view = session_->view();
  const auto seat = session_->seat();
  const scoring::MatchRecord record(view, content_->clauses());
  if (seat) {
    const auto score = scoring::seat_score(record, *seat);
    std::printf("%s\n",
                strings_.fmt("cli.final_score", {score.name, std::to_string(score.total)}).c_str());
    std::printf("%s\n", score.summary.c_str());
  }
  if (record.adopted_drafts().empty()) std::printf("%s\n", strings_.c("cli.no_code"));
  for (const auto& d : record.adopted_drafts())
    if (d.outcome.scorecard)
      std::printf("%s\n", strings_
                              .fmt("cli.code_score",
                                   {d.outcome.scorecard->title,
                                    scoring::format_score(d.outcome.scorecard->final_score)})
                              .c_str());
  std::fflush(stdout);
}

}  // namespace accord::client
