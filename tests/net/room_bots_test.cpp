// Bots in server rooms: bots fill the empty seats of a room that asked for them, and a caretaker
// holds a seat whose whole delegation is away past the grace period, then hands it back with a
// report of what it did.
#include "core/visibility.hpp"
#include "net_test_support.hpp"

namespace accord::nettest {
namespace {

// A scripted bot: votes yes on every open clause vote it has not voted in yet.
class YesVoter final : public server::SeatBot {
 public:
  explicit YesVoter(SeatIndex seat) : seat_(seat) {}
  std::optional<Command> next_command(const Match& view, TimeMs) override {
    for (ClauseId id = 0; id < view.clauses.size(); ++id) {
      const VoteRecord& vote = view.clauses[id].vote;
      if (vote.state == VoteState::open && seat_ < vote.ballots.size() && !vote.ballots[seat_])
        return CastBallot{VoteOn::clause, id, Ballot::yes};
    }
    return std::nullopt;
  }
  TimeMs think_ms() override { return 6'000; }  // × the test's bot_pace
  void accepted(const Match&, const Command& command) override {
    if (const auto* ballot = std::get_if<CastBallot>(&command))
      done_.push_back("voted on clause id " + std::to_string(ballot->target));
  }
  std::vector<std::string> report() const override { return done_; }

 private:
  SeatIndex seat_;
  std::vector<std::string> done_;
};

class CaretakerFactory final : public server::RoomFactory {
 public:
  server::RoomSpecResult make(std::string_view scenario, std::uint32_t seats,
                              std::string_view preset) const override {
    return base_.make(scenario, seats, preset);
  }
  std::uint32_t quick_match_seats(std::string_view s) const override {
    return base_.quick_match_seats(s);
  }
  std::string quick_match_preset(std::string_view s) const override {
    return base_.quick_match_preset(s);
  }
  bool has_bots() const override { return true; }
  std::unique_ptr<server::SeatBot> make_bot(const Match&, SeatIndex seat, server::BotDuty duty,
                                            std::string_view) const override {
    ++made[static_cast<int>(duty)];
    return std::make_unique<YesVoter>(seat);
  }
  mutable std::atomic<int> made[2] = {0, 0};

