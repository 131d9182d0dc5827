// Internal to src/verdict: which way a relation moves its object, on the
// object's own scale (docs/verdicts.md, "1. Reading a claim").
#ifndef CLAIMCHECK_SRC_VERDICT_DIRECTIONS_H_
#define CLAIMCHECK_SRC_VERDICT_DIRECTIONS_H_

#include <string_view>

#include "claimcheck/concepts.h"

namespace claimcheck::verdict_internal {

// +1 "more", -1 "less", 0 "changes, way not said".
int Sign(std::string_view relation);

// -1 for an outcome where less is better: "decreases(sleep_onset_latency)"
// and "increases(sleep)" both say "improves".
int Polarity(const Vocabulary& vocabulary, std::string_view object);

}  // namespace claimcheck::verdict_internal

#endif  // CLAIMCHECK_SRC_VERDICT_DIRECTIONS_H_
