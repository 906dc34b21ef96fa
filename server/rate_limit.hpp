// A token bucket: `burst` tokens, refilled at `per_second`; a request takes one token or is
// refused. Times are the server's milliseconds.
#pragma once

#include <algorithm>
#include <cstdint>

#include "core/types.hpp"

namespace accord::server {

class TokenBucket {
 public:
  TokenBucket() = default;
  TokenBucket(double burst, double per_second) : burst_(burst), rate_(per_second), tokens_(burst) {}

  // Refilled to its burst: as good as a new bucket, so a table of them may forget this one.
  bool full(TimeMs now) const {
    const double refilled = now > last_ ? rate_ * static_cast<double>(now - last_) / 1000.0 : 0.0;
    return tokens_ + refilled >= burst_;
  }

  bool take(TimeMs now) {
    refill(now);
    if (tokens_ < 1.0) return false;
    tokens_ -= 1.0;
    return true;
  }

 private:
  void refill(TimeMs now) {
    if (now > last_)
      tokens_ = std::min(burst_, tokens_ + rate_ * static_cast<double>(now - last_) / 1000.0);
    last_ = std::max(last_, now);
  }
  double burst_ = 1.0;
  double rate_ = 1.0;
  double tokens_ = 1.0;
  TimeMs last_ = 0;
};

}  // namespace accord::server
