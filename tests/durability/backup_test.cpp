// Backups (`accord-server backup` / `restore`, server/sqlite_backup.cpp): a backup taken while
// a server plays a match restores into another folder, and a server started there resumes the
// match with the same views; what was played after the backup is not in it. Bad backups and a
// running server are refused with a clear reason, and the data a restore replaces is kept.
#include "durability_support.hpp"
#include "identity.hpp"

namespace accord::durabilitytest {
namespace {

std::string backup_of(const TempDir& data, const fs::path& file) {
  std::string error;
  auto reader =
      server::SqliteRoomStore::open(data.str(), server::SqliteRoomStore::Access::read_only, &error);
  INFO(error);
  REQUIRE(reader);
  if (!reader->backup_to(file.string(), &error)) return error;
  return {};
}

TEST_CASE(
    "a backup taken during a match restores to a server that resumes it with the same "
    "view hashes",
    "[durability][backup]") {
  TempDir dir, restored, files;
  std::string key_error;
  const auto identity = server::load_or_create_identity(dir.str(), &key_error);  // as at start
  REQUIRE(identity);
  const std::string key = file_bytes(dir.path() / server::kIdentityFileName);
  DurableServer server(dir);
  auto fac = create_room_at(server.port(), 2);
  auto p0 = join_at(server.port(), fac->room_code(), "Zero");
  auto p1 = join_at(server.port(), fac->room_code(), "One");
  std::vector<Client*> all{fac.get(), p0.get(), p1.get()};
  must(*p0, TakeSeat{0}, all);
  must(*p1, TakeSeat{1}, all);
  must(*fac, StartMatch{}, all);
  must(*fac, AdvancePhase{}, all);
  must(*p0, WriteNote{"NOTE-IN-THE-BACKUP"}, all);
  must(*p1, PostMessage{kPlenary, "in the backup"}, all);
  sync_with_server(all);
  std::vector<Hash> at_backup;
  for (Client* c : all)
    at_backup.push_back(c->view_hash());

  // Online: the server keeps running (and its loop keeps committing) during the backup.
  const fs::path file = files.path() / "class.accord-backup";
  REQUIRE(backup_of(dir, file).empty());
  CHECK((fs::status(file).permissions() & (fs::perms::group_all | fs::perms::others_all)) ==
        fs::perms::none);
  CHECK_FALSE(fs::exists(file.string() + ".partial"));
  must(*p1, PostMessage{kPlenary, "AFTER-THE-BACKUP"}, all);
  sync_with_server(all);
  CHECK(contains(encode_match(fac->view()), "AFTER-THE-BACKUP"));
  server.close();

  std::string error;
  server::SqliteRoomStore::RestoreReport report;
  REQUIRE(server::SqliteRoomStore::restore(restored.str(), file.string(), &error, &report));
  CHECK(report.kept_aside.empty());  // nothing was there to replace
  CHECK((fs::status(restored.path() / "accord.sqlite3").permissions() &
         (fs::perms::group_all | fs::perms::others_all)) == fs::perms::none);
  // The server key came along: clients that pinned it trust the restored server.
  CHECK(report.key_restored);
  CHECK(file_bytes(restored.path() / server::kIdentityFileName) == key);
  const auto restored_identity = server::load_or_create_identity(restored.str(), &key_error);
  INFO(key_error);
  REQUIRE(restored_identity);
  CHECK(restored_identity->public_key == identity->public_key);
  CHECK((fs::status(restored.path() / server::kIdentityFileName).permissions() &
         (fs::perms::group_all | fs::perms::others_all)) == fs::perms::none);
  DurableServer from_backup(restored);
  for (std::size_t i = 0; i < all.size(); ++i) {
    INFO("client " << i);
    REQUIRE(all[i]->reconnect("127.0.0.1", from_backup.port()));
    CHECK(all[i]->view_hash() == at_backup[i]);
    CHECK_FALSE(contains(encode_match(all[i]->view()), "AFTER-THE-BACKUP"));
  }
  CHECK(contains(encode_match(p0->view()), "NOTE-IN-THE-BACKUP"));
  // The restored match goes on to its end.
  for (int guard = 0; guard < 10 && fac->view().phase != Phase::debrief; ++guard)
    must(*fac, AdvancePhase{}, all);
  sync_with_server(all);
  for (Client* c : all) {
    CHECK(c->view().phase == Phase::debrief);
    CHECK(c->hash_mismatches == 0);
  }
}

TEST_CASE(
    "restore refuses a running server and files that are not a backup, and keeps what "
    "it replaces",
    "[durability][backup]") {
  TempDir dir, files;
  const fs::path file = files.path() / "backup";
  std::string key_error;
  REQUIRE(server::load_or_create_identity(dir.str(), &key_error));
  const std::string key = file_bytes(dir.path() / server::kIdentityFileName);
  {
    DurableServer server(dir);
    auto fac = create_room_at(server.port(), 2);
    REQUIRE(backup_of(dir, file).empty());
    std::string error;
    server::SqliteRoomStore::RestoreReport report;
    CHECK_FALSE(server::SqliteRoomStore::restore(dir.str(), file.string(), &error, &report));
    CHECK_THAT(error, Catch::Contains("is running") && Catch::Contains("stop it"));
  }
  std::string error;
  server::SqliteRoomStore::RestoreReport report;
  const fs::path garbage = files.path() / "notes.txt";
  std::ofstream(garbage) << "not a database";
  CHECK_FALSE(server::SqliteRoomStore::restore(dir.str(), garbage.string(), &error, &report));
  CHECK_THAT(error, Catch::Contains("notes.txt"));
  CHECK_FALSE(server::SqliteRoomStore::restore(dir.str(), (files.path() / "missing").string(),
                                               &error, &report));
  CHECK_THAT(error, Catch::Contains("there is no backup file"));
  // A backup cut short (a copy that did not finish) is refused whole.
  const std::string bytes = file_bytes(file);
  REQUIRE(bytes.size() > 8192);
  const fs::path cut = files.path() / "cut";
  std::ofstream(cut, std::ios::binary).write(bytes.data(), 4096);
  CHECK_FALSE(server::SqliteRoomStore::restore(dir.str(), cut.string(), &error, &report));
  INFO(error);
  CHECK((error.find("damaged") != std::string::npos ||
         error.find("not an accord-server backup") != std::string::npos));

  const auto rooms_before = query_int(dir, "SELECT COUNT(*) FROM rooms");
  // This folder got a key of its own after the backup (a reinstalled machine): the backup's
  // key replaces it, and it is kept aside.
  std::ofstream(dir.path() / server::kIdentityFileName) << "a newer key";
  REQUIRE(server::SqliteRoomStore::restore(dir.str(), file.string(), &error, &report));
  REQUIRE_FALSE(report.kept_aside.empty());
  for (const auto& aside : report.kept_aside)
    CHECK(fs::exists(aside));  // what it replaced is kept beside it
  CHECK(std::any_of(report.kept_aside.begin(), report.kept_aside.end(), [](const std::string& p) {
    return p.find(server::kIdentityFileName) != std::string::npos;
  }));
  CHECK(report.key_restored);
  CHECK(file_bytes(dir.path() / server::kIdentityFileName) == key);
  CHECK(query_int(dir, "SELECT COUNT(*) FROM rooms") == rooms_before);
  CHECK(query_int(dir, "SELECT COUNT(*) FROM sqlite_master WHERE name = 'backup_files'") == 0);
}

}  // namespace
}  // namespace accord::durabilitytest
