// Property tests over random command streams through every phase: no crash, the invariants
// hold after every event, every viewer's own view (kept by applying its filtered stream) hashes
// like the server's view_for, replay gives the same hash, and no viewer ever receives a marker
// planted in a secret that is not (yet) revealed to it.
#include <map>
#include <set>

#include "core/codec.hpp"
#include "core/hash.hpp"
#include "core/rules_internal.hpp"
#include "core/visibility.hpp"
#include "random_play.hpp"
#include "test_support.hpp"

namespace accord::test {
namespace {

bool contains_text(const Bytes& bytes, const std::string& needle) {
  return std::search(bytes.begin(), bytes.end(), needle.begin(), needle.end()) != bytes.end();
}

LogHeader random_header(std::uint64_t seed) {
  LogHeader h = header_with_seats(static_cast<std::uint32_t>(2 + seed % 6), seed);
  auto& s = h.settings;
  for (SeatIndex i = 0; i < s.seats.size(); ++i) {
    s.seats[i].brief = brief_marker_prefix(i) + " hold the line";
    s.seats[i].objectives = {{brief_marker_prefix(i) + " objective", "adopted(27)"}};
  }
  s.drafts[0].sponsors = {0};
  s.drafts[0].starting_refs =
      seed % 2 == 0 ? std::vector<std::string>{"1", "38"} : std::vector<std::string>{};
  if (seed % 5 == 0) s.drafts.push_back(DraftSetup{"Rival code", {1}, {"36"}});
  s.has_facilitator = seed % 4 != 0;
  s.rules.rounds = 1 + static_cast<std::uint32_t>(seed % 2);
  s.rules.ballot = seed % 2 == 1 ? BallotKind::secret : BallotKind::roll_call;
  s.rules.decision_rule = static_cast<DecisionRule>(seed % 3);
  s.rules.quorum_permille = seed % 7 == 0 ? 300 : 0;
  s.rules.reveal_private_channels = seed % 3 == 0;
  s.rules.briefing_ms = 20'000;
  s.rules.drafting_ms = 90'000;
  s.rules.clause_voting_ms = 30'000;
  s.rules.final_vote_ms = 30'000;
  // Two injects: a shift of seat 0's priorities told in its brief (the marker must reach no one
  // else), an emergency vote, extra time; and a quiet one the schedule may fire.
  InjectSetup storm;
  storm.id = "storm";
  storm.title = "Storm";
  storm.news = "A storm of attacks.";
  storm.urgent_refs = {"24"};
  storm.new_refs = {{"17", "17"}};
  storm.shifts = {PriorityShift{0, {"23"}, {"24"}, brief_marker_prefix(0) + " shift"}};
  storm.statement = "Calm down.";
  storm.statement_ref = "23";
  storm.statement_vote_ms = 20'000;
  storm.extra_drafting_ms = 10'000;
  InjectSetup flood;
  flood.id = "flood";
  flood.title = "Flood";
  flood.news = "Water everywhere.";
  flood.urgent_refs = {"29"};
  s.injects = {storm, flood};
  if (seed % 3 == 0) s.inject_schedule = {ScheduledInject{"flood", 1, Phase::drafting, 5'000}};
  return h;
}

// Returns the broken invariants, one line each (empty when all hold). Plain checks with one
// Catch assertion per call: hundreds of thousands of steps run through here.
std::string broken_invariants(const Match& m) {
  std::string broken;
  auto expect = [&](bool holds, const std::string& what) {
    if (!holds) broken += what + "\n";
  };
  const auto& rules = m.settings.rules;
  std::vector<std::uint32_t> delegation(m.seats.size(), 0);
  for (ParticipantId id = 0; id < m.participants.size(); ++id) {
    const auto& p = m.participants[id];
    const auto who = "participant " + std::to_string(id);
    expect(!(p.left && p.seat), who + " left but holds a seat");
    expect(!(p.role == Role::spectator && p.seat), who + " is a seated spectator");
    expect(!p.ready || m.phase == Phase::lobby, who + " is ready outside the lobby");
    if (p.seat && *p.seat < m.seats.size()) ++delegation[*p.seat];
    expect(!p.seat || *p.seat < m.seats.size(), who + " holds a seat that does not exist");
  }
  for (SeatIndex s = 0; s < m.seats.size(); ++s) {
    const auto what = "seat " + std::to_string(s);
    expect(delegation[s] <= rules.max_delegation_size, what + " has too many members");
    const auto& head = m.seats[s].head;
    expect(head.has_value() == (delegation[s] > 0), what + " has members but no head, or v.v.");
    expect(!head || (*head < m.participants.size() && m.participants[*head].seat == s),
           what + "'s head is not a member");
  }
  const bool timed = m.phase != Phase::lobby && m.phase != Phase::debrief;
  expect(m.deadline.has_value() == (timed && !m.paused_at), "deadline and phase disagree");
  expect(m.round <= rules.rounds, "round past the last");
  for (ChannelId c = 0; c < m.channels.size(); ++c) {
    const auto& channel = m.channels[c];
    expect(std::is_sorted(channel.members.begin(), channel.members.end()),
           "channel " + std::to_string(c) + " members unsorted");
    for (SeatIndex s : channel.invited)
      expect(!detail::contains(channel.members, s),
             "channel " + std::to_string(c) + " invites a member");
  }
  std::set<std::pair<DraftIndex, std::string>> families;
  for (ClauseId id = 0; id < m.clauses.size(); ++id) {
    const auto& clause = m.clauses[id];
    const auto what = "clause " + std::to_string(id);
    expect(clause.draft < m.drafts.size(), what + " in no draft");
    if (clause.status == ClauseStatus::tabled || clause.status == ClauseStatus::adopted)
      expect(families.insert({clause.draft, clause.family}).second, what + " repeats a family");
    const bool decided =
        clause.status == ClauseStatus::adopted || clause.status == ClauseStatus::rejected;
    expect(decided == (clause.vote.state == VoteState::closed), what + " status vs vote");
    if (clause.vote.state == VoteState::open) {
      expect(m.phase == Phase::clause_voting, what + " vote open outside clause voting");
      std::uint32_t cast = 0;
      for (const auto& b : clause.vote.ballots)
        cast += b ? 1u : 0u;
      expect(cast == clause.vote.cast_count, what + " cast count");
    }
    for (SeatIndex s : clause.renewed)
      expect(detail::contains(clause.cosponsors, s), what + " renewed but not co-sponsoring");
  }
  for (DraftIndex d = 0; d < m.drafts.size(); ++d) {
    const auto& draft = m.drafts[d];
    const auto what = "draft " + std::to_string(d);
    if (draft.final_vote.state == VoteState::open)
      expect(m.phase == Phase::final_vote, what + " vote open outside the final vote");
    if (draft.objection_deadline)
      expect(draft.final_vote.state == VoteState::open, what + " window without a vote");
  }
  return broken;
}

// What a viewer received must not hold a marker of a secret it may not (yet) know.
struct SecrecyWatch {
  std::map<Viewer, std::set<ChannelId>> ever_in;  // channels each viewer has seen in full

  void update(const Match& m, const std::vector<Viewer>& viewers) {
    for (const auto& v : viewers)
      for (ChannelId c = 0; c < m.channels.size(); ++c)
        if (channel_sight(m, v, c) == ChannelSight::full) ever_in[v].insert(c);
  }

  // Returns the markers the viewer should not have received.
  std::string leaks(const Match& m, const Viewer& v, const Bytes& bytes) {
    std::string leaked;
    auto look = [&](const std::string& marker) {
      if (contains_text(bytes, marker)) leaked += marker + " ";
    };
    for (SeatIndex s = 0; s < m.seats.size(); ++s) {
      if (sees_seat_secrets(v, s)) continue;
      look(secret_marker_prefix(s));
      if (!m.secrets_revealed) look(brief_marker_prefix(s));
    }
    const auto& seen = ever_in[v];
    for (ChannelId c = 1; c < m.channels.size(); ++c)
      if (!seen.count(c)) look(channel_marker_prefix(c));
    return leaked;
  }
};

void check_client_view(const Match& view, const Viewer& v) {
  CHECK(view.rng == Pcg32{});
  if (view.settings.rules.ballot == BallotKind::secret && v.kind != ViewerKind::server) {
    auto own_only = [&](const VoteRecord& vote) {
      for (SeatIndex s = 0; s < vote.ballots.size(); ++s)
        if (!(v.kind == ViewerKind::seat && v.seat == s) && vote.ballots[s])
          FAIL_CHECK("a secret ballot of seat " << s << " is in another viewer's view");
    };
    for (const auto& clause : view.clauses)
      own_only(clause.vote);
    for (const auto& draft : view.drafts)
      own_only(draft.final_vote);
  }
}

struct RunTotals {
  std::map<std::string, int> accepted;  // command name → accepted count
  int debriefs = 0;
};

void run_stream(std::uint64_t seed, int commands, RunTotals& totals) {
  CAPTURE(seed);
  MatchHost host(random_header(seed));
  std::vector<Viewer> viewers{Viewer::audience(), Viewer::facilitator()};
  for (SeatIndex s = 0; s < host.match().seats.size(); ++s)
    viewers.push_back(Viewer::of_seat(s));
  std::map<Viewer, ClientView> clients;
  for (const auto& v : viewers)
    clients.emplace(v, ClientView(host.open_stream(v)));
  SecrecyWatch watch;

  RandomPlay play(seed * 7919);
  TimeMs now = 0;
  for (int step = 0; step < commands; ++step) {
    now = play.advance(now);
    const auto [actor, command] = play.next(host.match());
    const Match before = host.match();
    auto outcome = host.submit(actor, command, now);
    if (outcome.rejection) {
      if (!(host.match() == before)) FAIL("a rejected command changed the match");
      if (outcome.rejection->message.empty()) FAIL_CHECK("a rejection without a sentence");
    } else {
      ++totals.accepted[std::string(name_of(command))];
    }
    const auto ticked = host.advance_clock(now);
    outcome.deliveries.insert(outcome.deliveries.end(), ticked.deliveries.begin(),
                              ticked.deliveries.end());
    watch.update(before, viewers);
    watch.update(host.match(), viewers);
    for (const auto& delivery : outcome.deliveries) {
      if (clients.at(delivery.viewer).apply(delivery.item) != ClientView::Applied::ok)
        FAIL("a gap in a viewer's stream");
      const auto leaked =
          watch.leaks(host.match(), delivery.viewer, encode_event(delivery.item.event));
      if (!leaked.empty())
        FAIL_CHECK("viewer " << to_string(delivery.viewer.kind) << " " << delivery.viewer.seat
                             << " received " << leaked << "at step " << step);
    }
    const auto broken = broken_invariants(host.match());
    if (!broken.empty()) FAIL_CHECK("after step " << step << ":\n" << broken);
    if (step % 100 == 99) {
      for (const auto& v : viewers) {
        INFO("viewer " << to_string(v.kind) << " " << v.seat << " at step " << step);
        REQUIRE(hash(clients.at(v).view()) == hash(view_for(host.match(), v)));
      }
    }
  }
  for (const auto& v : viewers) {
    const Match expected = view_for(host.match(), v);
    INFO("viewer " << to_string(v.kind) << " " << v.seat);
    REQUIRE(hash(clients.at(v).view()) == hash(expected));
    check_client_view(clients.at(v).view(), v);
    CHECK(watch.leaks(host.match(), v, encode_match(expected)).empty());
  }
  const auto replayed = replay(host.log());
  REQUIRE(replayed.match);
  CHECK(hash(*replayed.match) == hash(host.match()));
  if (host.match().phase == Phase::debrief) ++totals.debriefs;
}

void run_property(std::uint64_t first_seed, int streams, int commands) {
  RunTotals totals;
  for (int i = 0; i < streams; ++i)
    run_stream(first_seed + static_cast<std::uint64_t>(i), commands, totals);
  // The property only means something if the streams reached every command and every phase.
  for (auto name : NamesOf<CommandTypes>::value) {
    INFO("command " << name << " was never accepted in the random streams");
    CHECK(totals.accepted[std::string(name)] > 0);
  }
  CHECK(totals.debriefs > streams / 10);
}

// The release build runs the full 500 streams; the sanitizer build, about twenty times slower
// per command (its test code is built at -O0), checks the first 80 of them for memory and
// undefined-behaviour errors: 40,000 commands, and the longest test of that pass (50 s).
TEST_CASE("random conferences: invariants, view hashes, replay and secrecy (500 x 500)") {
#ifdef ACCORD_SANITIZED
  run_property(1, 80, 500);
#else
  run_property(1, 500, 500);
#endif
}

TEST_CASE("random conferences, long run (10,000 x 500)", "[.][slow]") {
  run_property(100'000, 10'000, 500);
}

}  // namespace
}  // namespace accord::test
