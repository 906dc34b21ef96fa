#include "match_runner.hpp"

#include <limits>

#include "bots/seat_bots.hpp"
#include "core/visibility.hpp"
#include "engine/room_engine.hpp"
#include "scoring/seat_score.hpp"

namespace accord::tournament {
namespace {

constexpr int kMaxSteps = 200'000;  // a runaway guard; real matches need a few thousand

// Counts each seat's commands (and keeps them if asked) as the engine plays them.
class Tally final : public engine::RoomListener {
 public:
  Tally(MatchResult& result, const RunOptions& options) : result_(result), options_(options) {}
  void appended(MatchHost::Outcome&, const Actor* actor, const Command* command) override {
    if (!actor || !command || actor->kind != ActorKind::bot) return;
    count(actor->seat, *command);
  }
  void bot_refused(SeatIndex seat, const Command& command, const Rejection& why) override {
    count(seat, command);
    ++result_.rejections;
    if (result_.rejection_texts.size() < 5)
      result_.rejection_texts.push_back("seat " + std::to_string(seat) + " " +
                                        std::string(name_of(command)) + ": " + why.message);
  }

 private:
  void count(SeatIndex seat, const Command& command) {
    ++result_.commands;
    ++result_.seat_results[seat].commands;
    if (options_.keep_commands) result_.commands_by_seat[seat].push_back(command);
  }
  MatchResult& result_;
  const RunOptions& options_;
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
  engine::RoomEngine room(MatchHost(header), 0);
  for (SeatIndex s = 0; s < spec.seats; ++s)
    room.submit(Actor::facilitator(), SetBot{s, true});
  room.submit(Actor::facilitator(), StartMatch{});

  std::optional<Match> brief_match;
  if (spec.brief_settings) brief_match = new_match(*spec.brief_settings, spec.seed);
  // Borrowed: the phrasebook outlives the match.
  const std::shared_ptr<const bots::Phrasebook> phrases(options.phrases,
                                                        [](const bots::Phrasebook*) {});
  for (SeatIndex s = 0; s < spec.seats; ++s) {
    const Player player = s < spec.players.size() ? spec.players[s] : Player::normal;
    const Match& source = brief_match && s != spec.observed_seat ? *brief_match : room.match();
    room.seat_bot(s,
                  player == Player::random
                      ? bots::random_seat(s, spec.seed)
                      : bots::negotiator_seat(view_for(source, Viewer::of_seat(s)), s,
                                              content.clauses(), difficulty_of(player), spec.seed,
                                              options.phrases ? phrases : nullptr),
                  engine::BotDuty::fill);
  }
  result.seat_results.resize(spec.seats);
  if (options.keep_commands) result.commands_by_seat.resize(spec.seats);
  Tally tally(result, options);
  room.run_until(std::numeric_limits<TimeMs>::max(), tally, kMaxSteps);

  const Match& match = room.match();
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
    seat.state = match.settings.seats[score.seat].state;
    seat.total = score.total;
    seat.parts = {score.objectives_points, score.red_lines_points, score.influence_points,
                  score.deals_points};
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
