// Role cards and lesson plans from the shipped scenarios: one card per seat with the seat's
// secrets inside its secret part, lesson plans that add up, nothing that refers outside the
// file; printed in headless Chromium, one page per seat on A4 and on Letter.
#include <catch2/catch.hpp>

#include <unistd.h>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "report/lesson_plan.hpp"
#include "report/role_cards.hpp"

namespace accord::report::test {
namespace {

const content::ContentCatalogue& shipped() {
  static const auto load = content::load_content(ACCORD_ASSET_DIR);
  REQUIRE(load.ok());
  return *load.catalogue;
}

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1))
    ++n;
  return n;
}

// The HTML of one seat's card: from its section's start to the next section's.
std::string card_of(const std::string& html, std::size_t index) {
  std::size_t at = 0;
  for (std::size_t i = 0; i <= index; ++i) {
    at = html.find("<section class=\"sheet card\">", at);
    REQUIRE(at != std::string::npos);
    if (i < index) ++at;
  }
  const auto end = html.find("</section>", at);
  return html.substr(at, end - at);
}

TEST_CASE("escaping: markup in content is shown, never interpreted") {
  CHECK(escape("<b>Tom & \"Jerry\"'s</b>") ==
        "&lt;b&gt;Tom &amp; &quot;Jerry&quot;&#39;s&lt;/b&gt;");
  CHECK(paragraphs("One <i>.\n\nTwo.\n\n\n") == "<p>One &lt;i&gt;.</p>\n<p>Two.</p>\n");
}

TEST_CASE("lesson plans: 45 and 90 minutes, from the scenario's own timers") {
  for (const auto& scenario : shipped().scenarios()) {
    INFO(scenario.id);
    for (int minutes : {45, 90}) {
      const auto plan = lesson_plan(scenario, minutes);
      REQUIRE(plan);
      CHECK(plan->total_minutes() == minutes);
      const auto* preset = scenario.preset(plan->preset_id);
      REQUIRE(preset);
      // Every timed phase of the preset is a step, at the preset's length.
      int drafting_steps = 0;
      for (const auto& step : plan->steps)
        if (step.activity.rfind("Drafting, round ", 0) == 0) {
          ++drafting_steps;
          CHECK(step.minutes * 60'000 == static_cast<int>(preset->drafting_ms));
        }
      CHECK(drafting_steps == static_cast<int>(preset->rounds));
      CHECK(plan->steps.back().activity == "Debrief");
      CHECK(plan->steps.back().minutes >= 8);
    }
  }
}

TEST_CASE("role cards: one card per seat, secrets inside the secret part") {
  for (const auto& scenario : shipped().scenarios()) {
    for (std::size_t seats : {content::Scenario::kMinSeats, scenario.seats.size()}) {
      INFO(scenario.id << ", " << seats << " seats");
      const auto cards = role_cards(shipped(), scenario, seats, Paper::a4);
      REQUIRE(cards.error.empty());
      CHECK(cards.pages == 3 + seats);
      CHECK(count(cards.html, "<section class=\"sheet") == cards.pages);
      CHECK(count(cards.html, "<section class=\"sheet card\">") == seats);
      const auto states = scenario.seats_for(seats);
      for (std::size_t s = 0; s < seats; ++s) {
        const auto setup = scenario.seat_setup(*shipped().state(states[s]));
        const std::string card = card_of(cards.html, s);
        CHECK(card.find(escape(setup.name)) != std::string::npos);
        CHECK(card.find(escape(setup.position.substr(0, 40))) != std::string::npos);
        for (const auto& red : setup.red_lines)
          CHECK(card.find("#" + escape(red.ref) + "</span>") != std::string::npos);
        const auto secret = card.find("<div class=\"secret\">");
        REQUIRE(secret != std::string::npos);
        for (const auto& objective : setup.objectives) {
          const auto at = card.find(escape(objective.text));
          CHECK(at != std::string::npos);
          CHECK(at > secret);
        }
      }
    }
  }
}

TEST_CASE("role cards: nothing refers outside the file") {
  const auto& scenario = shipped().scenarios().front();
  const auto cards = role_cards(shipped(), scenario, scenario.seats.size(), Paper::letter);
  for (const char* outside : {"http:", "https:", "//", "src=", "href=", "url(", "@import", "<link",
                              "<script", "<img", "<iframe"})
    CHECK(cards.html.find(outside) == std::string::npos);
  CHECK(cards.html.find("size: letter") != std::string::npos);
}

TEST_CASE("role cards: a seat count the scenario cannot seat is refused") {
  const auto& scenario = shipped().scenarios().front();
  const auto cards = role_cards(shipped(), scenario, scenario.seats.size() + 1, Paper::a4);
  CHECK(cards.html.empty());
  CHECK(cards.error.find("not " + std::to_string(scenario.seats.size() + 1)) != std::string::npos);
}

#ifdef ACCORD_CHROMIUM
namespace fs = std::filesystem;

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// Chromium writes one "/Type /Page" object per page (and one "/Type /Pages" tree). A plain
// scan: std::regex trips GCC 12's maybe-uninitialized warning under the sanitizers.
std::size_t pdf_pages(const std::string& pdf) {
  std::size_t pages = 0;
  for (auto at = pdf.find("/Type"); at != std::string::npos; at = pdf.find("/Type", at + 1)) {
    auto next = at + 5;
    while (next < pdf.size() && (pdf[next] == ' ' || pdf[next] == '\n' || pdf[next] == '\r'))
      ++next;
    if (pdf.compare(next, 5, "/Page") == 0 && next + 5 < pdf.size() && pdf[next + 5] != 's')
      ++pages;
  }
  return pages;
}

int chromium(const std::string& args) {
  const std::string command = std::string(ACCORD_CHROMIUM) +
                              " --headless --no-sandbox --disable-gpu --no-pdf-header-footer " +
                              args + " >/dev/null 2>&1";
  return std::system(command.c_str());
}

TEST_CASE("role cards print one page per seat on A4 and Letter", "[chromium]") {
  const fs::path dir = fs::temp_directory_path() / ("accord-cards-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const auto* scenario = shipped().scenario("opt_in_code");
  REQUIRE(scenario);
  for (const auto paper : {Paper::a4, Paper::letter}) {
    const auto cards = role_cards(shipped(), *scenario, scenario->seats.size(), paper);
    const fs::path html = dir / "cards.html";
    const fs::path pdf = dir / "cards.pdf";
    std::ofstream(html) << cards.html;
    fs::remove(pdf);
    REQUIRE(chromium("--print-to-pdf=" + pdf.string() + " file://" + html.string()) == 0);
    CHECK(pdf_pages(slurp(pdf)) == cards.pages);
  }
  // A screenshot of the screen view is not blank: it holds more than the page's two colours.
  const fs::path png = dir / "cards.png";
  REQUIRE(chromium("--window-size=900,1200 --screenshot=" + png.string() + " file://" +
                   (dir / "cards.html").string()) == 0);
  CHECK(fs::file_size(png) > 20'000);
  fs::remove_all(dir);
}
#endif

}  // namespace
}  // namespace accord::report::test
