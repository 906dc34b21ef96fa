// Every message of the client–server protocol, both directions, declared once. The lists at the
// bottom (ClientMessageTypes, ServerMessageTypes) are the only registration: the variants, wire
// names, the codec (protocol/codec.hpp) and the server's dispatch derive from them.
// Each message carries kName (its stable wire name), kDirection and describe() (its fields).
// docs/protocol.md documents every message and field; keep it in step with this file.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/commands.hpp"
#include "core/events.hpp"
#include "core/host.hpp"
#include "core/model.hpp"
#include "core/type_list.hpp"

namespace accord::protocol {

// Bumped whenever a message, a field, or the meaning of one changes, and with kRulesVersion.
inline constexpr std::uint32_t kProtocolVersion = 6;

// Client→server messages are refused above this size, before any decoding.
inline constexpr std::size_t kMaxClientMessageBytes = 4096;
// The largest message the server sends (a snapshot of a big room, a room's content).
inline constexpr std::size_t kMaxServerMessageBytes = 1u << 20;

enum class Direction : std::uint8_t { client_to_server, server_to_client };

// How a connection takes part in a room. A projector is an audience viewer that is not a
// participant (it never appears in the match); the facilitator logs in with the room's password.
ACCORD_ENUM(ClientRole, std::uint8_t, player, spectator, projector, facilitator)

// Why a command was refused: the state moved on since the view it was decided on (stale), it
// could never have been accepted (invalid), or the sender is over its rate (rate_limited).
ACCORD_ENUM(RejectionKind, std::uint8_t, stale, invalid, rate_limited)

// clang-format off
ACCORD_ENUM(ErrorCode, std::uint8_t,
    bad_message,  // undecodable, or a field out of range; `field` names it
    too_large,  // over kMaxClientMessageBytes
    handshake_first,  // Hello must come first, once
    not_in_room,  // a room message from a connection that has not joined one
    already_in_room,  // create/join/login from a connection already in a room
    no_such_room,  // unknown join code
    wrong_password,  // facilitator or room password
    invalid_token,  // unknown reconnect token
    token_revoked,  // the participant was removed: the token no longer admits anyone
    room_full,  // the room refused the newcomer (see text)
    server_full,  // --max-rooms reached
    too_many_peers,  // --max-peers-per-address reached
    invalid_request,  // a request that cannot be met (unknown scenario, bad seat count ...)
    rate_limited,  // too many requests of this kind
    busy,  // a request of this connection is still being processed
    too_many_attempts)  // too many wrong passwords lately: the text says how long to wait
// clang-format on

// clang-format off
ACCORD_ENUM(ByeReason, std::uint8_t,
    version_mismatch,
    handshake_timeout,
    too_many_bad_messages,
    too_many_peers,
    removed,
    server_shutdown,  // also a restart: the rooms are saved, reconnect with the token
    room_deleted,  // the facilitator deleted the room and all its data
    tampered)  // sealed packets that did not open: altered, replayed or out of order
// clang-format on

// ------------------------------------------------------------------ shared pieces

struct ViewerInfo {
  ACCORD_FIELDS((ViewerKind, kind, ViewerKind::audience), (SeatIndex, seat, 0))
  static ViewerInfo of(const Viewer& v) { return {v.kind, v.seat}; }
  Viewer viewer() const { return {kind, seat}; }
  friend bool operator==(const ViewerInfo&, const ViewerInfo&) = default;
};

#define ACCORD_MESSAGE(name, direction)           \
  static constexpr std::string_view kName = name; \
  static constexpr Direction kDirection = Direction::direction

// ------------------------------------------------------------------ client → server

// The first message on every connection. content_hashes: the room contents the client has
// cached (it is sent RoomContent for a room whose hash is not among them).
struct Hello {
  ACCORD_MESSAGE("hello", client_to_server);
  // clang-format off
  ACCORD_FIELDS(
      (std::uint32_t, protocol_version, kProtocolVersion),
      (std::string, client_version),
      (std::vector<std::string>, content_hashes))
  // clang-format on
};

// A host creates a room and becomes its facilitator (answered by RoomCreated, then Joined).
struct CreateRoom {
  ACCORD_MESSAGE("create_room", client_to_server);
  // clang-format off
  ACCORD_FIELDS(
      (std::string, scenario),
      (std::uint32_t, seats, 0),
      (std::string, timer_preset),
      (std::string, facilitator_password),
      (std::string, room_password),  // empty: anyone with the code may join
      (bool, is_public, false, 1, "public"),  // listed by LAN discovery with its code
      (bool, allow_spectators, true),
      // A bot plays every seat no delegation holds (solo practice, a class smaller than
      // the scenario); bot_difficulty: easy, normal or hard.
      (bool, fill_with_bots, false),
      (std::string, bot_difficulty, "normal"))
  // clang-format on
};

// Join a room by its code, or come back with a reconnect token (then name and role are ignored).
struct JoinRoom {
  ACCORD_MESSAGE("join_room", client_to_server);
  // clang-format off
  ACCORD_FIELDS(
      (std::string, code),
      (std::string, name),
      (ClientRole, role, ClientRole::player),  // player, spectator or projector
      (std::string, room_password),
      (std::string, reconnect_token))
  // clang-format on
};

struct FacilitatorLogin {
  ACCORD_MESSAGE("facilitator_login", client_to_server);
  ACCORD_FIELDS((std::string, code), (std::string, password))
};

// view_seq: the last stream item the client had applied when it decided to send the command.
struct SendCommand {
  ACCORD_MESSAGE("send_command", client_to_server);
  ACCORD_FIELDS((std::uint32_t, request_id, 0), (Seq, view_seq, 0), (Command, command))
};

// Answered by Snapshot (the viewer's whole view, numbered).
struct RequestResync {
  ACCORD_MESSAGE("request_resync", client_to_server);
  ACCORD_NO_FIELDS
};

// Join a public waiting room of the scenario, or open one (no facilitator).
struct QuickMatch {
  ACCORD_MESSAGE("quick_match", client_to_server);
  ACCORD_FIELDS((std::string, scenario), (std::string, name))
};

// Facilitator only, once the match is at its debrief: a new match in the same room, with the
// same code, participants and seats (and the same settings, with a new seed). Every member then
// receives a snapshot of the new match; the earlier match stays stored until the retention ends.
struct Rematch {
  ACCORD_MESSAGE("rematch", client_to_server);
  ACCORD_NO_FIELDS
};

// Facilitator only: deletes the room and all its data (events, chat, names) at once. `code`
// repeats the room's code, so a stray message cannot delete it. Every member receives
// Bye room_deleted.
struct DeleteRoom {
  ACCORD_MESSAGE("delete_room", client_to_server);
  ACCORD_FIELDS((std::string, code))
};

struct Ping {
  ACCORD_MESSAGE("ping", client_to_server);
  ACCORD_FIELDS((std::uint32_t, nonce, 0))
};

// ------------------------------------------------------------------ server → client

struct Welcome {
  ACCORD_MESSAGE("welcome", server_to_client);
  // clang-format off
  ACCORD_FIELDS(
      (std::uint32_t, protocol_version, kProtocolVersion),
      (std::string, server_version),
      (std::string, server_name))
  // clang-format on
};

// Followed by Bye and a disconnect. text: e.g. "client 1.2 cannot join server 1.3".
struct VersionMismatch {
  ACCORD_MESSAGE("version_mismatch", server_to_client);
  // clang-format off
  ACCORD_FIELDS(
      (std::uint32_t, server_protocol_version, kProtocolVersion),
      (std::string, server_version),
      (std::string, text))
  // clang-format on
};

struct RoomCreated {
  ACCORD_MESSAGE("room_created", server_to_client);
  ACCORD_FIELDS((std::string, code))
};

// The room's content (scenario, states, clauses, scoring data) as JSON text, sent before Joined
// when the client's Hello did not list its hash; the client caches it by hash.
struct RoomContent {
  ACCORD_MESSAGE("room_content", server_to_client);
  ACCORD_FIELDS((std::string, content_hash), (std::string, data))
};

// The connection is in the room. participant is empty for the facilitator and a projector.
// The view is the viewer's whole view; stream items numbered from view_seq + 1 follow.
struct Joined {
  ACCORD_MESSAGE("joined", server_to_client);
  // clang-format off
  ACCORD_FIELDS(
      (std::string, code),
      (ClientRole, role, ClientRole::player),
      (std::optional<ParticipantId>, participant),
      (ViewerInfo, viewer),
      (std::string, reconnect_token),
      (std::string, content_hash),
      (std::string, scenario),  // the content's scenario id the room was made from
      (Seq, view_seq, 0),
      (Match, view),
      (TimeMs, room_now, 0))  // the room's clock now: timers count down from the view's deadlines
  // clang-format on
};

// One event of the viewer's own stream; view_seq rises by exactly one per item.
// The rules core's stream item (core/host.hpp) itself, fields and all, named as a message.
struct StreamItem : accord::StreamItem {
  ACCORD_MESSAGE("stream_item", server_to_client);
};

// The viewer's whole view: after RequestResync, or when the connection's viewer changed (its
// participant took or left a seat): items then continue from this view_seq in that stream.
struct Snapshot {
  ACCORD_MESSAGE("snapshot", server_to_client);
  ACCORD_FIELDS((ViewerInfo, viewer), (Seq, view_seq, 0), (Match, view), (TimeMs, room_now, 0))
};

// hash(view) after the item view_seq; a client whose view hashes differently resyncs.
struct ViewHash {
  ACCORD_MESSAGE("view_hash", server_to_client);
  ACCORD_FIELDS((Seq, view_seq, 0), (std::uint64_t, hash, 0))
};

// The command was accepted; its events (if the viewer may see them) came before this.
struct CommandAccepted {
  ACCORD_MESSAGE("command_accepted", server_to_client);
  ACCORD_FIELDS((std::uint32_t, request_id, 0))
};

// To the sender only.
struct CommandRejected {
  ACCORD_MESSAGE("command_rejected", server_to_client);
  // clang-format off
  ACCORD_FIELDS(
      (std::uint32_t, request_id, 0),
      (RejectionKind, kind, RejectionKind::invalid),
      (RejectCode, code, RejectCode::not_allowed),
      (std::string, field),
      (std::string, message))
  // clang-format on
};

// Who of the room's participants is connected now; `away` are within their grace period, and
// participants in neither list (and not left) have been away longer.
struct Presence {
  ACCORD_MESSAGE("presence", server_to_client);
  // clang-format off
  ACCORD_FIELDS(
      (std::vector<ParticipantId>, connected),
      (std::vector<ParticipantId>, away),
      (bool, facilitator_connected, false))
  // clang-format on
};

// A quick-match room starts when full or when the countdown ends (remaining_ms from now).
struct Countdown {
  ACCORD_MESSAGE("countdown", server_to_client);
  ACCORD_FIELDS((std::int64_t, remaining_ms, 0))
};

// field: the JSON pointer of the failing field for bad_message, else empty.
struct Error {
  ACCORD_MESSAGE("error", server_to_client);
  // clang-format off
  ACCORD_FIELDS(
      (ErrorCode, code, ErrorCode::bad_message),
      (std::string, field),
      (std::string, text))
  // clang-format on
};

// The server is about to close the connection.
struct Bye {
  ACCORD_MESSAGE("bye", server_to_client);
  ACCORD_FIELDS((ByeReason, reason, ByeReason::server_shutdown), (std::string, text))
};

// While every member of a delegation was away past the grace period, the caretaker bot held the
// seat; sent to the members when one of them is back: what it did, a sentence per action.
struct CaretakerReport {
  ACCORD_MESSAGE("caretaker_report", server_to_client);
  ACCORD_FIELDS((SeatIndex, seat, 0), (std::vector<std::string>, actions))
};

// room_now: the clock of the connection's room (0 outside a room), so a client can keep its
// timers in step (round trip / 2 is its error).
struct Pong {
  ACCORD_MESSAGE("pong", server_to_client);
  ACCORD_FIELDS((std::uint32_t, nonce, 0), (TimeMs, room_now, 0))
};

#undef ACCORD_MESSAGE

using ClientMessageTypes = TypeList<Hello, CreateRoom, JoinRoom, FacilitatorLogin, SendCommand,
                                    RequestResync, QuickMatch, Rematch, DeleteRoom, Ping>;
using ServerMessageTypes =
    TypeList<Welcome, VersionMismatch, RoomCreated, RoomContent, Joined, StreamItem, Snapshot,
             ViewHash, CommandAccepted, CommandRejected, Presence, Countdown, Error, Bye,
             CaretakerReport, Pong>;
using ClientMessage = VariantOf<ClientMessageTypes>::type;
using ServerMessage = VariantOf<ServerMessageTypes>::type;

}  // namespace accord::protocol
