// Matches played in-process for the debrief documents' tests: students in most seats (bots play
// for them, as the delegation's head), bots alone in the others, and a spectator; played once
// per scenario and kept for every test case (CI time is short).
#pragma once

#include <catch2/catch.hpp>

#include <limits>
#include <map>
#include <memory>
#include <string>

#include "bots/bot.hpp"
#include "bots/seat_bots.hpp"
#include "content/content.hpp"
#include "core/visibility.hpp"
#include "engine/room_engine.hpp"

namespace accord::report::test {

// Text planted in private places: none of it may reach a document.
inline constexpr const char* kSecretChat = "ZEBRA-SECRET-BILATERAL-4471";
inline constexpr const char* kSecretDelegation = "ZEBRA-SECRET-DELEGATION-1187";
inline constexpr const char* kSecretNote = "ZEBRA-SECRET-NOTE-9032";

inline const content::ContentCatalogue& shipped_content() {
  static const auto load = content::load_content(ACCORD_ASSET_DIR);
  REQUIRE(load.ok());
  return *load.catalogue;
}

struct ClassMatch {
  std::string scenario;
  EventLog log;  // the whole log, to write a store from
  Match match;   // the server's match at the debrief
  Match facilitator_view() const { return view_for(match, Viewer::facilitator()); }
};

class Quiet final : public engine::RoomListener {
 public:
  void appended(MatchHost::Outcome&, const Actor*, const Command*) override {}
  void bot_refused(SeatIndex seat, const Command& command, const Rejection& why) override {
    if (refusals.size() < 10)
      refusals.push_back("seat " + std::to_string(seat) + " " + std::string(name_of(command)) +
                         ": " + why.message);
  }
  std::vector<std::string> refusals;  // the first few the rules refused a bot
};

// The negotiating bot playing for a delegation of students, as its head: what it does is
// counted as that student's (messages, clauses tabled, amendments).
class StudentSeat final : public engine::SeatBot {
 public:
  StudentSeat(bots::Bot bot, ParticipantId head) : bot_(std::move(bot)) {
    bot_.act_as(Actor::of(head));
  }
  std::optional<Command> next_command(const Match& seat_view, TimeMs now) override {
    return bot_.next_command(seat_view, now);
  }
  TimeMs think_ms() override { return bot_.think_ms(); }

