// The class presets fit the period (issue 14): lobby, match and debrief add up to exactly 45 or
// 50 minutes, the loader checks the countdown fields, and a room made from a preset carries them.
#include <sstream>

#include "content_command.hpp"
#include "content_test_support.hpp"
#include "core/rules.hpp"

namespace accord::content::test {

namespace {

constexpr TimeMs kMinute = 60 * 1000;

}  // namespace

TEST_CASE("every scenario's class presets last exactly 45 and 50 minutes", "[content][presets]") {
  for (const auto& s : shipped().scenarios()) {
    INFO(s.id);
    const TimerPreset* class45 = s.preset("class45");
    const TimerPreset* class50 = s.preset("class50");
    REQUIRE(class45);
    REQUIRE(class50);
    CHECK(class45->total_ms() == 45 * kMinute);
    CHECK(class50->total_ms() == 50 * kMinute);
    CHECK(class45->breakdown() ==
          "45 min: lobby 3 + briefing 5 + 2 x (drafting 9 + clause voting 3) + final vote 3 + "
          "debrief 10");
    CHECK(class50->breakdown() ==
          "50 min: lobby 3 + briefing 5 + 2 x (drafting 10 + clause voting 3) + final vote 4 + "
          "debrief 12");
    // The long online preset still comes last (the server's default for new rooms).
    CHECK(s.timer_presets.back().id == "online_long");
  }
}

TEST_CASE("a room made from a preset carries its lobby and debrief countdowns",
          "[content][presets]") {
  const MatchCreation made = make_match_settings(shipped(), "two_tracks", 20, "class45");
  REQUIRE(made);
  const RoomRules& rules = made.setup->settings.rules;
  CHECK(rules.lobby_ms == 3 * kMinute);
  CHECK(rules.debrief_ms == 10 * kMinute);
  CHECK(rules.starting_text_as_package);  // 30 starting clauses cannot be voted one by one
  CHECK_FALSE(validate_rules(rules));
}

TEST_CASE("a bad countdown in a preset is reported with its file and field", "[content][presets]") {
  const ContentLoad negative =
      load_edited({{"scenarios/mini.json", "\"rounds\": 1,", "\"rounds\": 1, \"lobby_s\": -5,"}});
  CHECK(described(negative) ==
        std::vector<std::string>{
            "scenarios/mini.json: /timer_presets/0/lobby_s: must be between 0 and 7200"});
  const ContentLoad text = load_edited(
      {{"scenarios/mini.json", "\"rounds\": 1,", "\"rounds\": 1, \"debrief_s\": \"ten\","}});
  CHECK(described(text) ==
        std::vector<std::string>{"scenarios/mini.json: /timer_presets/0/debrief_s: expected a "
                                 "whole number, found a string"});
  // Without them a preset has no countdowns: the lobby and debrief are untimed.
  const ContentLoad plain = load_fixture();
  REQUIRE(plain.ok());
  CHECK(plain.catalogue->scenario("mini")->preset("class45")->lobby_ms == 0);
}

TEST_CASE("accord-content check reports each preset's total", "[content][presets][tool]") {
  std::ostringstream out, err;
  REQUIRE(run_content_command({"check", ACCORD_ASSET_DIR}, out, err) == 0);
  const std::string report = out.str();
  CHECK(report.find("two_tracks preset class45: 45 min: lobby 3 + briefing 5") !=
        std::string::npos);
  CHECK(report.find("hanoi preset class50: 50 min: ") != std::string::npos);
  CHECK(report.find("collapse preset online_long: ") != std::string::npos);
}

}  // namespace accord::content::test
