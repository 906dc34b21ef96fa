#include "score_command.hpp"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <fstream>
#include <ostream>
#include <sstream>

#include "paths/asset_location.hpp"
#include "scoring/analyzer_eval.hpp"
#include "scoring/asset_loader.hpp"
#include "scoring/draft_io.hpp"
#include "scoring/report.hpp"
#include "scoring/score.hpp"

namespace accord::tools {

namespace {

using namespace accord::scoring;

constexpr std::size_t kMaxInputBytes = 8u << 20;

struct Options {
  std::string input;
  std::string preset;
  std::string format = "text";
  std::string assets = accord::default_asset_dir();
  std::string eval;
  int worst = 15;
};

bool read_file(const std::string& path, std::string& bytes, std::string& problem) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    problem = "cannot open the file";
    return false;
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  bytes = buffer.str();
  if (bytes.size() > kMaxInputBytes) {
    problem = "the file is larger than " + std::to_string(kMaxInputBytes >> 20) + " MiB";
    return false;
  }
  if (bytes.find_first_not_of(" \t\r\n") == std::string::npos) {
    problem = "the file is empty";
    return false;
  }
  return true;
}

bool is_json_name(std::string name) {
  std::transform(name.begin(), name.end(), name.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return name.size() >= 5 && name.ends_with(".json");
}

std::string stem_of(const std::string& path) {
  const std::size_t slash = path.find_last_of('/');
  std::string name = slash == std::string::npos ? path : path.substr(slash + 1);
  const std::size_t dot = name.rfind('.');
  return dot == std::string::npos || dot == 0 ? name : name.substr(0, dot);
}

int report_errors(std::ostream& err, const std::string& file, const std::vector<DraftError>& errors,
                  const std::vector<int>* lines) {
  for (const auto& e : errors) {
    const std::string where = lines ? locate_for_lines(e.path, *lines) : e.path;
    err << "accord-score: " << file << ": " << (where.empty() ? "/" : where) << ": " << e.problem
        << "\n";
  }
  return kExitBadInput;
}

// Reads FILE, or says why it cannot and returns false.
bool read_input(const std::string& path, std::string& bytes, std::ostream& err) {
  std::string problem;
  if (read_file(path, bytes, problem)) return true;
  err << "accord-score: " << path << ": " << problem << "\n";
  return false;
}

// When the assets did not load, names every error and returns true.
bool reported_asset_errors(const CatalogueLoad& loaded, std::ostream& err) {
  if (loaded.ok()) return false;
  for (const auto& e : loaded.errors)
    err << "accord-score: assets: " << e.describe() << "\n";
  return true;
}

int run_eval(const Options& opt, std::ostream& out, std::ostream& err) {
  std::string bytes;
  if (!read_input(opt.eval, bytes, err)) return kExitBadInput;
  const CorpusParse corpus = parse_corpus(bytes);
  if (!corpus.errors.empty()) {
    for (const auto& e : corpus.errors)
      err << "accord-score: " << opt.eval << ": " << e << "\n";
    return kExitBadInput;
  }
  const CatalogueLoad loaded = load_catalogue(opt.assets);
  if (reported_asset_errors(loaded, err)) return kExitBadAssets;
  out << render_eval(evaluate_analyzer(loaded.catalogue->lexicon(), corpus.clauses), opt.worst);
  return kExitOk;
}

}  // namespace

int run_accord_score(int argc, const char* const* argv, std::ostream& out, std::ostream& err) {
  Options opt;
  CLI::App app{
      "Scores a draft code of conduct: how well it promotes multilateral, transparent "
      "governance, explained clause by clause.\n"
      "FILE is a JSON draft (.json) or plain text with one free-text clause per line.",
      "accord-score"};
  app.add_option("FILE", opt.input, "The draft to score");
  app.add_option("--eval", opt.eval,
                 "Measure the free-text analyzer on a labelled corpus (JSON lines, see "
                 "tests/data/analyzer/README.md) instead of scoring a draft");
  app.add_option("--worst", opt.worst, "With --eval: how many misses to show")
      ->check(CLI::Range(0, 100000))
      ->capture_default_str();
  app.add_option("--preset", opt.preset,
                 "Weight preset: balanced (default), sovereigntist or liberal");
  app.add_option("--format", opt.format, "Output format")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  app.add_option("--assets", opt.assets, "The asset folder")->capture_default_str();
  app.set_version_flag("--version", std::string("accord-score ") + ACCORD_VERSION);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e, out, err);
    return code == 0 ? kExitOk : kExitBadInput;
  }
  if (!opt.eval.empty()) return run_eval(opt, out, err);
  if (opt.input.empty()) {
    err << "accord-score: name the draft FILE to score (or a corpus with --eval); see --help\n";
    return kExitBadInput;
  }

  std::string bytes;
  if (!read_input(opt.input, bytes, err)) return kExitBadInput;
  const CatalogueLoad loaded = load_catalogue(opt.assets);
  if (reported_asset_errors(loaded, err)) return kExitBadAssets;
  const ClauseCatalogue& catalogue = *loaded.catalogue;

  const bool json_input = is_json_name(opt.input);
  DraftParse parsed =
      json_input
          ? parse_draft_json(bytes)
          : parse_clause_lines(bytes, stem_of(opt.input),
                               static_cast<std::size_t>(catalogue.formula().max_clause_bytes));
  const std::vector<int>* lines = json_input ? nullptr : &parsed.clause_lines;
  if (!parsed.draft) return report_errors(err, opt.input, parsed.errors, lines);
  Draft& draft = *parsed.draft;
  if (!opt.preset.empty()) {
    if (!catalogue.preset(opt.preset))
      return report_errors(err, opt.input,
                           {{"--preset", "unknown preset '" + opt.preset +
                                             "' (expected balanced, sovereigntist or liberal)"}},
                           nullptr);
    draft.preset = opt.preset;
  }
  const ScoreOutcome outcome = score(catalogue, draft);
  if (!outcome) return report_errors(err, opt.input, outcome.errors, lines);
  out << (opt.format == "json" ? render_json(*outcome.scorecard) : render_text(*outcome.scorecard));
  return kExitOk;
}

}  // namespace accord::tools
