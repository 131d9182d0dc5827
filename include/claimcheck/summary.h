// The evidence summary of one concept (`claimcheck summary CONCEPT`), in the
// manner of Examine and of Cochrane's summary-of-findings tables: a row per
// claim the claim graph makes about the concept or one of its narrower
// forms, judged by the verdict engine, with its GRADE certainty, the number
// of studies and participants behind it, its key citations and a sentence in
// GRADE's plain-language wording; the mechanism chains; the references. The
// model and the wording are described in docs/reports.md.
// Covered by tests/report/summary_test.cc.
#ifndef CLAIMCHECK_SUMMARY_H_
#define CLAIMCHECK_SUMMARY_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "claimcheck/concepts.h"
#include "claimcheck/graph.h"
#include "claimcheck/graph_report.h"
#include "claimcheck/status.h"
#include "claimcheck/store.h"
#include "claimcheck/verdict.h"

namespace claimcheck {

// At most this many key citations per row: its strongest weighed sources.
inline constexpr std::size_t kKeyCitations = 3;

// One claim of the summary, judged.
struct SummaryRow {
  ClaimQuery claim;  // as judged: the relation the graph gives it
  // The wording of the first curated claim that makes it; empty when only
  // imported documents do.
  std::string text;
  std::vector<std::string> curated_claims;  // their ids, in file order
  long long documents = 0;                  // imported documents making it

  VerdictWord verdict = VerdictWord::kUnsourced;
  Certainty certainty = Certainty::kVeryLow;
  bool plausible_mechanism = false;
  std::vector<std::string> flags;  // the judgement's ("wrong_form" …)

  // The weighed sources: how many, on which side, and their participants
  // (the sum of n over those that give one; each source once).
  std::size_t studies = 0;
  std::size_t supporting = 0;  // stance supports
  std::size_t against = 0;     // refutes or no effect
  std::size_t mixed = 0;
  long long participants = 0;
  std::size_t studies_without_n = 0;
  // Imported documents counted on a side without being listed (a large
  // store); not in `studies`.
  long long unlisted = 0;

  // Reference numbers (1-based, into EvidenceSummary::references): every
  // weighed source, strongest first, and the first kKeyCitations of them.
  std::vector<std::size_t> citations;
  std::vector<std::size_t> key_citations;

  std::string sentence;  // PlainLanguage of the row
};

struct EvidenceSummary {
  std::string concept_id;
  // The concept and its narrower forms: the concepts whose claims the
  // summary gathers. The concept first, then by id.
  std::vector<std::string> forms;
  bool with_store = false;  // imported evidence was read too

  // Claims on an outcome, on a mechanism, and every other claim (dose,
  // comparison, onset, safety relations, claims on another intervention).
  // Each ordered by the label of its object (of its subject when it has
  // none), then subject (the concept before its forms), then relation.
  std::vector<SummaryRow> outcomes;
  std::vector<SummaryRow> mechanisms;
  std::vector<SummaryRow> other;
  // The mechanism chains of the outcome rows (intervention -> mechanism ->
  // outcome), each once, in the order the rows reach them.
  std::vector<Chain> chains;
  // Every weighed source of every row, once, numbered in the order the rows
  // cite them (references[0] is [1]).
  std::vector<EvidenceSource> references;
};

// The summary of `concept_id`. Its rows: every edge of the claim graph (the
// curated graph `curated` plus, with a store, the store's edges) whose
// subject or object is the concept or a narrower form of it. Of the
// directional relations (increases, decreases, modulates, no_effect)
// between one subject and one object only one row is made, on the relation
// most sources give (curated claims first; `no_effect` said by imported
// documents alone is judged as `modulates`: any difference at all?). `engine`
// must read `store`. InvalidArgument naming the concept when the vocabulary
// does not know it; a store error as it came. Deterministic.
Result<EvidenceSummary> BuildSummary(std::string_view concept_id,
                                     const Vocabulary& vocabulary,
                                     const ClaimGraph& curated, Store* store,
                                     const VerdictEngine& engine);

// GRADE's plain-language statement of a verdict (Santesso et al. 2020,
// "GRADE guidelines 26"): supported — high "X reduces Y", moderate "X
// probably reduces Y", low "X may reduce Y", very low "The evidence is very
// uncertain about the effect of X on Y"; refuted — "X (probably / may)
// make(s) little or no difference to Y"; contested — "Studies conflict on
// whether X reduces Y (low-certainty evidence)"; unsourced — "No study in
// the knowledge base tests whether X reduces Y", adding that a mechanism is
// plausible when `plausible_mechanism`. Relations other than increases,
// decreases and modulates are said of the claim itself: "The evidence
// probably supports the claim “TEXT”", TEXT being `text` or the claim in
// words. One sentence or two, capitalised, ending with a full stop.
std::string PlainLanguage(const Vocabulary& vocabulary, const ClaimQuery& claim,
                          VerdictWord verdict, Certainty certainty,
                          bool plausible_mechanism, std::string_view text);

// Writers; each deterministic. Markdown: CommonMark with GFM pipe tables,
// every string from the knowledge base or the store escaped (`|` in cells),
// prose wrapped at 80 columns. HTML: one self-contained file built on
// report/html.h (no script, no fetch), with `svg`, when not empty, embedded
// as the picture of the graph (the output of `dot -Tsvg` on
// SummaryGraph's DOT; anything before its <svg> element is dropped, and an
// SVG with a script or a foreign object is not embedded). JSON: the model
// as it is, concepts by id and label.
std::string SummaryMarkdown(const EvidenceSummary& summary,
                            const Vocabulary& vocabulary);
std::string SummaryHtml(const EvidenceSummary& summary,
                        const Vocabulary& vocabulary, std::string_view svg);
std::string SummaryJson(const EvidenceSummary& summary,
                        const Vocabulary& vocabulary);

// The summary as a graph to draw: the rows with an object and the links of
// the chains, with their verdicts, centred on the concept.
GraphReport SummaryGraph(const EvidenceSummary& summary);

}  // namespace claimcheck

#endif  // CLAIMCHECK_SUMMARY_H_
