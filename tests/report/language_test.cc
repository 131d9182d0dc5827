// Which language a page is in, and what the audit does with a page that is
// not in English (src/audit/language.cc; docs/audit.md, "Language").
#include <catch2/catch.hpp>
#include <filesystem>
#include <string>

#include "claimcheck/audit.h"
#include "report/audit_test_util.h"

namespace claimcheck {
namespace {

namespace fs = std::filesystem;

LanguageGuess Guess(const std::string& declared, const std::string& text) {
  Result<Text> t = Text::FromBytes(text, "x", nullptr);
  REQUIRE(t.ok());
  return GuessLanguage(testing::RealKnowledgeBase().audit_cues(), declared,
                       t.value());
}

TEST_CASE("language: every real English page is read as English",
          "[report][language]") {
  std::vector<fs::path> pages;
  for (const char* dir : {"seeds", "corpus/articles", "corpus/articles-dev"}) {
    for (const auto& e :
         fs::directory_iterator(fs::path(testing::SharedDir()) / dir)) {
      const std::string ext = e.path().extension().string();
      if ((ext == ".txt" || ext == ".md" || ext == ".html") &&
          e.path().filename() != "SOURCES.md") {
        pages.push_back(e.path());
      }
    }
  }
  std::sort(pages.begin(), pages.end());
  REQUIRE(pages.size() > 20);
  int by_words = 0;
  for (const fs::path& page : pages) {
    auto audited =
        testing::AuditBytes(testing::Slurp(page.string()), page.string());
    INFO(page);
    const LanguageGuess& g = audited->audit.language;
    CHECK(g.english());
    CHECK(g.code == "en");  // each is long enough to tell
    by_words += g.source == "function words";
    for (const std::string& note : audited->audit.notes) {
      CHECK(note.find("reads English only") == std::string::npos);
    }
    // A score may be withheld for too few judged claims, never for the
    // language.
    CHECK(audited->audit.summary.score_withheld.find("English only") ==
          std::string::npos);
  }
  // Only the two saved web pages declare a language (lang="en", "en-US").
  CHECK(by_words == static_cast<int>(pages.size()) - 2);
}

TEST_CASE("language: declared codes, and function words when none is",
          "[report][language]") {
  const std::string english =
      "Magnesium is a mineral that is found in many foods. It has been "
      "studied for sleep, and the results of the trials are mixed.";
  CHECK(Guess("de-DE", english).code == "de");
  CHECK(Guess("de-DE", english).source == "declared");
  CHECK(Guess("ger", english).name == "German");
  CHECK(Guess("ENG", english).code == "en");
  const LanguageGuess japanese = Guess("jpn", english);
  CHECK(japanese.code == "jpn");
  CHECK(japanese.name.empty());
  CHECK_FALSE(japanese.english());
  // "und" (undetermined) and junk are no declaration: the words decide.
  CHECK(Guess("und", english).code == "en");
  CHECK(Guess("x", english).source == "function words");
  // Written for this test, in the style of a supplement page.
  CHECK(Guess("",
              "Magnesium ist ein Mineral, das für den Schlaf wichtig "
              "ist. Studien zeigen, dass es die Schlafqualität "
              "verbessert und bei Krämpfen eingesetzt wird, aber die "
              "Daten sind nicht eindeutig.")
            .code == "de");
  CHECK(Guess("",
              "Le magnésium est un minéral qui est important pour le "
              "sommeil. Les études montrent que la qualité du sommeil "
              "est meilleure avec une dose le soir, mais les données "
              "sont limitées pour les crampes.")
            .code == "fr");
  CHECK(Guess("",
              "El magnesio es un mineral que es importante para el "
              "sueño. Los estudios muestran que la calidad del sueño "
              "mejora con una dosis por la noche, pero los datos son "
              "limitados para los calambres y la ansiedad.")
            .code == "es");
  // Too little text to tell: not a language, so not refused as foreign.
  const LanguageGuess short_text = Guess("", "Magnesium improves sleep.");
  CHECK(short_text.code.empty());
  CHECK(short_text.english());
}

TEST_CASE("language: a page in another language gets no score, and says why",
          "[report][language]") {
  const std::string page =
      "<html lang=\"de\"><head><title>Magnesium</title></head><body>"
      "<p>Magnesium improves sleep quality.</p>"
      "<p>Magnesium reduces anxiety.</p></body></html>";
  auto audited = testing::AuditBytes(page, "de.html");
  const Audit& audit = audited->audit;
  REQUIRE_FALSE(audit.claims.empty());
  CHECK(audit.language.code == "de");
  CHECK(audit.summary.score == -1);
  CHECK(audit.summary.score_withheld ==
        "The page is in German (declared by the page); claimcheck reads "
        "English only");
  REQUIRE_FALSE(audit.notes.empty());
  CHECK(audit.notes.front().find("reads English only") != std::string::npos);
  const std::string text = AuditText(audited->Report("de.html"), false);
  CHECK(text.find("language: German (de, declared by the page)") !=
        std::string::npos);
  CHECK(text.find("withheld: The page is in German") != std::string::npos);
  // The same page in English is scored.
  std::string english = page;
  english.replace(english.find("lang=\"de\""), 9, "lang=\"en\"");
  auto scored = testing::AuditBytes(english, "en.html");
  CHECK(scored->audit.summary.score >= 0);
  CHECK(scored->audit.notes.empty());
}

TEST_CASE("audit: no claim found says why, at the top of every format",
          "[report][language]") {
  auto none = testing::AuditBytes(
      "A walk\n\nThe weather was nice. We walked for an hour and talked.\n",
      "walk.txt");
  REQUIRE(none->audit.claims.empty());
  REQUIRE(none->audit.notes.size() == 1);
  CHECK(none->audit.notes[0].starts_with("No claim found: the text names"));
  auto named = testing::AuditBytes(
      "Magnesium\n\nMagnesium and sleep were on the menu at the meeting.\n",
      "named.txt");
  if (named->audit.claims.empty()) {
    REQUIRE(named->audit.notes.size() == 1);
    CHECK(named->audit.notes[0].find("(magnesium") != std::string::npos);
  }
  const AuditReport r = none->Report("walk.txt");
  const std::string text = AuditText(r, false);
  const std::string md = AuditMarkdown(r);
  const std::string html = AuditHtml(r);
  // Before the verdict counts in each.
  CHECK(text.find("Note: No claim found") < text.find("Verdicts"));
  CHECK(md.find("> **Note:** No claim found") < md.find("## Summary"));
  CHECK(html.find("<p class=\"note\" role=\"note\"><b>Note:</b> No claim") <
        html.find("id=\"summary\""));
}

}  // namespace
}  // namespace claimcheck
