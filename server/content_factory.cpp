// The server's RoomFactory over the content catalogue (shared/content): scenarios, states and
// the clause library from assets/. Built only when the accord_content library exists.
#include <spdlog/spdlog.h>

#include "room_factory.hpp"

#ifdef ACCORD_HAVE_CONTENT
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "bots/simple_bot.hpp"
#include "bots/support.hpp"
#include "content/content.hpp"
#endif

namespace accord::server {

#ifdef ACCORD_HAVE_CONTENT
namespace {

// The asset files as one JSON document, {"files": [{"name", "text"}]}: what a client needs to
// build the same catalogue (content::build_content) and check its hash.
std::string bundle_assets(const std::filesystem::path& dir) {
  nlohmann::json files = nlohmann::json::array();
  std::vector<std::filesystem::path> paths;
  for (const char* sub : {"clauses", "scoring", "states", "scenarios"}) {
    if (!std::filesystem::is_directory(dir / sub)) continue;
    for (const auto& entry : std::filesystem::directory_iterator(dir / sub))
      if (entry.path().extension() == ".json") paths.push_back(entry.path());
  }
  std::sort(paths.begin(), paths.end());
  for (const auto& path : paths) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    files.push_back(
        {{"name", std::filesystem::relative(path, dir).generic_string()}, {"text", text.str()}});
  }
  return nlohmann::json{{"files", files}}.dump();
}

class SimpleSeatBot final : public SeatBot {
 public:
  explicit SimpleSeatBot(bots::SimpleBot bot) : bot_(std::move(bot)) {}
  std::optional<Command> next_command(const Match& seat_view) override {
    return bot_.next_command(seat_view);
  }

 private:
  bots::SimpleBot bot_;
};

class ContentRoomFactory final : public RoomFactory {
 public:
  ContentRoomFactory(content::ContentCatalogue catalogue, std::string bundle)
      : catalogue_(std::move(catalogue)), bundle_(std::move(bundle)) {}

  RoomSpecResult make(std::string_view scenario, std::uint32_t seats,
                      std::string_view timer_preset) const override {
    RoomSpecResult result;
    const auto* found = catalogue_.scenario(scenario);
    if (found == nullptr) {
      result.field = "scenario";
      result.error = "There is no scenario '" + std::string(scenario) + "'.";
      return result;
    }
    auto made = content::make_match_settings(catalogue_, scenario, seats, timer_preset);
    if (!made) {
      result.field = found->preset(timer_preset) == nullptr ? "timer_preset" : "seats";
      result.error = made.error;
      return result;
    }
    result.spec = RoomSpec{made.setup->header, bundle_};
    return result;
  }
  std::uint32_t quick_match_seats(std::string_view scenario) const override {
    const auto* found = catalogue_.scenario(scenario);
    return found ? static_cast<std::uint32_t>(std::min<std::size_t>(found->seats.size(), 6)) : 4;
  }
  std::string quick_match_preset(std::string_view scenario) const override {
    const auto* found = catalogue_.scenario(scenario);
    if (found == nullptr || found->timer_presets.empty()) return {};
    return found->timer_presets.back().id;  // the long online preset comes last
  }
  bool has_bots() const override { return true; }
  std::unique_ptr<SeatBot> make_bot(const Match& seat_view, SeatIndex seat, BotDuty duty,
                                    std::string_view difficulty) const override {
    if (difficulty != "easy" && difficulty != "normal" && difficulty != "hard") return nullptr;
    // An easy bot keeps to the caretaker's cautious play: it votes but does not table.
    const auto mode = duty == BotDuty::caretaker || difficulty == "easy" ? bots::BotMode::caretaker
                                                                         : bots::BotMode::play;
    return std::make_unique<SimpleSeatBot>(
        bots::SimpleBot(seat, bots::support_table(seat_view, seat, catalogue_.clauses()), mode));
  }

 private:
  content::ContentCatalogue catalogue_;
  std::string bundle_;
};

}  // namespace

std::unique_ptr<RoomFactory> make_content_factory(const std::string& asset_dir,
                                                  std::string* error) {
  auto loaded = content::load_content(asset_dir);
  if (!loaded.ok()) {
    if (error) {
      *error = std::to_string(loaded.errors.size()) + " error(s) in the assets";
      if (!loaded.errors.empty())
        *error += ", first: " + loaded.errors.front().file + " " + loaded.errors.front().path +
                  ": " + loaded.errors.front().problem;
    }
    return nullptr;
  }
  spdlog::info("content {} loaded: {} scenarios", loaded.catalogue->content_hash_hex(),
               loaded.catalogue->scenarios().size());
  return std::make_unique<ContentRoomFactory>(std::move(*loaded.catalogue),
                                              bundle_assets(asset_dir));
}

#else

std::unique_ptr<RoomFactory> make_content_factory(const std::string&, std::string* error) {
  if (error) *error = "this server was built without the scenario catalogue (shared/content)";
  return nullptr;
}

#endif

}  // namespace accord::server
