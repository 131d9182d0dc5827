// Which way a relation moves its object (directions.h; docs/verdicts.md,
// "1. Reading a claim").
#include "verdict/directions.h"

namespace claimcheck::verdict_internal {

int Sign(std::string_view relation) {
  if (relation == "increases") return 1;
  if (relation == "decreases") return -1;
  return 0;
}

int Polarity(const Vocabulary& vocabulary, std::string_view object) {
  const Concept* c = vocabulary.Find(object);
  return c != nullptr && c->better == Better::kLower ? -1 : 1;
}

}  // namespace claimcheck::verdict_internal