 private:
  bots::Bot bot_;
};

// `seats` seats: seat s % 4 == 2 is a bot seat; s % 4 == 0 holds two students, the others one.
// With `plant`, seat 0's students write the secrets above in a bilateral channel, their
// delegation channel and their private note once drafting starts.
inline ClassMatch play_class_match(const std::string& scenario, std::size_t seats,
                                   std::uint64_t seed, bool plant) {
  const auto& content = shipped_content();
  auto created = content::make_match_settings(content, scenario, seats, "class45");
  REQUIRE(created);
  LogHeader header = created.setup->header;
  header.seed = seed;
  engine::RoomEngine room(MatchHost(header), 0);
  const auto must = [&](const Actor& actor, const Command& command) {
    const auto outcome = room.submit(actor, command);
    INFO(name_of(command));
    REQUIRE_FALSE(outcome.rejection);
  };
  const auto join = [&](std::string name, Role role) {
    const auto id = static_cast<ParticipantId>(room.match().participants.size());
    must(Actor::server(), JoinMatch{std::move(name), role});
    return id;
  };
  static const char* kNames[] = {"Ana O'Brien, \"Nan\"",
                                 "Ben",
                                 "Chloé",
                                 "Dev",
                                 "Eli",
                                 "Fatima",
                                 "Gus",
                                 "Hana",
                                 "Ivo",
                                 "Jun",
                                 "Kemal",
                                 "Lea",
                                 "Mo",
                                 "Nia",
                                 "Oskar",
                                 "Pia",
                                 "Quinn",
                                 "Rosa",
                                 "Sami",
                                 "Tove",
                                 "Uma",
                                 "Vik",
                                 "Wen",
                                 "Xavi",
                                 "Yara",
                                 "Zoe"};
  std::size_t next_name = 0;
  const auto name = [&] {
    const std::size_t i = next_name++;
    return std::string(kNames[i % std::size(kNames)]) +
           (i >= std::size(kNames) ? " " + std::to_string(i) : std::string());
  };
  std::map<SeatIndex, std::vector<ParticipantId>> students;
  for (SeatIndex s = 0; s < seats; ++s) {
    if (s % 4 == 2) {
      must(Actor::facilitator(), SetBot{s, true});
      continue;
    }
    for (int k = 0; k < (s % 4 == 0 ? 2 : 1); ++k) {
      const auto id = join(name(), Role::player);
      must(Actor::of(id), TakeSeat{s});
      students[s].push_back(id);
    }
  }
  join("Visitor", Role::spectator);
  must(Actor::facilitator(), StartMatch{});

  std::string warning;
  const auto phrases = bots::load_phrasebook(ACCORD_ASSET_DIR, &warning);
  for (SeatIndex s = 0; s < seats; ++s) {
    const Match seat_view = view_for(room.match(), Viewer::of_seat(s));
    if (students.count(s))
      room.seat_bot(s,
                    std::make_unique<StudentSeat>(
                        bots::make_room_bot(seat_view, s, content.clauses(),
                                            bots::Difficulty::normal, seed + s, phrases),
                        students.at(s).front()),
                    engine::BotDuty::caretaker);  // acts as the delegation's head
    else
      room.seat_bot(s,
                    bots::negotiator_seat(seat_view, s, content.clauses(), bots::Difficulty::normal,
                                          seed + s, phrases),
                    engine::BotDuty::fill);
  }
  Quiet quiet;
  if (plant) {
    while (room.match().phase != Phase::drafting)
      room.run_until(room.now() + 5'000, quiet);
    const ParticipantId head = students.at(0).front(), member = students.at(0).back();
    const auto bilateral_0_1 = [&] {
      for (ChannelId c = 0; c < room.match().channels.size(); ++c)
        if (room.match().channels[c].kind == ChannelKind::bilateral &&
            room.match().channels[c].members == std::vector<SeatIndex>{0, 1})
          return c;
      return ChannelId{0};
    };
    if (bilateral_0_1() == 0) must(Actor::of(head), OpenBilateral{1});  // a bot may have
    const ChannelId bilateral = bilateral_0_1();
    REQUIRE(bilateral != 0);
    must(Actor::of(head), PostMessage{bilateral, kSecretChat});
    must(Actor::of(member), PostMessage{1, kSecretDelegation});  // seat 0's delegation channel
    must(Actor::of(member), WriteNote{kSecretNote});
    must(Actor::of(member), PostMessage{kPlenary, "Good morning, delegates."});
    // The facilitator fires a crisis inject (when the scenario offers one not yet fired).
    for (const auto& inject : room.match().settings.injects) {
      bool fired = false;
      for (const auto& f : room.match().injects_fired)
        fired = fired || f.id == inject.id;
      if (fired) continue;
      must(Actor::facilitator(), FireInject{inject.id});
      break;
    }
    // A caucus of seats 0, 1 and 3, with a name that needs escaping, and a word in it.
    const auto caucus = static_cast<ChannelId>(room.match().channels.size());
    must(Actor::of(head), CreateCaucus{"Friends <of> \"the\" Chair & co", {1, 3}});
    must(Actor::of(students.at(1).front()), JoinCaucus{caucus});
    must(Actor::of(students.at(3).front()), JoinCaucus{caucus});
    must(Actor::of(students.at(3).front()), PostMessage{caucus, kSecretChat});
    must(Actor::of(head), PostMessage{caucus, kSecretChat});
  }
  room.run_until(std::numeric_limits<TimeMs>::max(), quiet);
  REQUIRE(room.match().phase == Phase::debrief);
  for (const auto& r : quiet.refusals)
    UNSCOPED_INFO(r);
  CHECK(quiet.refusals.empty());
  return {scenario, room.host().log(), room.match()};
}

// One match per shipped scenario, six seats, the first with the secrets planted; played once.
inline const std::vector<ClassMatch>& class_matches() {
  static const std::vector<ClassMatch> matches = [] {
    std::vector<ClassMatch> out;
    bool first = true;
    for (const auto& scenario : shipped_content().scenarios()) {
      out.push_back(play_class_match(scenario.id, 6, 11, first));
      first = false;
    }
    return out;
  }();
  return matches;
}

}  // namespace accord::report::test
