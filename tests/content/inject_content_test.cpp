// The inject library (assets/injects/, issue 15): the shipped injects are complete and usable in
// every scenario, and a broken inject file is reported with its file and field.
#include <algorithm>
#include <set>

#include "content_test_support.hpp"
#include "core/rules.hpp"

namespace accord::content::test {
namespace {

// The minimal fixture plus inject files (name -> text) and, optionally, the mini scenario with
// its last closing brace replaced by `scenario_tail` (to add an "injects" plan).
ContentLoad load_with_injects(const std::map<std::string, std::string>& injects,
                              const std::string& scenario_tail = {}) {
  std::map<std::string, std::string> files;
  read_files(ACCORD_ASSET_DIR, {"clauses", "scoring"}, files);
  read_files(std::filesystem::path(ACCORD_CONTENT_TEST_DATA) / "minimal", {"states", "scenarios"},
             files);
  for (const auto& [name, text] : injects)
    files["injects/" + name] = text;
  if (!scenario_tail.empty()) {
    auto& mini = files.at("scenarios/mini.json");
    mini.erase(mini.find_last_of('}'));
    mini += scenario_tail;
  }
  std::vector<AssetFile> list;
  for (auto& [name, bytes] : files)
    list.push_back({name, bytes});
  return build_content(std::move(list));
}

const std::string kGoodInject = R"({
  "id": "blackout",
  "title": "Blackout",
  "kind": "attack on a power grid",
  "news": "The lights went out.",
  "teacher_note": "As in Ukraine in 2015.",
  "sources": ["a report"],
  "effects": {
    "urgent": ["14"],
    "priority_shifts": [{"states": ["kenya"], "add": ["29"], "note": "Help matters now."}],
    "statement": {"text": "Keep the lights on.", "follows": "14", "vote_s": 60},
    "extra_drafting_s": 60
  }
})";

bool has_error(const ContentLoad& load, const std::string& file, const std::string& path) {
  return std::any_of(load.errors.begin(), load.errors.end(),
                     [&](const AssetError& e) { return e.file == file && e.path == path; });
}

TEST_CASE("injects: the shipped library has at least twelve complete injects",
          "[content][injects]") {
  const auto& injects = shipped().injects();
  CHECK(injects.size() >= 12);
  std::set<std::string> kinds;
  for (const auto& inject : injects) {
    INFO(inject.file);
    CHECK_FALSE(inject.news.empty());
    CHECK_FALSE(inject.teacher_note.empty());
    CHECK_FALSE(inject.sources.empty());
    CHECK(kinds.insert(inject.kind).second);  // each grounded in its own kind of incident
    const bool has_effect = !inject.urgent.empty() || !inject.add_to_table.empty() ||
                            !inject.shifts.empty() || !inject.statement.empty() ||
                            inject.extra_drafting_ms > 0;
    CHECK(has_effect);
  }
}

TEST_CASE("injects: every scenario's matches carry the library, resolved to their seats",
          "[content][injects]") {
  const auto& content = shipped();
  for (const auto& scenario : content.scenarios()) {
    INFO(scenario.id);
    for (const std::size_t seats : {Scenario::kMinSeats, scenario.seats.size()}) {
      const auto made = make_match_settings(content, scenario.id, seats, "class45");
      REQUIRE(made);
      const auto& settings = made.setup->settings;
      CHECK_FALSE(validate_settings(settings));
      CHECK(settings.injects.size() == content.injects().size() - scenario.injects.exclude.size());
      std::size_t effective = 0;
      for (const auto& inject : settings.injects) {
        for (const auto& ref : inject.urgent_refs) {
          const bool on_table =
              std::any_of(settings.clause_table.begin(), settings.clause_table.end(),
                          [&](const ClauseOption& o) { return o.ref == ref; }) ||
              std::any_of(inject.new_refs.begin(), inject.new_refs.end(),
                          [&](const ClauseOption& o) { return o.ref == ref; });
          CHECK(on_table);
        }
        for (const auto& shift : inject.shifts)
          CHECK(shift.seat < seats);
        if (!inject.urgent_refs.empty() || !inject.shifts.empty() || !inject.statement.empty())
          ++effective;
      }
      // Most injects must do something in every scenario, not only make the news.
      CHECK(effective * 4 >= settings.injects.size() * 3);
    }
  }
  const auto two_tracks = make_match_settings(
      content, "two_tracks", content.scenario("two_tracks")->seats.size(), "class45");
  REQUIRE(two_tracks);
  REQUIRE(two_tracks.setup->settings.inject_schedule.size() == 1);
  CHECK(two_tracks.setup->settings.inject_schedule[0].inject == "election_interference");
}

