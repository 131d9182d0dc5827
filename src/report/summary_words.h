// The pieces of an evidence summary that its Markdown and HTML writers both
// print, as plain text (each writer escapes them for its format).
// Covered by tests/report/summary_test.cc.
#ifndef CLAIMCHECK_SRC_REPORT_SUMMARY_WORDS_H_
#define CLAIMCHECK_SRC_REPORT_SUMMARY_WORDS_H_

#include <string>
#include <vector>

#include "claimcheck/summary.h"

namespace claimcheck::report {

// "Evidence summary: magnesium".
std::string SummaryTitle(const EvidenceSummary& summary,
                         const Vocabulary& vocabulary);
// What the summary covers and how to read it, in one paragraph.
std::string SummaryIntro(const EvidenceSummary& summary,
                         const Vocabulary& vocabulary);

// Said when the summary has no row: that the knowledge base makes no claim
// about the concept, and which broader concepts to summarise instead.
std::string NoClaimNote(const EvidenceSummary& summary,
                        const Vocabulary& vocabulary);
// True when the summary has no row at all.
bool Empty(const EvidenceSummary& summary);

// The claim of a row: "magnesium decreases sleep onset latency", or for
// claims without a verb of their own the curated wording when there is one.
std::string RowClaim(const SummaryRow& row, const Vocabulary& vocabulary);
// What the first column of a row's table names: its object, or for a row
// without one its subject.
std::string RowTopic(const SummaryRow& row, const Vocabulary& vocabulary);
// "supported", "unsourced (plausible mechanism)", "supported (wrong form)".
std::string RowVerdict(const SummaryRow& row);
// "low ⊕⊕◯◯".
std::string RowCertainty(const SummaryRow& row);
// "3", "3 (+14)" with imported documents counted but not listed.
std::string RowStudies(const SummaryRow& row);
// "1,234", "≥ 1,234" when some weighed study gives no n, "—" when none
// does.
std::string RowParticipants(const SummaryRow& row);
// "[1, 4, 7]" or "—".
std::string Citations(const std::vector<std::size_t>& numbers);
// The notes a table needs under it ("≥: …", "(+N): …"), empty when none.
std::vector<std::string> TableNotes(const std::vector<SummaryRow>& rows);

// "magnesium → melatonin → sleep onset latency".
std::string ChainPath(const Chain& chain, const Vocabulary& vocabulary);
// "magnesium increases melatonin".
std::string LinkWords(const ChainLink& link, const Vocabulary& vocabulary);

// A reference, in parts: "Mah J (2021)", the title, "meta-analysis, n = 151"
// (", retracted" when so); identifiers separately. Empty parts are left out
// by the writers.
struct ReferenceParts {
  std::string who;
  std::string title;
  std::string what;
  std::string pmid;
  std::string doi;
  std::string other_id;  // "kb:study", "url:…", "sha256:…" when no PMID/DOI
};
ReferenceParts PartsOf(const EvidenceSource& source);

// "RCT", "meta-analysis", "systematic review", "in vitro" …
std::string DesignWords(Design design);

}  // namespace claimcheck::report

#endif  // CLAIMCHECK_SRC_REPORT_SUMMARY_WORDS_H_
