#include "core/migrations.hpp"

#include <nlohmann/json.hpp>

namespace accord {

const std::vector<Migration>& migrations() {
  // Add one entry per schema version that needs more than defaults, e.g.
  //   {2, "rename Match.round to Match.drafting_round",
  //    [](RecordKind kind, nlohmann::json& j, std::string*) { ...; return true; }},
  static const std::vector<Migration> list;
  return list;
}

MigratedRecord migrate_record(RecordKind kind, std::span<const std::uint8_t> bytes,
                              std::uint32_t from_version, const std::vector<Migration>& list) {
  MigratedRecord result;
  bool any = false;
  for (const auto& m : list)
    any = any || m.to_version > from_version;
  if (!any) return result;
  nlohmann::json document;
  try {
    document = nlohmann::json::from_msgpack(bytes.begin(), bytes.end());
  } catch (const nlohmann::json::exception& e) {
    result.problem = std::string("it is not MessagePack (") + e.what() + ")";
    return result;
  }
  const nlohmann::json before = document;
  for (const auto& m : list) {
    if (m.to_version <= from_version) continue;
    std::string problem;
    if (!m.apply(kind, document, &problem)) {
      result.problem = "the migration to data schema " + std::to_string(m.to_version) + " (" +
                       m.what + ") refused it: " + problem;
      return result;
    }
  }
  if (document != before) result.bytes = nlohmann::json::to_msgpack(document);
  return result;
}

}  // namespace accord
