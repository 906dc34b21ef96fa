// The replay panel (debrief and projector): the match as this client's stream recorded it, at
// any event. A slider over the events, play / pause at a chosen speed, a step back and forward,
// jumps to the previous / next vote result and inject; at that event: the phase and round, the
// drafts with their clauses, the vote tallies and the last plenary messages. The panel reads
// only the Replay built from a recording, never the live session, and shows the plenary
// channel alone, so a private message cannot reach a classroom screen through it.
#include <algorithm>
#include <array>
#include <tuple>

#include "ui.hpp"

namespace accord::client {
namespace {

constexpr std::size_t kChatLines = 8;
constexpr std::size_t kRecentEvents = 6;
// Playback speeds: events per second of real time.
constexpr std::array<int, 4> kSpeeds{1, 2, 5, 20};

// Builds (or rebuilds, when the recording grew) the panel's replay.
void refresh(ReplayPanel& p, const ReplayRecording& recording) {
  const std::size_t segments = recording.segments().size();
  if (p.replay && p.source == &recording && p.built_events == recording.events() &&
      p.built_segments == segments)
    return;
  p.replay = std::make_shared<const Replay>(recording);
  p.source = &recording;
  p.built_events = recording.events();
  p.built_segments = segments;
  p.view.reset();
  if (p.at_end) p.position = p.replay->size();
  p.position = std::min(p.position, p.replay->size());
}

void move_to(ReplayPanel& p, std::size_t position) {
  p.position = std::min(position, p.replay->size());
  p.at_end = p.position == p.replay->size();
  p.carry_ms = 0;
}

// Real time passing while playing: an event per 1000 / speed milliseconds.
void play(Ui& u, ReplayPanel& p) {
  if (!p.playing) return;
  if (p.position >= p.replay->size()) {
    p.playing = false;
    return;
  }
  const double every_ms = 1000.0 / kSpeeds[static_cast<std::size_t>(p.speed)];
  p.carry_ms += static_cast<double>(ImGui::GetIO().DeltaTime) * 1000.0;
  const auto steps = static_cast<std::size_t>(p.carry_ms / every_ms);
  if (steps > 0) {
    const double left = p.carry_ms - static_cast<double>(steps) * every_ms;
    move_to(p, p.position + steps);
    p.carry_ms = left;
  }
  u.requests.redraw_within_ms = std::max(1.0, every_ms - p.carry_ms);
}

void controls(Ui& u, ReplayPanel& p) {
  const Replay& r = *p.replay;
  const std::size_t last = r.size();
  // A row of buttons that wraps at large UI scales.
  bool first = true;
  const auto button = [&](std::string_view key, bool enabled) {
    const std::string& label = u.s.get(key);
    if (!first) ui::same_line_if_fits(ui::button_width(label));
    first = false;
    return ui::button_enabled(label, enabled);
  };
  if (button("replay.start", p.position > 0)) move_to(p, 0);
  if (button("replay.back", p.position > 0)) move_to(p, p.position - 1);
  if (p.playing) {
    if (button("replay.pause", true)) p.playing = false;
  } else if (button("replay.play", p.position < last)) {
    p.playing = true;
    p.carry_ms = 0;
  }
  if (button("replay.forward", p.position < last)) move_to(p, p.position + 1);
  if (button("replay.end", p.position < last)) move_to(p, last);
  ui::same_line_if_fits(u.px(150));
  ImGui::SetNextItemWidth(u.px(150));
  const std::string current =
      u.f("replay.speed", {std::to_string(kSpeeds[static_cast<std::size_t>(p.speed)])});
  ui::log(current);
  if (ImGui::BeginCombo("##speed", current.c_str())) {
    for (std::size_t i = 0; i < kSpeeds.size(); ++i) {
      const std::string label = u.f("replay.speed", {std::to_string(kSpeeds[i])});
      if (ImGui::Selectable(label.c_str(), static_cast<std::size_t>(p.speed) == i))
        p.speed = static_cast<int>(i);
    }
    ImGui::EndCombo();
  }

  // Jumps, on a row of their own: to the state just after the previous / next vote result or
  // inject.
  first = true;
  for (const auto& [key, stop, forward] :
       {std::tuple{"replay.previous_vote", ReplayStop::vote, false},
        std::tuple{"replay.next_vote", ReplayStop::vote, true},
        std::tuple{"replay.previous_inject", ReplayStop::inject, false},
        std::tuple{"replay.next_inject", ReplayStop::inject, true}}) {
    const auto to = forward ? r.next(stop, p.position) : r.previous(stop, p.position);
    if (button(key, to.has_value()) && to) {
      move_to(p, *to);
      p.playing = false;
    }
  }

  int position = static_cast<int>(p.position);
  const std::string format = u.f("replay.slider", {"%d", std::to_string(last)});
  ImGui::SetNextItemWidth(-1);
  ui::log(u.f("replay.slider", {std::to_string(p.position), std::to_string(last)}));
  if (ImGui::SliderInt("##position", &position, 0, static_cast<int>(last), format.c_str(),
                       ImGuiSliderFlags_AlwaysClamp)) {
    move_to(p, static_cast<std::size_t>(std::max(0, position)));
    p.playing = false;
  }
}

// The last messages of the plenary, the one public channel; private channels never show,
// even once the debrief has revealed them.
void plenary(Ui& u, const Match& v) {
  ui::heading(u, u.s.get("replay.chat"));
  const Channel* channel = nullptr;
  for (const auto& c : v.channels)
    if (c.kind == ChannelKind::plenary) {
      channel = &c;
      break;
    }
  if (!channel || channel->messages.empty()) {
    ui::text_disabled(u.s.get("chat.empty"));
    return;
  }
  const auto& messages = channel->messages;
  const std::size_t from = messages.size() > kChatLines ? messages.size() - kChatLines : 0;
  for (std::size_t i = from; i < messages.size(); ++i) {
    const ChatMessage& m = messages[i];
    std::string who = m.from_facilitator ? u.s.get("chat.facilitator")
                      : m.seat           ? ui::seat_name(v, *m.seat)
                                         : ui::participant_name(v, m.author);
    const std::string text = m.hidden ? u.s.get("chat.hidden") : m.text;
    ui::text_wrapped(u.f("replay.message", {who, text}));
  }
}

// Final votes, starting-text packages, then clause votes: open ones, then closed ones, the
// latest tabled first. A clause voted inside its draft's package shows as the package.
void votes(Ui& u, const Match& v) {
  ui::heading(u, u.s.get("replay.votes"));
  bool any = false;
  for (const Draft& draft : v.drafts) {
    if (draft.final_vote.state == VoteState::not_open) continue;
    any = true;
    ui::text_wrapped(u.f("voting.draft", {draft.title}));
    draw_vote_tally(u, v, draft.final_vote);
  }
  for (const Draft& draft : v.drafts) {
    if (draft.package_vote.state == VoteState::not_open) continue;
    any = true;
    ui::text_wrapped(
        u.f("voting.package", {draft.title, std::to_string(draft.starting_package.size())}));
    draw_vote_tally(u, v, draft.package_vote);
  }
  const auto in_package = [&](ClauseId id) {
    const Clause& c = v.clauses[id];
    if (c.draft >= v.drafts.size()) return false;
    const auto& package = v.drafts[c.draft].starting_package;
    return v.drafts[c.draft].package_vote.state != VoteState::not_open &&
           std::find(package.begin(), package.end(), id) != package.end();
  };
  for (const VoteState wanted : {VoteState::open, VoteState::closed}) {
    for (ClauseId c = static_cast<ClauseId>(v.clauses.size()); c-- > 0;) {
      const Clause& clause = v.clauses[c];
      if (clause.vote.state != wanted || clause.hidden || in_package(c)) continue;
      any = true;
      ui::text_wrapped(
          u.f("voting.clause", {std::to_string(c + 1), clause.ref, ui::clause_title(u, clause)}));
      draw_vote_tally(u, v, clause.vote);
    }
  }
  if (!any) ui::text_disabled(u.s.get("voting.nothing"));
}

}  // namespace

void draw_replay(Ui& u, ReplayPanel& p, const ReplayRecording* recording) {
  if (!recording || recording->empty()) {
    ui::text_disabled(u.s.get("replay.unavailable"));
    return;
  }
  refresh(p, *recording);
  if (p.jump_to) {
    move_to(p, *p.jump_to);
    p.jump_to.reset();
  }
  play(u, p);
  controls(u, p);
  const Replay& r = *p.replay;
  if (!p.view || p.view_position != p.position) {
    // The last events' lines in order, then the view: the replay moves forward one event at
    // a time from where it last was.
    p.recent.clear();
    const std::size_t from = p.position > kRecentEvents ? p.position - kRecentEvents : 0;
    for (std::size_t i = from; i < p.position; ++i)
      p.recent.push_back(r.label_at(i, u.s));
    p.label = p.recent.empty() ? u.s.get("replay.opening") : p.recent.back();
    p.view = r.view_at(p.position);
    p.view_position = p.position;
  }
  const Match& v = *p.view;

  ImGui::PushFont(u.fonts.large);
  ui::text_wrapped(u.f(
      "replay.head", {std::to_string(p.position), std::to_string(r.size()), ui::phase_text(u, v)}));
  ImGui::PopFont();
  ui::text_colored(u.palette.accent, p.label);
  ImGui::Separator();
  // The columns fill what is left of the screen, but never shrink below a readable height (the
  // screen scrolls instead, at large UI scales).
  const float height = std::max(ImGui::GetContentRegionAvail().y, u.px(320));
  if (!ImGui::BeginTable("replay", 2,
                         ImGuiTableFlags_SizingStretchSame | ImGuiTableFlags_BordersInnerV))
    return;
  ImGui::TableNextRow();
  ImGui::TableNextColumn();
  ImGui::BeginChild("replay_drafts", ImVec2(0, height), false);
  draw_public_drafts(u, v);
  ImGui::EndChild();
  ImGui::TableNextColumn();
  ImGui::BeginChild("replay_side", ImVec2(0, height), false);
  // What happened just before: the last few events.
  ui::heading(u, u.s.get("replay.recent"));
  for (auto line = p.recent.rbegin(); line != p.recent.rend(); ++line)
    ui::text_disabled(*line);
  votes(u, v);
  plenary(u, v);
  ImGui::EndChild();
  ImGui::EndTable();
}

}  // namespace accord::client
