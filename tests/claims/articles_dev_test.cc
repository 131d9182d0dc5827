// Claim extraction on text nobody tuned for (issue 22): the 27 pages of
// ../shared/corpus/articles-dev against the claims helpers who do not write
// the rules labelled in tests/claims/articles_dev_gold/ (sentence offsets
// and triples, no article text; docs/splits.md gives the halves). Prints
// precision, claims on a wrong subject, reversed claims and recall for the
// dev half, the test half and the whole.
#include <rapidjson/document.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "claimcheck/pipeline.h"
#include "claims/claims_test_util.h"

namespace claimcheck::testing {
namespace {

namespace fs = std::filesystem;

struct GoldClaim {
  std::size_t sentence = 0, start = 0, end = 0;
  std::string kind, subject, relation, object;
  bool found = false;  // an extracted claim is this one
};

struct GoldPage {
  std::string page;  // the file name in articles-dev
  std::string half;  // "dev" or "test"
  std::vector<GoldClaim> claims;
};

// tests/claims/articles_dev_gold/<stem>.tsv; the page is <stem>.md or
// <stem>.json, the half from the "# half:" line.
GoldPage ReadGold(const fs::path& file) {
  GoldPage g;
  const std::string stem = file.stem().string();
  const std::string dir = SharedDir() + "/corpus/articles-dev/";
  g.page = fs::exists(dir + stem + ".md") ? stem + ".md" : stem + ".json";
  std::ifstream in(file);
  REQUIRE(in);
  bool header = false;
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("# half:", 0) == 0) {
      std::stringstream words(line.substr(7));
      words >> g.half;
      continue;
    }
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> f;
    std::stringstream ss(line);
    for (std::string field; std::getline(ss, field, '\t');) f.push_back(field);
    if (!header) {
      REQUIRE(line.rfind(
                  "sentence\tstart\tend\tkind\tsubject\trelation\tobject", 0) ==
              0);
      header = true;
      continue;
    }
    INFO(file.string() << ": " << line);
    REQUIRE(f.size() >= 7);
    GoldClaim c;
    c.sentence = std::stoul(f[0]);
    c.start = std::stoul(f[1]);
    c.end = std::stoul(f[2]);
    c.kind = f[3];
    c.subject = f[4];
    c.relation = f[5];
    c.object = f[6];
    g.claims.push_back(std::move(c));
  }
  INFO(file.string());
  REQUIRE((g.half == "dev" || g.half == "test"));
  return g;
}

// The page as claimcheck reads it: a Markdown page as it is; a FakeHealth
// record as its title, a blank line and its text (../shared/corpus/
// articles-dev/SOURCES.md).
ReadDocument ReadPage(const std::string& page) {
  const std::string path = SharedDir() + "/corpus/articles-dev/" + page;
  std::string bytes = Slurp(path), name = path;
  if (page.size() > 5 && page.substr(page.size() - 5) == ".json") {
    rapidjson::Document d;
    d.Parse(bytes.c_str());
    REQUIRE(d.IsObject());
    bytes =
        std::string(d["title"].GetString()) + "\n\n" + d["text"].GetString();
    name = path.substr(0, path.size() - 5) + ".txt";
  }
  ReadDocument read;
  Diagnostics warnings;
  REQUIRE(ReadDocumentBytes(bytes, name, &read, &warnings).ok());
  return read;
}

std::string ObjectOf(const Claim& c) { return c.object ? c.object->id : "-"; }

bool Opposite(const std::string& a, const std::string& b) {
  return (a == "increases" && b == "decreases") ||
         (a == "decreases" && b == "increases");
}

struct Score {
  int extracted = 0, right = 0, wrong_subject = 0, reversed = 0;
  int gold = 0, recalled = 0, misaligned = 0;
  std::string Line(const std::string& name) const {
    auto pct = [](int a, int b) {
      return b == 0 ? std::string("-")
                    : std::to_string(100.0 * a / b).substr(0, 5) + "%";
    };
    return name + ": precision " + pct(right, extracted) + " (" +
           std::to_string(right) + "/" + std::to_string(extracted) +
           "), wrong subject " + pct(wrong_subject, extracted) + ", reversed " +
           pct(reversed, extracted) + ", recall " + pct(recalled, gold) + " (" +
           std::to_string(recalled) + "/" + std::to_string(gold) + ")" +
           (misaligned ? ", " + std::to_string(misaligned) +
                             " gold rows whose sentence moved"
                       : std::string()) +
           "\n";
  }
};

