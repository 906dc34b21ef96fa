// Validates objective and goal conditions with the scoring's condition parser.
#include "content/content_internal.hpp"
#include "scoring/conditions.hpp"

namespace accord::content {

std::string check_condition(const std::string& text, const scoring::ClauseCatalogue& catalogue,
                            bool goal) {
  const auto parsed = scoring::parse_condition(
      text, catalogue, goal ? scoring::ConditionMode::goal : scoring::ConditionMode::objective);
  return parsed ? std::string() : parsed.error->describe();
}

}  // namespace accord::content
