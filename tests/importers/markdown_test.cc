// Markdown articles: front matter, headings, lists, links (citations when
// they point at studies), markup stripped, footnotes; and the seeds read
// as Markdown give what the text reader gives.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "importers/article_test_util.h"

namespace claimcheck::testing {
namespace {

const char kArticle[] =
    "---\n"
    "title: \"Can Magnesium Fix Your Sleep?\"\n"
    "url: https://example.org/magnesium-sleep\n"
    "date: 2026-03-03T08:00:00Z\n"
    "authors:\n"
    "  - Jordan Avery\n"
    "  - Sam Lee\n"
    "tags: [sleep, minerals]\n"
    "---\n"
    "\n"
    "Magnesium is the **supplement of the moment**, and _everyone_ has an "
    "opinion.\n"
    "\n"
    "## What Trials Found\n"
    "\n"
    "In [a small randomized trial](https://pubmed.ncbi.nlm.nih.gov/23853635/) "
    "of older adults, magnesium shortened sleep onset latency.\n"
    "\n"
    "A [review][mah] pooled three trials. Magnesium may help restless legs "
    "syndrome.[^1]\n"
    "\n"
    "![a chart](https://example.org/chart.png)\n"
    "\n"
    "## How to Take It\n"
    "\n"
    "- **Dose:** 200\xE2\x80\x93"
    "400 mg per day.\n"
    "* Timing: take it `30-60 minutes` before bed.\n"
    "1. Safety: people with kidney disease should avoid magnesium.\n"
    "\n"
    "| Form | Elemental |\n"
    "| --- | --- |\n"
    "| citrate | 16% |\n"
    "\n"
    "The snake_case_name stays and 2 * 3 is 6.\n"
    "\n"
    "[mah]: https://doi.org/10.1186/s12906-021-03297-7\n"
    "[^1]: Hornyak M, et al. Sleep. 2004. PMID: 15164905\n";

TEST_CASE("markdown: front matter", "[importers][markdown]") {
  const ImportedDocument d = ImportOneArticle(kArticle, "article.md");
  CHECK(d.article.format == "markdown");
  CHECK(d.document.title == "Can Magnesium Fix Your Sleep?");
  CHECK(d.document.url == "https://example.org/magnesium-sleep");
  CHECK(d.document.date == "2026-03-03");
  CHECK(d.document.authors ==
        std::vector<std::string>{"Jordan Avery", "Sam Lee"});
  // The title is not in the body, so it leads as a part of its own.
  REQUIRE(!d.parts.empty());
  CHECK(d.parts[0].title);
  CHECK(d.parts[0].text == "Can Magnesium Fix Your Sleep?");
}

TEST_CASE("markdown: markup stripped, headings and items on their own lines",
          "[importers][markdown]") {
  const ImportedDocument d = ImportOneArticle(kArticle, "article.md");
  const std::string body = PartsText(d, false);
  INFO(body);
  CHECK(body.find("Magnesium is the supplement of the moment, and everyone "
                  "has an opinion.") != std::string::npos);
  CHECK(body.find("\nWhat Trials Found\n") != std::string::npos);
  CHECK(body.find("In a small randomized trial of older adults") !=
        std::string::npos);
  CHECK(body.find("A review pooled three trials.") != std::string::npos);
  CHECK(body.find("\xE2\x80\xA2 Dose: 200") != std::string::npos);
  CHECK(body.find("take it 30-60 minutes before bed") != std::string::npos);
  CHECK(body.find("1. Safety: people with kidney disease") !=
        std::string::npos);
  CHECK(body.find("citrate; 16%") != std::string::npos);
  CHECK(body.find("snake_case_name") != std::string::npos);
  CHECK(body.find("2 * 3 is 6") != std::string::npos);
  for (const char* gone :
       {"**", "](", "![", "a chart", "[mah]", "---", "tags:", "`"}) {
    INFO(gone);
    CHECK(body.find(gone) == std::string::npos);
  }
  const DocumentText t = TextOf(d);
  const std::size_t h = SentenceWith(t.text, "How to Take It");
  REQUIRE(h < t.text.sentences().size());
  CHECK(t.text.sentences()[h].kind == Sentence::Kind::kHeading);
  const std::size_t item = SentenceWith(t.text, "Timing: take it");
  REQUIRE(item < t.text.sentences().size());
  CHECK(t.text.sentences()[item].kind == Sentence::Kind::kListItem);
}

TEST_CASE("markdown: links are recorded, study links cite their sentence",
          "[importers][markdown]") {
  const ImportedDocument d = ImportOneArticle(kArticle, "article.md");
  std::vector<std::string> urls;
  for (const DocumentLink& l : d.article.links) urls.push_back(l.url);
  CHECK(urls ==
        std::vector<std::string>{"https://pubmed.ncbi.nlm.nih.gov/23853635/",
                                 "https://doi.org/10.1186/s12906-021-03297-7"});
  const DocumentLink& trial = d.article.links[0];
  REQUIRE(trial.part < d.parts.size());
  CHECK(d.parts[trial.part].text.substr(trial.start, trial.end - trial.start) ==
        "a small randomized trial");
  CHECK(CitedPmids(d.document) ==
        std::set<std::string>{"23853635", "15164905"});

  const ArticleClaims a = ExtractArticle(d);
  bool trial_cited = false, rls_cited = false, review_doi = false;
  for (std::size_t i = 0; i < a.doc.citations.size(); ++i) {
    review_doi |= a.doc.citations[i].doi == "10.1186/s12906-021-03297-7";
  }
  for (const Claim& c : a.claims) {
    if (c.object == nullptr) continue;
    if (c.object->id == "sleep_onset_latency") {
      trial_cited = c.attribution == Attribution::kCited;
    }
    // The footnote marker brings its footnote's PMID into the sentence.
    if (c.object->id == "restless_legs_syndrome") {
      rls_cited = c.attribution == Attribution::kCited;
    }
  }
  CHECK(review_doi);
  CHECK(trial_cited);
  CHECK(rls_cited);
  // The footnote itself is kept apart.
  CHECK(PartsText(d, true).find("Hornyak M") != std::string::npos);
}

TEST_CASE("markdown: the seeds read as Markdown give the same metadata",
          "[importers][markdown][seeds]") {
  for (const char* seed : {"000", "002", "003", "004"}) {
    INFO("seed " << seed);
    const std::string bytes = Slurp(SeedPath(seed));
    const ImportedDocument as_text = ImportOneArticle(bytes, "seed.txt");
    const ImportedDocument as_md = ImportOneArticle(bytes, "seed.md");
    CHECK(as_md.article.format == "markdown");
    CHECK(as_md.document.title == as_text.document.title);
    CHECK(as_md.document.authors == as_text.document.authors);
    CHECK(as_md.document.date == as_text.document.date);
    CHECK(PartsText(as_md, true).empty() == PartsText(as_text, true).empty());
  }
  const ImportedDocument d = ImportOneArticle(Slurp(SeedPath("003")), "3.md");
  CHECK(d.document.authors == std::vector<std::string>{"Maya Richardson"});
  CHECK(PartsText(d, true).find("Maya overflows") != std::string::npos);
}

TEST_CASE("markdown: detected from content without an extension",
          "[importers][markdown]") {
  CHECK(DetectFormat("-", "---\ntitle: X\n---\nBody.\n") ==
        InputFormat::kMarkdown);
  CHECK(
      DetectFormat("notes", "# Magnesium\n\nSee [a trial](https://x.org).\n") ==
      InputFormat::kMarkdown);
  CHECK(DetectFormat("-", "Magnesium does not improve sleep.\n") ==
        InputFormat::kText);
  CHECK(DetectFormat("seed.txt", "Title\n\n- a list item\n") ==
        InputFormat::kText);
}

TEST_CASE("markdown: broken markup is read as text", "[importers][markdown]") {
  for (const char* text :
       {"[unclosed link(https://x.org\n\nMagnesium helps sleep.\n",
        "```\ncode never closed\n", "**bold never closed\n",
        "---\ntitle: no end of front matter\n\nMagnesium helps sleep.\n",
        "<div>html <b>in markdown</div>\n", "[^1] with no note\n",
        "![alt](\n"}) {
    INFO(text);
    ArticleImport r = ImportArticle(text, "broken.md");
    CHECK((r.status.ok() || r.status.code() == Status::Code::kInvalidArgument));
  }
  const ImportedDocument d = ImportOneArticle(
      "---\ntitle: no end of front matter\n\nMagnesium helps sleep.\n",
      "broken.md");
  CHECK(PartsText(d, false).find("Magnesium helps sleep.") !=
        std::string::npos);
}

}  // namespace
}  // namespace claimcheck::testing
