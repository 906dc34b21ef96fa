#include "report_command.hpp"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <fstream>

#include "content/content.hpp"
#include "report/role_cards.hpp"

namespace accord::report {
namespace {

struct CardsOptions {
  std::string scenario;
  std::size_t seats = 0;  // 0: every seat of the scenario
  std::string paper = "a4";
  std::string lang = "en";
  std::string assets = ACCORD_DEFAULT_ASSET_DIR;
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

}  // namespace

int run_report_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  CLI::App app{"accord-report: the classroom documents (role cards) as self-contained HTML"};
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
  return 2;
}

}  // namespace accord::report
