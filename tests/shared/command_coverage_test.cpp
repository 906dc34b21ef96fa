// Runs every registered rules case, and fails if a declared command lacks an accepted or a
// rejected case: a command added later cannot skip its tests.
#include <map>

#include "core/codec.hpp"
#include "test_support.hpp"

namespace accord::test {

std::vector<RuleCase>& rule_cases() {
  static std::vector<RuleCase> cases;
  return cases;
}

RegisterRuleCases::RegisterRuleCases(std::vector<RuleCase> cases) {
  for (auto& c : cases)
    rule_cases().push_back(std::move(c));
}

TEST_CASE("every registered rules case behaves as declared") {
  REQUIRE_FALSE(rule_cases().empty());
  for (const auto& c : rule_cases()) {
    SECTION(c.name) {
      Table table = c.setup();
      const Match before = table.match();
      const Decision decision = decide(before, c.actor, c.command, table.now);
      // decide never changes anything.
      CHECK(table.match() == before);
      if (c.rejection) {
        REQUIRE_FALSE(decision.accepted());
        CHECK(to_string(decision.rejection->code) == to_string(*c.rejection));
        CHECK_FALSE(decision.rejection->message.empty());
      } else {
        INFO((decision.rejection ? decision.rejection->message : std::string()));
        REQUIRE(decision.accepted());
        REQUIRE_FALSE(decision.events.empty());
        auto outcome = table.host().submit(c.actor, c.command, table.now);
        REQUIRE_FALSE(outcome.rejection);
        if (c.check) c.check(table.match());
      }
    }
  }
}

TEST_CASE("every declared command has an accepted and a rejected case") {
  std::map<std::string, std::pair<int, int>> counts;  // name -> (accepted, rejected)
  for (auto name : NamesOf<CommandTypes>::value)
    counts[std::string(name)] = {0, 0};
  for (const auto& c : rule_cases()) {
    auto& [accepted, rejected] = counts[std::string(name_of(c.command))];
    (c.rejection ? rejected : accepted) += 1;
  }
  for (const auto& [name, count] : counts) {
    INFO("command " << name << ": " << count.first << " accepted, " << count.second
                    << " rejected cases");
    CHECK(count.first > 0);
    CHECK(count.second > 0);
  }
}

}  // namespace accord::test
