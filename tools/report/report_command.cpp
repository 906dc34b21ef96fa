#include "report_command.hpp"

#include <CLI/CLI.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "content/content.hpp"
#include "core/host.hpp"
#include "core/visibility.hpp"
#include "paths/asset_location.hpp"
#include "protocol/join_code.hpp"
#include "report/debrief_json.hpp"
#include "report/debrief_report.hpp"
#include "report/gradebook.hpp"
#include "report/role_cards.hpp"
#include "sqlite_store.hpp"

namespace accord::report {
namespace {

struct CardsOptions {
  std::string scenario;
  std::size_t seats = 0;  // 0: every seat of the scenario
  std::string paper = "a4";
  std::string lang = "en";
  std::string assets = accord::default_asset_dir();
  std::string out;  // "-": standard output
};

struct DebriefOptions {
  std::string data;
  std::string room;
  std::string format = "html";
  std::string paper = "a4";
  std::string assets = accord::default_asset_dir();
  std::string out;  // "-": standard output
};

int write(const std::string& path, const std::string& text, std::ostream& out, std::ostream& err) {
  if (path == "-") {
    out << text;
    return 0;
  }
  std::ofstream file(path, std::ios::binary);
  file << text;
  file.close();
  if (!file) {
    err << "accord-report: cannot write " << path << "\n";
    return 1;
  }
  out << "accord-report: wrote " << path << " (" << text.size() << " bytes)\n";
  return 0;
}

int cards(const CardsOptions& o, std::ostream& out, std::ostream& err) {
  if (o.lang != "en") {
    err << "accord-report: --lang: no '" << o.lang
        << "' translation of the content yet; the role cards are in English (en)\n";
    return 2;
  }
  const auto load = content::load_content(o.assets);
  if (!load.ok()) {
    err << "accord-report: the assets in " << o.assets
        << " do not load: " << load.errors.front().describe() << "\n";
    return 3;
  }
  const auto* scenario = load.catalogue->scenario(o.scenario);
  if (!scenario) {
    err << "accord-report: --scenario: no scenario '" << o.scenario << "'; there are:";
    for (const auto& s : load.catalogue->scenarios())
      err << " " << s.id;
    err << "\n";
    return 2;
  }
  const std::size_t seats = o.seats == 0 ? scenario->seats.size() : o.seats;
  const auto made = role_cards(*load.catalogue, *scenario, seats,
                               o.paper == "letter" ? Paper::letter : Paper::a4);
  if (!made.error.empty()) {
    err << "accord-report: --seats: " << made.error << "\n";
    return 2;
  }
  const std::string path =
      o.out.empty() ? "role-cards-" + scenario->id + "-" + std::to_string(seats) + ".html" : o.out;
  return write(path, made.html, out, err);
}

// The content the room was played with, from the bundle the store keeps with it; the asset
// folder when the store has none or it does not build.
std::optional<content::ContentCatalogue> room_content(const server::RoomRecord& record,
                                                      const std::string& assets,
                                                      std::ostream& err) {
  if (!record.content.empty()) {
    const auto doc = nlohmann::json::parse(record.content, nullptr, false);
    if (doc.is_object() && doc.contains("files") && doc["files"].is_array()) {
      std::vector<scoring::AssetFile> files;
      for (const auto& file : doc["files"])
        if (file.is_object() && file.value("name", nlohmann::json()).is_string() &&
            file.value("text", nlohmann::json()).is_string())
          files.push_back({file["name"].get<std::string>(), file["text"].get<std::string>()});
      auto built = content::build_content(std::move(files));
      if (built.ok()) return std::move(built.catalogue);
    }
    err << "accord-report: the content stored with the room does not build; using " << assets
        << "\n";
  }
  auto load = content::load_content(assets);
  if (!load.ok()) {
    err << "accord-report: the assets in " << assets
        << " do not load: " << load.errors.front().describe() << "\n";
    return std::nullopt;
  }
  return std::move(load.catalogue);
}

int debrief(const DebriefOptions& o, std::ostream& out, std::ostream& err) {
  std::error_code ec;
  if (!std::filesystem::is_directory(o.data, ec)) {
    err << "accord-report: --data: there is no folder '" << o.data << "'\n";
    return 3;
  }
  std::string problem;
  const auto store =
      server::SqliteRoomStore::open(o.data, server::SqliteRoomStore::Access::read_only, &problem);
  if (!store) {
    err << "accord-report: --data: " << problem << "\n";
    return 3;
  }
  // One committed state of the database, however the server writes meanwhile.
  store->begin_read();
  const auto rooms = store->rooms();
  const std::string code = protocol::normalize_join_code(o.room).value_or(o.room);
  const auto found = std::find_if(rooms.begin(), rooms.end(),
                                  [&](const server::RoomSummary& r) { return r.code == code; });
  if (found == rooms.end()) {
    store->end_read();
    err << "accord-report: --room: no room '" << o.room << "' in " << o.data;
    if (rooms.empty()) {
      err << "; it holds no room\n";
    } else {
      err << "; there are:";
      for (const auto& r : rooms)
        err << " " << r.code << " (" << server::status_name(r.status) << ")";
      err << "\n";
    }
    return 2;
  }
  auto loaded = store->load_room(code);
  store->end_read();
  if (!loaded.room) {
    err << "accord-report: room " << code << " cannot be read: " << loaded.problem << "\n";
    return 3;
  }
  auto& stored = *loaded.room;
  std::string why;
  auto host = stored.snapshot
                  ? MatchHost::from_snapshot(stored.header, std::move(*stored.snapshot),
                                             stored.snapshot_seq, std::move(stored.tail), &why)
                  : MatchHost::from_log(EventLog{stored.header, std::move(stored.tail)}, &why);
  if (!host) {
    err << "accord-report: room " << code << "'s log does not replay: " << why << "\n";
    return 3;
  }
  const auto content = room_content(stored.record, o.assets, err);
  if (!content) return 3;
  if (content->content_hash_hex() != stored.header.content_hash)
    err << "accord-report: warning: room " << code
        << " was played with other content than this; its scores may differ\n";
  // The teacher's copy: the facilitator's view. The report and the gradebook hold no message
  // text and no private note; the JSON keeps only the plenary's.
  const Match view = view_for(host->match(), Viewer::facilitator());
  if (view.phase != Phase::debrief)
    err << "accord-report: warning: room " << code << " is in the " << to_string(view.phase)
        << " phase, not finished: the documents show the match as it stands\n";
  const DebriefSource source{view, *content, stored.record.scenario, code};
  std::string text;
  if (o.format == "csv")
    text = gradebook_csv(view, content->clauses());
  else if (o.format == "json")
    text = debrief_json(source);
  else
    text = debrief_report(source, o.paper == "letter" ? Paper::letter : Paper::a4);
  const std::string path =
      o.out.empty() ? debrief_file_name(stored.record.scenario, code, o.format) : o.out;
  return write(path, text, out, err);
}

}  // namespace

int run_report_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  CLI::App app{
      "accord-report: the classroom documents: role cards before class, the debrief report, "
      "gradebook and match export after it"};
  app.set_version_flag("--version", std::string("accord-report ") + ACCORD_VERSION);
  app.require_subcommand(1);
  CardsOptions cards_options;
  auto* cards_command = app.add_subcommand("cards",
                                           "printable role cards: a cover for the teacher with the "
                                           "lesson plans, then one page per seat");
  cards_command->add_option("--scenario", cards_options.scenario, "the scenario's id")->required();
  cards_command->add_option("--seats", cards_options.seats,
                            "seats at the table (default: all of the scenario's)");
  cards_command->add_option("--paper", cards_options.paper, "a4 or letter")
      ->check(CLI::IsMember({"a4", "letter"}));
  cards_command->add_option("--lang", cards_options.lang, "language of the cards (en)");
  cards_command->add_option("--assets", cards_options.assets, "the asset folder");
  cards_command->add_option("--out", cards_options.out,
                            "the file to write (default role-cards-SCENARIO-SEATS.html; - for "
                            "standard output)");
  DebriefOptions debrief_options;
  auto* debrief_command = app.add_subcommand(
      "debrief",
      "after class, from a server's data folder: the debrief report (HTML), the gradebook (CSV) "
      "or the whole match (JSON) of one room");
  debrief_command->add_option("--data", debrief_options.data, "the accord-server data folder")
      ->required();
  debrief_command->add_option("--room", debrief_options.room, "the room's join code")->required();
  debrief_command->add_option("--format", debrief_options.format, "html, csv or json")
      ->check(CLI::IsMember({"html", "csv", "json"}));
  debrief_command->add_option("--paper", debrief_options.paper, "a4 or letter (html)")
      ->check(CLI::IsMember({"a4", "letter"}));
  debrief_command->add_option("--assets", debrief_options.assets,
                              "the asset folder, when the store lacks the room's content");
  debrief_command->add_option("--out", debrief_options.out,
                              "the file to write (default debrief-SCENARIO-CODE.FORMAT; - for "
                              "standard output)");
  std::vector<std::string> reversed(args.rbegin(), args.rend());
  try {
    app.parse(reversed);
  } catch (const CLI::CallForHelp&) {
    out << app.help();
    return 0;
  } catch (const CLI::CallForVersion&) {
    out << app.version() << "\n";
    return 0;
  } catch (const CLI::ParseError& e) {
    err << "accord-report: " << e.what() << "\n" << app.help();
    return 2;
  }
  if (cards_command->parsed()) return cards(cards_options, out, err);
  if (debrief_command->parsed()) return debrief(debrief_options, out, err);
  return 2;
}

}  // namespace accord::report
