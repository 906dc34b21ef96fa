// A lesson plan for a scenario: what the class does, minute by minute, in a 45- or 90-minute
// lesson, built from the scenario's timer presets and its teacher notes, so that the plan and
// the room's timers can never disagree.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "content/content.hpp"

namespace accord::report {

struct LessonStep {
  int minutes = 0;
  std::string activity;  // "Drafting, round 1"
  std::string detail;    // what the teacher and students do
};

struct LessonPlan {
  int lesson_minutes = 0;  // 45 or 90
  std::string preset_id;   // the timer preset the room should use
  std::vector<LessonStep> steps;
  int total_minutes() const;
};

// The plan for a lesson of `lesson_minutes` (45 or 90), or nothing when the scenario has no
// preset that fits in it.
std::optional<LessonPlan> lesson_plan(const content::Scenario& scenario, int lesson_minutes);

}  // namespace accord::report
