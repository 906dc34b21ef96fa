// The condition language that secret objectives and scenario goals are written in, its parser
// and its evaluator over a finished match (docs/scoring.md, "The condition language").
//
//   condition := or_expr
//   or_expr   := and_expr ("or" and_expr)*
//   and_expr  := unary ("and" unary)*
//   unary     := "not" unary | "(" condition ")" | predicate
//   predicate := name "(" [arg ("," arg)*] ")"
//   arg       := clause ref or family (38, 38q, 8r) | number (7, 62.5) | criterion (MI ... SP)
//
// "Adopted" means: stands (clause adopted, not hidden) in a draft adopted in the final vote or
// without a vote. Evaluation is pure and reads only public data, so it gives the same answer on
// the server and on any viewer's debrief view.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "scoring/catalogue.hpp"
#include "scoring/match_scoring.hpp"

namespace accord::scoring {

enum class Predicate : std::uint8_t {
  code_adopted,             // ()
  adopted,                  // (F)     family F, any variant
  adopted_ref,              // (R)     the exact reference R
  adopted_in,               // (D, F)  family F in adopted draft number D (0-based)
  adopted_with_cosponsors,  // (F, N)  family F adopted with at least N co-sponsors
  seat_sponsored_adopted,   // ()      the seat sponsored an adopted clause
  seat_supported_adopted,   // (N)     the seat sponsored or co-sponsored at least N of them
  criterion_at_least,       // (C, X)  an adopted draft scores at least X on criterion C
  content_at_least,         // (X)
  final_at_least,           // (X)
  legitimacy_at_least,      // (X)
  deals_honoured,           // ()      the seat honoured every verifiable deal, and had one
};

// A parsed condition: a predicate with its arguments, or and / or / not of sub-conditions.
struct Condition {
  enum class Kind : std::uint8_t { predicate, all_of, any_of, negation };
  Kind kind = Kind::predicate;
  Predicate predicate = Predicate::code_adopted;
  std::string ref;  // adopted, adopted_in, adopted_with_cosponsors: family; adopted_ref: ref
  int count = 0;    // adopted_in: draft index; with_cosponsors, supported: N
  int tenths = 0;   // thresholds on the 0-100 scale, in tenths (62.5 -> 625)
  Criterion criterion = Criterion::MI;
  std::vector<Condition> children;  // all_of / any_of: two or more; negation: one
};

// Objectives belong to a seat; scenario goals have no owner, so seat predicates are refused.
enum class ConditionMode : std::uint8_t { objective, goal };

struct ConditionError {
  std::size_t position = 0;  // byte offset into the text (0-based)
  std::string problem;
  // "at column 12: unknown predicate 'adopt'"
  std::string describe() const;
};

struct ParsedCondition {
  std::optional<Condition> condition;
  std::optional<ConditionError> error;
  explicit operator bool() const { return condition.has_value(); }
};

inline constexpr std::size_t kMaxConditionBytes = 4096;
inline constexpr int kMaxConditionDepth = 32;

// Never throws: any text gives a condition or an error naming the position and the problem
// (unknown predicate, wrong argument count or type, unknown family or reference, a seat
// predicate in a goal, trailing input, too long or too deeply nested).
ParsedCondition parse_condition(std::string_view text, const ClauseCatalogue& catalogue,
                                ConditionMode mode = ConditionMode::objective);

bool is_seat_predicate(Predicate predicate);
std::string_view predicate_name(Predicate predicate);

struct ConditionResult {
  bool holds = false;
  std::string explanation;  // one plain sentence
};

// `owner`: the objective's seat; nullopt for a scenario goal (seat predicates then fail).
ConditionResult evaluate(const Condition& condition, const MatchRecord& record,
                         std::optional<SeatIndex> owner);

// Convenience: builds the MatchRecord (scoring every adopted draft) for one evaluation.
ConditionResult evaluate(const Condition& condition, const Match& match,
                         const ClauseCatalogue& catalogue, std::optional<SeatIndex> owner);

}  // namespace accord::scoring
