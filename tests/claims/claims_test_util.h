// Running the real extractor (real kb/ vocabulary) over strings and files.
#ifndef CLAIMCHECK_TESTS_CLAIMS_CLAIMS_TEST_UTIL_H_
#define CLAIMCHECK_TESTS_CLAIMS_CLAIMS_TEST_UTIL_H_

#include <sstream>
#include <string>
#include <vector>

#include "claimcheck/claims.h"
#include "concepts/concept_test_util.h"

namespace claimcheck::testing {

inline const ClaimExtractor& RealExtractor() {
  return RealKnowledgeBase().extractor();
}

// A document and its claims, kept together (claims point into the text's
// vocabulary, offsets into the text).
struct Extracted {
  Text text;
  std::vector<Claim> claims;

  std::string Sentence(const Claim& c) const {
    return std::string(text.SentenceText(c.sentence));
  }
};

// Extracts from `input`. With `abstract_sections`, every sentence gets that
// section label, as the PubMed importer gives them.
inline Extracted ExtractText(const std::string& input,
                             const std::string& abstract_section = "") {
  auto text = Text::FromBytes(input, "test", nullptr);
  REQUIRE(text.ok());
  Extracted e;
  e.text = std::move(text.value());
  std::vector<SentenceContext> context;
  if (!abstract_section.empty()) {
    context.assign(e.text.sentences().size(), {abstract_section, false});
  }
  e.claims = RealExtractor().Extract(
      e.text, RealExtractor().matcher().Match(e.text), context);
  return e;
}

inline Extracted ExtractSeed(const std::string& prefix) {
  return ExtractText(Slurp(SeedPath(prefix)));
}

// "subject relation object" of a claim (object id, "category:x" or "-").
inline std::string Triple(const Claim& c) {
  std::string s = c.subject->id + " " + c.relation + " ";
  if (c.object) return s + c.object->id;
  if (!c.category.empty()) return s + "category:" + c.category;
  return s + "-";
}

// Every claim, one per line, for failure messages.
inline std::string Dump(const Extracted& e) {
  std::ostringstream out;
  for (const Claim& c : e.claims) {
    out << "  s" << c.sentence << " " << ClaimKindName(c.kind) << " "
        << Triple(c) << " [" << HedgingName(c.hedging)
        << (c.negated ? ", negated" : "") << ", "
        << AttributionName(c.attribution) << "]\n";
  }
  return out.str();
}

inline bool Has(const Extracted& e, const std::string& triple) {
  for (const Claim& c : e.claims) {
    if (Triple(c) == triple) return true;
  }
  return false;
}

}  // namespace claimcheck::testing

#endif  // CLAIMCHECK_TESTS_CLAIMS_CLAIMS_TEST_UTIL_H_
