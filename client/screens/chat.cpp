// Chat: plenary, delegation, bilateral and caucus tabs with unread counts; open a bilateral with
// any seat; facilitator announcements stand out; Enter sends.

#include <algorithm>

#include "core/visibility.hpp"
#include "ui.hpp"

namespace accord::client {
namespace {

bool is_member(const Channel& ch, SeatIndex s) {
  return std::find(ch.members.begin(), ch.members.end(), s) != ch.members.end();
}

std::string channel_label(Ui& u, const Match& v, ChannelId id, SeatIndex me) {
  const Channel& ch = v.channels[id];
  switch (ch.kind) {
    case ChannelKind::plenary:
      return u.s.get("chat.plenary");
    case ChannelKind::delegation:
      return u.s.get("chat.delegation");
    case ChannelKind::bilateral: {
      SeatIndex other = me;
      for (const auto s : ch.members)
        if (s != me) other = s;
      return u.f("chat.bilateral", {ui::seat_name(v, other)});
    }
    case ChannelKind::caucus:
      return u.f("chat.caucus", {ch.name});
  }
  return "?";
}

std::string author(Ui& u, const Match& v, const ChatMessage& m) {
  if (m.from_facilitator) return u.s.get("chat.facilitator");
  std::string name = m.from_bot ? u.s.get("chat.bot") : ui::participant_name(v, m.author);
  if (m.seat) name += " (" + ui::seat_name(v, *m.seat) + ")";
  return name;
}

void messages(Ui& u, const Match& v, const Channel& ch) {
  const float input_h = ImGui::GetFrameHeightWithSpacing() * 1.6f;
  ImGui::BeginChild("messages", ImVec2(0, -input_h), true);
  if (ch.messages.empty()) ui::text_disabled(u.s.get("chat.empty"));
  for (const auto& m : ch.messages) {
    if (m.hidden) {
      ui::text_disabled(u.s.get("chat.hidden"));
      continue;
    }
    if (m.from_facilitator) {
      ImGui::PushFont(u.fonts.bold);
      ui::text_colored(u.palette.announce, author(u, v, m) + ": " + m.text);
      ImGui::PopFont();
      continue;
    }
    ImGui::PushStyleColor(ImGuiCol_Text, u.palette.accent);
    ui::text(author(u, v, m));
    ImGui::PopStyleColor();
    ImGui::SameLine();
    ui::text_wrapped(m.text);
  }
  if (ImGui::GetScrollY() >= ImGui::GetScrollMaxY() - 4.0f) ImGui::SetScrollHereY(1.0f);
  ImGui::EndChild();
}

}  // namespace

void draw_chat(Ui& u) {
  Session& session = *u.session;
  const Match& v = session.view();
  const SeatIndex me = session.seat().value_or(static_cast<SeatIndex>(v.seats.size()));
  // Open a bilateral with any other seat.
  if (me < v.seats.size() && v.seats.size() > 1) {
    u.state.bilateral_with =
        std::clamp(u.state.bilateral_with, 0, static_cast<int>(v.seats.size()) - 1);
    if (static_cast<SeatIndex>(u.state.bilateral_with) == me)
      u.state.bilateral_with = static_cast<int>((me + 1) % v.seats.size());
    ImGui::SetNextItemWidth(u.px(260));
    const auto with = static_cast<SeatIndex>(u.state.bilateral_with);
    if (ImGui::BeginCombo("##with", ui::seat_name(v, with).c_str())) {
      for (SeatIndex s = 0; s < v.seats.size(); ++s)
        if (s != me && ImGui::Selectable(ui::seat_name(v, s).c_str(), s == with))
          u.state.bilateral_with = static_cast<int>(s);
      ImGui::EndCombo();
    }
    ImGui::SameLine();
    if (ui::button_enabled(u.s.get("chat.open_bilateral"), with != me))
      session.post(OpenBilateral{with});
  }
  if (!ImGui::BeginTabBar("channels")) return;
  for (ChannelId id = 0; id < v.channels.size(); ++id) {
    const Channel& ch = v.channels[id];
    const bool visible = ch.kind == ChannelKind::plenary || is_member(ch, me);
    if (!visible) continue;
    std::size_t& seen = u.state.seen[id];
    std::string label = channel_label(u, v, id, me);
    if (ch.messages.size() > seen && u.state.channel != id)
      label += " (" + std::to_string(ch.messages.size() - seen) + ")";
    label += "###ch" + std::to_string(id);
    ui::log(label);
    if (!ImGui::BeginTabItem(label.c_str())) continue;
    u.state.channel = id;
    seen = ch.messages.size();
    messages(u, v, ch);
    ImGui::SetNextItemWidth(-u.px(120));
    const bool enter =
        ImGui::InputText("##say", &u.state.chat_input, ImGuiInputTextFlags_EnterReturnsTrue);
    ImGui::SameLine();
    const bool send = ui::button(u.s.get("chat.send")) || enter;
    if (send && !u.state.chat_input.empty()) {
      session.post(PostMessage{id, u.state.chat_input});
      if (!session.last_rejection()) u.state.chat_input.clear();
      ImGui::SetKeyboardFocusHere(-1);
    }
    ImGui::EndTabItem();
  }
  ImGui::EndTabBar();
  // Caucus invitations waiting for an answer.
  for (ChannelId id = 0; id < v.channels.size(); ++id) {
    const Channel& ch = v.channels[id];
    if (ch.kind != ChannelKind::caucus ||
        std::find(ch.invited.begin(), ch.invited.end(), me) == ch.invited.end())
      continue;
    ImGui::PushID(static_cast<int>(id));
    ui::text(u.f("chat.invited", {ch.name}));
    ImGui::SameLine();
    if (ui::button(u.s.get("chat.join"))) session.post(JoinCaucus{id});
    ImGui::PopID();
  }
}

}  // namespace accord::client
