// What every screen gets: the strings, the content, the session (its view and its commands), the
// settings, the fonts and colours, its own persistent widget state, and a way to ask the app for
// things a screen cannot do itself (start a match, change screen, quit). Plus small drawing
// helpers that also feed the text log (the tests' proof of content).
#pragma once

#include <imgui.h>
#include <imgui_stdlib.h>

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "content/content.hpp"
#include "core/model.hpp"
#include "fonts.hpp"
#include "i18n.hpp"
#include "local_session.hpp"
#include "net/discovery_probe.hpp"
#include "network_session.hpp"
#include "replay.hpp"
#include "scoring/report.hpp"
#include "scoring/scorecard.hpp"
#include "session.hpp"
#include "settings.hpp"

namespace accord::client {

enum class Screen {
  home,
  lobby,
  briefing,
  drafting,
  chat,
  voting,
  debrief,
  facilitator,
  projector,
  settings
};
std::string_view screen_name(Screen s);
std::optional<Screen> screen_from_name(std::string_view name);

struct Palette {
  ImVec4 accent, good, bad, warn, muted, announce, bar_bg, bar_fill;
};
Palette palette_for(bool high_contrast);

// The replay panel's state (screens/replay.cpp): the replay built from a session's recording,
// the position shown, and playback.
struct ReplayPanel {
  std::shared_ptr<const Replay> replay;
  const ReplayRecording* source = nullptr;  // what `replay` was built from
  std::size_t built_events = 0, built_segments = 0;
  std::size_t position = 0;
  bool at_end = true;  // follows new events while left at the end
  bool playing = false;
  int speed = 1;                       // index into the panel's speeds
  double carry_ms = 0;                 // real time played but not yet an event
  std::optional<std::size_t> jump_to;  // a position to open at (the capture's --replay-at)
  std::optional<Match> view;           // view_at(view_position), kept while it does not move
  std::size_t view_position = 0;
  std::string label;                // the last event's line
  std::vector<std::string> recent;  // the last few events' lines, oldest first
};

// Widget state that lives across frames, per screen.
struct UiState {
  // home
  int scenario = 0;
  int seats = 6;
  int difficulty = 1;
  int state = 0;
  std::string home_error;
  // home: online play
  int online_tab = 0;          // 0 quick match, 1 join, 2 host
  std::string server_address;  // "host:port"; from the settings
  std::string name;
  std::string join_code;
  std::string join_password;
  int join_role = 0;  // 0 player, 1 spectator, 2 projector
  int host_seats = 10;
  int host_preset = 0;
  std::string facilitator_password;
  std::string room_password;
  bool host_here = true;  // start a server on this computer
  bool host_public = false;
  bool host_bots = false;
  bool searching_lan = false;
  std::vector<net::FoundServer> lan;
  // drafting
  std::string search;
  int category = -1;  // -1: all
  std::string selected_ref;
  int draft = 0;
  std::string free_text;
  int amend_choice = 0;
  // chat
  std::string chat_input;
  std::optional<ChannelId> channel;
  int bilateral_with = 0;
  std::map<ChannelId, std::size_t> seen;                     // messages read per channel
  std::string announcement;                                  // facilitator
  std::map<ClauseId, std::vector<std::int32_t>> tag_points;  // facilitator: points being edited
  std::optional<ChannelId> select_channel;                   // open this tab on the next frame
  std::optional<SeatIndex> awaiting_bilateral;  // opened; select its tab when it arrives
  // Ignored locally (never sent): humans by participant, bots by the seat they play.
  std::set<ParticipantId> ignored;
  std::set<SeatIndex> ignored_bots;
  bool show_ignored = false;
  // chat: the deal form of a bilateral tab, the caucus form
  bool deal_form = false;
  std::vector<DealTerm> deal_give, deal_get;
  bool caucus_form = false;
  std::string caucus_name;
  std::set<SeatIndex> caucus_seats;
  int invite_seat = -1;
  // debrief: where the scorecard JSON and the last after-class document were saved (or why not)
  std::string saved_to;
  bool replay_tab = false;            // open the debrief's (and projector's) replay tab
  ReplayPanel replay, public_replay;  // the seat's own stream, the projector's public one
  std::string document_saved_to;
  bool document_failed = false;
  // facilitator: where the role cards were saved (or why not)
  std::string cards_saved_to;
  bool cards_failed = false;
  int silence_minutes = 5;       // the participation view flags students quiet this long
  std::size_t injects_read = 0;  // crisis news read (the latest stays open until then)
  // settings (edited copy, applied on Save)
  std::optional<Settings> editing;
};

struct Requests {
  std::optional<SoloConfig> start_solo;
  std::optional<NetworkPlan> start_network;
  bool host_here = false;  // with start_network: start a server on this computer first
  bool search_lan = false;
  bool rejoin = false;  // the unfinished match saved in the settings
  std::optional<Screen> go;
  bool leave_match = false;
  bool quit = false;
  bool settings_changed = false;
  // Draw the next frame within this many milliseconds even if nothing happens (playback).
  std::optional<double> redraw_within_ms;
};

struct Ui {
  const Strings& s;
  const content::ContentCatalogue& content;
  Session* session;  // null outside a match
  Settings& settings;
  const Fonts& fonts;
  Palette palette;
  float scale = 1.0f;
  UiState& state;
  Requests& requests;

