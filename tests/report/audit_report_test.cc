// The audit's writers: the text report fits 80 columns, Markdown escapes
// what the article says, HTML escapes everything and carries no script.
#include <string>

#include "report/audit_test_util.h"
#include "report/html.h"
#include "report/html_checks.h"
#include "report/markdown.h"

namespace claimcheck {

namespace {

std::size_t Columns(const std::string& line) {
  std::size_t n = 0;
  for (char c : line) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

std::size_t Count(const std::string& haystack, const std::string& needle) {
  std::size_t n = 0;
  for (std::size_t at = haystack.find(needle); at != std::string::npos;
       at = haystack.find(needle, at + 1)) {
    ++n;
  }
  return n;
}

constexpr const char* kHostile =
    "<h1>Magnesium <script>window.pwned=1</script>tips</h1>\n"
    "<p>Magnesium improves sleep <img src=x onerror=\"alert(1)\">.</p>\n"
    "<p>Magnesium relieves muscle cramps, see "
    "<a href=\"javascript:alert(2)\">this</a> &lt;script&gt;alert(3)"
    "&lt;/script&gt;.</p>\n"
    "<p style=\"background:url(http://evil.example/x.png)\">Magnesium may "
    "reduce anxiety &lt;/style&gt;&lt;b onmouseover=alert(4)&gt;.</p>\n";

}  // namespace

TEST_CASE("report: the text report fits in 80 columns without colour",
          "[report]") {
  for (const char* seed : {"000", "002", "003"}) {
    auto f = testing::AuditSeed(seed);
    const std::string text = AuditText(f->Report("seed.txt"), false);
    CHECK(text.find('\033') == std::string::npos);
    std::size_t start = 0, line_no = 0;
    while (start < text.size()) {
      std::size_t end = text.find('\n', start);
      if (end == std::string::npos) end = text.size();
      const std::string line = text.substr(start, end - start);
      ++line_no;
      // A single word longer than a line (a URL) may overflow; nothing else.
      if (line.find(' ', line.find_first_not_of(' ')) != std::string::npos) {
        INFO("seed " << seed << " line " << line_no << ": " << line);
        CHECK(Columns(line) <= 80);
      }
      start = end + 1;
    }
    // Every claim is listed, one numbered block each.
    for (std::size_t i = 1; i <= f->audit.claims.size(); ++i) {
      CHECK(text.find("\n" + std::to_string(i) + ". s") != std::string::npos);
    }
    const std::string coloured = AuditText(f->Report("seed.txt"), true);
    CHECK(coloured.find("\033[1;31m") != std::string::npos);
  }
}

TEST_CASE("report: Markdown escapes what the article says", "[report]") {
  CHECK(report::Md("a | b") == "a \\| b");
  CHECK(report::Md("*bold* _it_ `code` [link](x) <b>") ==
        "\\*bold\\* \\_it\\_ \\`code\\` \\[link\\](x) \\<b\\>");
  CHECK(report::Md("- item") == "\\- item");
  CHECK(report::Md("1. first") == "1\\. first");
  CHECK(report::Md("line\nbreak") == "line break");
  CHECK(report::Md("# heading &amp;") == "\\# heading \\&amp;");

  auto f = testing::AuditSeed("002");
  const std::string md = AuditMarkdown(f->Report("seed | 002.txt"));
  CHECK(md.rfind("# Audit: ", 0) == 0);
  CHECK(md.find("seed \\| 002.txt") != std::string::npos);
  CHECK(md.find("## Summary") != std::string::npos);
  CHECK(md.find("## Rubric") != std::string::npos);
  CHECK(Count(md, "\n### ") == f->audit.claims.size());
}

TEST_CASE("report: HTML escapes everything and carries no script", "[report]") {
  CHECK(report::Escape("<a href=\"x\">'&'</a>") ==
        "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
  CHECK(report::Escape("bad \xff byte") == "bad \xEF\xBF\xBD byte");
  CHECK(report::Escape(std::string("nul\0x", 5)) == "nulx");

  auto f = testing::AuditBytes(kHostile, "hostile.html");
  REQUIRE(f->audit.claims.size() >= 2);
  const std::string html = AuditHtml(f->Report("<hostile>.html"));
  // Inert: no element, attribute or URL the article brought survives.
  CHECK(html.find("<script") == std::string::npos);
  CHECK(html.find("<img") == std::string::npos);
  CHECK(html.find("onerror=") == std::string::npos);
  CHECK(html.find("<b onmouseover") == std::string::npos);
  CHECK(html.find("&lt;b onmouseover=alert(4)&gt;") != std::string::npos);
  CHECK(html.find("href=\"javascript") == std::string::npos);
  CHECK(html.find("url(http") == std::string::npos);
  CHECK(html.find("&lt;hostile&gt;.html") != std::string::npos);
  // The CSP forbids scripts and fetches even if something slipped through.
  CHECK(html.find("default-src 'none'") != std::string::npos);
  // Every href is an in-page anchor or a study's PubMed / doi.org page.
  CHECK(testing::CheckOnlyStudyLinks(html) > 0);
  CHECK(html.find("src=") == std::string::npos);
}

TEST_CASE("report: the HTML report shows each claim sentence and a card",
          "[report]") {
  auto f = testing::AuditSeed("000");
  const std::string html = AuditHtml(f->Report("seed.txt"));
  CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
  CHECK(html.find("@media print") != std::string::npos);
  CHECK(Count(html, "<article class=\"claim-card") == f->audit.claims.size());
  for (std::size_t i = 0; i < f->audit.claims.size(); ++i) {
    CHECK(html.find("id=\"claim-" + std::to_string(i + 1) + "\"") !=
          std::string::npos);
  }
  for (const auto& a : f->audit.claims) {
    const std::string id = "id=\"s" + std::to_string(a.claim.sentence) + "\"";
    CHECK(html.find(id) != std::string::npos);
  }
}

}  // namespace claimcheck
