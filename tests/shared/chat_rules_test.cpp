// Table-driven cases for the chat rules, and the secrecy of private channels and hidden messages
// checked through the viewers' own streams.
#include <algorithm>
#include <map>

#include "core/codec.hpp"
#include "core/hash.hpp"
#include "core/visibility.hpp"
#include "test_support.hpp"

namespace accord::test {
namespace {

constexpr ChannelId kFirstOpened = 5;  // plenary + four delegation channels come first

// Ana (0) and Ben (1) hold seat 0, Cy (2) seat 1, Dee (3) seat 2, Uma (4) is unseated and Eve (5)
// watches. Seat 3 is empty.
Table chat_room() {
  Table t(4);
  t.seated("Ana", 0);
  t.seated("Ben", 0);
  t.seated("Cy", 1);
  t.seated("Dee", 2);
  t.join("Uma");
  t.join("Eve", Role::spectator);
  return t;
}

Table with_plenary_message() {
  Table t = chat_room();
  t.must(Actor::of(2), PostMessage{kPlenary, "Good morning."});
  return t;
}

Table with_hidden_message() {
  Table t = with_plenary_message();
  t.must(Actor::facilitator(), HideMessage{kPlenary, 0, true});
  return t;
}

Table with_bot() {
  Table t = chat_room();
  t.must(Actor::facilitator(), SetBot{3, true});
  return t;
}

Table paused_room() {
  Table t = chat_room();
  t.start();
  t.must(Actor::facilitator(), PauseClock{});
  return t;
}

Table with_muted() {
  Table t = chat_room();
  t.must(Actor::facilitator(), MuteParticipant{2, true});
  return t;
}

Table with_bilateral() {
  Table t = chat_room();
  t.must(Actor::of(0), OpenBilateral{2});
  return t;
}

// Seat 0 has opened caucus 5 ("Like-minded") and invited seat 1.
Table with_caucus() {
  Table t = chat_room();
  t.must(Actor::of(0), CreateCaucus{"Like-minded", {1}});
  return t;
}

Table with_small_caucus() {
  LogHeader h = header_with_seats(4);
  h.settings.rules.max_caucus_members = 2;
  Table t(h);
  t.seated("Ana", 0);
  t.seated("Ben", 1);
  t.must(Actor::of(0), CreateCaucus{"Pair", {1}});
  return t;
}

Table small_caucus_room() {
  LogHeader h = header_with_seats(4);
  h.settings.rules.max_caucus_members = 2;
  Table t(h);
  t.seated("Ana", 0);
  return t;
}

Table with_caucus_chat() {
  Table t = with_caucus();
  t.must(Actor::of(0), PostMessage{kFirstOpened, "Shall we table 38q together?"});
  return t;
}

Table with_joined_caucus() {
  Table t = with_caucus_chat();
  t.must(Actor::of(2), JoinCaucus{kFirstOpened});
  return t;
}

const ChatMessage& last_message(const Match& m, ChannelId channel) {
  REQUIRE_FALSE(m.channels.at(channel).messages.empty());
  return m.channels.at(channel).messages.back();
}

const RegisterRuleCases chat_cases({
    // post_message
    {"post in the plenary", chat_room, Actor::of(2), PostMessage{kPlenary, "We support 38q."},
     std::nullopt,
     [](const Match& m) {
       const auto& message = last_message(m, kPlenary);
       CHECK(message.author == 2);
       CHECK(message.seat == 1u);
       CHECK(message.text == "We support 38q.");
       CHECK(message.at == 1'000);
       CHECK_FALSE(message.from_bot);
       CHECK_FALSE(message.from_facilitator);
     }},
    {"an unseated player speaks in the plenary", chat_room, Actor::of(4),
     PostMessage{kPlenary, "Hi"}, std::nullopt,
     [](const Match& m) {
       CHECK(last_message(m, kPlenary).author == 4);
       CHECK_FALSE(last_message(m, kPlenary).seat);
     }},
    {"post in the own delegation's channel", chat_room, Actor::of(1), PostMessage{1, "Our line?"},
     std::nullopt,
     [](const Match& m) {
       CHECK(m.channels[1].messages.size() == 1);
       CHECK(m.channels[kPlenary].messages.empty());
     }},
    {"a bot speaks for its seat", with_bot, Actor::bot(3), PostMessage{kPlenary, "Beep."},
     std::nullopt,
     [](const Match& m) {
       const auto& message = last_message(m, kPlenary);
       CHECK(message.from_bot);
       CHECK(message.author == 0);
       CHECK(message.seat == 3u);
     }},
    {"chat goes on while the clock is paused", paused_room, Actor::of(2),
     PostMessage{kPlenary, "While we wait..."}, std::nullopt,
     [](const Match& m) {
       CHECK(m.paused_at);
       CHECK(last_message(m, kPlenary).text == "While we wait...");
     }},
    {"post in a bilateral channel", with_bilateral, Actor::of(3),
     PostMessage{kFirstOpened, "Deal?"}, std::nullopt,
     [](const Match& m) { CHECK(last_message(m, kFirstOpened).seat == 2u); }},
    {"a spectator cannot speak", chat_room, Actor::of(5), PostMessage{kPlenary, "Boo"},
     RejectCode::spectator_only_watches},
    {"a muted participant cannot speak", with_muted, Actor::of(2), PostMessage{kPlenary, "Hey"},
     RejectCode::muted},
    {"post in a channel that does not exist", chat_room, Actor::of(0), PostMessage{99, "Hello?"},
     RejectCode::no_such_channel},
    {"post in another delegation's channel", chat_room, Actor::of(2), PostMessage{1, "Psst"},
     RejectCode::not_a_member},
    {"an unseated player cannot use a delegation channel", chat_room, Actor::of(4),
     PostMessage{1, "Psst"}, RejectCode::not_a_member},
    {"a third seat cannot post in a bilateral", with_bilateral, Actor::of(2),
     PostMessage{kFirstOpened, "Me too"}, RejectCode::not_a_member},
    {"an invited seat cannot post before joining", with_caucus, Actor::of(2),
     PostMessage{kFirstOpened, "Hi"}, RejectCode::not_a_member},
    {"post a blank message", chat_room, Actor::of(0), PostMessage{kPlenary, " \n\t"},
     RejectCode::empty_text},
    {"post an over-long message", chat_room, Actor::of(0),
     PostMessage{kPlenary, std::string(601, 'a')}, RejectCode::text_too_long},
    {"the facilitator announces rather than posts", chat_room, Actor::facilitator(),
     PostMessage{kPlenary, "Hi"}, RejectCode::not_allowed},

    // announce
    {"announce in the plenary", chat_room, Actor::facilitator(), Announce{"Ten minutes left."},
     std::nullopt,
     [](const Match& m) {
       const auto& message = last_message(m, kPlenary);
       CHECK(message.from_facilitator);
       CHECK_FALSE(message.seat);
       CHECK(message.text == "Ten minutes left.");
     }},
    {"announce nothing", chat_room, Actor::facilitator(), Announce{""}, RejectCode::empty_text},
    {"announce too much", chat_room, Actor::facilitator(), Announce{std::string(601, 'a')},
     RejectCode::text_too_long},
    {"a player cannot announce", chat_room, Actor::of(0), Announce{"Hear ye"},
     RejectCode::not_allowed},

    // open_bilateral
    {"open a bilateral", chat_room, Actor::of(3), OpenBilateral{0}, std::nullopt,
     [](const Match& m) {
       REQUIRE(m.channels.size() == kFirstOpened + 1);
       const auto& channel = m.channels[kFirstOpened];
       CHECK(channel.kind == ChannelKind::bilateral);
       CHECK(channel.members == std::vector<SeatIndex>{0, 2});
       CHECK(channel.invited.empty());
     }},
    {"open a bilateral with an empty seat", chat_room, Actor::of(0), OpenBilateral{3}, std::nullopt,
     [](const Match& m) { CHECK(m.channels.size() == kFirstOpened + 1); }},
    {"open a bilateral without a seat", chat_room, Actor::of(4), OpenBilateral{0},
     RejectCode::not_seated},
    {"open a bilateral with a seat that does not exist", chat_room, Actor::of(0), OpenBilateral{4},
     RejectCode::no_such_seat},
    {"open a bilateral with oneself", chat_room, Actor::of(0), OpenBilateral{0},
     RejectCode::not_allowed},
    {"open a bilateral the other side already opened", with_bilateral, Actor::of(3),
     OpenBilateral{0}, RejectCode::already_done},

    // create_caucus
    {"create a caucus", chat_room, Actor::of(1), CreateCaucus{"Like-minded", {2, 1}}, std::nullopt,
     [](const Match& m) {
       REQUIRE(m.channels.size() == kFirstOpened + 1);
       const auto& channel = m.channels[kFirstOpened];
       CHECK(channel.kind == ChannelKind::caucus);
       CHECK(channel.name == "Like-minded");
       CHECK(channel.members == std::vector<SeatIndex>{0});
       CHECK(channel.invited == std::vector<SeatIndex>{1, 2});
     }},
    {"create a caucus alone, inviting later", chat_room, Actor::of(0), CreateCaucus{"Solo", {}},
     std::nullopt, [](const Match& m) { CHECK(m.channels.back().invited.empty()); }},
    {"create a caucus without a seat", chat_room, Actor::of(4), CreateCaucus{"X", {0}},
     RejectCode::not_seated},
    {"create a caucus with a blank name", chat_room, Actor::of(0), CreateCaucus{"  ", {1}},
     RejectCode::invalid_name},
    {"create a caucus with an over-long name", chat_room, Actor::of(0),
     CreateCaucus{std::string(49, 'c'), {1}}, RejectCode::invalid_name},
    {"invite a seat that does not exist", chat_room, Actor::of(0), CreateCaucus{"X", {1, 7}},
     RejectCode::no_such_seat},
    {"invite oneself to one's caucus", chat_room, Actor::of(0), CreateCaucus{"X", {0}},
     RejectCode::not_allowed},
    {"invite a seat twice", chat_room, Actor::of(0), CreateCaucus{"X", {1, 1}},
     RejectCode::not_allowed},
    {"create a caucus larger than allowed", small_caucus_room, Actor::of(0),
     CreateCaucus{"Trio", {1, 2}}, RejectCode::limit_reached},

    // invite_to_caucus
    {"invite to a caucus", with_caucus, Actor::of(1), InviteToCaucus{kFirstOpened, 2}, std::nullopt,
     [](const Match& m) {
       CHECK(m.channels[kFirstOpened].invited == std::vector<SeatIndex>{1, 2});
       CHECK(m.channels[kFirstOpened].members == std::vector<SeatIndex>{0});
     }},
    {"invite to a delegation channel", with_caucus, Actor::of(0), InviteToCaucus{1, 2},
     RejectCode::no_such_channel},
    {"invite to a channel that does not exist", with_caucus, Actor::of(0), InviteToCaucus{42, 2},
     RejectCode::no_such_channel},
    {"an invitee cannot invite", with_caucus, Actor::of(2), InviteToCaucus{kFirstOpened, 2},
     RejectCode::not_a_member},
    {"invite a seat that does not exist to a caucus", with_caucus, Actor::of(0),
     InviteToCaucus{kFirstOpened, 9}, RejectCode::no_such_seat},
    {"invite a seat already invited", with_caucus, Actor::of(0), InviteToCaucus{kFirstOpened, 1},
     RejectCode::already_done},
    {"invite a member", with_joined_caucus, Actor::of(0), InviteToCaucus{kFirstOpened, 1},
     RejectCode::already_done},
    {"invitations count toward the size limit", with_small_caucus, Actor::of(0),
     InviteToCaucus{kFirstOpened, 2}, RejectCode::limit_reached},

    // join_caucus
    {"join a caucus", with_caucus_chat, Actor::of(2), JoinCaucus{kFirstOpened}, std::nullopt,
     [](const Match& m) {
       const auto& channel = m.channels[kFirstOpened];
       CHECK(channel.members == std::vector<SeatIndex>{0, 1});
       CHECK(channel.invited.empty());
       REQUIRE(channel.messages.size() == 1);  // the server's copy is untouched
       CHECK(channel.messages[0].text == "Shall we table 38q together?");
     }},
    {"join a caucus without an invitation", with_caucus, Actor::of(3), JoinCaucus{kFirstOpened},
     RejectCode::not_pending},
    {"join a caucus twice", with_joined_caucus, Actor::of(2), JoinCaucus{kFirstOpened},
     RejectCode::not_pending},
    {"join a bilateral as if a caucus", with_bilateral, Actor::of(2), JoinCaucus{kFirstOpened},
     RejectCode::no_such_channel},
    {"join a caucus without a seat", with_caucus, Actor::of(4), JoinCaucus{kFirstOpened},
     RejectCode::not_seated},

    // leave_caucus
    {"leave a caucus", with_joined_caucus, Actor::of(2), LeaveCaucus{kFirstOpened}, std::nullopt,
     [](const Match& m) {
       CHECK(m.channels[kFirstOpened].members == std::vector<SeatIndex>{0});
       CHECK(m.channels[kFirstOpened].messages.size() == 1);
     }},
    {"leave a caucus one was only invited to", with_caucus, Actor::of(2), LeaveCaucus{kFirstOpened},
     RejectCode::not_a_member},
    {"leave the plenary", with_caucus, Actor::of(0), LeaveCaucus{kPlenary},
     RejectCode::no_such_channel},
    {"leave a caucus without a seat", with_caucus, Actor::of(4), LeaveCaucus{kFirstOpened},
     RejectCode::not_seated},

    // hide_message
    {"hide a message", with_plenary_message, Actor::facilitator(), HideMessage{kPlenary, 0, true},
     std::nullopt,
     [](const Match& m) {
       CHECK(m.channels[kPlenary].messages[0].hidden);
       CHECK(m.channels[kPlenary].messages[0].text == "Good morning.");  // kept in the log
     }},
    {"unhide a message", with_hidden_message, Actor::facilitator(), HideMessage{kPlenary, 0, false},
     std::nullopt, [](const Match& m) { CHECK_FALSE(m.channels[kPlenary].messages[0].hidden); }},
    {"hide a message in a channel that does not exist", with_plenary_message, Actor::facilitator(),
     HideMessage{77, 0, true}, RejectCode::no_such_channel},
    {"hide a message that does not exist", with_plenary_message, Actor::facilitator(),
     HideMessage{kPlenary, 1, true}, RejectCode::no_such_message},
    {"hide a hidden message", with_hidden_message, Actor::facilitator(),
     HideMessage{kPlenary, 0, true}, RejectCode::unchanged},
    {"unhide a visible message", with_plenary_message, Actor::facilitator(),
     HideMessage{kPlenary, 0, false}, RejectCode::unchanged},
    {"a player cannot hide messages", with_plenary_message, Actor::of(0),
     HideMessage{kPlenary, 0, true}, RejectCode::not_allowed},
});

// ------------------------------------------------------------------ secrecy, stream by stream

bool has_bytes(const Bytes& haystack, const std::string& needle) {
  return std::search(haystack.begin(), haystack.end(), needle.begin(), needle.end()) !=
         haystack.end();
}

// Every viewer's stream, applied to its own ClientView, with all it ever received kept as bytes.
class Watchers {
 public:
  explicit Watchers(Table& table) : table_(table) {
    viewers_ = {Viewer::audience(), Viewer::facilitator()};
    for (SeatIndex s = 0; s < table.match().seats.size(); ++s)
      viewers_.push_back(Viewer::of_seat(s));
    for (const auto& viewer : viewers_) {
      auto snapshot = table.host().open_stream(viewer);
      received_[viewer] = encode_match(snapshot.view);
      clients_.emplace(viewer, ClientView(std::move(snapshot)));
    }
  }

  void run(const Actor& actor, const Command& command) {
    INFO("command " << to_json_text(command));
    auto outcome = table_.host().submit(actor, command, table_.now);
    if (outcome.rejection) FAIL("rejected: " << outcome.rejection->message);
    for (const auto& delivery : outcome.deliveries) {
      const Bytes bytes = encode_event(delivery.item.event);
      auto& log = received_[delivery.viewer];
      log.insert(log.end(), bytes.begin(), bytes.end());
      REQUIRE(clients_.at(delivery.viewer).apply(delivery.item) == ClientView::Applied::ok);
    }
    for (const auto& viewer : viewers_) {
      INFO("viewer " << to_string(viewer.kind) << " " << viewer.seat);
      CHECK(hash(view(viewer)) == hash(view_for(table_.match(), viewer)));
    }
  }

  const Match& view(const Viewer& viewer) const { return clients_.at(viewer).view(); }
  bool ever_received(const Viewer& viewer, const std::string& marker) const {
    return has_bytes(received_.at(viewer), marker);
  }
  const std::vector<Viewer>& viewers() const { return viewers_; }

 private:
  Table& table_;
  std::vector<Viewer> viewers_;
  std::map<Viewer, ClientView> clients_;
  std::map<Viewer, Bytes> received_;
};

// Ana holds seat 0, Cy seat 1, Dee seat 2, Fay seat 3.
Table four_delegations() {
  Table t(4);
  t.seated("Ana", 0);
  t.seated("Cy", 1);
  t.seated("Dee", 2);
  t.seated("Fay", 3);
  return t;
}

TEST_CASE("a caucus's messages reach its members only, and leave with a leaving seat") {
  Table t = four_delegations();
  Watchers w(t);
  const ChannelId c = kFirstOpened;
  w.run(Actor::of(0), CreateCaucus{"Friends of 38q", {1, 2}});
  w.run(Actor::of(0), PostMessage{c, "CAUCUS-MARK-1 our plan"});

  // Invitees see the caucus's name and members, not what is said in it.
  const auto& invited = w.view(Viewer::of_seat(1)).channels.at(c);
  CHECK(invited.name == "Friends of 38q");
  CHECK(invited.members == std::vector<SeatIndex>{0});
  CHECK(invited.messages.empty());
  CHECK_FALSE(w.ever_received(Viewer::of_seat(1), "CAUCUS-MARK-1"));
  // Outsiders see only that some channel exists.
  for (const Viewer& outsider : {Viewer::of_seat(3), Viewer::audience()}) {
    const auto& channel = w.view(outsider).channels.at(c);
    CHECK(channel.kind == ChannelKind::caucus);
    CHECK(channel.name.empty());
    CHECK(channel.members.empty());
    CHECK_FALSE(w.ever_received(outsider, "Friends of 38q"));
  }
  CHECK(w.ever_received(Viewer::facilitator(), "CAUCUS-MARK-1"));

  // Joining brings the history.
  w.run(Actor::of(1), JoinCaucus{c});
  REQUIRE(w.view(Viewer::of_seat(1)).channels.at(c).messages.size() == 1);
  CHECK(w.view(Viewer::of_seat(1)).channels.at(c).messages[0].text == "CAUCUS-MARK-1 our plan");
  CHECK(w.view(Viewer::of_seat(2)).channels.at(c).members == std::vector<SeatIndex>{0, 1});
  CHECK(w.view(Viewer::of_seat(2)).channels.at(c).messages.empty());

  // A hidden message joins the history without its text.
  w.run(Actor::of(1), PostMessage{c, "CAUCUS-MARK-2 rude"});
  w.run(Actor::facilitator(), HideMessage{c, 1, true});
  CHECK(w.view(Viewer::of_seat(0)).channels.at(c).messages[1].text.empty());
  w.run(Actor::of(2), JoinCaucus{c});
  const auto& joined = w.view(Viewer::of_seat(2)).channels.at(c);
  REQUIRE(joined.messages.size() == 2);
  CHECK(joined.messages[1].hidden);
  CHECK(joined.messages[1].text.empty());
  CHECK_FALSE(w.ever_received(Viewer::of_seat(2), "CAUCUS-MARK-2"));
  CHECK(t.match().channels[c].messages[1].text == "CAUCUS-MARK-2 rude");  // kept by the server
  CHECK(w.view(Viewer::facilitator()).channels.at(c).messages[1].text == "CAUCUS-MARK-2 rude");

  // Leaving loses everything; the others see the seat go.
  w.run(Actor::of(1), LeaveCaucus{c});
  const auto& left = w.view(Viewer::of_seat(1)).channels.at(c);
  CHECK(left.kind == ChannelKind::caucus);
  CHECK(left.messages.empty());
  CHECK(left.members.empty());
  CHECK(left.name.empty());
  CHECK(w.view(Viewer::of_seat(0)).channels.at(c).members == std::vector<SeatIndex>{0, 2});
  w.run(Actor::of(0), PostMessage{c, "CAUCUS-MARK-3 after"});
  CHECK_FALSE(w.ever_received(Viewer::of_seat(1), "CAUCUS-MARK-3"));

  // Re-invited and re-joined, the seat gets the whole history again.
  w.run(Actor::of(0), InviteToCaucus{c, 1});
  CHECK(w.view(Viewer::of_seat(1)).channels.at(c).name == "Friends of 38q");
  w.run(Actor::of(1), JoinCaucus{c});
  CHECK(w.view(Viewer::of_seat(1)).channels.at(c).messages.size() == 3);
  for (const Viewer& outsider : {Viewer::of_seat(3), Viewer::audience()})
    for (const char* marker : {"CAUCUS-MARK-1", "CAUCUS-MARK-2", "CAUCUS-MARK-3"})
      CHECK_FALSE(w.ever_received(outsider, marker));
}

TEST_CASE("bilateral and delegation messages never reach a third seat or the audience") {
  Table t = four_delegations();
  Watchers w(t);
  w.run(Actor::of(2), OpenBilateral{0});
  w.run(Actor::of(0), PostMessage{kFirstOpened, "BILATERAL-MARK offer"});
  w.run(Actor::of(2), PostMessage{kFirstOpened, "BILATERAL-MARK reply"});
  w.run(Actor::of(1), PostMessage{2, "DELEGATION-MARK our red lines"});  // seat 1's own
  for (const Viewer& party : {Viewer::of_seat(0), Viewer::of_seat(2), Viewer::facilitator()}) {
    CHECK(w.view(party).channels.at(kFirstOpened).messages.size() == 2);
    CHECK(w.view(party).channels.at(kFirstOpened).members == std::vector<SeatIndex>{0, 2});
  }
  for (const Viewer& other : {Viewer::of_seat(1), Viewer::of_seat(3), Viewer::audience()}) {
    CHECK(w.view(other).channels.at(kFirstOpened).messages.empty());
    CHECK(w.view(other).channels.at(kFirstOpened).members.empty());
    CHECK_FALSE(w.ever_received(other, "BILATERAL-MARK"));
  }
  for (const Viewer& other : {Viewer::of_seat(0), Viewer::of_seat(2), Viewer::audience()})
    CHECK_FALSE(w.ever_received(other, "DELEGATION-MARK"));
  CHECK(w.ever_received(Viewer::of_seat(1), "DELEGATION-MARK"));
  CHECK(w.ever_received(Viewer::facilitator(), "DELEGATION-MARK"));
}

TEST_CASE("a hidden message's text is gone from every view but the facilitator's until unhidden") {
  Table t = four_delegations();
  t.join("Eve", Role::spectator);
  Watchers w(t);
  w.run(Actor::of(3), PostMessage{kPlenary, "HIDDEN-MARK insult"});
  w.run(Actor::facilitator(), HideMessage{kPlenary, 0, true});
  for (const auto& viewer : w.viewers()) {
    const auto& message = w.view(viewer).channels[kPlenary].messages.at(0);
    CHECK(message.hidden);
    if (viewer.kind == ViewerKind::facilitator)
      CHECK(message.text == "HIDDEN-MARK insult");
    else
      CHECK(message.text.empty());
  }
  // A viewer who connects now never receives the text.
  CHECK_FALSE(has_bytes(encode_match(view_for(t.match(), Viewer::audience())), "HIDDEN-MARK"));
  w.run(Actor::facilitator(), HideMessage{kPlenary, 0, false});
  for (const auto& viewer : w.viewers()) {
    CHECK_FALSE(w.view(viewer).channels[kPlenary].messages.at(0).hidden);
    CHECK(w.view(viewer).channels[kPlenary].messages.at(0).text == "HIDDEN-MARK insult");
  }
}

TEST_CASE("chat applies ignore events that do not fit") {
  Table t = with_caucus_chat();
  Match m = t.match();
  const Match before = m;
  apply(m, MessagePosted{99, ChatMessage{}});
  apply(m, CaucusInvited{99, 1, "x", {0}, {1}});
  apply(m, CaucusInvited{1, 1, "x", {0}, {1}});  // a delegation channel is no caucus
  apply(m, CaucusJoined{1, 2, {}});
  apply(m, CaucusLeft{99, 0, true});
  apply(m, MessageHidden{kFirstOpened, 7, true, ""});
  apply(m, MessageHidden{99, 0, true, ""});
  CHECK(m == before);
}

}  // namespace
}  // namespace accord::test
