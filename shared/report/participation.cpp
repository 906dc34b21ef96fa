#include "report/participation.hpp"

#include <algorithm>

namespace accord::report {

std::vector<ParticipantActivity> participation(const Match& m) {
  std::vector<ParticipantActivity> rows;
  std::vector<std::optional<std::size_t>> row_of(m.participants.size());
  for (ParticipantId id = 0; id < m.participants.size(); ++id) {
    const Participant& p = m.participants[id];
    if (p.role != Role::player) continue;
    ParticipantActivity row;
    row.id = id;
    row.name = p.name;
    row.seat = p.seat;
    row.left = p.left;
    row.head = p.seat && *p.seat < m.seats.size() && m.seats[*p.seat].head == id;
    row_of[id] = rows.size();
    rows.push_back(std::move(row));
  }
  const auto row = [&](ParticipantId id) -> ParticipantActivity* {
    return id < row_of.size() && row_of[id] ? &rows[*row_of[id]] : nullptr;
  };
  for (const Channel& channel : m.channels)
    for (const ChatMessage& message : channel.messages) {
      if (message.from_bot || message.from_facilitator) continue;
      if (auto* r = row(message.author)) {
        ++r->messages;
        r->last_spoke = std::max(r->last_spoke.value_or(message.at), message.at);
      }
    }
  std::vector<int> cosponsorships(m.seats.size()), ballots(m.seats.size()), offered(m.seats.size()),
      accepted(m.seats.size());
  const auto count_ballots = [&](const VoteRecord& vote) {
    for (SeatIndex s = 0; s < vote.ballots.size() && s < ballots.size(); ++s)
      ballots[s] += vote.ballots[s] ? 1 : 0;
  };
  for (const Clause& clause : m.clauses) {
    if (!clause.tabled_by_bot)
      if (auto* r = row(clause.tabled_by)) ++r->clauses_tabled;
    for (const Amendment& amendment : clause.amendments)
      if (auto* r = row(amendment.proposed_by)) ++r->amendments;
    for (const SeatIndex s : clause.cosponsors)
      if (s < cosponsorships.size()) ++cosponsorships[s];
    count_ballots(clause.vote);
  }
  for (const Draft& draft : m.drafts)
    count_ballots(draft.final_vote);
  for (const Deal& deal : m.deals) {
    if (deal.from < offered.size()) ++offered[deal.from];
    if (deal.status == DealStatus::accepted && deal.to < accepted.size()) ++accepted[deal.to];
    if (deal.status == DealStatus::accepted && deal.from < accepted.size()) ++accepted[deal.from];
  }
  for (auto& r : rows) {
    if (!r.seat || *r.seat >= m.seats.size()) continue;
    r.seat_cosponsorships = cosponsorships[*r.seat];
    r.seat_ballots = ballots[*r.seat];
    r.seat_deals_offered = offered[*r.seat];
    r.seat_deals_accepted = accepted[*r.seat];
  }
  return rows;
}

bool silent(const ParticipantActivity& row, const Match& match, TimeMs now, TimeMs threshold) {
  if (match.phase == Phase::lobby || row.left) return false;
  return !row.last_spoke || now - *row.last_spoke >= threshold;
}

}  // namespace accord::report
