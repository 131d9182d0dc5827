// Internal to src/verdict: the words of GRADE the rules share (docs/
// verdicts.md, sections 4 and 5): certainty levels as numbers, directness
// ranks, kinds of design, and how a source is named in a reason.
#ifndef CLAIMCHECK_SRC_VERDICT_GRADE_H_
#define CLAIMCHECK_SRC_VERDICT_GRADE_H_

#include <string>

#include "claimcheck/verdict.h"

namespace claimcheck::verdict_internal {

// Certainty as a number, 0 (very low) to 3 (high), and back (clamped).
int Level(Certainty c);
Certainty FromLevel(int level);

// Larger is less direct; Weaker gives the one that most weakens.
int DirectnessRank(Directness d);
Directness Weaker(Directness a, Directness b);

// Animal and in vitro work: weighed for mechanism claims (one level down),
// mechanistic support only for effect claims.
bool IsLabWork(Design d);
bool IsReview(Design d);
bool IsHumanStudy(Design d);
// A design with a comparison group (section 5): a case series or report, a
// narrative review or lab work has none.
bool Controlled(Design d);

// "RCT", "meta-analysis", "case series".
std::string DesignWords(Design d);
// "3 RCTs", "1 meta-analysis", "2 case series", "2 in vitro studies".
std::string Counted(int n, Design d);
// "meta-analysis (PMID 33865376, n = 151)".
std::string Describe(const Evidence& e);

}  // namespace claimcheck::verdict_internal

#endif  // CLAIMCHECK_SRC_VERDICT_GRADE_H_
