// accord-tournament: thousands of seeded in-process matches between bots of every difficulty
// and a random-legal-action baseline, over every scenario and seat count. Difficulties are
// mixed at each table and rotated between seats (a table of equals would measure only the
// opponents). Prints per kind of player: objectives achieved, red lines kept, share of matches
// with a code adopted, mean final score of adopted codes, match length, with 95 % confidence
// intervals (clustered by match: seats at one table are not independent). docs/bots.md.
#include <CLI/CLI.hpp>

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <map>
#include <numeric>
#include <sstream>

#include "core/codec.hpp"
#include "core/rng.hpp"
#include "match_runner.hpp"
#include "paths/asset_location.hpp"

namespace accord::tournament {
namespace {

// Mean and 95 % interval (normal approximation) of a sample.
struct Sample {
  double sum = 0, sum_sq = 0;
  long n = 0;
  void add(double x) {
    sum += x;
    sum_sq += x * x;
    ++n;
  }
  double mean() const { return n ? sum / static_cast<double>(n) : 0; }
  double half_width() const {
    if (n < 2) return 0;
    const double m = mean();
    const double var = (sum_sq - static_cast<double>(n) * m * m) / static_cast<double>(n - 1);
    return 1.96 * std::sqrt(std::max(0.0, var) / static_cast<double>(n));
  }
  std::string text(double scale, int decimals) const {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f ± %.*f", decimals, mean() * scale, decimals,
                  half_width() * scale);
    return buffer;
  }
};

struct KindStats {
  Sample objectives;   // per match: the kind's share of its objectives achieved at that table
  Sample red_lines;    // per match: share of its red lines kept out
  Sample adopted;      // per match the kind sat in: 1 if a code was adopted
  Sample final_score;  // per adopted draft of those matches (0-100)
  Sample length;       // per match: commands sent by everyone
  Sample commands;     // per seat: commands this kind sent
  long seats = 0;
};

double share_of(const SeatResult& seat) {
  return seat.objectives ? static_cast<double>(seat.achieved) / seat.objectives : 0;
}

// One table group: three rotations without a random seat (each state plays easy, normal and
// hard once), then three with the same state playing randomly.
void add_matched(const std::vector<std::pair<MatchSpec, MatchResult>>& group,
                 std::array<Sample, 3>& matched) {
  if (group.size() != 6) return;
  const std::size_t seats = group.front().first.seats;
  // share[s][kind] from the rotations without a random seat.
  std::vector<std::array<std::optional<double>, kPlayerKinds>> share(seats);
  std::optional<SeatIndex> random_seat;
  double random_sum = 0;
  int random_n = 0;
  for (const auto& [spec, result] : group) {
    const bool has_random =
        std::find(spec.players.begin(), spec.players.end(), Player::random) != spec.players.end();
    for (SeatIndex s = 0; s < result.seat_results.size(); ++s) {
      const auto& seat = result.seat_results[s];
      if (seat.objectives == 0) continue;
      if (!has_random) share[s][static_cast<std::size_t>(seat.player)] = share_of(seat);
      if (seat.player == Player::random) {
        random_seat = s;
        random_sum += share_of(seat);
        ++random_n;
      }
    }
  }
  const auto mean_diff = [&](Player a, Player b) -> std::optional<double> {
    double sum = 0;
    int n = 0;
    for (const auto& kinds : share) {
      const auto& x = kinds[static_cast<std::size_t>(a)];
      const auto& y = kinds[static_cast<std::size_t>(b)];
      if (x && y) sum += *x - *y, ++n;
    }
    return n ? std::optional<double>(sum / n) : std::nullopt;
  };
  if (const auto d = mean_diff(Player::hard, Player::normal)) matched[0].add(*d);
  if (const auto d = mean_diff(Player::normal, Player::easy)) matched[1].add(*d);
  if (random_seat && random_n > 0)
    if (const auto& easy = share[*random_seat][static_cast<std::size_t>(Player::easy)])
      matched[2].add(*easy - random_sum / random_n);
}

struct Config {
  std::string scenario;
  std::size_t seats;
};

// Per-seat scores by role (the state a seat plays) in each scenario, bots only: the random
// baseline is left out, since fairness asks whether a role can be played as well as another.
struct RoleScores {
  std::map<std::string, Sample> by_state;
  std::map<std::string, std::array<Sample, 4>> parts_by_state;
  Sample table;    // every bot seat of the scenario
  Sample no_code;  // seats of matches that adopted nothing
  void add(const MatchResult& result) {
    for (const auto& seat : result.seat_results) {
      if (seat.player == Player::random) continue;
      by_state[seat.state].add(seat.total);
      for (std::size_t p = 0; p < seat.parts.size(); ++p)
        parts_by_state[seat.state][p].add(seat.parts[p]);
      table.add(seat.total);
      if (!result.code_adopted) no_code.add(seat.total);
    }
  }
};

// Prints each scenario's roles whose mean is furthest from the table's mean; returns the
// largest distance over all scenarios.
double print_fairness(const std::map<std::string, RoleScores>& by_scenario, double margin) {
  double worst = 0;
  std::printf(
      "\nper-seat score by role (bots; mean ± 95 %% interval; the distance from the table's "
      "mean;\n* marks a role more than %.0f points from it):\n",
      margin);
  for (const auto& [id, roles] : by_scenario) {
    std::vector<std::pair<double, std::string>> rows;
    for (const auto& [state, sample] : roles.by_state)
      rows.emplace_back(sample.mean() - roles.table.mean(), state);
    std::sort(rows.begin(), rows.end());
    std::printf("  %-18s table %s (no code adopted: %s, %ld seats)\n", id.c_str(),
                roles.table.text(1, 1).c_str(), roles.no_code.text(1, 1).c_str(), roles.no_code.n);
    for (const auto& [distance, state] : rows) {
      worst = std::max(worst, std::abs(distance));
      const auto& parts = roles.parts_by_state.at(state);
      std::printf(
          "    %s %-16s %-15s %+6.1f   objectives %5.1f, red lines %5.1f, influence %5.1f, "
          "deals %5.1f\n",
          std::abs(distance) > margin ? "*" : " ", state.c_str(),
          roles.by_state.at(state).text(1, 1).c_str(), distance, parts[0].mean(), parts[1].mean(),
          parts[2].mean(), parts[3].mean());
    }
  }
  return worst;
}

}  // namespace
}  // namespace accord::tournament

