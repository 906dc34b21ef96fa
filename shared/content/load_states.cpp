// Reads assets/states/<id>.json and assets/states/blocs.json.
#include "content/content_internal.hpp"

namespace accord::content {

namespace {

constexpr const char* kAxes[kStanceAxes] = {"SOV", "MSH", "LAW", "CON", "UNC", "CRM", "CAP"};

void read_objective(const json& item, const std::string& at, JsonWalk& walk,
                    std::vector<ObjectiveSetup>& out, std::vector<PendingCondition>& conditions) {
  if (!walk.object(item, at)) return;
  walk.only_keys(item, at, {"text", "condition"});
  const auto text = walk.string(item, at, "text");
  const auto condition = walk.string(item, at, "condition");
  if (condition) conditions.push_back({at + "/condition", *condition, false});
  if (text && condition) out.push_back({*text, *condition});
}

void read_objectives(const json& obj, const std::string& path, bool required, JsonWalk& walk,
                     std::vector<ObjectiveSetup>& out, std::vector<PendingCondition>& conditions) {
  walk.array(obj, path, "objectives", required, [&](const json& item, const std::string& at) {
    read_objective(item, at, walk, out, conditions);
  });
}

void read_facts(const json& obj, const std::string& path, JsonWalk& walk,
                std::vector<SourcedFact>& out) {
  walk.array(obj, path, "facts", true, [&](const json& item, const std::string& at) {
    if (!walk.object(item, at)) return;
    walk.only_keys(item, at, {"fact", "source", "tag", "since"});
    SourcedFact f;
    f.fact = walk.string(item, at, "fact").value_or("");
    f.source = walk.string(item, at, "source").value_or("");
    f.tag = walk.string(item, at, "tag").value_or("");
    if (const auto since = walk.string(item, at, "since", false)) {
      if (const auto date = parse_year_month(*since))
        f.since = *date;
      else
        walk.fail(at + "/since", "since must be a year or a month, \"2012\" or \"2012-12\"");
    }
    if (!f.tag.empty() && f.tag != "V" && f.tag != "R")
      walk.fail(at + "/tag", "tag must be \"V\" (checked) or \"R\" (reconstructed)");
    out.push_back(std::move(f));
  });
}

void read_stance(const json& obj, const std::string& path, JsonWalk& walk, Stance& out) {
  const json* stance = walk.field(obj, path, "stance", true);
  const std::string at = path + "/stance";
  if (!stance || !walk.object(*stance, at)) return;
  walk.only_keys(*stance, at, {"SOV", "MSH", "LAW", "CON", "UNC", "CRM", "CAP"});
  for (std::size_t i = 0; i < kStanceAxes; ++i)
    if (const auto v = walk.integer(*stance, at, kAxes[i], -200, 200))
      out[i] = static_cast<std::int32_t>(*v);
}

// `base`: the era this one starts from (2011 for 2015, today for 2021), whose parts it keeps where
// it gives none; null for an era written out in full.
void read_era(const json& eras, const std::string& path, const char* key, const EraProfile* base,
              JsonWalk& walk, EraProfile& out, std::vector<PendingCondition>& conditions) {
  if (base) out = *base;
  const json* era = walk.field(eras, path, key, base == nullptr);
  const std::string at = path + "/" + key;
  if (!era || !walk.object(*era, at)) return;
  walk.only_keys(*era, at, {"position", "brief", "stance", "objectives", "facts"});
  const bool full = base == nullptr;
  if (full || era->contains("position") || era->contains("brief")) {
    // The public position and the brief go together: a changed one needs the other.
    out.position = walk.string(*era, at, "position").value_or("");
    out.brief = walk.string(*era, at, "brief").value_or("");
    out.text_from = key;
  }
  if (full || era->contains("stance")) read_stance(*era, at, walk, out.stance);
  if (full || era->contains("objectives")) {
    out.objectives.clear();
    read_objectives(*era, at, false, walk, out.objectives, conditions);
    out.objectives_from = key;
  }
  if (full || era->contains("facts")) {
    out.facts.clear();
    read_facts(*era, at, walk, out.facts);
    out.facts_from = key;
  }
}

}  // namespace

void read_state_file(const json& doc, JsonWalk& walk, StateFileData& out) {
  StateProfile& s = out.state;
  if (!walk.object(doc, "")) return;
  walk.only_keys(doc, "",
                 {"id", "name", "bloc", "un_status", "priorities", "red_lines", "objectives",
                  "eras", "sources", "notes"});
  s.id = walk.string(doc, "", "id").value_or("");
  s.name = walk.string(doc, "", "name").value_or("");
  s.bloc = walk.string(doc, "", "bloc").value_or("");
  if (const auto status = walk.string(doc, "", "un_status", false)) {
    if (*status == "observer")
      s.un_observer = true;
    else if (*status != "member")
      walk.fail("/un_status", "un_status must be \"member\" or \"observer\"");
  }
  s.priorities = walk.string_array(doc, "", "priorities");
  for (std::size_t i = 0; i < s.priorities.size(); ++i)
    out.refs.push_back({"/priorities/" + std::to_string(i), s.priorities[i], false});
  walk.array(doc, "", "red_lines", true, [&](const json& item, const std::string& at) {
    if (!walk.object(item, at)) return;
    walk.only_keys(item, at, {"ref", "lifted_by", "why"});
    RedLineInfo r;
    r.line.ref = walk.string(item, at, "ref").value_or("");
    r.line.lifted_by = walk.string(item, at, "lifted_by", false).value_or("");
    r.why = walk.string(item, at, "why").value_or("");
    if (!r.line.ref.empty()) out.refs.push_back({at + "/ref", r.line.ref, false});
    if (!r.line.lifted_by.empty()) out.refs.push_back({at + "/lifted_by", r.line.lifted_by, false});
    s.red_lines.push_back(std::move(r));
  });
  read_objectives(doc, "", true, walk, s.objectives, out.conditions);
  if (const json* eras = walk.field(doc, "", "eras", true); eras && walk.object(*eras, "/eras")) {
    walk.only_keys(*eras, "/eras", {"2011", "2015", "2021", "today"});
    auto& e = s.eras;
    const auto at = [](Era era) { return static_cast<std::size_t>(era); };
    read_era(*eras, "/eras", "2011", nullptr, walk, e[at(Era::y2011)], out.conditions);
    read_era(*eras, "/eras", "2015", &e[at(Era::y2011)], walk, e[at(Era::y2015)], out.conditions);
    read_era(*eras, "/eras", "today", nullptr, walk, e[at(Era::today)], out.conditions);
    read_era(*eras, "/eras", "2021", &e[at(Era::today)], walk, e[at(Era::y2021)], out.conditions);
  }
  s.sources = walk.string_array(doc, "", "sources");
  s.notes = walk.string(doc, "", "notes", false).value_or("");
}

void read_bloc_file(const json& doc, JsonWalk& walk, std::vector<Bloc>& out) {
  if (!walk.object(doc, "")) return;
  walk.only_keys(doc, "", {"blocs", "source"});
  walk.string(doc, "", "source", false);
  walk.array(doc, "", "blocs", true, [&](const json& item, const std::string& at) {
    if (!walk.object(item, at)) return;
    walk.only_keys(item, at, {"id", "name", "description"});
    Bloc b;
    b.id = walk.string(item, at, "id").value_or("");
    b.name = walk.string(item, at, "name").value_or("");
    b.description = walk.string(item, at, "description").value_or("");
    for (const Bloc& other : out)
      if (!b.id.empty() && other.id == b.id)
        walk.fail(at + "/id", "duplicate bloc id '" + b.id + "'");
    out.push_back(std::move(b));
  });
}

}  // namespace accord::content
