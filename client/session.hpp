// What the screens talk to: post a command, poll the stream, read the current view and the last
// rejection. LocalSession runs the match in-process; the networked client (and the embedded
// loopback server for solo play) will implement the same interface.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/commands.hpp"
#include "core/model.hpp"
#include "replay_recording.hpp"

namespace accord::client {

enum class ConnectionState { local, connecting, connected, reconnecting, lost };

// Who a command goes out as: this client's participant (post) or the room's facilitator
// (post_facilitator).
enum class SendAs { participant, facilitator };

class Session {
 public:
  virtual ~Session() = default;

  // Sends a command as this client's participant. The answer arrives through the stream (the
  // view changes) or as last_rejection().
  virtual void post(const Command& command) = 0;
  // Facilitator commands (pause, resume, extend, advance), when this client runs the room.
  virtual bool can_facilitate() const = 0;
  virtual void post_facilitator(const Command& command) = 0;

  // Whether the rules would accept `command` from this client now: `decide` run on this client's
  // own view, as its participant or as the facilitator, at the session's clock (what a bot does
  // with its seat's view). nullopt: accepted; otherwise the rules' own rejection, whose message
  // a disabled button shows. The server decides again on the full match when it arrives.
  std::optional<Rejection> refusal(const Command& command, SendAs as = SendAs::participant) const;
  bool allows(const Command& command, SendAs as = SendAs::participant) const {
    return !refusal(command, as);
  }
  // post() or post_facilitator().
  void send(const Command& command, SendAs as = SendAs::participant);

  // Advances the session by `real_ms` of wall-clock time and applies the stream items that
  // arrived. True when the view (or the rejection) changed.
  virtual bool poll(double real_ms) = 0;

  // This seat's view: only what the seat may see (built from its filtered stream).
  virtual const Match& view() const = 0;
  // The public view (spectators, the projector), when the session has one.
  virtual const Match* public_view() const = 0;
  virtual std::optional<SeatIndex> seat() const = 0;
  virtual ParticipantId participant() const = 0;
  // The match clock now, for timers.
  virtual TimeMs now() const = 0;
  // Real milliseconds until something happens by itself (a bot moves, a deadline passes);
  // the UI sleeps at most this long.
  virtual double real_ms_until_next_event() const = 0;

  virtual const std::optional<Rejection>& last_rejection() const = 0;
  virtual void clear_rejection() = 0;
  virtual ConnectionState connection() const = 0;
  // The scenario being played (content id), for the briefing and the historical outcome.
  virtual const std::string& scenario_id() const = 0;
  // What this client applied since it opened its streams, for the debrief's replay: its own
  // view's stream, and the public one (the projector's) when the session has a public view.
  virtual const ReplayRecording* recording() const { return nullptr; }
  virtual const ReplayRecording* public_recording() const { return nullptr; }
  // The match's settings as the facilitator sees them (the inject library and schedule, which a
  // seat's view leaves out); null for a session that cannot facilitate.
  virtual const MatchSettings* facilitator_settings() const {
    return can_facilitate() ? &view().settings : nullptr;
  }

  // ---- networked sessions (a local session keeps the defaults)
  // The room's join code; empty for a local solo match.
  virtual std::string room_code() const { return {}; }
  // The server's key fingerprint ("xxxx-xxxx-xxxx"), for people to compare; empty when local.
  virtual std::string server_fingerprint() const { return {}; }
  // While reconnecting: the attempt under way (1, 2, ...).
  virtual int reconnect_attempt() const { return 0; }
  // Why the session could not connect or was lost, in a sentence.
  virtual std::string problem() const { return {}; }
  // What the caretaker bot did while this seat's delegation was away (empty: nothing to show).
  virtual std::vector<std::string> caretaker_report() const { return {}; }
  virtual void clear_caretaker_report() {}
  // The facilitator of a room on a server: start a new match in the same room (at the
  // debrief), or delete the room and all its data.
  virtual bool can_manage_room() const { return false; }
  virtual void rematch() {}
  virtual void delete_room() {}
};

// The participant id of a session that is not a participant (a facilitator, a projector).
inline constexpr ParticipantId kNoParticipant = ~ParticipantId{0};

}  // namespace accord::client
