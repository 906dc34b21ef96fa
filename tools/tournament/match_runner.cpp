#include "match_runner.hpp"

#include <variant>

#include "bots/pacing.hpp"
#include "bots/random_bot.hpp"
#include "core/host.hpp"
#include "core/visibility.hpp"
#include "scoring/seat_score.hpp"

namespace accord::tournament {
namespace {

constexpr int kMaxSteps = 200'000;  // a runaway guard; real matches need a few thousand

struct Seat {
  std::optional<bots::Bot> bot;
  std::optional<bots::RandomBot> random;
  std::optional<bots::ThinkTime> random_think;  // the baseline thinks at the normal pace
  bots::SeatPacer pacer;
  TimeMs think_ms() { return bot ? bot->think_ms() : random_think->think_ms(); }
  std::optional<Command> next(const Match& view, TimeMs now) {
    return bot ? bot->next_command(view, now) : random->next_command(view, now);
  }
};

bots::Difficulty difficulty_of(Player player) {
  switch (player) {
    case Player::easy:
      return bots::Difficulty::easy;
    case Player::hard:
      return bots::Difficulty::hard;
    default:
      return bots::Difficulty::normal;
  }
}

}  // namespace

std::string_view player_name(Player player) {
  switch (player) {
    case Player::random:
      return "random";
    case Player::easy:
      return "easy";
    case Player::normal:
      return "normal";
    case Player::hard:
      return "hard";
  }
  return "?";
}

MatchResult play_match(const content::ContentCatalogue& content, const MatchSpec& spec,
                       const RunOptions& options) {
  MatchResult result;
  result.scenario = spec.scenario;
  result.seats = spec.seats;
  auto created = content::make_match_settings(content, spec.scenario, spec.seats, spec.preset);
  if (!created) {
    result.rejection_texts.push_back(created.error);
    ++result.rejections;
    return result;
  }
  LogHeader header = created.setup->header;
  header.seed = spec.seed;
  if (spec.edit_settings) spec.edit_settings(header.settings);
  result.rule = header.settings.rules.decision_rule;
  MatchHost host(header);
  TimeMs now = 0;
  for (SeatIndex s = 0; s < spec.seats; ++s)
    host.submit(Actor::facilitator(), SetBot{s, true}, now);
  host.submit(Actor::facilitator(), StartMatch{}, now);

  std::optional<Match> brief_match;
  if (spec.brief_settings) brief_match = new_match(*spec.brief_settings, spec.seed);
  std::vector<Seat> seats(spec.seats);
  for (SeatIndex s = 0; s < spec.seats; ++s) {
    const Player player = s < spec.players.size() ? spec.players[s] : Player::normal;
    const Match& source = brief_match && s != spec.observed_seat ? *brief_match : host.match();
    if (player == Player::random) {
      seats[s].random.emplace(s, spec.seed);
      seats[s].random_think.emplace(bots::default_pace(bots::Difficulty::normal),
                                    spec.seed * 1000003 + s);
    } else {
      std::shared_ptr<const bots::Phrasebook> phrases;
      if (options.phrases)
        phrases = std::shared_ptr<const bots::Phrasebook>(
            options.phrases, [](const bots::Phrasebook*) {});  // borrowed: outlives the match
      seats[s].bot.emplace(bots::make_room_bot(view_for(source, Viewer::of_seat(s)), s,
                                               content.clauses(), difficulty_of(player), spec.seed,
                                               std::move(phrases)));
    }
    seats[s].pacer.start(seats[s], now);
  }
  result.seat_results.resize(spec.seats);
  if (options.keep_commands) result.commands_by_seat.resize(spec.seats);

  for (int step = 0; step < kMaxSteps && host.match().phase != Phase::debrief; ++step) {
    // Nobody can act in the briefing: skip to its end.
    if (host.match().phase == Phase::briefing && host.match().deadline) {
      now = std::max(now, *host.match().deadline);
      host.advance_clock(now);
      continue;
    }
    SeatIndex who = 0;
    for (SeatIndex s = 1; s < seats.size(); ++s)
      if (seats[s].pacer.next_at() < seats[who].pacer.next_at()) who = s;
    const auto& deadline = host.match().deadline;
    if (deadline && *deadline <= seats[who].pacer.next_at()) {
      now = std::max(now, *deadline);
      host.advance_clock(now);
      continue;
    }
    now = std::max(now, seats[who].pacer.next_at());
    Seat& seat = seats[who];
    seat.pacer.step(
        seat, now, [&] { return seat.next(view_for(host.match(), Viewer::of_seat(who)), now); },
        [&](const Command& command) {
          const auto outcome = host.submit(Actor::bot(who), command, now);
          ++result.commands;
          ++result.seat_results[who].commands;
          if (options.keep_commands) result.commands_by_seat[who].push_back(command);
          if (outcome.rejection) {
            ++result.rejections;
            if (result.rejection_texts.size() < 5)
              result.rejection_texts.push_back("seat " + std::to_string(who) + " " +
                                               std::string(name_of(command)) + ": " +
                                               outcome.rejection->message);
          }
          return !outcome.rejection;
        });
  }
  const Match& match = host.match();
  result.finished = match.phase == Phase::debrief;
  const scoring::MatchRecord record(match, content.clauses());
  for (const auto& draft : record.adopted_drafts()) {
    result.code_adopted = true;
    if (draft.outcome.scorecard)
      result.adopted_final_scores.push_back(draft.outcome.scorecard->final_score);
  }
  for (const auto& score : scoring::seat_scores(record)) {
    auto& seat = result.seat_results[score.seat];
    seat.player = score.seat < spec.players.size() ? spec.players[score.seat] : Player::normal;
    for (const auto& objective : score.objectives) {
      ++seat.objectives;
      seat.achieved += objective.achieved ? 1 : 0;
      seat.objective_outcomes.emplace_back(objective.condition, objective.achieved);
    }
    for (const auto& line : score.red_lines) {
      ++seat.red_lines;
      seat.kept += line.kept_out ? 1 : 0;
    }
  }
  return result;
}

}  // namespace accord::tournament
