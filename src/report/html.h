// Pieces every HTML report shares: escaping of anything that came from an
// input (article text, titles, findings) and the stylesheet, so that each
// report is one self-contained file with no network, no external scripts and
// no fonts. Covered by tests/report/html_test.cc.
#ifndef CLAIMCHECK_SRC_REPORT_HTML_H_
#define CLAIMCHECK_SRC_REPORT_HTML_H_

#include <string>
#include <string_view>

namespace claimcheck::report {

// Appends `s` with & < > " ' escaped, fit for element content and for a
// double- or single-quoted attribute value. Bytes that are not valid UTF-8
// become U+FFFD; C0 controls other than tab and newline are dropped.
void AppendEscaped(std::string* out, std::string_view s);
std::string Escape(std::string_view s);

// The style sheet every report embeds in its <style> element: the verdict
// colours (classes v-supported, v-contested, v-refuted, v-unsourced), tables,
// badges, and an @media print block. System fonts only.
const char* BaseStylesheet();

// From "<!DOCTYPE html>" to "<body>": charset, viewport, a
// Content-Security-Policy that forbids every script and every fetch
// (default-src 'none'; inline styles and data: images only) — reports need
// no script: evidence opens on hover, focus or click through CSS alone —
// the <title> (escaped), BaseStylesheet() and `extra_css`.
std::string HtmlHead(std::string_view title, std::string_view extra_css);

}  // namespace claimcheck::report

#endif  // CLAIMCHECK_SRC_REPORT_HTML_H_
