// Format detection on the real corpus and on the near misses it must not
// take for something else (importers/detect_format.cc).
#include <catch2/catch.hpp>
#include <filesystem>
#include <string>

#include "claimcheck/importer.h"
#include "test_util.h"

namespace claimcheck {
namespace {

namespace fs = std::filesystem;

InputFormat DetectFile(const fs::path& path) {
  const std::string bytes = testing::Slurp(path.string());
  return DetectFormat(path.filename().string(),
                      std::string_view(bytes).substr(0, 65536));
}

TEST_CASE("detect format: every corpus file is read by its reader or refused",
          "[importers][detect]") {
  const fs::path corpus = fs::path(testing::SharedDir()) / "corpus";
  int checked = 0;
  for (const auto& entry : fs::directory_iterator(corpus / "pubmed")) {
    if (entry.path().extension() != ".xml") continue;
    INFO(entry.path());
    CHECK(DetectFile(entry.path()) == InputFormat::kPubmedXml);
    ++checked;
  }
  for (const auto& entry : fs::directory_iterator(corpus / "articles")) {
    if (entry.path().extension() != ".html") continue;
    INFO(entry.path());
    CHECK(DetectFile(entry.path()) == InputFormat::kHtml);
    ++checked;
  }
  for (const auto& entry : fs::directory_iterator(corpus / "articles-dev")) {
    if (entry.path().extension() != ".md" ||
        entry.path().filename() == "SOURCES.md") {
      continue;
    }
    INFO(entry.path());
    const InputFormat f = DetectFile(entry.path());
    CHECK((f == InputFormat::kMarkdown || f == InputFormat::kText));
    ++checked;
  }
  for (const auto& entry :
       fs::directory_iterator(fs::path(testing::SharedDir()) / "seeds")) {
    if (entry.path().extension() != ".txt") continue;
    INFO(entry.path());
    CHECK(DetectFile(entry.path()) == InputFormat::kText);
    ++checked;
  }
  CHECK(checked > 40);
  const fs::path other = corpus / "other";
  CHECK(DetectFile(other / "limo_tools_citations.nbib") ==
        InputFormat::kMedline);
  CHECK(DetectFile(other / "biopython_medline_pubmed_result2.txt") ==
        InputFormat::kMedline);
  // Refused, each with a reason that names the format.
  for (const char* name :
       {"p1m-ortho_pubmed_result_58.csv", "biopython_efetch_pmc.xml",
        "pubmed_parser_pone.0000217.nxml"}) {
    INFO(name);
    CHECK(DetectFile(other / name) == InputFormat::kUnknown);
  }
  const std::string csv =
      testing::Slurp((other / "p1m-ortho_pubmed_result_58.csv").string());
  CHECK(UnknownFormatReason("p.csv", csv).starts_with("line 1: a table (CSV)"));
  const std::string jats =
      testing::Slurp((other / "pubmed_parser_pone.0000217.nxml").string());
  CHECK(
      UnknownFormatReason("a.nxml", jats).starts_with("PMC / JATS full text"));
}

TEST_CASE("detect format: tables and full text, and the prose that is neither",
          "[importers][detect]") {
  // PubMed's current CSV export, under a name that says nothing.
  const std::string pubmed_csv =
      "PMID,Title,Authors,Citation,First Author,Journal/Book,Publication "
      "Year,Create Date,PMCID,NIHMS ID,DOI\n"
      "30123456,\"Magnesium and sleep: a trial.\",\"Doe J, Roe R.\",\"Sleep. "
      "2018;1(2):3-4.\",Doe J,Sleep,2018,2018/08/20,,,10.1/x\n";
  CHECK(DetectFormat("export", pubmed_csv) == InputFormat::kUnknown);
  CHECK(DetectFormat("results.tsv", "a\tb\n") == InputFormat::kUnknown);
  // A title with commas, then a paragraph: an article, not a table.
  CHECK(DetectFormat("story.txt",
                     "Sleep, stress, mood, focus and you\n\nMagnesium is a "
                     "mineral. It helps, some say, with sleep.\n") ==
        InputFormat::kText);
  // A sentence that lists four things is not a header.
  CHECK(DetectFormat("notes.txt",
                     "We tried magnesium, zinc, iron, and vitamin D. None "
                     "helped.\nThen, later, we, tried.\n") ==
        InputFormat::kText);
  // HTML5 pages use <article>; with <html> they stay web pages.
  CHECK(DetectFormat("page.html",
                     "<!DOCTYPE html><html><body><article><p>Magnesium."
                     "</p></article></body></html>") == InputFormat::kHtml);
  CHECK(DetectFormat("frag.html", "<body><article>Magnesium.</article>") ==
        InputFormat::kHtml);
  // A JATS article without a DOCTYPE.
  CHECK(DetectFormat("a.xml",
                     "<article xmlns:xlink=\"http://www.w3.org/1999/xlink\" "
                     "article-type=\"research-article\"><front/><body><p>x</p>"
                     "</body></article>") == InputFormat::kUnknown);
}

}  // namespace
}  // namespace claimcheck
