#include "report/timeline.hpp"

#include <algorithm>
#include <map>

#include "core/deals.hpp"
#include "core/enum_names.hpp"

namespace accord::report {
namespace {

std::string seat_name(const Match& m, SeatIndex s) {
  return s < m.settings.seats.size() && !m.settings.seats[s].name.empty()
             ? m.settings.seats[s].name
             : "seat " + std::to_string(s + 1);
}

// "Brazil (Ana)": the seat, and the student who acted for it when one did.
std::string actor(const Match& m, SeatIndex seat, ParticipantId by, bool by_bot) {
  std::string out = seat_name(m, seat);
  if (!by_bot && by < m.participants.size() && m.participants[by].seat == seat)
    out += " (" + m.participants[by].name + ")";
  return out;
}

// At most `bytes` bytes of `text`, cut at a character boundary, with "…" when cut.
std::string shortened(const std::string& text, std::size_t bytes) {
  if (text.size() <= bytes) return text;
  std::size_t end = bytes;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80)
    --end;
  return text.substr(0, end) + "…";
}

std::string clause_name(const Match& m, const scoring::ClauseCatalogue& catalogue, ClauseId id) {
  if (id >= m.clauses.size()) return "clause " + std::to_string(id + 1);
  const Clause& c = m.clauses[id];
  if (c.ref.empty()) return "the free-text clause \"" + shortened(c.text, 60) + "\"";
  const auto* archetype = catalogue.find(c.ref);
  return "#" + c.ref + (archetype ? " " + archetype->title : std::string());
}

std::string draft_name(const Match& m, DraftIndex d) {
  return d < m.drafts.size() ? "\"" + m.drafts[d].title + "\"" : "draft " + std::to_string(d + 1);
}

std::string counts(const VoteRecord& v) {
  std::string out = std::to_string(v.yes) + " yes, " + std::to_string(v.no) + " no, " +
                    std::to_string(v.abstain) + " abstaining";
  if (v.not_voting > 0) out += ", " + std::to_string(v.not_voting) + " not voting";
  return out;
}

std::string result(const VoteRecord& v) {
  if (v.without_vote) return "adopted without a vote (nobody objected)";
  switch (v.outcome) {
    case VoteOutcome::adopted:
      return "adopted (" + counts(v) + ")";
    case VoteOutcome::rejected:
      return "rejected (" + counts(v) + ")";
    case VoteOutcome::no_quorum:
      return "no quorum (" + counts(v) + ")";
    case VoteOutcome::pending:
      break;
  }
  return "not decided";
}

std::string term_text(const Match& m, const scoring::ClauseCatalogue& catalogue,
                      const DealTerm& t) {
  switch (t.action) {
    case DealAction::cosponsor_clause:
      return "co-sponsor " + clause_name(m, catalogue, t.target);
    case DealAction::vote_yes_clause:
      return "vote yes on " + clause_name(m, catalogue, t.target);
    case DealAction::vote_yes_draft:
      return "vote yes on the draft " + draft_name(m, t.target);
  }
  return "?";
}

std::string terms_text(const Match& m, const scoring::ClauseCatalogue& catalogue,
                       const std::vector<DealTerm>& terms) {
  std::string out;
  for (std::size_t i = 0; i < terms.size(); ++i) {
    if (i > 0) out += i + 1 == terms.size() ? " and " : ", ";
    out += term_text(m, catalogue, terms[i]);
  }
  return out.empty() ? "nothing" : out;
}

std::string honoured_text(const Match& m, const SideReport& side) {
  switch (side.honoured) {
    case Honoured::yes:
      return seat_name(m, side.seat) + " kept its side";
    case Honoured::no:
      return seat_name(m, side.seat) + " broke its side";
    case Honoured::unknown:
      break;
  }
  return seat_name(m, side.seat) + "'s side cannot be checked (secret ballot)";
}

// The round a clause is voted in: its own, and round 1 for the starting text.
std::uint32_t vote_round(const Clause& c) {
  return std::max<std::uint32_t>(1, c.round);
}

// A deal's round: that of the latest clause its terms name (it was offered once they were all
// on the table), at least 1; the last round when it names only drafts.
std::uint32_t deal_round(const Match& m, const Deal& d) {
  std::uint32_t round = 0;
  bool any_clause = false;
  for (const auto* terms : {&d.from_terms, &d.to_terms})
    for (const auto& t : *terms)
      if (t.action != DealAction::vote_yes_draft && t.target < m.clauses.size()) {
        any_clause = true;
        round = std::max(round, vote_round(m.clauses[t.target]));
      }
  return any_clause ? round : std::max<std::uint32_t>(1, m.settings.rules.rounds);
}

bool is_placeholder(const Deal& d) {
  return d.from_terms.empty() && d.to_terms.empty();
}

}  // namespace

