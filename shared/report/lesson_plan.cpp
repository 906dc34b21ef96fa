#include "report/lesson_plan.hpp"

namespace accord::report {
namespace {

constexpr int kJoinMinutes = 2;          // when the preset plans no lobby
constexpr int kPreparationMinutes = 15;  // a 90-minute lesson reads the role cards in class
constexpr int kShortestDebrief = 8;

int minutes_of(TimeMs ms) {
  return static_cast<int>((ms + 30'000) / 60'000);
}

const content::TimerPreset* first_preset(const content::Scenario& s,
                                         std::initializer_list<const char*> ids) {
  for (const char* id : ids)
    if (const auto* preset = s.preset(id)) return preset;
  return nullptr;
}

}  // namespace

int LessonPlan::total_minutes() const {
  int total = 0;
  for (const auto& step : steps)
    total += step.minutes;
  return total;
}

std::optional<LessonPlan> lesson_plan(const content::Scenario& scenario, int lesson_minutes) {
  const bool long_lesson = lesson_minutes >= 90;
  const auto* preset = long_lesson ? first_preset(scenario, {"class50", "class45"})
                                   : first_preset(scenario, {"class45"});
  if (!preset) return std::nullopt;
  LessonPlan plan;
  plan.lesson_minutes = lesson_minutes;
  plan.preset_id = preset->id;
  if (long_lesson)
    plan.steps.push_back({kPreparationMinutes, "Roles",
                          "Hand out the role cards. Delegations read them, share out the work "
                          "(see \"Delegations\") and plan their opening moves."});
  plan.steps.push_back({preset->lobby_ms > 0 ? minutes_of(preset->lobby_ms) : kJoinMinutes,
                        "Join the room",
                        "Students join with the room code; seat the delegations and start the "
                        "match with the \"" +
                            preset->name + "\" timers."});
  plan.steps.push_back({minutes_of(preset->briefing_ms), "Briefing",
                        "Delegations read the briefing and their brief on screen; the clock "
                        "runs."});
  for (std::uint32_t round = 1; round <= preset->rounds; ++round) {
    const std::string n = std::to_string(round);
    plan.steps.push_back({minutes_of(preset->drafting_ms), "Drafting, round " + n,
                          "Table, amend and co-sponsor clauses; negotiate in bilateral and "
                          "caucus channels. Walk around: who has said nothing yet?"});
    plan.steps.push_back({minutes_of(preset->clause_voting_ms), "Clause vote, round " + n,
                          "Every seat votes on each clause tabled this round."});
  }
  plan.steps.push_back({minutes_of(preset->final_vote_ms), "Final vote",
                        "The whole text is put to the vote under the room's decision rule."});
  const int debrief = lesson_minutes - plan.total_minutes();
  if (debrief < kShortestDebrief) return std::nullopt;
  plan.steps.push_back({debrief, "Debrief",
                        long_lesson ? "Reveal the objectives, read the scorecard and the "
                                      "per-seat scores, then the discussion questions and what "
                                      "happened in history."
                                    : "Reveal the objectives and read the scorecard; take two "
                                      "of the discussion questions."});
  return plan;
}

}  // namespace accord::report
