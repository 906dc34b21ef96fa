// The replay panel driven through its own widgets, over the short bot match of
// replay_test_support.hpp: the step, play, jump and slider controls move the position, the panel
// shows the phase and the event at that position, and the projector's replay never shows a
// private channel's message at any position (one was planted in a bilateral and revealed at the
// debrief, so the public stream does carry it).
#include "replay_test_support.hpp"
#include "ui_actions_support.hpp"

namespace accord::client::test {
namespace {

std::unique_ptr<RecordingSession> over_played_match() {
  const PlayedMatch& m = played_match();
  auto session = std::make_unique<RecordingSession>(m.session->view(), *m.session->seat(),
                                                    m.session->participant());
  session->replay_of(*m.session);
  return session;
}

bool marker_shown() {
  return text_log::contains(kReplayMarker);
}

TEST_CASE("ui: the debrief's replay steps, plays, pauses and jumps to vote results", "[replay]") {
  Clicker c(over_played_match());
  c.screen(draw_debrief);
  c.state().replay_tab = true;
  c.frame();
  c.frame();
  ReplayPanel& panel = c.state().replay;
  REQUIRE(panel.replay);
  const Replay& replay = *panel.replay;
  const std::size_t last = replay.size();
  CHECK(panel.position == last);  // opens at the end of the match
  CHECK(text_log::contains(test_strings().get("phase.debrief")));

  REQUIRE(c.click("|<"));
  CHECK(panel.position == 0);
  CHECK(text_log::contains(test_strings().get("replay.opening")));
  REQUIRE(c.click("Step >"));
  CHECK(panel.position == 1);
  CHECK(text_log::contains(replay.label_at(0, test_strings())));

  // Jumps: each lands just after a vote result, shown as the last event.
  const auto& stops = replay.stops(ReplayStop::vote);
  REQUIRE(stops.size() >= 2);
  REQUIRE(c.click("Next vote >>"));
  CHECK(panel.position == stops[0]);
  CHECK(text_log::contains(replay.label_at(stops[0] - 1, test_strings())));
  REQUIRE(c.click("Next vote >>"));
  CHECK(panel.position == stops[1]);
  REQUIRE(c.click("<< Previous vote"));
  CHECK(panel.position == stops[0]);
  REQUIRE(c.click("< Step"));
  CHECK(panel.position == stops[0] - 1);
  // The next inject, if one fired after here; else the button is disabled and does nothing.
  const auto inject = replay.next(ReplayStop::inject, panel.position);
  REQUIRE(c.click("Next inject >>"));
  CHECK(panel.position == inject.value_or(stops[0] - 1));
  REQUIRE(c.click("|<"));
  REQUIRE(c.click("Next vote >>"));
  REQUIRE(c.click("< Step"));
  CHECK(panel.position == stops[0] - 1);

  // Play at the default speed (2 events a second) for two seconds of frames, then pause.
  const std::size_t from = panel.position;
  REQUIRE(c.click("Play"));
  CHECK(panel.playing);
  const std::size_t started = panel.position;
  for (int frame = 0; frame < 120; ++frame)
    c.frame();
  CHECK(panel.position >= started + 3);
  CHECK(panel.position <= started + 5);
  CHECK(panel.position > from);
  REQUIRE(c.click("Pause"));
  CHECK_FALSE(panel.playing);
  const std::size_t paused_at = panel.position;
  for (int frame = 0; frame < 30; ++frame)
    c.frame();
  CHECK(panel.position == paused_at);

  REQUIRE(c.click(">|"));
  CHECK(panel.position == last);
  CHECK_FALSE(marker_shown());
}

TEST_CASE("ui: the projector's replay never shows a private channel's message", "[replay]") {
  const PlayedMatch& m = played_match();
  // The test has teeth: the planted line is in the seat's own view and, after the debrief's
  // reveal, in the public view the projector replays.
  const auto holds_marker = [](const Match& v) {
    for (const auto& channel : v.channels)
      for (const auto& message : channel.messages)
        if (message.text.find(kReplayMarker) != std::string::npos) return true;
    return false;
  };
  REQUIRE(holds_marker(m.session->view()));
  REQUIRE(holds_marker(*m.session->public_view()));
  Clicker c(over_played_match());
  c.screen(draw_projector);
  c.state().replay_tab = true;
  c.frame();
  c.frame();  // the tab is selected on the frame after it is asked for
  ReplayPanel& panel = c.state().public_replay;
  REQUIRE(panel.replay);
  const std::size_t last = panel.replay->size();
  REQUIRE(last > 50);
  for (std::size_t at = 0; at <= last; ++at) {
    panel.jump_to = at;
    c.frame();
    INFO("position " << at);
    REQUIRE(panel.position == at);
    REQUIRE_FALSE(marker_shown());
  }
  CHECK(holds_marker(panel.replay->view_at(last)));
  // The plenary does show: the autopilot's greeting is there at the end.
  const auto& plenary = m.session->public_view()->channels.at(kPlenary).messages;
  REQUIRE_FALSE(plenary.empty());
  CHECK(text_log::contains(plenary.back().text));
}

}  // namespace
}  // namespace accord::client::test
