#include "scoring/report.hpp"

#include <cstdio>
#include <nlohmann/json.hpp>
#include <sstream>

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

}  // namespace

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
  out << card.summary << "\n\n";
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
