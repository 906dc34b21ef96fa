// Reading drafts from files: the JSON draft format and plain text, one clause per line.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "scoring/draft.hpp"

namespace accord::scoring {

struct DraftParse {
  std::optional<Draft> draft;
  std::vector<DraftError> errors;  // each names a JSON path or "line N"
  std::vector<int> clause_lines;   // plain text: the line of each clause, for later errors
};

// {"title": "...", "preset": "balanced", "clauses": [{"ref": "27"}, {"text": "..."}],
//  "vote": {"yes": 17, "no": 1, "abstain": 2, "not_voting": 0, "blocs_in_favour": 6,
//           "blocs_total": 8}}  or  "vote": {"without_vote": true, "occupied_seats": 20}
DraftParse parse_draft_json(std::string_view text);

// One free-text clause per line; blank lines are skipped. Lines longer than
// `max_line_bytes` are errors naming the line.
DraftParse parse_clause_lines(std::string_view text, std::string title, std::size_t max_line_bytes);

// Rewrites "/clauses/3/text" as "line 7" for a draft read by parse_clause_lines.
std::string locate_for_lines(const std::string& path, const std::vector<int>& clause_lines);

}  // namespace accord::scoring
