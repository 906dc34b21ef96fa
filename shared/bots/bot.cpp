// The negotiating bot's common part: difficulty names, make_room_bot, construction from the
// seat's brief, its pace, the room estimate (hard), the legality check, the memory of its own
// acts, choosing a move for the phase, and what it says. The phases' moves are in
// bot_drafting.cpp, bot_voting.cpp and bot_deals.cpp.
#include "bots/bot.hpp"

#include <algorithm>

#include "bots/bot_internal.hpp"
#include "core/rules.hpp"

namespace accord::bots {

bool contains(const std::vector<SeatIndex>& seats, SeatIndex seat) {
  return std::find(seats.begin(), seats.end(), seat) != seats.end();
}

bool occupied(const Match& view, SeatIndex s) {
  if (view.seats[s].bot) return true;
  return std::any_of(view.participants.begin(), view.participants.end(),
                     [&](const Participant& p) { return !p.left && p.seat == s; });
}

namespace {

bool deal_phase(const Match& view) {
  return view.phase == Phase::drafting || view.phase == Phase::clause_voting ||
         view.phase == Phase::final_vote;
}

}  // namespace

std::optional<Difficulty> difficulty_from_name(std::string_view name) {
  if (name == "easy") return Difficulty::easy;
  if (name == "normal") return Difficulty::normal;
  if (name == "hard") return Difficulty::hard;
  return std::nullopt;
}

std::string_view difficulty_name(Difficulty difficulty) {
  switch (difficulty) {
    case Difficulty::easy:
      return "easy";
    case Difficulty::hard:
      return "hard";
    case Difficulty::normal:
      break;
  }
  return "normal";
}

Bot make_room_bot(const Match& seat_view, SeatIndex seat, const scoring::ClauseCatalogue& catalogue,
                  Difficulty difficulty, std::uint64_t seed,
                  std::shared_ptr<const Phrasebook> phrases) {
  BotOptions options;
  options.difficulty = difficulty;
  options.seed = seed;
  options.pace = default_pace(difficulty);
  options.phrases = std::move(phrases);
  return Bot(seat, seat_view, catalogue, std::move(options));
}

Bot::Bot(SeatIndex seat, const Match& own_view, const scoring::ClauseCatalogue& catalogue,
         BotOptions options)
    : seat_(seat),
      actor_(Actor::bot(seat)),
      catalogue_(catalogue),
      options_(std::move(options)),
      brief_(read_brief(own_view, seat, catalogue, options_.difficulty != Difficulty::easy)),
      rng_(Pcg32::seeded(options_.seed * 1000003 + seat, 0xb07 + seat)) {
  if (seat < own_view.settings.seats.size()) own_setup_ = own_view.settings.seats[seat];
}

void Bot::follow_injects(const Match& view) {
  const auto& now = view.settings.seats[seat_].priorities;
  const bool changed = view.injects_fired.size() != injects_seen_;
  injects_seen_ = view.injects_fired.size();
  if (!view_priorities_) {
    view_priorities_ = now;
    if (!changed) return;
  }
  if (!changed) return;
  const auto has = [](const std::vector<std::string>& refs, const std::string& ref) {
    return std::find(refs.begin(), refs.end(), ref) != refs.end();
  };
  auto& mine = own_setup_.priorities;
  for (const auto& ref : *view_priorities_)
    if (!has(now, ref)) mine.erase(std::remove(mine.begin(), mine.end(), ref), mine.end());
  for (const auto& ref : now)
    if (!has(*view_priorities_, ref) && !has(mine, ref)) mine.push_back(ref);
  view_priorities_ = now;
  Match with_own_setup = view;
  with_own_setup.settings.seats[seat_] = own_setup_;
  brief_ = read_brief(with_own_setup, seat_, catalogue_, options_.difficulty != Difficulty::easy);
}

TimeMs Bot::think_ms() {
  return draw_think_ms(options_.pace, rng_);
}

const RoomEstimate& Bot::estimate(const Match& view) {
  const auto signature = RoomEstimate::signature(view);
  if (!room_ || signature != room_signature_) {
    room_.emplace(view, seat_, brief_.stance, catalogue_);
    room_signature_ = signature;
  }
  return *room_;
}

bool Bot::legal(const Match& view, const Command& command, TimeMs now) const {
  return decide(view, actor_, command, now).accepted();
}

std::string Bot::clause_label(const Match& view, ClauseId id) const {
  if (id >= view.clauses.size()) return "this clause";
  const auto& ref = view.clauses[id].ref;
  if (ref.empty()) return "clause " + std::to_string(id + 1);
  const auto* archetype = catalogue_.find(ref);
  return "clause " + ref + (archetype ? " (" + archetype->title + ")" : "");
}

std::optional<Command> Bot::next(const Match& view, TimeMs now, bool paced) {
  if (seat_ >= view.seats.size()) return std::nullopt;
  paced_ = paced;
  follow_injects(view);
  const std::pair<Phase, std::uint32_t> phase{view.phase, view.round};
  if (phase != phase_seen_) {
    phase_seen_ = phase;
    spoken_in_phase_ = 0;
    pending_speech_.reset();
    // A human marks the delegation done somewhere in the second half of the phase.
    ready_after_ = 0;
    if (view.deadline && *view.deadline > view.phase_started_at)
      ready_after_ = view.phase_started_at +
                     (*view.deadline - view.phase_started_at) * (40 + rng_.below(35)) / 100;
  }
  auto command = choose(view, now);
  if (command) remember(view, *command);
  return command;
}

void Bot::remember(const Match&, const Command& command) {
  if (const auto* amend = std::get_if<ProposeAmendment>(&command))
    amendments_proposed_.emplace(amend->clause, amend->ref);
  if (std::holds_alternative<PostMessage>(command)) ++spoken_in_phase_;
}

std::optional<Command> Bot::choose(const Match& view, TimeMs now) {
  if (pending_speech_) {
    PostMessage message{kPlenary, *pending_speech_};
    if (const auto at = message.text.find('\x1f'); at != std::string::npos) {
      message.channel = static_cast<ChannelId>(std::stoul(message.text.substr(0, at)));
      message.text.erase(0, at + 1);
    }
    pending_speech_.reset();
    if (!message.text.empty() && legal(view, message, now)) return message;
  }
  if (view.paused_at) return std::nullopt;
  if (deal_phase(view))
    if (auto answer = answer_deals(view, now)) return answer;
  if (auto ballot = statement_move(view, now)) return ballot;
  switch (view.phase) {
    case Phase::drafting:
      return drafting_move(view, now);
    case Phase::clause_voting:
      return clause_vote_move(view, now);
    case Phase::final_vote:
      return final_vote_move(view, now);
    default:
      return std::nullopt;
  }
}

std::optional<Command> Bot::say(const Match& view, Say what, Reason why,
                                const std::string& clause) {
  if (!options_.phrases) return std::nullopt;
  const std::uint32_t cap = options_.difficulty == Difficulty::easy ? 1 : 2;
  const std::uint32_t percent = options_.difficulty == Difficulty::easy ? 25 : 45;
  if (spoken_in_phase_ >= cap || !chance(percent)) return std::nullopt;
  SayWhat fill{view.settings.seats[seat_].name, clause, {}};
  auto text = phrase(*options_.phrases, what, why, fill, rng_);
  if (!text.empty()) pending_speech_ = std::move(text);
  return std::nullopt;
}

}  // namespace accord::bots
