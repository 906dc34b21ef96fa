// UI actions: the screens drawn headless (an ImGui context without a window) with real mouse
// input — the mouse moved onto a widget found through the text log, pressed and released — and a
// recording session, so a click is proven to post exactly the right command. Also the chat's
// local ignore (proved by the text log) and its unread counts.
#include "ui_actions_support.hpp"

namespace accord::client::test {
namespace {

TEST_CASE("ui: clicking 'Take this seat' on a seat's row posts TakeSeat for that seat") {
  const Start st = start(false);
  REQUIRE(st.view.phase == Phase::lobby);
  Clicker gui(recording(st));
  gui.screen(draw_lobby);
  const SeatIndex target = st.me == 3 ? 4u : 3u;
  const std::string row = ui::seat_name(st.view, target);
  REQUIRE(gui.click(S("lobby.take"), row));
  CHECK(only<TakeSeat>(gui.session().posted).seat == target);
  CHECK(gui.session().facilitator_posted.empty());
}

TEST_CASE("ui: clicking 'Yes' on an open clause vote posts CastBallot for that clause") {
  Start st = start(true);
  Match& v = st.view;
  v.phase = Phase::clause_voting;
  v.clauses.clear();
  for (std::size_t i = 0; i < 2; ++i) {
    Clause c = tabled(v, i, static_cast<SeatIndex>(i + 1));
    c.vote.state = VoteState::open;
    c.vote.ballots.assign(v.seats.size(), std::nullopt);
    c.vote.eligible = static_cast<std::uint32_t>(v.seats.size());
    v.clauses.push_back(c);
  }
  const auto second = static_cast<ClauseId>(v.clauses.size() - 1);
  Clicker gui(recording(st));
  gui.screen(draw_voting);
  // The second open clause's heading, then its "Yes".
  const Clause& c = v.clauses[second];
  const auto* entry = test_content().clauses().find(c.ref);
  REQUIRE(entry);
  const std::string heading =
      test_strings().fmt("voting.clause", {std::to_string(second + 1), c.ref, entry->title});
  gui.frame();
  REQUIRE(text_log::contains(heading));
  REQUIRE(gui.click(S("ballot.yes"), heading));
  const auto& ballot = only<CastBallot>(gui.session().posted);
  CHECK(ballot.on == VoteOn::clause);
  CHECK(ballot.target == second);
  CHECK(ballot.ballot == Ballot::yes);
}

TEST_CASE("ui: 'Send' posts the typed line to the open tab and clears the input") {
  const Start st = start(true);
  Clicker gui(recording(st));
  gui.state().chat_input = "We support clause 3.";
  REQUIRE(gui.click(S("chat.send")));
  const auto& message = only<PostMessage>(gui.session().posted);
  CHECK(message.channel == kPlenary);
  CHECK(message.text == "We support clause 3.");
  CHECK(gui.state().chat_input.empty());
  // Nothing to send: the button posts nothing.
  REQUIRE(gui.click(S("chat.send")));
  CHECK(gui.session().posted.size() == 1);
}

TEST_CASE("ui: a deal offered from a bilateral tab posts OfferDeal with both sides' promises") {
  Start st = start(true);
  Match& v = st.view;
  const SeatIndex other = st.me == 2 ? 3u : 2u;
  v.clauses.clear();
  v.clauses.push_back(tabled(v, 0, st.me));  // mine: only the other side can co-sponsor it
  v.clauses.push_back(tabled(v, 1, other));  // theirs: only I can co-sponsor it
  const ClauseId mine = static_cast<ClauseId>(v.clauses.size() - 2);
  const ClauseId theirs = mine + 1;
  const ChannelId bilateral = add_bilateral(v, st.me, other);
  Clicker gui(recording(st));
  gui.state().select_channel = bilateral;
  gui.frame();
  REQUIRE(gui.click(S("deal.offer_open")));
  REQUIRE(gui.state().deal_form);
  // "You promise": a first promise (co-sponsor their clause, the first thing possible).
  REQUIRE(gui.click(S("deal.add"), S("deal.you_give")));
  REQUIRE(gui.state().deal_give.size() == 1);
  // "They promise": add one, then switch its kind to a yes vote on the draft.
  const std::string they = test_strings().fmt("deal.you_get", {ui::seat_name(v, other)});
  REQUIRE(gui.click(S("deal.add"), they));
  REQUIRE(gui.state().deal_get.size() == 1);
  REQUIRE(gui.click(S("deal.action.cosponsor_clause"), they));  // opens the kind's list
  REQUIRE(gui.click(S("deal.action.vote_yes_draft")));
  REQUIRE(gui.state().deal_get.front().action == DealAction::vote_yes_draft);
  CHECK(gui.session().posted.empty());

  REQUIRE(gui.click(S("deal.offer")));
  const auto& offer = only<OfferDeal>(gui.session().posted);
  CHECK(offer.to == other);
  REQUIRE(offer.give.size() == 1);
  CHECK(offer.give[0] == DealTerm{DealAction::cosponsor_clause, theirs});
  REQUIRE(offer.get.size() == 1);
  CHECK(offer.get[0] == DealTerm{DealAction::vote_yes_draft, 0});
  CHECK_FALSE(gui.state().deal_form);  // sent: the form closes
  (void)mine;
}

TEST_CASE("ui: a deal needs a promise on each side before 'Offer deal' does anything") {
  Start st = start(true);
  Match& v = st.view;
  const SeatIndex other = st.me == 2 ? 3u : 2u;
  v.clauses.clear();
  v.clauses.push_back(tabled(v, 1, other));
  const ChannelId bilateral = add_bilateral(v, st.me, other);
  Clicker gui(recording(st));
  gui.state().select_channel = bilateral;
  gui.frame();
  REQUIRE(gui.click(S("deal.offer_open")));
  REQUIRE(gui.click(S("deal.add"), S("deal.you_give")));
  REQUIRE(gui.click(S("deal.offer")));
  CHECK(gui.session().posted.empty());
}

TEST_CASE("ui: a caucus is created with its name and the seats picked") {
  const Start st = start(true);
  const SeatIndex a = st.me == 1 ? 4u : 1u, b = st.me == 5 ? 2u : 5u;
  Clicker gui(recording(st));
  REQUIRE(gui.click(S("chat.new_caucus")));
  REQUIRE(gui.state().caucus_form);
  gui.state().caucus_name = "Friends of due diligence";
  REQUIRE(gui.click(ui::seat_name(st.view, b), S("chat.caucus_pick")));
  REQUIRE(gui.click(ui::seat_name(st.view, a), S("chat.caucus_pick")));
  CHECK(gui.session().posted.empty());
  REQUIRE(gui.click(S("chat.create_caucus")));
  const auto& created = only<CreateCaucus>(gui.session().posted);
  CHECK(created.name == "Friends of due diligence");
  CHECK(created.invite == std::vector<SeatIndex>{std::min(a, b), std::max(a, b)});
}

TEST_CASE("ui: 'Invite' in a caucus tab invites the chosen seat") {
  Start st = start(true);
  Match& v = st.view;
  Channel caucus;
  caucus.kind = ChannelKind::caucus;
  caucus.name = "Group of Friends";
  caucus.members = {st.me};
  const SeatIndex invited = st.me == 0 ? 1u : 0u;
  caucus.invited = {invited};
  v.channels.push_back(caucus);
  const auto id = static_cast<ChannelId>(v.channels.size() - 1);
  Clicker gui(recording(st));
  gui.state().select_channel = id;
  gui.frame();
  gui.frame();
  CHECK(text_log::contains(test_strings().fmt("chat.invited_list", {ui::seat_name(v, invited)})));
  // The first seat neither a member nor invited is offered first.
  SeatIndex first = 0;
  while (first == st.me || first == invited)
    ++first;
  REQUIRE(gui.click(S("chat.invite")));
  const auto& invite = only<InviteToCaucus>(gui.session().posted);
  CHECK(invite.channel == id);
  CHECK(invite.seat == first);
}

TEST_CASE("ui: an ignored participant's messages are not drawn; a toggle shows them again") {
  Start st = start(true);
  Match& v = st.view;
  const SeatIndex rude = st.me == 1 ? 2u : 1u, polite = st.me == 3 ? 4u : 3u;
  auto& plenary = v.channels[kPlenary].messages;
  plenary.push_back(bot_line(rude, "MARKER-RUDE-1 nobody reads this"));
  plenary.push_back(bot_line(polite, "MARKER-POLITE everyone reads this"));
  plenary.push_back(bot_line(rude, "MARKER-RUDE-2 still talking"));
  Clicker gui(recording(st));
  gui.frame();
  gui.frame();
  REQUIRE(text_log::contains("MARKER-RUDE-1"));
  const std::string name = S("chat.bot") + " (" + ui::seat_name(v, rude) + ")";
  REQUIRE(gui.click(name));  // the author's name opens the ignore menu
  const std::string ignore = test_strings().fmt("chat.ignore", {name});
  REQUIRE(gui.click(ignore));
  gui.frame();
  CHECK_FALSE(text_log::contains("MARKER-RUDE-1"));
  CHECK_FALSE(text_log::contains("MARKER-RUDE-2"));
  CHECK(text_log::contains("MARKER-POLITE"));
  CHECK(gui.state().ignored_bots.count(rude) == 1);
  CHECK(gui.session().posted.empty());  // local only: nothing goes to the server

  const std::string toggle = test_strings().fmt("chat.show_ignored", {"2"});
  REQUIRE(text_log::contains(toggle));
  REQUIRE(gui.click(toggle));
  gui.frame();
  CHECK(text_log::contains("MARKER-RUDE-1"));
  CHECK(gui.session().posted.empty());
}

TEST_CASE("ui: unread counts per tab count what this client shows") {
  Start st = start(true);
  Match& v = st.view;
  const SeatIndex other = st.me == 2 ? 3u : 2u, third = st.me == 4 ? 5u : 4u;
  const ChannelId bilateral = add_bilateral(v, st.me, other);
  Clicker gui(recording(st));
  gui.frame();
  const auto label = [&](std::size_t unread) {
    std::string l = test_strings().fmt("chat.bilateral", {ui::seat_name(v, other)});
    if (unread > 0) l += " (" + std::to_string(unread) + ")";
    return l + "###ch" + std::to_string(bilateral);
  };
  CHECK(text_log::contains(label(0)));
  CHECK_FALSE(text_log::contains(label(0).substr(0, label(0).find("###")) + " ("));
  auto& messages = gui.session().edit().channels[bilateral].messages;
  messages.push_back(bot_line(other, "one"));
  messages.push_back(bot_line(other, "two"));
  messages.push_back(bot_line(third, "three"));  // (a third seat cannot be here; a stand-in)
  gui.frame();
  CHECK(text_log::contains(label(3)));
  gui.state().ignored_bots.insert(third);
  gui.frame();
  CHECK(text_log::contains(label(2)));
  // Opening the tab reads them; a later line counts one.
  gui.state().select_channel = bilateral;
  gui.frame();
  gui.frame();
  REQUIRE(gui.state().channel == bilateral);
  gui.state().select_channel = kPlenary;
  gui.frame();
  gui.frame();
  CHECK(text_log::contains(label(0)));
  messages.push_back(bot_line(other, "four"));
  gui.frame();
  CHECK(text_log::contains(label(1)));
}

TEST_CASE("ui: 'Accept' on a deal offered to this seat answers that deal") {
  Start st = start(true);
  Match& v = st.view;
  const SeatIndex other = st.me == 2 ? 3u : 2u;
  v.clauses.clear();
  v.clauses.push_back(tabled(v, 0, other));
  Deal d;
  d.from = other;
  d.to = st.me;
  d.from_terms = {DealTerm{DealAction::vote_yes_draft, 0}};
  d.to_terms = {
      DealTerm{DealAction::cosponsor_clause, static_cast<std::uint32_t>(v.clauses.size() - 1)}};
  v.deals.push_back(d);
  v.deals.push_back(d);
  v.deals.back().status = DealStatus::declined;
  v.deals.push_back(d);  // the third: offered too
  Clicker gui(recording(st));
  gui.screen(draw_drafting);
  gui.frame();
  CHECK(text_log::contains(test_strings().fmt(
      "deal.theirs",
      {ui::seat_name(v, other),
       test_strings().fmt("deal.term", {S("deal.action.vote_yes_draft"), v.drafts[0].title})})));
  REQUIRE(gui.click(S("drafting.accept"), S("drafting.deals"), 1));  // the third deal's
  const auto& answer = only<AnswerDeal>(gui.session().posted);
  CHECK(answer.deal == 2);
  CHECK(answer.accept);
}

}  // namespace
}  // namespace accord::client::test
