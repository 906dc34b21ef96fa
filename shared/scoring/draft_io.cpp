#include "scoring/draft_io.hpp"

#include "scoring/json_walk.hpp"

namespace accord::scoring {

namespace {

std::optional<VoteRecord> read_vote(const json& doc, JsonWalk& walk) {
  const json* v = walk.field(doc, "", "vote", false);
  if (!v || v->is_null() || !walk.object(*v, "/vote")) return std::nullopt;
  VoteRecord vote;
  walk.only_keys(*v, "/vote",
                 {"without_vote", "occupied_seats", "yes", "no", "abstain", "not_voting",
                  "blocs_in_favour", "blocs_total"});
  vote.without_vote = walk.boolean(*v, "/vote", "without_vote", false).value_or(false);
  const bool counted = !vote.without_vote;
  const auto get = [&](const char* key, int& field, bool required) {
    if (const auto n = walk.integer(*v, "/vote", key, 0, 1000000, required))
      field = static_cast<int>(*n);
  };
  get("occupied_seats", vote.occupied_seats, false);
  get("yes", vote.yes, counted);
  get("no", vote.no, counted);
  get("abstain", vote.abstain, counted);
  get("not_voting", vote.not_voting, false);
  get("blocs_in_favour", vote.blocs_in_favour, counted);
  get("blocs_total", vote.blocs_total, counted);
  return vote;
}

}  // namespace

DraftParse parse_draft_json(std::string_view text) {
  DraftParse result;
  std::string problem;
  const auto doc = parse_json_text(text, problem);
  if (!doc) {
    result.errors.push_back({"", problem});
    return result;
  }
  std::vector<PathError> errors;
  JsonWalk walk(errors);
  Draft draft;
  if (walk.object(*doc, "")) {
    walk.only_keys(*doc, "", {"title", "preset", "clauses", "vote"});
    draft.title = walk.string(*doc, "", "title", false, true).value_or("");
    draft.preset = walk.string(*doc, "", "preset", false).value_or("");
    walk.array(*doc, "", "clauses", true, [&](const json& item, const std::string& path) {
      DraftClause clause;
      if (walk.object(item, path)) {
        walk.only_keys(item, path, {"ref", "text"});
        const bool has_ref = item.contains("ref"), has_text = item.contains("text");
        if (has_ref == has_text)
          walk.fail(path, "a clause needs exactly one of \"ref\" or \"text\"");
        else if (has_ref)
          clause.ref = walk.string(item, path, "ref").value_or("");
        else
          clause.text = walk.string(item, path, "text").value_or("");
      }
      draft.clauses.push_back(std::move(clause));
    });
    draft.vote = read_vote(*doc, walk);
  }
  for (auto& e : errors)
    result.errors.push_back({e.path, std::move(e.problem)});
  if (result.errors.empty()) result.draft = std::move(draft);
  return result;
}

DraftParse parse_clause_lines(std::string_view text, std::string title,
                              std::size_t max_line_bytes) {
  DraftParse result;
  Draft draft;
  draft.title = std::move(title);
  int line_number = 0;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    std::string_view line = text.substr(start, end - start);
    start = end + 1;
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.find_first_not_of(" \t") == std::string_view::npos) continue;
    if (line.size() > max_line_bytes) {
      result.errors.push_back({"line " + std::to_string(line_number),
                               "clause is " + std::to_string(line.size()) +
                                   " bytes long; at most " + std::to_string(max_line_bytes)});
      continue;
    }
    draft.clauses.push_back(DraftClause::of_text(std::string(line)));
    result.clause_lines.push_back(line_number);
  }
  if (draft.clauses.empty() && result.errors.empty())
    result.errors.push_back({"line 1", "the file holds no clause"});
  if (result.errors.empty()) result.draft = std::move(draft);
  return result;
}

std::string locate_for_lines(const std::string& path, const std::vector<int>& clause_lines) {
  constexpr std::string_view kPrefix = "/clauses/";
  if (!path.starts_with(kPrefix)) return path;
  const std::size_t digits_end = path.find('/', kPrefix.size());
  const std::string index = path.substr(kPrefix.size(), digits_end - kPrefix.size());
  if (index.empty() || index.size() > 6 ||
      index.find_first_not_of("0123456789") != std::string::npos)
    return path;
  const auto i = static_cast<std::size_t>(std::stoul(index));
  return i < clause_lines.size() ? "line " + std::to_string(clause_lines[i]) : path;
}

}  // namespace accord::scoring
