// Reports of an audit for people: a terminal report (text), Markdown and one
// self-contained HTML file. The JSON form is the command's (CLI.md). Every
// writer is deterministic: the same audit, the same bytes. Covered by
// tests/report/audit_report_test.cc and tests/cli/.
#ifndef CLAIMCHECK_REPORT_H_
#define CLAIMCHECK_REPORT_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "claimcheck/audit.h"
#include "claimcheck/concepts.h"
#include "claimcheck/document.h"
#include "claimcheck/text.h"

namespace claimcheck {

struct AuditReport {
  const Audit* audit = nullptr;
  const Document* document = nullptr;
  const Text* text = nullptr;  // the text the claims' offsets point into
  const Vocabulary* vocabulary = nullptr;
  std::string file;  // as the user named it
};

// For a terminal: aligned, wrapped at 80 columns, verdicts in colour when
// `colour` (ANSI escapes; no escapes at all otherwise).
std::string AuditText(const AuditReport& report, bool colour);
// CommonMark with GFM tables: headings, a summary table, the rubric, one
// section per claim.
std::string AuditMarkdown(const AuditReport& report);
// One HTML file, no script and no fetch: the article with every claim
// sentence highlighted in its verdict's colour (its claims and evidence on
// hover, focus or click), a summary panel, the rubric, a card per claim with
// its evidence table and reasons, and a print stylesheet. Everything from
// the article is escaped.
std::string AuditHtml(const AuditReport& report);

// The answer to `claimcheck query` for a terminal (docs/reports.md,
// "Query answers"): the claim, verdict and certainty; the amount read
// against the reference values; each guideline's position; every source
// in full (design, author, year, id and its link, n, stance and level, the
// finding with its numbers); chains; every step of the reasoning. Wrapped
// at 80 columns, nothing cut; colour codes when `colour`.
std::string QueryText(const Judgement& judgement, const Vocabulary& vocabulary,
                      bool colour);

// At most `max` bytes of `s`, cut at a character boundary, "..." when cut:
// a sentence or finding shortened for a one-line report.
std::string Excerpt(std::string_view s, std::size_t max);

// "SUPPORTED", "CONTESTED", …: a verdict as a report's headline word.
std::string VerdictCapitals(VerdictWord verdict);

// `s` between the ANSI escape for `code` ("1;32") and a reset when `on`;
// `s` unchanged otherwise.
std::string AnsiPaint(bool on, std::string_view s, const char* code);

// The ANSI colour code of a verdict on a terminal ("1;32" bold green for
// supported, yellow contested, red refuted, magenta unsourced).
const char* VerdictAnsiColour(VerdictWord verdict);

// "Magnesium citrate decreases anxiety": a claim in words for reports.
std::string ClaimWords(const Vocabulary& vocabulary, const Claim& claim);

}  // namespace claimcheck

#endif  // CLAIMCHECK_REPORT_H_
