// Loading the real curated vocabulary once for the concept tests.
#ifndef CLAIMCHECK_TESTS_CONCEPTS_CONCEPT_TEST_UTIL_H_
#define CLAIMCHECK_TESTS_CONCEPTS_CONCEPT_TEST_UTIL_H_

#include "claimcheck/concepts.h"
#include "test_util.h"

namespace claimcheck::testing {

inline const Vocabulary& RealVocabulary() {
  static const Vocabulary vocabulary = [] {
    Vocabulary v;
    Diagnostics problems;
    const Status s = Vocabulary::Load(KbDir(), &v, &problems);
    INFO(s.ToString());
    REQUIRE(s.ok());
    return v;
  }();
  return vocabulary;
}

inline const ConceptMatcher& RealMatcher() {
  static const ConceptMatcher matcher(RealVocabulary());
  return matcher;
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
