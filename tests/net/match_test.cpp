// A whole match through a real server and real ENet clients on loopback: room creation, a
// delegation of two on one seat, a spectator, a projector, secrets reaching only whom they
// should, and every client's view hashing like the server's at the end.
#include "net_test_support.hpp"

namespace accord::nettest {
namespace {

bool sees(const Client& client, const std::string& marker) {
  return contains(encode_match(client.view()), marker);
}

TEST_CASE("a whole match from room creation to debrief", "[net][match]") {
  TestServer server;
  auto fac = create_room(server, 3, "secret");
  const std::string code = fac->room_code();
  REQUIRE(code.size() == 6);
  CHECK(fac->room_created.has_value());
  CHECK(fac->content_cache.count(kContentHash) == 1);  // the room's content came with Joined
  CHECK(fac->viewer() == Viewer::facilitator());

  auto a1 = join(server, code, "Ada");
  auto a2 = join(server, code, "Alan");
  auto b = join(server, code, "Bea");
  auto c = join(server, code, "Cy");
  auto spectator = join(server, code, "Sam", pm::ClientRole::spectator);
  auto projector = join(server, code, "", pm::ClientRole::projector);
  CHECK_FALSE(projector->participant().has_value());
  std::vector<Client*> all{fac.get(), a1.get(),        a2.get(),       b.get(),
                           c.get(),   spectator.get(), projector.get()};

  // Seats: a delegation of two on seat 0.
  must(*a1, TakeSeat{0}, all);
  must(*a2, TakeSeat{0}, all);
  must(*b, TakeSeat{1}, all);
  must(*c, TakeSeat{2}, all);
  const auto refused = command(*spectator, TakeSeat{2}, all);
  REQUIRE(refused);
  CHECK(refused->code == RejectCode::spectator_only_watches);
  CHECK(refused->kind == pm::RejectionKind::invalid);
  sync_with_server(all);
  CHECK(a1->viewer() == Viewer::of_seat(0));
  CHECK(a2->viewer() == Viewer::of_seat(0));
  CHECK(a1->view_seq() == a2->view_seq());  // one seat, one stream
  CHECK(b->viewer() == Viewer::of_seat(1));
  CHECK(spectator->viewer() == Viewer::audience());

  // Secrets: seat 0's private note, a bilateral between seats 0 and 1.
  must(*a1, WriteNote{"MARKER-NOTE-SEAT0"}, all);
  must(*a1, OpenBilateral{1}, all);
  const ChannelId bilateral = static_cast<ChannelId>(a1->view().channels.size() - 1);
  must(*b, PostMessage{bilateral, "MARKER-BILATERAL-01"}, all);
  must(*c, PostMessage{kPlenary, "MARKER-PLENARY"}, all);
  sync_with_server(all);
  for (Client* client : {a1.get(), a2.get(), fac.get()})
    CHECK(sees(*client, "MARKER-NOTE-SEAT0"));
  for (Client* client : {b.get(), c.get(), spectator.get(), projector.get()})
    CHECK_FALSE(sees(*client, "MARKER-NOTE-SEAT0"));
  for (Client* client : {a1.get(), a2.get(), b.get(), fac.get()})
    CHECK(sees(*client, "MARKER-BILATERAL-01"));
  for (Client* client : {c.get(), spectator.get(), projector.get()})
    CHECK_FALSE(sees(*client, "MARKER-BILATERAL-01"));
  for (Client* client : all)
    CHECK(sees(*client, "MARKER-PLENARY"));
  CHECK(projector->view_hash() == spectator->view_hash());  // exactly the public view

  // Briefing, drafting: a member of the delegation tables, another seat co-sponsors.
  must(*fac, StartMatch{}, all);
  must(*fac, AdvancePhase{}, all);
  REQUIRE(fac->view().phase == Phase::drafting);
  must(*a2, TableClause{0, "24", ""}, all);
  must(*b, Cosponsor{0}, all);
  must(*fac, AdvancePhase{}, all);
  sync_with_server(all);
  REQUIRE(a1->view().phase == Phase::clause_voting);

  // A secret ballot: each seat sees its own ballot only, nobody else's, not the facilitator.
  must(*a1, CastBallot{VoteOn::clause, 0, Ballot::yes}, all);
  must(*b, CastBallot{VoteOn::clause, 0, Ballot::no}, all);
  sync_with_server(all);
  CHECK(a2->view().clauses[0].vote.ballots[0] == Ballot::yes);
  CHECK(b->view().clauses[0].vote.ballots[1] == Ballot::no);
  CHECK_FALSE(b->view().clauses[0].vote.ballots[0].has_value());
  for (Client* client : {c.get(), spectator.get(), projector.get(), fac.get()}) {
    CHECK_FALSE(client->view().clauses[0].vote.ballots[0].has_value());
    CHECK_FALSE(client->view().clauses[0].vote.ballots[1].has_value());
    CHECK(client->view().clauses[0].vote.cast_count == 2);
  }
  must(*c, CastBallot{VoteOn::clause, 0, Ballot::yes}, all);  // the last ballot closes the vote
  sync_with_server(all);
  for (Client* client : all) {
    const auto& vote = client->view().clauses[0].vote;
    CHECK(vote.state == VoteState::closed);
    CHECK(vote.yes == 2);
    CHECK(vote.no == 1);
    for (SeatIndex s = 0; s < 3; ++s)
      if (client->viewer() != Viewer::of_seat(s)) CHECK_FALSE(vote.ballots[s].has_value());
  }

  // On to the final vote and the debrief.
  for (int guard = 0; guard < 10 && fac->view().phase != Phase::final_vote; ++guard)
    must(*fac, AdvancePhase{}, all);
  REQUIRE(fac->view().phase == Phase::final_vote);
  must(*a1, CastBallot{VoteOn::draft, 0, Ballot::yes}, all);
  must(*b, CastBallot{VoteOn::draft, 0, Ballot::yes}, all);
  must(*c, CastBallot{VoteOn::draft, 0, Ballot::abstain}, all);
  sync_with_server(all);
  for (int guard = 0; guard < 5 && fac->view().phase != Phase::debrief; ++guard)
    must(*fac, AdvancePhase{}, all);
  sync_with_server(all);
  for (Client* client : all) {
    CHECK(client->view().phase == Phase::debrief);
    CHECK(client->view().drafts[0].status == DraftStatus::adopted);
  }
  CHECK(sees(*spectator, "Brief of state 1"));           // briefs are revealed at the debrief
  CHECK_FALSE(sees(*spectator, "MARKER-BILATERAL-01"));  // private channels stay private
  CHECK_FALSE(sees(*projector, "MARKER-NOTE-SEAT0"));    // and so do notes

  // Every client's view hashes like the server's view for its viewer.
  for (Client* client : all) {
    CHECK(client->gaps == 0);
    CHECK(client->hash_mismatches == 0);
  }
  // ViewHash messages follow the stream a few ticks later: wait for one, then none disagreed.
  wait_until(all, "a ViewHash at Ada's client", [&] { return a1->hash_checks > 0; });
  CHECK(a1->hash_mismatches == 0);
  server.stop();
  const auto* room = server.get().room(code);
  REQUIRE(room != nullptr);
  for (Client* client : all) {
    INFO("viewer kind " << to_string(client->viewer().kind) << " seat " << client->viewer().seat);
    CHECK(hash(view_for(room->engine->match(), client->viewer())) == client->view_hash());
  }
  // Every event the server decided is in the store.
  const auto log = server.store().load(code);
  REQUIRE(log.has_value());
  CHECK(log->entries.size() == room->engine->host().log().entries.size());
}

}  // namespace
}  // namespace accord::nettest
