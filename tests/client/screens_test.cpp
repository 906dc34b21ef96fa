// Every screen renders offscreen through `accord --screen NAME --screenshot FILE.png`: the PNG
// has the window's size and is not blank, and the text log proves real content. The end-to-end
// autoplay match reaches the debrief and prints the final score.
#include <stb_image.h>

#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include <thread>

#include "client_test_support.hpp"
#include "embedded_server.hpp"
#include "net/client.hpp"

namespace accord::client::test {
namespace {

std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

void check_png(const std::string& file, int want_w, int want_h) {
  int w = 0, h = 0, n = 0;
  unsigned char* pixels = stbi_load(file.c_str(), &w, &h, &n, 4);
  REQUIRE(pixels);
  CHECK(w == want_w);
  CHECK(h == want_h);
  std::set<std::uint32_t> colours;
  for (int i = 0; i < w * h && colours.size() < 64; i += 7) {
    const unsigned char* p = pixels + 4 * i;
    colours.insert(std::uint32_t{p[0]} << 16 | std::uint32_t{p[1]} << 8 | p[2]);
  }
  stbi_image_free(pixels);
  CHECK(colours.size() >= 16);  // text, panels and bars: far from a blank image
}

void capture(const std::string& screen, const std::string& must_show, int scale = 100,
             const std::string& extra = "", const std::string& tag = "") {
  const std::string base =
      std::string(ACCORD_TEST_OUT_DIR) + "/" + screen + tag + "-" + std::to_string(scale);
  const auto r = run_accord("--screen " + screen + " --screenshot " + base + ".png --text-log " +
                            base + ".txt --scale " + std::to_string(scale) + " " + extra);
  INFO(r.output);
  REQUIRE(r.status == 0);
  check_png(base + ".png", 1280, 800);
  const std::string log = read_file(base + ".txt");
  INFO("looking for: " << must_show);
  CHECK(log.find(must_show) != std::string::npos);
}

const Strings& s() {
  return test_strings();
}

TEST_CASE("screen: home", "[screens]") {
  capture("home", s().get("home.start_solo"));
}
TEST_CASE("screen: settings", "[screens]") {
  capture("settings", s().get("settings.scale"));
}
TEST_CASE("screen: lobby shows the join code", "[screens]") {
  capture("lobby", s().get("lobby.solo_code"));
}
// The text of a string up to its first placeholder: what a line showing it starts with.
std::string lead(const std::string& key) {
  const std::string text = s().get(key);
  return text.substr(0, text.find('{'));
}

TEST_CASE("screen: lobby counts down to the planned start", "[screens][countdown]") {
  capture("lobby", lead("countdown.lobby"), 100, "", "-countdown");  // "Planned start in 02:59"
}
TEST_CASE("screen: briefing shows the state's name", "[screens]") {
  capture("briefing", "United States");  // the first seat of the first scenario
}
TEST_CASE("screen: drafting shows clause titles", "[screens]") {
  const auto* a = test_content().clauses().find("1");
  REQUIRE(a);
  capture("drafting", a->title);
  capture("drafting", a->title, 200);
}
TEST_CASE("screen: chat", "[screens]") {
  capture("chat", s().get("autoplay.greeting"));
}
// Whether `line` is entirely what the strings file's `format` gives with numbers in its
// placeholders ({0}, {1}...). Matched by hand: GCC 12 warns inside <regex> under the sanitizers.
bool matches_format(const std::string& line, const std::string& format) {
  std::size_t at = 0;
  for (std::size_t i = 0; i < format.size(); ++i) {
    if (format[i] == '{' && i + 2 < format.size() &&
        std::isdigit(static_cast<unsigned char>(format[i + 1])) && format[i + 2] == '}') {
      const std::size_t digits_start = at;
      while (at < line.size() && std::isdigit(static_cast<unsigned char>(line[at])))
        ++at;
      if (at == digits_start) return false;
      i += 2;
    } else if (at >= line.size() || line[at++] != format[i]) {
      return false;
    }
  }
  return at == line.size();
}

bool has_line_like(const std::string& log, const std::string& format) {
  std::istringstream lines(log);
  for (std::string line; std::getline(lines, line);)
    if (matches_format(line, format)) return true;
  return false;
}

TEST_CASE("screen: voting shows the count and the timer", "[screens]") {
  capture("voting", "have voted");
  const std::string log = read_file(std::string(ACCORD_TEST_OUT_DIR) + "/voting-100.txt");
  INFO("text log:\n" << log);
  // The voting screen's own part starts at its heading (the status bar above shows a timer on
  // every screen).
  const std::string rule = s().get("voting.rule");
  const auto heading = log.find(rule.substr(0, rule.find('{')));
  REQUIRE(heading != std::string::npos);
  const std::string screen = log.substr(heading);
  CHECK(has_line_like(screen, s().get("voting.n_of_m")));  // "2 of 5 have voted"
  CHECK(has_line_like(screen, "{0}:{1}"));                 // the phase's timer, "02:46"
}
TEST_CASE("screen: voting while paused says so; the ballots wait", "[screens]") {
  capture("voting", s().get("status.paused"), 100, "--paused", "-paused");
  const std::string log = read_file(std::string(ACCORD_TEST_OUT_DIR) + "/voting-paused-100.txt");
  CHECK(log.find(s().get("ballot.yes")) != std::string::npos);  // still in sight
}
TEST_CASE("screen: debrief shows a score", "[screens]") {
  capture("debrief", "points");
  // A scenario whose bots adopt a code, so the scorecard and the lenses show too.
  capture("debrief", s().get("debrief.lenses"), 200, "--solo collapse");
}
TEST_CASE("screen: debrief counts down the class discussion", "[screens][countdown]") {
  capture("debrief", lead("countdown.debrief"), 100, "", "-countdown");
}
TEST_CASE("screen: facilitator", "[screens]") {
  capture("facilitator", s().get("facilitator.advance"));
}
TEST_CASE("screen: projector", "[screens]") {
  capture("projector", s().fmt("projector.code", {s().get("lobby.solo_code")}));
}

TEST_CASE("end to end: --solo --autoplay --time-scale 60 plays to the debrief", "[screens]") {
  const auto r = run_accord("--solo --autoplay --time-scale 60 --seed 5");
  INFO(r.output);
  CHECK(r.status == 0);
  const auto pattern = s().get("cli.final_score");
  CHECK(r.output.find(pattern.substr(0, pattern.find('{'))) != std::string::npos);
}

TEST_CASE("joining or a quick match needs a server, and a bad address is named") {
  auto r = run_accord("--join ABC123 --name Ana");
  CHECK(r.status != 0);
  CHECK(r.output.find(s().get("cli.needs_server")) != std::string::npos);
  r = run_accord("--server nowhere:99999 --join ABC123");
  CHECK(r.status != 0);
  CHECK(r.output.find("nowhere:99999") != std::string::npos);
}

TEST_CASE("a student joins a room by its code from the command line and plays to the debrief",
          "[screens][network]") {
  EmbeddedServerOptions options;
  options.asset_dir = ACCORD_ASSET_DIR;
  options.time_scale = 400;  // the 45-minute preset in about seven seconds
  std::string error;
  auto server = EmbeddedServer::start(options, &error);
  INFO(error);
  REQUIRE(server);
  net::Client teacher;
  REQUIRE(teacher.connect("127.0.0.1", server->port()));
  teacher.create_room(protocol::CreateRoom{"opt_in_code", 4, "class45", "teacher-pass", "", false,
                                           true, true, "normal"});
  net::Client* one[] = {&teacher};
  REQUIRE(net::pump_until(one, [&] { return teacher.in_room() || !teacher.errors.empty(); }));
  REQUIRE(teacher.in_room());

  Run student;
  std::thread play([&] {
    student = run_accord("--server 127.0.0.1:" + std::to_string(server->port()) + " --join " +
                         teacher.room_code() + " --name Ana --autoplay --max-seconds 60");
  });
  // The student takes a seat by itself; the teacher starts the match.
  const bool seated = net::pump_until(
      one,
      [&] {
        for (const auto& seat : teacher.view().seats)
          if (seat.head) return true;
        return false;
      },
      20000);
  if (seated) teacher.send_command(StartMatch{});
  // Keep the teacher's connection served while the match runs by its clock.
  net::pump_until(
      one, [&] { return teacher.view().phase == Phase::debrief; }, 45000);
  play.join();
  INFO(student.output);
  REQUIRE(seated);
  CHECK(teacher.view().phase == Phase::debrief);
  CHECK(student.status == 0);
  const auto pattern = s().get("cli.final_score");
  CHECK(student.output.find(pattern.substr(0, pattern.find('{'))) != std::string::npos);
}

}  // namespace
}  // namespace accord::client::test
