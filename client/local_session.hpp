// Solo play, in-process: the room engine a server room runs (engine/room_engine.hpp) built from
// the scenario, the player's seat, on every seat the bot a server room seats
// (bots::negotiator_seat: it plays while no delegation holds the seat, on its own seat's view,
// at its own pace), the player as the room's facilitator, and the client's view kept as a
// ClientView of its seat's filtered stream. The session owns the time: the engine runs it
// forward as real time passes, scaled by time_scale.
#pragma once

#include <deque>
#include <memory>
#include <string>
#include <vector>

#include "bots/talk.hpp"
#include "content/content.hpp"
#include "core/host.hpp"
#include "engine/room_engine.hpp"
#include "session.hpp"

namespace accord::client {

enum class Difficulty { easy, normal, hard };
std::optional<Difficulty> difficulty_from_name(std::string_view name);

struct SoloConfig {
  std::string scenario;   // content id; empty: the first scenario
  std::size_t seats = 0;  // 0: min(8, the scenario's seats)
  Difficulty difficulty = Difficulty::normal;
  std::string state;  // the state to play; empty: the first seat
  std::uint64_t seed = 1;
  double time_scale = 1.0;
  std::string timer_preset = "class45";
  std::string player_name = "Player";
  bool start_now = false;  // skip the lobby
  // What the bots say in the plenary (bots::load_phrasebook); null: they keep silent.
  std::shared_ptr<const bots::Phrasebook> phrases;
};

class LocalSession final : public Session {
 public:
  // nullptr and `error` when the scenario, seat count or state does not exist. The bots read
  // the content's clause catalogue: it must outlive the session.
  static std::unique_ptr<LocalSession> create(const content::ContentCatalogue& content,
                                              const SoloConfig& config, std::string* error);

  void post(const Command& command) override;
  bool can_facilitate() const override { return true; }
  void post_facilitator(const Command& command) override;
  bool poll(double real_ms) override;
  const Match& view() const override { return own_.view(); }
  const Match* public_view() const override { return &public_.view(); }
  std::optional<SeatIndex> seat() const override;
  ParticipantId participant() const override { return player_; }
  TimeMs now() const override { return engine_.now(); }
  double real_ms_until_next_event() const override;
  const std::optional<Rejection>& last_rejection() const override { return rejection_; }
  void clear_rejection() override { rejection_.reset(); }
  ConnectionState connection() const override { return ConnectionState::local; }
  const std::string& scenario_id() const override { return scenario_; }

  double time_scale() const { return time_scale_; }
  void set_time_scale(double scale) { time_scale_ = scale; }
  // Commands the bots sent that the rules refused (they should not happen; for tests).
  int bot_rejections() const { return bot_rejections_; }
  int bot_commands() const { return bot_commands_; }
  const MatchHost& host() const { return engine_.host(); }
  // Solo: the player runs the room, so the room's own settings are the facilitator's.
  const MatchSettings* facilitator_settings() const override { return &engine_.match().settings; }

 private:
  class Router;

  LocalSession(const LogHeader& header, std::string scenario, const SoloConfig& config);
  // Whether the rules accepted it.
  bool submit(const Actor& actor, const Command& command, bool from_player);
  void route(const MatchHost::Outcome& outcome);
  void follow_player_seat();
  bool drain();

  engine::RoomEngine engine_;
  std::string scenario_;
  Viewer own_viewer_;
  ClientView own_;
  ClientView public_;
  std::deque<StreamItem> own_inbox_, public_inbox_;
  ParticipantId player_ = 0;
  double carry_ms_ = 0;
  double time_scale_ = 1.0;
  std::optional<Rejection> rejection_;
  bool changed_ = false;
  int bot_rejections_ = 0;
  int bot_commands_ = 0;
};

}  // namespace accord::client
