// --autoplay: a SimpleBot plays the client's own seat from the client's own view, through the
// same post() the screens use. With `facilitate`, it also runs the room the way a hurried
// facilitator would: starts the match and cuts the briefing short.
#pragma once

#include <optional>

#include "bots/simple_bot.hpp"
#include "i18n.hpp"
#include "scoring/catalogue.hpp"
#include "session.hpp"

namespace accord::client {

class Autopilot {
 public:
  Autopilot(const scoring::ClauseCatalogue& catalogue, const Strings& strings, bool facilitate)
      : catalogue_(catalogue), strings_(strings), facilitate_(facilitate) {}

  // Acts at most once per call and per think time. True when it posted something.
  bool step(Session& session);
  int commands() const { return commands_; }

 private:
  const scoring::ClauseCatalogue& catalogue_;
  const Strings& strings_;
  bool facilitate_;
  std::optional<bots::SimpleBot> bot_;
  TimeMs next_at_ = 0;
  std::optional<TimeMs> briefing_seen_at_;
  bool greeted_ = false;
  int commands_ = 0;
};

}  // namespace accord::client
