// The player's settings: UI scale, high contrast, font size. Saved as JSON in the user's config
// directory ($XDG_CONFIG_HOME/cyber-accord, else ~/.config/cyber-accord, else SDL's pref path).
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>

namespace accord::client {

struct Settings {
  static constexpr int kMinScale = 100;
  static constexpr int kMaxScale = 250;
  static constexpr int kMinFont = 12;
  static constexpr int kMaxFont = 28;

  int scale_percent = 100;
  bool high_contrast = false;
  int font_px = 17;                               // at 100 %; multiplied by the scale
  std::string server_address = "127.0.0.1:7878";  // for quick match and joining
  std::string player_name;
  // The seat of a match left unfinished (the laptop restarted, the window closed): its server,
  // room and reconnect token, so one click rejoins it.
  struct Unfinished {
    std::string host;
    std::uint16_t port = 0;
    std::string code, token;
    bool hosted_here = false;  // the server ran inside this client: start it again first
    friend bool operator==(const Unfinished&, const Unfinished&) = default;
  } unfinished;
  // Server keys trusted on first use: "host:port" → the key (64 hex digits). A server that
  // presents another key is refused until its entry is forgotten (Settings).
  std::map<std::string, std::string> server_keys;

  void clamp();
  friend bool operator==(const Settings&, const Settings&) = default;
};

std::filesystem::path config_dir();  // created on first save
std::filesystem::path settings_file();

// Defaults when the file is missing or unreadable (then `error` says why, if given).
Settings load_settings(const std::filesystem::path& file, std::string* error = nullptr);
bool save_settings(const Settings& settings, const std::filesystem::path& file,
                   std::string* error = nullptr);

}  // namespace accord::client