TEST_CASE("injects: a shift reaches the states and blocs it names, and only those",
          "[content][injects]") {
  const auto load = load_with_injects({{"blackout.json", kGoodInject}});
  INFO(all_errors(load));
  REQUIRE(load.ok());
  const auto made = make_match_settings(*load.catalogue, "mini", 4, "class45");
  REQUIRE(made);
  const auto& settings = made.setup->settings;
  REQUIRE(settings.injects.size() == 1);
  const auto& inject = settings.injects[0];
  REQUIRE(inject.shifts.size() == 1);
  CHECK(settings.seats[inject.shifts[0].seat].state == "kenya");
  CHECK(inject.shifts[0].add == std::vector<std::string>{"29"});
  // "14" (urgent) is not on the mini table and the inject does not add it: dropped.
  CHECK(inject.urgent_refs.empty());
  CHECK(inject.statement_vote_ms == 60'000);
  CHECK(inject.extra_drafting_ms == 60'000);
}

TEST_CASE("injects: a broken inject file is reported with its file and field",
          "[content][injects]") {
  const auto broken = [](const std::string& from, const std::string& to) {
    std::string text = kGoodInject;
    const auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    text.replace(at, from.size(), to);
    return load_with_injects({{"blackout.json", text}});
  };
  const std::string file = "injects/blackout.json";
  CHECK(has_error(broken(R"("urgent": ["14"])", R"("urgent": ["99"])"), file, "/effects/urgent/0"));
  CHECK(has_error(broken(R"("states": ["kenya"])", R"("states": ["atlantis"])"), file,
                  "/effects/priority_shifts/0/states/0"));
  CHECK(has_error(broken(R"("id": "blackout")", R"("id": "brownout")"), file, "/id"));
  CHECK(has_error(broken(R"("vote_s": 60)", R"("vote_s": 5)"), file, "/effects/statement/vote_s"));
  CHECK(has_error(broken(R"("news": "The lights went out.")", R"("news": 7)"), file, "/news"));
  CHECK(has_error(broken(R"("follows": "14")", R"("follows": "14", "mood": "grim")"), file,
                  "/effects/statement/mood"));
  const auto empty = load_with_injects({{"blackout.json", R"({"id": "blackout", "title": "B",
      "kind": "k", "news": "n", "teacher_note": "t", "sources": ["s"], "effects": {}})"}});
  CHECK(has_error(empty, file, "/effects"));
  const auto not_json = load_with_injects({{"blackout.json", "{ nope"}});
  CHECK(has_error(not_json, file, ""));
}

TEST_CASE("injects: a scenario's plan names injects that exist, in rounds it has",
          "[content][injects]") {
  const auto good = load_with_injects(
      {{"blackout.json", kGoodInject}},
      R"(, "injects": {"schedule": [{"inject": "blackout", "round": 1, "phase": "drafting",
      "after_s": 60}]}})");
  INFO(all_errors(good));
  REQUIRE(good.ok());
  CHECK(good.catalogue->scenario("mini")->injects.schedule.size() == 1);
  const auto unknown = load_with_injects(
      {{"blackout.json", kGoodInject}},
      R"(, "injects": {"schedule": [{"inject": "meteor", "round": 1, "phase": "drafting",
      "after_s": 60}]}})");
  CHECK(has_error(unknown, "scenarios/mini.json", "/injects/schedule/0/inject"));
  const auto lobby = load_with_injects(
      {{"blackout.json", kGoodInject}},
      R"(, "injects": {"schedule": [{"inject": "blackout", "round": 1, "phase": "lobby",
      "after_s": 60}]}})");
  CHECK(has_error(lobby, "scenarios/mini.json", "/injects/schedule/0/phase"));
  const auto excluded = load_with_injects(
      {{"blackout.json", kGoodInject}},
      R"(, "injects": {"exclude": ["blackout"], "schedule": [{"inject": "blackout", "round": 1,
      "phase": "drafting", "after_s": 60}]}})");
  CHECK(has_error(excluded, "scenarios/mini.json", "/injects/schedule/0/inject"));
}

}  // namespace
}  // namespace accord::content::test
