#include "scoring/report.hpp"

#include <algorithm>
#include <cstdio>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/vote_outcome.hpp"
#include "scoring/arithmetic.hpp"

namespace accord::scoring {

namespace {

using nlohmann::json;
using ordered = nlohmann::ordered_json;

// Values go out as numbers with one decimal (625 -> 62.5), as they are shown to players.
double shown(int value) {
  return value / 10.0;
}

// Free text may hold invalid UTF-8 (a .txt file): replace bad bytes so the JSON stays valid.
std::string printable(const std::string& s) {
  const std::string quoted = json(s).dump(-1, ' ', false, json::error_handler_t::replace);
  return json::parse(quoted).get<std::string>();
}

ordered points_json(const Points& p) {
  ordered out = ordered::object();
  for (const Criterion c : kAllCriteria)
    out[std::string(to_string(c))] = p[index_of(c)];
  return out;
}

ordered terms_json(const std::vector<Term>& terms) {
  ordered out = ordered::array();
  for (const Term& t : terms) {
    ordered j;
    j["kind"] = std::string(to_string(t.kind));
    if (!t.ref.empty()) j["ref"] = t.ref;
    if (t.clause_index >= 0) j["clause"] = t.clause_index;
    if (t.points != 0) j["points"] = t.points;
    j["value"] = shown(t.value);
    j["text"] = printable(t.text);
    out.push_back(std::move(j));
  }
  return out;
}

ordered node(const std::string& id, const std::string& name, int value,
             const std::vector<Term>& terms) {
  ordered j;
  j["node"] = id;
  j["name"] = name;
  j["value"] = shown(value);
  j["terms"] = terms_json(terms);
  return j;
}

std::string line(int value, const std::string& text) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "  %7s  ", format_score(value).c_str());
  return buffer + text + "\n";
}

// A clause or rule and what it adds to the content score, in millionths (weight x share).
struct Effect {
  std::string label;
  std::int64_t micro = 0;
};

std::vector<Effect> content_effects(const Scorecard& card) {
  std::map<std::pair<int, std::string>, Effect> by_source;  // (clause index or -1, rule id)
  for (const auto& c : card.criteria) {
    for (const auto& t : c.terms) {
      const bool is_rule = t.kind == TermKind::interaction;
      Effect& e = by_source[{is_rule ? -1 : t.clause_index, is_rule ? t.ref : std::string()}];
      e.micro += std::int64_t{c.weight_pm} * t.value;
    }
  }
  for (const auto& r : card.interactions)
    if (const auto it = by_source.find({-1, r.id}); it != by_source.end())
      it->second.label = r.id + " " + r.name;
  for (const auto& c : card.clauses)
    if (const auto it = by_source.find({c.index, ""}); it != by_source.end())
      it->second.label = c.ref.empty() ? "your clause " + std::to_string(c.index + 1) + " (\"" +
                                             printable(c.title) + "\")"
                                       : "#" + c.ref + " " + c.title;
  std::vector<Effect> effects;
  for (auto& [source, e] : by_source)
    effects.push_back(std::move(e));
  // Coherence and length cuts are effects of the whole text.
  for (const auto& t : card.content_terms)
    if (t.kind == TermKind::coherence || t.kind == TermKind::length_cut)
      effects.push_back({t.kind == TermKind::coherence
                             ? "contradictions in the text"
                             : "the length (" + std::to_string(card.clauses.size()) + " clauses)",
                         std::int64_t{t.value} * 1000});
  std::stable_sort(effects.begin(), effects.end(),
                   [](const Effect& a, const Effect& b) { return a.micro > b.micro; });
  return effects;
}

std::string signed_score(std::int64_t micro) {
  const int value = static_cast<int>(div_round(micro, 1000));
  return (value > 0 ? "+" : "") + format_score(value);
}

std::string rule_name(DecisionRule rule) {
  switch (rule) {
    case DecisionRule::simple_majority:
      return "simple majority";
    case DecisionRule::two_thirds:
      return "a two-thirds majority";
    case DecisionRule::consensus:
      return "consensus";
  }
  return {};
}

