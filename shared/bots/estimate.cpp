#include "bots/estimate.hpp"

#include <algorithm>
#include <cmath>

namespace accord::bots {
namespace {

constexpr std::int32_t kAxisLimit = 200;
constexpr std::int32_t kEvidenceStep = 60;  // how far one public act moves the estimated axes

double logistic(double x) {
  return 1.0 / (1.0 + std::exp(-x));
}

bool occupied(const Match& view, SeatIndex s) {
  if (view.seats[s].bot) return true;
  return std::any_of(view.participants.begin(), view.participants.end(),
                     [&](const Participant& p) { return !p.left && p.seat == s; });
}

}  // namespace

std::uint64_t RoomEstimate::signature(const Match& view) {
  std::uint64_t key = view.clauses.size();
  for (const auto& clause : view.clauses)
    key = key * 31 + clause.cosponsors.size() * 7 + static_cast<std::uint64_t>(clause.vote.state);
  for (SeatIndex s = 0; s < view.seats.size(); ++s)
    key = key * 3 + (occupied(view, s) ? 1 : 0);
  return key;
}

const RoomEstimate::RefInfo* RoomEstimate::info(std::string_view ref) const {
  const auto it = refs_.find(ref);
  return it == refs_.end() ? nullptr : &it->second;
}

RoomEstimate::RoomEstimate(const Match& view, SeatIndex self, std::vector<std::int32_t> own_stance,
                           const scoring::ClauseCatalogue& catalogue)
    : self_(self),
      rule_(view.settings.rules.decision_rule),
      own_stance_(own_stance.size() == 7 ? std::move(own_stance) : std::vector<std::int32_t>{}),
      seats_(view.seats.size()) {
  for (const auto& option : view.settings.clause_table) {
    const auto* clause = catalogue.find(option.ref);
    if (!clause) continue;
    RefInfo ref_info{clause->stance.base, {}, clause->family};
    std::copy(clause->stance.weights.begin(), clause->stance.weights.end(),
              ref_info.weights.begin());
    refs_.emplace(option.ref, std::move(ref_info));
  }
  const auto& settings = view.settings.seats;
  for (SeatIndex s = 0; s < seats_.size(); ++s) {
    seats_[s].occupied = occupied(view, s);
    // The prior: a seat of the bot's own bloc leans its way, any other a little the other way.
    if (!own_stance_.empty() && s < settings.size() && self < settings.size()) {
      const bool same_bloc = !settings[s].bloc.empty() && settings[s].bloc == settings[self].bloc;
      for (std::size_t a = 0; a < 7; ++a)
        seats_[s].axes[a] = same_bloc ? own_stance_[a] * 6 / 10 : -own_stance_[a] / 5;
    }
  }
  const auto observe = [&](SeatIndex s, const std::string& ref, int sign) {
    if (s >= seats_.size() || s == self || ref.empty()) return;
    const auto* ref_info = info(ref);
    if (!ref_info) return;
    seats_[s].by_ref[ref] += sign;
    seats_[s].by_family[ref_info->family] += sign;
    const auto& w = ref_info->weights;
    int largest = 1;
    for (int x : w)
      largest = std::max(largest, std::abs(x));
    for (std::size_t a = 0; a < 7; ++a)
      seats_[s].axes[a] = std::clamp(seats_[s].axes[a] + sign * w[a] * kEvidenceStep / largest,
                                     -kAxisLimit, kAxisLimit);
  };
  for (const auto& clause : view.clauses) {
    if (clause.ref.empty()) continue;
    if (clause.round > 0) observe(clause.sponsor, clause.ref, +1);
    for (SeatIndex s : clause.cosponsors)
      observe(s, clause.ref, +1);
    if (clause.vote.state != VoteState::closed) continue;
    for (SeatIndex s = 0; s < clause.vote.ballots.size(); ++s) {
      if (!clause.vote.ballots[s]) continue;
      if (*clause.vote.ballots[s] == Ballot::yes) observe(s, clause.ref, +1);
      if (*clause.vote.ballots[s] == Ballot::no) observe(s, clause.ref, -1);
    }
  }
}

std::int32_t RoomEstimate::support(SeatIndex seat, std::string_view ref) const {
  const auto* ref_info = info(ref);
  if (!ref_info || seat >= seats_.size()) return 0;
  std::int64_t exact = static_cast<std::int64_t>(ref_info->base) * 100;
  if (seat == self_ && !own_stance_.empty()) {
    for (std::size_t a = 0; a < 7; ++a)
      exact += static_cast<std::int64_t>(ref_info->weights[a]) * own_stance_[a];
    return static_cast<std::int32_t>(exact / 100);
  }
  const auto& model = seats_[seat];
  for (std::size_t a = 0; a < 7; ++a)
    exact += static_cast<std::int64_t>(ref_info->weights[a]) * model.axes[a];
  auto estimate = static_cast<std::int32_t>(exact / 100);
  // Direct evidence on this exact ref outweighs the axes; on its family, less.
  const auto on_ref = model.by_ref.find(ref);
  const int ref_count = on_ref == model.by_ref.end() ? 0 : on_ref->second;
  const auto on_family = model.by_family.find(ref_info->family);
  const int family_count = on_family == model.by_family.end() ? 0 : on_family->second;
  estimate += 150 * std::clamp(ref_count, -2, 2) + 60 * std::clamp(family_count - ref_count, -2, 2);
  return estimate;
}

int RoomEstimate::pass_permille(std::string_view ref, Ballot own) const {
  const auto key = std::make_pair(std::string(ref), own);
  if (const auto it = pass_cache_.find(key); it != pass_cache_.end()) return it->second;
  double yes = own == Ballot::yes ? 1 : 0, no = own == Ballot::no ? 1 : 0, variance = 0;
  double p_nobody_no = own == Ballot::no ? 0 : 1, p_nobody_yes = own == Ballot::yes ? 0 : 1;
  for (SeatIndex s = 0; s < seats_.size(); ++s) {
    if (s == self_ || !seats_[s].occupied) continue;
    const double est = support(s, ref);
    const double p_no = logistic((-100.0 - est) / 60.0);
    const double p_yes = logistic((est - 120.0) / 60.0) * (1 - p_no);
    yes += p_yes;
    no += p_no;
    variance += p_yes * (1 - p_yes) + p_no * (1 - p_no);
    p_nobody_no *= 1 - p_no;
    p_nobody_yes *= 1 - p_yes;
  }
  double p = 0;
  const double sd = std::sqrt(variance + 0.25);
  switch (rule_) {
    case DecisionRule::consensus:
      p = p_nobody_no * (1 - p_nobody_yes);
      break;
    case DecisionRule::simple_majority:
      p = logistic(1.7 * (yes - no - 0.5) / sd);
      break;
    case DecisionRule::two_thirds:
      p = logistic(1.7 * (yes - 2 * no - 0.5) / sd);
      break;
  }
  const int permille = static_cast<int>(std::lround(p * 1000));
  pass_cache_.emplace(key, permille);
  return permille;
}

std::int32_t RoomEstimate::mean_support(std::string_view ref) const {
  std::int64_t total = 0, seats = 0;
  for (SeatIndex s = 0; s < seats_.size(); ++s)
    if (s != self_ && seats_[s].occupied) total += support(s, ref), ++seats;
  return seats == 0 ? 0 : static_cast<std::int32_t>(total / seats);
}

std::vector<SeatIndex> RoomEstimate::likely_opponents(std::string_view ref,
                                                      std::size_t limit) const {
  std::vector<std::pair<std::int32_t, SeatIndex>> ranked;
  for (SeatIndex s = 0; s < seats_.size(); ++s)
    if (s != self_ && seats_[s].occupied) ranked.emplace_back(support(s, ref), s);
  std::sort(ranked.begin(), ranked.end());
  std::vector<SeatIndex> out;
  for (const auto& [support, seat] : ranked) {
    if (out.size() >= limit || support > 100) break;
    out.push_back(seat);
  }
  return out;
}

}  // namespace accord::bots
