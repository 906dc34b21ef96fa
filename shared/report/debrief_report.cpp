#include "report/debrief_report.hpp"

#include <algorithm>
#include <cctype>

#include "core/enum_names.hpp"
#include "report/network.hpp"
#include "report/participation.hpp"
#include "report/timeline.hpp"
#include "scoring/seat_score.hpp"

namespace accord::report {
namespace {

using scoring::format_score;

const char* kDebriefCss = R"(
.kicker { text-transform: uppercase; letter-spacing: 0.08em; font-size: 8pt; color: #555; }
.outcome { font-size: 11pt; margin: 8pt 0; padding: 6pt 8pt; border-left: 4px solid #3a6ea5;
           background: #f2f5f9; }
table.compact { font-size: 8.5pt; }
table.compact td, table.compact th { padding: 1pt 3pt; }
td.n, th.n { text-align: right; }
td.n { white-space: nowrap; }
tr, .seat-detail, .clause { break-inside: avoid; page-break-inside: avoid; }
h2, h3 { break-after: avoid; page-break-after: avoid; }
.clause-ref { font-weight: bold; }
.clause-text { color: #333; font-size: 9pt; }
ul.terms { font-size: 8.5pt; color: #333; margin: 2pt 0 0; }
.met { color: #1f6b2a; } .missed { color: #777; } .crossed { color: #9b1c1c; }
svg { display: block; max-width: 100%; height: auto; margin: 4pt 0 8pt; }
svg.network { width: 100%; max-width: 145mm; margin: 0 auto 6pt; }
svg text { font-family: "DejaVu Sans", "Noto Sans", Arial, sans-serif; font-size: 11px; fill: #111; }
svg text.count { font-size: 10px; text-anchor: middle; font-weight: bold; }
svg text.caucus { font-size: 9px; text-anchor: middle; fill: #b5651d; }
svg text.value { font-weight: bold; }
.legend { font-size: 8.5pt; color: #555; }
.seat-detail { border-top: 1px solid #ccc; padding-top: 3pt; margin-top: 5pt; }
.seat-detail h3 { margin: 0 0 2pt; }
.seat-detail ul { margin-bottom: 2pt; list-style: none; padding-left: 2pt; }
.timeline td.when { white-space: nowrap; width: 9em; color: #555; }
.timeline tr.phase td { background: #eef; font-weight: bold; }
.timeline tr.inject td { background: #fff4e5; }
.summary-lines { font-size: 9.5pt; }
)";

std::string seat_name(const Match& m, SeatIndex s) {
  return s < m.settings.seats.size() && !m.settings.seats[s].name.empty()
             ? m.settings.seats[s].name
             : "seat " + std::to_string(s + 1);
}

std::string signed_points(int points) {
  return points > 0 ? "+" + std::to_string(points) : std::to_string(points);
}

std::string list_of(const std::vector<std::string>& items, std::string_view css_class = {}) {
  if (items.empty()) return {};
  std::string out =
      css_class.empty() ? "<ul>\n" : "<ul class=\"" + std::string(css_class) + "\">\n";
  for (const auto& item : items)
    out += "<li>" + escape(item) + "</li>\n";
  return out + "</ul>\n";
}

// The students of each seat, "Ana, Ben (head)".
std::vector<std::string> students_by_seat(const Match& m) {
  std::vector<std::string> out(m.settings.seats.size());
  for (ParticipantId id = 0; id < m.participants.size(); ++id) {
    const Participant& p = m.participants[id];
    if (p.role != Role::player || !p.seat || *p.seat >= out.size()) continue;
    std::string& names = out[*p.seat];
    if (!names.empty()) names += ", ";
    names += p.name;
    if (*p.seat < m.seats.size() && m.seats[*p.seat].head == id) names += " (head)";
  }
  return out;
}

// ---------------------------------------------------------------- the criteria chart

std::string criteria_chart(const scoring::Scorecard& card) {
  constexpr int kRow = 26, kLabel = 330, kBar = 300, kTop = 6;
  const int height = kTop * 2 + kRow * static_cast<int>(card.criteria.size());
  std::string out = "<svg class=\"chart\" viewBox=\"0 0 " + std::to_string(kLabel + kBar + 60) +
                    " " + std::to_string(height) +
                    "\" role=\"img\" aria-label=\"The seven criteria, 0 to 100\">\n";
  int row = 0;
  for (const auto& c : card.criteria) {
    const int y = kTop + kRow * row++;
    const int width = std::clamp(c.value, 0, 1000) * kBar / 1000;
    const std::string code(to_string(c.criterion));
    out += "<text x=\"0\" y=\"" + std::to_string(y + 16) + "\"><tspan font-weight=\"bold\">" +
           code + "</tspan> " + escape(c.name) + "</text>\n";
    out += "<rect x=\"" + std::to_string(kLabel) + "\" y=\"" + std::to_string(y + 4) +
           "\" width=\"" + std::to_string(kBar) + "\" height=\"16\" fill=\"#e6e9ee\" rx=\"2\"/>\n";
    if (width > 0)
      out += "<rect x=\"" + std::to_string(kLabel) + "\" y=\"" + std::to_string(y + 4) +
             "\" width=\"" + std::to_string(width) +
             "\" height=\"16\" fill=\"#3a6ea5\" rx=\"2\"/>\n";
    out += "<text class=\"value\" x=\"" + std::to_string(kLabel + kBar + 8) + "\" y=\"" +
           std::to_string(y + 16) + "\">" + format_score(c.value) + "</text>\n";
  }
  return out + "</svg>\n";
}

// ---------------------------------------------------------------- the code

std::string vote_cell(const VoteRecord& v) {
  if (v.without_vote) return "without a vote";
  if (v.state != VoteState::closed) return "—";
  return std::to_string(v.yes) + "–" + std::to_string(v.no) + "–" + std::to_string(v.abstain);
}

// The code clause by clause: its wording, who tabled it, its vote, its points and the terms of
// the explanation that name it.
std::string code_table(const DebriefSource& src, const scoring::DraftScore& d) {
  const Match& m = src.view;
  const auto& catalogue = src.content.clauses();
  const auto* card = d.outcome.scorecard ? &*d.outcome.scorecard : nullptr;
  std::string out =
      "<p class=\"muted\">Each clause with the points it gives each criterion and what that is "
      "worth in the criterion's score (0 to 100), and its vote (yes–no–abstaining).</p>\n"
      "<table class=\"compact code\">\n<tr><th>#</th><th>Clause</th><th>Tabled by</th>"
      "<th class=\"n\">Vote</th></tr>\n";
  for (std::size_t i = 0; i < d.clauses.size(); ++i) {
    const ClauseId id = d.clauses[i];
    if (id >= m.clauses.size()) continue;
    const Clause& c = m.clauses[id];
    const auto* archetype = c.ref.empty() ? nullptr : catalogue.find(c.ref);
    out += "<tr class=\"clause\"><td class=\"n\">" + std::to_string(i + 1) + "</td><td>";
    if (archetype)
      out += "<span class=\"clause-ref\">#" + escape(c.ref) + "</span> " +
             escape(archetype->title) + "<div class=\"clause-text\">" + escape(archetype->text) +
             "</div>";
    else
      out += "<span class=\"clause-ref\">Free text</span><div class=\"clause-text\">" +
             escape(c.text) + "</div>";
    if (card) {
      std::vector<std::string> terms;
      for (const auto& criterion : card->criteria)
        for (const auto& term : criterion.terms)
          if (term.clause_index == static_cast<int>(i) &&
              (term.kind == scoring::TermKind::clause || term.kind == scoring::TermKind::free_text))
            terms.push_back(std::string(to_string(criterion.criterion)) + " " +
                            signed_points(term.points) +
                            (term.points == 1 || term.points == -1 ? " point" : " points") + ": " +
                            format_score(term.value) + " of the criterion's " +
                            format_score(criterion.value) + ".");
      if (i < card->clauses.size() && card->clauses[i].facilitator_override)
        terms.push_back("The facilitator set this free-text clause's points.");
      out += list_of(terms, "terms");
    }
    out += "</td><td>" + escape(seat_name(m, c.sponsor));
    if (!c.tabled_by_bot && c.tabled_by < m.participants.size() &&
        m.participants[c.tabled_by].seat == c.sponsor)
      out += "<br><span class=\"muted\">" + escape(m.participants[c.tabled_by].name) + "</span>";
    if (c.round == 0) out += "<br><span class=\"muted\">starting text</span>";
    out += "</td><td class=\"n\">" + vote_cell(c.vote) + "</td></tr>\n";
  }
  return out + "</table>\n";
}

std::string explanation(const scoring::Scorecard& card) {
  std::string out = "<h3>How the score was reached</h3>\n";
  if (!card.summary.empty()) out += "<p>" + escape(card.summary) + "</p>\n";
  out +=
      "<table class=\"compact\">\n<tr><th>Criterion</th><th class=\"n\">Score</th>"
      "<th>Why</th></tr>\n";
  for (const auto& c : card.criteria) {
    std::vector<std::string> terms;
    for (const auto& t : c.terms)
      if (t.kind != scoring::TermKind::clause && t.kind != scoring::TermKind::free_text)
        terms.push_back(t.text);
    out += "<tr><td><b>" + std::string(to_string(c.criterion)) + "</b> " + escape(c.name) +
           "</td><td class=\"n\">" + format_score(c.value) + "</td><td>" + escape(c.note) +
           list_of(terms, "terms") + "</td></tr>\n";
  }
  out += "</table>\n";
  if (!card.interactions.empty()) {
    out += "<h3>Clauses that work together, or against each other</h3>\n<ul>\n";
    for (const auto& i : card.interactions)
      out += "<li><b>" + escape(i.name) + "</b> (" + std::string(to_string(i.kind)) +
             "): " + escape(i.text) + "</li>\n";
    out += "</ul>\n";
  }
  if (card.legitimacy) {
    out += "<h3>Legitimacy of the vote</h3>\n<p>" + escape(card.legitimacy->text) + "</p>\n" +
           list_of([&] {
             std::vector<std::string> lines;
             for (const auto& t : card.legitimacy->terms)
               lines.push_back(t.text);
             return lines;
           }());
  }
  std::vector<std::string> final_lines;
  for (const auto& t : card.content_terms)
    final_lines.push_back(t.text);
  for (const auto& t : card.final_terms)
    final_lines.push_back(t.text);
  if (!final_lines.empty())
    out += "<h3>From the criteria to the final score</h3>\n" + list_of(final_lines);
  return out;
}

std::string draft_section(const DebriefSource& src, const scoring::DraftScore& d, bool adopted) {
  const Match& m = src.view;
  const std::string title = d.draft < m.drafts.size() ? m.drafts[d.draft].title : "Draft";
  std::string out = "<section class=\"sheet\">\n<div class=\"kicker\">Cyber Accord · " +
                    std::string(adopted ? "the adopted code" : "no code was adopted") +
                    "</div>\n<h1>" + escape(title) + "</h1>\n";
  if (!adopted)
    out +=
        "<p class=\"outcome\">No code was adopted. Below is the last draft as it stood, "
        "with what it would have scored (its content only: it had no adopting vote).</p>\n";
  const auto* card = d.outcome.scorecard ? &*d.outcome.scorecard : nullptr;
  if (card) {
    const auto summary = scoring::projector_summary(
        *card, adopted ? std::optional(scoring::room_decision(m)) : std::nullopt);
    out += "<h2>The scorecard</h2>\n";
    if (!summary.empty()) out += "<p><b>" + escape(summary.front()) + "</b></p>\n";
    out += "<p class=\"muted\">Content " + format_score(card->content) + " with the weights \"" +
           escape(card->preset_name) + "\"; final score " + format_score(card->final_score) +
           ".</p>\n" + criteria_chart(*card);
    if (summary.size() > 1)
      out += list_of(std::vector<std::string>(summary.begin() + 1, summary.end()), "summary-lines");
  } else {
    std::vector<std::string> problems;
    for (const auto& e : d.outcome.errors)
      problems.push_back(e.path + ": " + e.problem);
    out += "<p>This draft could not be scored:</p>\n" + list_of(problems);
  }
  out += "<h2>The code, clause by clause</h2>\n";
  if (d.clauses.empty())
    out += "<p>It holds no clause.</p>\n";
  else
    out += code_table(src, d);
  if (card) out += explanation(*card);
  return out + "</section>\n";
}

// ---------------------------------------------------------------- seats

std::string seats_section(const Match& m, const std::vector<scoring::SeatScore>& scores) {
  const auto students = students_by_seat(m);
  std::string out =
      "<section class=\"sheet\">\n<div class=\"kicker\">Cyber Accord · the seats</div>\n"
      "<h1>Every seat's score</h1>\n<p class=\"muted\">30 points per objective achieved (15 "
      "when no code was adopted); red lines +5 kept out, −10 crossed; influence: +4 per own "
      "clause adopted, +3 per own amendment, +2 per co-sponsorship (five at most) and a share of "
      "the starting text; deals +5 honoured, −10 broken.</p>\n"
      "<table class=\"compact\">\n<tr><th>Seat</th><th>Students</th><th class=\"n\">Objectives"
      "</th><th class=\"n\">Red lines</th><th class=\"n\">Influence</th><th class=\"n\">Deals"
      "</th><th class=\"n\">Total</th></tr>\n";
  for (const auto& s : scores) {
    std::size_t achieved = 0;
    for (const auto& o : s.objectives)
      achieved += o.achieved ? 1 : 0;
    out +=
        "<tr><td>" + escape(s.name) + "</td><td>" +
        escape(s.seat < students.size() && !students[s.seat].empty() ? students[s.seat] : "(bot)") +
        "</td><td class=\"n\">" + std::to_string(achieved) + " of " +
        std::to_string(s.objectives.size()) + " · " + signed_points(s.objectives_points) +
        "</td><td class=\"n\">" + signed_points(s.red_lines_points) + "</td><td class=\"n\">" +
        signed_points(s.influence_points) + "</td><td class=\"n\">" +
        signed_points(s.deals_points) + "</td><td class=\"n\"><b>" + std::to_string(s.total) +
        "</b></td></tr>\n";
  }
  out += "</table>\n";
  for (const auto& s : scores) {
    out += "<div class=\"seat-detail\">\n<h3>" + escape(s.name) + " — " + std::to_string(s.total) +
           " points</h3>\n<p class=\"muted\">" + escape(s.summary) + "</p>\n<ul>\n";
    for (const auto& o : s.objectives)
      out += std::string("<li class=\"") + (o.achieved ? "met\">✔ " : "missed\">✘ ") +
             escape(o.line.text) + "</li>\n";
    for (const auto& r : s.red_lines)
      out += std::string("<li class=\"") +
             (!r.at_stake  ? "missed\">· "
              : r.kept_out ? "met\">✔ "
                           : "crossed\">✘ ") +
             escape(r.line.text) + "</li>\n";
    for (const auto& l : s.influence)
      out += "<li>" + escape(l.text) + "</li>\n";
    for (const auto& l : s.deals)
      out += "<li>" + escape(l.text) + "</li>\n";
    out += "</ul>\n</div>\n";
  }
  return out + "</section>\n";
}

// ---------------------------------------------------------------- timeline and network

std::string timeline_section(const Match& m, const scoring::ClauseCatalogue& catalogue) {
  std::string out =
      "<section class=\"sheet\">\n<div class=\"kicker\">Cyber Accord · what happened</div>\n"
      "<h1>Timeline</h1>\n<p class=\"muted\">Round by round: the clauses tabled, amendments, "
      "deals and crises (with their time, in minutes from the first thing the match recorded), "
      "and every vote with its result (yes–no–abstaining).</p>\n<table class=\"compact "
      "timeline\">\n";
  const TimeMs origin = match_origin(m);
  for (const auto& e : timeline(m, catalogue)) {
    if (e.kind == TimelineKind::phase) {
      out += "<tr class=\"phase\"><td colspan=\"2\">" + escape(e.text) + "</td></tr>\n";
      continue;
    }
    std::string when;
    switch (e.kind) {
      case TimelineKind::starting:
        when = "starting text";
        break;
      case TimelineKind::tabled:
        when = "tabled";
        break;
      case TimelineKind::amendment:
        when = "amendment";
        break;
      case TimelineKind::deal:
        when = "deal";
        break;
      case TimelineKind::vote:
      case TimelineKind::package:
        when = "vote";
        break;
      case TimelineKind::final_vote:
        when = "final vote";
        break;
      case TimelineKind::inject:
        when = "crisis";
        break;
      case TimelineKind::phase:
        break;
    }
    if (e.at) when += " · " + clock_text(*e.at - origin);
    out += std::string(e.kind == TimelineKind::inject ? "<tr class=\"inject\">" : "<tr>") +
           "<td class=\"when\">" + escape(when) + "</td><td>" + escape(e.text) + "</td></tr>\n";
  }
  return out + "</table>\n</section>\n";
}

std::string network_section(const Match& m) {
  const auto net = communication_network(m);
  std::string out =
      "<section class=\"sheet\">\n<div class=\"kicker\">Cyber Accord · who talked to "
      "whom</div>\n<h1>Communication network</h1>\n<p class=\"muted\">Each seat with the number "
      "of messages it sent in the plenary; a blue line per bilateral channel and an orange hub "
      "per caucus, with the number of messages sent in it (dashed: opened, never used). Counts "
      "only: what was written stays in the game.</p>\n" +
      network_svg(m, net);
  out +=
      "<table class=\"compact\">\n<tr><th>Seat</th><th class=\"n\">Plenary</th><th "
      "class=\"n\">Own delegation</th><th class=\"n\">Bilateral and caucus</th><th>Private "
      "channels</th></tr>\n";
  for (SeatIndex s = 0; s < m.settings.seats.size(); ++s) {
    std::string with;
    for (const auto& c : net.channels) {
      if (std::find(c.members.begin(), c.members.end(), s) == c.members.end()) continue;
      if (!with.empty()) with += "; ";
      if (c.kind == ChannelKind::caucus) {
        with += "caucus " + (c.name.empty() ? std::string("(unnamed)") : c.name);
      } else {
        for (const SeatIndex other : c.members)
          if (other != s) with += seat_name(m, other);
      }
      with += " (" + std::to_string(c.messages) + ")";
    }
    out += "<tr><td>" + escape(seat_name(m, s)) + "</td><td class=\"n\">" +
           std::to_string(net.plenary[s]) + "</td><td class=\"n\">" +
           std::to_string(net.delegation[s]) + "</td><td class=\"n\">" +
           std::to_string(net.private_sent[s]) + "</td><td>" + escape(with) + "</td></tr>\n";
  }
  return out + "</table>\n</section>\n";
}

// ---------------------------------------------------------------- participation

std::string participation_section(const Match& m, const std::vector<scoring::SeatScore>& scores) {
  const auto rows = participation(m);
  std::string out =
      "<section class=\"sheet\">\n<div class=\"kicker\">Cyber Accord · for the teacher</div>\n"
      "<h1>Participation</h1>\n<p class=\"muted\">Per student: messages in every channel, "
      "clauses tabled and amendments proposed; per seat, shared by its delegation: "
      "co-sponsorships, ballots and deals. Counts only. \"Last spoke\": minutes from the first "
      "thing the match recorded.</p>\n";
  if (rows.empty())
    return out + "<p>No student took part: bots played every seat.</p>\n</section>\n";
  const TimeMs origin = match_origin(m);
  out +=
      "<table class=\"compact\">\n<tr><th>Student</th><th>State</th><th>Role</th>"
      "<th class=\"n\">Messages</th><th class=\"n\">Clauses</th><th class=\"n\">Amend.</th>"
      "<th class=\"n\">Co-sp.</th><th class=\"n\">Ballots</th><th class=\"n\">Deals off./acc."
      "</th><th class=\"n\">Last spoke (min)</th><th class=\"n\">Objectives</th><th class=\"n\">"
      "Score</th></tr>\n";
  for (const auto& r : rows) {
    const bool seated = r.seat && *r.seat < m.settings.seats.size();
    std::string objectives = "—", score = "—";
    if (seated && *r.seat < scores.size()) {
      const auto& s = scores[*r.seat];
      std::size_t achieved = 0;
      for (const auto& o : s.objectives)
        achieved += o.achieved ? 1 : 0;
      objectives = std::to_string(achieved) + " of " + std::to_string(s.objectives.size());
      score = std::to_string(s.total);
    }
    out += "<tr><td>" + escape(r.name) + (r.left ? " <span class=\"muted\">(left)</span>" : "") +
           "</td><td>" + escape(seated ? seat_name(m, *r.seat) : "—") + "</td><td>" +
           (!seated  ? "none"
            : r.head ? "head"
                     : "member") +
           "</td><td class=\"n\">" + std::to_string(r.messages) + "</td><td class=\"n\">" +
           std::to_string(r.clauses_tabled) + "</td><td class=\"n\">" +
           std::to_string(r.amendments) + "</td><td class=\"n\">" +
           std::to_string(r.seat_cosponsorships) + "</td><td class=\"n\">" +
           std::to_string(r.seat_ballots) + "</td><td class=\"n\">" +
           std::to_string(r.seat_deals_offered) + " / " + std::to_string(r.seat_deals_accepted) +
           "</td><td class=\"n\">" + (r.last_spoke ? clock_text(*r.last_spoke - origin) : "never") +
           "</td><td class=\"n\">" + objectives + "</td><td class=\"n\">" + score + "</td></tr>\n";
  }
  return out + "</table>\n</section>\n";
}

// ---------------------------------------------------------------- history and questions

std::string history_section(const content::Scenario& scenario) {
  std::string out =
      "<section class=\"sheet\">\n<div class=\"kicker\">Cyber Accord · the discussion</div>\n"
      "<h1>What happened in history</h1>\n" +
      paragraphs(scenario.historical_outcome);
  const auto& notes = scenario.teacher_notes;
  if (!notes.discussion_questions.empty())
    out += "<h2>Questions for the discussion</h2>\n" + list_of(notes.discussion_questions);
  if (!notes.learning_goals.empty())
    out += "<h2>What the lesson set out to teach</h2>\n" + list_of(notes.learning_goals);
  return out + "</section>\n";
}

}  // namespace

std::string debrief_file_name(std::string_view scenario_id, std::string_view room_code,
                              std::string_view extension) {
  std::string name = "debrief";
  for (const auto part : {scenario_id, room_code}) {
    if (part.empty()) continue;
    name += "-";
    for (const char c : part)
      name += (std::isalnum(static_cast<unsigned char>(c)) || c == '_') ? c : '_';
  }
  return name + "." + std::string(extension);
}

std::string debrief_report(const DebriefSource& src, Paper paper) {
  const Match& m = src.view;
  const auto& catalogue = src.content.clauses();
  const auto* scenario = src.content.scenario(src.scenario_id);
  const scoring::MatchRecord record(m, catalogue);
  const auto scores = scoring::seat_scores(record);
  const std::string title = scenario ? scenario->title : std::string("Cyber Accord match");

  std::size_t students = 0;
  for (const auto& p : m.participants)
    students += p.role == Role::player ? 1 : 0;
  std::string body =
      "<section class=\"sheet cover\">\n<div class=\"kicker\">Cyber Accord · debrief "
      "report</div>\n<h1>" +
      escape(title) + "</h1>\n<p class=\"muted\">";
  if (scenario)
    body += escape(scenario->body) + ", " + escape(content::describe(scenario->date)) + ". ";
  body += "Decision rule: " + escape(std::string(to_string(m.settings.rules.decision_rule))) +
          ". " + std::to_string(m.settings.seats.size()) + " seats, " + std::to_string(students) +
          (students == 1 ? " student" : " students") + ", " +
          std::to_string(m.settings.rules.rounds) +
          (m.settings.rules.rounds == 1 ? " round" : " rounds") + ".";
  if (!src.room_code.empty()) body += " Room " + escape(src.room_code) + ".";
  body += "</p>\n";
  if (m.phase != Phase::debrief)
    body += "<p class=\"outcome\">The match has not finished (it is in the " +
            escape(std::string(to_string(m.phase))) +
            " phase): this report shows it as it stands.</p>\n";
  std::string outcome;
  if (record.adopted_drafts().empty()) {
    outcome = "No code was adopted.";
  } else {
    for (const auto& d : record.adopted_drafts()) {
      outcome += "The code \"" + (d.draft < m.drafts.size() ? m.drafts[d.draft].title : "") +
                 "\" was adopted with " + std::to_string(d.clauses.size()) + " clauses";
      outcome += d.outcome.scorecard
                     ? ", scoring " + format_score(d.outcome.scorecard->final_score) + " of 100. "
                     : ". ";
    }
  }
  if (!scores.empty()) {
    const auto best =
        std::max_element(scores.begin(), scores.end(),
                         [](const auto& a, const auto& b) { return a.total < b.total; });
    outcome +=
        " Highest seat score: " + best->name + ", " + std::to_string(best->total) + " points.";
  }
  body += "<p class=\"outcome\">" + escape(outcome) +
          "</p>\n<h2>In this report</h2>\n<ol>\n"
          "<li>The code, clause by clause, with its scorecard and how the score was reached</li>\n"
          "<li>Every seat's score: objectives, red lines, influence and deals</li>\n"
          "<li>The timeline: clauses, amendments, deals, crises and votes</li>\n"
          "<li>The communication network (message counts only)</li>\n";
  if (src.participation) body += "<li>Participation, student by student</li>\n";
  if (scenario) body += "<li>What happened in history, and questions for the discussion</li>\n";
  body +=
      "</ol>\n<p class=\"muted\">This file holds the students' names as they typed them. "
      "It holds no message and no private note.</p>\n</section>\n";

  if (!record.adopted_drafts().empty()) {
    for (const auto& d : record.adopted_drafts())
      body += draft_section(src, d, true);
  } else if (!m.drafts.empty()) {
    const auto last = static_cast<DraftIndex>(m.drafts.size() - 1);
    body += draft_section(src, scoring::what_if_score(catalogue, m, last), false);
  }
  body += seats_section(m, scores);
  body += timeline_section(m, catalogue);
  body += network_section(m);
  if (src.participation) body += participation_section(m, scores);
  if (scenario) body += history_section(*scenario);
  return page("Debrief: " + title, paper, kDebriefCss, body);
}

}  // namespace accord::report
