// The after-class documents from bot-played matches of every scenario: the debrief report (every
// seat, every vote, nothing private, nothing outside the file), the gradebook (RFC 4180, and the
// scores and objectives scoring computes) and the JSON export; the report printed in Chromium.
#include <catch2/catch.hpp>

#include <unistd.h>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "class_match.hpp"
#include "core/json_codec.hpp"
#include "report/debrief_json.hpp"
#include "report/debrief_report.hpp"
#include "report/gradebook.hpp"
#include "report/timeline.hpp"
#include "scoring/seat_score.hpp"

namespace accord::report::test {
namespace {

// RFC 4180 read back: records of fields; quoted fields may hold commas, quotes and line ends.
std::vector<std::vector<std::string>> parse_csv(const std::string& text) {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row;
  std::string field;
  bool in_quotes = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_quotes) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        in_quotes = false;  // a quoted field ends here: a comma or CRLF must follow
        REQUIRE((i + 1 == text.size() || text[i + 1] == ',' || text[i + 1] == '\r'));
      } else {
        field += c;
      }
    } else if (c == '"') {
      REQUIRE(field.empty());  // a quote only opens a field
      in_quotes = true;
    } else if (c == ',') {
      row.push_back(field);
      field.clear();
    } else if (c == '\r') {
      REQUIRE(i + 1 < text.size());
      REQUIRE(text[i + 1] == '\n');  // every record ends with CRLF
      row.push_back(field);
      rows.push_back(row);
      row.clear();
      field.clear();
      ++i;
    } else {
      REQUIRE(c != '\n');  // a bare LF outside quotes
      field += c;
    }
  }
  REQUIRE_FALSE(in_quotes);
  REQUIRE(field.empty());
  REQUIRE(row.empty());  // the last record ended with CRLF too
  return rows;
}

std::string section(const std::string& html, const std::string& heading) {
  const auto at = html.find(heading);
  if (at == std::string::npos) return {};
  return html.substr(at, html.find("</section>", at) - at);
}

void check_nothing_private(const std::string& text) {
  for (const char* secret : {kSecretChat, kSecretDelegation, kSecretNote, "ZEBRA-SECRET"})
    CHECK(text.find(secret) == std::string::npos);
}

void check_self_contained(const std::string& text) {
  for (const char* outside : {"http://", "https://", "src=", "<link", "<script", "url(", "@import"})
    CHECK(text.find(outside) == std::string::npos);
}

TEST_CASE("gradebook: RFC 4180 fields and records") {
  CHECK(csv_field("plain") == "plain");
  CHECK(csv_field("") == "");
  CHECK(csv_field("a,b") == "\"a,b\"");
  CHECK(csv_field("say \"hi\"") == "\"say \"\"hi\"\"\"");
  CHECK(csv_field("\"") == "\"\"\"\"");
  CHECK(csv_field("two\nlines") == "\"two\nlines\"");
  CHECK(csv_field("cr\r") == "\"cr\r\"");
  CHECK(csv_field(" spaces stay ") == " spaces stay ");
  CHECK(csv_field("Chloé; ü") == "Chloé; ü");
  CHECK(csv_row({"a", "b,c", ""}) == "a,\"b,c\",\r\n");
  const std::vector<std::string> awkward{"O'Brien, \"Nan\"", "line\r\nbreak", ",", "\"\"", "x"};
  const auto rows = parse_csv(csv_row(awkward) + csv_row({"1", "2", "3", "4", "5"}));
  REQUIRE(rows.size() == 2);
  CHECK(rows[0] == awkward);
}

