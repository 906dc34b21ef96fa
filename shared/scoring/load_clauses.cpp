// Reads one clause file of assets/clauses/: {"category": {...}, "clauses": [...]}.
#include <cctype>

#include "scoring/loader_internal.hpp"

namespace accord::scoring {

namespace {

// "38q" -> "38"; empty when the reference is not digits followed by lower-case letters.
std::string family_number(const std::string& ref) {
  std::size_t digits = 0;
  while (digits < ref.size() && std::isdigit(static_cast<unsigned char>(ref[digits])))
    ++digits;
  if (digits == 0 || ref[0] == '0') return {};
  for (std::size_t i = digits; i < ref.size(); ++i)
    if (!std::islower(static_cast<unsigned char>(ref[i]))) return {};
  return ref.substr(0, digits);
}

void read_stance(const json& entry, const std::string& path, JsonWalk& walk,
                 ClauseArchetype& clause) {
  const json* stance = walk.field(entry, path, "stance", false);
  if (!stance || !walk.object(*stance, path + "/stance")) return;
  const std::string at = path + "/stance";
  walk.only_keys(*stance, at, {"base", "weights", "note"});
  if (const auto base = walk.integer(*stance, at, "base", -1000, 1000))
    clause.stance.base = static_cast<int>(*base);
  if (const auto note = walk.string(*stance, at, "note", clause.is_variant()))
    clause.stance.note = *note;
  const json* weights = walk.field(*stance, at, "weights", true);
  if (!weights || !walk.object(*weights, at + "/weights")) return;
  for (auto it = weights->begin(); it != weights->end(); ++it) {
    const auto axis = enum_from_string<StanceAxis>(it.key());
    if (!axis) {
      walk.fail(at + "/weights/" + it.key(),
                "unknown stance axis (expected SOV, MSH, LAW, CON, UNC, CRM or CAP)");
      continue;
    }
    if (const auto w = walk.integer(*weights, at + "/weights", it.key().c_str(), -1000, 1000))
      clause.stance.weights[static_cast<std::size_t>(*axis)] = static_cast<int>(*w);
  }
}

}  // namespace

void read_clause_file(const json& doc, const std::string& file, JsonWalk& walk,
                      ClauseFileData& out) {
  out.file = file;
  if (!walk.object(doc, "")) return;
  walk.only_keys(doc, "", {"category", "clauses"});
  if (const json* cat = walk.field(doc, "", "category", true);
      cat && walk.object(*cat, "/category")) {
    walk.only_keys(*cat, "/category", {"id", "name", "description"});
    out.category.id = walk.string(*cat, "/category", "id").value_or("");
    out.category.name = walk.string(*cat, "/category", "name").value_or("");
    out.category.description = walk.string(*cat, "/category", "description").value_or("");
  }
  walk.array(doc, "", "clauses", true, [&](const json& entry, const std::string& path) {
    if (!walk.object(entry, path)) return;
    walk.only_keys(entry, path,
                   {"ref", "family", "title", "category", "text", "summary", "sources",
                    "contributions", "stance", "note"});
    ClauseArchetype clause;
    clause.ref = walk.string(entry, path, "ref").value_or("");
    clause.family = walk.string(entry, path, "family").value_or("");
    if (!clause.ref.empty()) {
      const std::string number = family_number(clause.ref);
      if (number.empty())
        walk.fail(path + "/ref", "reference '" + clause.ref +
                                     "' must be a number, optionally followed by letters");
      else if (!clause.family.empty() && clause.family != number)
        walk.fail(path + "/family", "family of '" + clause.ref + "' must be '" + number + "'");
    }
    clause.title = walk.string(entry, path, "title").value_or("");
    clause.category = walk.string(entry, path, "category").value_or("");
    if (!clause.category.empty() && !out.category.id.empty() && clause.category != out.category.id)
      walk.fail(path + "/category", "clause category '" + clause.category +
                                        "' differs from the file's category '" + out.category.id +
                                        "'");
    clause.text = walk.string(entry, path, "text").value_or("");
    clause.summary = walk.string(entry, path, "summary").value_or("");
    clause.sources = walk.string_array(entry, path, "sources");
    clause.contributions = walk.criterion_map(entry, path, "contributions", -3, 3, true, true);
    clause.note = walk.string(entry, path, "note", false).value_or("");
    const bool own_stance = entry.contains("stance");
    if (!own_stance && !clause.is_variant())
      walk.fail(path + "/stance", "missing field (only variants may inherit their family's)");
    read_stance(entry, path, walk, clause);
    out.clauses.push_back(std::move(clause));
    out.origins.push_back({file, path});
    out.has_own_stance.push_back(own_stance);
  });
}

}  // namespace accord::scoring
