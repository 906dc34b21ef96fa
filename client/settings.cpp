#include "settings.hpp"

#include <SDL.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <system_error>

namespace accord::client {

void Settings::clamp() {
  scale_percent = std::clamp(scale_percent, kMinScale, kMaxScale);
  font_px = std::clamp(font_px, kMinFont, kMaxFont);
}

std::filesystem::path config_dir() {
  if (const char* xdg = std::getenv("XDG_CONFIG_HOME"); xdg && *xdg)
    return std::filesystem::path(xdg) / "cyber-accord";
  if (const char* home = std::getenv("HOME"); home && *home)
    return std::filesystem::path(home) / ".config" / "cyber-accord";
  std::filesystem::path dir;
  if (char* pref = SDL_GetPrefPath("CyberAccord", "cyber-accord")) {
    dir = pref;
    SDL_free(pref);
  }
  return dir;
}

std::filesystem::path settings_file() {
  return config_dir() / "settings.json";
}

Settings load_settings(const std::filesystem::path& file, std::string* error) {
  Settings s;
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    if (error) *error = "no settings file yet at " + file.string();
    return s;
  }
  std::stringstream buffer;
  buffer << in.rdbuf();
  const auto doc = nlohmann::json::parse(buffer.str(), nullptr, false);
  if (doc.is_discarded() || !doc.is_object()) {
    if (error) *error = file.string() + " is not a JSON object; using the defaults";
    return s;
  }
  const auto int_field = [&](const char* key, int& out) {
    if (const auto it = doc.find(key); it != doc.end() && it->is_number_integer()) {
      const auto v = it->get<std::int64_t>();
      out = static_cast<int>(std::clamp<std::int64_t>(v, -100000, 100000));
    }
  };
  int_field("scale_percent", s.scale_percent);
  int_field("font_px", s.font_px);
  if (const auto it = doc.find("high_contrast"); it != doc.end() && it->is_boolean())
    s.high_contrast = it->get<bool>();
  const auto string_field = [&](const char* key, std::string& out) {
    if (const auto it = doc.find(key); it != doc.end() && it->is_string())
      out = it->get<std::string>().substr(0, 256);
  };
  string_field("server_address", s.server_address);
  string_field("player_name", s.player_name);
  if (const auto it = doc.find("unfinished_match"); it != doc.end() && it->is_object()) {
    const auto& m = *it;
    const auto text = [&](const char* key) {
      const auto f = m.find(key);
      return f != m.end() && f->is_string() ? f->get<std::string>().substr(0, 256) : std::string();
    };
    s.unfinished.host = text("host");
    s.unfinished.code = text("code");
    s.unfinished.token = text("token");
    if (const auto here = m.find("hosted_here"); here != m.end() && here->is_boolean())
      s.unfinished.hosted_here = here->get<bool>();
    if (const auto port = m.find("port"); port != m.end() && port->is_number_unsigned())
      s.unfinished.port =
          static_cast<std::uint16_t>(std::min<std::uint64_t>(port->get<std::uint64_t>(), 65535));
  }
  if (const auto it = doc.find("server_keys"); it != doc.end() && it->is_object())
    for (const auto& [address, key] : it->items())
      if (key.is_string() && key.get<std::string>().size() == 64 && address.size() <= 300 &&
          s.server_keys.size() < 256)
        s.server_keys[address] = key.get<std::string>();
  s.clamp();
  return s;
}

bool save_settings(const Settings& settings, const std::filesystem::path& file,
                   std::string* error) {
  std::error_code ec;
  std::filesystem::create_directories(file.parent_path(), ec);
  nlohmann::json doc = {{"scale_percent", settings.scale_percent},
                        {"high_contrast", settings.high_contrast},
                        {"font_px", settings.font_px},
                        {"server_address", settings.server_address},
                        {"player_name", settings.player_name}};
  if (!settings.unfinished.token.empty())
    doc["unfinished_match"] = {{"host", settings.unfinished.host},
                               {"port", settings.unfinished.port},
                               {"code", settings.unfinished.code},
                               {"token", settings.unfinished.token},
                               {"hosted_here", settings.unfinished.hosted_here}};
  if (!settings.server_keys.empty()) doc["server_keys"] = settings.server_keys;
  const auto tmp = file.string() + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) {
      if (error) *error = "cannot write " + tmp;
      return false;
    }
    out << doc.dump(2) << '\n';
  }
  std::filesystem::rename(tmp, file, ec);
  if (ec) {
    if (error) *error = "cannot replace " + file.string() + ": " + ec.message();
    return false;
  }
  return true;
}

}  // namespace accord::client
