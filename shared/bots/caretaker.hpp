// What a caretaker did while a delegation was away, for the hand-back: the caller records each
// command the caretaker sent (with the view it was decided on), and summary() gives a few
// plain lines, grouped, e.g. "Voted yes on clause 24 (Points of contact) and clause 29."
#pragma once

#include <string>
#include <vector>

#include "core/commands.hpp"

namespace accord::bots {

// One plain sentence for one command, e.g. "Voted no on clause 38 (Content restrictions)."
std::string describe_command(const Match& view, const Command& command);

class CaretakerLog {
 public:
  void record(const Match& view, const Command& command);
  // Grouped lines in the order the kinds first happened; "Nothing needed doing." when empty.
  std::vector<std::string> summary() const;
  std::size_t size() const { return count_; }

 private:
  struct Group {
    std::string lead;                 // "Voted yes on", "Declined"
    std::vector<std::string> things;  // "clause 24", "a deal offered by Brazil"
  };
  std::vector<Group> groups_;
  std::size_t count_ = 0;
};

// The same summary from a list of (view, command) already sent.
std::vector<std::string> caretaker_summary(const std::vector<std::pair<Match, Command>>& sent);

}  // namespace accord::bots
