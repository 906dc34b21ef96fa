// Reads the scoring rules: criteria.json, presets.json, interactions.json, formula.json.
#include <set>

#include "scoring/loader_internal.hpp"

namespace accord::scoring {

void read_criteria(const json& doc, JsonWalk& walk, std::vector<CriterionInfo>& out) {
  if (!walk.object(doc, "")) return;
  walk.only_keys(doc, "", {"criteria", "note"});
  std::vector<std::optional<CriterionInfo>> slots(kCriterionCount + 1);
  walk.array(doc, "", "criteria", true, [&](const json& entry, const std::string& path) {
    if (!walk.object(entry, path)) return;
    walk.only_keys(entry, path, {"code", "name", "kind", "description", "sources"});
    CriterionInfo info;
    info.code = walk.string(entry, path, "code").value_or("");
    info.name = walk.string(entry, path, "name").value_or("");
    info.description = walk.string(entry, path, "description").value_or("");
    info.sources = walk.string_array(entry, path, "sources");
    const auto kind = walk.string(entry, path, "kind");
    std::size_t slot = kCriterionCount;
    if (info.code.empty()) return;
    if (const auto c = enum_from_string<Criterion>(info.code)) {
      slot = index_of(*c);
      if (kind && *kind != "content") walk.fail(path + "/kind", "must be 'content'");
    } else if (info.code == kLegitimacyCode) {
      if (kind && *kind != "vote") walk.fail(path + "/kind", "must be 'vote'");
    } else {
      walk.fail(path + "/code", "unknown criterion code '" + info.code +
                                    "' (expected MI, TR, AV, RF, RS, CC, SP or LA)");
      return;
    }
    if (slots[slot]) {
      walk.fail(path + "/code", "criterion '" + info.code + "' is listed twice");
      return;
    }
    slots[slot] = std::move(info);
  });
  for (std::size_t i = 0; i < slots.size(); ++i) {
    if (slots[i]) continue;
    const std::string code = i < kCriterionCount ? std::string(to_string(kAllCriteria[i]))
                                                 : std::string(kLegitimacyCode);
    walk.fail("/criteria", "criterion '" + code + "' is missing");
  }
  if (walk.error_count() == 0)
    for (auto& slot : slots)
      out.push_back(std::move(*slot));
}

void read_presets(const json& doc, JsonWalk& walk, std::vector<Preset>& out,
                  std::string& default_id) {
  if (!walk.object(doc, "")) return;
  walk.only_keys(doc, "", {"default", "presets", "note"});
  default_id = walk.string(doc, "", "default").value_or("");
  std::set<std::string> ids;
  walk.array(doc, "", "presets", true, [&](const json& entry, const std::string& path) {
    if (!walk.object(entry, path)) return;
    walk.only_keys(entry, path, {"id", "name", "description", "weights"});
    Preset preset;
    preset.id = walk.string(entry, path, "id").value_or("");
    preset.name = walk.string(entry, path, "name").value_or("");
    preset.description = walk.string(entry, path, "description").value_or("");
    const std::size_t before = walk.error_count();
    const Points weights = walk.criterion_map(entry, path, "weights", 0, 1000, true, true);
    int sum = 0;
    for (std::size_t i = 0; i < kCriterionCount; ++i) {
      preset.weights_pm[i] = weights[i];
      sum += weights[i];
    }
    if (walk.error_count() == before && sum != 1000)
      walk.fail(path + "/weights",
                "weights add up to " + std::to_string(sum) + " per mille, expected 1000");
    if (!preset.id.empty() && !ids.insert(preset.id).second)
      walk.fail(path + "/id", "preset '" + preset.id + "' is defined twice");
    out.push_back(std::move(preset));
  });
  if (!default_id.empty() && !ids.empty() && !ids.count(default_id))
    walk.fail("/default", "no preset with id '" + default_id + "'");
}

void read_interactions(const json& doc, JsonWalk& walk, std::vector<Interaction>& out) {
  if (!walk.object(doc, "")) return;
  walk.only_keys(doc, "", {"interactions", "note"});
  std::set<std::string> ids;
  walk.array(doc, "", "interactions", true, [&](const json& entry, const std::string& path) {
    if (!walk.object(entry, path)) return;
    walk.only_keys(entry, path, {"id", "kind", "name", "trigger", "effects", "rationale", "note"});
    Interaction rule;
    rule.id = walk.string(entry, path, "id").value_or("");
    if (!rule.id.empty() && !ids.insert(rule.id).second)
      walk.fail(path + "/id", "interaction '" + rule.id + "' is defined twice");
    if (const auto kind = walk.string(entry, path, "kind")) {
      if (const auto k = enum_from_string<InteractionKind>(*kind))
        rule.kind = *k;
      else
        walk.fail(path + "/kind", "unknown kind '" + *kind +
                                      "' (expected synergy, conflict, tension or contradiction)");
    }
    rule.name = walk.string(entry, path, "name").value_or("");
    rule.rationale = walk.string(entry, path, "rationale").value_or("");
    rule.note = walk.string(entry, path, "note", false).value_or("");
    rule.effects = walk.criterion_map(entry, path, "effects", -3, 3, true, false);
    const json* trigger = walk.field(entry, path, "trigger", true);
    const std::string at = path + "/trigger";
    if (trigger && walk.object(*trigger, at)) {
      walk.only_keys(*trigger, at, {"all", "any", "none"});
      rule.trigger.all = walk.string_array(*trigger, at, "all");
      rule.trigger.any = walk.string_array(*trigger, at, "any", false);
      rule.trigger.none = walk.string_array(*trigger, at, "none", false);
      if (trigger->contains("all") && trigger->at("all").is_array() && rule.trigger.all.empty())
        walk.fail(at + "/all", "must name at least one clause");
    }
    out.push_back(std::move(rule));
  });
}

void read_formula(const json& doc, JsonWalk& walk, Formula& out) {
  if (!walk.object(doc, "")) return;
  walk.only_keys(doc, "",
                 {"note", "half_saturation_points", "max_clause_points", "coherence_step_pm",
                  "coherence_floor_pm", "breadth_clauses", "length_step_pm", "yes_share_weight_pm",
                  "bloc_coverage_weight_pm", "consensus_bonus_pm", "contested_below_pm",
                  "max_clauses", "max_clause_bytes"});
  const auto get = [&](const char* key, int& field, int min, int max) {
    if (const auto v = walk.integer(doc, "", key, min, max)) field = static_cast<int>(*v);
  };
  get("half_saturation_points", out.half_saturation_points, 1, 100);
  get("max_clause_points", out.max_clause_points, 1, 10);
  get("coherence_step_pm", out.coherence_step_pm, 0, 1000);
  get("coherence_floor_pm", out.coherence_floor_pm, 0, 1000);
  get("breadth_clauses", out.breadth_clauses, 1, 10000);
  get("length_step_pm", out.length_step_pm, 0, 1000);
  get("yes_share_weight_pm", out.yes_share_weight_pm, 0, 1000);
  get("bloc_coverage_weight_pm", out.bloc_coverage_weight_pm, 0, 1000);
  get("consensus_bonus_pm", out.consensus_bonus_pm, 0, 1000);
  get("contested_below_pm", out.contested_below_pm, 0, 1000);
  get("max_clauses", out.max_clauses, 1, 10000);
  get("max_clause_bytes", out.max_clause_bytes, 16, 1 << 20);
  if (doc.contains("breadth_clauses") && doc.contains("max_clauses") &&
      out.breadth_clauses > out.max_clauses)
    walk.fail("/breadth_clauses",
              "must not exceed max_clauses (" + std::to_string(out.max_clauses) + ")");
  if (doc.contains("yes_share_weight_pm") && doc.contains("bloc_coverage_weight_pm") &&
      out.yes_share_weight_pm + out.bloc_coverage_weight_pm != 1000)
    walk.fail("/bloc_coverage_weight_pm",
              "yes share and bloc coverage weights must add up to 1000");
}

}  // namespace accord::scoring
