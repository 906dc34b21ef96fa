#include "report/role_cards.hpp"

#include "core/enum_names.hpp"
#include "report/lesson_plan.hpp"

namespace accord::report {
namespace {

using content::ContentCatalogue;
using content::Scenario;

const char* kCardCss = R"(
.kicker { text-transform: uppercase; letter-spacing: 0.08em; font-size: 8pt; color: #555; }
.state { font-size: 22pt; margin: 2pt 0 2pt; }
.clause-ref { font-weight: bold; }
.fold { margin: 12pt 0 8pt; border-top: 2px dashed #333; padding-top: 3pt; font-size: 8pt;
        text-transform: uppercase; letter-spacing: 0.08em; }
.secret { border: 2px solid #8b0000; padding: 6pt 8pt; }
.secret h2 { color: #8b0000; border-bottom-color: #8b0000; margin-top: 0; }
.scoring { font-size: 8.5pt; color: #333; margin-top: 8pt; }
.plan { font-size: 9pt; }
.plan table { font-size: 8.5pt; }
.plan td, .plan th { padding: 1pt 4pt; }
.seats { columns: 2; font-size: 9pt; }
.card { font-size: 9.5pt; }
.card h2 { margin-top: 7pt; }
)";

// "#38 Title", and with `summary` the clause's one-line summary for students after it.
std::string clause_line(const ContentCatalogue& content, const std::string& ref, bool summary) {
  const auto* clause = content.clauses().find(ref);
  std::string out = "<span class=\"clause-ref\">#" + escape(ref) + "</span>";
  if (clause) out += " " + escape(clause->title);
  if (clause && summary) out += " <span class=\"muted\">— " + escape(clause->summary) + "</span>";
  return out;
}

std::string bloc_name(const ContentCatalogue& content, const std::string& id) {
  for (const auto& bloc : content.blocs())
    if (bloc.id == id) return bloc.name;
  return id;
}

std::string lesson_table(const LessonPlan& plan) {
  std::string out = "<h3>A " + std::to_string(plan.lesson_minutes) +
                    "-minute lesson (timer preset <code>" + escape(plan.preset_id) +
                    "</code>)</h3>\n<table><tr><th>min</th><th>What</th><th>How</th></tr>\n";
  for (const auto& step : plan.steps)
    out += "<tr><td>" + std::to_string(step.minutes) + "</td><td>" + escape(step.activity) +
           "</td><td>" + escape(step.detail) + "</td></tr>\n";
  out += "<tr><th>" + std::to_string(plan.total_minutes()) +
         "</th><th colspan=\"2\">in all</th></tr>"
         "</table>\n";
  return out;
}

std::string list(const std::vector<std::string>& items) {
  std::string out = "<ul>\n";
  for (const auto& item : items)
    out += "<li>" + escape(item) + "</li>\n";
  return out + "</ul>\n";
}

std::string cover(const ContentCatalogue& content, const Scenario& scenario,
                  const std::vector<SeatSetup>& seats) {
  std::string out =
      "<section class=\"sheet cover\">\n<div class=\"kicker\">Cyber Accord · "
      "for the teacher</div>\n<h1>" +
      escape(scenario.title) + "</h1>\n<p class=\"muted\">" + escape(scenario.body) + ", " +
      escape(content::describe(scenario.date)) +
      ". Decision rule: " + escape(std::string(to_string(scenario.decision_rule))) + ". " +
      std::to_string(seats.size()) + " seats.</p>\n<h2>Briefing</h2>\n" +
      paragraphs(scenario.briefing);
  out += "<h2>Seats</h2>\n<ol class=\"seats\">\n";
  for (const auto& seat : seats)
    out += "<li>" + escape(seat.name) + " <span class=\"muted\">(" +
           escape(bloc_name(content, seat.bloc)) + ")</span></li>\n";
  out += "</ol>\n";
  if (!scenario.observer_rule.empty())
    out += "<p class=\"muted\">" + escape(scenario.observer_rule) + "</p>\n";
  out += "</section>\n";

  out +=
      "<section class=\"sheet plan\">\n<div class=\"kicker\">Cyber Accord · lesson plan</div>\n"
      "<h1>" +
      escape(scenario.title) + "</h1>\n";
  for (int minutes : {45, 90})
    if (const auto plan = lesson_plan(scenario, minutes)) out += lesson_table(*plan);
  out +=
      "</section>\n<section class=\"sheet plan\">\n<div class=\"kicker\">Cyber Accord · "
      "teaching notes</div>\n<h1>" +
      escape(scenario.title) + "</h1>\n";
  const auto& notes = scenario.teacher_notes;
  if (!notes.learning_goals.empty())
    out += "<h2>Learning goals</h2>\n" + list(notes.learning_goals);
  if (!notes.discussion_questions.empty())
    out += "<h2>Questions for the debrief</h2>\n" + list(notes.discussion_questions);
  if (!notes.delegations.empty()) out += "<h2>Delegations</h2>\n" + paragraphs(notes.delegations);
  out += "</section>\n";
  return out;
}

std::string card(const ContentCatalogue& content, const Scenario& scenario, const SeatSetup& seat,
                 std::size_t index, std::size_t seats) {
  std::string out = "<section class=\"sheet card\">\n<div class=\"kicker\">Cyber Accord · " +
                    escape(scenario.title) + " · seat " + std::to_string(index + 1) + " of " +
                    std::to_string(seats) + "</div>\n<h1 class=\"state\">" + escape(seat.name) +
                    "</h1>\n<p class=\"muted\">" + escape(bloc_name(content, seat.bloc)) +
                    "</p>\n<h2>Your public position</h2>\n" + paragraphs(seat.position) +
                    "<h2>Your brief</h2>\n" + paragraphs(seat.brief);
  if (!seat.priorities.empty()) {
    out += "<h2>Clauses you work for</h2>\n<ul>\n";
    for (const auto& ref : seat.priorities)
      out += "<li>" + clause_line(content, ref, false) + "</li>\n";
    out += "</ul>\n";
  }
  out += "<h2>Your red lines</h2>\n";
  if (seat.red_lines.empty())
    out += "<p>None at this table: you can vote for any clause.</p>\n";
  else {
    out += "<ul>\n";
    for (const auto& red : seat.red_lines) {
      out += "<li>" + clause_line(content, red.ref, true);
      if (!red.lifted_by.empty())
        out += "<br>Acceptable as the variant " + clause_line(content, red.lifted_by, false);
      out += "</li>\n";
    }
    out += "</ul>\n";
  }
  out +=
      "<div class=\"fold\">✂ Fold here · the part below is secret: keep it inside your "
      "delegation</div>\n<div class=\"secret\">\n<h2>Secret objectives</h2>\n<ol>\n";
  for (const auto& objective : seat.objectives)
    out += "<li>" + escape(objective.text) + "</li>\n";
  out +=
      "</ol>\n<p class=\"scoring\">At the debrief: +30 for each objective achieved (+15 if no "
      "code is adopted); a red line that was tabled: +5 if kept out, −10 if adopted; +4 for "
      "each clause you table that is adopted, +3 for an amendment of yours adopted, +2 for "
      "each adopted clause you co-sponsor (five at most); +5 for a deal honoured, −10 for a "
      "deal broken.</p>\n</div>\n</section>\n";
  return out;
}

}  // namespace

RoleCards role_cards(const ContentCatalogue& content, const Scenario& scenario, std::size_t seats,
                     Paper paper) {
  RoleCards out;
  const auto states = scenario.seats_for(seats);
  if (states.empty()) {
    out.error = "\"" + scenario.id + "\" seats " + std::to_string(Scenario::kMinSeats) + " to " +
                std::to_string(scenario.seats.size()) + ", not " + std::to_string(seats);
    return out;
  }
  std::vector<SeatSetup> setups;
  for (const auto& id : states)
    if (const auto* state = content.state(id)) setups.push_back(scenario.seat_setup(*state));
  std::string body = cover(content, scenario, setups);
  for (std::size_t s = 0; s < setups.size(); ++s)
    body += card(content, scenario, setups[s], s, setups.size());
  out.pages = 3 + setups.size();
  out.html = page("Role cards: " + scenario.title, paper, kCardCss, body);
  return out;
}

}  // namespace accord::report
