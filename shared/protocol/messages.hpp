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
#include "core/model.hpp"
#include "core/type_list.hpp"

namespace accord::protocol {

// Bumped whenever a message, a field, or the meaning of one changes, and with kRulesVersion.
inline constexpr std::uint32_t kProtocolVersion = 3;

// Client→server messages are refused above this size, before any decoding.
inline constexpr std::size_t kMaxClientMessageBytes = 4096;
// The largest message the server sends (a snapshot of a big room, a room's content).
inline constexpr std::size_t kMaxServerMessageBytes = 1u << 20;

enum class Direction : std::uint8_t { client_to_server, server_to_client };

// How a connection takes part in a room. A projector is an audience viewer that is not a
// participant (it never appears in the match); the facilitator logs in with the room's password.
enum class ClientRole : std::uint8_t { player, spectator, projector, facilitator };

// Why a command was refused: the state moved on since the view it was decided on (stale), it
// could never have been accepted (invalid), or the sender is over its rate (rate_limited).
enum class RejectionKind : std::uint8_t { stale, invalid, rate_limited };

enum class ErrorCode : std::uint8_t {
  bad_message,      // undecodable, or a field out of range; `field` names it
  too_large,        // over kMaxClientMessageBytes
  handshake_first,  // Hello must come first, once
  not_in_room,      // a room message from a connection that has not joined one
  already_in_room,  // create/join/login from a connection already in a room
  no_such_room,     // unknown join code
  wrong_password,   // facilitator or room password
  invalid_token,    // unknown reconnect token
  token_revoked,    // the participant was removed: the token no longer admits anyone
  room_full,        // the room refused the newcomer (see text)
  server_full,      // --max-rooms reached
  too_many_peers,   // --max-peers-per-address reached
  invalid_request,  // a request that cannot be met (unknown scenario, bad seat count ...)
  rate_limited,     // too many requests of this kind
  busy,             // a request of this connection is still being processed
};

enum class ByeReason : std::uint8_t {
  version_mismatch,
  handshake_timeout,
  too_many_bad_messages,
  too_many_peers,
  removed,
  server_shutdown,  // also a restart: the rooms are saved, reconnect with the token
  room_deleted,     // the facilitator deleted the room and all its data
};

// ------------------------------------------------------------------ shared pieces

struct ViewerInfo {
  ViewerKind kind = ViewerKind::audience;
  SeatIndex seat = 0;
  static ViewerInfo of(const Viewer& v) { return {v.kind, v.seat}; }
  Viewer viewer() const { return {kind, seat}; }
  friend bool operator==(const ViewerInfo&, const ViewerInfo&) = default;
  template <class Self, class V>
  static void describe(Self& self, V&& v) {
    v("kind", self.kind);
    v("seat", self.seat);
  }
};

#define ACCORD_MESSAGE(name, direction)           \
  static constexpr std::string_view kName = name; \
  static constexpr Direction kDirection = Direction::direction
#define ACCORD_NO_FIELDS         \
  template <class Self, class V> \
  static void describe(Self&, V&&) {}

// ------------------------------------------------------------------ client → server

// The first message on every connection. content_hashes: the room contents the client has
// cached (it is sent RoomContent for a room whose hash is not among them).
struct Hello {
  ACCORD_MESSAGE("hello", client_to_server);
  std::uint32_t protocol_version = kProtocolVersion;
  std::string client_version;
  std::vector<std::string> content_hashes;
  template <class Self, class V>
  static void describe(Self& self, V&& v) {
    v("protocol_version", self.protocol_version);
    v("client_version", self.client_version);
    v("content_hashes", self.content_hashes);
  }
};

// A host creates a room and becomes its facilitator (answered by RoomCreated, then Joined).
struct CreateRoom {
  ACCORD_MESSAGE("create_room", client_to_server);
  std::string scenario;
  std::uint32_t seats = 0;
  std::string timer_preset;
  std::string facilitator_password;
  std::string room_password;  // empty: anyone with the code may join
  bool is_public = false;     // listed by LAN discovery with its code
  bool allow_spectators = true;
  // A bot plays every seat no delegation holds (solo practice, a class smaller than the
  // scenario); bot_difficulty: easy, normal or hard.
  bool fill_with_bots = false;
  std::string bot_difficulty = "normal";
  template <class Self, class V>
  static void describe(Self& self, V&& v) {
    v("scenario", self.scenario);
    v("seats", self.seats);
    v("timer_preset", self.timer_preset);
    v("facilitator_password", self.facilitator_password);
    v("room_password", self.room_password);
    v("public", self.is_public);
    v("allow_spectators", self.allow_spectators);
    v("fill_with_bots", self.fill_with_bots);
    v("bot_difficulty", self.bot_difficulty);
  }
};

// Join a room by its code, or come back with a reconnect token (then name and role are ignored).
struct JoinRoom {
  ACCORD_MESSAGE("join_room", client_to_server);
  std::string code;
  std::string name;
  ClientRole role = ClientRole::player;  // player, spectator or projector
  std::string room_password;
  std::string reconnect_token;
  template <class Self, class V>
  static void describe(Self& self, V&& v) {
    v("code", self.code);
    v("name", self.name);
    v("role", self.role);
    v("room_password", self.room_password);
    v("reconnect_token", self.reconnect_token);
  }
};

struct FacilitatorLogin {
  ACCORD_MESSAGE("facilitator_login", client_to_server);
  std::string code;
  std::string password;
  template <class Self, class V>
  static void describe(Self& self, V&& v) {
    v("code", self.code);
    v("password", self.password);
  }
};

// view_seq: the last stream item the client had applied when it decided to send the command.
struct SendCommand {
  ACCORD_MESSAGE("send_command", client_to_server);
  std::uint32_t request_id = 0;
  Seq view_seq = 0;
  Command command;
  template <class Self, class V>
  static void describe(Self& self, V&& v) {
    v("request_id", self.request_id);
    v("view_seq", self.view_seq);
    v("command", self.command);
  }
};

// Answered by Snapshot (the viewer's whole view, numbered).
struct RequestResync {
  ACCORD_MESSAGE("request_resync", client_to_server);
  ACCORD_NO_FIELDS
};

// Join a public waiting room of the scenario, or open one (no facilitator).
struct QuickMatch {
  ACCORD_MESSAGE("quick_match", client_to_server);
  std::string scenario;
  std::string name;
  template <class Self, class V>
  static void describe(Self& self, V&& v) {
    v("scenario", self.scenario);
    v("name", self.name);
  }
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
  std::string code;
  template <class Self, class V>
  static void describe(Self& self, V&& v) {
    v("code", self.code);
  }
};

struct Ping {
  ACCORD_MESSAGE("ping", client_to_server);
  std::uint32_t nonce = 0;
  template <class Self, class V>
  static void describe(Self& self, V&& v) {
    v("nonce", self.nonce);
  }
};

// ------------------------------------------------------------------ server → client

struct Welcome {
  ACCORD_MESSAGE("welcome", server_to_client);
  std::uint32_t protocol_version = kProtocolVersion;
  std::string server_version;
  std::string server_name;
  template <class Self, class V>
  static void describe(Self& self, V&& v) {
    v("protocol_version", self.protocol_version);
    v("server_version", self.server_version);
    v("server_name", self.server_name);
  }
};

// Followed by Bye and a disconnect. text: e.g. "client 1.2 cannot join server 1.3".
struct VersionMismatch {
  ACCORD_MESSAGE("version_mismatch", server_to_client);
  std::uint32_t server_protocol_version = kProtocolVersion;
  std::string server_version;
  std::string text;
  template <class Self, class V>
  static void describe(Self& self, V&& v) {
    v("server_protocol_version", self.server_protocol_version);
    v("server_version", self.server_version);
    v("text", self.text);
  }
};

struct RoomCreated {
  ACCORD_MESSAGE("room_created", server_to_client);
  std::string code;
  template <class Self, class V>
  static void describe(Self& self, V&& v) {
    v("code", self.code);
  }
};

// The room's content (scenario, states, clauses, scoring data) as JSON text, sent before Joined
// when the client's Hello did not list its hash; the client caches it by hash.
struct RoomContent {
  ACCORD_MESSAGE("room_content", server_to_client);
  std::string content_hash;
  std::string data;
  template <class Self, class V>
  static void describe(Self& self, V&& v) {
    v("content_hash", self.content_hash);
    v("data", self.data);
  }
};

// The connection is in the room. participant is empty for the facilitator and a projector.
// The view is the viewer's whole view; stream items numbered from view_seq + 1 follow.
struct Joined {
  ACCORD_MESSAGE("joined", server_to_client);
  std::string code;
  ClientRole role = ClientRole::player;
  std::optional<ParticipantId> participant;
  ViewerInfo viewer;
  std::string reconnect_token;
  std::string content_hash;
  std::string scenario;  // the content's scenario id the room was made from
  Seq view_seq = 0;
  Match view;
  TimeMs room_now = 0;  // the room's clock now: timers count down from the view's deadlines
  template <class Self, class V>
  static void describe(Self& self, V&& v) {
    v("code", self.code);
    v("role", self.role);
    v("participant", self.participant);
    v("viewer", self.viewer);
    v("reconnect_token", self.reconnect_token);
    v("content_hash", self.content_hash);
    v("scenario", self.scenario);
    v("view_seq", self.view_seq);
    v("view", self.view);
    v("room_now", self.room_now);
  }
};

// One event of the viewer's own stream; view_seq rises by exactly one per item.
struct StreamItem {
  ACCORD_MESSAGE("stream_item", server_to_client);
  Seq view_seq = 0;
  Event event;
  template <class Self, class V>
  static void describe(Self& self, V&& v) {
    v("view_seq", self.view_seq);
    v("event", self.event);
  }
};

// The viewer's whole view: after RequestResync, or when the connection's viewer changed (its
// participant took or left a seat): items then continue from this view_seq in that stream.
struct Snapshot {
  ACCORD_MESSAGE("snapshot", server_to_client);
  ViewerInfo viewer;
  Seq view_seq = 0;
  Match view;
  TimeMs room_now = 0;
  template <class Self, class V>
  static void describe(Self& self, V&& v) {
    v("viewer", self.viewer);
    v("view_seq", self.view_seq);
    v("view", self.view);
    v("room_now", self.room_now);
  }
};

// hash(view) after the item view_seq; a client whose view hashes differently resyncs.
struct ViewHash {
  ACCORD_MESSAGE("view_hash", server_to_client);
  Seq view_seq = 0;
  std::uint64_t hash = 0;
  template <class Self, class V>
  static void describe(Self& self, V&& v) {
    v("view_seq", self.view_seq);
    v("hash", self.hash);
  }
};

// The command was accepted; its events (if the viewer may see them) came before this.
struct CommandAccepted {
  ACCORD_MESSAGE("command_accepted", server_to_client);
  std::uint32_t request_id = 0;
  template <class Self, class V>
  static void describe(Self& self, V&& v) {
    v("request_id", self.request_id);
  }
};

// To the sender only.
struct CommandRejected {
  ACCORD_MESSAGE("command_rejected", server_to_client);
  std::uint32_t request_id = 0;
  RejectionKind kind = RejectionKind::invalid;
  RejectCode code = RejectCode::not_allowed;
  std::string field;
  std::string message;
  template <class Self, class V>
  static void describe(Self& self, V&& v) {
    v("request_id", self.request_id);
    v("kind", self.kind);
    v("code", self.code);
    v("field", self.field);
    v("message", self.message);
  }
};

// Who of the room's participants is connected now; `away` are within their grace period, and
// participants in neither list (and not left) have been away longer.
struct Presence {
  ACCORD_MESSAGE("presence", server_to_client);
  std::vector<ParticipantId> connected;
  std::vector<ParticipantId> away;
  bool facilitator_connected = false;
  template <class Self, class V>
  static void describe(Self& self, V&& v) {
    v("connected", self.connected);
    v("away", self.away);
    v("facilitator_connected", self.facilitator_connected);
  }
};

// A quick-match room starts when full or when the countdown ends (remaining_ms from now).
struct Countdown {
  ACCORD_MESSAGE("countdown", server_to_client);
  std::int64_t remaining_ms = 0;
  template <class Self, class V>
  static void describe(Self& self, V&& v) {
    v("remaining_ms", self.remaining_ms);
  }
};

// field: the JSON pointer of the failing field for bad_message, else empty.
struct Error {
  ACCORD_MESSAGE("error", server_to_client);
  ErrorCode code = ErrorCode::bad_message;
  std::string field;
  std::string text;
  template <class Self, class V>
  static void describe(Self& self, V&& v) {
    v("code", self.code);
    v("field", self.field);
    v("text", self.text);
  }
};

// The server is about to close the connection.
struct Bye {
  ACCORD_MESSAGE("bye", server_to_client);
  ByeReason reason = ByeReason::server_shutdown;
  std::string text;
  template <class Self, class V>
  static void describe(Self& self, V&& v) {
    v("reason", self.reason);
    v("text", self.text);
  }
};

// While every member of a delegation was away past the grace period, the caretaker bot held the
// seat; sent to the members when one of them is back: what it did, a sentence per action.
struct CaretakerReport {
  ACCORD_MESSAGE("caretaker_report", server_to_client);
  SeatIndex seat = 0;
  std::vector<std::string> actions;
  template <class Self, class V>
  static void describe(Self& self, V&& v) {
    v("seat", self.seat);
    v("actions", self.actions);
  }
};

// room_now: the clock of the connection's room (0 outside a room), so a client can keep its
// timers in step (round trip / 2 is its error).
struct Pong {
  ACCORD_MESSAGE("pong", server_to_client);
  std::uint32_t nonce = 0;
  TimeMs room_now = 0;
  template <class Self, class V>
  static void describe(Self& self, V&& v) {
    v("nonce", self.nonce);
    v("room_now", self.room_now);
  }
};

#undef ACCORD_MESSAGE
#undef ACCORD_NO_FIELDS

using ClientMessageTypes = TypeList<Hello, CreateRoom, JoinRoom, FacilitatorLogin, SendCommand,
                                    RequestResync, QuickMatch, Rematch, DeleteRoom, Ping>;
using ServerMessageTypes =
    TypeList<Welcome, VersionMismatch, RoomCreated, RoomContent, Joined, StreamItem, Snapshot,
             ViewHash, CommandAccepted, CommandRejected, Presence, Countdown, Error, Bye,
             CaretakerReport, Pong>;
using ClientMessage = VariantOf<ClientMessageTypes>::type;
using ServerMessage = VariantOf<ServerMessageTypes>::type;

}  // namespace accord::protocol

