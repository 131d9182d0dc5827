// The claim graph: concepts are vertices, aggregated claims are edges — one
// edge per subject–relation–object, holding every curated claim and stored
// claim that makes it. A Boost.Graph adjacency list, built from the curated
// knowledge plus, for a query, the stored claims about the concepts it
// touches (or the whole store for `graph` and `summary`).
// Covered by tests/verdict/graph_test.cc.
#ifndef CLAIMCHECK_GRAPH_H_
#define CLAIMCHECK_GRAPH_H_

#include <cstddef>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "claimcheck/concepts.h"
#include "claimcheck/knowledge.h"
#include "claimcheck/store.h"

namespace claimcheck {

// What made an edge: a triple of a curated claim (its main triple, or one of
// its `also` triples) or a claim a stored document makes.
struct EdgeSource {
  const CuratedClaim* curated = nullptr;  // set for curated claims
  const StoredClaim* stored = nullptr;    // set for stored claims
};

// One aggregated claim.
struct ClaimEdge {
  std::string subject;
  std::string relation;
  std::string object;  // empty for a claim without one (dose claims)
  std::vector<EdgeSource> sources;
};

class ClaimGraph {
 public:
  // `vocabulary` must outlive the graph; stored claims added later must too.
  explicit ClaimGraph(const Vocabulary& vocabulary);
  ~ClaimGraph();
  ClaimGraph(ClaimGraph&&) noexcept;
  ClaimGraph& operator=(ClaimGraph&&) noexcept;

  // Every triple of every curated claim (main and `also`). `knowledge` must
  // outlive the graph. A claim without an object hangs on a vertex of its
  // own subject with an empty object.
  void AddCurated(const Knowledge& knowledge);
  // Claims of stored documents, kept by pointer: `claims` must outlive the
  // graph and not be resized while it lives. Questions and claims whose
  // concepts the vocabulary does not know are left out.
  void AddStored(const std::vector<StoredClaim>& claims);

  // The edges from `subject` to `object` (an empty object: the claims
  // without one), ordered by relation.
  std::vector<const ClaimEdge*> EdgesBetween(std::string_view subject,
                                             std::string_view object) const;
  // Every edge leaving `subject`, ordered by object then relation.
  std::vector<const ClaimEdge*> EdgesFrom(std::string_view subject) const;
  // Every edge, ordered by subject, object, relation.
  std::vector<const ClaimEdge*> Edges() const;
  // Concept ids that have a vertex, sorted.
  std::vector<std::string> Vertices() const;

  const Vocabulary& vocabulary() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// The concepts related to `id` through is_a, each with how it relates.
enum class Kinship {
  kSame,
  kNarrower,  // a descendant: magnesium_citrate for magnesium
  kBroader,   // an ancestor: magnesium for magnesium_citrate
  kSibling,   // shares an ancestor: magnesium_oxide for magnesium_citrate
  // A class `id` belongs to by its MeSH pharmacological action: the SSRIs
  // for sertraline. Only interaction claims read it (docs/verdicts.md,
  // "Both orders").
  kMember,
};
const char* KinshipName(Kinship kinship);
struct Kin {
  std::string id;
  Kinship kinship = Kinship::kSame;
};
// `id` itself first, then the others sorted by id. Siblings only with
// `siblings` set.
std::vector<Kin> Kindred(const Vocabulary& vocabulary, std::string_view id,
                         bool siblings);

}  // namespace claimcheck

#endif  // CLAIMCHECK_GRAPH_H_
