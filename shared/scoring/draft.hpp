// A draft code to score: its clauses (catalogue references or free text), the weight preset
// and, once voted, the vote record.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "scoring/criteria.hpp"

namespace accord::scoring {

struct DraftClause {
  std::string ref;   // a catalogue reference such as "36r"; empty for a free-text clause
  std::string text;  // the free text, analysed when `ref` is empty
  // Reserved for the facilitator's tag override of a free-text clause (rules issue): when
  // set, these points replace the analyzer's.
  std::optional<Points> facilitator_points;

  static DraftClause of_ref(std::string r) { return {std::move(r), {}, std::nullopt}; }
  static DraftClause of_text(std::string t) { return {{}, std::move(t), std::nullopt}; }
};

// The vote that adopted the draft. Seats recorded as not voting count as absent: they appear
// in no share. A draft adopted without a vote counts every occupied seat in favour.
struct VoteRecord {
  bool without_vote = false;
  int occupied_seats = 0;  // without_vote: the seats taken in the room (for the explanation)
  int yes = 0;
  int no = 0;
  int abstain = 0;
  int not_voting = 0;
  int blocs_in_favour = 0;  // blocs in which a majority of members voted yes
  int blocs_total = 0;      // blocs in the game; 0 with without_vote means "all in favour"
};

struct Draft {
  std::string title;
  std::string preset;  // empty: the catalogue's default preset
  std::vector<DraftClause> clauses;
  std::optional<VoteRecord> vote;  // empty: not yet voted
};

// A problem with a draft, named by the JSON path of the field at fault
// ("/clauses/2/ref", "/vote/no") or, for a plain-text file, "line 3".
struct DraftError {
  std::string path;
  std::string problem;
  std::string describe() const { return (path.empty() ? std::string("/") : path) + ": " + problem; }
};

}  // namespace accord::scoring
