#include "scoring/analyzer_eval.hpp"

#include <algorithm>
#include <cstdio>
#include <map>
#include <nlohmann/json.hpp>

namespace accord::scoring {

namespace {

using nlohmann::json;

int sign(long long v) {
  return (v > 0) - (v < 0);
}

bool parse_move(const json& item, const std::string& where, ExpectedMove& out,
                std::vector<std::string>& errors) {
  if (!item.is_object()) {
    errors.push_back(where + ": expected an object");
    return false;
  }
  const auto text_field = [&](const char* key) -> std::string {
    const auto it = item.find(key);
    return it != item.end() && it->is_string() ? it->get<std::string>() : std::string();
  };
  const std::string criterion = text_field("criterion"), direction = text_field("direction"),
                    strength = text_field("strength");
  const auto c = enum_from_string<Criterion>(criterion);
  if (!c) {
    errors.push_back(where + "/criterion: unknown criterion '" + criterion +
                     "' (expected MI, TR, AV, RF, RS, CC or SP)");
    return false;
  }
  if (direction != "up" && direction != "down") {
    errors.push_back(where + "/direction: expected 'up' or 'down', not '" + direction + "'");
    return false;
  }
  const auto s = enum_from_string<Strength>(strength);
  if (!s || *s == Strength::none) {
    errors.push_back(where + "/strength: expected strong, medium or weak, not '" + strength + "'");
    return false;
  }
  out = ExpectedMove{*c, direction == "up" ? 1 : -1, *s};
  return true;
}

std::string points_text(const Points& p) {
  std::string out;
  for (std::size_t c = 0; c < kCriterionCount; ++c) {
    if (p[c] == 0) continue;
    if (!out.empty()) out += ' ';
    out += std::string(to_string(kAllCriteria[c])) + (p[c] > 0 ? "+" : "") + std::to_string(p[c]);
  }
  return out.empty() ? "nothing" : out;
}

std::string expected_text(const LabelledClause& clause) {
  if (clause.expect.empty()) return "nothing";
  std::string out;
  for (const auto& e : clause.expect) {
    if (!out.empty()) out += ' ';
    out += std::string(to_string(e.criterion)) + (e.direction > 0 ? " up" : " down") + " (" +
           std::string(to_string(e.strength)) + ")";
  }
  return out;
}

std::string ratio(int right, int total) {
  if (total == 0) return "     -";
  char buffer[48];
  std::snprintf(buffer, sizeof buffer, "%3d/%-3d %5.1f %%", right, total, 100.0 * right / total);
  return buffer;
}

// A miss that moved a labelled criterion the wrong way is worse than one that missed it.
int severity(const LabelledResult& r) {
  int s = 0;
  for (const auto& e : r.clause->expect) {
    const int moved = sign(r.analysis.points[index_of(e.criterion)]);
    s += moved == -e.direction ? 2 : moved == 0 ? 1 : 0;
  }
  return s + (r.clause->expect.empty() ? r.unlabelled_moves : 0);
}

}  // namespace

CorpusParse parse_corpus(std::string_view jsonl) {
  CorpusParse out;
  int line_number = 0;
  std::size_t start = 0;
  while (start < jsonl.size()) {
    std::size_t end = jsonl.find('\n', start);
    if (end == std::string_view::npos) end = jsonl.size();
    const std::string_view line = jsonl.substr(start, end - start);
    start = end + 1;
    ++line_number;
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    const std::string where = "line " + std::to_string(line_number);
    const json doc = json::parse(line, nullptr, false);
    if (doc.is_discarded() || !doc.is_object()) {
      out.errors.push_back(where + ": not a JSON object");
      continue;
    }
    LabelledClause clause;
    clause.line = line_number;
    const auto id = doc.find("id");
    const auto text = doc.find("text");
    const auto expect = doc.find("expect");
    if (id == doc.end() || !id->is_string() || id->get<std::string>().empty()) {
      out.errors.push_back(where + ": id: expected a non-empty string");
      continue;
    }
    if (text == doc.end() || !text->is_string() || text->get<std::string>().empty()) {
      out.errors.push_back(where + ": text: expected a non-empty string");
      continue;
    }
    if (expect == doc.end() || !expect->is_array()) {
      out.errors.push_back(where + ": expect: expected a list (empty when nothing should move)");
      continue;
    }
    clause.id = id->get<std::string>();
    clause.text = text->get<std::string>();
    bool ok = true;
    for (std::size_t i = 0; i < expect->size(); ++i) {
      ExpectedMove move;
      if (!parse_move((*expect)[i], where + ": expect/" + std::to_string(i), move, out.errors))
        ok = false;
      else
        clause.expect.push_back(move);
    }
    if (const auto tags = doc.find("phenomena"); tags != doc.end() && tags->is_array())
      for (const auto& tag : *tags)
        if (tag.is_string()) clause.phenomena.push_back(tag.get<std::string>());
    if (ok) out.clauses.push_back(std::move(clause));
  }
  return out;
}

EvalReport evaluate_analyzer(const Lexicon& lexicon, const std::vector<LabelledClause>& corpus) {
  EvalReport report;
  std::map<std::string, DirectionTally> phenomena;
  report.results.reserve(corpus.size());
  for (const LabelledClause& clause : corpus) {
    LabelledResult r;
    r.clause = &clause;
    r.analysis = analyze_clause(lexicon, clause.text);
    const Points& moved = r.analysis.points;
    std::array<bool, kCriterionCount> labelled{};
    for (const auto& e : clause.expect) {
      const std::size_t c = index_of(e.criterion);
      labelled[c] = true;
      auto& tally = report.by_direction[c][e.direction > 0 ? 0 : 1];
      ++tally.labelled;
      if (sign(moved[c]) == e.direction) {
        ++tally.right;
        auto& strength = report.by_strength[c][static_cast<std::size_t>(e.strength) - 1];
        strength.sum_pm += std::abs(static_cast<long long>(r.analysis.exact_pm[c]));
        ++strength.count;
      } else {
        ++r.labels_missed;
      }
    }
    for (std::size_t c = 0; c < kCriterionCount; ++c)
      if (!labelled[c] && moved[c] != 0) ++r.unlabelled_moves;
    r.right = clause.expect.empty() ? r.unlabelled_moves == 0 : r.labels_missed == 0;
    if (clause.expect.empty()) {
      ++report.none.labelled;
      report.none.right += r.right ? 1 : 0;
    }
    // Confusion: for each missed label, which criteria moved instead (or nothing at all).
    for (const auto& e : clause.expect) {
      const std::size_t c = index_of(e.criterion);
      if (sign(moved[c]) == e.direction) continue;
      bool any = false;
      for (std::size_t other = 0; other < kCriterionCount; ++other)
        if (other != c && !labelled[other] && moved[other] != 0) {
          ++report.confusion[c][other];
          any = true;
        }
      if (!any) ++report.confusion[c][moved[c] != 0 ? c : kCriterionCount];
    }
    report.right += r.right ? 1 : 0;
    report.with_unlabelled_moves += r.unlabelled_moves > 0 ? 1 : 0;
    for (const auto& tag : clause.phenomena) {
      ++phenomena[tag].labelled;
      phenomena[tag].right += r.right ? 1 : 0;
    }
    report.results.push_back(std::move(r));
  }
  report.by_phenomenon.assign(phenomena.begin(), phenomena.end());
  return report;
}

std::string render_eval(const EvalReport& report, int worst) {
  std::string out;
  out += "Clauses right: " + ratio(report.right, report.total()) + "\n";
  out +=
      "  (every labelled criterion moved the labelled way; for clauses that should move\n"
      "   nothing, nothing moved)\n";
  out += "Clauses that also moved an unlabelled criterion: " +
         std::to_string(report.with_unlabelled_moves) + "\n\n";
  out += "Criterion  up                  down\n";
  for (std::size_t c = 0; c < kCriterionCount; ++c)
    out += std::string(to_string(kAllCriteria[c])) + "         " +
           ratio(report.by_direction[c][0].right, report.by_direction[c][0].labelled) + "   " +
           ratio(report.by_direction[c][1].right, report.by_direction[c][1].labelled) + "\n";
  out += "nothing    " + ratio(report.none.right, report.none.labelled) + "\n\n";

  out += "Mean size of the right moves, in points (weak / medium / strong labels):\n";
  for (std::size_t c = 0; c < kCriterionCount; ++c) {
    out += std::string(to_string(kAllCriteria[c])) + "  ";
    for (const auto& s : report.by_strength[c]) {
      char buffer[32];
      if (s.count == 0)
        std::snprintf(buffer, sizeof buffer, "    -      ");
      else
        std::snprintf(buffer, sizeof buffer, "%5.2f (%2d) ",
                      static_cast<double>(s.sum_pm) / 1000.0 / s.count, s.count);
      out += buffer;
    }
    out += "\n";
  }

  out += "\nBy phenomenon:\n";
  for (const auto& [tag, tally] : report.by_phenomenon) {
    std::string name = tag;
    name.resize(std::max<std::size_t>(name.size(), 20), ' ');
    out += "  " + name + ratio(tally.right, tally.labelled) + "\n";
  }

  out += "\nConfusion on misses (row: labelled criterion; column: what moved instead):\n     ";
  for (const Criterion c : kAllCriteria)
    out += "  " + std::string(to_string(c)) + " ";
  out += " none\n";
  for (std::size_t c = 0; c < kCriterionCount; ++c) {
    out += "  " + std::string(to_string(kAllCriteria[c])) + " ";
    for (const int n : report.confusion[c]) {
      char buffer[16];
      std::snprintf(buffer, sizeof buffer, "%5d", n);
      out += buffer;
    }
    out += "\n";
  }

  std::vector<const LabelledResult*> misses;
  for (const auto& r : report.results)
    if (!r.right) misses.push_back(&r);
  std::stable_sort(misses.begin(), misses.end(),
                   [](const auto* a, const auto* b) { return severity(*a) > severity(*b); });
  if (!misses.empty() && worst > 0) {
    out += "\nWorst misses:\n";
    for (std::size_t i = 0; i < misses.size() && i < static_cast<std::size_t>(worst); ++i) {
      const LabelledResult& r = *misses[i];
      out += "- " + r.clause->id + " (line " + std::to_string(r.clause->line) +
             "): " + r.clause->text + "\n    expected " + expected_text(*r.clause) + "; got " +
             points_text(r.analysis.points) + "\n    " + r.analysis.explanation + "\n";
    }
  }
  return out;
}

}  // namespace accord::scoring
