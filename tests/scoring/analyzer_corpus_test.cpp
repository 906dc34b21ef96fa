// The free-text analyzer measured on its labelled corpus (tests/data/analyzer): the split is
// sound, accuracy on both halves stays at or above what was reached (a regression guard, not a
// target), firm commitments outweigh hedged ones in every criterion, and the explanation names
// the words behind each effect.
#include <set>

#include "scoring/analyzer_eval.hpp"
#include "scoring_test_support.hpp"

namespace accord::scoring::test {
namespace {

// Reached when issue 21 landed (docs/scoring.md, "How well it reads"): raise them when the
// analyzer improves, never lower them to let a change through.
constexpr int kDevelopmentFloorPm = 932;  // 440 of 472
constexpr int kHeldOutFloorPm = 640;  // 303 of 473

std::vector<LabelledClause> corpus_file(const std::string& name) {
  const std::string text = read_text(std::string(ACCORD_ANALYZER_CORPUS) + "/" + name);
  REQUIRE_FALSE(text.empty());
  CorpusParse parsed = parse_corpus(text);
  for (const auto& e : parsed.errors)
    UNSCOPED_INFO(name << ": " << e);
  REQUIRE(parsed.errors.empty());
  return std::move(parsed.clauses);
}

std::set<std::string> ids_of(const std::vector<LabelledClause>& clauses) {
  std::set<std::string> ids;
  for (const auto& c : clauses)
    ids.insert(c.id);
  return ids;
}

TEST_CASE("the analyzer corpus is split into two halves that share no sentence") {
  const auto corpus = corpus_file("corpus.jsonl");
  const auto dev = corpus_file("dev.jsonl");
  const auto heldout = corpus_file("heldout.jsonl");
  CHECK(corpus.size() >= 300);
  CHECK(ids_of(corpus).size() == corpus.size());  // no id twice
  std::set<std::string> both = ids_of(dev);
  for (const auto& id : ids_of(heldout))
    CHECK(both.insert(id).second);  // in one half only
  CHECK(both == ids_of(corpus));
  // Each half holds every criterion in both directions, and sentences that move nothing.
  for (const auto* half : {&dev, &heldout}) {
    std::set<std::pair<Criterion, int>> seen;
    int nothing = 0;
    for (const auto& c : *half) {
      for (const auto& e : c.expect)
        seen.insert({e.criterion, e.direction});
      nothing += c.expect.empty() ? 1 : 0;
    }
    CHECK(seen.size() == 2 * kCriterionCount);
    CHECK(nothing >= 20);
  }
}

void check_floor(const std::string& file, int floor_pm) {
  const auto clauses = corpus_file(file);
  const EvalReport report = evaluate_analyzer(shipped().lexicon(), clauses);
  INFO(render_eval(report, 10));
  CHECK(report.total() == static_cast<int>(clauses.size()));
  CHECK(report.accuracy_pm() >= floor_pm);
}

TEST_CASE("the analyzer's accuracy on the development half does not fall") {
  check_floor("dev.jsonl", kDevelopmentFloorPm);
}

TEST_CASE("the analyzer's accuracy on the held-out half does not fall") {
  check_floor("heldout.jsonl", kHeldOutFloorPm);
}

TEST_CASE("firm commitments outweigh hedged ones in every criterion, both ways") {
  struct Case {
    Criterion criterion;
    int direction;
    const char* predicate;  // follows "States <modal> "
  };
  const Case cases[] = {
      {Criterion::MI, 1, "support a United Nations mechanism open to all states."},
      {Criterion::MI, -1, "settle the rules within a club of like-minded states."},
      {Criterion::TR, 1, "publish their national strategies."},
      {Criterion::TR, -1, "keep their doctrines confidential."},
      {Criterion::AV, 1, "accept independent verification of their commitments."},
      {Criterion::AV, -1, "treat these norms as non-binding."},
      {Criterion::RF, 1, "protect freedom of expression online."},
      {Criterion::RF, -1, "filter online content."},
      {Criterion::RS, 1, "refrain from attacks on hospitals."},
      {Criterion::RS, -1, "build offensive cyber weapons."},
      {Criterion::CC, 1, "cooperate in investigations of cybercrime."},
      {Criterion::CC, -1, "refuse requests for mutual assistance."},
      {Criterion::SP, 1, "involve civil society and the private sector."},
      {Criterion::SP, -1, "keep these talks state-centric."},
  };
  for (const auto& c : cases) {
    int previous = 0;
    for (const char* modal : {"are encouraged to", "should", "shall"}) {
      const std::string text = std::string("States ") + modal + " " + c.predicate;
      const Analysis a = analyze_clause(shipped().lexicon(), text);
      const int moved = a.exact_pm[index_of(c.criterion)] * c.direction;
      INFO(text << " -> " << a.explanation);
      CHECK(moved > previous);  // the right way, and further than the softer wording
      CHECK(a.points[index_of(c.criterion)] * c.direction > 0);
      previous = moved;
    }
  }
}

std::string explain(std::string_view text) {
  return analyze_clause(shipped().lexicon(), text).explanation;
}

bool says(const std::string& explanation, std::string_view words) {
  INFO(explanation);
  return explanation.find(words) != std::string::npos;
}

TEST_CASE("the explanation names the words behind each effect") {
  // A negation and what it reverses, carried over a list.
  const auto no_attack = explain("States shall not attack, damage or disrupt power grids.");
  CHECK(says(no_attack, "\"not ... attack\""));
  CHECK(says(no_attack, "\"not ... disrupt\""));
  // A restriction and what it narrows.
  CHECK(
      says(explain("Decisions shall be taken by governments alone."), "\"alone ... governments\""));
  CHECK(says(explain("Cooperation shall be limited to the exchange of statistics."),
             "\"limited to ... cooperation\""));
  // A passive negation reverses its subject.
  CHECK(says(explain("Electronic evidence shall not be shared with foreign police."),
             "\"not be ... electronic evidence\""));
  // Reported speech and history commit no one, and say why.
  const Analysis reported =
      analyze_clause(shipped().lexicon(),
                     "Some delegations argued that companies should be allowed to hack back.");
  CHECK(reported.points == Points{});
  CHECK(says(reported.explanation, "reports a view (\"argued\")"));
  const Analysis history = analyze_clause(
      shipped().lexicon(), "The Budapest Convention was opened for signature in 2001.");
  CHECK(history.points == Points{});
  // A harm named in a condition is a situation, not an act.
  const Analysis condition =
      analyze_clause(shipped().lexicon(),
                     "States shall come to the aid of any State whose hospitals are attacked.");
  CHECK(condition.points[index_of(Criterion::RS)] >= 0);
  CHECK(condition.points[index_of(Criterion::CC)] > 0);
  // A right left to national law says which words hollow it.
  CHECK(says(explain("Privacy shall be respected in accordance with national legislation."),
             "\"in accordance with national legislation\""));
}

TEST_CASE("a corpus line that is wrong is named, and nothing else is lost") {
  const CorpusParse parsed = parse_corpus(
      "{\"id\": \"x-1\", \"text\": \"States shall publish.\", \"expect\": "
      "[{\"criterion\": \"TR\", \"direction\": \"up\", \"strength\": \"strong\"}]}\n"
      "{\"id\": \"x-2\", \"text\": \"States shall publish.\", \"expect\": "
      "[{\"criterion\": \"XX\", \"direction\": \"up\", \"strength\": \"strong\"}]}\n"
      "\n"
      "not json\n"
      "{\"id\": \"x-4\", \"text\": \"\", \"expect\": []}\n"
      "{\"id\": \"x-5\", \"text\": \"Hello.\", \"expect\": [{\"criterion\": \"RF\", "
      "\"direction\": \"sideways\", \"strength\": \"strong\"}]}\n"
      "{\"id\": \"x-6\", \"text\": \"Hello.\", \"expect\": []}");
  REQUIRE(parsed.clauses.size() == 2);
  CHECK(parsed.clauses[0].id == "x-1");
  CHECK(parsed.clauses[1].line == 7);
  REQUIRE(parsed.errors.size() == 4);
  CHECK(parsed.errors[0] ==
        "line 2: expect/0/criterion: unknown criterion 'XX' (expected MI, TR, AV, RF, RS, CC or "
        "SP)");
  CHECK(parsed.errors[1] == "line 4: not a JSON object");
  CHECK(parsed.errors[2] == "line 5: text: expected a non-empty string");
  CHECK(parsed.errors[3] == "line 6: expect/0/direction: expected 'up' or 'down', not 'sideways'");
}

TEST_CASE("the evaluation counts right, missed and unlabelled moves") {
  const CorpusParse parsed = parse_corpus(
      "{\"id\": \"r\", \"text\": \"States shall publish their strategies.\", \"expect\": "
      "[{\"criterion\": \"TR\", \"direction\": \"up\", \"strength\": \"strong\"}]}\n"
      "{\"id\": \"w\", \"text\": \"States shall publish their strategies.\", \"expect\": "
      "[{\"criterion\": \"TR\", \"direction\": \"down\", \"strength\": \"strong\"}]}\n"
      "{\"id\": \"n\", \"text\": \"The weather was fine.\", \"expect\": []}\n");
  REQUIRE(parsed.errors.empty());
  const EvalReport report = evaluate_analyzer(shipped().lexicon(), parsed.clauses);
  CHECK(report.right == 2);
  CHECK(report.accuracy_pm() == 666);
  CHECK(report.by_direction[index_of(Criterion::TR)][0].right == 1);
  CHECK(report.by_direction[index_of(Criterion::TR)][1].labelled == 1);
  CHECK(report.by_direction[index_of(Criterion::TR)][1].right == 0);
  CHECK(report.none.right == 1);
  // The miss moved TR itself the wrong way: the confusion counts it on TR's own column.
  CHECK(report.confusion[index_of(Criterion::TR)][index_of(Criterion::TR)] == 1);
  const std::string text = render_eval(report, 5);
  CHECK(text.find("Clauses right:   2/3") != std::string::npos);
  CHECK(text.find("- w (line 2)") != std::string::npos);
}

}  // namespace
}  // namespace accord::scoring::test
