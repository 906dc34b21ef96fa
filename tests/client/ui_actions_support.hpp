// What the UI-action tests share: a recording session over a view the test shapes, a headless
// ImGui frame loop with a mouse that finds widgets through the text log (Clicker), a real
// match's view to start from, and small builders of chat, channels and clauses.
#pragma once

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
  const Match* public_view() const override { return public_view_ ? &*public_view_ : nullptr; }
  std::optional<SeatIndex> seat() const override { return seat_; }
  ParticipantId participant() const override { return me_; }
  TimeMs now() const override { return now_; }
  double real_ms_until_next_event() const override { return 1000.0; }
  const std::optional<Rejection>& last_rejection() const override { return rejection_; }
  void clear_rejection() override {}
  ConnectionState connection() const override { return ConnectionState::local; }
  const std::string& scenario_id() const override { return scenario_; }
  const ReplayRecording* recording() const override { return own_recording_; }
  const ReplayRecording* public_recording() const override { return public_recording_; }

  Match& edit() { return view_; }
  // A public view and the recordings of another session's streams (the replay tests).
  void replay_of(const Session& other) {
    own_recording_ = other.recording();
    public_recording_ = other.public_recording();
    if (other.public_view()) public_view_ = *other.public_view();
  }
  std::vector<Command> posted, facilitator_posted;
  bool facilitate = false;

 private:
  Match view_;
  SeatIndex seat_;
  ParticipantId me_;
  TimeMs now_ = kNow;
  std::string scenario_ = "opt_in_code";
  std::optional<Rejection> rejection_;
  std::optional<Match> public_view_;
  const ReplayRecording* own_recording_ = nullptr;
  const ReplayRecording* public_recording_ = nullptr;
};

// Where each string of the text log was recorded: the ImGui cursor at that moment, which is
// where the widget it labels is laid out.
inline std::vector<std::pair<std::string, ImVec2>>& placed() {
  static std::vector<std::pair<std::string, ImVec2>> list;
  return list;
}

inline void observe(std::string_view text) {
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

inline Start start(bool drafting) {
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

inline std::unique_ptr<RecordingSession> recording(const Start& st) {
  return std::make_unique<RecordingSession>(st.view, st.me, st.participant);
}

template <class T>
const T& only(const std::vector<Command>& posted) {
  REQUIRE(posted.size() == 1);
  const T* c = std::get_if<T>(&posted.front());
  REQUIRE(c);
  return *c;
}

inline ChatMessage bot_line(SeatIndex seat, std::string text) {
  ChatMessage m;
  m.seat = seat;
  m.from_bot = true;
  m.text = std::move(text);
  return m;
}

inline ChannelId add_bilateral(Match& v, SeatIndex a, SeatIndex b) {
  Channel ch;
  ch.kind = ChannelKind::bilateral;
  ch.members = {std::min(a, b), std::max(a, b)};
  v.channels.push_back(ch);
  return static_cast<ChannelId>(v.channels.size() - 1);
}

inline Clause tabled(const Match& v, std::size_t option, SeatIndex sponsor) {
  Clause c;
  c.ref = v.settings.clause_table.at(option).ref;
  c.family = v.settings.clause_table.at(option).family;
  c.sponsor = sponsor;
  c.round = 1;
  return c;
}

inline const std::string& S(std::string_view key) {
  return test_strings().get(key);
}

}  // namespace accord::client::test
