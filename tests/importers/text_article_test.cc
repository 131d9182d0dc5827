// Plain-text articles: the five real seeds (title, byline, date, end matter
// kept out of the claims, headings and list items), the date and byline
// forms people write, written citations and how they attribute claims, and
// inputs that must be refused.
#include <catch2/catch.hpp>
#include <map>
#include <string>
#include <vector>

#include "claimcheck/citations.h"
#include "importers/article_test_util.h"

namespace claimcheck::testing {
namespace {

struct SeedHead {
  const char* seed;
  const char* title;
  std::vector<std::string> authors;
  const char* date;
};

TEST_CASE("seeds: title, byline and date", "[importers][text][seeds]") {
  const std::vector<SeedHead> seeds = {
      {"000",
       "Does Magnesium Citrate Help You Sleep? Exploring the Benefits of "
       "Magnesium for Better Rest",
       {},
       ""},
      {"001", "Use magnesium for sleep", {}, ""},
      {"002",
       "Understanding Magnesium\xE2\x80\x99s Role in Sleep and Anxiety",
       {},
       ""},
      {"003",
       "Magnesium Citrate for Sleep: Benefits, Dosage, and Effectiveness",
       {"Maya Richardson"},
       "2025-09-25"},
      // The masthead "Alaska Sleep Education Center" comes back at the end
      // of the page; the title is the line below it.
      {"004",
       "The Role of Magnesium in Sleep Regulation and Relaxation",
       {},
       ""},
  };
  for (const SeedHead& s : seeds) {
    INFO("seed " << s.seed);
    const ImportedDocument d = ImportArticleFile(SeedPath(s.seed));
    CHECK(d.document.title == s.title);
    CHECK(d.document.authors == s.authors);
    CHECK(d.document.date == s.date);
    CHECK(d.document.kind == "article");
    CHECK(d.document.design == Design::kWellnessArticle);
    CHECK(d.document.id.rfind("sha256:", 0) == 0);
    CHECK(d.article.format == "text");
  }
}

// End matter of each seed: a sentence that must be boilerplate, and one
// just before it that must stay in the body.
struct SeedTail {
  const char* seed;
  const char* boilerplate;
  const char* body;
};

TEST_CASE("seeds: end matter is boilerplate and yields no claims",
          "[importers][text][seeds]") {
  const std::vector<SeedTail> tails = {
      {"000", "Related Posts", "Sweet dreams!"},
      // "You may also like: …" mid-article, then the keyword list,
      // "Further Reading:" and the disclaimer.
      {"002", "You may also like: How to Improve Your Bedtime Routine",
       "This article will explore the intricate relationship"},
      {"002", "HealthXWire does not endorse, recommend, or guarantee",
       "can lead to better rest, reduced anxiety"},
      {"002", "Always seek the advice of your physician",
       "Magnesium deficiency can significantly impact sleep quality"},
      // The author box and the list of other posts.
      {"003", "Maya overflows with a passion for writing",
       "Magnesium citrate supports intestinal motility"},
      {"003", "Moringa Pros and Cons", "Does magnesium citrate help you sleep"},
      // The newsletter box and the CEO's biography.
      {"004", "Brent Fisher has held leadership positions",
       "Check-in with your doctor"},
      {"004", "Our weekly updated blog aims to provide you with answers",
       "There are definitely benefits to using magnesium"},
  };
  for (const SeedTail& t : tails) {
    INFO("seed " << t.seed << ": " << t.boilerplate);
    const ImportedDocument d = ImportArticleFile(SeedPath(t.seed));
    CHECK(PartsText(d, true).find(t.boilerplate) != std::string::npos);
    CHECK(PartsText(d, false).find(t.boilerplate) == std::string::npos);
    CHECK(PartsText(d, false).find(t.body) != std::string::npos);
    const ArticleClaims a = ExtractArticle(d);
    const std::size_t s = SentenceWith(a.doc.text, t.boilerplate);
    REQUIRE(s < a.doc.text.sentences().size());
    CHECK(a.Boilerplate(s));
    for (const Claim& c : a.claims) {
      INFO("claim from: " << a.Sentence(c));
      CHECK_FALSE(a.Boilerplate(c.sentence));
    }
  }
}

// What the old path (the whole file as one text, no context) extracted,
// less what sits in boilerplate, is what the importer path extracts.
TEST_CASE("seeds: body claims are those of the plain text",
          "[importers][text][seeds]") {
  for (const char* seed : {"000", "001", "002", "003", "004"}) {
    INFO("seed " << seed);
    const Extracted plain = ExtractSeed(seed);
    const ArticleClaims imported =
        ExtractArticle(ImportArticleFile(SeedPath(seed)));
    std::multimap<std::string, std::string> want, got;
    std::size_t dropped = 0;
    for (const Claim& c : plain.claims) {
      const std::string sentence = plain.Sentence(c);
      const std::size_t s = SentenceWith(imported.doc.text, sentence);
      if (s < imported.doc.text.sentences().size() && imported.Boilerplate(s)) {
        ++dropped;
        continue;
      }
      want.emplace(sentence, Triple(c));
    }
    for (const Claim& c : imported.claims) {
      got.emplace(imported.Sentence(c), Triple(c));
    }
    CHECK(got == want);
    INFO(dropped << " claims of the plain text sit in boilerplate");
  }
}

TEST_CASE("seeds: headings are sections, bullets are items",
          "[importers][text][seeds]") {
  const ArticleClaims a = ExtractArticle(ImportArticleFile(SeedPath("003")));
  const std::size_t h =
      SentenceWith(a.doc.text, "Regulation of GABA and Melatonin");
  REQUIRE(h < a.doc.text.sentences().size());
  CHECK(a.doc.text.sentences()[h].kind == Sentence::Kind::kHeading);
  bool in_section = false;
  for (const Claim& c : a.claims) {
    in_section |= c.section == "Regulation of GABA and Melatonin" &&
                  Triple(c) == "magnesium increases gaba_receptor";
  }
  CHECK(in_section);

  const ImportedDocument d4 = ImportArticleFile(SeedPath("004"));
  const DocumentText t4 = TextOf(d4);
  const std::size_t item = SentenceWith(t4.text, "Heart palpitations");
  REQUIRE(item < t4.text.sentences().size());
  CHECK(t4.text.sentences()[item].kind == Sentence::Kind::kListItem);
  CHECK(t4.text.SentenceText(item) == "Heart palpitations");
}

TEST_CASE("end matter opens late, and only on its own headings",
          "[importers][text]") {
  const std::string text =
      "Magnesium Basics\n\n"
      "Sources\n\n"
      "Magnesium comes from nuts, seeds, whole grains and leafy greens, and "
      "most adults get some of what they need from food.\n\n"
      "Related symptoms\n\n"
      "Low magnesium can come with muscle cramps, tiredness and poor "
      "sleep, though many other things cause those too.\n\n"
      "Magnesium supplements are sold as citrate, oxide and glycinate, and "
      "labels differ in how much of the mineral each pill holds.\n\n"
      "References\n\n"
      "1. Abbasi B, et al. J Res Med Sci. 2012. PMID: 23853635\n";
  const ImportedDocument d = ImportOneArticle(text, "sources.txt");
  const std::string body = PartsText(d, false);
  CHECK(body.find("Sources\n\nMagnesium comes from nuts") != std::string::npos);
  CHECK(body.find("Related symptoms") != std::string::npos);
  CHECK(body.find("labels differ") != std::string::npos);
  CHECK(PartsText(d, true).starts_with("References\n\n1. Abbasi B"));
  // A reference list yields no claims but its citations are the page's.
  CHECK(CitedPmids(d.document) == std::set<std::string>{"23853635"});
}

TEST_CASE("dates in the forms people write", "[importers][text]") {
  const std::vector<std::pair<std::string, std::string>> dates = {
      {"September 25, 2025", "2025-09-25"},
      {"Sep 25, 2025", "2025-09-25"},
      {"Sept. 25, 2025", "2025-09-25"},
      {"September 25th, 2025", "2025-09-25"},
      {"25 Sep 2025", "2025-09-25"},
      {"25 September 2025", "2025-09-25"},
      {"25th of September, 2025", "2025-09-25"},
      {"2025-09-25", "2025-09-25"},
      {"2025/09/25", "2025-09-25"},
      {"Published September 25, 2025", "2025-09-25"},
      {"Updated on Aug. 18, 2020 4:17 pm EST", "2020-08-18"},
      {"September 2025", "2025-09"},
      {"February 29, 2024", "2024-02-29"},
      // Not dates: an impossible day, a leap day in a common year, a bare
      // number.
      {"February 30, 2025", ""},
      {"February 29, 2025", ""},
      {"2025-13-01", ""},
  };
  for (const auto& [written, iso] : dates) {
    INFO(written);
    const ImportedDocument d = ImportOneArticle(
        "Magnesium and Sleep\n\nBy Jordan Avery\n\n" + written +
            "\n\nMagnesium is a mineral that many people take at night.\n",
        "dated.txt");
    CHECK(d.document.date == iso);
  }
}

TEST_CASE("bylines", "[importers][text]") {
  const std::vector<std::pair<std::string, std::vector<std::string>>> lines = {
      {"By Maya Richardson", {"Maya Richardson"}},
      {"by maya richardson", {}},  // not written as a name
      {"Written by Grant Tinsley, PhD on April 29, 2018",
       {"Grant Tinsley, PhD"}},
      {"By Jordan Avery and Sam Lee | March 3, 2026",
       {"Jordan Avery", "Sam Lee"}},
      {"By Anna van der Berg, Ben Okafor, and Chloé Martin",
       {"Anna van der Berg", "Ben Okafor", "Chlo\xC3\xA9 Martin"}},
      {"Author: Cat Lafuente", {"Cat Lafuente"}},
      {"By Cat Lafuente / June 12, 2020", {"Cat Lafuente"}},
      {"By understanding the benefits of magnesium, you can sleep", {}},
      {"By 2030, experts expect more people to take magnesium", {}},
      {"Medically reviewed by Daniel Bubnis, MS", {}},
  };
  for (const auto& [line, authors] : lines) {
    INFO(line);
    const ImportedDocument d = ImportOneArticle(
        "Magnesium and Sleep\n\n" + line +
            "\n\nMagnesium is a mineral that many people take at night.\n",
        "byline.txt");
    CHECK(d.document.authors == authors);
  }
}

TEST_CASE("titles: the first line when it reads as one", "[importers][text]") {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"Magnesium does not improve sleep.\n", ""},
      {"Magnesium and Sleep\nMagnesium is a mineral.\n", "Magnesium and Sleep"},
      {"Does Magnesium Help? What Trials Say\n\nText here.\n",
       "Does Magnesium Help? What Trials Say"},
      {"  \xE2\x80\xA2 Magnesium helps sleep\n", ""},  // a list item
      {"By Jordan Avery\n\nMagnesium is a mineral.\n", ""},
      // A masthead repeated at the foot of the page gives way to the title.
      {"Sleep Clinic Blog\n\nMagnesium and Sleep\n\nMagnesium is a "
       "mineral.\n\nSubscribe to Sleep Clinic Blog\n",
       "Magnesium and Sleep"},
  };
  for (const auto& [text, title] : cases) {
    INFO(text);
    CHECK(ImportOneArticle(text, "t.txt").document.title == title);
  }
}

