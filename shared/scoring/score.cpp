// score(): validation, clause points, interactions, diminishing returns, coherence, content.
// The vote and the final score are in legitimacy.cpp.
#include "scoring/score.hpp"

#include <algorithm>
#include <cstdlib>
#include <map>

#include "scoring/arithmetic.hpp"
#include "scoring/score_internal.hpp"

namespace accord::scoring {

namespace {

constexpr int kMaxVoteCount = 1000000;

std::string clause_path(std::size_t i) {
  return "/clauses/" + std::to_string(i);
}

std::string preset_list(const ClauseCatalogue& catalogue) {
  std::string out;
  for (const auto& p : catalogue.presets())
    out += (out.empty() ? "" : ", ") + p.id;
  return out;
}

void validate_vote(const VoteRecord& v, std::vector<DraftError>& errors) {
  const std::pair<const char*, int> counts[] = {{"yes", v.yes},
                                                {"no", v.no},
                                                {"abstain", v.abstain},
                                                {"not_voting", v.not_voting},
                                                {"blocs_in_favour", v.blocs_in_favour},
                                                {"blocs_total", v.blocs_total},
                                                {"occupied_seats", v.occupied_seats}};
  bool in_range = true;
  for (const auto& [name, value] : counts) {
    if (value < 0 || value > kMaxVoteCount) {
      errors.push_back(
          {std::string("/vote/") + name, "must be between 0 and " + std::to_string(kMaxVoteCount)});
      in_range = false;
    }
  }
  if (!in_range) return;
  if (v.without_vote) {
    if (v.yes + v.no + v.abstain > 0)
      errors.push_back(
          {"/vote", "a draft adopted without a vote has no yes, no or abstain counts"});
    return;
  }
  if (v.yes + v.no + v.abstain == 0)
    errors.push_back({"/vote", "no yes, no or abstain votes were cast"});
  if (v.blocs_total < 1) errors.push_back({"/vote/blocs_total", "must be at least 1"});
  if (v.blocs_in_favour > v.blocs_total)
    errors.push_back({"/vote/blocs_in_favour", "more blocs in favour than blocs in total"});
}

bool fires(const Trigger& t, const std::vector<std::string>& present) {
  const auto has = [&](const std::string& ref) {
    return std::binary_search(present.begin(), present.end(), ref);
  };
  return std::all_of(t.all.begin(), t.all.end(), has) &&
         (t.any.empty() || std::any_of(t.any.begin(), t.any.end(), has)) &&
         std::none_of(t.none.begin(), t.none.end(), has);
}

std::string clause_label(const ClauseResult& c) {
  if (!c.ref.empty()) return "Clause #" + c.ref + " (" + c.title + ")";
  return "Your clause " + std::to_string(c.index + 1) + " (\"" + c.title + "\")";
}

// The first words of a free-text clause, cut at a word boundary, as its title.
std::string short_title(const std::string& text) {
  constexpr std::size_t kLength = 40;
  std::string out;
  for (const char ch : text) {
    if (static_cast<unsigned char>(ch) < 0x20) break;
    out.push_back(ch);
  }
  if (out.size() <= kLength) return out;
  std::size_t cut = out.rfind(' ', kLength);
  if (cut == std::string::npos || cut < kLength / 2) cut = kLength;
  // Never cut inside a UTF-8 sequence.
  while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80)
    --cut;
  return out.substr(0, cut) + "...";
}

// 1000 x R / (R + half): each point counts less than the one before; nothing below zero.
std::int64_t saturate(std::int64_t points, std::int64_t half) {
  return points > 0 ? div_round(1000 * points, points + half) : 0;
}

std::string count_points(int n) {
  return std::to_string(n) + (n == 1 ? " point" : " points");
}

// How the points became the value, in one sentence (the terms carry each source's share).
std::string criterion_note(const CriterionResult& c, std::int64_t gross) {
  if (c.points_for == 0 && c.points_against == 0) return {};
  if (c.points_for == 0)
    return count_points(c.points_against) +
           " against and none in favour: a criterion cannot go below 0, so they take nothing.";
  std::string note =
      count_points(c.points_for) + (c.points_for == 1 ? " in favour gives " : " in favour give ") +
      format_score(static_cast<int>(gross)) + " (each point counts less than the one before).";
  if (c.points_against == 0) return note;
  if (c.raw_points <= 0)
    return note + " The " + count_points(c.points_against) +
           (c.points_against == 1 ? " against outweighs" : " against outweigh") +
           " them, so the criterion stays at 0 (it cannot go below 0).";
  return note + " The " + count_points(c.points_against) +
         (c.points_against == 1 ? " against leaves " : " against leave ") +
         count_points(c.raw_points) + (c.raw_points == 1 ? ", which gives " : ", which give ") +
         format_score(c.value) + ".";
}

void score_criterion(const Formula& f, Criterion c, const Scorecard& card, CriterionResult& out) {
  const std::size_t ci = index_of(c);
  std::vector<Term> terms;
  int points_for = 0, points_against = 0;
  const auto add = [&](Term term) {
    (term.points > 0 ? points_for : points_against) += std::abs(term.points);
    terms.push_back(std::move(term));
  };
  for (const auto& clause : card.clauses) {
    const int p = clause.points[ci];
    if (p == 0) continue;
    add({clause.ref.empty() ? TermKind::free_text : TermKind::clause, clause.ref, clause.index, p,
         0, clause_label(clause) + " " + points_phrase(p) + "."});
  }
  for (const auto& rule : card.interactions) {
    const int p = rule.effects[ci];
    if (p == 0) continue;
    add({TermKind::interaction, rule.id, -1, p, 0,
         rule.id + " " + rule.name + " " + points_phrase(p) + ". " + rule.text});
  }
  const int raw = points_for - points_against;
  const std::int64_t gross = saturate(points_for, f.half_saturation_points);
  const std::int64_t value = saturate(raw, f.half_saturation_points);
  // The points in favour share `gross` in proportion to their points; the points against
  // share what is taken back (gross - value) the same way. Over one common denominator.
  const std::int64_t for_den = std::max(points_for, 1);
  const std::int64_t against_den = std::max(points_against, 1);
  std::vector<std::int64_t> numerators;
  for (const Term& t : terms)
    numerators.push_back(t.points > 0 ? gross * t.points * against_den
                                      : (value - gross) * -t.points * for_den);
  const auto shown = apportion(numerators, for_den * against_den, value);
  for (std::size_t i = 0; i < terms.size(); ++i)
    terms[i].value = static_cast<int>(shown[i]);
  out.criterion = c;
  out.raw_points = raw;
  out.points_for = points_for;
  out.points_against = points_against;
  out.value = static_cast<int>(value);
  out.terms = std::move(terms);
  out.note = criterion_note(out, gross);
}

void score_content(const Preset& preset, const Formula& f, Scorecard& card) {
  card.coherence_pm =
      std::max(f.coherence_floor_pm, 1000 - f.coherence_step_pm * card.contradictions);
  const int clauses = static_cast<int>(card.clauses.size());
  const int beyond = std::max(0, clauses - f.breadth_clauses);
  card.length_pm = std::max(0, 1000 - f.length_step_pm * beyond);
  std::int64_t weighted = 0;             // sum of w_c * S_c, in millionths
  std::vector<std::int64_t> numerators;  // in billionths of a unit
  for (const auto& crit : card.criteria) {
    const std::int64_t term = std::int64_t{crit.weight_pm} * crit.value;
    weighted += term;
    numerators.push_back(term * 1000000);
    card.content_terms.push_back(
        {TermKind::criterion, std::string(to_string(crit.criterion)), -1, 0, 0,
         crit.name + " " + format_score(crit.value) + " counts " + percent(crit.weight_pm) +
             " in the " + preset.name + " preset."});
  }
  // One rounding for the whole product: content = weighted x coherence x length / 10^9.
  const std::int64_t coherent = weighted * card.coherence_pm;  // in billionths
  const std::int64_t exact = coherent * card.length_pm;        // in 10^-12
  card.content = static_cast<int>(div_round(exact, 1000000000));
  if (card.coherence_pm != 1000) {
    numerators.push_back((coherent - weighted * 1000) * 1000);
    const int n = card.contradictions;
    card.content_terms.push_back(
        {TermKind::coherence,
         {},
         -1,
         0,
         0,
         std::to_string(n) + (n == 1 ? " contradiction makes" : " contradictions make") +
             " the text less coherent, so everything counts " + percent(card.coherence_pm) + "."});
  }
  if (card.length_pm != 1000) {
    numerators.push_back(exact - coherent * 1000);
    card.content_terms.push_back(
        {TermKind::length_cut,
         {},
         -1,
         0,
         0,
         std::to_string(clauses) + " clauses, " + std::to_string(beyond) + " more than the " +
             std::to_string(f.breadth_clauses) +
             " a code can carry: a longer text is harder to negotiate and implement, so it keeps " +
             percent(card.length_pm) + " (" + percent(f.length_step_pm) +
             " less for each clause beyond " + std::to_string(f.breadth_clauses) + ")."});
  }
  const auto shown = apportion(numerators, 1000000000, card.content);
  for (std::size_t i = 0; i < shown.size(); ++i)
    card.content_terms[i].value = static_cast<int>(shown[i]);
}

}  // namespace

