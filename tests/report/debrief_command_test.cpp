// accord-report debrief against a server's data folder written through the store's own API,
// while that store is still open (as a running server holds it): the three formats, and a clear
// error for each bad argument.
#include <catch2/catch.hpp>

#include <stdlib.h>
#include <unistd.h>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "class_match.hpp"
#include "report/html.hpp"
#include "report_run.hpp"
#include "scoring/seat_score.hpp"
#include "sqlite_store.hpp"

namespace accord::report::test {
namespace {

namespace fs = std::filesystem;

class TempDir {
 public:
  TempDir() {
    std::string pattern = (fs::temp_directory_path() / "accord-report-XXXXXX").string();
    REQUIRE(::mkdtemp(pattern.data()) != nullptr);
    path_ = pattern;
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  std::string str() const { return path_.string(); }

 private:
  fs::path path_;
};

// The server's store with one finished room, `code`, holding `played`: its log, a snapshot of
// the match at its end and its record. Still open, and so still locked, when returned.
std::unique_ptr<server::SqliteRoomStore> store_with(const TempDir& dir, const std::string& code,
                                                    const ClassMatch& played) {
  std::string error;
  auto store =
      server::SqliteRoomStore::open(dir.str(), server::SqliteRoomStore::Access::serve, &error);
  INFO(error);
  REQUIRE(store);
  REQUIRE(store->create_room(code, played.log.header));
  // Half the log, a snapshot there, then the rest: the reader starts from the snapshot.
  const auto& entries = played.log.entries;
  const std::size_t half = entries.size() / 2;
  store->stage(code, std::span(entries).first(half));
  std::optional<MatchHost> at_half = MatchHost::from_log(EventLog{
      played.log.header, {entries.begin(), entries.begin() + static_cast<std::ptrdiff_t>(half)}});
  REQUIRE(at_half);
  store->stage_snapshot(code, entries[half - 1].seq, at_half->match());
  store->stage(code, std::span(entries).subspan(half));
  server::RoomRecord record;
  record.code = code;
  record.scenario = played.scenario;
  record.content_hash = played.log.header.content_hash;
  record.status = server::RoomStatus::finished;
  store->stage_record(record);
  REQUIRE(store->commit());
  return store;
}

TEST_CASE("accord-report debrief reads a running server's room") {
  const auto& played = class_matches().front();
  TempDir dir;
  const auto store = store_with(dir, "QX7M2K", played);  // kept open: the server is running

  const std::string file = dir.str() + "/report.html";
  const auto html = run({"debrief", "--data", dir.str(), "--room", "qx7-m2k", "--out", file});
  INFO(html.err);
  CHECK(html.code == 0);
  CHECK(html.out.find("wrote " + file) != std::string::npos);
  std::ifstream in(file);
  std::stringstream text;
  text << in.rdbuf();
  CHECK(text.str().rfind("<!DOCTYPE html>", 0) == 0);
  for (const auto& seat : played.match.settings.seats)
    CHECK(text.str().find(escape(seat.name)) != std::string::npos);
  CHECK(text.str().find("Room QX7M2K") != std::string::npos);
  CHECK(text.str().find(kSecretChat) == std::string::npos);

  const auto csv =
      run({"debrief", "--data", dir.str(), "--room", "QX7M2K", "--format", "csv", "--out", "-"});
  CHECK(csv.code == 0);
  CHECK(csv.out.rfind("Name,State,Delegation role,", 0) == 0);
  const scoring::MatchRecord record(played.match, shipped_content().clauses());
  const auto scores = scoring::seat_scores(record);
  // Ana's row (seat 0's head): her seat's score ends the row.
  const auto ana = csv.out.find("\"Ana O'Brien, \"\"Nan\"\"\"," + scores[0].name + ",head,");
  REQUIRE(ana != std::string::npos);
  const auto end = csv.out.find("\r\n", ana);
  CHECK(csv.out.substr(0, end).ends_with("," + std::to_string(scores[0].total)));

  const auto json =
      run({"debrief", "--data", dir.str(), "--room", "QX7M2K", "--format", "json", "--out", "-"});
  CHECK(json.code == 0);
  const auto doc = nlohmann::json::parse(json.out);
  CHECK(doc["room"] == "QX7M2K");
  CHECK(doc["match"]["phase"] == "debrief");
  CHECK(json.out.find(kSecretNote) == std::string::npos);
}

TEST_CASE("accord-report debrief: each bad argument is named") {
  const auto& played = class_matches().front();
  TempDir dir;
  store_with(dir, "QX7M2K", played);

  const auto unknown = run({"debrief", "--data", dir.str(), "--room", "ZZZZZZ", "--out", "-"});
  CHECK(unknown.code == 2);
  CHECK(unknown.err.find("--room: no room 'ZZZZZZ' in " + dir.str() +
                         "; there are: QX7M2K (finished)") != std::string::npos);

  const auto no_data = run({"debrief", "--data", dir.str() + "/nowhere", "--room", "QX7M2K"});
  CHECK(no_data.code == 3);
  CHECK(no_data.err.find("--data: there is no folder") != std::string::npos);

  TempDir empty;
  const auto no_store = run({"debrief", "--data", empty.str(), "--room", "QX7M2K"});
  CHECK(no_store.code == 3);
  CHECK(no_store.err.find("there is no accord-server data in") != std::string::npos);
  CHECK_FALSE(fs::exists(fs::path(empty.str()) / "accord.sqlite3"));  // nothing created

  const auto format = run({"debrief", "--data", dir.str(), "--room", "QX7M2K", "--format", "pdf"});
  CHECK(format.code == 2);
  CHECK(format.err.find("--format") != std::string::npos);

  const auto no_room = run({"debrief", "--data", dir.str()});
  CHECK(no_room.code == 2);
  CHECK(no_room.err.find("--room") != std::string::npos);

  const auto unwritable =
      run({"debrief", "--data", dir.str(), "--room", "QX7M2K", "--out", "/nonexistent/dir/x.html"});
  CHECK(unwritable.code == 1);
  CHECK(unwritable.err.find("cannot write /nonexistent/dir/x.html") != std::string::npos);
}

}  // namespace
}  // namespace accord::report::test