  const char* t(std::string_view key) const { return s.c(key); }
  std::string f(std::string_view key, std::initializer_list<std::string_view> args) const {
    return s.fmt(key, args);
  }
  float px(float v) const { return v * scale; }
};

namespace ui {

void text(std::string_view s);
void text_wrapped(std::string_view s);
void text_colored(const ImVec4& color, std::string_view s);
void text_disabled(std::string_view s);
void heading(const Ui& u, std::string_view s);  // bold, with a separator
void large(const Ui& u, std::string_view s);
bool button(std::string_view label);
bool button_enabled(std::string_view label, bool enabled);
// A button disabled while `refusal` is set, whose message then shows when the mouse is over it.
// True when clicked while enabled.
bool button_unless(std::string_view label, const std::optional<Rejection>& refusal);
// A button for a rules command: enabled exactly when the rules would accept the command from
// this client now (Session::refusal), the rules' reason shown over it when not; a click sends
// it. True when sent. Screens build the command they would send and never restate the rules.
bool command_button(const Ui& u, std::string_view label, const Command& command,
                    SendAs as = SendAs::participant);
void log(std::string_view s);  // record without drawing (labels drawn by ImGui widgets)
void tooltip(std::string_view s);
// A tooltip that also shows over a disabled item (and is recorded in the text log when shown).
void disabled_tooltip(std::string_view s);
// Before an item of `width` that follows another on a row: stays on the row if it fits, else
// starts a new row (a flow layout for bars of buttons and labels at large UI scales).
void same_line_if_fits(float width);
float button_width(std::string_view label);
void text_nowrap(std::string_view s);

// "mm:ss" left on the phase's timer (or the lobby's and debrief's countdowns), "paused 03:12",
// "01:10 over" past a countdown, or empty without one.
std::string timer_text(const Ui& u, const Match& view, TimeMs now);
// The lobby's and the debrief's countdown as a sentence, in the accent colour (warning once
// over); nothing when the room has none.
void countdown_line(Ui& u, const Match& view, TimeMs now);
std::string phase_text(const Ui& u, const Match& view);
const std::string& seat_name(const Match& view, SeatIndex seat);
std::string participant_name(const Match& view, ParticipantId id);
// The clause's title from the catalogue, or the start of its free text.
std::string clause_title(const Ui& u, const Clause& clause);
std::string ballot_text(const Ui& u, Ballot b);

}  // namespace ui

// One function per screen (screens/*.cpp). Each reads the view and posts commands.
void draw_home(Ui& u);
void draw_lobby(Ui& u);
void draw_briefing(Ui& u);
void draw_drafting(Ui& u);
void draw_chat(Ui& u);
void draw_voting(Ui& u);
void draw_debrief(Ui& u);
void draw_facilitator(Ui& u);
void draw_projector(Ui& u);
void draw_settings(Ui& u);
// The replay of a recorded stream (screens/replay.cpp): a slider over its events, playback,
// steps, jumps to vote results and injects; the phase, drafts, votes and the last plenary
// messages at that event. Only public channels are ever shown.
void draw_replay(Ui& u, ReplayPanel& panel, const ReplayRecording* recording);
// The drafts with their clauses (status, sponsor, co-sponsors) in large type, from any view
// (screens/projector.cpp); the vote tallies of the drafts' packages and final votes
// (screens/voting.cpp).
void draw_public_drafts(Ui& u, const Match& v);
void draw_vote_tally(Ui& u, const Match& v, const VoteRecord& r);
void draw_status_bar(Ui& u);
// Crisis injects (screens/injects.cpp): the facilitator's console, and the news with the
// emergency vote (ballot buttons only where the viewer may vote).
void draw_injects_console(Ui& u, const Match& v);
void draw_inject_news(Ui& u, const Match& v, bool may_vote);
// The what-if or final scorecard: a bar per criterion (draw list) and the explanation.
void draw_criteria_bars(Ui& u, const scoring::Scorecard& card);
void draw_scorecard(Ui& u, const scoring::Scorecard& card,
                    const std::optional<scoring::RoomDecision>& room, bool explanation);
// Deals (screens/deals.cpp): one promise in words; the deals between this seat and `with` (all
// of this seat's when `with` is empty) with their answers; the offer form of a bilateral tab.
std::string deal_term_text(const Ui& u, const Match& v, const DealTerm& term);
void draw_deal_list(Ui& u, SeatIndex me, std::optional<SeatIndex> with);
void draw_deal_form(Ui& u, SeatIndex me, SeatIndex with);

}  // namespace accord::client