std::string decision_line(const Scorecard& card, const RoomDecision& room) {
  const auto seats = static_cast<std::uint32_t>(std::max(room.occupied_seats, 0));
  const std::string under = "under " + rule_name(room.rules->decision_rule);
  if (!card.legitimacy) {
    // The smallest yes vote that carries it when every seat votes yes or no.
    for (std::uint32_t yes = 0; yes <= seats; ++yes)
      if (vote_outcome(*room.rules, yes, seats - yes, 0, seats) == VoteOutcome::adopted)
        return "Not yet voted: " + under + " it would pass if the vote were " +
               std::to_string(yes) + " yes, " + std::to_string(seats - yes) + " no of " +
               std::to_string(seats) + " seats (or more yes).";
    return "Not yet voted: no vote of the " + std::to_string(seats) + " seats could pass it " +
           under + ".";
  }
  const VoteRecord& v = card.legitimacy->vote;
  if (v.without_vote) return "Adopted without a vote: no delegation asked for one.";
  const auto count = [](int n) { return static_cast<std::uint32_t>(std::max(n, 0)); };
  const VoteOutcome outcome =
      vote_outcome(*room.rules, count(v.yes), count(v.no), count(v.abstain), seats);
  const std::string tally = std::to_string(v.yes) + " yes, " + std::to_string(v.no) + " no, " +
                            std::to_string(v.abstain) + " abstaining";
  switch (outcome) {
    case VoteOutcome::adopted:
      return "Passes " + under + ": " + tally + ".";
    case VoteOutcome::no_quorum:
      return "Fails: too few of the " + std::to_string(seats) + " seats voted for a quorum (" +
             tally + ").";
    default:
      return "Fails " + under + ": " + tally + ".";
  }
}

}  // namespace

std::vector<std::string> projector_summary(const Scorecard& card,
                                           const std::optional<RoomDecision>& room) {
  constexpr std::size_t kGainsShown = 3, kCostsShown = 2;  // enough to discuss, short to read
  std::vector<std::string> lines;
  std::string head = "Final score " + format_score(card.final_score) + " / 100";
  if (card.legitimacy)
    head += " (content " + format_score(card.content) + ", legitimacy " +
            format_score(card.legitimacy->value) + ")";
  else
    head += " (not yet voted: the content score)";
  lines.push_back(head + ".");
  // Effects that round to 0.0 are left out: they would name nothing worth discussing.
  const auto effects = content_effects(card);
  std::size_t gains = 0;
  for (auto it = effects.begin(); it != effects.end() && it->micro >= 500 && gains < kGainsShown;
       ++it, ++gains)
    lines.push_back(signed_score(it->micro) + " from " + it->label);
  if (gains == 0) lines.push_back("No clause adds to the score yet.");
  std::size_t costs = 0;
  for (auto it = effects.rbegin(); it != effects.rend() && it->micro <= -500 && costs < kCostsShown;
       ++it, ++costs)
    lines.push_back(signed_score(it->micro) + " from " + it->label);
  if (card.legitimacy && card.legitimacy->contested)
    lines.push_back(
        "Contested: the vote was too narrow, so the code may bind only those who "
        "voted yes.");
  if (room && room->rules) lines.push_back(decision_line(card, *room));
  return lines;
}

