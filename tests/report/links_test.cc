// Links from reports to PubMed and doi.org (src/report/links.cc).
#include "report/links.h"

#include <catch2/catch.hpp>
#include <string>

namespace claimcheck::report {
namespace {

TEST_CASE("links: PubMed and doi.org URLs, nothing else", "[report][links]") {
  CHECK(PubmedUrl("23853635") == "https://pubmed.ncbi.nlm.nih.gov/23853635/");
  CHECK(PubmedUrl("").empty());
  CHECK(PubmedUrl("123x").empty());
  CHECK(PubmedUrl("1234567890").empty());  // ten digits: not a PMID
  CHECK(PubmedUrl("javascript:alert(1)").empty());
  CHECK(DoiUrl("10.1007/s12011-023-03620-0") ==
        "https://doi.org/10.1007/s12011-023-03620-0");
  // Parentheses, spaces, quotes and angle brackets are encoded.
  CHECK(DoiUrl("10.1016/S0140-6736(20)30183-5") ==
        "https://doi.org/10.1016/S0140-6736%2820%2930183-5");
  CHECK(DoiUrl("10.1/\"><script>x") ==
        "https://doi.org/10.1/%22%3E%3Cscript%3Ex");
  CHECK(DoiUrl("doi:10.1/x").empty());
  CHECK(DoiUrl("10.1").empty());
}

TEST_CASE("links: HTML and Markdown", "[report][links]") {
  std::string html;
  AppendHtmlLink(&html, PubmedUrl("12163983"), "PMID 12163983");
  CHECK(html ==
        "<a href=\"https://pubmed.ncbi.nlm.nih.gov/12163983/\" "
        "rel=\"noreferrer noopener\">PMID 12163983</a>");
  std::string plain;
  AppendHtmlLink(&plain, "", "kb:<breus>");
  CHECK(plain == "kb:&lt;breus&gt;");
  CHECK(MarkdownLink("PMID 1", PubmedUrl("1")) ==
        "[PMID 1](https://pubmed.ncbi.nlm.nih.gov/1/)");
  CHECK(MarkdownLink("kb:x", "") == "kb:x");
}

}  // namespace
}  // namespace claimcheck::report
