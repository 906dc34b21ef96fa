// Every UI string goes through one lookup: Strings::get(key) over assets/i18n/<lang>.json, so a
// translation is a new file, not a code change. A missing key shows as the key itself.
#pragma once

#include <filesystem>
#include <initializer_list>
#include <map>
#include <string>
#include <string_view>

namespace accord::client {

class Strings {
 public:
  // Reads a flat or nested JSON object of strings; nested keys join with '.'. False (and `error`)
  // when the file cannot be read or parsed; the table keeps what it had.
  bool load(const std::filesystem::path& file, std::string* error = nullptr);
  bool load_text(std::string_view json_text, std::string* error = nullptr);

  const std::string& get(std::string_view key) const;
  const char* c(std::string_view key) const { return get(key).c_str(); }
  // get(key) with "{0}", "{1}"... replaced by the arguments.
  std::string fmt(std::string_view key, std::initializer_list<std::string_view> args) const;
  bool has(std::string_view key) const;
  std::size_t size() const { return table_.size(); }

 private:
  std::map<std::string, std::string, std::less<>> table_;
  mutable std::map<std::string, std::string, std::less<>> missing_;
};

// Replaces "{0}", "{1}"... in a pattern.
std::string format_pattern(std::string_view pattern, std::initializer_list<std::string_view> args);

}  // namespace accord::client