TEST_CASE("claims: articles-dev pages against the helpers' gold",
          "[claims][articles-dev]") {
  const fs::path dir =
      fs::path(CLAIMCHECK_SOURCE_DIR) / "tests/claims/articles_dev_gold";
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().extension() == ".tsv") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  REQUIRE(files.size() == 27);
  std::map<std::string, Score> score;  // "dev", "test", "all"
  std::string wrong;
  const ClaimExtractor& extractor = RealExtractor();
  for (const fs::path& file : files) {
    GoldPage gold = ReadGold(file);
    const ReadDocument read = ReadPage(gold.page);
    const Text& text = read.text.text;
    const std::vector<Claim> claims = extractor.Extract(
        text, extractor.matcher().Match(text), read.text.context);
    for (const std::string& key : {gold.half, std::string("all")}) {
      score[key].gold += static_cast<int>(gold.claims.size());
    }
    // Gold rows whose sentence is not where it was labelled (the text
    // layer changed) are counted and never matched.
    std::vector<bool> aligned;
    for (const GoldClaim& g : gold.claims) {
      const bool ok = g.sentence < text.sentences().size() &&
                      text.sentences()[g.sentence].start == g.start &&
                      text.sentences()[g.sentence].end == g.end;
      aligned.push_back(ok);
      if (!ok) {
        for (const std::string& key : {gold.half, std::string("all")}) {
          ++score[key].misaligned;
        }
      }
    }
    for (const Claim& c : claims) {
      if (c.question) continue;  // asked, not asserted: not labelled
      bool right = false, wrong_subject = false, reversed = false;
      for (std::size_t i = 0; i < gold.claims.size(); ++i) {
        GoldClaim& g = gold.claims[i];
        if (!aligned[i] || g.sentence != c.sentence) continue;
        const bool subject = Same(c.subject, g.subject);
        const bool object =
            c.object ? Same(c.object, g.object)
                     : g.object == "-" || g.object == "label:" + c.category;
        if (subject && object && c.relation == g.relation) {
          right = true;
          g.found = true;
        } else if (!subject && object && c.relation == g.relation) {
          wrong_subject = true;
        } else if (subject && object && Opposite(c.relation, g.relation)) {
          reversed = true;
        }
      }
      for (const std::string& key : {gold.half, std::string("all")}) {
        Score& s = score[key];
        ++s.extracted;
        s.right += right;
        s.wrong_subject += !right && wrong_subject;
        s.reversed += !right && !wrong_subject && reversed;
      }
      if (!right && wrong.size() < 20000) {
        wrong += gold.half + " " + gold.page + " sentence " +
                 std::to_string(c.sentence) + ": " + c.subject->id + " " +
                 c.relation + " " + ObjectOf(c) +
                 (wrong_subject ? "  [wrong subject]"
                  : reversed    ? "  [reversed]"
                                : "") +
                 "\n";
      }
    }
    for (const GoldClaim& g : gold.claims) {
      for (const std::string& key : {gold.half, std::string("all")}) {
        score[key].recalled += g.found;
      }
    }
  }
  std::string report;
  for (const char* key : {"dev", "test", "all"}) report += score[key].Line(key);
  INFO(report << wrong);
  WARN(report);
  REQUIRE(score["all"].gold >= 300);
  // Issue 22's goals on the test half: precision >= 85 %, wrong subject
  // <= 2 %, reversed <= 2 %, recall >= 60 %: none met yet (docs/claims.md,
  // "Measured on articles-dev"). These floors guard what held when they
  // were set (session 11: 50.6 %, 19.5 %, 1.9 %, 17.9 %) and are moved
  // toward the goals as the extractor earns it.
  const Score& t = score["test"];
  CHECK(100.0 * t.right / t.extracted >= 50.0);
  CHECK(100.0 * t.wrong_subject / t.extracted <= 20.0);
  CHECK(100.0 * t.reversed / t.extracted <= 2.5);
  CHECK(100.0 * t.recalled / t.gold >= 19.0);
  CHECK(t.misaligned == 0);
}

}  // namespace
}  // namespace claimcheck::testing
