// The condition language's parser: a small lexer and a recursive-descent parser with a depth
// limit, checking every argument against the clause catalogue. The evaluator is in
// condition_eval.cpp.
#include <array>
#include <cctype>

#include "scoring/conditions.hpp"

namespace accord::scoring {

namespace {

enum class ArgKind : std::uint8_t { family, ref, integer, score, criterion };

struct Signature {
  Predicate predicate;
  std::string_view name;
  std::vector<ArgKind> args;
  std::string_view usage;  // e.g. "adopted_in(D, F)"
};

const std::vector<Signature>& signatures() {
  using A = ArgKind;
  using P = Predicate;
  static const std::vector<Signature> list{
      {P::code_adopted, "code_adopted", {}, "code_adopted()"},
      {P::adopted, "adopted", {A::family}, "adopted(F)"},
      {P::adopted_ref, "adopted_ref", {A::ref}, "adopted_ref(R)"},
      {P::adopted_in, "adopted_in", {A::integer, A::family}, "adopted_in(D, F)"},
      {P::adopted_with_cosponsors,
       "adopted_with_cosponsors",
       {A::family, A::integer},
       "adopted_with_cosponsors(F, N)"},
      {P::seat_sponsored_adopted, "seat_sponsored_adopted", {}, "seat_sponsored_adopted()"},
      {P::seat_supported_adopted,
       "seat_supported_adopted",
       {A::integer},
       "seat_supported_adopted(N)"},
      {P::criterion_at_least,
       "criterion_at_least",
       {A::criterion, A::score},
       "criterion_at_least(C, X)"},
      {P::content_at_least, "content_at_least", {A::score}, "content_at_least(X)"},
      {P::final_at_least, "final_at_least", {A::score}, "final_at_least(X)"},
      {P::legitimacy_at_least, "legitimacy_at_least", {A::score}, "legitimacy_at_least(X)"},
      {P::deals_honoured, "deals_honoured", {}, "deals_honoured()"},
  };
  return list;
}

const Signature* find_signature(std::string_view name) {
  for (const auto& s : signatures())
    if (s.name == name) return &s;
  return nullptr;
}

enum class Tok : std::uint8_t { word, atom, open, close, comma, end };

struct Token {
  Tok kind = Tok::end;
  std::string_view text;
  std::size_t pos = 0;
};

bool is_alpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}
bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

struct Failure {
  ConditionError error;
};

class Parser {
 public:
  Parser(std::string_view text, const ClauseCatalogue& catalogue, ConditionMode mode)
      : text_(text), catalogue_(catalogue), mode_(mode) {}

  // Returns the condition, or sets error_.
  std::optional<Condition> run() {
    if (text_.size() > kMaxConditionBytes)
      return fail(kMaxConditionBytes,
                  "the condition is longer than " + std::to_string(kMaxConditionBytes) + " bytes");
    if (!advance()) return std::nullopt;
    if (cur_.kind == Tok::end) return fail(cur_.pos, "the condition is empty");
    auto c = parse_or(0);
    if (!c) return std::nullopt;
    if (cur_.kind != Tok::end)
      return fail(cur_.pos, "unexpected " + shown(cur_) +
                                " after a complete condition (join conditions with 'and' or 'or')");
    return c;
  }

  std::optional<ConditionError> error_;

 private:
  std::nullopt_t fail(std::size_t pos, std::string problem) {
    if (!error_) error_ = ConditionError{pos, std::move(problem)};
    return std::nullopt;
  }

  bool bad(std::size_t pos, std::string problem) {
    fail(pos, std::move(problem));
    return false;
  }

  static std::string shown(const Token& t) {
    if (t.kind == Tok::end) return "end of the condition";
    return "'" + std::string(t.text) + "'";
  }

