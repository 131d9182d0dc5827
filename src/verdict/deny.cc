// docs/verdicts.md, "1. Reading a claim": a denied comparison ("magnesium
// citrate is not better absorbed than oxide") is judged as the comparison,
// then turned (rules.h).
#include <string>

#include "verdict/rules.h"

namespace claimcheck::verdict_internal {

namespace {

// A source's stance towards a comparison's denial ("A is not more
// bioavailable than B"): support for the comparison is against it; a
// refutation or no difference is for it.
Stance Denied(Stance s) {
  switch (s) {
    case Stance::kSupports:
      return Stance::kRefutes;
    case Stance::kRefutes:
    case Stance::kNullResult:
      return Stance::kSupports;
    case Stance::kMixed:
    case Stance::kContext:
      break;
  }
  return s;
}

}  // namespace

void Deny(Judgement* j) {
  for (Evidence& e : j->evidence) e.stance = Denied(e.stance);
  for (EvidenceTally& t : j->unlisted) t.stance = Denied(t.stance);
  const char* was = VerdictName(j->verdict);
  if (j->verdict == VerdictWord::kSupported) {
    j->verdict = VerdictWord::kRefuted;
  } else if (j->verdict == VerdictWord::kRefuted) {
    j->verdict = VerdictWord::kSupported;
  }
  j->reasons.push_back(
      std::string("the claim denies the comparison (for and against above "
                  "are towards the comparison), which is ") +
      was + ": the denial is " + VerdictName(j->verdict) + ", certainty " +
      CertaintyName(j->certainty) +
      " (each source's stance is shown towards the denial)");
}

}  // namespace claimcheck::verdict_internal
