// The repository's real kb/ loaded once per test binary (KnowledgeBase):
// vocabulary, curated knowledge, the claim extractor, and the curated claim
// graph and a verdict engine without a store. Shared by the verdict, audit,
// summary and graph tests.
#ifndef CLAIMCHECK_TESTS_REAL_KB_H_
#define CLAIMCHECK_TESTS_REAL_KB_H_

#include <memory>

#include "claimcheck/claims.h"
#include "claimcheck/graph.h"
#include "claimcheck/knowledge.h"
#include "claimcheck/knowledge_base.h"
#include "claimcheck/verdict.h"
#include "test_util.h"

namespace claimcheck::testing {

// The repository's kb/ as the CLI loads it (KnowledgeBase::Load, without
// a snapshot cache), once per test binary.
inline const KnowledgeBase& RealKnowledgeBase() {
  static const KnowledgeBase* kb = [] {
    Diagnostics problems;
    Result<std::unique_ptr<KnowledgeBase>> loaded =
        KnowledgeBase::Load(KbDir(), KnowledgeBase::Options(), &problems);
    INFO(loaded.status().ToString());
    REQUIRE(loaded.ok());
    REQUIRE(loaded.value()->evidence_status().ok());
    return std::move(loaded).value().release();
  }();
  return *kb;
}

struct RealKnowledge {
  explicit RealKnowledge(const KnowledgeBase& kb)
      : vocabulary(kb.vocabulary()),
        knowledge(kb.knowledge()),
        extractor(&kb.extractor()) {}
  const Vocabulary& vocabulary;
  const Knowledge& knowledge;
  std::unique_ptr<ClaimGraph> graph;
  const ClaimExtractor* extractor;
  std::unique_ptr<VerdictEngine> engine;
};

inline const RealKnowledge& RealKb() {
  static const RealKnowledge* real = [] {
    auto* r = new RealKnowledge(RealKnowledgeBase());
    r->graph = std::make_unique<ClaimGraph>(r->vocabulary);
    r->graph->AddCurated(r->knowledge);
    r->engine =
        std::make_unique<VerdictEngine>(r->vocabulary, r->knowledge, nullptr);
    return r;
  }();
  return *real;
}

}  // namespace claimcheck::testing

#endif  // CLAIMCHECK_TESTS_REAL_KB_H_
