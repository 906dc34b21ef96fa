// Internal to the content loader (include from .cpp files only: pulls in nlohmann/json.hpp).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "content/content.hpp"
#include "scoring/json_walk.hpp"

namespace accord::content {

using scoring::json;
using scoring::JsonWalk;

// A reference to check once the clause catalogue is known: a clause ref or a family.
struct PendingRef {
  std::string path;
  std::string ref;
  bool family = false;  // must name a family (an archetype number) rather than any ref
};

struct PendingCondition {
  std::string path;
  std::string text;
  bool goal = false;  // scenario goals may not use seat or deal predicates
};

struct StateFileData {
  std::string file;
  StateProfile state;
  std::vector<PendingRef> refs;
  std::vector<PendingCondition> conditions;
};

struct ScenarioFileData {
  std::string file;
  Scenario scenario;
  std::vector<PendingRef> refs;
  std::vector<PendingCondition> conditions;
  bool has_date = false;
  // State ids with their paths, checked against the state profiles.
  std::vector<std::pair<std::string, std::string>> state_refs;
  // Inject ids with their paths, checked against assets/injects.
  std::vector<std::pair<std::string, std::string>> inject_refs;
};

// Each entry of an id list as (path of the entry, id), to check once everything is loaded:
// clause refs (or families) and state, bloc or inject ids.
void refs_of(const std::vector<std::string>& refs, const std::string& at, bool family,
             std::vector<PendingRef>& out);
void ids_of(const std::vector<std::string>& ids, const std::string& at,
            std::vector<std::pair<std::string, std::string>>& out);

// "2012" or "2012-12"; nullopt for anything else.
std::optional<YearMonth> parse_year_month(std::string_view text);

void read_state_file(const json& doc, JsonWalk& walk, StateFileData& out);
void read_bloc_file(const json& doc, JsonWalk& walk, std::vector<Bloc>& out);
void read_scenario_file(const json& doc, JsonWalk& walk, ScenarioFileData& out);

struct InjectFileData {
  std::string file;
  Inject inject;
  std::vector<PendingRef> refs;
  std::vector<std::pair<std::string, std::string>> state_refs;  // (path, state id)
  std::vector<std::pair<std::string, std::string>> bloc_refs;   // (path, bloc id)
};
void read_inject_file(const json& doc, JsonWalk& walk, InjectFileData& out);
// A scenario's optional "injects": {"exclude": [...], "schedule": [...]}.
void read_inject_plan(const json& doc, JsonWalk& walk, ScenarioFileData& out);

// Checks a condition; returns the problem, or empty when it is valid.
std::string check_condition(const std::string& text, const scoring::ClauseCatalogue& catalogue,
                            bool goal);

class ContentBuilder {
 public:
  static ContentLoad build(std::vector<AssetFile> files);
};

}  // namespace accord::content
