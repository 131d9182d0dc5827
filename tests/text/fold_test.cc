#include "claimcheck/text.h"
#include "test_util.h"

namespace claimcheck {

TEST_CASE("FoldToken: case, compatibility forms, diacritics", "[fold]") {
  struct Case {
    const char* in;
    const char* folded;
  };
  const Case cases[] = {
      {"GABA", "gaba"},
      {"Magnesium", "magnesium"},
      {"MAGNÉSIUM", "magnesium"},          // diacritics ignored
      {"magne\xCC\x81sium", "magnesium"},  // combining acute accent
      {"\xEF\xBC\xAD\xEF\xBD\x87", "mg"},  // full-width "Ｍｇ"
      {"\xEF\xAC\x81"
       "bre",
       "fibre"},  // "ﬁ" ligature
      {"mag\xC2\xAD"
       "nesium",
       "magnesium"},  // soft hyphen inside the word
      {"Stra\xC3\x9F"
       "e",
       "strasse"},  // ß folds to ss
  };
  for (const Case& c : cases) {
    INFO(c.in);
    CHECK(FoldToken(c.in) == c.folded);
  }
}

TEST_CASE("FoldToken: Greek letters are spelled out", "[fold]") {
  CHECK(FoldToken("\xCE\xB3") == "gamma");  // γ
  CHECK(FoldToken("\xCE\x93") == "gamma");  // Γ
  CHECK(FoldToken("\xCE\xB1") == "alpha");
  CHECK(FoldToken("\xCE\xB2") == "beta");
  CHECK(FoldToken("\xCE\xBA") == "kappa");
  // The micro sign is NFKC mu; as part of a unit it is not spelled out.
  CHECK(FoldToken("\xC2\xB5g") == "\xCE\xBCg");
}

TEST_CASE("FoldToken: apostrophes, possessives and plurals", "[fold]") {
  struct Case {
    const char* in;
    const char* folded;
  };
  const Case cases[] = {
      {"Magnesium\xE2\x80\x99s", "magnesium"},  // curly apostrophe
      {"magnesium's", "magnesium"},
      {"receptors", "receptor"},
      {"therapies", "therapy"},
      {"classes", "class"},
      {"stress", "stress"},    // -ss is not a plural
      {"nervous", "nervous"},  // -us is not a plural
      {"analysis", "analysis"},
      {"gas", "gas"},  // too short to reduce
      {"cramps", "cramp"},
  };
  for (const Case& c : cases) {
    INFO(c.in);
    CHECK(FoldToken(c.in) == c.folded);
  }
}

TEST_CASE("FoldToken without case folding keeps the case", "[fold]") {
  CHECK(FoldToken("Mg", false) == "Mg");
  CHECK(FoldToken("mg", false) == "mg");
  CHECK(FoldToken("RLS", false) == "RLS");  // a capital S is no plural
  CHECK(FoldToken("\xEF\xBC\xAD\xEF\xBD\x87", false) == "Mg");
}

}  // namespace claimcheck
