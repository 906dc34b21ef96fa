// The admin endpoint (server/admin_http.hpp): health, Prometheus metrics and the rooms list,
// read over real HTTP from a server playing a room on loopback.
#include <httplib.h>

#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "admin_http.hpp"
#include "admin_state.hpp"
#include "net_test_support.hpp"

namespace accord::nettest {
namespace {

struct Sample {
  std::string name;
  std::map<std::string, std::string> labels;
  double value = 0;
};

// A strict reader of the Prometheus text format (0.0.4) for what the server writes: every
// sample belongs to a family declared by # TYPE before it, labels are quoted, values are numbers.
std::vector<Sample> parse_prometheus(const std::string& text) {
  std::vector<Sample> samples;
  std::map<std::string, std::string> types;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    INFO("line: " << line);
    REQUIRE_FALSE(line.empty());
    if (line.rfind("# HELP ", 0) == 0) continue;
    if (line.rfind("# TYPE ", 0) == 0) {
      std::istringstream words(line.substr(7));
      std::string name, type;
      words >> name >> type;
      REQUIRE((type == "counter" || type == "gauge" || type == "histogram"));
      REQUIRE(types.emplace(name, type).second);  // declared once
      continue;
    }
    REQUIRE(line[0] != '#');
    Sample s;
    const auto name_end = line.find_first_of("{ ");
    REQUIRE(name_end != std::string::npos);
    s.name = line.substr(0, name_end);
    std::size_t at = name_end;
    if (line[at] == '{') {
      const auto close = line.find('}', at);
      REQUIRE(close != std::string::npos);
      std::string labels = line.substr(at + 1, close - at - 1);
      std::size_t i = 0;
      while (i < labels.size()) {
        const auto eq = labels.find("=\"", i);
        REQUIRE(eq != std::string::npos);
        const auto end = labels.find('"', eq + 2);
        REQUIRE(end != std::string::npos);
        s.labels[labels.substr(i, eq - i)] = labels.substr(eq + 2, end - eq - 2);
        i = end + 1;
        if (i < labels.size()) {
          REQUIRE(labels[i] == ',');
          ++i;
        }
      }
      at = close + 1;
    }
    REQUIRE(line[at] == ' ');
    std::size_t used = 0;
    s.value = std::stod(line.substr(at + 1), &used);
    REQUIRE(at + 1 + used == line.size());
    std::string family = s.name;
    for (const char* suffix : {"_bucket", "_sum", "_count"})
      if (types.count(family) == 0 && family.size() > std::strlen(suffix) &&
          family.compare(family.size() - std::strlen(suffix), std::string::npos, suffix) == 0)
        family.resize(family.size() - std::strlen(suffix));
    REQUIRE(types.count(family) == 1);
    samples.push_back(std::move(s));
  }
  return samples;
}

double total(const std::vector<Sample>& samples, const std::string& name,
             const std::map<std::string, std::string>& having = {}) {
  double sum = 0;
  for (const auto& s : samples) {
    if (s.name != name) continue;
    bool match = true;
    for (const auto& [k, v] : having)
      if (s.labels.count(k) == 0 || s.labels.at(k) != v) match = false;
    if (match) sum += s.value;
  }
  return sum;
}

server::ServerConfig admin_config() {
  auto config = test_config();
  config.admin = true;
  config.admin_port = 0;
  return config;
}

// Fetches `path` until `done` holds for the response (the loop publishes about once a second).
httplib::Result get_until(httplib::Client& http, const char* path,
                          const std::function<bool(const httplib::Response&)>& done,
                          std::vector<Client*> clients = {}, int timeout_ms = 5000) {
  httplib::Result last = http.Get(path);
  const bool reached = net::pump_until(
      clients,
      [&] {
        last = http.Get(path);
        return last && done(*last);
      },
      timeout_ms);
  INFO("GET " << path << ": " << (last ? last->body : std::string("no answer")));
  REQUIRE(reached);
  return last;
}

TEST_CASE(
    "the admin endpoint reports health, metrics that move with play, and rooms without "
    "names",
    "[net][admin]") {
  TestServer server(admin_config());
  REQUIRE(server.get().admin_port() != 0);
  httplib::Client http("127.0.0.1", server.get().admin_port());
  http.set_connection_timeout(2, 0);

  const auto health = http.Get("/healthz");
  REQUIRE(health);
  CHECK(health->status == 200);
  CHECK(health->body == "ok\n");

  const auto before = http.Get("/metrics");
  REQUIRE(before);
  CHECK(before->status == 200);
  CHECK_THAT(before->get_header_value("Content-Type"),
             Catch::StartsWith("text/plain; version=0.0.4"));
  const auto first = parse_prometheus(before->body);
  CHECK(total(first, "accord_serving") == 1);
  CHECK(total(first, "accord_commands_total") == 0);

  auto fac = create_room(server, 3);
  auto player = join(server, fac->room_code(), "Ada Lovelace");
  must(*player, TakeSeat{0}, {fac.get()});
  must(*player, PostMessage{kPlenary, "hello"}, {fac.get()});
  const auto refused = command(*player, TakeSeat{7}, {fac.get()});
  REQUIRE(refused);

  const auto after =
      get_until(http, "/metrics",
                [](const httplib::Response& r) {
                  return r.body.find("accord_commands_total{command=\"post_message\"} 1") !=
                         std::string::npos;
                },
                {fac.get(), player.get()});
  const auto moved = parse_prometheus(after->body);
  CHECK(total(moved, "accord_commands_total", {{"command", "take_seat"}}) == 1);
  CHECK(total(moved, "accord_command_rejections_total",
              {{"command", "take_seat"}, {"kind", "invalid"}}) == 1);
  CHECK(total(moved, "accord_connections", {{"role", "facilitator"}}) == 1);
  CHECK(total(moved, "accord_connections", {{"role", "player"}}) == 1);
  CHECK(total(moved, "accord_rooms", {{"phase", "lobby"}}) == 1);
  CHECK(total(moved, "accord_stream_messages_total") >
        total(first, "accord_stream_messages_total"));
  CHECK(total(moved, "accord_stream_bytes_total") > total(first, "accord_stream_bytes_total"));
  const double commits = total(moved, "accord_commit_duration_seconds_count");
  CHECK(commits >= 3);
  CHECK(total(moved, "accord_commit_duration_seconds_bucket", {{"le", "+Inf"}}) == commits);
  CHECK(total(moved, "accord_commit_duration_seconds_bucket", {{"le", "1"}}) <= commits);

  const auto rooms = http.Get("/rooms");
  REQUIRE(rooms);
  CHECK(rooms->get_header_value("Content-Type") == "application/json");
  const auto list = nlohmann::json::parse(rooms->body);
  REQUIRE(list.size() == 1);
  CHECK(list[0]["code"] == fac->room_code());
  CHECK(list[0]["scenario"] == "test");
  CHECK(list[0]["seats"] == 3);
  CHECK(list[0]["seats_taken"] == 1);
  CHECK(list[0]["connections"] == 2);
  CHECK(rooms->body.find("Ada") == std::string::npos);  // the host's view has no names
  CHECK(http.Get("/nothing-here")->status == 404);
}

TEST_CASE("/healthz turns 503 while the store cannot commit, and back once it can",
          "[net][admin]") {
  TestServer server(admin_config());
  httplib::Client http("127.0.0.1", server.get().admin_port());
  auto fac = create_room(server, 2);
  auto player = join(server, fac->room_code(), "Writer");
  must(*player, TakeSeat{0}, {fac.get()});

  server.store().fail_commits = true;
  player->send_command(PostMessage{kPlenary, "lost while the disk is full"});
  const auto failing =
      get_until(http, "/healthz", [](const httplib::Response& r) { return r.status == 503; },
                {fac.get(), player.get()});
  CHECK_THAT(failing->body, Catch::Contains("cannot commit"));
  CHECK(total(parse_prometheus(http.Get("/metrics")->body), "accord_commit_failures_total") >= 1);

  server.store().fail_commits = false;
  must(*player, PostMessage{kPlenary, "saved again"}, {fac.get()});
  get_until(http, "/healthz", [](const httplib::Response& r) { return r.status == 200; },
            {fac.get(), player.get()});
}

TEST_CASE("an admin endpoint stopped right after it starts stops (no lost stop, no hang)",
          "[net][admin]") {
  for (int i = 0; i < 20; ++i) {
    server::AdminHttp admin;
    std::string error;
    REQUIRE(admin.start("127.0.0.1", 0, &error));
    CHECK(admin.port() != 0);
    admin.stop();
  }
}

TEST_CASE("the admin port in use is a clear start error, and a stopped server says so",
          "[net][admin]") {
  TestServer first(admin_config());
  auto config = admin_config();
  config.admin_port = first.get().admin_port();
  server::Server second(config, std::make_shared<TestFactory>(),
                        std::make_shared<server::MemoryRoomStore>());
  std::string error;
  CHECK_FALSE(second.start(&error));
  CHECK_THAT(error, Catch::Contains("admin endpoint cannot listen") &&
                        Catch::Contains(std::to_string(config.admin_port)));

  server::AdminSnapshot stopped;
  stopped.serving = false;
  CHECK_THAT(server::health_problem(stopped, 0), Catch::Contains("not serving"));
  server::AdminSnapshot stuck;
  stuck.serving = true;
  stuck.published_at_ms = 1000;
  CHECK(server::health_problem(stuck, 5000).empty());
  CHECK_THAT(server::health_problem(stuck, 20'000), Catch::Contains("has not reported"));
}

}  // namespace
}  // namespace accord::nettest
