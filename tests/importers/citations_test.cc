// Citations in links and in text (include/claimcheck/citations.h): tables
// of forms that must be read, and of look-alikes that must not.
#include "claimcheck/citations.h"

#include <catch2/catch.hpp>
#include <chrono>
#include <string>
#include <vector>

namespace claimcheck::testing {
namespace {

struct UrlCase {
  const char* url;
  const char* pmid;
  const char* pmcid;
  const char* doi;
};

TEST_CASE("study links in all their forms", "[importers][citations]") {
  const std::vector<UrlCase> cases = {
      // PubMed
      {"https://www.ncbi.nlm.nih.gov/pubmed/13321517", "13321517", "", ""},
      {"http://www.ncbi.nlm.nih.gov/pubmed/13321517/", "13321517", "", ""},
      {"https://www.ncbi.nlm.nih.gov/pubmed/?term=23853635", "23853635", "",
       ""},
      {"https://pubmed.ncbi.nlm.nih.gov/10909952/", "10909952", "", ""},
      {"pubmed.ncbi.nlm.nih.gov/10909952", "10909952", "", ""},
      {"https://www.ncbi.nlm.nih.gov/10909952", "10909952", "", ""},
      {"https://europepmc.org/article/MED/23853635", "23853635", "", ""},
      {"https://www.ncbi.nlm.nih.gov/pmc/articles/pmid/23853635/", "23853635",
       "", ""},
      // PMC
      {"https://www.ncbi.nlm.nih.gov/pmc/articles/PMC3703169/", "",
       "PMC3703169", ""},
      {"https://pmc.ncbi.nlm.nih.gov/articles/PMC3703169/", "", "PMC3703169",
       ""},
      {"https://europepmc.org/article/PMC/PMC3703169", "", "PMC3703169", ""},
      // DOI
      {"https://doi.org/10.1016/S0140-6736(20)30183-5", "", "",
       "10.1016/s0140-6736(20)30183-5"},
      {"http://dx.doi.org/10.3390%2Fnu12030670", "", "", "10.3390/nu12030670"},
      {"https://onlinelibrary.wiley.com/doi/full/10.1111/jsr.12345", "", "",
       "10.1111/jsr.12345"},
      {"https://www.acpjournals.org/doi/10.7326/"
       "0003-4819-159-12-201312170-00011",
       "", "", "10.7326/0003-4819-159-12-201312170-00011"},
      {"https://www.tandfonline.com/doi/abs/10.1080/07315724.2012.10720011", "",
       "", "10.1080/07315724.2012.10720011"},
      {"https://example.org/fulltext?doi=10.1111/jsr.12345&x=1", "", "",
       "10.1111/jsr.12345"},
  };
  for (const UrlCase& c : cases) {
    INFO(c.url);
    const std::optional<Citation> got = CitationFromUrl(c.url);
    REQUIRE(got);
    CHECK(got->pmid == c.pmid);
    CHECK(got->pmcid == c.pmcid);
    CHECK(got->doi == c.doi);
    CHECK(got->url == c.url);
    CHECK(IsIdentified(*got));
  }
}

TEST_CASE("journal pages are citations by their URL",
          "[importers][citations]") {
  for (const char* url :
       {"https://academic.oup.com/jn/article/145/3/572/4743711",
        "https://www.sciencedirect.com/science/article/pii/S0002916522004567",
        "https://www.ingentaconnect.com/content/routledg/camh/2000/00000004/"
        "00000004/art00010",
        "https://www.ncbi.nlm.nih.gov/books/NBK537361/"}) {
    INFO(url);
    const std::optional<Citation> got = CitationFromUrl(url);
    REQUIRE(got);
    CHECK(got->pmid.empty());
    CHECK(got->doi.empty());
    CHECK(got->url == url);
  }
}

TEST_CASE("other links are not citations", "[importers][citations]") {
  for (const char* url :
       {"https://www.healthline.com/nutrition/magnesium-and-sleep",
        "https://www.youtube.com/watch?v=ilkwxlt_TA8",
        "https://www.ncbi.nlm.nih.gov/pubmed/?term=magnesium+sleep",
        "https://pubmed.ncbi.nlm.nih.gov/", "https://doi.org/",
        "https://www.mayoclinic.org/drugs-supplements-vitamin-c/art-20363932",
        "/nutrition/best-ways-to-burn-fat", ""}) {
    INFO(url);
    CHECK_FALSE(CitationFromUrl(url));
  }
}

TEST_CASE("DOIs are normalised", "[importers][citations]") {
  CHECK(NormalizeDoi("10.1111/JSR.12345") == "10.1111/jsr.12345");
  CHECK(NormalizeDoi("doi:10.1111/jsr.12345.") == "10.1111/jsr.12345");
  CHECK(NormalizeDoi("https://doi.org/10.3390%2Fnu12030670") ==
        "10.3390/nu12030670");
  CHECK(NormalizeDoi("10.1016/S0140-6736(20)30183-5)") ==
        "10.1016/s0140-6736(20)30183-5");
  CHECK(NormalizeDoi("10.5 mg").empty());
  CHECK(NormalizeDoi("10.12/x").empty());            // registrant too short
  CHECK(NormalizeDoi("see 10.1111/jsr.1").empty());  // not at the start
}

struct TextCase {
  const char* text;
  const char* found;  // the bytes the citation spans
  const char* pmid;
  const char* pmcid;
  const char* doi;
  bool identified;
};

TEST_CASE("citations written in text", "[importers][citations]") {
  const std::vector<TextCase> cases = {
      {"shortened sleep onset latency (PMID 23853635).", "PMID 23853635",
       "23853635", "", "", true},
      {"as reported (PMID: 33865376)", "PMID: 33865376", "33865376", "", "",
       true},
      {"PMID:33865376 says so", "PMID:33865376", "33865376", "", "", true},
      {"full text (PMCID: PMC3703169).", "PMCID: PMC3703169", "", "PMC3703169",
       "", true},
      {"in PMC3703169, the", "PMC3703169", "", "PMC3703169", "", true},
      {"Sleep Res. 2012. doi:10.1111/jsr.12345.", "doi:10.1111/jsr.12345", "",
       "", "10.1111/jsr.12345", true},
      {"DOI 10.3390/nu12030670 (open access)", "DOI 10.3390/nu12030670", "", "",
       "10.3390/nu12030670", true},
      {"(see 10.1016/S0140-6736(20)30183-5)", "10.1016/S0140-6736(20)30183-5",
       "", "", "10.1016/s0140-6736(20)30183-5", true},
      {"at https://doi.org/10.3390/nu12030670, and",
       "https://doi.org/10.3390/nu12030670", "", "", "10.3390/nu12030670",
       true},
      {"see pubmed.ncbi.nlm.nih.gov/23853635/.",
       "pubmed.ncbi.nlm.nih.gov/23853635/", "23853635", "", "", true},
      {"Magnesium helped (Abbasi et al., 2012).", "Abbasi et al., 2012", "", "",
       "", false},
      {"Abbasi et al. (2012) found", "Abbasi et al. (2012)", "", "", "", false},
      {"as Held et al. showed", "Held et al.", "", "", "", false},
      {"as in (Abbasi, 2012).", "Abbasi, 2012", "", "", "", false},
      {"Abbasi and Rahimi, 2012 found", "Abbasi and Rahimi, 2012", "", "", "",
       false},
      {"Mah & Pitre (2021) pooled", "Mah & Pitre (2021)", "", "", "", false},
      {"In fact, a study published in Magnesium Research found",
       "a study published in Magnesium Research", "", "", "", false},
      {"A 2012 study published in the Journal of Research in Medical "
       "Sciences found that",
       "A 2012 study published in the Journal of Research in Medical Sciences",
       "", "", "", false},
      {"according to research in the journal Nutrients, magnesium",
       "research in the journal Nutrients", "", "", "", false},
  };
  for (const TextCase& c : cases) {
    INFO(c.text);
    const std::vector<Citation> got = FindCitations(c.text);
    REQUIRE(got.size() == 1);
    const std::string_view text = c.text;
    CHECK(text.substr(got[0].start, got[0].end - got[0].start) == c.found);
    CHECK(got[0].pmid == c.pmid);
    CHECK(got[0].pmcid == c.pmcid);
    CHECK(got[0].doi == c.doi);
    CHECK(IsIdentified(got[0]) == c.identified);
    if (!c.identified) CHECK(got[0].text == c.found);
  }
}

TEST_CASE("look-alikes are not citations", "[importers][citations]") {
  for (const char* text :
       {"Studies show that magnesium helps you sleep.", "Take 10.5 mg of zinc.",
        "The Abbasi trial was small.",
        "In 2012, researchers at Tehran University looked at sleep.",
        "It was published in May 2012.", "published in 2019 by the NIH",
        "PMC is a free archive.", "Call 1-800-555-0100 or visit us.",
        "In March, 2012, it was cold.", "the HTTP protocol",
        "https://www.healthline.com/nutrition/ways-to-measure-body-fat"}) {
    INFO(text);
    CHECK(FindCitations(text).empty());
  }
}

TEST_CASE("several citations in one sentence, in order",
          "[importers][citations]") {
  const std::string text =
      "Magnesium shortened sleep onset (Abbasi et al., 2012; PMID 23853635) "
      "and see doi:10.1111/jsr.12345 too.";
  const std::vector<Citation> got = FindCitations(text);
  REQUIRE(got.size() == 3);
  CHECK(got[0].text == "Abbasi et al., 2012");
  CHECK(got[1].pmid == "23853635");
  CHECK(got[2].doi == "10.1111/jsr.12345");
  CHECK(got[0].end <= got[1].start);
  CHECK(got[1].end <= got[2].start);
}

TEST_CASE("same source", "[importers][citations]") {
  Citation a, b;
  a.pmid = "123";
  a.url = "https://pubmed.ncbi.nlm.nih.gov/123/";
  b.pmid = "123";
  b.url = "https://www.ncbi.nlm.nih.gov/pubmed/123";
  CHECK(SameSource(a, b));
  b.pmid = "124";
  CHECK_FALSE(SameSource(a, b));
  Citation t1, t2;
  t1.text = t2.text = "Abbasi et al., 2012";
  CHECK(SameSource(t1, t2));
  CHECK_FALSE(IsIdentified(t1));
}

TEST_CASE("a 10 MB line is scanned in linear time", "[importers][citations]") {
  std::string text;
  while (text.size() < (10u << 20)) {
    text += "Abbasi Smith Jones et al published in The 10.1 doi PMID PMC ";
  }
  const auto start = std::chrono::steady_clock::now();
  const std::vector<Citation> got = FindCitations(text);
  const auto seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
          .count();
  CHECK(seconds < 20.0);
  CHECK(got.size() > 1000);  // every "Jones et al" is a reference
}

}  // namespace
}  // namespace claimcheck::testing
