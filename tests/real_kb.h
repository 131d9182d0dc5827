// The repository's real kb/ loaded once per test binary: vocabulary,
// curated knowledge, the curated claim graph, a claim extractor and a
// verdict engine without a store. Shared by the verdict, audit, summary and
// graph tests.
#ifndef CLAIMCHECK_TESTS_REAL_KB_H_
#define CLAIMCHECK_TESTS_REAL_KB_H_

#include <memory>

#include "claimcheck/claims.h"
#include "claimcheck/graph.h"
#include "claimcheck/knowledge.h"
#include "claimcheck/verdict.h"
#include "test_util.h"

namespace claimcheck::testing {

struct RealKnowledge {
  Vocabulary vocabulary;
  Knowledge knowledge;
  std::unique_ptr<ClaimGraph> graph;
  std::unique_ptr<ClaimExtractor> extractor;
  std::unique_ptr<VerdictEngine> engine;
};

inline const RealKnowledge& RealKb() {
  static const RealKnowledge* real = [] {
    auto* r = new RealKnowledge;
    Diagnostics problems;
    REQUIRE(Vocabulary::Load(KbDir(), &r->vocabulary, &problems).ok());
    REQUIRE(
        Knowledge::Load(KbDir(), r->vocabulary, &r->knowledge, &problems).ok());
    r->graph = std::make_unique<ClaimGraph>(r->vocabulary);
    r->graph->AddCurated(r->knowledge);
    r->extractor = std::make_unique<ClaimExtractor>(r->vocabulary);
    r->engine =
        std::make_unique<VerdictEngine>(r->vocabulary, r->knowledge, nullptr);
    return r;
  }();
  return *real;
}

}  // namespace claimcheck::testing

#endif  // CLAIMCHECK_TESTS_REAL_KB_H_
