// The simple bot: it plays only legal moves, votes by its stance, cannot see other seats'
// secrets, and as caretaker acts only where its brief is clear.
#include "bots/simple_bot.hpp"

#include "core/hash.hpp"
#include "core/visibility.hpp"
#include "test_support.hpp"

namespace accord::test {
namespace {

using bots::BotMode;
using bots::SimpleBot;
using bots::SupportTable;

// A random but reproducible stance over the fixture table, one per seat.
SupportTable random_support(Pcg32& rng) {
  SupportTable table;
  for (const auto& option : fixture_clause_table())
    table[option.ref] = static_cast<std::int32_t>(rng.below(900)) - 450;
  return table;
}

struct BotTable {
  Table table;
  std::vector<SimpleBot> bots;
};

// Every seat played by a simple bot; seat 0 sponsors a starting text.
BotTable all_bots(std::uint64_t seed, std::uint32_t seats) {
  LogHeader h = header_with_seats(seats, seed);
  h.settings.drafts[0].sponsors = {0};
  h.settings.drafts[0].starting_refs = {"1", "38"};
  h.settings.rules.decision_rule = static_cast<DecisionRule>(seed % 3);
  h.settings.rules.ballot = seed % 2 == 0 ? BallotKind::roll_call : BallotKind::secret;
  BotTable t{Table(h), {}};
  Pcg32 rng = Pcg32::seeded(seed, 5);
  for (SeatIndex s = 0; s < seats; ++s) {
    t.table.must(Actor::facilitator(), SetBot{s, true});
    t.bots.emplace_back(s, random_support(rng), seed % 5 == 0 ? BotMode::caretaker : BotMode::play);
  }
  return t;
}

// Lets every bot act until none has anything to do, then lets the clock run to the next
// deadline; stops at the debrief. Returns the number of bot commands.
int play_out(BotTable& t, std::uint64_t seed) {
  Pcg32 order = Pcg32::seeded(seed, 11);
  int commands = 0;
  t.table.start();
  for (int round = 0; round < 500 && t.table.match().phase != Phase::debrief; ++round) {
    bool acted = false;
    const auto first = order.below(static_cast<std::uint32_t>(t.bots.size()));
    for (std::size_t i = 0; i < t.bots.size(); ++i) {
      const auto& bot = t.bots[(first + i) % t.bots.size()];
      const Match view = view_for(t.table.match(), Viewer::of_seat(bot.seat()));
      const auto command = bot.next_command(view);
      if (!command) continue;
      const auto outcome = t.table.host().submit(Actor::bot(bot.seat()), *command, t.table.now);
      INFO("seed " << seed << ", seat " << bot.seat() << ": " << to_json_text(*command));
      if (outcome.rejection) FAIL("the bot's command was rejected: " << outcome.rejection->message);
      acted = true;
      ++commands;
    }
    if (!acted) {
      const auto& m = t.table.match();
      if (m.phase == Phase::final_vote && order.below(3) == 0)
        for (DraftIndex d = 0; d < m.drafts.size(); ++d)
          if (m.drafts[d].final_vote.state == VoteState::open &&
              m.drafts[d].final_vote.cast_count == 0 && !m.drafts[d].objection_deadline)
            t.table.host().submit(Actor::facilitator(), ProposeAdoptionWithoutVote{d}, t.table.now);
      t.table.now = t.table.match().deadline.value_or(t.table.now + 1000);
      t.table.host().advance_clock(t.table.now);
    }
  }
  return commands;
}

TEST_CASE("in 1,000 seeded matches bots never send a command the rules reject") {
  int debriefs = 0;
  int adopted = 0;
  for (std::uint64_t seed = 1; seed <= 1000; ++seed) {
    BotTable t = all_bots(seed, static_cast<std::uint32_t>(2 + seed % 7));
    play_out(t, seed);
    debriefs += t.table.match().phase == Phase::debrief ? 1 : 0;
    for (const auto& d : t.table.match().drafts)
      adopted += d.status == DraftStatus::adopted ? 1 : 0;
  }
  CHECK(debriefs == 1000);
  // The stances are random: some codes pass, some do not.
  CHECK(adopted > 50);
  CHECK(adopted < 1000);
}

TEST_CASE("a bot votes by its stance, and red lines mean no") {
  Match view = new_match(settings_with_seats(2), 1);  // seat 0's red line: 38 (lifted by 38q)
  SimpleBot bot(0, {{"27", 350}, {"24", 200}, {"29", 50}, {"37", -150}, {"38q", 100}, {"38", 400}},
                BotMode::play);
  auto clause = [](const std::string& ref) {
    Clause c;
    c.ref = ref;
    return c;
  };
  CHECK(bot.ballot_on_clause(view, clause("24")) == Ballot::yes);
  CHECK(bot.ballot_on_clause(view, clause("29")) == Ballot::abstain);
  CHECK(bot.ballot_on_clause(view, clause("37")) == Ballot::no);
  CHECK(bot.ballot_on_clause(view, clause("38")) == Ballot::no);  // red line beats support
  CHECK(bot.ballot_on_clause(view, clause("38q")) == Ballot::abstain);
  CHECK(bot.ballot_on_clause(view, clause("")) == Ballot::abstain);  // free text

  SimpleBot caretaker(0, {{"27", 350}, {"24", 200}}, BotMode::caretaker);
  CHECK(caretaker.ballot_on_clause(view, clause("27")) == Ballot::yes);
  CHECK(caretaker.ballot_on_clause(view, clause("24")) == Ballot::abstain);  // not clear enough
  CHECK(caretaker.ballot_on_clause(view, clause("38")) == Ballot::no);

  view.clauses = {clause("27"), clause("37")};
  for (auto& c : view.clauses)
    c.status = ClauseStatus::adopted;
  CHECK(bot.ballot_on_draft(view, 0) == Ballot::yes);  // 350 - 150 > 0
  view.clauses.push_back(clause("38"));
  view.clauses.back().status = ClauseStatus::adopted;
  CHECK(bot.ballot_on_draft(view, 0) == Ballot::no);  // a red line in the code
}

TEST_CASE("a caretaker tables nothing, answers no amendment, accepts no deal") {
  Table t(2);
  t.seated("Human", 0);
  t.must(Actor::facilitator(), SetBot{1, true});
  t.advance_to(Phase::drafting);
  t.must(Actor::of(0), TableClause{0, "24", ""});
  t.must(Actor::of(0),
         OfferDeal{1, {{DealAction::vote_yes_clause, 0}}, {{DealAction::cosponsor_clause, 0}}});
  const SimpleBot caretaker(1, {{"24", 400}, {"27", 400}}, BotMode::caretaker);
  const auto command = caretaker.next_command(view_for(t.match(), Viewer::of_seat(1)));
  REQUIRE(command);
  CHECK(std::holds_alternative<AnswerDeal>(*command));
  CHECK_FALSE(std::get<AnswerDeal>(*command).accept);
  t.host().submit(Actor::bot(1), *command, t.now);
  CHECK_FALSE(caretaker.next_command(view_for(t.match(), Viewer::of_seat(1))));
  // A playing bot in the same position co-sponsors the clause it likes, or tables its own.
  const SimpleBot player(1, {{"24", 400}, {"27", 400}}, BotMode::play);
  CHECK(player.next_command(view_for(t.match(), Viewer::of_seat(1))));
}

TEST_CASE("another seat's secrets never change what a bot does") {
  for (std::uint64_t seed = 1; seed <= 30; ++seed) {
    BotTable t = all_bots(seed, 4);
    t.table.start();
    t.table.host().advance_clock(t.table.now + 60'000);
    Match changed = t.table.match();
    changed.settings.seats[1].brief = "a completely different brief";
    changed.settings.seats[1].red_lines = {{"24", ""}, {"27", ""}};
    changed.settings.seats[1].stance = {200, -200, 200, -200, 200, -200, 200};
    changed.seats[1].private_note = "a different plan";
    const Match original_view = view_for(t.table.match(), Viewer::of_seat(0));
    const Match changed_view = view_for(changed, Viewer::of_seat(0));
    CHECK(hash(original_view) == hash(changed_view));
    const auto a = t.bots[0].next_command(original_view);
    const auto b = t.bots[0].next_command(changed_view);
    REQUIRE(a.has_value() == b.has_value());
    if (a) CHECK(to_json_text(*a) == to_json_text(*b));
  }
}

}  // namespace
}  // namespace accord::test
