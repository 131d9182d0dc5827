// The claim graph drawn for people and for other tools: its edges, each
// judged by the verdict engine, written as Graphviz DOT (through
// boost::write_graphviz), GraphML (boost::write_graphml) or JSON. What
// `claimcheck graph` prints and `claimcheck summary --format dot` reuses.
// Covered by tests/report/graph_report_test.cc.
#ifndef CLAIMCHECK_GRAPH_REPORT_H_
#define CLAIMCHECK_GRAPH_REPORT_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "claimcheck/claims.h"
#include "claimcheck/concepts.h"
#include "claimcheck/graph.h"
#include "claimcheck/status.h"
#include "claimcheck/store.h"
#include "claimcheck/verdict.h"

namespace claimcheck {

// One edge of the claim graph (subject, relation, object), with what makes
// it and, once judged, its verdict.
struct ReportEdge {
  std::string subject;
  std::string relation;
  std::string object;  // empty for a claim without one (dose claims)
  // The kind the claim is judged as: the first curated claim's, else the
  // kind of a stored claim that makes it.
  ClaimKind kind = ClaimKind::kEffect;
  std::size_t curated_claims = 0;  // curated claims that make it
  long long documents = 0;         // imported documents that make it
  bool judged = false;
  VerdictWord verdict = VerdictWord::kUnsourced;
  Certainty certainty = Certainty::kVeryLow;
};

// A judged view of the claim graph, ready to write.
struct GraphReport {
  // The concept the view centres on (drawn with a double border); empty
  // for the whole graph.
  std::string focus;
  std::vector<std::string> concepts;  // every edge's ends, and focus; sorted
  std::vector<ReportEdge> edges;      // by subject, object, relation
};

// The edges of the curated graph `curated` and, when `store` is not null,
// the edges the store counts (Store::EdgeCounts, one index lookup per pair
// of concepts: no document is read but one per store-only edge, for its
// kind). With `concepts` empty, every edge; otherwise the edges with a
// subject or an object in `concepts`. Edges without an object (dose
// claims) only with `objectless`. One entry per (subject, relation,
// object), sorted by subject, object, relation; none is judged. A store
// error as it came.
Status CollectEdges(const ClaimGraph& curated, Store* store,
                    const std::vector<std::string>& concepts, bool objectless,
                    std::vector<ReportEdge>* out);

// Judges every edge of `edges` as its own claim (no chains). A failed
// judgement (a store error) is returned as it came.
Status JudgeEdges(const VerdictEngine& engine, std::vector<ReportEdge>* edges);

// The judged graph: everything with `focus` empty; otherwise the edges of
// `focus`, its is-a relatives (broader and narrower) and their neighbours.
// InvalidArgument naming `focus` when the vocabulary does not know it.
// `engine` must read `store` (or no store when `store` is null).
Result<GraphReport> BuildGraphReport(const ClaimGraph& curated, Store* store,
                                     const VerdictEngine& engine,
                                     std::string_view focus);

// The writers also draw the vocabulary's is_a links between the report's
// concepts (magnesium citrate is a magnesium), which are not claims.
//
// Graphviz DOT through boost::write_graphviz: a node per concept (ids and
// labels quoted and escaped; shape and fill by kind), an edge per claim
// labelled with its relation, coloured by verdict (supported green,
// contested amber, refuted red, unsourced purple and dashed) with a pen
// width by certainty (very low 1 … high 4); is_a links grey and dotted.
// Deterministic.
std::string GraphDot(const GraphReport& report, const Vocabulary& vocabulary);
// GraphML through boost::write_graphml: node data concept (the id), label,
// kind; edge data relation, kind, verdict, certainty, curated_claims,
// documents (is_a links: relation and kind "is_a", no verdict).
std::string GraphGraphml(const GraphReport& report,
                         const Vocabulary& vocabulary);
// {"focus", "concepts": [{"id", "label", "kind"}], "edges": [{"subject",
//  "relation", "object", "kind", "verdict", "certainty", "curated_claims",
//  "documents"}], "is_a": [{"narrower", "broader"}]}
std::string GraphJson(const GraphReport& report, const Vocabulary& vocabulary);

}  // namespace claimcheck

#endif  // CLAIMCHECK_GRAPH_REPORT_H_
