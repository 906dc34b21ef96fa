#include "bots/talk.hpp"

#include <nlohmann/json.hpp>

#include <array>

namespace accord::bots {
namespace {

constexpr std::array kSayKeys{"table_clause", "support_clause", "oppose_clause", "amend",
                              "withdraw",     "final_yes",      "final_no",      "deal_offer",
                              "deal_accept",  "deal_decline"};
constexpr std::array kReasonKeys{"stance",    "priority",  "objective", "red_line",
                                 "qualifier", "consensus", "trade",     "no_support"};

void replace_all(std::string& text, std::string_view key, std::string_view value) {
  for (auto at = text.find(key); at != std::string::npos; at = text.find(key, at + value.size()))
    text.replace(at, key.size(), value);
}

const std::string* pick(const std::map<std::string, std::vector<std::string>, std::less<>>& from,
                        std::string_view key, Pcg32& rng) {
  const auto it = from.find(key);
  if (it == from.end() || it->second.empty()) return nullptr;
  return &it->second[rng.below(static_cast<std::uint32_t>(it->second.size()))];
}

}  // namespace

std::string_view say_key(Say say) {
  return kSayKeys[static_cast<std::size_t>(say)];
}
std::string_view reason_key(Reason reason) {
  return kReasonKeys[static_cast<std::size_t>(reason)];
}

PhrasebookLoad parse_phrasebook(std::string_view json_text) {
  PhrasebookLoad load;
  const auto json = nlohmann::json::parse(json_text, nullptr, false);
  if (json.is_discarded() || !json.is_object()) {
    load.error = "/: not a JSON object";
    return load;
  }
  Phrasebook book;
  const auto read = [&](const char* section, const auto& keys, auto& into) -> bool {
    const auto it = json.find(section);
    if (it == json.end() || !it->is_object()) {
      load.error = std::string("/") + section + ": missing or not an object";
      return false;
    }
    for (const char* key : keys) {
      const auto list = it->find(key);
      if (list == it->end() || !list->is_array() || list->empty()) {
        load.error = std::string("/") + section + "/" + key + ": needs at least one sentence";
        return false;
      }
      for (std::size_t i = 0; i < list->size(); ++i) {
        if (!(*list)[i].is_string()) {
          load.error =
              std::string("/") + section + "/" + key + "/" + std::to_string(i) + ": not a string";
          return false;
        }
        into[key].push_back((*list)[i].template get<std::string>());
      }
    }
    return true;
  };
  if (!read("say", kSayKeys, book.say) || !read("reasons", kReasonKeys, book.reasons)) return load;
  load.book = std::move(book);
  return load;
}

std::string phrase(const Phrasebook& book, Say say, Reason reason, const SayWhat& what,
                   Pcg32& rng) {
  const std::string* sentence = pick(book.say, say_key(say), rng);
  if (!sentence) return {};
  std::string text = *sentence;
  const std::string* why = pick(book.reasons, reason_key(reason), rng);
  replace_all(text, "{reason}", why ? *why : std::string());
  replace_all(text, "{state}", what.state);
  replace_all(text, "{clause}", what.clause);
  replace_all(text, "{other}", what.other);
  return text;
}

}  // namespace accord::bots