TEST_CASE("the example article: metadata and cited claims",
          "[importers][text]") {
  const ImportedDocument d =
      ImportArticleFile(SourceDir() + "/examples/magnesium-and-sleep.txt");
  CHECK(d.document.title ==
        "Can Magnesium Fix Your Sleep? What the Evidence Says");
  CHECK(d.document.authors == std::vector<std::string>{"Jordan Avery"});
  CHECK(d.document.date == "2026-03-03");
  CHECK(CitedPmids(d.document) ==
        std::set<std::string>{"23853635", "33865376"});
  const ArticleClaims a = ExtractArticle(d);
  REQUIRE(a.doc.citations.size() == 2);
  const std::size_t s = a.doc.citation_sentences[0];
  REQUIRE(s < a.doc.text.sentences().size());
  CHECK(a.doc.text.SentenceText(s).starts_with("In a small randomized trial"));
  CHECK(a.doc.text.str().substr(
            a.doc.citations[0].start,
            a.doc.citations[0].end - a.doc.citations[0].start) ==
        "PMID 23853635");
  // The disclaimer is boilerplate; the claims are those of before.
  CHECK(PartsText(d, true).starts_with("Disclaimer"));
  CHECK(a.claims.size() == 17);
}

TEST_CASE("written references attribute their sentence", "[importers][text]") {
  const std::string text =
      "Magnesium and Sleep\n\n"
      "Magnesium improves sleep quality in older adults (Abbasi et al., "
      "2012).\n\n"
      "Magnesium reduces anxiety (PMID 23853635).\n\n"
      "Magnesium lowers cortisol. (Abbasi et al., 2012).\n\n"
      "Magnesium relaxes muscles.\n";
  const ArticleClaims a = ExtractArticle(ImportOneArticle(text, "refs.txt"));
  std::map<std::string, Attribution> by_object;
  std::string dump;
  for (const Claim& c : a.claims) {
    if (c.object != nullptr) by_object[c.object->id] = c.attribution;
    dump += Triple(c) + " " + AttributionName(c.attribution) + "\n";
  }
  INFO(dump);
  CHECK(by_object.at("sleep_quality") == Attribution::kUnnamed);
  CHECK(by_object.at("anxiety") == Attribution::kCited);
  // The reference after the full stop attributes the sentence before it.
  CHECK(by_object.at("cortisol") == Attribution::kUnnamed);
  CHECK(by_object.at("muscle_tension") == Attribution::kNone);
}

