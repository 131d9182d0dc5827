// MEDLINE text and .nbib: the real exports of ../shared/corpus/other,
// continuation lines, trailing spaces, flattened structured abstracts, line
// ends, and damaged records.
#include <catch2/catch.hpp>
#include <string>

#include "claimcheck/importer.h"
#include "importers/import_test_util.h"
#include "test_util.h"

namespace claimcheck {
namespace {

using testing::ByPmid;
using testing::CorpusPath;
using testing::Imported;
using testing::ImportPath;
using testing::ImportText;
using testing::PartText;
using testing::ReplaceOnce;
using testing::Slurp;

TEST_CASE("medline: the 200-record .nbib export", "[importers][medline]") {
  Imported r = ImportPath(CorpusPath("other/p1m-ortho_citations_200.nbib"));
  REQUIRE(r.status.ok());
  CHECK(r.problems.empty());
  REQUIRE(r.docs.size() == 200);
  const ImportedDocument& first = r.docs[0];
  const Document& d = first.document;
  CHECK(d.id == "pmid:30514039");
  // "[Title …\n      … abscess]." joined, brackets of a translation removed.
  CHECK(d.title ==
        "Feasibility study of preoperative percutaneous catheter drainage in "
        "the treatment of lumbar tuberculosis with psoas abscess.");
  CHECK(d.date == "2018-11-25");
  CHECK(d.revised == "2019-01-15");
  CHECK(d.doi == "10.3969/j.issn.1003-0034.2018.11.004");
  CHECK(d.language == "chi");
  CHECK(d.authors.front() == "Lai Z");
  CHECK(first.record.offset == 1);
  CHECK(first.record.line == 2);
  // Flattened "OBJECTIVE: … METHODS: … RESULTS: … CONCLUSIONS: …".
  REQUIRE(first.parts.size() == 5);
  CHECK(first.parts[1].label == "OBJECTIVE");
  CHECK(first.parts[1].text ==
        "To investigate the effect of preoperative percutaneous drainage in "
        "lumbar tuberculosis with psoas abscess, through compare the clinical "
        "efficacy of two different methods.");
  CHECK(first.parts[3].label == "RESULTS");
  CHECK(first.parts[3].category == "RESULTS");
  // Trailing spaces before a continuation leave one space, never two.
  for (const ImportedDocument& doc : r.docs) {
    for (const DocumentPart& p : doc.parts) {
      CHECK(p.text.find("  ") == std::string::npos);
      CHECK_FALSE(p.text.ends_with(" "));
    }
  }
  const ImportedDocument& trial = ByPmid(r.docs, "30045346");
  CHECK(trial.document.design == Design::kRct);
  CHECK(trial.document.n == 100);
  CHECK(trial.parts[1].label == "STUDY DESIGN");
  CHECK(trial.parts[1].category == "METHODS");
}

TEST_CASE("medline: the Biopython samples", "[importers][medline]") {
  Imported two =
      ImportPath(CorpusPath("other/biopython_medline_pubmed_result2.txt"));
  REQUIRE(two.status.ok());
  CHECK(two.problems.empty());
  REQUIRE(two.docs.size() == 4);
  const ImportedDocument& scop = ByPmid(two.docs, "16403221");
  CHECK(scop.document.title ==
        "A high level interface to SCOP and ASTRAL implemented in python.");
  CHECK(scop.document.authors ==
        std::vector<std::string>{"Casbon JA", "Crooks GE", "Saqi MA"});
  CHECK(scop.document.journal == "BMC bioinformatics");
  CHECK(scop.document.date == "2006");
  CHECK(scop.document.pmcid == "PMC1373603");
  CHECK(PartText(scop, "BACKGROUND")
            .find("The ASTRAL compendium provides non redundant subsets") !=
        std::string::npos);
  CHECK(PartText(scop, "CONCLUSION") ==
        "The modules make the analysis and generation of datasets for use in "
        "structural genomics easier and more principled.");
  REQUIRE(scop.record.mesh.size() == 9);
  CHECK(scop.record.mesh[0].descriptor == "Database Management Systems");
  CHECK(scop.record.mesh[0].major);
  CHECK(scop.record.mesh[2].descriptor == "Information Storage and Retrieval");
  CHECK(scop.record.mesh[2].major);  // "/*methods"
  CHECK(scop.record.mesh[3].descriptor == "Programming Languages");
  CHECK_FALSE(scop.record.mesh[3].major);
  CHECK(scop.record.mesh[2].qualifiers == std::vector<std::string>{"methods"});
  CHECK(scop.record.offset == 1);
  // "SUMMARY:" opens a label of its own (Bioinformatics' house style).
  const ImportedDocument& diagram = ByPmid(two.docs, "16377612");
  CHECK(diagram.parts[1].label == "SUMMARY");
  CHECK(diagram.parts[2].label == "AVAILABILITY");
  CHECK(diagram.parts.back().label == "SUPPLEMENTARY INFORMATION");

  Imported one =
      ImportPath(CorpusPath("other/biopython_medline_pubmed_result1.txt"));
  CHECK(one.status.ok());
  CHECK(one.docs.size() == 1);
  Imported three =
      ImportPath(CorpusPath("other/biopython_medline_pubmed_result3.txt"));
  REQUIRE(three.docs.size() == 1);
  CHECK(three.docs[0].document.date == "2012-10");
  CHECK(three.docs[0].parts[1].label == "PURPOSE");
  // efetch output starts with a blank line.
  Imported efetch =
      ImportPath(CorpusPath("other/biopython_efetch2_medline.txt"));
  REQUIRE(efetch.docs.size() == 1);
  CHECK(efetch.docs[0].document.id == "pmid:19304878");
  CHECK(efetch.docs[0].record.line == 2);
}

TEST_CASE("medline: the LIMO .nbib (OT keywords, trailing spaces, LR)",
          "[importers][medline]") {
  Imported r = ImportPath(CorpusPath("other/limo_tools_citations.nbib"));
  REQUIRE(r.status.ok());
  REQUIRE(r.docs.size() == 2);
  CHECK(r.docs[0].document.revised == "2014-08-21");
  CHECK(r.docs[0].document.title ==
        "LIMO EEG: a toolbox for hierarchical LInear MOdeling of "
        "ElectroEncephaloGraphic data.");
  CHECK(r.docs[0].parts.size() == 2);  // title, unlabelled abstract
  const ImportedDocument& cluster = r.docs[1];
  CHECK(cluster.record.keywords.size() == 6);
  CHECK(cluster.record.keywords[1] == "ERP");
  CHECK(cluster.parts[1].label == "BACKGROUND");
  CHECK(cluster.parts[2].label == "METHOD");
  CHECK(cluster.parts[2].category == "METHODS");
}

TEST_CASE("medline: CRLF line ends read the same", "[importers][medline]") {
  const std::string lf = Slurp(CorpusPath("other/limo_tools_citations.nbib"));
  std::string crlf;
  for (char c : lf) {
    if (c == '\n') crlf += '\r';
    crlf += c;
  }
  Imported a = ImportText(lf, "lf.nbib");
  Imported b = ImportText(crlf, "crlf.nbib");
  REQUIRE(a.docs.size() == 2);
  REQUIRE(b.docs.size() == 2);
  for (std::size_t i = 0; i < 2; ++i) {
    CHECK(a.docs[i].document.title == b.docs[i].document.title);
    CHECK(a.docs[i].parts.size() == b.docs[i].parts.size());
    CHECK(a.docs[i].parts.back().text == b.docs[i].parts.back().text);
  }
}

TEST_CASE("medline: links, retraction, and the gzip form",
          "[importers][medline]") {
  const std::string nbib = Slurp(CorpusPath("other/limo_tools_citations.nbib"));
  const std::string with_links = ReplaceOnce(
      nbib, "LA  - eng\n",
      "LA  - eng\nRIN - Comput Intell Neurosci. 2020;2020:1. PMID: 32999999\n"
      "CIN - Some comment. PMID: 31111111\n");
  Imported r = ImportText(with_links, "links.nbib");
  REQUIRE(r.docs.size() == 2);
  REQUIRE(r.docs[0].record.links.size() == 2);
  CHECK(r.docs[0].record.links[0].type == "RetractionIn");
  CHECK(r.docs[0].record.links[0].pmid == "32999999");
  CHECK(r.docs[0].record.links[1].type == "CommentIn");
  CHECK(r.docs[0].document.retracted);
  CHECK_FALSE(r.docs[1].document.retracted);

  Imported gz = ImportText(testing::Gzip(nbib), "citations.nbib.gz");
  CHECK(gz.status.ok());
  CHECK(gz.docs.size() == 2);
}

TEST_CASE("medline: damaged records are reported by line and skipped",
          "[importers][medline][errors]") {
  const std::string nbib =
      Slurp(CorpusPath("other/biopython_medline_pubmed_result2.txt"));
  SECTION("a stray line inside a record") {
    const std::string broken =
        ReplaceOnce(nbib, "LA  - eng\n", "LA  - eng\nthis is not medline\n");
    Imported r = ImportText(broken, "stray.txt");
    CHECK(r.docs.size() == 4);
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].where.find("(line 39), PMID 16403221") !=
          std::string::npos);
    CHECK(r.problems[0].message.starts_with("not a MEDLINE line"));
  }
  SECTION("a record whose PMID line is lost") {
    const std::string broken = ReplaceOnce(nbib, "PMID- 16377612\n", "");
    Imported r = ImportText(broken, "nopmid.txt");
    CHECK(r.docs.size() == 3);
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].message == "record without a PMID; skipped");
  }
  SECTION("text that only looks like MEDLINE by its name") {
    Imported r = ImportText("hello\nworld\n", "notes.nbib");
    CHECK_FALSE(r.status.ok());
    CHECK(r.docs.empty());
  }
}

}  // namespace
}  // namespace claimcheck
