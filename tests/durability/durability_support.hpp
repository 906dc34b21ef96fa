// Durability tests: temporary data folders, an in-process server on a SqliteRoomStore that can
// be stopped and started again on the same folder, and direct SQL on the database (to damage
// it on purpose).
#pragma once

#include <sqlite3.h>
#include <stdlib.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <fstream>
#include <mutex>

#include "../net/net_test_support.hpp"
#include "sqlite_store.hpp"

namespace accord::durabilitytest {

using namespace accord::nettest;
namespace fs = std::filesystem;

// A fresh folder under the system's temp directory, removed with everything in it.
class TempDir {
 public:
  TempDir() {
    std::string pattern = (fs::temp_directory_path() / "accord-durability-XXXXXX").string();
    REQUIRE(::mkdtemp(pattern.data()) != nullptr);
    path_ = pattern;
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const fs::path& path() const { return path_; }
  std::string str() const { return path_.string(); }

 private:
  fs::path path_;
};

inline std::shared_ptr<server::SqliteRoomStore> open_store(const TempDir& dir) {
  std::string error;
  std::shared_ptr<server::SqliteRoomStore> store =
      server::SqliteRoomStore::open(dir.str(), server::SqliteRoomStore::Access::serve, &error);
  INFO(error);
  REQUIRE(store);
  return store;
}

// Runs SQL on the database file directly (the store must be closed, or at least idle).
inline void run_sql(const TempDir& dir, const std::string& sql) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open((dir.path() / "accord.sqlite3").c_str(), &db) == SQLITE_OK);
  char* message = nullptr;
  const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &message);
  INFO(sql << ": " << (message ? message : ""));
  sqlite3_free(message);
  sqlite3_close(db);
  REQUIRE(rc == SQLITE_OK);
}

// A number from a one-value query.
inline std::int64_t query_int(const TempDir& dir, const std::string& sql) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open((dir.path() / "accord.sqlite3").c_str(), &db) == SQLITE_OK);
  sqlite3_stmt* stmt = nullptr;
  REQUIRE(sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr) == SQLITE_OK);
  std::int64_t value = -1;
  if (sqlite3_step(stmt) == SQLITE_ROW) value = sqlite3_column_int64(stmt, 0);
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  return value;
}

inline std::string file_bytes(const fs::path& path) {
  std::error_code ec;
  const auto size = fs::file_size(path, ec);
  if (ec) return {};
  std::string bytes(size, '\0');
  std::ifstream in(path, std::ios::binary);
  in.read(bytes.data(), static_cast<std::streamsize>(size));
  bytes.resize(static_cast<std::size_t>(in.gcount()));
  return bytes;
}

// An in-process server on a SqliteRoomStore in `dir`; stop() and start() again to restart it on
// the same folder (the store is closed and reopened, as a new process would).
// Time is the test's to move: the server's clock source reads a "machine clock" that stands
// still until advance(), counted from its value when the server started (as a real server's
// steady clock counts from its start). The loop runs on its own thread, turn after turn, and
// advance() returns once a whole turn has run at the new time: its clock tick, the lifecycle
// checks and the commit are done and their messages sent (sync_with_server() then delivers them).
class DurableServer {
 public:
  explicit DurableServer(const TempDir& dir, server::ServerConfig config = test_config())
      : dir_(dir), config_(std::move(config)) {
    spdlog::set_level(spdlog::level::warn);
    if (const char* level = std::getenv("ACCORD_NET_TEST_LOG"))
      spdlog::set_level(spdlog::level::from_str(level));
    start();
  }
  ~DurableServer() { stop(); }

  void start() {
    store_ = open_store(dir_);
    server_ = std::make_unique<server::Server>(
        config_, std::make_shared<TestFactory>(), store_,
        [this, origin = machine_ms_.load()] { return machine_ms_.load() - origin; });
    std::string error;
    REQUIRE(server_->start(&error));
    config_.port = server_->port();  // a restart listens where the clients expect it
    stop_.store(false);
    thread_ = std::thread([this] {
      while (!stop_.load()) {
        server_->poll(5);
        {
          std::lock_guard lock(turn_mutex_);
          ++turns_;
        }
        turn_done_.notify_all();
      }
      server_->shutdown();
    });
  }
  // Stops the loop (a clean shutdown: Bye to everyone); the state stays readable until start().
  void stop() {
    if (thread_.joinable()) {
      stop_.store(true);
      thread_.join();
    }
  }
  // Frees the server and closes the database, as the end of a process would.
  void close() {
    stop();
    server_.reset();
    store_.reset();
  }
  void restart() {
    close();
    start();
  }

  // The machine's clock moves on by `ms`. If the server runs, returns once it has run a whole
  // turn that began after the move (a turn already under way may have read the old time).
  void advance(TimeMs ms) {
    machine_ms_ += ms;
    if (!thread_.joinable()) return;
    std::unique_lock lock(turn_mutex_);
    const std::uint64_t after = turns_ + 2;
    if (!turn_done_.wait_for(lock, std::chrono::seconds(10), [&] { return turns_ >= after; }))
      FAIL("the server's loop did not finish a turn within 10 s");
  }
  // `ms` pass in steps of `step_ms`, a turn at each step: as real time would, with the server's
  // periodic checks (lifecycle_check_ms) running along the way.
  void pass_time(TimeMs ms, TimeMs step_ms = 50) {
    for (TimeMs passed = 0; passed < ms; passed += step_ms)
      advance(std::min(step_ms, ms - passed));
  }

  std::uint16_t port() const { return server_->port(); }
  server::Server& get() { return *server_; }
  server::SqliteRoomStore& store() { return *store_; }

 private:
  const TempDir& dir_;
  server::ServerConfig config_;
  std::atomic<TimeMs> machine_ms_{0};
  std::shared_ptr<server::SqliteRoomStore> store_;
  std::unique_ptr<server::Server> server_;
  std::atomic<bool> stop_{false};
  std::mutex turn_mutex_;
  std::condition_variable turn_done_;
  std::uint64_t turns_ = 0;
  std::thread thread_;
};

// The helpers of net_test_support.hpp take a TestServer; these take a port.
inline std::unique_ptr<Client> connected_to(std::uint16_t port) {
  auto client = std::make_unique<Client>();
  REQUIRE(client->connect("127.0.0.1", port));
  return client;
}

inline std::unique_ptr<Client> create_room_at(std::uint16_t port, std::uint32_t seats = 3) {
  auto facilitator = connected_to(port);
  pm::CreateRoom request;
  request.scenario = "test";
  request.seats = seats;
  request.timer_preset = "short";
  request.facilitator_password = kFacilitatorPassword;
  facilitator->create_room(request);
  REQUIRE(pump({facilitator.get()},
               [&] { return facilitator->in_room() || !facilitator->errors.empty(); }));
  REQUIRE(facilitator->errors.empty());
  return facilitator;
}

inline std::unique_ptr<Client> join_at(std::uint16_t port, const std::string& code,
                                       const std::string& name) {
  auto client = connected_to(port);
  pm::JoinRoom request;
  request.code = code;
  request.name = name;
  client->join_room(request);
  REQUIRE(pump({client.get()}, [&] { return client->in_room() || !client->errors.empty(); }));
  INFO((client->errors.empty() ? std::string() : client->errors.front().text));
  REQUIRE(client->in_room());
  return client;
}

}  // namespace accord::durabilitytest
