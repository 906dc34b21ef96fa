#include "bots/caretaker.hpp"

#include <algorithm>

namespace accord::bots {
namespace {

std::string clause_name(const Match& view, std::uint32_t id) {
  if (id >= view.clauses.size()) return "a clause";
  const auto& clause = view.clauses[id];
  return clause.ref.empty() ? "free-text clause " + std::to_string(id + 1) : "clause " + clause.ref;
}

std::string draft_name(const Match& view, std::uint32_t index) {
  if (index >= view.drafts.size()) return "a draft";
  return "the draft \"" + view.drafts[index].title + "\"";
}

std::string seat_name(const Match& view, SeatIndex seat) {
  return seat < view.settings.seats.size() ? view.settings.seats[seat].name
                                           : "seat " + std::to_string(seat + 1);
}

std::string join(const std::vector<std::string>& things) {
  std::string out;
  for (std::size_t i = 0; i < things.size(); ++i) {
    if (i > 0) out += i + 1 == things.size() ? " and " : ", ";
    out += things[i];
  }
  return out;
}

// The group a command falls in and what it was about.
std::pair<std::string, std::string> describe_parts(const Match& view, const Command& command) {
  if (const auto* ballot = std::get_if<CastBallot>(&command)) {
    std::string what;
    switch (ballot->on) {
      case VoteOn::clause:
        what = clause_name(view, ballot->target);
        break;
      case VoteOn::draft:
        what = draft_name(view, ballot->target);
        break;
      case VoteOn::starting_text:
        what = "the starting text of " + draft_name(view, ballot->target);
        break;
      case VoteOn::statement:
        what = ballot->target < view.statements.size()
                   ? "the emergency statement \"" + view.statements[ballot->target].text + "\""
                   : "an emergency statement";
        break;
    }
    switch (ballot->ballot) {
      case Ballot::yes:
        return {"Voted yes on", what};
      case Ballot::no:
        return {"Voted no on", what};
      case Ballot::abstain:
        return {"Abstained on", what};
    }
  }
  if (const auto* object = std::get_if<ObjectToAdoption>(&command))
    return {"Objected to adopting without a vote", draft_name(view, object->draft)};
  if (const auto* answer = std::get_if<AnswerDeal>(&command)) {
    const auto from = answer->deal < view.deals.size()
                          ? "a deal offered by " + seat_name(view, view.deals[answer->deal].from)
                          : std::string("a deal");
    return {answer->accept ? "Accepted" : "Declined", from};
  }
  if (const auto* cosponsor = std::get_if<Cosponsor>(&command))
    return {"Co-sponsored", clause_name(view, cosponsor->clause)};
  if (const auto* table = std::get_if<TableClause>(&command))
    return {"Tabled", table->ref.empty() ? "a free-text clause" : "clause " + table->ref};
  if (std::holds_alternative<SetReady>(command)) return {"Marked the delegation", "done"};
  return {"Sent", std::string(name_of(command))};
}

}  // namespace

std::string describe_command(const Match& view, const Command& command) {
  const auto [lead, thing] = describe_parts(view, command);
  return lead + " " + thing + ".";
}

void CaretakerLog::record(const Match& view, const Command& command) {
  auto [lead, thing] = describe_parts(view, command);
  ++count_;
  auto group =
      std::find_if(groups_.begin(), groups_.end(), [&](const Group& g) { return g.lead == lead; });
  if (group == groups_.end()) group = groups_.insert(groups_.end(), Group{lead, {}});
  if (std::find(group->things.begin(), group->things.end(), thing) == group->things.end())
    group->things.push_back(std::move(thing));
}

std::vector<std::string> CaretakerLog::summary() const {
  if (groups_.empty()) return {"Nothing needed doing."};
  std::vector<std::string> lines;
  for (const auto& group : groups_)
    lines.push_back(group.lead + " " + join(group.things) + ".");
  return lines;
}

std::vector<std::string> caretaker_summary(const std::vector<std::pair<Match, Command>>& sent) {
  CaretakerLog log;
  for (const auto& [view, command] : sent)
    log.record(view, command);
  return log.summary();
}

}  // namespace accord::bots
