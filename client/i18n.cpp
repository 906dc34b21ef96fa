#include "i18n.hpp"

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <vector>

namespace accord::client {
namespace {

void flatten(const nlohmann::json& node, const std::string& prefix,
             std::map<std::string, std::string, std::less<>>& out) {
  for (auto it = node.begin(); it != node.end(); ++it) {
    const std::string key = prefix.empty() ? it.key() : prefix + "." + it.key();
    if (it->is_object())
      flatten(*it, key, out);
    else if (it->is_string())
      out[key] = it->get<std::string>();
  }
}

}  // namespace

bool Strings::load(const std::filesystem::path& file, std::string* error) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    if (error) *error = "cannot read " + file.string();
    return false;
  }
  std::stringstream buffer;
  buffer << in.rdbuf();
  return load_text(buffer.str(), error);
}

bool Strings::load_text(std::string_view json_text, std::string* error) {
  const auto doc = nlohmann::json::parse(json_text, nullptr, false);
  if (doc.is_discarded() || !doc.is_object()) {
    if (error) *error = "not a JSON object of strings";
    return false;
  }
  std::map<std::string, std::string, std::less<>> table;
  flatten(doc, "", table);
  table_ = std::move(table);
  return true;
}

const std::string& Strings::get(std::string_view key) const {
  if (const auto it = table_.find(key); it != table_.end()) return it->second;
  const auto it = missing_.find(key);
  if (it != missing_.end()) return it->second;
  return missing_.emplace(std::string(key), std::string(key)).first->second;
}

bool Strings::has(std::string_view key) const {
  return table_.find(key) != table_.end();
}

std::string Strings::fmt(std::string_view key, std::initializer_list<std::string_view> args) const {
  return format_pattern(get(key), args);
}

std::string format_pattern(std::string_view pattern, std::initializer_list<std::string_view> args) {
  const std::vector<std::string_view> list(args);
  std::string out;
  out.reserve(pattern.size() + 16);
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] == '{' && i + 2 < pattern.size() && pattern[i + 2] == '}' &&
        pattern[i + 1] >= '0' && pattern[i + 1] <= '9') {
      const auto n = static_cast<std::size_t>(pattern[i + 1] - '0');
      if (n < list.size()) {
        out += list[n];
        i += 2;
        continue;
      }
    }
    out += pattern[i];
  }
  return out;
}

}  // namespace accord::client