std::string clock_text(TimeMs at) {
  const auto seconds = std::max<TimeMs>(0, at) / 1000;
  const auto s = seconds % 60;
  return std::to_string(seconds / 60) + (s < 10 ? ":0" : ":") + std::to_string(s);
}

TimeMs match_origin(const Match& m) {
  std::optional<TimeMs> first = m.lobby_opened_at;
  const auto consider = [&](TimeMs at) { first = first ? std::min(*first, at) : at; };
  for (const Channel& channel : m.channels)
    for (const ChatMessage& message : channel.messages)
      consider(message.at);
  for (const Clause& clause : m.clauses)
    for (const Amendment& amendment : clause.amendments)
      consider(amendment.at);
  for (const Deal& deal : m.deals)
    if (!is_placeholder(deal)) consider(deal.at);
  for (const FiredInject& inject : m.injects_fired)
    consider(inject.at);
  return first.value_or(0);
}

std::vector<TimelineEntry> timeline(const Match& m, const scoring::ClauseCatalogue& catalogue) {
  std::vector<TimelineEntry> out;
  const std::uint32_t rounds = std::max<std::uint32_t>(1, m.settings.rules.rounds);
  const auto add = [&](TimelineKind kind, std::uint32_t round, std::optional<TimeMs> at,
                       std::string text) {
    out.push_back({kind, round, at, std::move(text)});
  };
  if (m.phase == Phase::lobby) return out;
  add(TimelineKind::phase, 0, std::nullopt, "Briefing: delegations read their briefs.");
  for (DraftIndex d = 0; d < m.drafts.size(); ++d) {
    std::string refs;
    std::size_t n = 0;
    for (ClauseId id = 0; id < m.clauses.size(); ++id)
      if (m.clauses[id].draft == d && m.clauses[id].round == 0) {
        refs += (n++ == 0 ? "" : ", ") + clause_name(m, catalogue, id);
      }
    if (n > 0)
      add(TimelineKind::starting, 0, std::nullopt,
          "The draft " + draft_name(m, d) + " opens with " + std::to_string(n) +
              (n == 1 ? " clause: " : " clauses: ") + refs + ".");
  }

  // Amendments and deals by round, in clock order.
  struct Timed {
    TimeMs at;
    TimelineKind kind;
    std::string text;
  };
  std::map<std::uint32_t, std::vector<Timed>> timed;
  for (ClauseId id = 0; id < m.clauses.size(); ++id) {
    const Clause& c = m.clauses[id];
    for (const Amendment& a : c.amendments) {
      std::string what = a.ref.empty() ? "a new wording" : "#" + a.ref;
      std::string status;
      switch (a.status) {
        case AmendmentStatus::pending:
          status = "still pending";
          break;
        case AmendmentStatus::accepted:
          status = "accepted";
          break;
        case AmendmentStatus::rejected:
          status = "rejected by the sponsor";
          break;
        case AmendmentStatus::withdrawn:
          status = "withdrawn";
          break;
        case AmendmentStatus::lapsed:
          status = "lapsed at the vote";
          break;
      }
      timed[vote_round(c)].push_back({a.at, TimelineKind::amendment,
                                      actor(m, a.proposer, a.proposed_by, false) +
                                          " proposed to amend " + clause_name(m, catalogue, id) +
                                          " to " + what + ": " + status + "."});
    }
  }
  const auto reports = deal_outcomes(m);
  for (DealId id = 0; id < m.deals.size(); ++id) {
    const Deal& d = m.deals[id];
    if (is_placeholder(d) || d.from == d.to) continue;
    std::string text = seat_name(m, d.from) + " offered " + seat_name(m, d.to) + " a deal (" +
                       seat_name(m, d.from) + " would " + terms_text(m, catalogue, d.from_terms) +
                       "; " + seat_name(m, d.to) + " would " +
                       terms_text(m, catalogue, d.to_terms) + "): ";
    switch (d.status) {
      case DealStatus::offered:
        text += "never answered.";
        break;
      case DealStatus::declined:
        text += "declined.";
        break;
      case DealStatus::withdrawn:
        text += "withdrawn.";
        break;
      case DealStatus::accepted: {
        text += "accepted";
        for (const auto& report : reports)
          if (report.deal == id)
            text += "; " + honoured_text(m, report.from) + ", " + honoured_text(m, report.to);
        text += ".";
        break;
      }
    }
    timed[deal_round(m, d)].push_back({d.at, TimelineKind::deal, std::move(text)});
  }

  // Crisis injects: their public news and, when they put a statement to an emergency vote, its
  // result. Fired before drafting began they open round 1; in the final vote, they go with it.
  for (const FiredInject& inject : m.injects_fired) {
    std::string text = "Crisis: " + inject.title + ". " + inject.news;
    for (const Statement& statement : m.statements)
      if (statement.inject == inject.id && statement.vote.state == VoteState::closed)
        text += " Emergency statement \"" + statement.text + "\": " + result(statement.vote) + ".";
    const std::uint32_t round = inject.phase >= Phase::final_vote
                                    ? rounds + 1
                                    : std::clamp<std::uint32_t>(inject.round, 1, rounds);
    timed[round].push_back({inject.at, TimelineKind::inject, std::move(text)});
  }

  for (std::uint32_t round = 1; round <= rounds; ++round) {
    const std::string n = std::to_string(round);
    add(TimelineKind::phase, round, std::nullopt, "Round " + n + " · drafting");
    for (ClauseId id = 0; id < m.clauses.size(); ++id) {
      const Clause& c = m.clauses[id];
      if (c.round != round) continue;
      std::string text = actor(m, c.sponsor, c.tabled_by, c.tabled_by_bot) + " tabled " +
                         clause_name(m, catalogue, id) + " in " + draft_name(m, c.draft);
      if (c.status == ClauseStatus::withdrawn) text += ", later withdrawn";
      if (c.hidden) text += ", hidden by the facilitator";
      add(TimelineKind::tabled, round, std::nullopt, text + ".");
    }
    auto& items = timed[round];
    std::stable_sort(items.begin(), items.end(),
                     [](const Timed& a, const Timed& b) { return a.at < b.at; });
    for (auto& item : items)
      add(item.kind, round, item.at, std::move(item.text));

    add(TimelineKind::phase, round, std::nullopt, "Round " + n + " · clause vote");
    if (round == 1)
      for (DraftIndex d = 0; d < m.drafts.size(); ++d) {
        const Draft& draft = m.drafts[d];
        if (draft.starting_package.empty() || draft.package_vote.state != VoteState::closed)
          continue;
        std::string refs;
        for (std::size_t i = 0; i < draft.starting_package.size(); ++i)
          refs += (i == 0 ? "" : ", ") + clause_name(m, catalogue, draft.starting_package[i]);
        add(TimelineKind::package, round, std::nullopt,
            "The starting text of " + draft_name(m, d) + " as one package (" + refs +
                "): " + result(draft.package_vote) + ".");
      }
    for (ClauseId id = 0; id < m.clauses.size(); ++id) {
      const Clause& c = m.clauses[id];
      if (vote_round(c) != round || c.vote.state != VoteState::closed) continue;
      const auto& package =
          c.draft < m.drafts.size() ? m.drafts[c.draft].starting_package : std::vector<ClauseId>{};
      if (std::find(package.begin(), package.end(), id) != package.end()) continue;
      add(TimelineKind::vote, round, std::nullopt,
          clause_name(m, catalogue, id) + ": " + result(c.vote) + ".");
    }
  }
  if (m.phase >= Phase::final_vote) {
    add(TimelineKind::phase, rounds + 1, std::nullopt, "Final vote");
    auto& late = timed[rounds + 1];
    std::stable_sort(late.begin(), late.end(),
                     [](const Timed& a, const Timed& b) { return a.at < b.at; });
    for (auto& item : late)
      add(item.kind, rounds + 1, item.at, std::move(item.text));
    for (DraftIndex d = 0; d < m.drafts.size(); ++d) {
      const Draft& draft = m.drafts[d];
      std::string text = "The draft " + draft_name(m, d) + ": ";
      switch (draft.status) {
        case DraftStatus::open:
          text += "still open.";
          break;
        case DraftStatus::not_put:
          text += "not put to the vote (no clause of it was adopted).";
          break;
        case DraftStatus::adopted:
        case DraftStatus::failed:
          text += (draft.status == DraftStatus::adopted &&
                           draft.final_vote.outcome == VoteOutcome::pending
                       ? std::string("adopted")
                       : result(draft.final_vote)) +
                  (draft.status == DraftStatus::failed ? ": the draft failed." : ".");
          break;
      }
      add(TimelineKind::final_vote, rounds + 1, std::nullopt, text);
    }
  }
  if (m.phase == Phase::debrief)
    add(TimelineKind::phase, rounds + 1, std::nullopt,
        "Debrief: the objectives were revealed and the code scored.");
  return out;
}

}  // namespace accord::report
