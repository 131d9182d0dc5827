// docs/verdicts.md, "4. Where a source starts, and how it moves down"
// (rules.h): one source's level from its design, directness, size, risk of
// bias and its authors' own GRADE rating.
#include <optional>
#include <string>

#include "verdict/grade.h"
#include "verdict/rules.h"

namespace claimcheck::verdict_internal {

namespace {

// The start level of a design for a kind of claim, nullopt when the design
// is never weighed for it (docs/verdicts.md "Where a source starts").
struct Start {
  std::optional<Certainty> level;
  std::string why;  // "not evidence", "mechanistic"
};
Start StartLevel(Design design, ClaimKind kind) {
  const bool mechanism = kind == ClaimKind::kMechanism;
  const bool reference = kind == ClaimKind::kDose || kind == ClaimKind::kSafety;
  switch (design) {
    case Design::kMetaAnalysis:
    case Design::kSystematicReview:
    case Design::kRct:
      return {Certainty::kHigh, ""};
    case Design::kControlledTrial:
    case Design::kCohort:
    case Design::kCaseControl:
    case Design::kCrossSectional:
      return {Certainty::kLow, ""};
    case Design::kCaseSeries:
    case Design::kCaseReport:
      return {Certainty::kVeryLow, ""};
    case Design::kGuideline:
      return {reference ? Certainty::kHigh : Certainty::kModerate, ""};
    case Design::kNarrativeReview:
      return {mechanism || reference ? Certainty::kLow : Certainty::kVeryLow,
              ""};
    case Design::kAnimal:
    case Design::kInVitro:
      // docs/verdicts.md section 4: then down one for indirectness, so that
      // a mechanism resting on lab work alone is at most very low.
      if (mechanism) return {Certainty::kLow, ""};
      return {std::nullopt, "mechanistic"};
    default:
      break;
  }
  return {std::nullopt, "not evidence"};
}

}  // namespace

void GradeSource(ClaimKind kind, bool high_risk_of_bias,
                 std::optional<Certainty> cap, Evidence* source) {
  Evidence& e = *source;
  if (e.stance == Stance::kContext) {
    e.not_weighed = "context";
    return;
  }
  if (e.source.retracted) {
    e.not_weighed = "retracted";
    return;
  }
  if (!CanBeEvidence(e.source.design)) {
    e.not_weighed = std::string("not evidence: a ") +
                    DesignWords(e.source.design) + " is where claims are made";
    return;
  }
  const bool mechanism = kind == ClaimKind::kMechanism;
  const bool in_vitro = e.source.design == Design::kInVitro ||
                        e.directness == Directness::kInVitro;
  const bool lab = in_vitro || e.source.design == Design::kAnimal ||
                   e.directness == Directness::kAnimal;
  if (!mechanism && (lab || e.directness == Directness::kMechanistic)) {
    e.not_weighed = "mechanistic";
    return;
  }
  const Start start = StartLevel(e.source.design, kind);
  if (!start.level) {
    e.not_weighed = start.why;
    return;
  }
  int level = Level(*start.level);
  e.steps.insert(e.steps.begin(), DesignWords(e.source.design) + ": starts " +
                                      CertaintyName(*start.level));
  if (mechanism && lab) {
    --level;
    e.steps.push_back(std::string("down one: indirectness (") +
                      (in_vitro ? "in vitro" : "animal") + ", not people)");
  } else if (e.directness != Directness::kDirect) {
    --level;
    std::string what =
        e.indirect.empty() ? DirectnessName(e.directness) : e.indirect.front();
    e.steps.push_back("down one: indirectness (" + what + ")");
  }
  if (IsHumanStudy(e.source.design)) {
    if (!e.source.n) {
      --level;
      e.steps.push_back(
          "down one: imprecision (sample size not known to the knowledge "
          "base)");
    } else if (*e.source.n < 100) {
      level -= 2;
      e.steps.push_back("down two: very serious imprecision (n = " +
                        std::to_string(*e.source.n) + ")");
    } else if (*e.source.n < 400) {
      --level;
      e.steps.push_back(
          "down one: imprecision (n = " + std::to_string(*e.source.n) + ")");
    }
  }
  if (high_risk_of_bias) {
    --level;
    e.steps.push_back("down one: risk of bias");
  }
  if (cap && level > Level(*cap)) {
    level = Level(*cap);
    e.steps.push_back(std::string("capped at the authors' GRADE rating (") +
                      CertaintyName(*cap) + ")");
  }
  e.level = FromLevel(level);
  e.weighed = true;
}

}  // namespace claimcheck::verdict_internal