std::string render_json(const Scorecard& card) {
  ordered j;
  j["title"] = printable(card.title);
  j["preset"] = {{"id", card.preset_id}, {"name", card.preset_name}};
  j["content"] = shown(card.content);
  j["final"] = shown(card.final_score);
  j["contested"] = card.legitimacy && card.legitimacy->contested;
  j["summary"] = printable(card.summary);
  ordered criteria = ordered::object();
  for (const auto& c : card.criteria)
    criteria[std::string(to_string(c.criterion))] = shown(c.value);
  j["criteria"] = criteria;
  if (card.legitimacy) {
    const auto& la = *card.legitimacy;
    j["legitimacy"] = {{"value", shown(la.value)},
                       {"yes_share", shown(la.yes_share_pm)},
                       {"bloc_coverage", shown(la.bloc_coverage_pm)},
                       {"contested", la.contested},
                       {"text", la.text}};
  } else {
    j["legitimacy"] = nullptr;
  }
  j["coherence"] = shown(card.coherence_pm);
  j["length_kept"] = shown(card.length_pm);
  j["contradictions"] = card.contradictions;

  ordered explanation = ordered::array();
  explanation.push_back(node("final", "Final score", card.final_score, card.final_terms));
  explanation.push_back(node("content", "Content", card.content, card.content_terms));
  if (card.legitimacy)
    explanation.push_back(
        node("LA", "Legitimacy of adoption", card.legitimacy->value, card.legitimacy->terms));
  for (const auto& c : card.criteria) {
    ordered n = node(std::string(to_string(c.criterion)), c.name, c.value, c.terms);
    n["raw_points"] = c.raw_points;
    n["points_for"] = c.points_for;
    n["points_against"] = c.points_against;
    if (!c.note.empty()) n["note"] = c.note;
    n["weight"] = shown(c.weight_pm);
    explanation.push_back(std::move(n));
  }
  j["explanation"] = explanation;

  ordered rules = ordered::array();
  for (const auto& r : card.interactions)
    rules.push_back({{"id", r.id},
                     {"kind", std::string(to_string(r.kind))},
                     {"name", r.name},
                     {"effects", points_json(r.effects)},
                     {"text", r.text}});
  j["interactions"] = rules;

  ordered clauses = ordered::array();
  for (const auto& c : card.clauses) {
    ordered item;
    item["index"] = c.index;
    if (!c.ref.empty()) item["ref"] = c.ref;
    item["title"] = printable(c.title);
    item["points"] = points_json(c.points);
    if (c.facilitator_override) item["facilitator_override"] = true;
    if (c.analysis) {
      const Analysis& a = *c.analysis;
      ordered hits = ordered::array();
      for (const auto& h : a.hits) {
        ordered hit{
            {"role", std::string(to_string(h.role))}, {"phrase", h.phrase}, {"matched", h.matched}};
        if (h.role == PhraseRole::term) {
          hit["strength"] = std::string(to_string(h.strength));
          if (h.negated) hit["negated_by"] = h.negated_by;
          if (!h.restricted_by.empty()) hit["restricted_by"] = h.restricted_by;
          if (!h.reported_by.empty()) hit["reported_by"] = h.reported_by;
          if (!h.condition_by.empty()) hit["condition_by"] = h.condition_by;
          if (h.repeated) hit["repeated"] = true;
          if (h.in_term_list) hit["in_term_list"] = true;
        }
        hits.push_back(std::move(hit));
      }
      item["analysis"] = {{"status", std::string(to_string(a.status))},
                          {"words", a.words},
                          {"known_words", a.known_words},
                          {"nearest", a.nearest},
                          {"matches", hits},
                          {"text", printable(a.explanation)}};
    }
    clauses.push_back(std::move(item));
  }
  j["clauses"] = clauses;
  char hash[20];
  std::snprintf(hash, sizeof hash, "%016llx", static_cast<unsigned long long>(card.catalogue_hash));
  j["catalogue_hash"] = hash;
  return j.dump(2, ' ', false, ordered::error_handler_t::replace) + "\n";
}

std::string render_text(const Scorecard& card) {
  std::ostringstream out;
  out << "Scorecard: " << (card.title.empty() ? "(untitled draft)" : card.title) << "\n";
  out << card.summary << "\n\nAT A GLANCE\n";
  for (const auto& l : projector_summary(card, std::nullopt))
    out << "  " << l << "\n";
  out << "\n";
  out << "FINAL SCORE " << format_score(card.final_score) << " / 100\n";
  for (const auto& t : card.final_terms)
    out << line(t.value, t.text);
  out << "\nCONTENT " << format_score(card.content) << " (preset: " << card.preset_name << ")\n";
  for (const auto& t : card.content_terms)
    out << line(t.value, t.text);
  if (card.legitimacy) {
    out << "\nLEGITIMACY " << format_score(card.legitimacy->value) << ": " << card.legitimacy->text
        << "\n";
    for (const auto& t : card.legitimacy->terms)
      out << line(t.value, t.text);
  } else {
    out << "\nLEGITIMACY: not yet voted.\n";
  }
  for (const auto& c : card.criteria) {
    out << "\n"
        << to_string(c.criterion) << " " << c.name << ": " << format_score(c.value) << " ("
        << c.raw_points << (c.raw_points == 1 || c.raw_points == -1 ? " point" : " points")
        << ")\n";
    if (c.terms.empty()) out << "           No clause touches this criterion.\n";
    if (!c.note.empty()) out << "           " << c.note << "\n";
    for (const auto& t : c.terms)
      out << line(t.value, t.text);
  }
  if (!card.interactions.empty()) {
    out << "\nINTERACTIONS\n";
    for (const auto& r : card.interactions)
      out << "  " << r.id << " " << r.name << " (" << to_string(r.kind) << "): " << r.text << "\n";
  }
  out << "\nCLAUSES\n";
  for (const auto& c : card.clauses) {
    out << "  " << c.index + 1 << ". " << (c.ref.empty() ? "free text" : "#" + c.ref) << ": "
        << c.title << "\n";
    if (c.analysis) {
      out << "     " << c.analysis->explanation << "\n";
      if (!c.analysis->nearest.empty()) {
        out << "     Closest archetypes:";
        for (const auto& ref : c.analysis->nearest)
          out << " #" << ref;
        out << "\n";
      }
    }
  }
  return out.str();
}

}  // namespace accord::scoring
