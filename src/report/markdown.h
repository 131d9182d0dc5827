// Markdown escaping for reports: text from an article or the knowledge base
// that must read as plain words in CommonMark/GFM, inline or in a table cell.
// Covered by tests/report/audit_report_test.cc.
#ifndef CLAIMCHECK_SRC_REPORT_MARKDOWN_H_
#define CLAIMCHECK_SRC_REPORT_MARKDOWN_H_

#include <string>
#include <string_view>

namespace claimcheck::report {

// `s` on one line (line breaks and tabs become spaces) with every character
// that could start markup backslash-escaped: \ ` * _ [ ] < > | ~ # & and a
// leading - + or "1." list marker. Safe inside a GFM table cell.
std::string Md(std::string_view s);

}  // namespace claimcheck::report

#endif  // CLAIMCHECK_SRC_REPORT_MARKDOWN_H_
