// What bots say: template sentences from assets/bots/*.json, filled with the clause, the seat
// and a reason. The bot picks a template with its own generator, so what it says is varied
// but reproducible. Parsing is pure (text in); reading the file is the caller's business.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/rng.hpp"

namespace accord::bots {

// Situations a bot speaks in (the keys of the "say" object in the file).
enum class Say : std::uint8_t {
  table_clause,    // plenary, after tabling
  support_clause,  // plenary, co-sponsoring or backing
  oppose_clause,   // plenary, before voting no
  amend,           // plenary, proposing a qualifier
  withdraw,        // plenary, withdrawing a clause that cannot pass
  final_yes,       // plenary, explaining its final vote
  final_no,
  deal_offer,  // bilateral
  deal_accept,
  deal_decline,
};

// Why (the keys of the "reasons" object): each sentence takes one, filled into {reason}.
enum class Reason : std::uint8_t {
  stance,      // its state's general outlook
  priority,    // one of its brief's priorities
  objective,   // it serves the delegation's goals (never says which: they are secret)
  red_line,    // crosses a red line
  qualifier,   // the qualified wording lifts the problem
  consensus,   // better some code than none
  trade,       // a fair exchange of support
  no_support,  // the room will not carry it
};

struct Phrasebook {
  std::map<std::string, std::vector<std::string>, std::less<>> say;
  std::map<std::string, std::vector<std::string>, std::less<>> reasons;
};

struct PhrasebookLoad {
  std::optional<Phrasebook> book;
  std::string error;  // names the JSON path at fault
};

// {"say": {"table_clause": ["...{state}...{clause}...{reason}"], ...},
//  "reasons": {"stance": ["..."], ...}}; every Say and Reason key needs one sentence at least.
PhrasebookLoad parse_phrasebook(std::string_view json_text);

struct SayWhat {
  std::string state;   // the speaker's state name
  std::string clause;  // "clause 24 (Points of contact)"
  std::string other;   // the other seat's state name, for bilateral lines
};

// One filled sentence; empty when the book has no template for it.
std::string phrase(const Phrasebook& book, Say say, Reason reason, const SayWhat& what, Pcg32& rng);

std::string_view say_key(Say say);
std::string_view reason_key(Reason reason);

}  // namespace accord::bots