  // Reads the next token into cur_; false (with error_) on a character the language lacks.
  bool advance() {
    while (at_ < text_.size() &&
           (text_[at_] == ' ' || text_[at_] == '\t' || text_[at_] == '\n' || text_[at_] == '\r'))
      ++at_;
    const std::size_t start = at_;
    if (at_ >= text_.size()) {
      cur_ = {Tok::end, {}, start};
      return true;
    }
    const char c = text_[at_];
    if (c == '(' || c == ')' || c == ',') {
      ++at_;
      cur_ = {c == '('   ? Tok::open
              : c == ')' ? Tok::close
                         : Tok::comma,
              text_.substr(start, 1), start};
      return true;
    }
    if (is_alpha(c)) {
      while (at_ < text_.size() && (is_alpha(text_[at_]) || is_digit(text_[at_])))
        ++at_;
      cur_ = {Tok::word, text_.substr(start, at_ - start), start};
      return true;
    }
    if (is_digit(c)) {  // 38, 38q, 8r, 62.5
      while (at_ < text_.size() && is_digit(text_[at_]))
        ++at_;
      if (at_ + 1 < text_.size() && text_[at_] == '.' && is_digit(text_[at_ + 1])) {
        ++at_;
        while (at_ < text_.size() && is_digit(text_[at_]))
          ++at_;
      }
      while (at_ < text_.size() && (is_alpha(text_[at_]) || is_digit(text_[at_])))
        ++at_;
      cur_ = {Tok::atom, text_.substr(start, at_ - start), start};
      return true;
    }
    const auto byte = static_cast<unsigned char>(c);
    fail(start, byte >= 0x20 && byte < 0x7F
                    ? "unexpected character '" + std::string(1, c) + "'"
                    : "unexpected byte " + std::to_string(byte) + " (only ASCII is allowed)");
    return false;
  }

  bool is_word(std::string_view w) const { return cur_.kind == Tok::word && cur_.text == w; }

  std::optional<Condition> parse_or(int depth) {
    return parse_list(depth, "or", Condition::Kind::any_of);
  }

  std::optional<Condition> parse_and(int depth) {
    return parse_list(depth, "and", Condition::Kind::all_of);
  }

  std::optional<Condition> parse_list(int depth, std::string_view keyword, Condition::Kind kind) {
    auto first = keyword == "or" ? parse_and(depth) : parse_unary(depth);
    if (!first) return std::nullopt;
    if (!is_word(keyword)) return first;
    Condition list;
    list.kind = kind;
    list.children.push_back(std::move(*first));
    while (is_word(keyword)) {
      if (!advance()) return std::nullopt;
      auto next = keyword == "or" ? parse_and(depth) : parse_unary(depth);
      if (!next) return std::nullopt;
      list.children.push_back(std::move(*next));
    }
    return list;
  }

  std::optional<Condition> parse_unary(int depth) {
    if (depth >= kMaxConditionDepth)
      return fail(cur_.pos, "the condition is nested more than " +
                                std::to_string(kMaxConditionDepth) + " levels deep");
    if (is_word("not")) {
      if (!advance()) return std::nullopt;
      auto inner = parse_unary(depth + 1);
      if (!inner) return std::nullopt;
      Condition negation;
      negation.kind = Condition::Kind::negation;
      negation.children.push_back(std::move(*inner));
      return negation;
    }
    if (cur_.kind == Tok::open) {
      if (!advance()) return std::nullopt;
      auto inner = parse_or(depth + 1);
      if (!inner) return std::nullopt;
      if (cur_.kind != Tok::close) return fail(cur_.pos, "expected ')' but found " + shown(cur_));
      if (!advance()) return std::nullopt;
      return inner;
    }
    return parse_predicate();
  }

  std::optional<Condition> parse_predicate() {
    const Token name = cur_;
    if (name.kind != Tok::word || name.text == "and" || name.text == "or")
      return fail(name.pos,
                  "expected a condition (a predicate such as adopted(38), 'not' or "
                  "'(') but found " +
                      shown(name));
    const Signature* sig = find_signature(name.text);
    if (!sig) {
      std::string known;
      for (const auto& s : signatures())
        known += (known.empty() ? "" : ", ") + std::string(s.name);
      return fail(name.pos,
                  "unknown predicate '" + std::string(name.text) + "' (known: " + known + ")");
    }
    if (mode_ == ConditionMode::goal && is_seat_predicate(sig->predicate))
      return fail(name.pos, std::string(sig->name) +
                                " speaks of the objective's seat, but a scenario goal has no seat");
    if (!advance()) return std::nullopt;
    if (cur_.kind != Tok::open)
      return fail(cur_.pos, "expected '(' after " + std::string(sig->name) + " (write " +
                                std::string(sig->usage) + ")");
    if (!advance()) return std::nullopt;
    std::vector<Token> args;
    if (cur_.kind != Tok::close) {
      while (true) {
        if (cur_.kind != Tok::word && cur_.kind != Tok::atom)
          return fail(cur_.pos, "expected an argument but found " + shown(cur_));
        args.push_back(cur_);
        if (!advance()) return std::nullopt;
        if (cur_.kind == Tok::close) break;
        if (cur_.kind != Tok::comma)
          return fail(cur_.pos, "expected ',' or ')' but found " + shown(cur_));
        if (!advance()) return std::nullopt;
      }
    }
    const std::size_t close_pos = cur_.pos;
    if (!advance()) return std::nullopt;
    if (args.size() != sig->args.size()) {
      const auto n = sig->args.size();
      return fail(args.size() > n ? args[n].pos : close_pos,
                  std::string(sig->name) + " takes " + std::to_string(n) +
                      (n == 1 ? " argument" : " arguments") + " (" + std::string(sig->usage) +
                      "), not " + std::to_string(args.size()));
    }
    Condition c;
    c.predicate = sig->predicate;
    for (std::size_t i = 0; i < args.size(); ++i)
      if (!take_arg(sig->args[i], args[i], c)) return std::nullopt;
    return c;
  }

