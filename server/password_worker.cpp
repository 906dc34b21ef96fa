#include "password_worker.hpp"

#include <sodium.h>

#include "secrets.hpp"

namespace accord::server {

PasswordWorker::PasswordWorker(PasswordStrength strength) : strength_(strength) {
  ensure_sodium();
  thread_ = std::thread([this] { run(); });
}

PasswordWorker::~PasswordWorker() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
  for (auto& job : jobs_)
    wipe(job.password);
}

std::uint64_t PasswordWorker::hash(std::string password) {
  std::lock_guard lock(mutex_);
  const auto id = next_id_++;
  jobs_.push_back(Job{id, false, std::move(password), {}});
  wake_.notify_one();
  return id;
}

std::uint64_t PasswordWorker::verify(std::string password, std::string hashed) {
  std::lock_guard lock(mutex_);
  const auto id = next_id_++;
  jobs_.push_back(Job{id, true, std::move(password), std::move(hashed)});
  wake_.notify_one();
  return id;
}

std::vector<PasswordWorker::Result> PasswordWorker::take_results() {
  std::lock_guard lock(mutex_);
  std::vector<Result> out;
  out.swap(results_);
  return out;
}

void PasswordWorker::run() {
  const bool fast = strength_ == PasswordStrength::minimum;
  const auto ops = fast ? crypto_pwhash_OPSLIMIT_MIN : crypto_pwhash_OPSLIMIT_INTERACTIVE;
  const auto mem = fast ? crypto_pwhash_MEMLIMIT_MIN : crypto_pwhash_MEMLIMIT_INTERACTIVE;
  for (;;) {
    Job job;
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [&] { return stopping_ || !jobs_.empty(); });
      if (stopping_) return;
      job = std::move(jobs_.front());
      jobs_.pop_front();
    }
    Result result{job.id, false, {}};
    if (job.verify) {
      result.ok = crypto_pwhash_str_verify(job.hashed.c_str(), job.password.data(),
                                           job.password.size()) == 0;
    } else {
      char out[crypto_pwhash_STRBYTES] = {};
      result.ok = crypto_pwhash_str(out, job.password.data(), job.password.size(), ops, mem) == 0;
      if (result.ok) result.hashed = out;
    }
    wipe(job.password);
    std::lock_guard lock(mutex_);
    results_.push_back(std::move(result));
  }
}

}  // namespace accord::server
