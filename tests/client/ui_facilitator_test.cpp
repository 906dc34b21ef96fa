// UI actions of the facilitator: the room's rules and timers in the lobby, the head role, hiding
// a chat message, overriding a free-text clause's points, the teacher notes.
#include <filesystem>
#include <fstream>
#include <sstream>

#include "ui_actions_support.hpp"

namespace accord::client::test {
namespace {

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

// Whether a player's client (no facilitator panel) draws `text` on the facilitator screen.
bool player_sees(const Start& st, const std::string& text) {
  Clicker player(recording(st));
  player.screen(draw_facilitator);
  player.frame();
  return text_log::contains(text);
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

TEST_CASE("ui: the facilitator plans the lobby and debrief countdowns; none goes below zero") {
  Start st = start(false);
  st.view.settings.rules.lobby_ms = 0;
  st.view.settings.rules.debrief_ms = 10 * 60'000;
  Clicker gui(facilitating(st));
  gui.screen(draw_facilitator);
  const auto line = [](const char* phase, const char* minutes) {
    return test_strings().fmt("facilitator.timer", {S(phase), minutes});
  };
  REQUIRE(gui.click(S("facilitator.minute_less"), line("phase.lobby", "0")));
  CHECK(gui.session().facilitator_posted.empty());
  CHECK(text_log::contains("The lobby's countdown lasts from 0 (none) to one day."));
  REQUIRE(gui.click(S("facilitator.minute_more"), line("phase.lobby", "0")));
  CHECK(only<ChangeRules>(gui.session().facilitator_posted).rules.lobby_ms == 60'000);
  apply_posted(gui.session());
  gui.frame();
  REQUIRE(gui.click(S("facilitator.minute_more"), line("phase.debrief", "10")));
  CHECK(only<ChangeRules>(gui.session().facilitator_posted).rules.debrief_ms == 11 * 60'000);
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
  CHECK_FALSE(player_sees(st, S("facilitator.teacher_notes")));
  Clicker gui(facilitating(st));
  gui.screen(draw_facilitator);
  gui.frame();
  CHECK_FALSE(text_log::contains(goal));               // collapsed at first
  REQUIRE(gui.click(S("facilitator.participation")));  // folded, to bring the notes into view
  REQUIRE(gui.click(S("facilitator.teacher_notes")));
  CHECK(text_log::contains(goal));
  if (!scenario->teacher_notes.timings.empty())
    CHECK(text_log::contains(scenario->teacher_notes.timings));
}

TEST_CASE("ui: the participation view flags a silent student until they speak") {
  const Start st = start(true);
  const std::string name = st.view.participants.at(st.participant).name;
  CHECK_FALSE(player_sees(st, S("facilitator.participation")));
  Clicker gui(facilitating(st));
  gui.screen(draw_facilitator);
  gui.frame();  // open from the start: the teacher's live view
  // The drafting has begun and the student has not said a word.
  CHECK(text_log::contains(test_strings().fmt("facilitator.silent", {S("facilitator.not_yet")})));

  const Decision said =
      decide(gui.session().view(), Actor::of(st.participant),
             PostMessage{kPlenary, "We support the contact points."}, gui.session().now());
  REQUIRE(said.accepted());
  for (const Event& e : said.events)
    apply(gui.session().edit(), e);
  gui.frame();
  CHECK(text_log::contains(test_strings().fmt("facilitator.minutes_ago", {"0"})));
  CHECK_FALSE(
      text_log::contains(test_strings().fmt("facilitator.silent", {S("facilitator.not_yet")})));
  CHECK(text_log::contains("1"));  // its message count
}

TEST_CASE("ui: the facilitator saves the role cards for this table") {
  const std::string config = std::string(ACCORD_TEST_OUT_DIR) + "/config-cards";
  std::filesystem::remove_all(config);
  ::setenv("XDG_CONFIG_HOME", config.c_str(), 1);
  const Start st = start(false);
  CHECK_FALSE(player_sees(st, S("facilitator.print_cards")));
  Clicker gui(facilitating(st));
  gui.screen(draw_facilitator);
  REQUIRE(gui.click(S("facilitator.print_cards")));  // in the lobby, next to the start
  gui.frame();
  const std::size_t seats = st.view.seats.size();
  const auto file = std::filesystem::path(config) / "cyber-accord" / "documents" /
                    ("role-cards-opt_in_code-" + std::to_string(seats) + ".html");
  REQUIRE(std::filesystem::exists(file));
  CHECK(text_log::contains(test_strings().fmt("facilitator.cards_saved", {file.string()})));
  std::ifstream in(file);
  std::stringstream html;
  html << in.rdbuf();
  // One card per seat of this table, in its seat order.
  CHECK(html.str().find("seat " + std::to_string(seats) + " of " + std::to_string(seats)) !=
        std::string::npos);
  CHECK(html.str().find(st.view.settings.seats.back().name) != std::string::npos);
  CHECK(gui.session().facilitator_posted.empty());  // a document, not a command
}

// A solo match of the start() table played to the debrief by the facilitator's advances.
Start at_debrief() {
  SoloConfig c;
  c.scenario = "opt_in_code";
  c.seats = 6;
  c.seed = 11;
  c.start_now = true;
  std::string error;
  auto s = LocalSession::create(test_content(), c, &error);
  REQUIRE(s);
  for (int i = 0; i < 40 && s->view().phase != Phase::debrief; ++i)
    s->post_facilitator(AdvancePhase{});
  REQUIRE(s->view().phase == Phase::debrief);
  return {s->view(), *s->seat(), s->participant()};
}

std::string slurp(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

TEST_CASE(
    "ui: at the debrief the report and the match are saved; the gradebook by the "
    "facilitator") {
  const std::string config = std::string(ACCORD_TEST_OUT_DIR) + "/config-debrief";
  std::filesystem::remove_all(config);
  ::setenv("XDG_CONFIG_HOME", config.c_str(), 1);
  const Start st = at_debrief();
  const auto documents = std::filesystem::path(config) / "cyber-accord" / "documents";

  {  // one Clicker (and ImGui context) at a time
    Clicker player(recording(st));
    player.screen(draw_debrief);
    player.frame();
    CHECK_FALSE(text_log::contains(S("debrief.save_gradebook")));
    REQUIRE(player.click(S("debrief.save_report")));
    player.frame();
    const auto report = documents / "debrief-opt_in_code.html";
    REQUIRE(std::filesystem::exists(report));
    CHECK(text_log::contains(test_strings().fmt("debrief.document_saved", {report.string()})));
    CHECK(text_log::contains(S("debrief.open_document")));
    const std::string html = slurp(report);
    CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
    CHECK(html.find(st.view.settings.seats.back().name) != std::string::npos);
    CHECK(html.find("<h1>Participation</h1>") == std::string::npos);  // the teacher's copy only
    REQUIRE(player.click(S("debrief.save_match")));
    CHECK(slurp(documents / "debrief-opt_in_code.json").find("\"cyber-accord-debrief\"") !=
          std::string::npos);
  }

  Clicker gui(facilitating(st));
  gui.screen(draw_debrief);
  REQUIRE(gui.click(S("debrief.save_gradebook")));
  REQUIRE(gui.click(S("debrief.save_report")));
  CHECK(slurp(documents / "debrief-opt_in_code.html").find("<h1>Participation</h1>") !=
        std::string::npos);
  const std::string csv = slurp(documents / "debrief-opt_in_code.csv");
  CHECK(csv.rfind("Name,State,Delegation role,", 0) == 0);
  CHECK(csv.find(st.view.participants[st.participant].name) != std::string::npos);
  CHECK(gui.session().facilitator_posted.empty());  // documents, not commands
}

TEST_CASE("ui: the facilitator previews a crisis inject, fires it, and the news reaches the bar") {
  Start st = start(true);
  const auto made = content::make_match_settings(test_content(), "opt_in_code", 6, "class45");
  REQUIRE(made);
  st.view.settings.injects = made.setup->settings.injects;
  REQUIRE_FALSE(st.view.settings.injects.empty());
  const InjectSetup inject = st.view.settings.injects.front();
  CHECK_FALSE(player_sees(st, S("injects.console")));  // a player's client draws no console
  Clicker gui(facilitating(st));
  gui.screen(draw_facilitator);
  gui.frame();
  CHECK_FALSE(text_log::contains(test_strings().fmt("injects.news", {inject.news})));
  REQUIRE(gui.click(inject.title));
  CHECK(text_log::contains(test_strings().fmt("injects.news", {inject.news})));
  REQUIRE(gui.click(S("injects.fire")));
  CHECK(only<FireInject>(gui.session().facilitator_posted).inject == inject.id);
  apply_posted(gui.session());
  gui.frame();
  // Fired: no second button for it, and the conference reads the news.
  CHECK(text_log::contains(
      test_strings().fmt("injects.fired", {inject.title, S("phase.drafting"), std::string("1")})));
  gui.screen(draw_status_bar);
  gui.frame();
  CHECK(text_log::contains(test_strings().fmt("injects.breaking", {inject.title})));
  CHECK(text_log::contains(inject.news));
}

}  // namespace
}  // namespace accord::client::test
