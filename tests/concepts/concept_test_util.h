// The real vocabulary and matcher (real_kb.h) for the concept tests.
#ifndef CLAIMCHECK_TESTS_CONCEPTS_CONCEPT_TEST_UTIL_H_
#define CLAIMCHECK_TESTS_CONCEPTS_CONCEPT_TEST_UTIL_H_

#include "claimcheck/concepts.h"
#include "real_kb.h"
#include "test_util.h"

namespace claimcheck::testing {

inline const Vocabulary& RealVocabulary() {
  return RealKnowledgeBase().vocabulary();
}

inline const ConceptMatcher& RealMatcher() {
  return RealKnowledgeBase().extractor().matcher();
}

struct Found {
  std::string id;
  std::string text;
  int polarity = 1;
  std::string via;
};

inline std::vector<Found> MatchText(const std::string& input) {
  auto text = Text::FromBytes(input, "test", nullptr);
  REQUIRE(text.ok());
  std::vector<Found> out;
  for (const Mention& m : RealMatcher().Match(text.value())) {
    out.push_back({m.target->id,
                   text.value().str().substr(m.start, m.end - m.start),
                   m.polarity, m.via_abbreviation});
  }
  return out;
}

}  // namespace claimcheck::testing

#endif  // CLAIMCHECK_TESTS_CONCEPTS_CONCEPT_TEST_UTIL_H_
