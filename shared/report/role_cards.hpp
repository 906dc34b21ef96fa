// Printable role cards for a scenario and a seat count: one self-contained HTML file with three
// pages for the teacher (the setting and seats; the lesson plans; goals, questions and how to
// form delegations) and one page per seat (the state's public position, its brief, priorities
// and red lines, and its secret objectives below a fold line marked as secret).
#pragma once

#include <string>
#include <vector>

#include "content/content.hpp"
#include "report/html.hpp"

namespace accord::report {

struct RoleCards {
  std::string html;
  std::size_t pages = 0;  // printed sheets: the three teacher's pages and one per seat
  std::string error;      // set when the scenario cannot seat that many
};

RoleCards role_cards(const content::ContentCatalogue& content, const content::Scenario& scenario,
                     std::size_t seats, Paper paper);

}  // namespace accord::report
