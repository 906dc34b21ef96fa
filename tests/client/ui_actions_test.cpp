// UI actions: the screens drawn headless (an ImGui context without a window) with real mouse
// input — the mouse moved onto a widget found through the text log, pressed and released — and a
// recording session, so a click is proven to post exactly the right command. Also the chat's
// local ignore (proved by the text log) and its unread counts.
#include <imgui.h>

#include <algorithm>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "client_test_support.hpp"
#include "core/rules.hpp"
#include "local_session.hpp"

namespace accord::client::test {
namespace {

constexpr TimeMs kNow = 100'000;  // the recording session's clock

// A session over a view the test shapes; every command posted is kept, nothing changes.
class RecordingSession final : public Session {
 public:
  RecordingSession(Match view, SeatIndex seat, ParticipantId me)
      : view_(std::move(view)), seat_(seat), me_(me) {}
  void post(const Command& c) override { posted.push_back(c); }
  bool can_facilitate() const override { return facilitate; }
  void post_facilitator(const Command& c) override { facilitator_posted.push_back(c); }
  bool poll(double) override { return false; }
  const Match& view() const override { return view_; }
  const Match* public_view() const override { return nullptr; }
  std::optional<SeatIndex> seat() const override { return seat_; }
  ParticipantId participant() const override { return me_; }
  TimeMs now() const override { return now_; }
  double real_ms_until_next_event() const override { return 1000.0; }
  const std::optional<Rejection>& last_rejection() const override { return rejection_; }
  void clear_rejection() override {}
  ConnectionState connection() const override { return ConnectionState::local; }
  const std::string& scenario_id() const override { return scenario_; }

  Match& edit() { return view_; }
  std::vector<Command> posted, facilitator_posted;
  bool facilitate = false;

 private:
  Match view_;
  SeatIndex seat_;
  ParticipantId me_;
  TimeMs now_ = kNow;
  std::string scenario_ = "opt_in_code";
  std::optional<Rejection> rejection_;
};

// Where each string of the text log was recorded: the ImGui cursor at that moment, which is
// where the widget it labels is laid out.
std::vector<std::pair<std::string, ImVec2>>& placed() {
  static std::vector<std::pair<std::string, ImVec2>> list;
  return list;
}

void observe(std::string_view text) {
  placed().emplace_back(std::string(text), ImGui::GetCursorScreenPos());
}

// A headless ImGui frame loop with a mouse, over one recording session.
class Clicker {
 public:
  explicit Clicker(std::unique_ptr<RecordingSession> session) : session_(std::move(session)) {
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(1280, 800);
    fonts_ = load_fonts(16.0f);
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
    apply_theme(false, 1.0f);
    text_log::set_observer(&observe);
  }
  ~Clicker() {
    text_log::set_observer(nullptr);
    ImGui::DestroyContext();
  }
  Clicker(const Clicker&) = delete;
  Clicker& operator=(const Clicker&) = delete;

  RecordingSession& session() { return *session_; }
  UiState& state() { return state_; }
  void screen(void (*draw)(Ui&)) { draw_ = draw; }

  void frame() {
    ImGuiIO& io = ImGui::GetIO();
    io.DeltaTime = 1.0f / 60.0f;
    io.MousePos = mouse_;
    io.MouseDown[0] = down_;
    placed().clear();
    ImGui::NewFrame();
    text_log::begin_frame();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(io.DisplaySize);
    ImGui::Begin("root", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove);
    Ui u{test_strings(),     test_content(), session_.get(), settings_, fonts_,
         palette_for(false), 1.0f,           state_,         requests_};
    draw_(u);
    ImGui::End();
    ImGui::Render();
  }

  // Where `label` was laid out in the last frame: its first occurrence after `after` (when
  // given), or its `nth` occurrence.
  std::optional<ImVec2> find(std::string_view label, std::string_view after = {}, int nth = 0) {
    bool armed = after.empty();
    for (const auto& [text, pos] : placed()) {
      if (!armed) {
        armed = text == after;
        continue;
      }
      if (text == label && nth-- == 0) return pos;
    }
    return std::nullopt;
  }

