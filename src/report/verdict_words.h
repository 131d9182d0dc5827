// Words, symbols and colours for verdicts and certainty that the summary and
// graph writers share, and the clean-up every string from the knowledge base
// or the store gets before a writer escapes it. Covered by
// tests/report/summary_test.cc and tests/report/graph_report_test.cc.
#ifndef CLAIMCHECK_SRC_REPORT_VERDICT_WORDS_H_
#define CLAIMCHECK_SRC_REPORT_VERDICT_WORDS_H_

#include <string>
#include <string_view>

#include "claimcheck/verdict.h"

namespace claimcheck::report {

// `s` with invalid UTF-8 replaced by U+FFFD and control characters other
// than tab and newline dropped: fit for XML 1.0 and for DOT.
std::string CleanText(std::string_view s);

// "1 curated claim", "3 curated claims", "0 imported documents".
std::string Count(long long n, std::string_view noun);

// 0 for very low … 3 for high.
int CertaintyRank(Certainty certainty);
// GRADE's symbols: "⊕◯◯◯" for very low … "⊕⊕⊕⊕" for high.
const char* CertaintySymbols(Certainty certainty);

// The verdict colours of report/html.h's style sheet, as "#rrggbb".
const char* VerdictColour(VerdictWord verdict);

// `s` with its first letter upper-cased when it is an ASCII letter.
std::string Capitalised(std::string_view s);

// 1234567 -> "1,234,567".
std::string Thousands(long long n);

}  // namespace claimcheck::report

#endif  // CLAIMCHECK_SRC_REPORT_VERDICT_WORDS_H_