TEST_CASE("debrief documents of a bot-played match of every scenario") {
  const auto& content = shipped_content();
  for (const auto& played : class_matches()) {
    INFO(played.scenario);
    const Match view = played.facilitator_view();
    const DebriefSource source{view, content, played.scenario, "ABC234"};
    const std::string html = debrief_report(source, Paper::a4);
    const std::string csv = gradebook_csv(view, content.clauses());
    const std::string json = debrief_json(source);
    CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);

    // Every seat by name; every vote in the timeline, by its clause reference.
    for (const auto& seat : view.settings.seats)
      CHECK(html.find(escape(seat.name)) != std::string::npos);
    const std::string timeline_html = section(html, "<h1>Timeline</h1>");
    REQUIRE_FALSE(timeline_html.empty());
    std::size_t votes = 0;
    for (const auto& clause : view.clauses)
      if (clause.vote.state == VoteState::closed && !clause.ref.empty()) {
        ++votes;
        CHECK(timeline_html.find("#" + escape(clause.ref)) != std::string::npos);
      }
    CHECK(votes > 0);
    for (const auto& inject : view.injects_fired)  // every crisis, with its news
      CHECK(timeline_html.find(escape(inject.title)) != std::string::npos);
    for (const auto& draft : view.drafts)
      CHECK(timeline_html.find(escape("The draft \"" + draft.title + "\"")) != std::string::npos);

    // The gradebook: one row per student, each with its seat's score and objectives as scoring
    // computes them.
    const scoring::MatchRecord record(played.match, content.clauses());
    const auto scores = scoring::seat_scores(record);
    const auto rows = parse_csv(csv);
    std::size_t students = 0;
    for (const auto& p : view.participants)
      students += p.role == Role::player ? 1 : 0;
    REQUIRE(rows.size() == students + 1);
    REQUIRE(rows[0].size() == 12);
    CHECK(rows[0][0] == "Name");
    CHECK(rows[0][11] == "Seat score");
    std::size_t heads = 0;
    for (std::size_t r = 1; r < rows.size(); ++r) {
      const auto& row = rows[r];
      REQUIRE(row.size() == 12);
      CHECK(html.find(escape(row[0])) != std::string::npos);  // every student in the report
      const auto seat = std::find_if(scores.begin(), scores.end(),
                                     [&](const auto& s) { return s.name == row[1]; });
      REQUIRE(seat != scores.end());
      CHECK(row[11] == std::to_string(seat->total));
      std::size_t achieved = 0;
      for (const auto& o : seat->objectives)
        achieved += o.achieved ? 1 : 0;
      CHECK(row[10] == std::to_string(achieved) + " of " + std::to_string(seat->objectives.size()));
      CHECK((row[2] == "head" || row[2] == "member"));
      if (row[2] == "head") ++heads;
    }
    CHECK(heads == 5);  // every seat but seat 2, a bot's (class_match.hpp)
    CHECK(csv.find("Visitor") == std::string::npos);  // spectators are no students

    // The JSON: the codec's match and the scores.
    const auto doc = nlohmann::json::parse(json);
    CHECK(doc["format"] == "cyber-accord-debrief");
    CHECK(doc["match"]["participants"].size() == view.participants.size());
    REQUIRE(doc["seat_scores"].size() == scores.size());
    for (std::size_t s = 0; s < scores.size(); ++s)
      CHECK(doc["seat_scores"][s]["total"] == scores[s].total);
    CHECK(doc["scorecards"].size() == record.adopted_drafts().size());
    // The codec reads the match back: the view, less its private text.
    const auto back = json_codec::read_document<Match>(doc["match"], DecodeLimits{});
    INFO(back.error.describe());
    REQUIRE(back);
    CHECK(*back.value == without_private_text(view));

    for (const auto* text : {&html, &csv, &json}) {
      check_nothing_private(*text);
      check_self_contained(*text);
    }
  }
}

TEST_CASE(
    "the planted secrets are in the match, so their absence from the documents means "
    "something") {
  const Match view = class_matches().front().facilitator_view();
  bool chat = false, note = false;
  for (const auto& channel : view.channels)
    for (const auto& message : channel.messages)
      chat = chat || message.text == kSecretChat;
  for (const auto& seat : view.seats)
    note = note || seat.private_note == kSecretNote;
  CHECK(chat);
  CHECK(note);
  CHECK_FALSE(view.injects_fired.empty());  // the facilitator fired one
  // The caucus by its name, escaped; its messages counted, never shown.
  const std::string html =
      debrief_report({view, shipped_content(), class_matches().front().scenario, ""}, Paper::a4);
  CHECK(html.find("Friends &lt;of&gt; &quot;the&quot; Chair &amp; co") != std::string::npos);
  CHECK(html.find("<of>") == std::string::npos);
  // The JSON keeps the plenary's text, and only the plenary's.
  const std::string json =
      debrief_json({view, shipped_content(), class_matches().front().scenario, ""});
  CHECK(json.find("Good morning, delegates.") != std::string::npos);
}

