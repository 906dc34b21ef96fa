// Figures for scoring (issue 4): the client re-scores the draft and re-analyses the clause
// being typed on every keystroke, so both must take well under a frame.
// Run: ./run.sh bench   (or build/bench/scoring_bench --benchmark_repetitions=5)
#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "scoring/analyzer.hpp"
#include "scoring/asset_loader.hpp"
#include "scoring/score.hpp"

namespace accord::scoring {
namespace {

const ClauseCatalogue& catalogue() {
  static const CatalogueLoad load = load_catalogue(ACCORD_ASSET_DIR);
  if (!load.ok()) {
    for (const auto& e : load.errors)
      std::fprintf(stderr, "%s\n", e.describe().c_str());
    std::abort();
  }
  return *load.catalogue;
}

// Free-text clauses of a realistic length (150-300 characters), as players type them.
const char* const kFreeText[] = {
    "States shall publish their national cyber strategies, the categories of infrastructure "
    "they regard as critical and their views on how international law applies, and shall "
    "report every year on implementation.",
    "States should not attack or damage critical infrastructure, hospitals or emergency "
    "response teams, and shall cooperate with requests for assistance after incidents.",
    "States shall respect human rights and privacy online, including freedom of expression, "
    "and shall not block or shut down networks, as national law permits.",
    "Civil society, the private sector and the technical community shall take part in the "
    "review conferences, with transparent and accountable procedures open to all states.",
};

// A 60-clause draft. One clause per family is allowed, and the library has 43 families, so
// the largest draft a player can build has the 43 archetypes as written plus free text:
// here 17 free-text clauses, with a split vote.
Draft sixty_clause_draft() {
  Draft draft;
  draft.title = "Everything at once";
  for (const auto& clause : catalogue().clauses())
    if (!clause.is_variant()) draft.clauses.push_back(DraftClause::of_ref(clause.ref));
  for (int i = 0; draft.clauses.size() < 60; ++i)
    draft.clauses.push_back(DraftClause::of_text(kFreeText[i % 4]));
  draft.vote = VoteRecord{false, 0, 17, 1, 2, 1, 6, 8};
  return draft;
}

void BM_ScoreSixtyClauseDraft(benchmark::State& state) {
  const Draft draft = sixty_clause_draft();
  for (auto _ : state) {
    auto outcome = score(catalogue(), draft);
    benchmark::DoNotOptimize(outcome);
  }
  state.SetLabel("43 archetypes + 17 free-text clauses, voted");
}
BENCHMARK(BM_ScoreSixtyClauseDraft)->Unit(benchmark::kMicrosecond);

void BM_ScoreFortyThreeArchetypes(benchmark::State& state) {
  Draft draft = sixty_clause_draft();
  draft.clauses.resize(43);
  for (auto _ : state) {
    auto outcome = score(catalogue(), draft);
    benchmark::DoNotOptimize(outcome);
  }
  state.SetLabel("catalogue clauses only, no free text");
}
BENCHMARK(BM_ScoreFortyThreeArchetypes)->Unit(benchmark::kMicrosecond);

void BM_AnalyseClause300(benchmark::State& state) {
  std::string text =
      "States shall not attack or damage critical infrastructure or emergency response teams, "
      "shall publish their national strategies and report annually on implementation, and "
      "should respect human rights and privacy online, with the participation of civil "
      "society and the private sector where appropriate.";
  text.resize(300, ' ');
  for (auto _ : state) {
    auto analysis = analyze_clause(catalogue().lexicon(), text);
    benchmark::DoNotOptimize(analysis);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * 300);
}
BENCHMARK(BM_AnalyseClause300)->Unit(benchmark::kMicrosecond);

// Every sentence of the labelled corpus (tests/data/analyzer), one analysis per iteration in
// turn: the time per clause of real drafting wording, 60 to 380 characters.
void BM_AnalyseCorpusSentence(benchmark::State& state) {
  std::ifstream in(std::string(ACCORD_SOURCE_DIR) + "/tests/data/analyzer/corpus.jsonl");
  std::vector<std::string> texts;
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) texts.push_back(nlohmann::json::parse(line).at("text").get<std::string>());
  if (texts.empty()) {
    state.SkipWithError("no corpus");
    return;
  }
  std::size_t next = 0, bytes = 0;
  for (auto _ : state) {
    const std::string& text = texts[next++ % texts.size()];
    bytes += text.size();
    auto analysis = analyze_clause(catalogue().lexicon(), text);
    benchmark::DoNotOptimize(analysis);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(bytes));
  state.SetLabel(std::to_string(texts.size()) + " corpus sentences in turn");
}
BENCHMARK(BM_AnalyseCorpusSentence)->Unit(benchmark::kMicrosecond);

void BM_LoadCatalogue(benchmark::State& state) {
  for (auto _ : state) {
    auto load = load_catalogue(ACCORD_ASSET_DIR);
    benchmark::DoNotOptimize(load);
  }
  state.SetLabel("read, validate and hash every asset file");
}
BENCHMARK(BM_LoadCatalogue)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace accord::scoring

BENCHMARK_MAIN();
