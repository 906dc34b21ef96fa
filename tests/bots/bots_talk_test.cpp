// What bots say and what the caretaker reports.
#include <catch2/catch.hpp>

#include "bots/caretaker.hpp"
#include "bots/simple_bot.hpp"
#include "bots_test_support.hpp"

namespace accord::bots::test {
namespace {

TEST_CASE("the shipped phrasebook has every situation and reason, and fills its blanks") {
  const auto& book = phrases();
  Pcg32 rng = Pcg32::seeded(1, 2);
  std::set<std::string> seen;
  for (int i = 0; i < 40; ++i) {
    const auto text = phrase(book, Say::table_clause, Reason::priority,
                             {"Kenya", "clause 29 (Capacity building)", "Brazil"}, rng);
    REQUIRE_FALSE(text.empty());
    CHECK(text.find('{') == std::string::npos);  // no blank left unfilled
    CHECK(text.find("clause 29") != std::string::npos);
    seen.insert(text);
  }
  CHECK(seen.size() > 3);  // varied
}

TEST_CASE("a phrasebook with a missing situation is refused with the path at fault") {
  const auto load = parse_phrasebook(R"({"say": {"table_clause": ["x"]}, "reasons": {}})");
  CHECK_FALSE(load.book);
  CHECK(load.error == "/say/support_clause: needs at least one sentence");
  CHECK(parse_phrasebook("not json").error == "/: not a JSON object");
}

TEST_CASE("the caretaker's summary groups what it did in plain lines") {
  Match view;
  view.settings.seats = {SeatSetup{}, SeatSetup{}};
  view.settings.seats[1].name = "Brazil";
  view.clauses.resize(3);
  view.clauses[0].ref = "24";
  view.clauses[1].ref = "29";
  view.clauses[2].ref = "38";
  view.drafts.push_back(Draft{"Code of conduct", {}, DraftStatus::open, {}, {}});
  view.deals.push_back(Deal{1, 0, {}, {}, DealStatus::offered, {}, 0});
  CaretakerLog log;
  CHECK(log.summary() == std::vector<std::string>{"Nothing needed doing."});
  log.record(view, CastBallot{VoteOn::clause, 0, Ballot::yes});
  log.record(view, AnswerDeal{0, false});
  log.record(view, CastBallot{VoteOn::clause, 2, Ballot::no});
  log.record(view, CastBallot{VoteOn::clause, 1, Ballot::yes});
  log.record(view, CastBallot{VoteOn::draft, 0, Ballot::yes});
  CHECK(log.size() == 5);
  CHECK(log.summary() == std::vector<std::string>{
                             "Voted yes on clause 24, clause 29 and the draft \"Code of conduct\".",
                             "Declined a deal offered by Brazil.",
                             "Voted no on clause 38.",
                         });
  CHECK(describe_command(view, ObjectToAdoption{0}) ==
        "Objected to adopting without a vote the draft \"Code of conduct\".");
}

}  // namespace
}  // namespace accord::bots::test
