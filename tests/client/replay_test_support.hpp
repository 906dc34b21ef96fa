// One short bot match for the replay tests, played once per test binary: opt_in_code on 4 seats,
// one round, short timers, the autopilot on the player's seat, a bilateral message carrying a
// planted marker and a crisis inject, private channels revealed at the debrief. While it plays, the
// hash of the player's live view is kept at every position of its recording.
#pragma once

#include <map>
#include <memory>

#include "autopilot.hpp"
#include "client_test_support.hpp"
#include "core/hash.hpp"
#include "local_session.hpp"

namespace accord::client::test {

constexpr const char* kReplayMarker = "REPLAY-PRIVATE-9c41";

struct PlayedMatch {
  std::unique_ptr<LocalSession> session;
  std::map<std::size_t, Hash> live;  // recording position → hash of the live view there
  std::size_t first_observed = 0;    // positions before it were applied in create()
};

inline const PlayedMatch& played_match() {
  static const PlayedMatch played = [] {
    PlayedMatch p;
    SoloConfig c;
    c.scenario = "opt_in_code";
    c.seats = 4;
    c.seed = 21;
    c.time_scale = 600;
    std::string error;
    p.session = LocalSession::create(test_content(), c, &error);
    INFO(error);
    REQUIRE(p.session);
    LocalSession& s = *p.session;
    p.first_observed = s.recording()->events();
    p.live[p.first_observed] = hash(s.view());
    s.observe_own_view(
        [&p](const Match& view, std::size_t position) { p.live[position] = hash(view); });
    RoomRules rules = s.view().settings.rules;
    rules.rounds = 1;
    rules.briefing_ms = 60'000;
    rules.drafting_ms = 240'000;
    rules.clause_voting_ms = 120'000;
    rules.final_vote_ms = 120'000;
    rules.reveal_private_channels = true;
    s.post_facilitator(ChangeRules{rules});
    REQUIRE_FALSE(s.last_rejection());
    Autopilot pilot(test_content().clauses(), test_strings(), true);
    bool planted = false;
    for (int i = 0; i < 20'000 && s.view().phase != Phase::debrief; ++i) {
      s.poll(50);
      pilot.step(s);
      if (!planted && s.view().phase == Phase::drafting) {
        const SeatIndex me = *s.seat();
        s.post(OpenBilateral{me == 0 ? SeatIndex{1} : SeatIndex{0}});
        REQUIRE_FALSE(s.last_rejection());
        const auto channel = static_cast<ChannelId>(s.view().channels.size() - 1);
        s.post(PostMessage{channel, std::string("between us: ") + kReplayMarker});
        REQUIRE_FALSE(s.last_rejection());
        // A crisis inject, for the replay's inject jumps.
        s.post_facilitator(FireInject{"cert_attacked"});
        REQUIRE_FALSE(s.last_rejection());
        planted = true;
      }
    }
    REQUIRE(s.view().phase == Phase::debrief);
    REQUIRE(planted);
    s.observe_own_view(nullptr);
    return p;
  }();
  return played;
}

}  // namespace accord::client::test
