// Internal to src/verdict: a dose claim's verdict against the upper limit
// (docs/verdicts.md, "8. Doses against reference values").
#ifndef CLAIMCHECK_SRC_VERDICT_DOSE_H_
#define CLAIMCHECK_SRC_VERDICT_DOSE_H_

#include <string_view>

#include "claimcheck/verdict.h"

namespace claimcheck::verdict_internal {

// mg in one `unit` of a mass (mg, g, mcg, ug, \u00b5g); 0 when `unit` is
// not a mass.
double MgIn(std::string_view unit);

// Sets j->dose for a dose claim with an amount, and refutes a claim that an
// amount above the upper limit is safe, whatever the studies said.
void WeighDose(const Vocabulary& vocabulary, const Knowledge& knowledge,
               Judgement* j);

}  // namespace claimcheck::verdict_internal

#endif  // CLAIMCHECK_SRC_VERDICT_DOSE_H_