namespace accord {

template <>
struct EnumNames<protocol::ClientRole> {
  static constexpr std::array value{std::string_view{"player"}, std::string_view{"spectator"},
                                    std::string_view{"projector"}, std::string_view{"facilitator"}};
};
template <>
struct EnumNames<protocol::RejectionKind> {
  static constexpr std::array value{std::string_view{"stale"}, std::string_view{"invalid"},
                                    std::string_view{"rate_limited"}};
};
template <>
struct EnumNames<protocol::ErrorCode> {
  static constexpr std::array value{std::string_view{"bad_message"},
                                    std::string_view{"too_large"},
                                    std::string_view{"handshake_first"},
                                    std::string_view{"not_in_room"},
                                    std::string_view{"already_in_room"},
                                    std::string_view{"no_such_room"},
                                    std::string_view{"wrong_password"},
                                    std::string_view{"invalid_token"},
                                    std::string_view{"token_revoked"},
                                    std::string_view{"room_full"},
                                    std::string_view{"server_full"},
                                    std::string_view{"too_many_peers"},
                                    std::string_view{"invalid_request"},
                                    std::string_view{"rate_limited"},
                                    std::string_view{"busy"}};
};
static_assert(EnumNames<protocol::ErrorCode>::value.size() ==
              static_cast<std::size_t>(protocol::ErrorCode::busy) + 1);
template <>
struct EnumNames<protocol::ByeReason> {
  static constexpr std::array value{std::string_view{"version_mismatch"},
                                    std::string_view{"handshake_timeout"},
                                    std::string_view{"too_many_bad_messages"},
                                    std::string_view{"too_many_peers"},
                                    std::string_view{"removed"},
                                    std::string_view{"server_shutdown"},
                                    std::string_view{"room_deleted"}};
};

}  // namespace accord
