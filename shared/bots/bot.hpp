// The negotiating bot (issue 9): plays a seat like its state would, at three difficulties.
//
//   easy    follows its stance and red lines, tables what it champions, makes mistakes (a
//           ballot one step off, a forgotten co-sponsorship), accepts only deals that cost it
//           nothing;
//   normal  adds its brief: priorities and secret objectives, qualifier amendments that lift
//           its red lines, deals it offers and honours, final votes by expected utility;
//   hard    adds a reading of the room (bots/estimate.hpp): each clause's chance to pass from
//           the seats' public acts; tables what can pass, withdraws what cannot, trades its
//           support with the likely opponents of its clauses, and breaks a deal when keeping
//           it would cross a red line or cost more than the penalty.
//
// Like SimpleBot its only inputs are its own seat's view and the public clause catalogue, and
// it acts only through commands. It is deterministic given the sequence of views it is shown
// and its seed: its memory (what it said, which amendments it proposed) changes only when it
// answers next_command.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "bots/brief.hpp"
#include "bots/estimate.hpp"
#include "bots/pacing.hpp"
#include "bots/talk.hpp"
#include "core/commands.hpp"
#include "core/rng.hpp"

namespace accord::bots {

std::optional<Difficulty> difficulty_from_name(std::string_view name);
std::string_view difficulty_name(Difficulty difficulty);

struct BotOptions {
  Difficulty difficulty = Difficulty::normal;
  std::uint64_t seed = 0;
  Pace pace = default_pace(Difficulty::normal);
  std::shared_ptr<const Phrasebook> phrases;  // null: the bot does not talk
};

class Bot {
 public:
  // Reads its brief from `own_view` (view_for its seat). The catalogue must outlive the bot.
  Bot(SeatIndex seat, const Match& own_view, const scoring::ClauseCatalogue& catalogue,
      BotOptions options);

  // Who the bot acts as, for its own check that a command is legal: Actor::bot(seat) by
  // default; a bot connected as a participant over the network acts as that participant.
  void act_as(const Actor& actor) { actor_ = actor; }

  // The next command given the seat's current view and the room's clock, or nothing to do now.
  // With the clock the bot keeps a human pace: it marks itself done only late in a phase.
  std::optional<Command> next_command(const Match& view, TimeMs now) {
    return next(view, now, true);
  }
  // Without a clock (callers that pace the bot themselves, like SimpleBot's callers): it marks
  // itself done as soon as it has nothing else to do.
  std::optional<Command> next_command(const Match& view) {
    return next(view, view.phase_started_at, false);
  }

  // How long to wait before the next action, drawn from the bot's own generator.
  TimeMs think_ms();

  SeatIndex seat() const { return seat_; }
  Difficulty difficulty() const { return options_.difficulty; }
  const BriefKnowledge& brief() const { return brief_; }

 private:
  std::optional<Command> next(const Match& view, TimeMs now, bool paced);
  std::optional<Command> choose(const Match& view, TimeMs now);
  bool legal(const Match& view, const Command& command, TimeMs now) const;
  void remember(const Match& view, const Command& command);

  std::optional<Command> answer_deals(const Match& view, TimeMs now);
  std::optional<Command> drafting_move(const Match& view, TimeMs now);
  std::optional<Command> clause_vote_move(const Match& view, TimeMs now);
  // An inject's emergency statement, in whatever phase it is open.
  std::optional<Command> statement_move(const Match& view, TimeMs now);
  std::optional<Command> final_vote_move(const Match& view, TimeMs now);
  std::optional<Command> offer_deal(const Match& view, TimeMs now);
  std::optional<Command> offer_backing_for_a_deal(const Match& view, TimeMs now);
  std::optional<Command> say(const Match& view, Say what, Reason why, const std::string& clause);

  Ballot clause_ballot(const Match& view, ClauseId id);
  Ballot statement_ballot(const Statement& statement) const;
  Ballot draft_ballot(const Match& view, DraftIndex draft);
  Ballot package_ballot(const Match& view, DraftIndex draft);
  // The dossier's stance rule over a text: a red line in it means no, else the sum decides.
  Ballot stance_ballot(const Match& view, const std::vector<ClauseId>& clauses) const;
  // The bot's score (seat score's scale) if `adopted` is adopted and the other open drafts
  // are not: its objectives and red lines, with a little weight on its stance.
  int outcome_utility(const Match& view, std::optional<DraftIndex> adopted) const;
  int deal_utility(const Match& view, const Deal& deal) const;
  std::vector<DealTerm> promised(const Match& view) const;  // my terms in accepted deals
  bool promised_yes(const Match& view, VoteOn on, std::uint32_t target) const;
  bool breaks_promise(const Match& view, VoteOn on, std::uint32_t target, Ballot ballot);
  const RoomEstimate& estimate(const Match& view);
  bool chance(std::uint32_t percent) { return rng_.below(100) < percent; }
  std::string clause_label(const Match& view, ClauseId id) const;

  SeatIndex seat_;
  Actor actor_;
  const scoring::ClauseCatalogue& catalogue_;
  BotOptions options_;
  BriefKnowledge brief_;
  Pcg32 rng_;
  // Memory of its own acts, so it does not repeat itself.
  std::set<std::pair<ClauseId, std::string>> amendments_proposed_;
  std::set<std::pair<SeatIndex, ClauseId>> deals_tried_;
  std::set<ClauseId> skipped_cosponsor_;       // easy: forgot, and will not come back to it
  std::optional<std::string> pending_speech_;  // said right after the act it explains
  std::uint32_t spoken_in_phase_ = 0;
  std::pair<Phase, std::uint32_t> phase_seen_{Phase::lobby, 0};
  // Injects may shift the seat's priorities or make clauses urgent. The bot keeps the setup it
  // read its brief from and applies to it only what changed in its view's priorities since its
  // first look, so it never reads anything else of its secrets from a later view.
  void follow_injects(const Match& view);
  SeatSetup own_setup_;
  std::optional<std::vector<std::string>> view_priorities_;
  std::size_t injects_seen_ = 0;
  TimeMs ready_after_ = 0;            // in this drafting phase, mark done only after this
  bool paced_ = true;                 // this call came with the room's clock
  std::optional<RoomEstimate> room_;  // hard: rebuilt when the public record changes
  std::uint64_t room_signature_ = 0;
};

// The bot a room seats (server rooms, the solo session, so `accord --screen` captures): built
// from the seat's own view at `difficulty`, with that difficulty's pace. One function, so every
// host plays the same bot.
Bot make_room_bot(const Match& seat_view, SeatIndex seat, const scoring::ClauseCatalogue& catalogue,
                  Difficulty difficulty, std::uint64_t seed,
                  std::shared_ptr<const Phrasebook> phrases = nullptr);

}  // namespace accord::bots
