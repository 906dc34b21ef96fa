// The App's session flow: starting a solo match (through an embedded server on a loopback port,
// or in-process for --screen captures) or a network session (joining, hosting here, rejoining),
// following a networked session into its room and out of it, leaving a match, switching screens
// as the phase changes, and handling what the screens requested in the last frame.
#include <algorithm>
#include <cstdio>
#include <future>
#include <memory>
#include <string>

#include "app_internal.hpp"
#include "bots/seat_bots.hpp"
#include "nlohmann/json.hpp"

namespace accord::client {

Screen screen_for_phase(Phase p) {
  switch (p) {
    case Phase::lobby:
      return Screen::lobby;
    case Phase::briefing:
      return Screen::briefing;
    case Phase::drafting:
      return Screen::drafting;
    case Phase::clause_voting:
    case Phase::final_vote:
      return Screen::voting;
    case Phase::debrief:
      return Screen::debrief;
  }
  return Screen::briefing;
}

void App::start_solo(SoloConfig config) {
  forget_replays();
  config.player_name = strings_.get("solo.player_name");
  if (!target_) {
    // Solo play goes through the server code on a loopback port, bots on the other seats.
    std::string error;
    session_.reset();
    EmbeddedServerOptions options;
    options.asset_dir = asset_dir(opt_).string();
    options.time_scale = config.time_scale;
    embedded_ = EmbeddedServer::start(options, &error);
    if (!embedded_) {
      std::fprintf(stderr, "%s\n", strings_.fmt("error.server", {error}).c_str());
      ui_state_.home_error = strings_.fmt("error.server", {error});
      return;
    }
    NetworkPlan plan;
    plan.kind = NetworkPlan::Kind::solo;
    plan.port = embedded_->port();
    plan.server_pin = embedded_->public_key_hex();
    plan.name = config.player_name;
    plan.create.scenario =
        config.scenario.empty() ? content_->scenarios().front().id : config.scenario;
    const auto* scenario = content_->scenario(plan.create.scenario);
    plan.create.seats = static_cast<std::uint32_t>(
        config.seats != 0 ? config.seats
                          : std::min<std::size_t>(8, scenario ? scenario->seats.size() : 8));
    plan.create.timer_preset = config.timer_preset;
    plan.create.facilitator_password = std::to_string(config.seed) + "-solo-room";
    plan.create.fill_with_bots = true;
    static constexpr const char* kDifficulty[] = {"easy", "normal", "hard"};
    plan.create.bot_difficulty = kDifficulty[static_cast<int>(config.difficulty)];
    plan.create.allow_spectators = false;
    plan.state = config.state;
    plan.start_now = config.start_now;
    plan.time_scale = config.time_scale;
    start_network(plan, false);
    return;
  }
  // --screen captures: the whole match in-process on a fixed step, so each capture is the same;
  // the same bots as in a server room, talking from the same phrasebook.
  std::string error;
  std::string phrase_warning;
  config.phrases = bots::load_phrasebook(asset_dir(opt_), &phrase_warning);
  if (!phrase_warning.empty()) std::fprintf(stderr, "accord: %s\n", phrase_warning.c_str());
  session_ = LocalSession::create(*content_, config, &error);
  network_ = nullptr;
  if (!session_) {
    std::fprintf(stderr, "accord: %s\n", error.c_str());
    screen_ = Screen::home;
    ui_state_.home_error = error;
    return;
  }
  last_phase_.reset();
  ui_state_ = UiState{};
  if (opt_.autoplay || target_)
    autopilot_.emplace(content_->clauses(), strings_, static_cast<bool>(target_) || opt_.autoplay);
  follow_phase();
}

void App::start_network(NetworkPlan plan, bool host_here) {
  forget_replays();
  if (host_here) {
    std::string error;
    session_.reset();
    EmbeddedServerOptions options;
    options.asset_dir = asset_dir(opt_).string();
    options.bind = "0.0.0.0";
    options.port = plan.port;
    options.discovery = true;
    options.server_name = strings_.get("app.title");
    // Rooms hosted here survive the computer restarting: rejoin resumes them.
    options.data_dir = (config_dir() / "server-data").string();
    embedded_ = EmbeddedServer::start(options, &error);
    if (!embedded_) {
      ui_state_.home_error = strings_.fmt("error.server", {error});
      return;
    }
    plan.host = "127.0.0.1";
    plan.port = embedded_->port();
    plan.server_pin = embedded_->public_key_hex();
  } else if (plan.server_pin.empty()) {
    // Trust on first use: the key this address presented before, if it did.
    const auto known = settings_.server_keys.find(plan.host + ":" + std::to_string(plan.port));
    if (known != settings_.server_keys.end()) plan.server_pin = known->second;
  }
  if (plan.kind != NetworkPlan::Kind::solo && plan.kind != NetworkPlan::Kind::rejoin) {
    settings_.player_name = ui_state_.name;
    if (!host_here) settings_.server_address = plan.host + ":" + std::to_string(plan.port);
    if (!target_) save_settings(settings_, settings_file());
  }
  const Uint32 wake_type = wake_event_;
  auto session = std::make_unique<NetworkSession>(std::move(plan), [wake_type] {
    SDL_Event wake{};
    wake.type = wake_type;
    SDL_PushEvent(&wake);  // thread-safe: the UI thread wakes and draws the change
  });
  network_ = session.get();
  session_ = std::move(session);
  entered_room_ = false;
  room_content_.reset();
  last_phase_.reset();
  const auto keep = ui_state_;
  ui_state_ = UiState{};
  ui_state_.server_address = keep.server_address;
  ui_state_.name = keep.name;
  if (opt_.autoplay) autopilot_.emplace(content_->clauses(), strings_, true);
  screen_ = opt_.projector ? Screen::projector : Screen::lobby;
}

// Builds the room's content from the bundle the server sent, when it is not ours.
void App::adopt_room_content(const NetworkSession& net) {
  if (net.content_hash().empty() || net.content_hash() == content_->content_hash_hex()) return;
  const std::string bundle = net.room_content();
  if (bundle.empty()) return;
  auto doc = nlohmann::json::parse(bundle, nullptr, false);
  if (!doc.is_object() || !doc.contains("files") || !doc["files"].is_array()) return;
  std::vector<scoring::AssetFile> files;
  for (const auto& file : doc["files"]) {
    if (!file.is_object() || !file.contains("name") || !file.contains("text")) continue;
    if (!file["name"].is_string() || !file["text"].is_string()) continue;
    files.push_back(
        scoring::AssetFile{file["name"].get<std::string>(), file["text"].get<std::string>()});
  }
  auto built = content::build_content(std::move(files));
  if (built.ok()) room_content_ = std::move(built.catalogue);
}

// A networked session's progress: into the room (remember the seat for a rejoin), out of it
// before getting in (back home with the reason), to the debrief (nothing left to rejoin).
void App::follow_network() {
  if (network_ == nullptr) return;
  // A solo match's server lives only as long as the client: nothing to come back to.
  const bool remembered = network_->plan().kind != NetworkPlan::Kind::solo;
  if (network_->in_room() && !entered_room_) {
    entered_room_ = true;
    adopt_room_content(*network_);
    // Trust on first use: the key of a server this computer had not met is kept for next time.
    const std::string address = network_->plan().host + ":" + std::to_string(network_->plan().port);
    if (remembered && embedded_ == nullptr && !target_ && !network_->server_key_hex().empty() &&
        settings_.server_keys.emplace(address, network_->server_key_hex()).second)
      save_settings(settings_, settings_file());
    const SavedSeat seat = network_->saved_seat();
    if (remembered && !seat.token.empty() && !target_) {
      settings_.unfinished = {seat.host, seat.port, seat.code, seat.token, embedded_ != nullptr};
      save_settings(settings_, settings_file());
    }
  }
  if (!network_->in_room() && network_->connection() == ConnectionState::lost) {
    const std::string why = network_->problem();
    std::fprintf(stderr, "%s\n", strings_.fmt("cli.could_not_join", {why}).c_str());
    if (network_->plan().kind == NetworkPlan::Kind::rejoin) {
      settings_.unfinished = {};
      if (!target_) save_settings(settings_, settings_file());
    }
    leave_match();
    ui_state_.home_error = why;
    if (opt_.autoplay || !opt_.join.empty() || opt_.quick_match_given) {
      quit_ = true;
      exit_code_ = 1;
    }
    return;
  }
  if (entered_room_ && session_->view().phase == Phase::debrief &&
      !settings_.unfinished.token.empty() && settings_.unfinished.code == network_->room_code()) {
    settings_.unfinished = {};
    if (!target_) save_settings(settings_, settings_file());
  }
}

void App::leave_match() {
  if (network_ && network_->in_room() && session_->view().phase == Phase::lobby &&
      session_->participant() != kNoParticipant) {
    session_->post(LeaveMatch{});  // free the seat for someone else
    if (settings_.unfinished.code == network_->room_code()) {
      settings_.unfinished = {};
      if (!target_) save_settings(settings_, settings_file());
    }
  }
  session_.reset();
  network_ = nullptr;
  embedded_.reset();
  room_content_.reset();
  autopilot_.reset();
  forget_replays();
  screen_ = Screen::home;
}

// The replay panels hold a replay built from the session's recording: a new session starts
// them afresh.
void App::forget_replays() {
  ui_state_.replay = {};
  ui_state_.public_replay = {};
  ui_state_.replay_tab = false;
}

void App::follow_phase() {
  if (!session_) return;
  const Phase phase = session_->view().phase;
  if (last_phase_ != phase) {
    last_phase_ = phase;
    screen_ = opt_.projector ? Screen::projector : screen_for_phase(phase);
  }
}

void App::handle_requests() {
  Requests r = std::move(requests_);
  requests_ = Requests{};
  if (r.quit) quit_ = true;
  redraw_within_ms_ = r.redraw_within_ms;
  if (r.leave_match) leave_match();
  if (r.search_lan && !lan_search_.valid()) {
    ui_state_.searching_lan = true;
    lan_search_ = std::async(std::launch::async, [] {
      return net::discover_servers("255.255.255.255", protocol::kDefaultDiscoveryPort, 800);
    });
  }
  if (r.rejoin && !settings_.unfinished.token.empty()) {
    NetworkPlan plan;
    plan.kind = NetworkPlan::Kind::rejoin;
    plan.host = settings_.unfinished.host;
    plan.port = settings_.unfinished.port;
    plan.code = settings_.unfinished.code;
    plan.token = settings_.unfinished.token;
    start_network(plan, settings_.unfinished.hosted_here);
  }
  if (r.start_network) start_network(*r.start_network, r.host_here);
  if (r.settings_changed && ui_state_.editing) {
    settings_ = *ui_state_.editing;
    settings_.clamp();
    if (!target_) save_settings(settings_, settings_file());
    fonts_dirty_ = true;
  }
  if (r.start_solo) start_solo(*r.start_solo);
  if (r.go) screen_ = *r.go;
}

}  // namespace accord::client
