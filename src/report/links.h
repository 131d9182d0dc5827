// Links from a report to a study's public page: PubMed for a PMID, doi.org
// for a DOI (docs/reports.md, "Links"). A link is navigation the reader
// chooses, never a request the report makes. Covered by
// tests/report/links_test.cc.
#ifndef CLAIMCHECK_SRC_REPORT_LINKS_H_
#define CLAIMCHECK_SRC_REPORT_LINKS_H_

#include <string>
#include <string_view>

namespace claimcheck::report {

// "https://pubmed.ncbi.nlm.nih.gov/123/"; empty unless `pmid` is 1 to 9
// digits.
std::string PubmedUrl(std::string_view pmid);
// "https://doi.org/10.…" with the DOI percent-encoded where a URL needs it;
// empty unless `doi` starts with "10." and has a "/".
std::string DoiUrl(std::string_view doi);
// `s` for a URL: everything but unreserved characters and "/:;=+,@"
// percent-encoded (parentheses too, for Markdown link destinations).
std::string UrlPart(std::string_view s);

// <a href="URL" rel="noreferrer noopener">TEXT</a>, TEXT escaped; the
// escaped TEXT alone when `url` is empty.
void AppendHtmlLink(std::string* out, std::string_view url,
                    std::string_view text);

// [TEXT](URL) with `markdown_text` already escaped for Markdown; the text
// alone when `url` is empty.
std::string MarkdownLink(std::string_view markdown_text, std::string_view url);

}  // namespace claimcheck::report

#endif  // CLAIMCHECK_SRC_REPORT_LINKS_H_
