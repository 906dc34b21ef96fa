#include "admin_http.hpp"

#include <httplib.h>
#include <sys/socket.h>

#include <chrono>
#include <thread>

namespace accord::server {

std::int64_t admin_clock_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

AdminHttp::AdminHttp() : http_(std::make_unique<httplib::Server>()) {
  // Two workers: scrapes are rare and cheap, and the game loop keeps the cores.
  http_->new_task_queue = [] { return new httplib::ThreadPool(2); };
  // httplib's default sets SO_REUSEPORT: a second server on the same port would then share it
  // silently. SO_REUSEADDR alone lets a restart rebind at once and a second server fail.
  http_->set_socket_options([](int sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof(yes));
  });
  http_->set_read_timeout(5, 0);
  http_->set_write_timeout(5, 0);
  http_->Get("/healthz", [this](const httplib::Request&, httplib::Response& res) {
    const auto snapshot = latest();
    const std::string problem =
        snapshot ? health_problem(*snapshot, admin_clock_ms()) : "starting: no report yet";
    res.status = problem.empty() ? 200 : 503;
    res.set_content(problem.empty() ? "ok\n" : problem + "\n", "text/plain; charset=utf-8");
  });
  // Before the loop's first report there is nothing true to say: 503.
  const auto serve = [this](const char* type, std::string (*render)(const AdminSnapshot&)) {
    return [this, type, render](const httplib::Request&, httplib::Response& res) {
      const auto snapshot = latest();
      if (!snapshot) {
        res.status = 503;
        res.set_content("starting: no report yet\n", "text/plain; charset=utf-8");
        return;
      }
      res.set_content(render(*snapshot), type);
    };
  };
  http_->Get("/metrics", serve("text/plain; version=0.0.4; charset=utf-8", render_metrics));
  http_->Get("/rooms", serve("application/json", render_rooms_json));
}

AdminHttp::~AdminHttp() {
  stop();
}

bool AdminHttp::start(const std::string& bind, std::uint16_t port, std::string* error) {
  const int bound = port == 0 ? http_->bind_to_any_port(bind.c_str())
                              : (http_->bind_to_port(bind.c_str(), port) ? port : -1);
  if (bound <= 0) {
    if (error != nullptr)
      *error = "the admin endpoint cannot listen on " + bind + ":" + std::to_string(port) +
               " (in use, or not an address of this machine); change --admin-port or "
               "--admin-bind, or turn it off with --no-admin";
    return false;
  }
  port_ = static_cast<std::uint16_t>(bound);
  thread_ = std::thread([this] { http_->listen_after_bind(); });
  // httplib's stop() only reaches a server that is already listening: wait until it is, or a
  // stop right after start would be lost and the join would hang.
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
  while (!http_->is_running() && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  return true;
}

void AdminHttp::publish(std::shared_ptr<const AdminSnapshot> snapshot) {
  std::lock_guard lock(mutex_);
  snapshot_ = std::move(snapshot);
}

std::shared_ptr<const AdminSnapshot> AdminHttp::latest() const {
  std::lock_guard lock(mutex_);
  return snapshot_;
}

void AdminHttp::stop() {
  if (!thread_.joinable()) return;
  http_->stop();
  thread_.join();
}

}  // namespace accord::server