 private:
  TestFactory base_;
};

TEST_CASE("a caretaker holds an away seat, votes, and hands it back with a report", "[net][bots]") {
  auto config = test_config();
  config.grace_ms = 150;
  config.bot_pace = 0.001;
  auto factory = std::make_shared<CaretakerFactory>();
  TestServer server(config, factory);
  auto fac = create_room(server, 3);
  const auto code = fac->room_code();
  auto p0 = join(server, code, "Zero");
  auto p1 = join(server, code, "One");
  auto p2 = join(server, code, "Two");
  std::vector<Client*> all{fac.get(), p0.get(), p1.get(), p2.get()};
  must(*p0, TakeSeat{0}, all);
  must(*p1, TakeSeat{1}, all);
  must(*p2, TakeSeat{2}, all);
  must(*fac, StartMatch{}, all);
  must(*fac, AdvancePhase{}, all);
  must(*p0, TableClause{0, "24", ""}, all);
  const ParticipantId id1 = *p1->participant();

  p1->drop();
  std::vector<Client*> others{fac.get(), p0.get(), p2.get()};
  // Past the grace period nobody of seat 1 is connected: the caretaker takes over.
  REQUIRE(pump(
      others,
      [&] {
        return fac->presence &&
               std::count(fac->presence->away.begin(), fac->presence->away.end(), id1) == 0 &&
               std::count(fac->presence->connected.begin(), fac->presence->connected.end(), id1) ==
                   0;
      },
      10000));
  must(*fac, AdvancePhase{}, others);  // clause voting opens
  REQUIRE(fac->view().phase == Phase::clause_voting);
  // The caretaker votes for seat 1, as its participant (nobody else has voted).
  REQUIRE(pump(others, [&] { return p0->view().clauses[0].vote.cast_count == 1; }));
  CHECK(factory->made[static_cast<int>(server::BotDuty::caretaker)] >= 1);
  CHECK(factory->made[static_cast<int>(server::BotDuty::fill)] == 0);  // no room bots asked for

  REQUIRE(p1->reconnect("127.0.0.1", server.port()));
  CHECK(p1->participant() == id1);
  REQUIRE(pump({p1.get()}, [&] { return !p1->caretaker_reports.empty(); }));
  const auto& report = p1->caretaker_reports.front();
  CHECK(report.seat == 1);
  REQUIRE(report.actions.size() == 1);
  CHECK(report.actions.front() == "voted on clause id 0");
  // Back in charge: the player's own ballot change goes through.
  must(*p1, CastBallot{VoteOn::clause, 0, Ballot::no}, all);
  CHECK(p1->view().clauses[0].vote.ballots[1] == Ballot::no);
}

TEST_CASE("a wrong bot difficulty is refused by name", "[net][bots]") {
  TestServer server;
  auto fac = connected(server);
  pm::CreateRoom request{"test", 3, "short", kFacilitatorPassword, "", false, true, true, "brutal"};
  fac->create_room(request);
  REQUIRE(pump({fac.get()}, [&] { return !fac->errors.empty(); }));
  CHECK(fac->errors.front().field == "/bot_difficulty");
  CHECK_FALSE(fac->in_room());
}

#ifdef ACCORD_HAVE_CONTENT

TEST_CASE("bots fill a room's empty seats and play with a student to the debrief",
          "[net][bots][content]") {
  std::string why;
  std::shared_ptr<server::RoomFactory> factory =
      server::make_content_factory(ACCORD_ASSET_DIR, &why);
  INFO(why);
  REQUIRE(factory);
  auto config = test_config();
  config.bot_pace = 0.002;  // bots think for 6–20 ms instead of 6–20 s
  TestServer server(config, factory);
  auto fac = connected(server);
  fac->create_room(pm::CreateRoom{"opt_in_code", 4, "class45", kFacilitatorPassword, "", false,
                                  true, true, "normal"});
  REQUIRE(pump({fac.get()}, [&] { return fac->in_room() || !fac->errors.empty(); }));
  REQUIRE(fac->in_room());
  for (const auto& seat : fac->view().seats)
    CHECK(seat.bot);
  auto student = join(server, fac->room_code(), "Student");
  std::vector<Client*> all{fac.get(), student.get()};
  must(*student, TakeSeat{2}, all);
  must(*fac, StartMatch{}, all);
  // Let the bots work in each phase, then move on.
  while (fac->view().phase != Phase::debrief) {
    const Phase phase = fac->view().phase;
    if (phase == Phase::drafting) {
      REQUIRE(pump(all, [&] { return fac->view().clauses.size() >= 2; }));
    } else if (phase == Phase::clause_voting) {
      // Every bot seat (all but the student's) votes on every clause.
      REQUIRE(pump(all, [&] {
        for (const Clause& clause : fac->view().clauses)
          if (clause.vote.state == VoteState::open && clause.vote.cast_count < 3) return false;
        return true;
      }));
    } else if (phase == Phase::final_vote) {
      // Every bot seat votes on every draft.
      wait_until(all, "the bots' ballots on every open draft", [&] {
        for (const Draft& draft : fac->view().drafts)
          if (draft.final_vote.state == VoteState::open && draft.final_vote.cast_count < 3)
            return false;
        return true;
      });
    } else {
      sync_with_server(all);  // briefing: nothing to wait for
    }
    must(*fac, AdvancePhase{}, all);
  }
  sync_with_server(all);
  for (const Clause& clause : fac->view().clauses)
    CHECK(clause.tabled_by_bot);  // the student tabled nothing: every clause is a bot's
  CHECK(student->view().phase == Phase::debrief);
  server.stop();
  CHECK(student->view_hash() ==
        hash(view_for(server.get().room(fac->room_code())->engine->match(), Viewer::of_seat(2))));
}

TEST_CASE("the real caretaker holds a student's seat through a vote and reports what it did",
          "[net][bots][content]") {
  std::string why;
  std::shared_ptr<server::RoomFactory> factory =
      server::make_content_factory(ACCORD_ASSET_DIR, &why);
  INFO(why);
  REQUIRE(factory);
  auto config = test_config();
  config.bot_pace = 0.002;
  config.grace_ms = 150;
  TestServer server(config, factory);
  auto fac = connected(server);
  fac->create_room(pm::CreateRoom{"opt_in_code", 4, "class45", kFacilitatorPassword, "", false,
                                  true, true, "normal"});
  REQUIRE(pump({fac.get()}, [&] { return fac->in_room() || !fac->errors.empty(); }));
  REQUIRE(fac->in_room());
  auto student = join(server, fac->room_code(), "Student");
  std::vector<Client*> all{fac.get(), student.get()};
  must(*student, TakeSeat{1}, all);
  must(*fac, StartMatch{}, all);
  must(*fac, AdvancePhase{}, all);  // drafting: the bots table
  REQUIRE(pump(all, [&] { return fac->view().clauses.size() >= 3; }));
  const ParticipantId id = *student->participant();
  student->drop();
  // Past the grace period the student is neither connected nor away: the caretaker holds seat 1.
  REQUIRE(pump(
      {fac.get()},
      [&] {
        const auto& p = fac->presence;
        return p && std::count(p->away.begin(), p->away.end(), id) == 0 &&
               std::count(p->connected.begin(), p->connected.end(), id) == 0;
      },
      10000));
  must(*fac, AdvancePhase{}, {});  // clause voting, with the student away
  REQUIRE(fac->view().phase == Phase::clause_voting);
  // Past the grace period the caretaker votes for seat 1 where its brief is clear; everyone
  // else is a bot: the votes fill up.
  REQUIRE(pump(
      {fac.get()},
      [&] {
        for (const Clause& clause : fac->view().clauses)
          if (clause.vote.state == VoteState::open && clause.vote.cast_count < 3) return false;
        return true;
      },
      10000));
  sync_with_server({fac.get()});
  REQUIRE(student->reconnect("127.0.0.1", server.port()));
  REQUIRE(pump({student.get()}, [&] { return !student->caretaker_reports.empty(); }));
  const auto& report = student->caretaker_reports.front();
  CHECK(report.seat == 1);
  REQUIRE_FALSE(report.actions.empty());
  for (const auto& line : report.actions)
    CHECK((line.rfind("Voted", 0) == 0 || line.rfind("Abstained", 0) == 0 ||
           line == "Nothing needed doing."));
}

#endif

}  // namespace
}  // namespace accord::nettest