std::string format_score(int value) {
  const int magnitude = value < 0 ? -value : value;
  return (value < 0 ? "-" : "") + std::to_string(magnitude / 10) + "." +
         std::to_string(magnitude % 10);
}

std::string points_phrase(int points) {
  const int n = points < 0 ? -points : points;
  return std::string(points < 0 ? "takes away " : "adds ") + std::to_string(n) +
         (n == 1 ? " point" : " points");
}

std::string percent(int pm) {
  return std::to_string(pm / 10) + (pm % 10 ? "." + std::to_string(pm % 10) : "") + "%";
}

std::vector<DraftError> validate_draft(const ClauseCatalogue& catalogue, const Draft& draft) {
  std::vector<DraftError> errors;
  const Formula& f = catalogue.formula();
  if (draft.clauses.size() > static_cast<std::size_t>(f.max_clauses))
    errors.push_back({"/clauses", "too many clauses (" + std::to_string(draft.clauses.size()) +
                                      "; at most " + std::to_string(f.max_clauses) + ")"});
  std::map<std::string, std::size_t> family_at;
  for (std::size_t i = 0; i < draft.clauses.size(); ++i) {
    const DraftClause& clause = draft.clauses[i];
    if (!clause.ref.empty() && !clause.text.empty()) {
      errors.push_back({clause_path(i), "give either a ref or a text, not both"});
    } else if (!clause.ref.empty()) {
      const ClauseArchetype* archetype = catalogue.find(clause.ref);
      if (!archetype) {
        errors.push_back(
            {clause_path(i) + "/ref", "unknown clause reference '" + clause.ref + "'"});
        continue;
      }
      const auto [it, fresh] = family_at.emplace(archetype->family, i);
      if (!fresh)
        errors.push_back({clause_path(i) + "/ref",
                          "clause family " + archetype->family + " is already in the draft at " +
                              clause_path(it->second) + " (#" + draft.clauses[it->second].ref +
                              "); a draft may hold one clause of each family"});
    } else if (clause.text.find_first_not_of(" \t\r\n") == std::string::npos) {
      errors.push_back({clause_path(i), "a clause needs a ref or a non-empty text"});
    } else if (clause.text.size() > static_cast<std::size_t>(f.max_clause_bytes)) {
      errors.push_back({clause_path(i) + "/text",
                        "clause is " + std::to_string(clause.text.size()) +
                            " bytes long; at most " + std::to_string(f.max_clause_bytes)});
    }
  }
  if (!draft.preset.empty() && !catalogue.preset(draft.preset))
    errors.push_back({"/preset", "unknown preset '" + draft.preset + "' (expected one of " +
                                     preset_list(catalogue) + ")"});
  if (draft.vote) validate_vote(*draft.vote, errors);
  return errors;
}

