// A match played through a server: the headless client library (shared/net) on its own
// network thread, so a frame never waits on the network. The thread connects, creates or joins
// the room, sends the commands the screens post, keeps the views with the shared apply, pings
// for the room's clock, and reconnects by itself with the reconnect token when the connection
// drops (attempt n shown by the status bar). After every change it publishes a copy of the
// views and wakes the UI through `wake` (an SDL event), and the UI picks the copy up in poll().
//
// Besides the main connection, a session may hold a facilitator connection (solo play: the
// player also runs the room) and a projector connection (hosts: the public view for the
// classroom screen).
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "protocol/messages.hpp"
#include "session.hpp"

namespace accord::client {

struct NetworkPlan {
  enum class Kind {
    join,         // a room by its code (player, spectator or projector)
    host,         // create a room and run it as its facilitator
    quick_match,  // a public room of the scenario, or a new one
    rejoin,       // a room we were in, with the saved reconnect token
    solo,         // create a room with bots, run it, and play a seat in it
  };
  Kind kind = Kind::join;
  std::string host = "127.0.0.1";
  std::uint16_t port = 7878;
  std::string name;                                          // display name
  std::string code;                                          // join, rejoin
  std::string room_password;                                 // join
  protocol::ClientRole role = protocol::ClientRole::player;  // join
  std::string token;                                         // rejoin
  protocol::CreateRoom create;                               // host, solo
  std::string scenario;                                      // quick match
  std::string state;                                         // solo: the state whose seat to take
  bool start_now = false;                                    // solo: skip the lobby
  double time_scale = 1.0;  // the server's clock speed (an embedded server for demos)
  // The server key to expect (a fingerprint or the full hex key: from a join link, LAN
  // discovery or the key saved the first time). Empty: trust the first key, then keep to it.
  std::string server_pin;
};

// What a client should keep to come back to a match after a restart.
struct SavedSeat {
  std::string host;
  std::uint16_t port = 0;
  std::string code;
  std::string token;
};

// "host", "host:port" or "[v6]:port", each optionally followed by "#" and the server's key
// fingerprint (a join link); nullopt when the port is not a number in 1..65535.
struct ServerAddress {
  std::string host;
  std::uint16_t port = 0;
  std::string pin;  // after "#": what the server's key must match
};
std::optional<ServerAddress> parse_server_address(std::string_view text,
                                                  std::uint16_t default_port = 7878);

class NetworkSession final : public Session {
 public:
  NetworkSession(NetworkPlan plan, std::function<void()> wake);
  ~NetworkSession() override;
  NetworkSession(const NetworkSession&) = delete;
  NetworkSession& operator=(const NetworkSession&) = delete;

  void post(const Command& command) override;
  bool can_facilitate() const override;
  const MatchSettings* facilitator_settings() const override;
  void post_facilitator(const Command& command) override;
  bool poll(double real_ms) override;
  std::string server_fingerprint() const override;
  // The key the server presented (64 hex digits), once connected: what trust on first use saves.
  std::string server_key_hex() const;
  const Match& view() const override { return *ui_.view; }
  const Match* public_view() const override { return ui_.public_view.get(); }
  std::optional<SeatIndex> seat() const override { return ui_.seat; }
  ParticipantId participant() const override { return ui_.participant; }
  TimeMs now() const override;
  double real_ms_until_next_event() const override;
  const std::optional<Rejection>& last_rejection() const override { return rejection_; }
  void clear_rejection() override { rejection_.reset(); }
  ConnectionState connection() const override { return ui_.state; }
  const std::string& scenario_id() const override { return ui_.scenario; }
  const ReplayRecording* recording() const override { return &own_recording_; }
  const ReplayRecording* public_recording() const override;
  std::string room_code() const override { return ui_.code; }
  int reconnect_attempt() const override { return ui_.attempt; }
  std::string problem() const override { return ui_.problem; }
  std::vector<std::string> caretaker_report() const override { return report_; }
  void clear_caretaker_report() override { report_.clear(); }
  bool can_manage_room() const override { return ui_.facilitator && !ui_.code.empty(); }
  void rematch() override;
  void delete_room() override;

  bool in_room() const { return ui_.in_room; }
  // The room's content (JSON bundle) when it differs from what the client asked to have.
  const std::string& content_hash() const { return ui_.content_hash; }
  std::string room_content() const;
  // Where to come back to this seat; empty host before joining.
  SavedSeat saved_seat() const;
  const NetworkPlan& plan() const { return plan_; }

  // Tests: the main connection drops as if the network went away.
  void drop_connection_for_test() { drop_requested_.store(true); }

 private:
  struct Shared {
    std::shared_ptr<const Match> view = std::make_shared<Match>();
    std::shared_ptr<const Match> public_view;
    // Solo: the facilitator connection's settings (the inject library a seat's view lacks).
    std::shared_ptr<const MatchSettings> facilitator_settings;
    std::optional<SeatIndex> seat;
    ParticipantId participant = kNoParticipant;
    ConnectionState state = ConnectionState::connecting;
    int attempt = 0;
    std::string problem, scenario, code, token, content_hash;
    std::string server_key;  // hex, once the first connection has heard it
    bool in_room = false, facilitator = false;
    bool public_is_main = false;  // a projector connection: its own stream is the public one
    TimeMs room_clock = 0;
    std::chrono::steady_clock::time_point room_clock_heard{};
  };
  struct Outgoing {
    bool as_facilitator = false;
    Command command;
  };

  void run();
  void publish(const std::function<void(Shared&)>& change);

  NetworkPlan plan_;
  std::function<void()> wake_;
  // The network thread's and the UI's copies; `shared_` is the hand-over under `mutex_`.
  mutable std::mutex mutex_;
  Shared shared_;
  std::vector<Outgoing> outbox_;
  std::vector<protocol::ClientMessage> room_requests_;  // rematch, delete: as the facilitator
  std::vector<Rejection> rejections_;
  std::vector<std::string> reports_;
  std::map<std::string, std::string> contents_;  // content hash → bundle
  std::uint64_t version_ = 0;
  // The streams as the network thread applied them, not yet handed to the UI's recordings.
  std::vector<ReplayRecording::Step> own_steps_, public_steps_;

  Shared ui_;
  std::uint64_t seen_version_ = 0;
  std::optional<Rejection> rejection_;
  std::vector<std::string> report_;
  ReplayRecording own_recording_, public_recording_;

  std::atomic<bool> stop_{false};
  std::atomic<bool> drop_requested_{false};
  std::thread thread_;
};

}  // namespace accord::client
