#include "content_command.hpp"

#include <iomanip>

#include "content/content.hpp"
#include "paths/asset_location.hpp"

namespace accord::content {

namespace {

constexpr const char* kUsage =
    "Usage:\n"
    "  accord-content check DIR     check an asset folder (clauses/, scoring/, states/,\n"
    "                               scenarios/); exit 0 with a summary, 2 with every error\n"
    "  accord-content list [--assets DIR]\n"
    "                               list the scenarios with their seats and lengths\n"
    "  accord-content --help | --version\n";

int report_errors(const ContentLoad& load, std::ostream& err) {
  err << load.errors.size() << (load.errors.size() == 1 ? " error" : " errors") << ":\n";
  for (const auto& e : load.errors)
    err << "  " << e.describe() << "\n";
  return 2;
}

std::string figures(const PlayabilityReport& r) {
  return std::to_string(r.objectives) + " seat objectives: " + std::to_string(r.impossible) +
         " can never hold, " + std::to_string(r.always_true) + " always hold, " +
         std::to_string(r.off_table) + " name a clause not on the table; " +
         std::to_string(r.red_lines_off_table) + " red lines not on the table";
}

int check(const std::string& dir, std::ostream& out, std::ostream& err) {
  const ContentLoad load = load_content(dir);
  if (!load.ok()) return report_errors(load, err);
  const auto& cat = *load.catalogue;
  const PlayabilityReport playability = check_playability(cat);
  if (!playability.ok()) {
    err << playability.errors.size() << (playability.errors.size() == 1 ? " error" : " errors")
        << " of playability:\n";
    for (const auto& e : playability.errors)
      err << "  " << e.describe() << "\n";
    err << "  " << figures(playability) << "\n";
    return 2;
  }
  out << "OK: " << dir << "\n"
      << "  " << cat.clauses().clauses().size() << " clauses, " << cat.states().size()
      << " states, " << cat.blocs().size() << " blocs, " << cat.scenarios().size() << " scenarios, "
      << cat.injects().size() << " injects\n"
      << "  " << figures(playability) << "\n"
      << "  content hash " << cat.content_hash_hex() << "\n";
  // What each preset adds up to, so a teacher sees that the class presets fit the period.
  for (const auto& s : cat.scenarios())
    for (const auto& p : s.timer_presets)
      out << "  " << s.id << " preset " << p.id << ": " << p.breakdown() << "\n";
  return 0;
}

int list(const std::string& dir, std::ostream& out, std::ostream& err) {
  const ContentLoad load = load_content(dir);
  if (!load.ok()) return report_errors(load, err);
  for (const auto& s : load.catalogue->scenarios()) {
    out << s.id << "  \"" << s.title << "\" (" << s.year << ", " << era_name(s.era)
        << " positions)\n"
        << "  " << s.body << "\n"
        << "  seats: " << Scenario::kMinSeats << " to " << s.seats.size()
        << "; rule: " << to_string(s.decision_rule) << ", " << to_string(s.ballot)
        << "; drafts: " << s.drafts.size() << "\n";
    for (const auto& p : s.timer_presets)
      out << "  preset " << p.id << ": " << p.name << ", " << p.breakdown() << "\n";
  }
  return 0;
}

}  // namespace

int run_content_command(const std::vector<std::string>& args, std::ostream& out,
                        std::ostream& err) {
  if (args.empty()) {
    err << kUsage;
    return 1;
  }
  const std::string& cmd = args[0];
  if (cmd == "--help" || cmd == "-h" || cmd == "help") {
    out << "accord-content: check and list Cyber Accord scenarios and state profiles.\n\n"
        << kUsage;
    return 0;
  }
  if (cmd == "--version") {
    out << "accord-content " << ACCORD_VERSION << "\n";
    return 0;
  }
  if (cmd == "check") {
    if (args.size() != 2) {
      err << "check needs exactly one folder.\n" << kUsage;
      return 1;
    }
    return check(args[1], out, err);
  }
  if (cmd == "list") {
    std::string dir = accord::default_asset_dir();
    if (args.size() == 3 && args[1] == "--assets") {
      dir = args[2];
    } else if (args.size() != 1) {
      err << "list takes only --assets DIR.\n" << kUsage;
      return 1;
    }
    return list(dir, out, err);
  }
  err << "Unknown command '" << cmd << "'.\n" << kUsage;
  return 1;
}

}  // namespace accord::content
