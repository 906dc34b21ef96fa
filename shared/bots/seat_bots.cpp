#include "bots/seat_bots.hpp"

#include <fstream>
#include <sstream>

#include "bots/bot.hpp"
#include "bots/caretaker.hpp"
#include "bots/random_bot.hpp"
#include "bots/simple_bot.hpp"
#include "bots/support.hpp"
#include "bots/talk.hpp"

namespace accord::bots {
namespace {

class NegotiatorSeat final : public engine::SeatBot {
 public:
  explicit NegotiatorSeat(Bot bot) : bot_(std::move(bot)) {}
  std::optional<Command> next_command(const Match& seat_view, TimeMs now) override {
    return bot_.next_command(seat_view, now);
  }
  TimeMs think_ms() override { return bot_.think_ms(); }

 private:
  Bot bot_;
};

class CaretakerSeat final : public engine::SeatBot {
 public:
  CaretakerSeat(SimpleBot bot, ThinkTime think) : bot_(std::move(bot)), think_(think) {}
  std::optional<Command> next_command(const Match& seat_view, TimeMs) override {
    return bot_.next_command(seat_view);
  }
  TimeMs think_ms() override { return think_.think_ms(); }
  void accepted(const Match& seat_view, const Command& command) override {
    log_.record(seat_view, command);
  }
  std::vector<std::string> report() const override { return log_.summary(); }

 private:
  SimpleBot bot_;
  ThinkTime think_;
  CaretakerLog log_;
};

class RandomSeat final : public engine::SeatBot {
 public:
  RandomSeat(SeatIndex seat, std::uint64_t seed)
      : bot_(seat, seed), think_(default_pace(Difficulty::normal), seed * 1000003 + seat) {}
  std::optional<Command> next_command(const Match& seat_view, TimeMs now) override {
    return bot_.next_command(seat_view, now);
  }
  TimeMs think_ms() override { return think_.think_ms(); }

 private:
  RandomBot bot_;
  ThinkTime think_;
};

}  // namespace

std::unique_ptr<engine::SeatBot> negotiator_seat(const Match& seat_view, SeatIndex seat,
                                                 const scoring::ClauseCatalogue& catalogue,
                                                 Difficulty difficulty, std::uint64_t seed,
                                                 std::shared_ptr<const Phrasebook> phrases) {
  return std::make_unique<NegotiatorSeat>(
      make_room_bot(seat_view, seat, catalogue, difficulty, seed, std::move(phrases)));
}

std::unique_ptr<engine::SeatBot> caretaker_seat(const Match& seat_view, SeatIndex seat,
                                                const scoring::ClauseCatalogue& catalogue,
                                                Difficulty pace, std::uint64_t seed) {
  return std::make_unique<CaretakerSeat>(
      SimpleBot(seat, support_table(seat_view, seat, catalogue), BotMode::caretaker),
      ThinkTime(default_pace(pace), seed));
}

std::unique_ptr<engine::SeatBot> random_seat(SeatIndex seat, std::uint64_t seed) {
  return std::make_unique<RandomSeat>(seat, seed);
}

std::shared_ptr<const Phrasebook> load_phrasebook(const std::filesystem::path& asset_dir,
                                                  std::string* warning) {
  std::ifstream in(asset_dir / "bots" / "phrases.json");
  if (!in) return nullptr;
  std::stringstream text;
  text << in.rdbuf();
  auto parsed = parse_phrasebook(text.str());
  if (!parsed.book) {
    if (warning) *warning = "bots/phrases.json: " + parsed.error + "; bots will not talk";
    return nullptr;
  }
  return std::make_shared<const Phrasebook>(std::move(*parsed.book));
}

}  // namespace accord::bots
