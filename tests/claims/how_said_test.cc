// Must-detect and must-not-detect tables for how a claim is said: hedging,
// negation (NegEx-style scope) and attribution.
#include "claims/claims_test_util.h"

namespace claimcheck::testing {
namespace {

// The claim of a one-claim sentence about `object`.
const Claim& ClaimAbout(const Extracted& e, const std::string& object) {
  for (const Claim& c : e.claims) {
    if (c.object && c.object->id == object) return c;
  }
  FAIL("no claim about " << object << "\n" << Dump(e));
  return e.claims.front();
}

struct Case {
  const char* text;
  const char* object;
};

TEST_CASE("hedging: must detect hedged", "[claims][hedging]") {
  for (const Case& c : std::vector<Case>{
           {"Magnesium may improve sleep.", "sleep"},
           {"Magnesium might reduce anxiety.", "anxiety"},
           {"Magnesium could relieve muscle cramps.", "muscle_cramps"},
           {"Magnesium can help you sleep.", "sleep"},
           {"Magnesium is believed to lower cortisol.", "cortisol"},
           {"Some studies suggest magnesium reduces anxiety.", "anxiety"},
           {"Magnesium appears to improve sleep quality.", "sleep_quality"},
           {"Magnesium possibly eases cramps.", "muscle_cramps"},
           {"Magnesium is thought to calm the nervous system.",
            "neuronal_excitability"},
           {"Magnesium potentially supports deep sleep.", "sleep"},
       }) {
    const Extracted e = ExtractText(c.text);
    INFO(c.text);
    CHECK(ClaimAbout(e, c.object).hedging == Hedging::kHedged);
  }
}

TEST_CASE("hedging: must detect assertive", "[claims][hedging]") {
  for (const Case& c : std::vector<Case>{
           {"Magnesium has been shown to reduce anxiety.", "anxiety"},
           {"Magnesium is proven to improve sleep.", "sleep"},
           {"Magnesium is highly effective in reducing anxiety symptoms.",
            "anxiety"},
           {"Magnesium is clinically proven to relieve cramps.",
            "muscle_cramps"},
           {"Studies confirm that magnesium improves sleep.", "sleep"},
           {"It is well established that magnesium lowers blood pressure.",
            "blood_pressure"},
           {"Magnesium definitely improves sleep quality.", "sleep_quality"},
       }) {
    const Extracted e = ExtractText(c.text);
    INFO(c.text);
    CHECK(ClaimAbout(e, c.object).hedging == Hedging::kAssertive);
  }
}

TEST_CASE("hedging: must not detect", "[claims][hedging]") {
  for (const Case& c : std::vector<Case>{
           {"Magnesium improves sleep.", "sleep"},
           // "May" the month is not a hedge.
           {"In May 2021, a review said magnesium improves sleep.", "sleep"},
           {"Published on 3 May, the report says magnesium reduces anxiety.",
            "anxiety"},
           {"Magnesium can lower blood pressure.", "blood_pressure"},
           {"Magnesium reduces cramps in adults.", "muscle_cramps"},
       }) {
    const Extracted e = ExtractText(c.text);
    INFO(c.text);
    CHECK(ClaimAbout(e, c.object).hedging == Hedging::kPlain);
  }
}

TEST_CASE("negation: must detect", "[claims][negation]") {
  for (const Case& c : std::vector<Case>{
           {"Magnesium did not improve sleep.", "sleep"},
           {"Magnesium does not reduce anxiety.", "anxiety"},
           {"Magnesium had no effect on sleep quality.", "sleep_quality"},
           {"Magnesium failed to improve sleep.", "sleep"},
           {"Magnesium was not associated with better sleep.", "sleep"},
           {"Magnesium produced no significant difference in sleep quality "
            "versus placebo.",
            "sleep_quality"},
           {"Magnesium never lowers cortisol.", "cortisol"},
           {"Magnesium doesn't relieve cramps.", "muscle_cramps"},
           {"Magnesium promotes relaxation without causing drowsiness.",
            "daytime_sleepiness"},
       }) {
    const Extracted e = ExtractText(c.text);
    INFO(c.text << "\n" << Dump(e));
    const Claim& claim = ClaimAbout(e, c.object);
    CHECK(claim.negated);
    CHECK(claim.relation == kNoEffect);
  }
}

TEST_CASE("negation: must not detect", "[claims][negation]") {
  for (const Case& c : std::vector<Case>{
           {"Magnesium not only improves sleep but also reduces anxiety.",
            "sleep"},
           {"Magnesium not only improves sleep but also reduces anxiety.",
            "anxiety"},
           {"There is no doubt that magnesium reduces cramps.",
            "muscle_cramps"},
           {"Magnesium improves sleep without causing drowsiness.", "sleep"},
           {"Not all forms are equal, but magnesium citrate improves sleep.",
            "sleep"},
           {"Without a doubt, magnesium lowers cortisol.", "cortisol"},
           {"Magnesium reduces anxiety, and it is not a substitute for "
            "therapy.",
            "anxiety"},
       }) {
    const Extracted e = ExtractText(c.text);
    INFO(c.text << "\n" << Dump(e));
    const Claim& claim = ClaimAbout(e, c.object);
    CHECK_FALSE(claim.negated);
    CHECK(claim.relation != kNoEffect);
  }
}

TEST_CASE("a deficit flips the subject, not the claim", "[claims][negation]") {
  const Extracted e =
      ExtractText("Without sufficient magnesium, GABA function is impaired.");
  INFO(Dump(e));
  REQUIRE(e.claims.size() == 1);
  CHECK(Triple(e.claims[0]) == "magnesium_deficiency decreases gaba");
  CHECK_FALSE(e.claims[0].negated);
}

TEST_CASE("a category word after a determiner stands for the subject",
          "[claims][anaphor]") {
  // "amino acid" is a MeSH concept (Amino Acids); after "the" or "this"
  // it is the article's subject, unless a name follows it.
  const Extracted e = ExtractText(
      "L-tyrosine is sold in capsules. The amino acid reduces stress. This "
      "amino acid also improves mood.\n\nThe amino acid tyrosine reduces "
      "fatigue.");
  INFO(Dump(e));
  REQUIRE(e.claims.size() == 3);
  for (const Claim& c : e.claims) CHECK(c.subject->mesh == "D014443");
  CHECK(e.claims[0].subject_from == "focus");
  CHECK(e.claims[2].subject_from == "text");
}

TEST_CASE("the form a supplement is sold as is part of its name",
          "[claims][subject]") {
  // "powder" is a MeSH concept (Powders); after a supplement's name it is
  // the product, and the supplement stays the subject.
  const Extracted e = ExtractText(
      "Turmeric powder reduces inflammation. Ashwagandha root lowers "
      "cortisol.");
  INFO(Dump(e));
  REQUIRE(e.claims.size() == 2);
  CHECK(e.claims[0].subject->mesh == "D030024");
  CHECK(e.claims[1].subject->mesh == "D032341");
}

TEST_CASE("attribution: must detect", "[claims][attribution]") {
  struct Row {
    const char* text;
    const char* object;
    Attribution want;
  };
  for (const Row& r : std::vector<Row>{
           {"Research suggests magnesium improves sleep.", "sleep",
            Attribution::kUnnamed},
           {"Studies have shown that magnesium reduces anxiety.", "anxiety",
            Attribution::kUnnamed},
           {"A study published in Magnesium Research found that magnesium "
            "lowers cortisol.",
            "cortisol", Attribution::kUnnamed},
           {"Many studies show that magnesium helps you sleep.", "sleep",
            Attribution::kUnnamed},
           {"According to experts, magnesium eases cramps.", "muscle_cramps",
            Attribution::kUnnamed},
           {"Experts say that magnesium eases cramps.", "muscle_cramps",
            Attribution::kUnnamed},
           {"Scientists believe magnesium lowers cortisol.", "cortisol",
            Attribution::kUnnamed},
           {"Many doctors agree that magnesium reduces anxiety.", "anxiety",
            Attribution::kUnnamed},
           {"Magnesium shortened sleep onset latency (PMID: 23853635).",
            "sleep_onset_latency", Attribution::kCited},
           {"Magnesium lowered cortisol (https://doi.org/10.3390/nu9050429).",
            "cortisol", Attribution::kCited},
           {"Magnesium reduced anxiety (doi:10.3390/nu9050429).", "anxiety",
            Attribution::kCited},
       }) {
    const Extracted e = ExtractText(r.text);
    INFO(r.text);
    CHECK(ClaimAbout(e, r.object).attribution == r.want);
  }
}

TEST_CASE("attribution: must not detect", "[claims][attribution]") {
  for (const Case& c : std::vector<Case>{
           {"Magnesium improves sleep.", "sleep"},
           {"Magnesium reduces anxiety, so study your options.", "anxiety"},
           {"Magnesium helps you sleep; research your brand first.", "sleep"},
       }) {
    const Extracted e = ExtractText(c.text);
    INFO(c.text);
    CHECK(ClaimAbout(e, c.object).attribution == Attribution::kNone);
  }
}

TEST_CASE("reported speech: a claim handed to a source that is not evidence",
          "[claims][reported]") {
  struct Row {
    const char* text;
    const char* object;
    const char* reported_by;  // "" when the article makes the claim
  };
  for (const Row& r : std::vector<Row>{
           {"Social feeds promise that magnesium reduces anxiety.", "anxiety",
            "Social feeds promise that"},
           {"Marketers claim magnesium improves sleep.", "sleep",
            "Marketers claim"},
           {"Some writers go further and claim that magnesium lowers "
            "cortisol.",
            "cortisol", "writers go further and claim that"},
           {"Supplement labels often say that magnesium reduces anxiety.",
            "anxiety", "labels often say that"},
           // The article's own voice, or its appeal to authority.
           {"Magnesium improves sleep.", "sleep", ""},
           {"Studies show that magnesium improves sleep.", "sleep", ""},
           {"Experts say that magnesium eases cramps.", "muscle_cramps", ""},
           // A source named but no claim handed over.
           {"Influencers love magnesium, and it improves sleep.", "sleep", ""},
           // The claim comes before the handing verb: the article's.
           {"Magnesium improves sleep, as marketers promise.", "sleep", ""},
       }) {
    const Extracted e = ExtractText(r.text);
    INFO(r.text << "\n" << Dump(e));
    CHECK(ClaimAbout(e, r.object).reported_by == r.reported_by);
  }
}

}  // namespace
}  // namespace claimcheck::testing
