// Measures the free-text analyzer on a labelled corpus (tests/data/analyzer/README.md): which
// sentences move the labelled criteria the labelled way, per criterion and direction, the
// confusion between criteria, and the worst misses. Used by `accord-score --eval` and the tests.
#pragma once

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "scoring/analyzer.hpp"

namespace accord::scoring {

struct ExpectedMove {
  Criterion criterion = Criterion::MI;
  int direction = 1;  // +1 up, -1 down
  Strength strength = Strength::strong;
};

struct LabelledClause {
  std::string id;
  std::string text;
  std::vector<ExpectedMove> expect;  // empty: the clause should move nothing
  std::vector<std::string> phenomena;
  int line = 0;  // 1-based line in the corpus file
};

struct CorpusParse {
  std::vector<LabelledClause> clauses;
  std::vector<std::string> errors;  // "line 12: expect/0/criterion: unknown criterion 'XX'"
};

// One JSON object per line; blank lines are skipped. Every bad line is reported, none thrown.
CorpusParse parse_corpus(std::string_view jsonl);

struct LabelledResult {
  const LabelledClause* clause = nullptr;
  Analysis analysis;
  bool right = false;
  int labels_missed = 0;     // labelled criteria not moved the labelled way
  int unlabelled_moves = 0;  // criteria moved that the label does not name
};

struct DirectionTally {
  int labelled = 0;
  int right = 0;
};

// Rows: the labelled criterion; columns: what moved instead on a miss (each criterion, or
// nothing at all in the last column).
using Confusion = std::array<std::array<int, kCriterionCount + 1>, kCriterionCount>;

struct StrengthTally {
  long long sum_pm = 0;  // |exact points| of the labelled criterion, when it moved right
  int count = 0;
};

struct EvalReport {
  std::vector<LabelledResult> results;
  int right = 0;
  int with_unlabelled_moves = 0;
  DirectionTally none;  // clauses that should move nothing
  std::array<std::array<DirectionTally, 2>, kCriterionCount> by_direction{};  // [c][up=0/down=1]
  Confusion confusion{};
  // [criterion][strength weak/medium/strong]: how far the right moves go, to check that firm
  // commitments outweigh hedged ones.
  std::array<std::array<StrengthTally, 3>, kCriterionCount> by_strength{};
  std::vector<std::pair<std::string, DirectionTally>> by_phenomenon;  // sorted by name

  int total() const { return static_cast<int>(results.size()); }
  int accuracy_pm() const { return results.empty() ? 0 : right * 1000 / total(); }
};

EvalReport evaluate_analyzer(const Lexicon& lexicon, const std::vector<LabelledClause>& corpus);

// The table for a terminal: overall, per criterion and direction, by strength, by phenomenon,
// the confusion matrix and up to `worst` misses with the analyzer's explanation.
std::string render_eval(const EvalReport& report, int worst);

}  // namespace accord::scoring
