// RateLimiter with an injected clock: NCBI's 3 and 10 requests a second,
// measured without sleeping.
#include <catch2/catch.hpp>
#include <chrono>
#include <vector>

#include "claimcheck/eutils.h"

namespace claimcheck {
namespace {

using std::chrono::milliseconds;
using std::chrono::nanoseconds;
using Clock = std::chrono::steady_clock;

// A clock the test moves by hand.
struct FakeClock {
  Clock::time_point now{};
  RateLimiter::Clock Function() {
    return [this] { return now; };
  }
};

TEST_CASE("rate limiter: requests at once are spaced 1/rate apart",
          "[eutils]") {
  for (const double rate : {3.0, 10.0}) {
    FakeClock clock;
    RateLimiter limiter(rate, clock.Function());
    const nanoseconds interval = limiter.interval();
    CHECK(interval >= nanoseconds(static_cast<long long>(1e9 / rate)));
    CHECK(interval < nanoseconds(static_cast<long long>(1e9 / rate) + 2));
    // Ten requests asked for at the same instant: the k-th waits k
    // intervals.
    for (int k = 0; k < 10; ++k) {
      CHECK(limiter.Reserve() == k * interval);
    }
  }
}

TEST_CASE("rate limiter: no second holds more than `rate` request starts",
          "[eutils]") {
  FakeClock clock;
  RateLimiter limiter(3, clock.Function());
  std::vector<Clock::time_point> starts;
  // A caller that asks every 50 ms and sleeps what it is told.
  for (int i = 0; i < 30; ++i) {
    const nanoseconds wait = limiter.Reserve();
    clock.now += wait;
    starts.push_back(clock.now);
    clock.now += milliseconds(50);
  }
  for (std::size_t i = 3; i < starts.size(); ++i) {
    CHECK(starts[i] - starts[i - 3] >= std::chrono::seconds(1));
  }
}

TEST_CASE("rate limiter: an idle caller does not bank requests", "[eutils]") {
  FakeClock clock;
  RateLimiter limiter(10, clock.Function());
  CHECK(limiter.Reserve().count() == 0);
  clock.now += std::chrono::seconds(5);
  // After five idle seconds: one at once, then spaced again (no burst of
  // fifty).
  CHECK(limiter.Reserve().count() == 0);
  CHECK(limiter.Reserve() == limiter.interval());
  CHECK(limiter.Reserve() == 2 * limiter.interval());
}

}  // namespace
}  // namespace claimcheck
