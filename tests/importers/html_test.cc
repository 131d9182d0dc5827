// Web pages: the two real pages in ../shared/corpus/articles (title,
// author, date, a body sentence that must be there, boilerplate that must
// not, the citations found), a small page that exercises each rule, and
// broken HTML that must neither crash nor hang.
#include <catch2/catch.hpp>
#include <chrono>
#include <string>
#include <vector>

#include "importers/article_test_util.h"

namespace claimcheck::testing {
namespace {

const char kHealthline[] = "trafilatura_healthline.com.fat.html";
const char kTheList[] = "trafilatura_thelist.com.multivitamin.html";

TEST_CASE("healthline: metadata", "[importers][html]") {
  const ImportedDocument d = ImportArticleFile(ArticlePath(kHealthline));
  CHECK(d.article.format == "html");
  CHECK(d.document.title ==
        "The 10 Best Ways to Measure Your Body Fat Percentage");
  CHECK(d.document.authors == std::vector<std::string>{"Grant Tinsley, PhD"});
  CHECK(d.document.date == "2018-04-29");
  CHECK(d.document.url ==
        "https://www.healthline.com/nutrition/ways-to-measure-body-fat");
  CHECK(d.document.language == "en");
  CHECK(d.article.publisher == "Healthline Media");
  CHECK(d.article.date_modified == "2018-04-29");
}

TEST_CASE("healthline: the article, not the page around it",
          "[importers][html]") {
  const ImportedDocument d = ImportArticleFile(ArticlePath(kHealthline));
  const std::string body = PartsText(d, false);
  const std::string all = AllText(d);
  for (const char* present :
       {"Skinfold measurements have been used to estimate body fat for over "
        "50 years (1).",
        "Here are the 10 best ways to measure your body fat percentage.",
        "Multi-Compartment Models (the Gold Standard)",
        "Even the best methods are not perfect and only give you an estimate "
        "of your true body fat."}) {
    INFO(present);
    CHECK(body.find(present) != std::string::npos);
  }
  // Navigation, share buttons, the newsletter link, related stories and
  // the footer are not in the document text at all.
  for (const char* absent :
       {"Share on Pinterest", "Subscribe", "related stories",
        "The 14 Best Ways to Burn Fat Fast", "READ MORE", "Newsletters",
        "Do Not Sell My Info", "Healthline Media a Red Ventures Company",
        "Medical News Today", "Evidence Based"}) {
    INFO(absent);
    CHECK(all.find(absent) == std::string::npos);
  }
}

TEST_CASE("healthline: the cited studies, in place", "[importers][html]") {
  const ImportedDocument d = ImportArticleFile(ArticlePath(kHealthline));
  const std::set<std::string> pmids = CitedPmids(d.document);
  CHECK(pmids.size() == 17);
  for (const char* pmid :
       {"13321517", "23519954", "24090645", "23643968", "21719905", "8614327",
        "15380917", "23299866", "9572833", "23299872", "18258622", "29544083",
        "27329614", "21552454", "29288245", "12399267", "28825351"}) {
    CHECK(pmids.count(pmid) == 1);
  }
  const DocumentText t = TextOf(d);
  REQUIRE(t.citations.size() == t.citation_sentences.size());
  // "(1)" after the first method's opening sentence is PubMed 13321517,
  // and that sentence is cited.
  const std::size_t s =
      SentenceWith(t.text, "Skinfold measurements have been used");
  REQUIRE(s < t.text.sentences().size());
  bool placed = false;
  for (std::size_t i = 0; i < t.citations.size(); ++i) {
    if (t.citations[i].pmid != "13321517") continue;
    placed =
        t.citation_sentences[i] == s &&
        t.text.str().substr(t.citations[i].start,
                            t.citations[i].end - t.citations[i].start) == "1";
  }
  CHECK(placed);
  REQUIRE(s < t.context.size());
  CHECK(t.context[s].attribution == Attribution::kCited);
  // Every link of the page is recorded, those outside the article too.
  CHECK(d.article.links.size() > 100);
}

TEST_CASE("thelist: metadata and its six PubMed citations",
          "[importers][html]") {
  const ImportedDocument d = ImportArticleFile(ArticlePath(kTheList));
  CHECK(d.document.title ==
        "When you take a multivitamin every day, this is what happens to "
        "your body");
  CHECK(d.document.authors == std::vector<std::string>{"Cat Lafuente"});
  CHECK(d.document.date == "2020-06-12");
  CHECK(d.article.publisher == "The List");
  CHECK(CitedPmids(d.document) ==
        std::set<std::string>{"10909952", "12888653", "19204221", "22939764",
                              "22711385", "10719135"});
  std::set<std::string> dois;
  for (const Citation& c : d.document.citations) {
    if (!c.doi.empty()) dois.insert(c.doi);
  }
  CHECK(dois ==
        std::set<std::string>{"10.7326/0003-4819-159-12-201312170-00011",
                              "10.7326/0003-4819-159-12-201312170-00729"});
  const std::string body = PartsText(d, false);
  const std::string all = AllText(d);
  CHECK(body.find("All of those things are essential for maintaining "
                  "wellness, according to the Mayo Clinic.") !=
        std::string::npos);
  CHECK(body.find("\nYour eyes may thank you if you take a multivitamin "
                  "every day\n") != std::string::npos);
  for (const char* absent : {"ENTERTAINMENT", "Privacy Policy", "Static Media",
                             "Shutterstock", "All Rights Reserved"}) {
    INFO(absent);
    CHECK(all.find(absent) == std::string::npos);
  }
  // The byline box is kept, apart from the body.
  CHECK(PartsText(d, true).find("Cat Lafuente") != std::string::npos);
  CHECK(body.find("By Cat Lafuente") == std::string::npos);
}

// A page with no <article> or <main>: the densest block is the article.
const char kPage[] = R"(<!DOCTYPE html>
<html lang="en-GB"><head>
<title>Magnesium and sleep | Sleep Weekly</title>
<meta property="og:site_name" content="Sleep Weekly">
<base href="https://sleepweekly.example/news/">
<script type="application/ld+json">{"@context": "https://schema.org",
 "@graph": [{"@type": "WebSite", "name": "Sleep Weekly"},
  {"@type": "NewsArticle", "headline": "Magnesium and Sleep: What We Know",
   "author": [{"@type": "Person", "name": "Ana Lima"}, {"name": "Bo Chen"}],
   "datePublished": "2024-02-03T10:00:00+01:00",
   "publisher": {"@type": "Organization", "name": "Sleep Weekly Ltd"},
   "citation": [{"@type": "ScholarlyArticle",
                 "url": "https://doi.org/10.1186/s12906-021-03297-7"}]}]}
</script>
<script>var ad = "Magnesium improves sleep in every adult.";</script>
</head><body>
<div id="cookie-banner">We use cookies. Magnesium improves sleep.</div>
<div class="navbar"><a href="/">Home</a> <a href="/sleep">Sleep</a></div>
<div class="wrap">
 <div class="sidebar"><p>Popular: Magnesium cures insomnia, readers say.</p></div>
 <div class="story">
  <h1>Magnesium and Sleep: What We Know</h1>
  <p>Magnesium is a mineral, and many people take it at night for sleep,
     often as magnesium citrate.</p>
  <h2>What trials found</h2>
  <p>In a small trial, magnesium improved sleep quality in older adults
     (<a href="https://www.ncbi.nlm.nih.gov/pubmed/23853635">Abbasi,
     2012</a>).</p>
  <p>Magnesium may reduce anxiety, but the trials are small, and results
     vary.<br>Ask a doctor first.</p>
  <ul><li>Dose: 200 to 400 mg per day.</li><li><p>Timing: take it before
     bed.</p></li></ul>
  <table><tr><th>Form</th><th>Elemental</th></tr>
   <tr><td>citrate</td><td>16%</td></tr></table>
  <div class="author-bio"><p>Ana Lima writes about sleep. Magnesium helps
     her sleep, she says.</p></div>
  <div class="newsletter-signup"><p>Sign up: magnesium tips weekly.</p></div>
  <p><a href="../about">About us</a></p>
 </div>
</div>
<footer><p>Magnesium improves sleep for all. &copy; Sleep Weekly</p></footer>
</body></html>)";

TEST_CASE("a page: every rule once", "[importers][html]") {
  const ImportedDocument d = ImportOneArticle(kPage, "page.html");
  CHECK(d.document.title == "Magnesium and Sleep: What We Know");
  CHECK(d.document.authors == std::vector<std::string>{"Ana Lima", "Bo Chen"});
  CHECK(d.document.date == "2024-02-03");
  CHECK(d.document.language == "en-GB");
  CHECK(d.article.publisher == "Sleep Weekly Ltd");

  const std::string body = PartsText(d, false);
  const std::string boiler = PartsText(d, true);
  const std::string all = AllText(d);
  INFO(all);
  CHECK(body.find("Magnesium and Sleep: What We Know\n\nMagnesium is a "
                  "mineral, and many people take it at night for sleep, "
                  "often as magnesium citrate.") != std::string::npos);
  CHECK(body.find("\n\nWhat trials found\n\n") != std::string::npos);
  CHECK(body.find("results vary.\nAsk a doctor first.") != std::string::npos);
  CHECK(body.find("\xE2\x80\xA2 Dose: 200 to 400 mg per day.\n\xE2\x80\xA2 "
                  "Timing: take it before bed.") != std::string::npos);
  CHECK(body.find("Form; Elemental\ncitrate; 16%") != std::string::npos);
  CHECK(boiler.find("Ana Lima writes about sleep.") != std::string::npos);
  CHECK(boiler.find("Sign up: magnesium tips weekly.") != std::string::npos);
  for (const char* absent : {"We use cookies", "Home", "Popular:",
                             "every adult", "improves sleep for all"}) {
    INFO(absent);
    CHECK(all.find(absent) == std::string::npos);
  }

  // Links: relative ones resolved against <base>; the PubMed link cites
  // its sentence; JSON-LD citations are kept on the document.
  std::vector<std::string> urls;
  for (const DocumentLink& l : d.article.links) urls.push_back(l.url);
  CHECK(urls ==
        std::vector<std::string>{"https://sleepweekly.example/",
                                 "https://sleepweekly.example/sleep",
                                 "https://www.ncbi.nlm.nih.gov/pubmed/23853635",
                                 "https://sleepweekly.example/about"});
  CHECK(d.article.links[0].part == DocumentLink::kNoPart);
  CHECK(d.article.links[2].text == "Abbasi, 2012");
  const ArticleClaims a = ExtractArticle(d);
  bool quality_cited = false;
  for (const Claim& c : a.claims) {
    INFO("claim from: " << a.Sentence(c));
    CHECK_FALSE(a.Boilerplate(c.sentence));
    CHECK(a.Sentence(c).find("her sleep") == std::string::npos);
    if (c.object != nullptr && c.object->id == "sleep_quality") {
      quality_cited = c.attribution == Attribution::kCited;
    }
  }
  CHECK(quality_cited);
  bool doi = false;
  for (const Citation& c : a.doc.citations) {
    doi |= c.doi == "10.1186/s12906-021-03297-7" && c.start == 0;
  }
  CHECK(doi);
}

TEST_CASE("a page: metadata fallbacks", "[importers][html]") {
  // No JSON-LD or Open Graph: the <h1>, the byline element, <time>.
  const ImportedDocument d = ImportOneArticle(
      "<html><head><title>Sleep | Example News</title>"
      "<meta property=\"og:site_name\" content=\"Example News\"></head><body>"
      "<article><h1>Magnesium at Night</h1>"
      "<p class=\"byline\">By Jordan Avery</p>"
      "<time datetime=\"2025-09-25T07:00:00Z\">Sept. 25</time>"
      "<p>Magnesium is a mineral that many people take at night, often as "
      "magnesium citrate, to help them sleep, or so the labels say. It is "
      "sold in many forms.</p></article></body></html>",
      "fallback.html");
  CHECK(d.document.title == "Magnesium at Night");
  CHECK(d.document.authors == std::vector<std::string>{"Jordan Avery"});
  CHECK(d.document.date == "2025-09-25");
  CHECK(d.article.publisher == "Example News");
  // Only <title> left: the site's name is taken off it.
  const ImportedDocument t = ImportOneArticle(
      "<html><head><title>Sleep and Magnesium | Example News</title>"
      "<meta property=\"og:site_name\" content=\"Example News\"></head>"
      "<body><div><p>Magnesium is a mineral.</p></div></body></html>",
      "title.html");
  CHECK(t.document.title == "Sleep and Magnesium");
}

// Runs one broken input: it must return (OK or a clear refusal) quickly.
void ReadBroken(const std::string& name, const std::string& bytes,
                double max_seconds) {
  INFO(name << " (" << bytes.size() << " bytes)");
  const auto start = std::chrono::steady_clock::now();
  ArticleImport r = ImportArticle(bytes, name);
  CHECK((r.status.ok() || r.status.code() == Status::Code::kInvalidArgument));
  if (r.status.ok()) {
    REQUIRE(r.docs.size() == 1);
    Result<DocumentText> t = BuildDocumentText(r.docs[0], nullptr);
    CHECK(t.ok());
  } else {
    CHECK(r.status.message().starts_with(name + ": "));
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
          .count();
  CHECK(seconds < max_seconds);
}

std::string Repeat(const std::string& s, std::size_t n) {
  std::string out;
  out.reserve(s.size() * n);
  for (std::size_t i = 0; i < n; ++i) out += s;
  return out;
}

TEST_CASE("broken HTML never crashes or hangs", "[importers][html][broken]") {
  ReadBroken("unclosed.html",
             "<html><body><div><p>Magnesium <b>helps <i>sleep <div><span>and "
             "<a href='https://pubmed.ncbi.nlm.nih.gov/1/'>more",
             10);
  ReadBroken("stray.html",
             "<html><body><p>a < b and c <3 and <<<< >>> </ p> <p <p>"
             "</div></div></html></body><p>Magnesium helps sleep.</p>",
             10);
  ReadBroken("utf8.html",
             "<html><body><p>Magnesium \xFF\xFE helps \xC3 sleep "
             "\xE2\x82.</p></body></html>",
             10);
  ReadBroken("empty.html", "", 10);
  ReadBroken("blank.html", "<html><body>   </body></html>", 10);
  ReadBroken("comment.html", "<html><body><p>Text<!-- never closed", 10);
  ReadBroken("script.html", "<html><body><p>Text<script>never closed", 10);
  ReadBroken("jsonld.html",
             "<html><head><script type='application/ld+json'>" +
                 Repeat("[", 100000) +
                 "</script></head><body><p>Magnesium.</p></body></html>",
             10);
  // 200,000 unclosed <div>s: cut at the nesting limit, with a warning.
  ReadBroken("deep.html", "<html><body>" + Repeat("<div>", 200000) + "x", 20);
  ReadBroken("bold.html", "<html><body>" + Repeat("<b>", 200000) + "x", 20);
  ReadBroken("table.html",
             "<html><body>" + Repeat("<table><tr><td>", 30000) + "x", 20);
  ReadBroken("lists.html",
             "<html><body>" + Repeat("<ul><li>item ", 50000) + "x", 20);
  // A 10 MB page on a single line.
  ReadBroken("long.html",
             "<html><body><article>" +
                 Repeat("<p>Magnesium is a mineral that helps you sleep, "
                        "<a href='https://pubmed.ncbi.nlm.nih.gov/23853635/'>"
                        "they say</a>. ",
                        10u << 20 >> 7) +
                 "</article></body></html>",
             60);

  ArticleImport deep =
      ImportArticle("<html><body><p>Magnesium helps sleep.</p>" +
                        Repeat("<div>", 2000) + "lost</body></html>",
                    "deep.html");
  REQUIRE(deep.status.ok());
  REQUIRE(!deep.problems.empty());
  CHECK(deep.problems[0].message.find("nested deeper than") !=
        std::string::npos);
  CHECK(PartsText(deep.docs[0], false).find("Magnesium helps sleep.") !=
        std::string::npos);

  ArticleImport nul =
      ImportArticle(std::string("<html>\0</html>", 14), "nul.html");
  CHECK(nul.status.code() == Status::Code::kInvalidArgument);
}

}  // namespace
}  // namespace claimcheck::testing