TEST_CASE("inputs that are refused or repaired", "[importers][text]") {
  // Binary: refused by format detection, naming the place.
  CHECK(DetectFormat("x.dat", std::string("PK\x03\x04\0\0bin", 9)) ==
        InputFormat::kUnknown);
  CHECK(UnknownFormatReason("x.dat", std::string("PK\x03\x04\0\0bin", 9))
            .starts_with("byte 4: binary data"));
  CHECK(UnknownFormatReason("x.txt", "").starts_with("empty document"));
  CHECK(UnknownFormatReason("x.xml", "<?xml version='1.0'?><a/>")
            .find("not a PubmedArticleSet") != std::string::npos);
  // JSON (a FakeHealth record, say) is data, not an article.
  CHECK(DetectFormat("story.json", "{\"title\": \"x\"}") ==
        InputFormat::kUnknown);
  CHECK(DetectFormat("-", " {\"title\": \"x\"}") == InputFormat::kUnknown);
  CHECK(UnknownFormatReason("story.json", "{}").starts_with("JSON"));
  ArticleImport bin =
      ImportArticle(std::string("PK\x03\x04\0\0bin", 9), "x.dat");
  CHECK(bin.status.code() == Status::Code::kInvalidArgument);
  CHECK(bin.docs.empty());

  // White space only: an empty document, named.
  ArticleImport blank = ImportArticle(" \n\n \n", "blank.txt");
  CHECK(blank.status.code() == Status::Code::kInvalidArgument);
  CHECK(blank.status.message() ==
        "blank.txt: empty document (no text to read)");

  // A NUL past the first bytes detection reads: refused with its offset.
  std::string late(10000, 'a');
  late += '\0';
  ArticleImport nul = ImportArticle(late, "late.txt");
  CHECK(nul.status.message().starts_with("late.txt: byte 10000: binary data"));

  // Invalid UTF-8 is repaired and reported with the offset in the file.
  ArticleImport bad = ImportArticle("Magnesium \xFF helps sleep.\n", "bad.txt");
  REQUIRE(bad.status.ok());
  REQUIRE(bad.problems.size() == 1);
  CHECK(bad.problems[0].ToString() ==
        "bad.txt: byte 10: invalid UTF-8 replaced with U+FFFD");
}

}  // namespace
}  // namespace claimcheck::testing
