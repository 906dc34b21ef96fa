#include "report/gradebook.hpp"

#include "report/participation.hpp"
#include "scoring/seat_score.hpp"

namespace accord::report {

std::string csv_field(std::string_view text) {
  if (text.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(text);
  std::string out = "\"";
  for (const char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string csv_row(const std::vector<std::string>& fields) {
  std::string out;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) out += ',';
    out += csv_field(fields[i]);
  }
  return out + "\r\n";
}

std::string gradebook_csv(const Match& view, const scoring::ClauseCatalogue& clauses) {
  const scoring::MatchRecord record(view, clauses);
  const auto scores = scoring::seat_scores(record);
  std::string out =
      csv_row({"Name", "State", "Delegation role", "Messages", "Clauses tabled", "Amendments",
               "Co-sponsorships (seat)", "Ballots (seat)", "Deals offered (seat)",
               "Deals accepted (seat)", "Objectives achieved", "Seat score"});
  for (const auto& row : participation(view)) {
    const bool seated = row.seat && *row.seat < view.settings.seats.size();
    std::string objectives, score;
    if (seated && *row.seat < scores.size()) {
      const auto& s = scores[*row.seat];
      std::size_t achieved = 0;
      for (const auto& o : s.objectives)
        achieved += o.achieved ? 1 : 0;
      objectives = std::to_string(achieved) + " of " + std::to_string(s.objectives.size());
      score = std::to_string(s.total);
    }
    out += csv_row({row.name, seated ? view.settings.seats[*row.seat].name : std::string(),
                    !seated    ? "none"
                    : row.head ? "head"
                               : "member",
                    std::to_string(row.messages), std::to_string(row.clauses_tabled),
                    std::to_string(row.amendments), std::to_string(row.seat_cosponsorships),
                    std::to_string(row.seat_ballots), std::to_string(row.seat_deals_offered),
                    std::to_string(row.seat_deals_accepted), objectives, score});
  }
  return out;
}

}  // namespace accord::report
