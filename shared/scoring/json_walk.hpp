// Internal (include from .cpp files only: it pulls in nlohmann/json.hpp). A checked walk over
// a parsed JSON document that records every problem with its JSON path instead of stopping
// at the first, as nlohmann's from_json would.
#pragma once

#include <functional>
#include <initializer_list>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "scoring/criteria.hpp"

namespace accord::scoring {

using nlohmann::json;

struct PathError {
  std::string path;
  std::string problem;
};

class JsonWalk {
 public:
  explicit JsonWalk(std::vector<PathError>& errors) : errors_(errors) {}

  void fail(const std::string& path, std::string problem);
  std::size_t error_count() const { return errors_.size(); }

  // Each getter reports a missing field or a wrong type at `path + "/" + key`.
  const json* object(const json& j, const std::string& path);
  const json* field(const json& obj, const std::string& path, const char* key, bool required);
  std::optional<std::string> string(const json& obj, const std::string& path, const char* key,
                                    bool required = true, bool allow_empty = false);
  std::optional<long long> integer(const json& obj, const std::string& path, const char* key,
                                   long long min, long long max, bool required = true);
  std::optional<bool> boolean(const json& obj, const std::string& path, const char* key,
                              bool required = true);
  std::vector<std::string> string_array(const json& obj, const std::string& path, const char* key,
                                        bool required = true);
  // Calls `each(item, item_path)` for every element of the array at obj[key].
  void array(const json& obj, const std::string& path, const char* key, bool required,
             const std::function<void(const json&, const std::string&)>& each);
  // A map from criterion code to points in [min, max]; unknown codes are errors. With
  // `all_required`, every content criterion must be present.
  Points criterion_map(const json& obj, const std::string& path, const char* key, int min, int max,
                       bool required, bool all_required);
  // Reports keys of `obj` not in `allowed`.
  void only_keys(const json& obj, const std::string& path,
                 std::initializer_list<std::string_view> allowed);

 private:
  std::vector<PathError>& errors_;
};

// Parses JSON text, turning syntax errors and invalid UTF-8 into a message with the line.
std::optional<json> parse_json_text(std::string_view text, std::string& problem);

}  // namespace accord::scoring
