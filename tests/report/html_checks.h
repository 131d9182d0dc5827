// Checks every HTML report test makes of a page's outside references
// (docs/reports.md, "Links"; docs/reliability.md, "Reports are inert").
#ifndef CLAIMCHECK_TESTS_REPORT_HTML_CHECKS_H_
#define CLAIMCHECK_TESTS_REPORT_HTML_CHECKS_H_

#include <catch2/catch.hpp>
#include <regex>
#include <string>

namespace claimcheck::testing {

// The page loads nothing (no src, srcset or <link href> to another place)
// and every href is an in-page anchor or an <a> to a PubMed or doi.org
// page with rel="noreferrer noopener". Returns the number of such links.
inline int CheckOnlyStudyLinks(const std::string& html) {
  const std::regex load(
      "(src|srcset|action)\\s*=\\s*[\"']?\\s*(https?:|//|ftp:)|"
      "<link[^>]*href\\s*=\\s*[\"']?\\s*(https?:|//)",
      std::regex::icase);
  CHECK_FALSE(std::regex_search(html, load));
  const std::regex study(
      "<a href=\"https://(pubmed\\.ncbi\\.nlm\\.nih\\.gov/[0-9]{1,9}/|"
      "doi\\.org/10\\.[^\"<> ]+)\" rel=\"noreferrer noopener\">");
  int links = 0;
  for (std::size_t at = html.find("href="); at != std::string::npos;
       at = html.find("href=", at + 1)) {
    if (html.compare(at, 7, "href=\"#") == 0) continue;
    const std::size_t open = html.rfind("<a ", at);
    std::smatch m;
    const std::string tag = html.substr(open, html.find('>', at) - open + 1);
    INFO(tag);
    CHECK((open + 3 == at && std::regex_match(tag, m, study)));
    ++links;
  }
  return links;
}

}  // namespace claimcheck::testing

#endif  // CLAIMCHECK_TESTS_REPORT_HTML_CHECKS_H_