TEST_CASE("debrief report: with no code adopted, what the last draft would have scored") {
  Match view = class_matches().front().facilitator_view();
  for (auto& draft : view.drafts) {
    draft.status = DraftStatus::failed;
    draft.final_vote.outcome = VoteOutcome::rejected;
  }
  const std::string html =
      debrief_report({view, shipped_content(), class_matches().front().scenario, ""}, Paper::a4);
  CHECK(html.find("No code was adopted.") != std::string::npos);
  CHECK(html.find("no code was adopted</div>") != std::string::npos);  // the code's page
  const std::string code = section(html, "<h2>The code, clause by clause</h2>");
  REQUIRE_FALSE(code.empty());
  for (const auto& clause : view.clauses)
    if (clause.draft + 1 == view.drafts.size() && clause.status == ClauseStatus::adopted &&
        !clause.ref.empty())
      CHECK(code.find("#" + escape(clause.ref) + "</span>") != std::string::npos);
  CHECK(html.find("the draft failed") != std::string::npos);  // the timeline's final vote
}

TEST_CASE("timeline: phases in order, clock times where the record keeps them") {
  const auto& played = class_matches().front();
  const auto entries = timeline(played.facilitator_view(), shipped_content().clauses());
  REQUIRE_FALSE(entries.empty());
  CHECK(entries.front().kind == TimelineKind::phase);
  CHECK(entries.back().text.rfind("Debrief", 0) == 0);
  std::uint32_t round = 0;
  for (const auto& e : entries) {
    CHECK(e.round >= round);  // never back in time
    round = e.round;
    if (e.kind == TimelineKind::amendment || e.kind == TimelineKind::deal) {
      REQUIRE(e.at);
      CHECK(*e.at >= match_origin(played.facilitator_view()));  // shown from the origin on
    }
  }
  CHECK(clock_text(0) == "0:00");
  CHECK(clock_text(754'900) == "12:34");
  CHECK(clock_text(3'600'000) == "60:00");
}

#ifdef ACCORD_CHROMIUM
namespace fs = std::filesystem;

int chromium(const std::string& args) {
  const std::string command = std::string(ACCORD_CHROMIUM) +
                              " --headless --no-sandbox --disable-gpu --no-pdf-header-footer " +
                              args + " >/dev/null 2>&1";
  return std::system(command.c_str());
}

TEST_CASE("the debrief report prints and is not blank", "[chromium]") {
  const fs::path dir = fs::temp_directory_path() / ("accord-debrief-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const auto& played = class_matches().front();
  const Match view = played.facilitator_view();
  const fs::path html = dir / "debrief.html";
  std::ofstream(html) << debrief_report({view, shipped_content(), played.scenario, ""}, Paper::a4);
  const fs::path png = dir / "debrief.png";
  REQUIRE(chromium("--window-size=1000,1400 --screenshot=" + png.string() + " file://" +
                   html.string()) == 0);
  CHECK(fs::file_size(png) > 20'000);
  const fs::path pdf = dir / "debrief.pdf";
  REQUIRE(chromium("--print-to-pdf=" + pdf.string() + " file://" + html.string()) == 0);
  std::ifstream in(pdf, std::ios::binary);
  std::string head(5, '\0');
  in.read(head.data(), 5);
  CHECK(head == "%PDF-");
  CHECK(fs::file_size(pdf) > 20'000);
  fs::remove_all(dir);
}
#endif

}  // namespace
}  // namespace accord::report::test

namespace accord::report::test {
namespace {

// Not run by CTest (hidden): writes the report of a 20-seat match to look at, e.g.
//   ACCORD_PREVIEW=/tmp/report.html ./build/tests/report/accord_report_tests '[preview]'
TEST_CASE("preview: the debrief report of a 20-seat match", "[.][preview]") {
  const char* path = std::getenv("ACCORD_PREVIEW");
  if (!path) return;
  const auto played = play_class_match(
      std::getenv("ACCORD_PREVIEW_SCENARIO") ? std::getenv("ACCORD_PREVIEW_SCENARIO") : "collapse",
      20, 5, true);
  const Match view = played.facilitator_view();
  const DebriefSource source{view, shipped_content(), played.scenario, "PRV234"};
  const std::string html = debrief_report(source, Paper::a4);
  std::ofstream(path, std::ios::binary) << html;
  std::ofstream(std::string(path) + ".csv", std::ios::binary)
      << gradebook_csv(view, shipped_content().clauses());
  std::ofstream(std::string(path) + ".json", std::ios::binary) << debrief_json(source);
  check_nothing_private(html);
  check_self_contained(html);
}

}  // namespace
}  // namespace accord::report::test
