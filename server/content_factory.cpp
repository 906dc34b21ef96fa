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
#include "bots/caretaker.hpp"
#include "bots/simple_bot.hpp"
#include "bots/support.hpp"
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

// Holds an away delegation's seat: the cautious SimpleBot (votes only where the brief is
// clear, tables nothing, accepts no deal), keeping a log for the hand-back.
class CaretakerSeatBot final : public SeatBot {
 public:
  CaretakerSeatBot(bots::SimpleBot bot, bots::ThinkTime think)
      : bot_(std::move(bot)), think_(think) {}
  std::optional<Command> next_command(const Match& seat_view) override {
    return bot_.next_command(seat_view);
  }
  TimeMs think_ms() override { return think_.think_ms(); }
  void accepted(const Match& seat_view, const Command& command) override {
    log_.record(seat_view, command);
  }
  std::vector<std::string> report() const override { return log_.summary(); }

 private:
  bots::SimpleBot bot_;
  bots::ThinkTime think_;
  bots::CaretakerLog log_;
};

// Fills an empty seat: the negotiating bot at the room's difficulty (the server paces it).
class PlayingSeatBot final : public SeatBot {
 public:
  explicit PlayingSeatBot(bots::Bot bot) : bot_(std::move(bot)) {}
  std::optional<Command> next_command(const Match& seat_view) override {
    return bot_.next_command(seat_view);
  }
  TimeMs think_ms() override { return bot_.think_ms(); }

 private:
  bots::Bot bot_;
};

std::shared_ptr<const bots::Phrasebook> load_phrases(const std::filesystem::path& dir) {
  std::ifstream in(dir / "bots" / "phrases.json");
  if (!in) return nullptr;
  std::stringstream text;
  text << in.rdbuf();
  auto parsed = bots::parse_phrasebook(text.str());
  if (!parsed.book) {
    spdlog::warn("bots/phrases.json: {}; bots will not talk", parsed.error);
    return nullptr;
  }
  return std::make_shared<const bots::Phrasebook>(std::move(*parsed.book));
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
      return std::make_unique<CaretakerSeatBot>(
          bots::SimpleBot(seat, bots::support_table(seat_view, seat, catalogue_.clauses()),
                          bots::BotMode::caretaker),
          bots::ThinkTime(bots::default_pace(level.value_or(bots::Difficulty::normal)), seed));
    if (!level) return nullptr;
    return std::make_unique<PlayingSeatBot>(
        bots::make_room_bot(seat_view, seat, catalogue_.clauses(), *level, seed, phrases_));
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
  spdlog::info("content {} loaded: {} scenarios", loaded.catalogue->content_hash_hex(),
               loaded.catalogue->scenarios().size());
  return std::make_unique<ContentRoomFactory>(std::move(*loaded.catalogue),
                                              bundle_assets(asset_dir), load_phrases(asset_dir));
}

#else

std::unique_ptr<RoomFactory> make_content_factory(const std::string&, std::string* error) {
  if (error) *error = "this server was built without the scenario catalogue (shared/content)";
  return nullptr;
}

#endif

}  // namespace accord::server
