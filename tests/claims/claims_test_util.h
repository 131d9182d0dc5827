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

// The last word of `words`, folded, without a plural "s": a phrase's head.
inline std::string Head(const std::string& words) {
  const std::size_t space = words.find_last_of(' ');
  std::string head =
      FoldToken(space == std::string::npos ? words : words.substr(space + 1));
  if (head.size() > 3 && head.back() == 's') head.pop_back();
  return head;
}

// True when the extracted concept is the one a gold table names (its id, the
// curated concept overlaying a gold descriptor UI, or the descriptor a
// curated concept overlays). A literal argument names the gold's literal
// ("label:adaptogenic herbs") when their heads are one word ("herb"):
// the helpers wrote labels in their own words.
inline bool Same(const Concept* extracted, const std::string& gold) {
  if (extracted == nullptr) return gold == "-";
  if (IsLiteral(extracted)) {
    if (gold.rfind("label:", 0) == 0) {
      return Head(extracted->label) == Head(gold.substr(6));
    }
    // Words that are the gold concept's name, where the vocabulary keeps
    // the concept out of claims (a population: "Cats", "Older adults").
    const Concept* g = RealVocabulary().Find(gold);
    if (g == nullptr) return false;
    auto folded = [](const std::string& words) {
      std::string out;
      std::stringstream ss(words);
      for (std::string w; ss >> w;) {
        std::string f = FoldToken(w);
        if (f.size() > 3 && f.back() == 's') f.pop_back();
        out += (out.empty() ? "" : " ") + f;
      }
      return out;
    };
    const std::string said = folded(extracted->label);
    if (folded(g->label) == said) return true;
    for (const std::string& name : g->synonyms) {
      if (folded(name) == said) return true;
    }
    return false;
  }
  if (extracted->id == gold || extracted->mesh == gold) return true;
  const Concept* g = RealVocabulary().Find(gold);
  return g != nullptr && g == extracted;
}

inline bool Has(const Extracted& e, const std::string& triple) {
  for (const Claim& c : e.claims) {
    if (Triple(c) == triple) return true;
  }
  return false;
}

}  // namespace claimcheck::testing

#endif  // CLAIMCHECK_TESTS_CLAIMS_CLAIMS_TEST_UTIL_H_