  // Moves the mouse onto the widget labelled `label` and leaves it there for a frame (a tooltip
  // shows and is recorded in the text log). False when no such widget was drawn.
  bool hover(std::string_view label, std::string_view after = {}, int nth = 0) {
    frame();
    for (int settle = 0; settle < 6; ++settle) {
      const auto pos = find(label, after, nth);
      if (!pos) return false;
      const ImVec2 target(pos->x + ImGui::GetStyle().FramePadding.x + 2.0f,
                          pos->y + ImGui::GetStyle().FramePadding.y + 2.0f);
      const bool moved = target.x != mouse_.x || target.y != mouse_.y;
      mouse_ = target;
      frame();  // hover there (layouts settle: scrolling, new rows)
      if (!moved) break;
    }
    return true;
  }

  // Moves the mouse onto the widget labelled `label`, presses and releases the left button.
  // False when no such widget was drawn.
  bool click(std::string_view label, std::string_view after = {}, int nth = 0) {
    if (!hover(label, after, nth)) return false;
    down_ = true;
    frame();
    down_ = false;
    frame();
    frame();
    return true;
  }

 private:
  std::unique_ptr<RecordingSession> session_;
  Fonts fonts_;
  Settings settings_;
  UiState state_;
  Requests requests_;
  void (*draw_)(Ui&) = draw_chat;
  ImVec2 mouse_{-1000, -1000};
  bool down_ = false;
};

// A real match's view to start from: opt_in_code, 6 seats, the player on seat 0.
struct Start {
  Match view;
  SeatIndex me;
  ParticipantId participant;
};

Start start(bool drafting) {
  SoloConfig c;
  c.scenario = "opt_in_code";
  c.seats = 6;
  c.seed = 11;
  c.start_now = drafting;
  std::string error;
  auto s = LocalSession::create(test_content(), c, &error);
  INFO(error);
  REQUIRE(s);
  if (drafting) {
    s->post_facilitator(AdvancePhase{});
    REQUIRE(s->view().phase == Phase::drafting);
  }
  REQUIRE(s->seat());
  return {s->view(), *s->seat(), s->participant()};
}

std::unique_ptr<RecordingSession> recording(const Start& st) {
  return std::make_unique<RecordingSession>(st.view, st.me, st.participant);
}

template <class T>
const T& only(const std::vector<Command>& posted) {
  REQUIRE(posted.size() == 1);
  const T* c = std::get_if<T>(&posted.front());
  REQUIRE(c);
  return *c;
}

ChatMessage bot_line(SeatIndex seat, std::string text) {
  ChatMessage m;
  m.seat = seat;
  m.from_bot = true;
  m.text = std::move(text);
  return m;
}

ChannelId add_bilateral(Match& v, SeatIndex a, SeatIndex b) {
  Channel ch;
  ch.kind = ChannelKind::bilateral;
  ch.members = {std::min(a, b), std::max(a, b)};
  v.channels.push_back(ch);
  return static_cast<ChannelId>(v.channels.size() - 1);
}

Clause tabled(const Match& v, std::size_t option, SeatIndex sponsor) {
  Clause c;
  c.ref = v.settings.clause_table.at(option).ref;
  c.family = v.settings.clause_table.at(option).family;
  c.sponsor = sponsor;
  c.round = 1;
  return c;
}

const std::string& S(std::string_view key) {
  return test_strings().get(key);
}

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

// ------------------------------------------------------------------ the buttons ask the rules
// Each action button is enabled exactly when `decide`, run on the client's own view for its
// participant (or the facilitator) at the session's clock, accepts the command it would send;
// a disabled one shows the rules' rejection when the mouse is over it.

const std::string kPausedReason = "The facilitator has paused the session.";

void pause(Match& v) {
  v.paused_at = kNow - 10'000;
  v.paused_remaining = 60'000;
  v.deadline.reset();
}

void resume(Match& v) {
  v.paused_at.reset();
  v.paused_remaining.reset();
  v.deadline = kNow + 60'000;
}

VoteRecord open_vote(const Match& v) {
  VoteRecord vote;
  vote.state = VoteState::open;
  vote.ballots.assign(v.seats.size(), std::nullopt);
  vote.eligible = static_cast<std::uint32_t>(v.seats.size());
  return vote;
}

// Clause voting with one open vote, on clause 0 (another seat's); nobody has voted yet.
Start clause_voting() {
  Start st = start(true);
  Match& v = st.view;
  v.phase = Phase::clause_voting;
  v.clauses.clear();
  Clause c = tabled(v, 0, st.me == 1 ? 2u : 1u);
  c.vote = open_vote(v);
  v.clauses.push_back(c);
  return st;
}

// The final vote, with adoption of draft 0 without a vote proposed: the objection window is open.
Start adoption_proposed() {
  Start st = start(true);
  Match& v = st.view;
  v.phase = Phase::final_vote;
  v.clauses.clear();
  v.drafts[0].final_vote = open_vote(v);
  v.drafts[0].objection_deadline = kNow + 30'000;
  return st;
}

// Another participant joins this client's seat and heads its delegation.
void lose_head_role(Match& v, SeatIndex seat) {
  Participant head;
  head.name = "Head of delegation";
  head.seat = seat;
  v.participants.push_back(head);
  v.seats[seat].head = static_cast<ParticipantId>(v.participants.size() - 1);
}

std::optional<Rejection> rules_say(const RecordingSession& s, const Command& c,
                                   SendAs as = SendAs::participant) {
  const Actor actor = as == SendAs::facilitator ? Actor::facilitator() : Actor::of(s.participant());
  return decide(s.view(), actor, c, s.now()).rejection;
}

std::string ballot_label(Ballot b) {
  return S("ballot." + std::string(to_string(b)));
}

TEST_CASE("ui: while paused the ballot buttons are disabled and say why; after resume they vote") {
  Start st = clause_voting();
  pause(st.view);
  Clicker gui(recording(st));
  gui.screen(draw_voting);
  const auto refused = rules_say(gui.session(), CastBallot{VoteOn::clause, 0, Ballot::yes});
  REQUIRE(refused);
  CHECK(refused->code == RejectCode::paused);
  CHECK(refused->message == kPausedReason);

  gui.frame();  // the mouse is elsewhere: no tooltip
  CHECK_FALSE(text_log::contains(kPausedReason));
  for (const Ballot b : {Ballot::yes, Ballot::no, Ballot::abstain}) {
    REQUIRE(gui.click(ballot_label(b)));
    CHECK(gui.session().posted.empty());
    CHECK(text_log::contains(kPausedReason));  // the mouse is over it: the rules' reason
  }

  resume(gui.session().edit());
  REQUIRE(gui.click(ballot_label(Ballot::no)));
  const auto& ballot = only<CastBallot>(gui.session().posted);
  CHECK(ballot.target == 0);
  CHECK(ballot.ballot == Ballot::no);
  CHECK_FALSE(text_log::contains(kPausedReason));
}

TEST_CASE("ui: while paused 'Object' is disabled with the rules' reason; after resume it objects") {
  Start st = adoption_proposed();
  pause(st.view);
  Clicker gui(recording(st));
  gui.screen(draw_voting);
  const auto refused = rules_say(gui.session(), ObjectToAdoption{0});
  REQUIRE(refused);
  CHECK(refused->code == RejectCode::paused);

  REQUIRE(gui.click(S("voting.object")));
  CHECK(gui.session().posted.empty());
  CHECK(text_log::contains(kPausedReason));

  resume(gui.session().edit());
  REQUIRE(gui.click(S("voting.object")));
  CHECK(only<ObjectToAdoption>(gui.session().posted).draft == 0);
}

TEST_CASE(
    "ui: a delegation member who is not its head cannot vote or object; the button says why") {
  const auto reason = [](const Match& v, SeatIndex me) {
    return "Only the head of your delegation can do this for " + ui::seat_name(v, me) + ".";
  };
  SECTION("a clause vote") {
    Start st = clause_voting();
    lose_head_role(st.view, st.me);
    Clicker gui(recording(st));
    gui.screen(draw_voting);
    REQUIRE(gui.click(ballot_label(Ballot::yes)));
    CHECK(gui.session().posted.empty());
    CHECK(text_log::contains(reason(st.view, st.me)));
    CHECK(rules_say(gui.session(), CastBallot{VoteOn::clause, 0, Ballot::yes})->code ==
          RejectCode::not_head);
  }
  SECTION("an objection to adoption without a vote") {
    Start st = adoption_proposed();
    lose_head_role(st.view, st.me);
    Clicker gui(recording(st));
    gui.screen(draw_voting);
    REQUIRE(gui.click(S("voting.object")));
    CHECK(gui.session().posted.empty());
    CHECK(text_log::contains(reason(st.view, st.me)));
  }
}

TEST_CASE("ui: each ballot button is enabled exactly when the rules take that ballot") {
  struct Variant {
    const char* name;
    void (*shape)(Match&, SeatIndex me);
  };
  const Variant variants[] = {
      {"running, head", [](Match&, SeatIndex) {}},
      {"paused", [](Match& v, SeatIndex) { pause(v); }},
      {"not the head", [](Match& v, SeatIndex me) { lose_head_role(v, me); }},
      {"already voted yes",
       [](Match& v, SeatIndex me) { v.clauses[0].vote.ballots[me] = Ballot::yes; }},
      {"paused, not the head",
       [](Match& v, SeatIndex me) {
         pause(v);
         lose_head_role(v, me);
       }},
  };
  int accepted = 0, refused = 0;
  for (const auto& variant : variants) {
    for (const Ballot b : {Ballot::yes, Ballot::no, Ballot::abstain}) {
      Start st = clause_voting();
      variant.shape(st.view, st.me);
      Clicker gui(recording(st));
      gui.screen(draw_voting);
      const auto rules = rules_say(gui.session(), CastBallot{VoteOn::clause, 0, b});
      INFO(variant.name << ", " << ballot_label(b) << ": "
                        << (rules ? rules->message : std::string("accepted")));
      REQUIRE(gui.click(ballot_label(b)));
      if (rules) {
        ++refused;
        CHECK(gui.session().posted.empty());
        CHECK(text_log::contains(rules->message));
      } else {
        ++accepted;
        CHECK(only<CastBallot>(gui.session().posted).ballot == b);
      }
    }
  }
  // Both kinds were exercised: 5 accepted (3 running + 2 after a yes), 10 refused.
  CHECK(accepted == 5);
  CHECK(refused == 10);
}

TEST_CASE("ui: while paused the drafting actions stay in sight, wait, and say why") {
  Start st = start(true);
  Match& v = st.view;
  const SeatIndex other = st.me == 2 ? 3u : 2u;
  v.clauses.clear();
  v.clauses.push_back(tabled(v, 1, other));  // another seat's: this one may co-sponsor it
  pause(v);
  Clicker gui(recording(st));
  gui.screen(draw_drafting);
  REQUIRE(gui.click(S("drafting.done")));
  CHECK(text_log::contains(kPausedReason));
  REQUIRE(gui.click(S("drafting.cosponsor")));
  CHECK(text_log::contains(kPausedReason));
  CHECK(gui.session().posted.empty());

  resume(gui.session().edit());
  REQUIRE(gui.click(S("drafting.cosponsor")));
  CHECK(only<Cosponsor>(gui.session().posted).clause == 0);
  gui.session().posted.clear();
  REQUIRE(gui.click(S("drafting.done")));
  CHECK(only<SetReady>(gui.session().posted).ready);
}

TEST_CASE("ui: while paused the facilitator resumes or extends, and 'Advance' says resume first") {
  Start st = start(true);
  pause(st.view);
  Clicker gui(recording(st));
  gui.session().facilitate = true;
  gui.screen(draw_facilitator);
  const std::string resume_first = "The clock is paused: resume it to advance the phase.";
  CHECK(rules_say(gui.session(), AdvancePhase{}, SendAs::facilitator)->message == resume_first);
  REQUIRE(gui.click(S("facilitator.advance")));
  CHECK(gui.session().facilitator_posted.empty());
  CHECK(text_log::contains(resume_first));
  CHECK_FALSE(gui.find(S("facilitator.pause")));  // one toggle: Resume while paused

  REQUIRE(gui.click(S("facilitator.extend1")));
  CHECK(only<ExtendPhase>(gui.session().facilitator_posted).by_ms == 60'000);
  gui.session().facilitator_posted.clear();
  REQUIRE(gui.click(S("facilitator.resume")));
  CHECK(std::holds_alternative<ResumeClock>(gui.session().facilitator_posted.at(0)));
  CHECK(gui.session().posted.empty());  // as the facilitator, not as the participant
}

TEST_CASE("ui: chat goes on while paused; an empty line is refused with the rules' words") {
  Start st = start(true);
  pause(st.view);
  Clicker gui(recording(st));
  REQUIRE(gui.click(S("chat.send")));  // nothing typed
  CHECK(gui.session().posted.empty());
  CHECK(text_log::contains("Write something first."));
  gui.state().chat_input = "Shall we meet after the pause?";
  REQUIRE(gui.click(S("chat.send")));
  CHECK(only<PostMessage>(gui.session().posted).text == "Shall we meet after the pause?");
  CHECK_FALSE(text_log::contains(kPausedReason));
}

// ---- the facilitator's controls: each click posts the command, which the test then runs
// through the rules (decide + apply) on the view, so the next frame shows its effect.

void apply_posted(RecordingSession& s) {
  for (const Command& c : s.facilitator_posted) {
    const Decision d = decide(s.view(), Actor::facilitator(), c, s.now());
    REQUIRE(d.accepted());
    for (const Event& e : d.events)
      apply(s.edit(), e);
  }
  for (const Command& c : s.posted) {
    const Decision d = decide(s.view(), Actor::of(s.participant()), c, s.now());
    REQUIRE(d.accepted());
    for (const Event& e : d.events)
      apply(s.edit(), e);
  }
  s.facilitator_posted.clear();
  s.posted.clear();
}

std::unique_ptr<RecordingSession> facilitating(const Start& st) {
  auto s = recording(st);
  s->facilitate = true;
  return s;
}

TEST_CASE("ui: in the lobby the facilitator changes the decision rule; the current one says why") {
  const Start st = start(false);
  Clicker gui(facilitating(st));
  gui.screen(draw_facilitator);
  const RoomRules before = st.view.settings.rules;
  const DecisionRule target = before.decision_rule == DecisionRule::consensus
                                  ? DecisionRule::simple_majority
                                  : DecisionRule::consensus;
  const std::string label = S("rule." + std::string(to_string(target)));
  REQUIRE(gui.click(label));
  const auto& change = only<ChangeRules>(gui.session().facilitator_posted);
  RoomRules expected = before;
  expected.decision_rule = target;
  CHECK(change.rules == expected);
  CHECK(gui.session().posted.empty());
  apply_posted(gui.session());
  gui.frame();
  CHECK(text_log::contains(test_strings().fmt("facilitator.decision_rule", {label})));

  // The rule the room already plays by: refused, with the rules' words.
  REQUIRE(gui.click(label));
  CHECK(gui.session().facilitator_posted.empty());
  CHECK(text_log::contains("The room already plays by these rules."));
}

TEST_CASE("ui: in the lobby the facilitator lengthens a timer; one below a minute says why not") {
  Start st = start(false);
  st.view.settings.rules.drafting_ms = 12 * 60'000;
  st.view.settings.rules.briefing_ms = 30'000;
  Clicker gui(facilitating(st));
  gui.screen(draw_facilitator);
  const auto line = [](const char* phase, const char* minutes) {
    return test_strings().fmt("facilitator.timer", {S(phase), minutes});
  };
  REQUIRE(gui.click(S("facilitator.minute_more"), line("phase.drafting", "12")));
  CHECK(only<ChangeRules>(gui.session().facilitator_posted).rules.drafting_ms == 13 * 60'000);
  apply_posted(gui.session());
  gui.frame();
  CHECK(text_log::contains(line("phase.drafting", "13")));

  REQUIRE(gui.click(S("facilitator.minute_less"), line("phase.briefing", "0:30")));
  CHECK(gui.session().facilitator_posted.empty());
  CHECK(text_log::contains("Every timer lasts between one second and one day."));
  REQUIRE(gui.click(S("facilitator.minute_more"), line("phase.briefing", "0:30")));
  CHECK(only<ChangeRules>(gui.session().facilitator_posted).rules.briefing_ms == 90'000);
}

// A second participant joins this client's seat (the client stays its head).
ParticipantId join_my_seat(Match& v, SeatIndex seat) {
  Participant second;
  second.name = "Second delegate";
  second.seat = seat;
  v.participants.push_back(second);
  return static_cast<ParticipantId>(v.participants.size() - 1);
}

TEST_CASE("ui: the facilitator makes another member head of a delegation") {
  Start st = start(false);
  const ParticipantId second = join_my_seat(st.view, st.me);
  const Participant& other = st.view.participants[second];
  REQUIRE(st.view.seats[st.me].head == st.participant);
  Clicker gui(facilitating(st));
  gui.screen(draw_facilitator);
  const std::string row = test_strings().fmt("facilitator.participant_line",
                                             {other.name, ui::seat_name(st.view, st.me), ""});
  REQUIRE(gui.click(S("facilitator.make_head"), row));
  CHECK(only<HandHeadRole>(gui.session().facilitator_posted).to == second);
  apply_posted(gui.session());
  CHECK(gui.session().view().seats[st.me].head == second);
  gui.frame();
  CHECK(gui.find(S("facilitator.is_head"), row));
  CHECK_FALSE(gui.find(S("facilitator.make_head"), row));
}

TEST_CASE("ui: a head hands the role to a member from the lobby; a member who is not says why") {
  Start st = start(false);
  const ParticipantId second = join_my_seat(st.view, st.me);
  const Participant& other = st.view.participants[second];
  Clicker gui(recording(st));
  gui.screen(draw_lobby);
  const std::string hand = test_strings().fmt("lobby.hand_head", {other.name});
  REQUIRE(gui.click(hand));
  CHECK(only<HandHeadRole>(gui.session().posted).to == second);
  apply_posted(gui.session());
  CHECK(gui.session().view().seats[st.me].head == second);
  // No longer the head: the same button is refused with the rules' reason.
  REQUIRE(gui.click(hand));
  CHECK(gui.session().posted.empty());
  CHECK(text_log::contains("Only the head of a delegation can hand the role to another member."));
}

TEST_CASE("ui: the facilitator hides a chat message and shows it again; players get no button") {
  Start st = start(true);
  const SeatIndex other = st.me == 2 ? 3u : 2u;
  auto& plenary = st.view.channels[kPlenary].messages;
  plenary.clear();
  plenary.push_back(bot_line(other, "Something nobody should read."));
  const auto index = static_cast<std::uint32_t>(plenary.size() - 1);
  {
    Clicker player(recording(st));
    player.frame();
    CHECK(text_log::contains("Something nobody should read."));
    CHECK_FALSE(player.find(S("facilitator.hide")));
  }
  Clicker gui(facilitating(st));
  REQUIRE(gui.click(S("facilitator.hide")));
  const auto& hide = only<HideMessage>(gui.session().facilitator_posted);
  CHECK(hide.channel == kPlenary);
  CHECK(hide.index == index);
  CHECK(hide.hidden);
  apply_posted(gui.session());
  gui.frame();
  CHECK(text_log::contains(S("chat.hidden")));
  REQUIRE(gui.click(S("facilitator.show")));
  const auto& show = only<HideMessage>(gui.session().facilitator_posted);
  CHECK(show.index == index);
  CHECK_FALSE(show.hidden);
}

TEST_CASE("ui: the facilitator overrides a free-text clause's points; clearing none says why") {
  Start st = start(true);
  Match& v = st.view;
  v.clauses.clear();
  Clause free_text;
  free_text.text = "States shall cooperate on everything.";
  free_text.sponsor = st.me == 1 ? 2u : 1u;
  free_text.round = 1;
  v.clauses.push_back(free_text);
  Clicker gui(facilitating(st));
  gui.screen(draw_facilitator);
  REQUIRE(gui.click(S("facilitator.points")));
  REQUIRE(gui.state().tag_points[0] == std::vector<std::int32_t>(7, 0));
  // Nothing to clear yet: refused with the rules' words.
  REQUIRE(gui.click(S("facilitator.points_clear")));
  CHECK(gui.session().facilitator_posted.empty());
  CHECK(text_log::contains("Clause 1 has no override to clear."));

  const std::vector<std::int32_t> points{1, 2, 3, 0, 0, -1, -2};
  gui.state().tag_points[0] = points;
  REQUIRE(gui.click(S("facilitator.points_apply")));
  const auto& override_tags = only<OverrideClauseTags>(gui.session().facilitator_posted);
  CHECK(override_tags.clause == 0);
  CHECK(override_tags.points == points);
  apply_posted(gui.session());
  CHECK(gui.session().view().clauses[0].facilitator_points == points);
  gui.frame();
  // Short text: the title is the text itself, followed by the points now in force.
  CHECK(text_log::contains(
      free_text.text + "  " +
      test_strings().fmt("facilitator.points_set", {"MI+1 TR+2 AV+3 RF0 RS0 CC-1 SP-2"})));
}

TEST_CASE("ui: the facilitator opens the scenario's teacher notes") {
  const Start st = start(false);
  const auto* scenario = test_content().scenario("opt_in_code");
  REQUIRE(scenario);
  REQUIRE_FALSE(scenario->teacher_notes.learning_goals.empty());
  const std::string goal = "• " + scenario->teacher_notes.learning_goals.front();
  {
    // A player's client has no facilitator panel.
    Clicker player(recording(st));
    player.screen(draw_facilitator);
    player.frame();
    CHECK_FALSE(text_log::contains(S("facilitator.teacher_notes")));
  }
  Clicker gui(facilitating(st));
  gui.screen(draw_facilitator);
  gui.frame();
  CHECK_FALSE(text_log::contains(goal));  // collapsed at first
  REQUIRE(gui.click(S("facilitator.teacher_notes")));
  CHECK(text_log::contains(goal));
  if (!scenario->teacher_notes.timings.empty())
    CHECK(text_log::contains(scenario->teacher_notes.timings));
}

}  // namespace
}  // namespace accord::client::test
