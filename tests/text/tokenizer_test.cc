#include <random>

#include "claimcheck/text.h"
#include "test_util.h"

namespace claimcheck {

namespace {

std::vector<std::string> Folds(const std::vector<Token>& tokens) {
  std::vector<std::string> out;
  for (const Token& t : tokens) out.push_back(t.fold);
  return out;
}

}  // namespace

TEST_CASE("Tokenize: words and numbers with byte offsets", "[tokenize]") {
  const std::string text =
      "Take 200\xE2\x80\x93"
      "400 mg of Mg.";
  const auto tokens = Tokenize(text);
  CHECK(Folds(tokens) ==
        std::vector<std::string>{"take", "200", "400", "mg", "of", "mg"});
  REQUIRE(tokens.size() == 6);
  CHECK(text.substr(tokens[2].start, tokens[2].end - tokens[2].start) == "400");
  CHECK(tokens[5].cased == "Mg");
  CHECK(tokens[3].cased == "mg");
  CHECK(tokens[2].gap_ok);  // an en dash joins like a hyphen
}

TEST_CASE("Tokenize: Greek letters and hyphens", "[tokenize]") {
  const auto greek = Tokenize("\xCE\xB3-aminobutyric acid");
  CHECK(Folds(greek) ==
        std::vector<std::string>{"gamma", "aminobutyric", "acid"});
  const auto spelled = Tokenize("gamma-aminobutyric acid");
  CHECK(Folds(spelled) == Folds(greek));
  const auto gaba_a = Tokenize("GABA-A receptors");
  CHECK(Folds(gaba_a) == std::vector<std::string>{"gaba", "a", "receptor"});
  CHECK(gaba_a[1].gap_ok);
  CHECK(gaba_a[2].gap_ok);
}

TEST_CASE("Tokenize: invisible and non-breaking spaces", "[tokenize]") {
  // A zero-width space inside a word does not split it.
  const auto zwsp = Tokenize("magne\xE2\x80\x8Bsium citrate");
  CHECK(Folds(zwsp) == std::vector<std::string>{"magnesium", "citrate"});
  // A non-breaking space separates words like a space.
  const auto nbsp = Tokenize(
      "magnesium\xC2\xA0"
      "citrate");
  CHECK(Folds(nbsp) == std::vector<std::string>{"magnesium", "citrate"});
  CHECK(nbsp[1].gap_ok);
}

TEST_CASE("Tokenize: punctuation other than a hyphen breaks a phrase",
          "[tokenize]") {
  const auto comma = Tokenize("magnesium, citrate");
  REQUIRE(comma.size() == 2);
  CHECK_FALSE(comma[1].gap_ok);
  const auto two_dashes = Tokenize("magnesium -- citrate");
  REQUIRE(two_dashes.size() == 2);
  CHECK_FALSE(two_dashes[1].gap_ok);
  const auto paren = Tokenize("magnesium (citrate)");
  REQUIRE(paren.size() == 2);
  CHECK_FALSE(paren[1].gap_ok);
}

TEST_CASE("Tokenize: a span of a larger text keeps absolute offsets",
          "[tokenize]") {
  const std::string text = "First sentence. Second one.";
  const auto tokens = Tokenize(text, 16, text.size());
  REQUIRE(tokens.size() == 2);
  CHECK(tokens[0].start == 16);
  CHECK(text.substr(tokens[0].start, tokens[0].end - tokens[0].start) ==
        "Second");
}

// Plain text (ASCII letters, digits, spaces, hyphens) is split without ICU
// (tokenizer.cc); a final full stop sends the same text through ICU's break
// iterator and is no word itself, so both must give the same tokens.
TEST_CASE("Tokenize: plain phrases split as ICU splits them", "[tokenize]") {
  const std::string alphabet = "aZk9 -0Mx  --";
  std::mt19937 random(20261122);
  std::uniform_int_distribution<std::size_t> length(0, 24);
  std::uniform_int_distribution<std::size_t> pick(0, alphabet.size() - 1);
  std::vector<std::string> texts = {
      "before going to bed", "5-HTP", "GABA-A", "vitamin B6",
      "  take  it - now ",   "-"};
  for (int i = 0; i < 2000; ++i) {
    std::string text;
    for (std::size_t n = length(random); n > 0; --n) {
      text += alphabet[pick(random)];
    }
    texts.push_back(text);
  }
  for (const std::string& text : texts) {
    INFO("text: \"" << text << "\"");
    const std::vector<Token> plain = Tokenize(text);
    const std::string stopped = text + ".";
    const std::vector<Token> icu = Tokenize(stopped);
    REQUIRE(plain.size() == icu.size());
    for (std::size_t k = 0; k < plain.size(); ++k) {
      CHECK(plain[k].start == icu[k].start);
      CHECK(plain[k].end == icu[k].end);
      CHECK(plain[k].fold == icu[k].fold);
      CHECK(plain[k].cased == icu[k].cased);
      CHECK(plain[k].gap_ok == icu[k].gap_ok);
    }
  }
}

TEST_CASE("FoldWords: the folds of Tokenize, in order", "[tokenize]") {
  std::vector<std::string> texts = {
      "",
      "Magnesium Glycinate reduces Cortisol levels",
      "\xCE\xB3-aminobutyric acid (GABA) receptors",
      "magne\xE2\x80\x8Bsium and caf\xC3\xA9ine",  // ZWSP, diacritics
      "people's sleep doesn't improve; it's \xE2\x80\x9Cnot\xE2\x80\x9D",
      "5-HTP, vitamin B6 and 400 mg/day",
      "  ~reduce   to ",
  };
  const std::string alphabet = "aZs9 -'.\xC3\xA9";
  std::mt19937 random(20261122);
  std::uniform_int_distribution<std::size_t> length(0, 30);
  std::uniform_int_distribution<std::size_t> pick(0, alphabet.size() - 1);
  for (int i = 0; i < 500; ++i) {
    std::string text;
    for (std::size_t n = length(random); n > 0; --n) {
      text += alphabet[pick(random)];
    }
    texts.push_back(RepairUtf8(text, nullptr));
  }
  for (const std::string& text : texts) {
    INFO("text: \"" << text << "\"");
    CHECK(FoldWords(text) == Folds(Tokenize(text)));
  }
  CHECK(FoldWords("Magnesium Glycinate reduces") ==
        std::vector<std::string>{"magnesium", "glycinate", "reduce"});
}

}  // namespace claimcheck
