// Chat: plenary, delegation, bilateral and caucus channels, announcements, hiding messages.
// Chat goes on in every phase, even while the clock is paused. What each viewer receives of
// these events is decided in visibility.cpp; the applies here keep every view equal to view_for.
#include <algorithm>
#include <string>

#include "core/rules_internal.hpp"

namespace accord::detail {
namespace {

constexpr std::size_t kMaxCaucusNameBytes = 48;

bool blank(const std::string& text) {
  return std::all_of(text.begin(), text.end(),
                     [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; });
}

bool has_control_characters(const std::string& text) {
  return std::any_of(text.begin(), text.end(), [](char c) {
    const auto byte = static_cast<unsigned char>(c);
    return byte < 0x20 || byte == 0x7f;
  });
}

std::optional<Decision> check_text(const Match& m, const std::string& text) {
  if (blank(text)) return reject(RejectCode::empty_text, "text", "Write something first.");
  const auto limit = m.settings.rules.max_chat_bytes;
  if (text.size() > limit)
    return reject(RejectCode::text_too_long, "text",
                  "That message is too long (at most " + std::to_string(limit) + " bytes).");
  return std::nullopt;
}

std::optional<Decision> require_seat_index(const Match& m, SeatIndex seat, const char* field) {
  if (seat < m.seats.size()) return std::nullopt;
  return reject(RejectCode::no_such_seat, field,
                "There is no seat " + std::to_string(seat) + " in this match.");
}

// A caucus channel, or a refusal naming the channel field.
std::optional<Decision> require_caucus(const Match& m, ChannelId id) {
  if (id < m.channels.size() && m.channels[id].kind == ChannelKind::caucus) return std::nullopt;
  return reject(RejectCode::no_such_channel, "channel", "There is no such caucus.");
}

std::vector<SeatIndex> sorted_pair(SeatIndex a, SeatIndex b) {
  return a < b ? std::vector<SeatIndex>{a, b} : std::vector<SeatIndex>{b, a};
}

Channel* find_channel(Match& m, ChannelId id) {
  return id < m.channels.size() ? &m.channels[id] : nullptr;
}

}  // namespace

template <>
Decision decide_command(const DecideContext& ctx, const PostMessage& cmd) {
  const auto& m = ctx.match;
  ChatMessage message;
  if (ctx.actor.kind == ActorKind::participant) {
    const auto& me = m.participants[ctx.actor.participant];
    if (me.role == Role::spectator)
      return reject(RejectCode::spectator_only_watches, "",
                    "Spectators watch the conference; they do not speak in it.");
    if (me.muted) return reject(RejectCode::muted, "", "You have been muted.");
    message.author = ctx.actor.participant;
  } else {
    message.from_bot = true;
  }
  message.seat = acting_seat(m, ctx.actor);
  if (cmd.channel >= m.channels.size())
    return reject(RejectCode::no_such_channel, "channel", "There is no such channel.");
  const auto& channel = m.channels[cmd.channel];
  if (channel.kind != ChannelKind::plenary &&
      (!message.seat || !contains(channel.members, *message.seat)))
    return reject(RejectCode::not_a_member, "channel",
                  "Your delegation is not a member of that channel.");
  if (auto refused = check_text(m, cmd.text)) return *refused;
  message.text = cmd.text;
  message.at = ctx.now;
  return Decision::accept({MessagePosted{cmd.channel, message}});
}

template <>
Decision decide_command(const DecideContext& ctx, const Announce& cmd) {
  if (auto refused = check_text(ctx.match, cmd.text)) return *refused;
  ChatMessage message;
  message.from_facilitator = true;
  message.text = cmd.text;
  message.at = ctx.now;
  return Decision::accept({MessagePosted{kPlenary, message}});
}

template <>
Decision decide_command(const DecideContext& ctx, const OpenBilateral& cmd) {
  const auto& m = ctx.match;
  SeatIndex seat = 0;
  if (auto refused = require_seat(ctx, seat)) return *refused;
  if (auto refused = require_seat_index(m, cmd.with, "with")) return *refused;
  if (cmd.with == seat)
    return reject(RejectCode::not_allowed, "with", "A bilateral channel needs another seat.");
  const auto members = sorted_pair(seat, cmd.with);
  for (const auto& channel : m.channels)
    if (channel.kind == ChannelKind::bilateral && channel.members == members)
      return reject(RejectCode::already_done, "with",
                    "Your bilateral channel with " + seat_name(m, cmd.with) + " is already open.");
  return Decision::accept({ChannelOpened{ChannelKind::bilateral, "", members, {}}});
}

template <>
Decision decide_command(const DecideContext& ctx, const CreateCaucus& cmd) {
  const auto& m = ctx.match;
  SeatIndex seat = 0;
  if (auto refused = require_seat(ctx, seat)) return *refused;
  if (blank(cmd.name) || has_control_characters(cmd.name))
    return reject(RejectCode::invalid_name, "name",
                  "A caucus needs a name with visible characters and no control characters.");
  if (cmd.name.size() > kMaxCaucusNameBytes)
    return reject(RejectCode::invalid_name, "name",
                  "That caucus name is too long (at most " + std::to_string(kMaxCaucusNameBytes) +
                      " bytes).");
  std::vector<SeatIndex> invited;
  for (SeatIndex s : cmd.invite) {
    if (auto refused = require_seat_index(m, s, "invite")) return *refused;
    if (s == seat)
      return reject(RejectCode::not_allowed, "invite",
                    "You are the caucus's first member: invite other seats.");
    if (contains(invited, s))
      return reject(RejectCode::not_allowed, "invite",
                    seat_name(m, s) + " is on the invitation list twice.");
    insert_sorted(invited, s);
  }
  const auto limit = m.settings.rules.max_caucus_members;
  if (1 + invited.size() > limit)
    return reject(
        RejectCode::limit_reached, "invite",
        "A caucus has at most " + std::to_string(limit) + " seats, invitations included.");
  return Decision::accept({ChannelOpened{ChannelKind::caucus, cmd.name, {seat}, invited}});
}

template <>
Decision decide_command(const DecideContext& ctx, const InviteToCaucus& cmd) {
  const auto& m = ctx.match;
  SeatIndex seat = 0;
  if (auto refused = require_seat(ctx, seat)) return *refused;
  if (auto refused = require_caucus(m, cmd.channel)) return *refused;
  const auto& channel = m.channels[cmd.channel];
  if (!contains(channel.members, seat))
    return reject(RejectCode::not_a_member, "channel",
                  "Only members of the caucus \"" + channel.name + "\" can invite to it.");
  if (auto refused = require_seat_index(m, cmd.seat, "seat")) return *refused;
  if (contains(channel.members, cmd.seat) || contains(channel.invited, cmd.seat))
    return reject(RejectCode::already_done, "seat",
                  seat_name(m, cmd.seat) + " is already a member of the caucus or invited to it.");
  const auto limit = m.settings.rules.max_caucus_members;
  if (channel.members.size() + channel.invited.size() + 1 > limit)
    return reject(
        RejectCode::limit_reached, "seat",
        "A caucus has at most " + std::to_string(limit) + " seats, invitations included.");
  auto invited = channel.invited;
  insert_sorted(invited, cmd.seat);
  return Decision::accept(
      {CaucusInvited{cmd.channel, cmd.seat, channel.name, channel.members, invited}});
}

// The history travels in the event for the joining seat, which could not see it before. Hidden
// messages go with their text blanked, as that seat's view would show them.
template <>
Decision decide_command(const DecideContext& ctx, const JoinCaucus& cmd) {
  const auto& m = ctx.match;
  SeatIndex seat = 0;
  if (auto refused = require_seat(ctx, seat)) return *refused;
  if (auto refused = require_caucus(m, cmd.channel)) return *refused;
  const auto& channel = m.channels[cmd.channel];
  if (!contains(channel.invited, seat))
    return reject(
        RejectCode::not_pending, "channel",
        "Your delegation has no pending invitation to the caucus \"" + channel.name + "\".");
  auto history = channel.messages;
  for (auto& message : history)
    if (message.hidden) message.text.clear();
  return Decision::accept({CaucusJoined{cmd.channel, seat, std::move(history)}});
}

template <>
Decision decide_command(const DecideContext& ctx, const LeaveCaucus& cmd) {
  const auto& m = ctx.match;
  SeatIndex seat = 0;
  if (auto refused = require_seat(ctx, seat)) return *refused;
  if (auto refused = require_caucus(m, cmd.channel)) return *refused;
  if (!contains(m.channels[cmd.channel].members, seat))
    return reject(RejectCode::not_a_member, "channel",
                  "Your delegation is not a member of that caucus.");
  return Decision::accept({CaucusLeft{cmd.channel, seat, false}});
}

template <>
Decision decide_command(const DecideContext& ctx, const HideMessage& cmd) {
  const auto& m = ctx.match;
  if (cmd.channel >= m.channels.size())
    return reject(RejectCode::no_such_channel, "channel", "There is no such channel.");
  const auto& messages = m.channels[cmd.channel].messages;
  if (cmd.index >= messages.size())
    return reject(RejectCode::no_such_message, "index", "There is no such message.");
  const auto& message = messages[cmd.index];
  if (message.hidden == cmd.hidden)
    return reject(RejectCode::unchanged, "hidden",
                  cmd.hidden ? "That message is already hidden." : "That message is not hidden.");
  return Decision::accept({MessageHidden{cmd.channel, cmd.index, cmd.hidden, message.text}});
}

// --- apply: total; ids that do not fit are ignored. ---

template <>
void apply_event(Match& match, const MessagePosted& e) {
  if (Channel* channel = find_channel(match, e.channel)) channel->messages.push_back(e.message);
}

template <>
void apply_event(Match& match, const ChannelOpened& e) {
  match.channels.push_back(Channel{e.kind, e.name, e.members, e.invited, {}});
}

template <>
void apply_event(Match& match, const CaucusInvited& e) {
  Channel* channel = find_channel(match, e.channel);
  if (!channel || channel->kind != ChannelKind::caucus) return;
  channel->name = e.name;
  channel->members = e.members;
  channel->invited = e.invited;
}

// A view that already holds the messages (the server's, the facilitator's, the members') keeps
// its own copy, which may be fuller (hidden texts); the joining seat's empty one takes the
// history.
template <>
void apply_event(Match& match, const CaucusJoined& e) {
  Channel* channel = find_channel(match, e.channel);
  if (!channel || channel->kind != ChannelKind::caucus) return;
  erase_value(channel->invited, e.seat);
  insert_sorted(channel->members, e.seat);
  for (std::size_t i = channel->messages.size(); i < e.history.size(); ++i)
    channel->messages.push_back(e.history[i]);
}

template <>
void apply_event(Match& match, const CaucusLeft& e) {
  Channel* channel = find_channel(match, e.channel);
  if (!channel || channel->kind != ChannelKind::caucus) return;
  erase_value(channel->members, e.seat);
  if (e.forget) *channel = Channel{channel->kind, "", {}, {}, {}};
}

template <>
void apply_event(Match& match, const MessageHidden& e) {
  Channel* channel = find_channel(match, e.channel);
  if (!channel || e.index >= channel->messages.size()) return;
  auto& message = channel->messages[e.index];
  message.hidden = e.hidden;
  message.text = e.text;
}

}  // namespace accord::detail
