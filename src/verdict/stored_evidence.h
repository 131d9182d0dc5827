// Internal to src/verdict: every read of the store a judgement makes, and
// the caches that keep them for the engine's life (issue 24, "the engine's
// house": store reads and caches in one place). docs/verdicts.md, "2.
// Gathering evidence through the graph", says what is listed and what is
// only counted.
#ifndef CLAIMCHECK_SRC_VERDICT_STORED_EVIDENCE_H_
#define CLAIMCHECK_SRC_VERDICT_STORED_EVIDENCE_H_

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "claimcheck/graph.h"
#include "claimcheck/store.h"
#include "claimcheck/verdict.h"

namespace claimcheck::verdict_internal {

class StoredEvidence {
 public:
  // `vocabulary` and `store` (may be null: then nothing is stored) must
  // outlive it. With a store it is read from one thread at a time, as
  // verdict.h says of an engine with a store; without one it keeps nothing.
  StoredEvidence(const Vocabulary& vocabulary, Store* store)
      : vocabulary_(vocabulary), store_(store) {}

  // What the store holds between `subjects` and `objects`: for each edge
  // and design, the claims of its kListedPerDesign largest documents (with
  // the documents) and a tally of the rest.
  struct Overlaid {
    std::vector<StoredClaim> claims;
    std::map<std::string, Document> documents;
    std::vector<EvidenceTally> unlisted;
  };
  // Read once per engine for each pair of concept sets (an article's claims
  // and the links of their chains ask the same pairs again and again).
  Result<const Overlaid*> Overlay(const std::vector<Kin>& subjects,
                                  const std::vector<Kin>& objects) const;

  // Store::EdgeCounts for every pair of `from` x `to`, each pair asked of
  // the store once per engine (chains ask every claim's subjects against
  // every mechanism). In the store's order: subject, object, relation,
  // design. The counts point into the engine's cache. No store: none.
  using Counts = std::vector<const EdgeCount*>;
  Status EdgeCounts(const std::set<std::string>& from,
                    const std::set<std::string>& to, Counts* out) const;

  bool has_store() const { return store_ != nullptr; }

  // One read transaction for every lookup of one judgement (links of
  // chains included), held while the returned snapshot lives; null
  // without a store.
  Result<std::unique_ptr<Store::ReadSnapshot>> BeginSnapshot() const;

 private:
  Status ReadOverlay(const std::vector<Kin>& subjects,
                     const std::vector<Kin>& objects, Overlaid* out) const;

  const Vocabulary& vocabulary_;
  Store* store_;
  // Documents read from the store (nullopt: not stored), remembered for
  // the engine's life: the claims of one article list the same few hundred
  // documents again and again. Of a document's claims only those on the
  // overlay's edges are read (ReadOverlay).
  mutable std::map<std::string, std::optional<Document>> read_documents_;
  mutable std::map<std::string, Overlaid> overlays_;
  // subject -> object -> what the store holds between them (maybe nothing).
  mutable std::map<std::string,
                   std::map<std::string, std::vector<EdgeCount>, std::less<>>,
                   std::less<>>
      edge_counts_;
  mutable std::map<std::string, Counts> edge_count_sets_;
};

}  // namespace claimcheck::verdict_internal

#endif  // CLAIMCHECK_SRC_VERDICT_STORED_EVIDENCE_H_
