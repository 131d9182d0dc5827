// Names of the claim enums and the identity of a claim.
#include "claimcheck/claims.h"

namespace claimcheck {

const char* ClaimKindName(ClaimKind kind) {
  switch (kind) {
    case ClaimKind::kEffect:
      return "effect";
    case ClaimKind::kMechanism:
      return "mechanism";
    case ClaimKind::kDose:
      return "dose";
    case ClaimKind::kComparison:
      return "comparison";
    case ClaimKind::kSafety:
      return "safety";
    case ClaimKind::kOnset:
      return "onset";
    case ClaimKind::kComposition:
      return "composition";
  }
  return "effect";
}

const char* HedgingName(Hedging hedging) {
  switch (hedging) {
    case Hedging::kHedged:
      return "hedged";
    case Hedging::kPlain:
      return "plain";
    case Hedging::kAssertive:
      return "assertive";
  }
  return "plain";
}

const char* AttributionName(Attribution attribution) {
  switch (attribution) {
    case Attribution::kNone:
      return "none";
    case Attribution::kUnnamed:
      return "unnamed";
    case Attribution::kCited:
      return "cited";
  }
  return "none";
}

std::string ClaimKey(const Claim& claim) {
  std::string key = ClaimKindName(claim.kind);
  key += ':';
  key += claim.subject ? claim.subject->id : "";
  key += ' ';
  key += claim.relation;
  key += ' ';
  if (claim.object) {
    key += claim.object->id;
  } else if (!claim.category.empty()) {
    key += "category:" + claim.category;
  }
  return key;
}

}  // namespace claimcheck
