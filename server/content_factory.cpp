// The server's RoomFactory over the content catalogue (shared/content): scenarios, states and
// the clause library from assets/. Built only when the accord_content library exists.
#include <spdlog/spdlog.h>

#include "room_factory.hpp"

#ifdef ACCORD_HAVE_CONTENT
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "bots/bot.hpp"
#include "bots/seat_bots.hpp"
#include "bots/talk.hpp"
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

class ContentRoomFactory final : public RoomFactory {
 public:
  ContentRoomFactory(content::ContentCatalogue catalogue, std::string bundle,
                     std::shared_ptr<const bots::Phrasebook> phrases)
      : catalogue_(std::move(catalogue)),
        bundle_(std::move(bundle)),
        phrases_(std::move(phrases)) {}

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
    const auto level = bots::difficulty_from_name(difficulty);
    const std::uint64_t seed = seed_ += 0x9e3779b97f4a7c15ULL;  // each bot its own mistakes
    if (duty == BotDuty::caretaker)                             // it keeps the room's pace
      return bots::caretaker_seat(seat_view, seat, catalogue_.clauses(),
                                  level.value_or(bots::Difficulty::normal), seed);
    if (!level) return nullptr;
    return bots::negotiator_seat(seat_view, seat, catalogue_.clauses(), *level, seed, phrases_);
  }

 private:
  content::ContentCatalogue catalogue_;
  std::string bundle_;
  std::shared_ptr<const bots::Phrasebook> phrases_;
  mutable std::uint64_t seed_ = 0x5eed;
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
  std::string warning;
  auto phrases = bots::load_phrasebook(asset_dir, &warning);
  if (!warning.empty()) spdlog::warn("{}", warning);
  spdlog::info("content {} loaded: {} scenarios", loaded.catalogue->content_hash_hex(),
               loaded.catalogue->scenarios().size());
  return std::make_unique<ContentRoomFactory>(std::move(*loaded.catalogue),
                                              bundle_assets(asset_dir), phrases);
}

#else

std::unique_ptr<RoomFactory> make_content_factory(const std::string&, std::string* error) {
  if (error) *error = "this server was built without the scenario catalogue (shared/content)";
  return nullptr;
}

#endif

}  // namespace accord::server