int main(int argc, char** argv) {
  using namespace accord;
  using namespace accord::tournament;
  CLI::App app{"accord-tournament: bots of every difficulty play seeded matches in-process"};
  std::size_t matches = 1836;
  std::uint64_t seed = 1;
  std::string asset_dir = accord::default_asset_dir();
  std::string only_scenario;
  std::string preset = "class45";
  bool smoke = false;
  bool detail = false;
  bool trace = false;
  double margin = 20;  // points: two thirds of one objective
  app.add_option("--matches", matches,
                 "number of matches (6 per table: 3 rotations, with and "
                 "without a random seat)");
  app.add_option("--seed", seed, "first seed");
  app.add_option("--assets", asset_dir, "asset folder");
  app.add_option("--scenario", only_scenario, "only this scenario");
  app.add_option("--preset", preset, "timer preset");
  app.add_flag("--smoke", smoke, "a quick run (36 matches) that fails on any rejected command");
  app.add_flag("--detail", detail, "also print each objective's rate per kind of player");
  app.add_flag("--trace", trace, "print every command of every match (debugging)");
  app.add_option("--fairness-margin", margin,
                 "the most a role's mean per-seat score may differ from its table's mean");
  CLI11_PARSE(app, argc, argv);
  if (smoke) matches = 36;

  auto loaded = content::load_content(asset_dir);
  if (!loaded.ok()) {
    std::fprintf(stderr, "accord-tournament: the assets do not load: %s\n",
                 loaded.errors.front().problem.c_str());
    return 2;
  }
  const auto& content = *loaded.catalogue;
  std::optional<bots::Phrasebook> phrases;
  {
    std::ifstream in(asset_dir + "/bots/phrases.json");
    std::stringstream text;
    text << in.rdbuf();
    auto book = bots::parse_phrasebook(text.str());
    if (!book.book) {
      std::fprintf(stderr, "accord-tournament: assets/bots/phrases.json: %s\n", book.error.c_str());
      return 2;
    }
    phrases = std::move(book.book);
  }

  std::vector<Config> configs;
  for (const auto& scenario : content.scenarios()) {
    if (!only_scenario.empty() && scenario.id != only_scenario) continue;
    for (std::size_t n = content::Scenario::kMinSeats; n <= scenario.seats.size(); ++n)
      configs.push_back({scenario.id, n});
  }
  if (configs.empty()) {
    std::fprintf(stderr, "accord-tournament: no such scenario\n");
    return 2;
  }
  // The smoke run spreads its few matches over scenarios and sizes.
  // Consecutive tables walk the configurations with a stride coprime to their number, so
  // that a short run still visits every scenario and size.
  const std::size_t groups = std::max<std::size_t>(1, (matches + 5) / 6);
  std::size_t config_step = std::max<std::size_t>(1, configs.size() / groups);
  while (std::gcd(config_step, configs.size()) != 1)
    ++config_step;

  std::array<KindStats, kPlayerKinds> stats;
  std::map<std::string, Sample> adoption_by_scenario;
  std::map<std::string, DecisionRule> rule_of;
  std::map<std::string, RoleScores> roles;
  Sample length;
  std::map<std::string, std::array<Sample, kPlayerKinds>> by_objective;
  // State-matched differences, one sample per table group: the same state at the same table
  // with the same seed, played by one kind and by the next (hard - normal, normal - easy,
  // easy - random).
  std::array<Sample, 3> matched;
  std::vector<std::pair<MatchSpec, MatchResult>> group_results;
  long rejections = 0, unfinished = 0;
  const auto started = std::chrono::steady_clock::now();
  for (std::size_t i = 0; i < matches; ++i) {
    const auto group = i / 6;
    const auto& config = configs[(group * config_step) % configs.size()];
    const auto rotation = i % 3;
    const bool with_random = (i / 3) % 2 == 1;
    MatchSpec spec;
    spec.scenario = config.scenario;
    spec.seats = config.seats;
    spec.preset = preset;
    spec.seed = seed + group;
    // Each table draws its own mix (a seeded shuffle), then rotates it: otherwise a state
    // would always be easy when its neighbour in the seat order is hard.
    std::vector<std::size_t> offset(config.seats);
    std::iota(offset.begin(), offset.end(), std::size_t{0});
    Pcg32 shuffle = Pcg32::seeded(seed + group, 31);
    for (std::size_t s = offset.size(); s > 1; --s)
      std::swap(offset[s - 1], offset[shuffle.below(static_cast<std::uint32_t>(s))]);
    for (std::size_t s = 0; s < config.seats; ++s)
      spec.players.push_back(static_cast<Player>(1 + (offset[s] + rotation) % 3));
    // The same state plays randomly in all three rotations of a table, so that the rotations
    // differ only in who plays which difficulty.
    if (with_random) spec.players[group % config.seats] = Player::random;
    RunOptions options;
    options.phrases = &*phrases;
    options.keep_commands = trace;
    const auto result = play_match(content, spec, options);
    rejections += result.rejections;
    unfinished += result.finished ? 0 : 1;
    for (const auto& text : result.rejection_texts)
      std::fprintf(stderr, "rejected (%s, %zu seats, seed %llu): %s\n", config.scenario.c_str(),
                   config.seats, static_cast<unsigned long long>(spec.seed), text.c_str());
    length.add(result.commands);
    if (trace) {
      std::printf("match %zu: %s, %zu seats, seed %llu, code %s\n", i, config.scenario.c_str(),
                  config.seats, static_cast<unsigned long long>(spec.seed),
                  result.code_adopted ? "adopted" : "not adopted");
      for (std::size_t s = 0; s < result.commands_by_seat.size(); ++s) {
        const auto& seat = result.seat_results[s];
        std::printf("  seat %zu %s: objectives %d/%d, red lines kept %d/%d\n", s,
                    std::string(player_name(seat.player)).c_str(), seat.achieved, seat.objectives,
                    seat.kept, seat.red_lines);
        for (const auto& [condition, achieved] : seat.objective_outcomes)
          std::printf("      %s %s\n", achieved ? "+" : "-", condition.c_str());
        for (const auto& command : result.commands_by_seat[s])
          std::printf("    %s\n", to_json_text(command).c_str());
      }
    }
    adoption_by_scenario[config.scenario].add(result.code_adopted ? 1 : 0);
    rule_of[config.scenario] = result.rule;
    roles[config.scenario].add(result);
    for (const auto& seat : result.seat_results)
      for (const auto& [condition, achieved] : seat.objective_outcomes)
        by_objective[config.scenario + " " + seat.state + ": " + condition]
                    [static_cast<std::size_t>(seat.player)]
                        .add(achieved ? 1 : 0);
    for (std::size_t k = 0; k < kPlayerKinds; ++k) {
      int objectives = 0, achieved = 0, lines = 0, kept = 0, seats = 0;
      for (const auto& seat : result.seat_results) {
        if (static_cast<std::size_t>(seat.player) != k) continue;
        ++seats;
        objectives += seat.objectives;
        achieved += seat.achieved;
        lines += seat.red_lines;
        kept += seat.kept;
        stats[k].commands.add(seat.commands);
      }
      if (seats == 0) continue;
      stats[k].seats += seats;
      if (objectives > 0) stats[k].objectives.add(static_cast<double>(achieved) / objectives);
      if (lines > 0) stats[k].red_lines.add(static_cast<double>(kept) / lines);
      stats[k].adopted.add(result.code_adopted ? 1 : 0);
      stats[k].length.add(result.commands);
      for (int score : result.adopted_final_scores)
        stats[k].final_score.add(score / 10.0);
    }
    group_results.emplace_back(spec, result);
    if (group_results.size() == 6 || i + 1 == matches) {
      add_matched(group_results, matched);
      group_results.clear();
    }
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();

  std::printf("accord-tournament: %zu matches (%zu table configurations), seed %llu, %.1f s\n",
              matches, configs.size(), static_cast<unsigned long long>(seed), seconds);
  std::printf(
      "95 %% confidence intervals; objectives and red lines are per-match shares "
      "(clustered by table)\n\n");
  std::printf("%-7s %7s  %-16s %-16s %-16s %-15s %-13s %-11s\n", "player", "seats", "objectives %",
              "red lines kept %", "code adopted %", "final score", "match cmds", "cmds/seat");
  for (std::size_t k = kPlayerKinds; k-- > 0;) {
    const auto& s = stats[k];
    std::printf("%-7s %7ld  %-16s %-16s %-16s %-15s %-13s %-11s\n",
                std::string(player_name(static_cast<Player>(k))).c_str(), s.seats,
                s.objectives.text(100, 1).c_str(), s.red_lines.text(100, 1).c_str(),
                s.adopted.text(100, 1).c_str(), s.final_score.text(1, 1).c_str(),
                s.length.text(1, 0).c_str(), s.commands.text(1, 1).c_str());
  }
  std::printf(
      "\nstate-matched differences in objectives achieved, percentage points (the same "
      "state at the same table and seed,\nplayed by one kind and by the other):\n");
  const char* pair_names[] = {"hard - normal", "normal - easy", "easy - random"};
  for (std::size_t k = 0; k < 3; ++k)
    std::printf("  %-14s %s  (%ld tables)\n", pair_names[k], matched[k].text(100, 1).c_str(),
                matched[k].n);
  if (detail) {
    std::printf(
        "\nobjectives achieved %% by scenario, role and condition (random, easy, normal, "
        "hard):\n");
    for (const auto& [condition, samples] : by_objective)
      std::printf("  %-60s %5.1f %5.1f %5.1f %5.1f  (n=%ld)\n", condition.c_str(),
                  samples[0].mean() * 100, samples[1].mean() * 100, samples[2].mean() * 100,
                  samples[3].mean() * 100, samples[3].n);
  }
  std::printf("\ncode adopted, by scenario:\n");
  for (const auto& [id, sample] : adoption_by_scenario)
    std::printf("  %-18s %-16s %5.1f %% ± %.1f  (%ld matches)\n", id.c_str(),
                std::string(to_string(rule_of[id])).c_str(), sample.mean() * 100,
                sample.half_width() * 100, sample.n);
  const double worst = print_fairness(roles, margin);
  std::printf(
      "fairness: the furthest role is %.1f points from its table's mean (margin %.0f): %s\n", worst,
      margin, worst <= margin ? "holds" : "DOES NOT HOLD");
  std::printf("\nmatch length: %s commands; rejected commands: %ld; unfinished matches: %ld\n",
              length.text(1, 0).c_str(), rejections, unfinished);

  const auto obj = [&](Player p) { return stats[static_cast<std::size_t>(p)].objectives; };
  const bool ordered = obj(Player::hard).mean() > obj(Player::normal).mean() &&
                       obj(Player::normal).mean() > obj(Player::easy).mean() &&
                       obj(Player::easy).mean() > obj(Player::random).mean();
  std::printf("ordering hard > normal > easy > random on objectives: %s\n",
              ordered ? "holds" : "DOES NOT HOLD");
  if (rejections > 0 || unfinished > 0) return 1;
  return 0;
}
