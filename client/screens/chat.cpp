// Chat: plenary, delegation, bilateral and caucus tabs with unread counts; open a bilateral with
// any seat and offer a deal from it; create a caucus, invite to it, answer invitations;
// facilitator announcements stand out; a participant can be ignored locally (their messages are
// hidden in this client only, a toggle shows them; nothing is sent); Enter sends.

#include <algorithm>

#include "core/visibility.hpp"
#include "ui.hpp"

namespace accord::client {
namespace {

bool contains(const std::vector<SeatIndex>& seats, SeatIndex s) {
  return std::find(seats.begin(), seats.end(), s) != seats.end();
}

std::optional<SeatIndex> partner(const Channel& ch, SeatIndex me) {
  if (ch.kind != ChannelKind::bilateral || !contains(ch.members, me)) return std::nullopt;
  for (const auto s : ch.members)
    if (s != me) return s;
  return std::nullopt;
}

std::optional<ChannelId> bilateral_channel(const Match& v, SeatIndex me, SeatIndex other) {
  for (ChannelId id = 0; id < v.channels.size(); ++id)
    if (partner(v.channels[id], me) == other) return id;
  return std::nullopt;
}

std::string seat_list(const Match& v, const std::vector<SeatIndex>& seats) {
  std::string out;
  for (const auto s : seats) {
    if (!out.empty()) out += ", ";
    out += ui::seat_name(v, s);
  }
  return out;
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

// Whether this client ignores the message's author (UiState only; the server never knows).
// Humans are ignored by participant, bots by the seat they play; never the facilitator.
bool ignored(const UiState& st, const ChatMessage& m) {
  if (m.from_facilitator) return false;
  if (m.from_bot) return m.seat && st.ignored_bots.count(*m.seat) > 0;
  return st.ignored.count(m.author) > 0;
}

bool shown(const UiState& st, const ChatMessage& m) {
  return st.show_ignored || !ignored(st, m);
}

// Messages after the first `seen` that this client would show.
std::size_t unread(const UiState& st, const Channel& ch, std::size_t seen) {
  std::size_t n = 0;
  for (std::size_t i = seen; i < ch.messages.size(); ++i)
    if (shown(st, ch.messages[i])) ++n;
  return n;
}

std::size_t hidden_by_me(const UiState& st, const Channel& ch) {
  if (st.show_ignored) return 0;
  return static_cast<std::size_t>(
      std::count_if(ch.messages.begin(), ch.messages.end(),
                    [&](const ChatMessage& m) { return !m.hidden && ignored(st, m); }));
}

// A dialog over the screen (so forms never squeeze the messages, whatever the UI scale), open
// while `open` is set; its close button clears it.
template <class Body>
void dialog(const std::string& title, const char* id, bool& open, float width, Body&& body) {
  const std::string label = title + "###" + id;
  if (open && !ImGui::IsPopupOpen(label.c_str())) ImGui::OpenPopup(label.c_str());
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  ImGui::SetNextWindowPos(ImVec2(display.x * 0.5f, display.y * 0.5f), ImGuiCond_Appearing,
                          ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowSize(ImVec2(std::min(display.x * 0.94f, width), 0));
  ImGui::SetNextWindowSizeConstraints(ImVec2(0, 0), ImVec2(display.x * 0.94f, display.y * 0.9f));
  bool keep = true;
  if (ImGui::BeginPopupModal(label.c_str(), &keep)) {
    body();
    if (!open || !keep) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
  }
  if (!keep) open = false;
}

void toggle_ignore(UiState& st, const ChatMessage& m) {
  const auto flip = [](auto& set, auto key) {
    if (!set.erase(key)) set.insert(key);
  };
  if (m.from_bot) {
    if (m.seat) flip(st.ignored_bots, *m.seat);
  } else {
    flip(st.ignored, m.author);
  }
}

// The author's name; a click on it opens a small menu to ignore (or stop ignoring) them here.
void author_name(Ui& u, Session& session, const Match& v, const ChatMessage& m) {
  const std::string name = author(u, v, m);
  ImGui::PushStyleColor(ImGuiCol_Text, u.palette.accent);
  ui::text(name);
  ImGui::PopStyleColor();
  const bool own = !m.from_bot && m.author == session.participant();
  if (own) return;
  ui::tooltip(u.s.get("chat.ignore_tip"));
  if (ImGui::IsItemClicked(ImGuiMouseButton_Left) || ImGui::IsItemClicked(ImGuiMouseButton_Right))
    ImGui::OpenPopup("author");
  if (ImGui::BeginPopup("author")) {
    const bool is = ignored(u.state, m);
    if (ui::button(u.f(is ? "chat.unignore" : "chat.ignore", {name}))) {
      toggle_ignore(u.state, m);
      ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
  }
}

// The facilitator's small button before a message: hide it (it stays in the log), or show it
// again.
void moderation_button(Ui& u, const Session& session, ChannelId channel, std::size_t index,
                       bool hidden) {
  if (!session.can_facilitate()) return;
  ImGui::PushID(static_cast<int>(index));
  ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(u.px(4), 0));
  ui::command_button(u, u.s.get(hidden ? "facilitator.show" : "facilitator.hide"),
                     HideMessage{channel, static_cast<std::uint32_t>(index), !hidden},
                     SendAs::facilitator);
  ImGui::PopStyleVar();
  ImGui::PopID();
  ImGui::SameLine();
}

void messages(Ui& u, Session& session, const Match& v, ChannelId id, float reserve) {
  const Channel& ch = v.channels[id];
  ImGui::BeginChild("messages", ImVec2(0, -reserve), true);
  if (ch.messages.empty()) ui::text_disabled(u.s.get("chat.empty"));
  for (std::size_t i = 0; i < ch.messages.size(); ++i) {
    const ChatMessage& m = ch.messages[i];
    if (m.hidden) {
      moderation_button(u, session, id, i, true);
      ui::text_disabled(u.s.get("chat.hidden"));
      continue;
    }
    if (m.from_facilitator) {
      ImGui::PushFont(u.fonts.bold);
      ui::text_colored(u.palette.announce, author(u, v, m) + ": " + m.text);
      ImGui::PopFont();
      continue;
    }
    const bool ignoring = ignored(u.state, m);
    if (ignoring && !u.state.show_ignored) continue;
    moderation_button(u, session, id, i, false);
    ImGui::PushID(static_cast<int>(i));
    author_name(u, session, v, m);
    ImGui::SameLine();
    if (ignoring)
      ui::text_disabled(m.text);
    else
      ui::text_wrapped(m.text);
    ImGui::PopID();
  }
  if (ImGui::GetScrollY() >= ImGui::GetScrollMaxY() - 4.0f) ImGui::SetScrollHereY(1.0f);
  ImGui::EndChild();
}

// A caucus tab's head: its members, who is invited, and an invitation to another seat.
void caucus_head(Ui& u, const Match& v, ChannelId id) {
  const Channel& ch = v.channels[id];
  ui::text_wrapped(u.f("chat.members", {seat_list(v, ch.members)}));
  if (!ch.invited.empty()) ui::text_disabled(u.f("chat.invited_list", {seat_list(v, ch.invited)}));
  std::vector<SeatIndex> can_invite;
  for (SeatIndex s = 0; s < v.seats.size(); ++s)
    if (!contains(ch.members, s) && !contains(ch.invited, s)) can_invite.push_back(s);
  if (can_invite.empty()) return;
  if (!contains(can_invite, static_cast<SeatIndex>(std::max(0, u.state.invite_seat))))
    u.state.invite_seat = static_cast<int>(can_invite.front());
  const auto chosen = static_cast<SeatIndex>(u.state.invite_seat);
  const std::string invite = u.s.get("chat.invite");
  ImGui::SetNextItemWidth(std::min(u.px(260), ImGui::GetContentRegionAvail().x -
                                                  ui::button_width(invite) -
                                                  ImGui::GetStyle().ItemSpacing.x));
  if (ImGui::BeginCombo("##invite_seat", ui::seat_name(v, chosen).c_str())) {
    for (const auto s : can_invite)
      if (ImGui::Selectable(ui::seat_name(v, s).c_str(), s == chosen))
        u.state.invite_seat = static_cast<int>(s);
    ImGui::EndCombo();
  }
  ImGui::SameLine();
  ui::command_button(u, invite, InviteToCaucus{id, chosen});
}

// The caucus dialog: a name and the seats to invite.
void caucus_form(Ui& u, Session& session, const Match& v, SeatIndex me) {
  ImGui::SetNextItemWidth(-1);
  ImGui::InputTextWithHint("##caucus_name", u.t("chat.caucus_name"), &u.state.caucus_name);
  ui::text_disabled(u.s.get("chat.caucus_pick"));
  bool first = true;
  for (SeatIndex s = 0; s < v.seats.size(); ++s) {
    if (s == me) continue;
    const std::string& name = ui::seat_name(v, s);
    const float w = ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x +
                    ImGui::CalcTextSize(name.c_str()).x;
    if (!first) ui::same_line_if_fits(w);
    first = false;
    ImGui::PushID(static_cast<int>(s));
    bool picked = u.state.caucus_seats.count(s) > 0;
    ui::log(name);
    if (ImGui::Checkbox(name.c_str(), &picked)) {
      if (picked)
        u.state.caucus_seats.insert(s);
      else
        u.state.caucus_seats.erase(s);
    }
    ImGui::PopID();
  }
  const std::vector<SeatIndex> invite(u.state.caucus_seats.begin(), u.state.caucus_seats.end());
  if (ui::command_button(u, u.s.get("chat.create_caucus"),
                         CreateCaucus{u.state.caucus_name, invite})) {
    if (!session.last_rejection()) {
      u.state.caucus_name.clear();
      u.state.caucus_seats.clear();
      u.state.caucus_form = false;
    }
  }
  ImGui::SameLine();
  if (ui::button(u.s.get("deal.cancel"))) u.state.caucus_form = false;
}

// The row above the tabs: open (or go to) a bilateral, and start a caucus.
void top_row(Ui& u, Session& session, const Match& v, SeatIndex me) {
  if (me >= v.seats.size() || v.seats.size() < 2) return;
  u.state.bilateral_with =
      std::clamp(u.state.bilateral_with, 0, static_cast<int>(v.seats.size()) - 1);
  if (static_cast<SeatIndex>(u.state.bilateral_with) == me)
    u.state.bilateral_with = static_cast<int>((me + 1) % v.seats.size());
  const auto with = static_cast<SeatIndex>(u.state.bilateral_with);
  ImGui::SetNextItemWidth(std::min(u.px(260), ImGui::GetContentRegionAvail().x));
  if (ImGui::BeginCombo("##with", ui::seat_name(v, with).c_str())) {
    for (SeatIndex s = 0; s < v.seats.size(); ++s)
      if (s != me && ImGui::Selectable(ui::seat_name(v, s).c_str(), s == with))
        u.state.bilateral_with = static_cast<int>(s);
    ImGui::EndCombo();
  }
  const std::string open = u.s.get("chat.open_bilateral");
  ui::same_line_if_fits(ui::button_width(open));
  if (const auto existing = bilateral_channel(v, me, with)) {
    if (ui::button(open)) u.state.select_channel = *existing;  // already open: go to its tab
  } else if (ui::command_button(u, open, OpenBilateral{with})) {
    u.state.awaiting_bilateral = with;
  }
  const std::string new_caucus = u.s.get("chat.new_caucus");
  ui::same_line_if_fits(ui::button_width(new_caucus));
  if (ui::button(new_caucus)) u.state.caucus_form = !u.state.caucus_form;
  dialog(u.s.get("chat.caucus_title"), "caucus_form", u.state.caucus_form, u.px(760),
         [&] { caucus_form(u, session, v, me); });
}

// Caucus invitations waiting for an answer.
void invitations(Ui& u, const Match& v, SeatIndex me) {
  for (ChannelId id = 0; id < v.channels.size(); ++id) {
    const Channel& ch = v.channels[id];
    if (ch.kind != ChannelKind::caucus || !contains(ch.invited, me)) continue;
    ImGui::PushID(static_cast<int>(id));
    ui::text(u.f("chat.invited", {ch.name}));
    ImGui::SameLine();
    if (ui::command_button(u, u.s.get("chat.join"), JoinCaucus{id})) u.state.select_channel = id;
    ImGui::PopID();
  }
}

// One tab's content: the ignore toggle, a caucus's head, the messages, the input row and, in a
// bilateral, the deal dialog (the offer form and the deals with that seat).
void channel_tab(Ui& u, Session& session, const Match& v, ChannelId id, SeatIndex me) {
  const Channel& ch = v.channels[id];
  const auto other = partner(ch, me);
  if (!u.state.ignored.empty() || !u.state.ignored_bots.empty()) {
    const std::size_t n = hidden_by_me(u.state, ch);
    const std::string label = u.f("chat.show_ignored", {std::to_string(n)});
    ui::log(label);
    ImGui::Checkbox(label.c_str(), &u.state.show_ignored);
  }
  if (ch.kind == ChannelKind::caucus) caucus_head(u, v, id);

  const ImGuiStyle& style = ImGui::GetStyle();
  const float row_h = ImGui::GetFrameHeightWithSpacing();
  messages(u, session, v, id, row_h + style.ItemSpacing.y);

  const std::string send = u.s.get("chat.send");
  const std::string offer = u.s.get("deal.offer_open");
  float buttons_w = ui::button_width(send) + style.ItemSpacing.x;
  if (other) buttons_w += ui::button_width(offer) + style.ItemSpacing.x;
  ImGui::SetNextItemWidth(std::max(u.px(120), ImGui::GetContentRegionAvail().x - buttons_w));
  const bool enter =
      ImGui::InputText("##say", &u.state.chat_input, ImGuiInputTextFlags_EnterReturnsTrue);
  ImGui::SameLine();
  // The Send button and Enter send the typed line when the rules take it (not blank, not
  // muted, a member of the channel).
  const PostMessage say{id, u.state.chat_input};
  bool sent = ui::command_button(u, send, say);
  if (enter && !sent && session.allows(say)) {
    session.post(say);
    sent = true;
  }
  if (sent && !session.last_rejection()) u.state.chat_input.clear();
  if (enter) ImGui::SetKeyboardFocusHere(-1);
  if (other) {
    ImGui::SameLine();
    if (ui::button(offer)) u.state.deal_form = !u.state.deal_form;
    dialog(u.f("deal.title", {ui::seat_name(v, *other)}), "deal_form", u.state.deal_form, u.px(960),
           [&] {
             draw_deal_form(u, me, *other);
             ImGui::Separator();
             draw_deal_list(u, me, *other);
           });
  }
}

}  // namespace

void draw_chat(Ui& u) {
  Session& session = *u.session;
  const Match& v = session.view();
  const SeatIndex me = session.seat().value_or(static_cast<SeatIndex>(v.seats.size()));
  top_row(u, session, v, me);
  invitations(u, v, me);
  if (u.state.awaiting_bilateral) {
    if (const auto id = bilateral_channel(v, me, *u.state.awaiting_bilateral)) {
      u.state.select_channel = *id;
      u.state.awaiting_bilateral.reset();
    }
  }
  // Tabs keep their names and unread counts; the bar scrolls when they do not fit.
  if (!ImGui::BeginTabBar("channels", ImGuiTabBarFlags_FittingPolicyScroll)) return;
  for (ChannelId id = 0; id < v.channels.size(); ++id) {
    const Channel& ch = v.channels[id];
    const bool visible = ch.kind == ChannelKind::plenary || contains(ch.members, me);
    if (!visible) continue;
    std::size_t& seen = u.state.seen[id];
    seen = std::min(seen, ch.messages.size());
    std::string label = channel_label(u, v, id, me);
    if (u.state.channel != id) {
      if (const std::size_t n = unread(u.state, ch, seen); n > 0)
        label += " (" + std::to_string(n) + ")";
    }
    label += "###ch" + std::to_string(id);
    ui::log(label);
    ImGuiTabItemFlags flags = 0;
    if (u.state.select_channel == id) {
      flags |= ImGuiTabItemFlags_SetSelected;
      u.state.select_channel.reset();
    }
    if (!ImGui::BeginTabItem(label.c_str(), nullptr, flags)) continue;
    if (u.state.channel != id) {
      u.state.deal_form = false;  // a form belongs to the tab it was opened in
      u.state.deal_give.clear();
      u.state.deal_get.clear();
    }
    u.state.channel = id;
    seen = ch.messages.size();
    channel_tab(u, session, v, id, me);
    ImGui::EndTabItem();
  }
  ImGui::EndTabBar();
}

}  // namespace accord::client
