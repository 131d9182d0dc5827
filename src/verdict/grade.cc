// The words of GRADE the rules share (grade.h; docs/verdicts.md, sections
// 4 and 5).
#include "verdict/grade.h"

#include <algorithm>

namespace claimcheck::verdict_internal {

int Level(Certainty c) { return static_cast<int>(c); }
Certainty FromLevel(int level) {
  return static_cast<Certainty>(std::clamp(level, 0, 3));
}

// Larger is less direct; "when two apply, the one that most weakens".
int DirectnessRank(Directness d) {
  switch (d) {
    case Directness::kDirect:
      return 0;
    case Directness::kOtherForm:
    case Directness::kOtherPopulation:
    case Directness::kSurrogateOutcome:
      return 1;
    case Directness::kAnimal:
      return 2;
    case Directness::kInVitro:
      return 3;
    case Directness::kMechanistic:
      break;
  }
  return 4;
}

Directness Weaker(Directness a, Directness b) {
  return DirectnessRank(b) > DirectnessRank(a) ? b : a;
}

// Animal and in vitro work: weighed for mechanism claims (one level down),
// mechanistic support only for effect claims.
bool IsLabWork(Design d) {
  return d == Design::kAnimal || d == Design::kInVitro;
}

bool IsReview(Design d) {
  return d == Design::kMetaAnalysis || d == Design::kSystematicReview;
}

bool IsHumanStudy(Design d) {
  switch (d) {
    case Design::kMetaAnalysis:
    case Design::kSystematicReview:
    case Design::kRct:
    case Design::kControlledTrial:
    case Design::kCohort:
    case Design::kCaseControl:
    case Design::kCrossSectional:
    case Design::kCaseSeries:
    case Design::kCaseReport:
      return true;
    default:
      return false;
  }
}

// A design with a comparison group (docs/verdicts.md section 5): a case
// series or report, a narrative review or lab work has none.
bool Controlled(Design d) {
  return d == Design::kGuideline ||
         (IsHumanStudy(d) && d != Design::kCaseSeries &&
          d != Design::kCaseReport);
}

std::string DesignWords(Design d) {
  std::string s = DesignName(d);
  if (d == Design::kRct) return "RCT";
  if (d == Design::kMetaAnalysis) return "meta-analysis";
  std::replace(s.begin(), s.end(), '_', ' ');
  return s;
}

// "3 RCTs", "1 meta-analysis", "2 case series", "2 in vitro studies".
std::string Counted(int n, Design d) {
  std::string s = std::to_string(n) + " " + DesignWords(d);
  if (n == 1) return s;
  switch (d) {
    case Design::kMetaAnalysis:
      return std::to_string(n) + " meta-analyses";
    case Design::kCaseSeries:
      return s;
    case Design::kAnimal:
    case Design::kInVitro:
      return s + " studies";
    default:
      return s + "s";
  }
}

// "meta-analysis (PMID 33865376, n = 151)".
std::string Describe(const Evidence& e) {
  std::string s = DesignWords(e.source.design);
  std::string ids;
  if (!e.source.study.empty()) {
    ids = e.source.study;
  }
  if (!e.source.pmid.empty()) {
    ids += (ids.empty() ? "" : ", ") + std::string("PMID ") + e.source.pmid;
  } else if (!e.source.doi.empty()) {
    ids += (ids.empty() ? "" : ", ") + std::string("doi ") + e.source.doi;
  } else if (ids.empty()) {
    ids = e.source.id;
  }
  s += " (" + ids;
  if (e.source.n) s += ", n = " + std::to_string(*e.source.n);
  return s + ")";
}

}  // namespace claimcheck::verdict_internal
