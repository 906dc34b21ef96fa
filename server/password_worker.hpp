// Argon2id (libsodium crypto_pwhash_str) on a worker thread: hashing or verifying a facilitator
// password takes ~190 ms with the interactive limits, which the service loop must not wait for.
// The loop submits jobs and collects results each turn.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace accord::server {

enum class PasswordStrength { interactive, minimum /* tests only: fast and weak */ };

class PasswordWorker {
 public:
  explicit PasswordWorker(PasswordStrength strength = PasswordStrength::interactive);
  ~PasswordWorker();
  PasswordWorker(const PasswordWorker&) = delete;
  PasswordWorker& operator=(const PasswordWorker&) = delete;

  struct Result {
    std::uint64_t job = 0;
    bool ok = false;     // hashed, or the password matched
    std::string hashed;  // for a hash job: the crypto_pwhash_str string
  };

  // The password is wiped once used.
  std::uint64_t hash(std::string password);
  std::uint64_t verify(std::string password, std::string hashed);
  std::vector<Result> take_results();

 private:
  struct Job {
    std::uint64_t id = 0;
    bool verify = false;
    std::string password;
    std::string hashed;
  };
  void run();

  PasswordStrength strength_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<Job> jobs_;
  std::vector<Result> results_;
  std::uint64_t next_id_ = 1;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace accord::server
