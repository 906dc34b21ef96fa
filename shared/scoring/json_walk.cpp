#include "scoring/json_walk.hpp"

#include <algorithm>
#include <string>

namespace accord::scoring {

namespace {

std::string type_name(const json& j) {
  if (j.is_number_integer() || j.is_number_unsigned()) return "a whole number";
  if (j.is_number_float()) return "a decimal number";
  return std::string("a") + (j.is_array() || j.is_object() ? "n " : " ") + j.type_name();
}

}  // namespace

void JsonWalk::fail(const std::string& path, std::string problem) {
  errors_.push_back({path, std::move(problem)});
}

const json* JsonWalk::object(const json& j, const std::string& path) {
  if (j.is_object()) return &j;
  fail(path, "expected an object, found " + type_name(j));
  return nullptr;
}

const json* JsonWalk::field(const json& obj, const std::string& path, const char* key,
                            bool required) {
  const auto it = obj.find(key);
  if (it == obj.end()) {
    if (required) fail(path + "/" + key, "missing field");
    return nullptr;
  }
  return &*it;
}

std::optional<std::string> JsonWalk::string(const json& obj, const std::string& path,
                                            const char* key, bool required, bool allow_empty) {
  const json* j = field(obj, path, key, required);
  if (!j) return std::nullopt;
  if (!j->is_string()) {
    fail(path + "/" + key, "expected a string, found " + type_name(*j));
    return std::nullopt;
  }
  const auto& s = j->get_ref<const std::string&>();
  if (s.empty() && !allow_empty) {
    fail(path + "/" + key, "must not be empty");
    return std::nullopt;
  }
  return s;
}

std::optional<long long> JsonWalk::integer(const json& obj, const std::string& path,
                                           const char* key, long long min, long long max,
                                           bool required) {
  const json* j = field(obj, path, key, required);
  if (!j) return std::nullopt;
  const std::string at = path + "/" + key;
  // Range-check before narrowing: get<int>() would silently turn 2.7 into 2.
  if (j->is_number_unsigned()) {
    const auto v = j->get<unsigned long long>();
    // JSON reads every non-negative number as unsigned: check the lower bound here too.
    if (v > static_cast<unsigned long long>(max) || static_cast<long long>(v) < min) {
      fail(at, "must be between " + std::to_string(min) + " and " + std::to_string(max));
      return std::nullopt;
    }
    return static_cast<long long>(v);
  }
  if (j->is_number_integer()) {
    const auto v = j->get<long long>();
    if (v < min || v > max) {
      fail(at, "must be between " + std::to_string(min) + " and " + std::to_string(max));
      return std::nullopt;
    }
    return v;
  }
  fail(at, "expected a whole number, found " + type_name(*j));
  return std::nullopt;
}

std::optional<bool> JsonWalk::boolean(const json& obj, const std::string& path, const char* key,
                                      bool required) {
  const json* j = field(obj, path, key, required);
  if (!j) return std::nullopt;
  if (!j->is_boolean()) {
    fail(path + "/" + key, "expected true or false, found " + type_name(*j));
    return std::nullopt;
  }
  return j->get<bool>();
}

std::vector<std::string> JsonWalk::string_array(const json& obj, const std::string& path,
                                                const char* key, bool required) {
  std::vector<std::string> out;
  array(obj, path, key, required, [&](const json& item, const std::string& at) {
    if (!item.is_string()) {
      fail(at, "expected a string, found " + type_name(item));
    } else if (item.get_ref<const std::string&>().empty()) {
      fail(at, "must not be empty");
    } else {
      out.push_back(item.get<std::string>());
    }
  });
  return out;
}

void JsonWalk::array(const json& obj, const std::string& path, const char* key, bool required,
                     const std::function<void(const json&, const std::string&)>& each) {
  const json* j = field(obj, path, key, required);
  if (!j) return;
  const std::string at = path + "/" + key;
  if (!j->is_array()) {
    fail(at, "expected an array, found " + type_name(*j));
    return;
  }
  for (std::size_t i = 0; i < j->size(); ++i)
    each((*j)[i], at + "/" + std::to_string(i));
}

Points JsonWalk::criterion_map(const json& obj, const std::string& path, const char* key, int min,
                               int max, bool required, bool all_required) {
  Points out{};
  const json* j = field(obj, path, key, required);
  if (!j) return out;
  const std::string at = path + "/" + key;
  if (!object(*j, at)) return out;
  for (auto it = j->begin(); it != j->end(); ++it) {
    const auto code = enum_from_string<Criterion>(it.key());
    if (!code) {
      fail(at + "/" + it.key(),
           "unknown criterion code '" + it.key() + "' (expected MI, TR, AV, RF, RS, CC or SP)");
      continue;
    }
    if (const auto v = integer(*j, at, it.key().c_str(), min, max))
      out[index_of(*code)] = static_cast<int>(*v);
  }
  if (all_required) {
    for (const Criterion c : kAllCriteria) {
      const std::string code(to_string(c));
      if (!j->contains(code)) fail(at + "/" + code, "missing criterion");
    }
  }
  return out;
}

void JsonWalk::only_keys(const json& obj, const std::string& path,
                         std::initializer_list<std::string_view> allowed) {
  for (auto it = obj.begin(); it != obj.end(); ++it) {
    if (std::find(allowed.begin(), allowed.end(), it.key()) == allowed.end())
      fail(path + "/" + it.key(), "unexpected field");
  }
}

std::optional<json> parse_json_text(std::string_view text, std::string& problem) {
  try {
    return json::parse(text.begin(), text.end());
  } catch (const json::parse_error& e) {
    const std::size_t offset = std::min<std::size_t>(e.byte > 0 ? e.byte - 1 : 0, text.size());
    const auto line = 1 + std::count(text.begin(), text.begin() + static_cast<long>(offset), '\n');
    // nlohmann's message quotes the bytes it read, which may be invalid UTF-8: do not echo it.
    const bool bad_utf8 = std::string_view(e.what()).find("UTF-8") != std::string_view::npos;
    problem = std::string(bad_utf8 ? "invalid UTF-8" : "not valid JSON") + " at line " +
              std::to_string(line) + ", byte " + std::to_string(e.byte);
    return std::nullopt;
  }
}

}  // namespace accord::scoring
