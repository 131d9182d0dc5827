// NCBI's request rate as a minimum interval between request starts
// (docs/pubmed.md, "Rate limits"). Covered by
// tests/eutils/rate_limiter_test.cc (an injected clock, no sleeping).
#include <cmath>

#include "claimcheck/eutils.h"

namespace claimcheck {

RateLimiter::RateLimiter(double per_second, Clock clock)
    : per_second_(per_second > 0 ? per_second : 1),
      // Rounded up: never a hair faster than the rate.
      interval_(static_cast<std::chrono::nanoseconds::rep>(
          std::ceil(1e9 / per_second_))),
      clock_(clock ? std::move(clock)
                   : [] { return std::chrono::steady_clock::now(); }) {}

std::chrono::nanoseconds RateLimiter::Reserve() {
  const auto now = clock_();
  // A minimum interval rather than a bucket with a burst: NCBI counts
  // requests per second on its side, and a burst at a second's edge would
  // exceed it.
  if (!next_ || *next_ <= now) {
    next_ = now + interval_;
    return std::chrono::nanoseconds(0);
  }
  const auto wait = *next_ - now;
  *next_ += interval_;
  return std::chrono::duration_cast<std::chrono::nanoseconds>(wait);
}

}  // namespace claimcheck
