#include <cstring>

#include "claimcheck/text.h"
#include "test_util.h"

namespace claimcheck {

namespace {

struct Split {
  std::vector<std::string> texts;
  std::vector<Sentence::Kind> kinds;
};

Split SplitOf(const std::string& text) {
  Split out;
  for (const Sentence& s : SplitSentences(text)) {
    out.texts.push_back(text.substr(s.start, s.end - s.start));
    out.kinds.push_back(s.kind);
  }
  return out;
}

using K = Sentence::Kind;

}  // namespace

// Passages written for these tests; each holds one of the hard cases the seed
// articles have (their real text is checked in the next test case).
TEST_CASE("SplitSentences: table of hard cases", "[sentences]") {
  struct Case {
    const char* name;
    std::string text;
    std::vector<std::string> sentences;
  };
  const std::vector<Case> cases = {
      {"abbreviation e.g. before a capital",
       "Some forms, e.g. Magnesium glycinate, are gentle. Others are not.",
       {"Some forms, e.g. Magnesium glycinate, are gentle.",
        "Others are not."}},
      {"vs. and et al.",
       "Citrate vs. Oxide was tested by Walker et al. The result was clear.",
       {"Citrate vs. Oxide was tested by Walker et al. The result was clear."}},
      {"a URL with a full stop before a capital stays whole",
       "See https://doi.org/10.1002/14651858.CD009402.pub3 for more. Then "
       "rest.",
       {"See https://doi.org/10.1002/14651858.CD009402.pub3 for more.",
        "Then rest."}},
      {"a Chinese full stop still ends a sentence",
       "\xE9\x95\x81\xE6\x98\xAF\xE7\x9F\xBF\xE7\x89\xA9\xE3\x80\x82"
       "\xE5\xA5\xBD\xE3\x80\x82",
       {"\xE9\x95\x81\xE6\x98\xAF\xE7\x9F\xBF\xE7\x89\xA9\xE3\x80\x82",
        "\xE5\xA5\xBD\xE3\x80\x82"}},
      {"mg. followed by lower case",
       "Take 200 mg. daily with food. Then rest.",
       {"Take 200 mg. daily with food.", "Then rest."}},
      {"mg. ending a sentence",
       "The dose was 350 mg. It was safe.",
       {"The dose was 350 mg.", "It was safe."}},
      {"en dash ranges stay inside",
       "Adults need 310\xE2\x80\x93"
       "420 mg a day. Take it 30\xE2\x80\x93"
       "60 minutes before bed.",
       {"Adults need 310\xE2\x80\x93"
        "420 mg a day.",
        "Take it 30\xE2\x80\x93"
        "60 minutes before bed."}},
      {"curly quotes close a sentence",
       "She said \xE2\x80\x9CIt works.\xE2\x80\x9D Then she slept.",
       {"She said \xE2\x80\x9CIt works.\xE2\x80\x9D", "Then she slept."}},
      {"heading on its own line",
       "Understanding Sleep\nMagnesium is a mineral. It matters.",
       {"Understanding Sleep", "Magnesium is a mineral.", "It matters."}},
      {"numbered heading loses its number",
       "1. Promotes Calm\n\nIt may help.",
       {"Promotes Calm", "It may help."}},
      {"bullets: bullet sign, en dash, asterisk",
       "Signs include:\n  \xE2\x80\xA2 Cramps at night\n\xE2\x80\x93 Dose: "
       "100 mg a day.\n* Fatigue",
       {"Signs include:", "Cramps at night", "Dose: 100 mg a day.", "Fatigue"}},
      {"wrapped prose is joined",
       "Magnesium plays a role in\nmany processes of the body.",
       {"Magnesium plays a role in\nmany processes of the body."}},
      {"FAQ question, dash, answer",
       "Is it safe? \xE2\x80\x93 Mostly. Ask first. Why? - Because.",
       {"Is it safe?", "Mostly.", "Ask first.", "Why?", "Because."}},
      {"a dash inside a sentence does not split it",
       "Women need less \xE2\x80\x93 about 300 mg.",
       {"Women need less \xE2\x80\x93 about 300 mg."}},
      {"question then answer",
       "Does it work? Trials say little.",
       {"Does it work?", "Trials say little."}},
      {"non-breaking and zero-width spaces are blanks",
       "\xC2\xA0\xE2\x80\x8BMagnesium helps.\xC2\xA0 It is cheap.",
       {"Magnesium helps.", "It is cheap."}},
      {"Greek letters do not end sentences",
       "\xCE\xB3-Aminobutyric acid calms. GABA-A is a receptor.",
       {"\xCE\xB3-Aminobutyric acid calms.", "GABA-A is a receptor."}},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    CHECK(SplitOf(c.text).texts == c.sentences);
  }
}

TEST_CASE("SplitSentences: kinds of units", "[sentences]") {
  const Split s = SplitOf(
      "Magnesium and Sleep\n\nMagnesium helps. A lot.\n\n"
      "  \xE2\x80\xA2 Heart palpitations\n2. Improves Sleep Quality\n"
      "3. Take it with food, as most people do.");
  REQUIRE(s.kinds.size() == 6);
  CHECK(s.kinds[0] == K::kHeading);
  CHECK(s.kinds[1] == K::kBody);
  CHECK(s.kinds[2] == K::kBody);
  CHECK(s.kinds[3] == K::kListItem);  // a bullet is never a heading
  CHECK(s.kinds[4] == K::kHeading);   // a short numbered title is
  CHECK(s.kinds[5] == K::kListItem);
}

TEST_CASE("SplitSentences: offsets point into the text", "[sentences]") {
  const std::string text = "  Hello there.  Second one!\n\nThird";
  for (const Sentence& s : SplitSentences(text)) {
    REQUIRE(s.start < s.end);
    REQUIRE(s.end <= text.size());
    CHECK(text[s.start] != ' ');
    CHECK(text[s.end - 1] != ' ');
  }
  CHECK(SplitSentences("").empty());
  CHECK(SplitSentences("\n\n  \n").empty());
}

// The real seed articles: each anchor (a few words of the seed) must begin a
// sentence of the expected kind, and the sentence must end as expected.
TEST_CASE("SplitSentences: real seed passages", "[sentences][seeds]") {
  struct Anchor {
    const char* seed;
    const char* begins;
    const char* ends;
    K kind;
  };
  const Anchor anchors[] = {
      {"000", "Understanding Magnesium and Sleep",
       "Understanding Magnesium and Sleep", K::kHeading},
      {"000", "Promotes Relaxation", "Promotes Relaxation", K::kHeading},
      {"000", "Dosage: A typical dose",
       "provider\xE2\x80\x99s recommendations.", K::kListItem},
      {"000", "Timing: Taking magnesium citrate about 1-2 hours",
       "improve sleep quality.", K::kListItem},
      {"001", "Muscle Relaxation: Magnesium is involved", "spasms.",
       K::kListItem},
      {"001", "Use magnesium for sleep", "Use magnesium for sleep",
       K::kHeading},
      {"002", "Understanding Magnesium\xE2\x80\x99s Role in Sleep and Anxiety",
       "Sleep and Anxiety", K::kHeading},
      {"002", "This mineral binds to gamma-aminobutyric acid",
       "promotes calmness.", K::kBody},
      {"002",
       "Magnesium citrate is typically taken in doses ranging from "
       "200\xE2\x80\x93"
       "400 mg",
       "to support sleep.", K::kBody},
      {"003", "By\xC2\xA0Maya Richardson", "Maya Richardson", K::kHeading},
      {"003",
       "The ideal time to take it is 30\xE2\x80\x93"
       "60 minutes",
       "when the body is relaxed.", K::kBody},
      {"003", "Does magnesium citrate help you sleep better?",
       "help you sleep better?", K::kListItem},
      {"004", "Heart palpitations", "Heart palpitations", K::kListItem},
      {"004", "In general, women need a smaller dosage than men",
       "up to 400 mg.", K::kBody},
  };
  for (const Anchor& a : anchors) {
    INFO("seed " << a.seed << ": " << a.begins);
    const std::string raw = testing::Slurp(testing::SeedPath(a.seed));
    auto text = Text::FromBytes(raw, a.seed, nullptr);
    REQUIRE(text.ok());
    bool found = false;
    for (std::size_t i = 0; i < text.value().sentences().size(); ++i) {
      const std::string_view s = text.value().SentenceText(i);
      if (s.rfind(a.begins, 0) != 0) continue;
      found = true;
      CHECK(s.size() >= std::strlen(a.ends));
      CHECK(s.substr(s.size() - std::strlen(a.ends)) == a.ends);
      CHECK(text.value().sentences()[i].kind == a.kind);
      break;
    }
    CHECK(found);
  }
}

TEST_CASE("SplitSentences: no sentence of a seed spans a blank line",
          "[sentences][seeds]") {
  for (const char* seed : {"000", "001", "002", "003", "004"}) {
    INFO("seed " << seed);
    const std::string raw = testing::Slurp(testing::SeedPath(seed));
    auto text = Text::FromBytes(raw, seed, nullptr);
    REQUIRE(text.ok());
    CHECK(text.value().sentences().size() > 20);
    for (std::size_t i = 0; i < text.value().sentences().size(); ++i) {
      const std::string_view s = text.value().SentenceText(i);
      CHECK(s.find("\n\n") == std::string_view::npos);
      CHECK(s.find('\n') == std::string_view::npos);  // seeds have no wraps
    }
  }
}

// A run without a sentence end is cut into pieces of kMaxSentenceBytes at
// most, after a blank, losing no word; the seeds' sentences are far shorter,
// so none of them is cut.
TEST_CASE("SplitSentences: a run-on text is cut into bounded sentences",
          "[sentences][seeds]") {
  std::string run_on;
  for (const char* seed : {"000", "001", "002", "003", "004"}) {
    const std::string raw = testing::Slurp(testing::SeedPath(seed));
    auto text = Text::FromBytes(raw, seed, nullptr);
    REQUIRE(text.ok());
    for (std::size_t i = 0; i < text.value().sentences().size(); ++i) {
      CHECK(text.value().SentenceText(i).size() < kMaxSentenceBytes / 2);
    }
    run_on += raw + " ";
  }
  for (char& c : run_on) {
    if (c == '.' || c == '!' || c == '?' || c == '\n') c = ' ';
  }
  const std::vector<Sentence> sentences = SplitSentences(run_on);
  REQUIRE(sentences.size() > run_on.size() / kMaxSentenceBytes);
  std::string words;
  for (std::size_t k = 0; k < sentences.size(); ++k) {
    const Sentence& s = sentences[k];
    CHECK(s.end - s.start <= kMaxSentenceBytes);
    // Cut after the last blank before the limit, not at every blank.
    if (k + 1 < sentences.size())
      CHECK(s.end - s.start > kMaxSentenceBytes - 40);
    CHECK(run_on[s.start] != ' ');
    CHECK(run_on[s.end - 1] != ' ');
    for (const Token& t : Tokenize(run_on, s.start, s.end)) {
      words += t.cased + " ";
    }
  }
  std::string all_words;
  for (const Token& t : Tokenize(run_on)) all_words += t.cased + " ";
  CHECK(words == all_words);

  // No blank at all: cut between characters, never inside one (a 3-byte
  // character does not end at the limit, 2,000 bytes).
  std::string han;
  for (int i = 0; i < 2000; ++i) han += "\xE4\xB8\xAD";  // U+4E2D
  const std::vector<Sentence> cut = SplitSentences(han);
  REQUIRE(cut.size() == 4);
  std::size_t covered = 0;
  for (const Sentence& s : cut) {
    CHECK(s.start == covered);
    CHECK((s.end - s.start) % 3 == 0);
    CHECK(s.end - s.start <= kMaxSentenceBytes);
    covered = s.end;
  }
  CHECK(covered == han.size());
}

}  // namespace claimcheck
