// Internal to src/verdict: the verdict rules that read only a judgement's
// evidence, as functions with no knowledge base, store or vocabulary
// (issue 24, "the engine's house"); each names its section of
// docs/verdicts.md. tests/verdict/evidence_rules_test.cc calls them on
// evidence made in memory.
#ifndef CLAIMCHECK_SRC_VERDICT_RULES_H_
#define CLAIMCHECK_SRC_VERDICT_RULES_H_

#include <optional>

#include "claimcheck/verdict.h"

namespace claimcheck::verdict_internal {

// Section 4, "Where a source starts, and how it moves down": marks one
// source of a claim of `kind` weighed at its level (e->level, e->steps),
// or not weighed and why (e->not_weighed: "context", "retracted",
// "mechanistic", "not evidence …"). Its directness (and the words of it in
// e->indirect) is set before; `cap` is its authors' GRADE rating.
void GradeSource(ClaimKind kind, bool high_risk_of_bias,
                 std::optional<Certainty> cap, Evidence* e);

// Section 5, "Weighing the body of evidence": sets j->verdict,
// j->certainty and j->plausible_mechanism from j->evidence (each source
// already weighed, section 4) and j->unlisted, and appends the reasons.
// `kind` is the claim's kind (lab work counts only for mechanism claims).
void WeighBody(ClaimKind kind, Judgement* j);

// Section 1, "Reading a claim": a denied comparison is judged as the
// comparison, then its verdict and every stance turned.
void Deny(Judgement* j);

}  // namespace claimcheck::verdict_internal

#endif  // CLAIMCHECK_SRC_VERDICT_RULES_H_