  // Reads a whole number or a score with at most one decimal, in tenths; nullopt if not one.
  static std::optional<long> tenths_of(std::string_view t) {
    long whole = 0;
    std::size_t i = 0;
    for (; i < t.size() && is_digit(t[i]); ++i) {
      if (i >= 6) return std::nullopt;
      whole = whole * 10 + (t[i] - '0');
    }
    if (i == 0) return std::nullopt;
    if (i == t.size()) return whole * 10;
    if (t[i] != '.' || i + 2 != t.size() || !is_digit(t[i + 1])) return std::nullopt;
    return whole * 10 + (t[i + 1] - '0');
  }

  bool take_arg(ArgKind kind, const Token& t, Condition& c) {
    const std::string text(t.text);
    switch (kind) {
      case ArgKind::family: {
        const ClauseArchetype* a = t.kind == Tok::atom ? catalogue_.find(text) : nullptr;
        if (!a) return bad(t.pos, "unknown clause family '" + text + "'");
        if (a->is_variant())
          return bad(t.pos, "'" + text + "' is a variant of family " + a->family + ": write " +
                                a->family + " for the family (any variant), or adopted_ref(" +
                                text + ") for this exact clause");
        c.ref = a->family;
        return true;
      }
      case ArgKind::ref: {
        const ClauseArchetype* a = t.kind == Tok::atom ? catalogue_.find(text) : nullptr;
        if (!a) return bad(t.pos, "unknown clause reference '" + text + "'");
        c.ref = a->ref;
        return true;
      }
      case ArgKind::integer: {
        const auto v = t.kind == Tok::atom ? tenths_of(t.text) : std::nullopt;
        if (!v || *v % 10 != 0 || text.find('.') != std::string::npos || *v / 10 > 1000)
          return bad(t.pos, "expected a whole number from 0 to 1000 but found '" + text + "'");
        c.count = static_cast<int>(*v / 10);
        return true;
      }
      case ArgKind::score: {
        const auto v = t.kind == Tok::atom ? tenths_of(t.text) : std::nullopt;
        if (!v || *v > 1000)
          return bad(t.pos, "expected a score from 0 to 100 (at most one decimal) but found '" +
                                text + "'");
        c.tenths = static_cast<int>(*v);
        return true;
      }
      case ArgKind::criterion: {
        for (const Criterion crit : kAllCriteria)
          if (t.kind == Tok::word && to_string(crit) == t.text) {
            c.criterion = crit;
            return true;
          }
        if (text == "LA")
          return bad(t.pos, "LA is not a content criterion: use legitimacy_at_least(X)");
        return bad(t.pos,
                   "unknown criterion '" + text + "' (expected MI, TR, AV, RF, RS, CC or SP)");
      }
    }
    return false;
  }

  std::string_view text_;
  const ClauseCatalogue& catalogue_;
  ConditionMode mode_;
  std::size_t at_ = 0;
  Token cur_;
};

}  // namespace

std::string ConditionError::describe() const {
  return "at column " + std::to_string(position + 1) + ": " + problem;
}

bool is_seat_predicate(Predicate p) {
  return p == Predicate::seat_sponsored_adopted || p == Predicate::seat_supported_adopted ||
         p == Predicate::deals_honoured;
}

std::string_view predicate_name(Predicate p) {
  for (const auto& s : signatures())
    if (s.predicate == p) return s.name;
  return "?";
}

ParsedCondition parse_condition(std::string_view text, const ClauseCatalogue& catalogue,
                                ConditionMode mode) {
  Parser parser(text, catalogue, mode);
  ParsedCondition out;
  out.condition = parser.run();
  if (!out.condition) {
    out.error = parser.error_ ? *parser.error_ : ConditionError{0, "the condition is invalid"};
    out.condition.reset();
  }
  return out;
}

}  // namespace accord::scoring