ScoreOutcome score(const ClauseCatalogue& catalogue, const Draft& draft) {
  ScoreOutcome outcome;
  outcome.errors = validate_draft(catalogue, draft);
  if (!outcome.errors.empty()) return outcome;

  const Formula& f = catalogue.formula();
  const Preset& preset =
      draft.preset.empty() ? catalogue.default_preset() : *catalogue.preset(draft.preset);
  Scorecard card;
  card.title = draft.title;
  card.preset_id = preset.id;
  card.preset_name = preset.name;
  card.catalogue_hash = catalogue.content_hash();

  std::vector<std::string> present;
  for (std::size_t i = 0; i < draft.clauses.size(); ++i) {
    const DraftClause& in = draft.clauses[i];
    ClauseResult out;
    out.index = static_cast<int>(i);
    if (!in.ref.empty()) {
      const ClauseArchetype& archetype = *catalogue.find(in.ref);
      out.ref = archetype.ref;
      out.title = archetype.title;
      out.points = archetype.contributions;
      present.push_back(archetype.ref);
    } else {
      out.title = short_title(in.text);
      out.analysis = analyze_clause(catalogue.lexicon(), in.text);
      out.points = out.analysis->points;
    }
    if (in.facilitator_points) {
      out.points = *in.facilitator_points;
      out.facilitator_override = true;
    }
    card.clauses.push_back(std::move(out));
  }
  std::sort(present.begin(), present.end());

  for (const Interaction& rule : catalogue.interactions()) {
    if (!fires(rule.trigger, present)) continue;
    card.interactions.push_back({rule.id, rule.name, rule.kind, rule.effects, rule.rationale});
    if (rule.kind == InteractionKind::contradiction) ++card.contradictions;
  }

  for (const Criterion c : kAllCriteria) {
    CriterionResult result;
    result.name = catalogue.criterion(c).name;
    result.weight_pm = preset.weights_pm[index_of(c)];
    score_criterion(f, c, card, result);
    card.criteria.push_back(std::move(result));
  }
  score_content(preset, f, card);
  score_legitimacy_and_final(f, draft.vote, card);

  card.summary =
      "Content " + format_score(card.content) + " under the " + preset.name + " preset. ";
  if (!card.legitimacy) {
    card.summary += "Not yet voted, so the final score is the content score.";
  } else {
    card.summary += "Legitimacy " + format_score(card.legitimacy->value) + ", final score " +
                    format_score(card.final_score) + ".";
    if (card.legitimacy->contested)
      card.summary +=
          " Contested: the vote was too narrow, so the code may bind only those "
          "who voted yes.";
  }
  outcome.scorecard = std::move(card);
  return outcome;
}

}  // namespace accord::scoring
