// The projector shows the public view only: a marker planted in the player's secrets (private
// note, a bilateral message) and every seat's brief never reach its text, in any phase before the
// debrief (where the rules reveal the briefs to everyone).
#include "client_test_support.hpp"
#include "local_session.hpp"

namespace accord::client::test {
namespace {

constexpr const char* kMarker = "PLANTED-SECRET-7f3a";

TEST_CASE("the projector view never shows a secret") {
  SoloConfig c;
  c.scenario = "opt_in_code";
  c.seats = 6;
  c.seed = 11;
  c.time_scale = 600;
  c.start_now = true;
  std::string error;
  auto s = LocalSession::create(test_content(), c, &error);
  REQUIRE(s);
  HeadlessUi ui;
  const auto check_frame = [&] {
    ui.frame(s.get(), [](Ui& u) { draw_projector(u); });
    REQUIRE_FALSE(text_log::last_frame().empty());
    CHECK_FALSE(text_log::contains(kMarker));
    for (const auto& seat : s->host().match().settings.seats) {
      CHECK_FALSE(text_log::contains(seat.brief));
      for (const auto& o : seat.objectives)
        CHECK_FALSE(text_log::contains(o.text));
    }
  };
  s->post(WriteNote{std::string("our plan: ") + kMarker});
  REQUIRE_FALSE(s->last_rejection());
  check_frame();
  s->post_facilitator(AdvancePhase{});  // drafting
  const SeatIndex me = *s->seat();
  const SeatIndex other = me == 0 ? 1 : 0;
  s->post(OpenBilateral{other});
  REQUIRE_FALSE(s->last_rejection());
  const auto channel = static_cast<ChannelId>(s->view().channels.size() - 1);
  s->post(PostMessage{channel, std::string("between us: ") + kMarker});
  REQUIRE_FALSE(s->last_rejection());
  // The seat's own view does hold the marker: the test would catch a projector reading it.
  REQUIRE(s->view().seats[me].private_note.find(kMarker) != std::string::npos);
  check_frame();
  for (int i = 0; i < 4 && s->view().phase != Phase::final_vote; ++i) {
    s->poll(500);
    check_frame();
    if (s->view().phase != Phase::debrief) s->post_facilitator(AdvancePhase{});
  }
  check_frame();
}

}  // namespace
}  // namespace accord::client::test
