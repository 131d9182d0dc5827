// The claims each real seed article (../shared/seeds/) plainly makes, read
// from the files in place; and what must not become a claim.
#include <regex>

#include "claims/claims_test_util.h"

namespace claimcheck::testing {
namespace {

void RequireAll(const Extracted& e, const std::vector<std::string>& triples) {
  for (const std::string& t : triples) {
    INFO("expected claim: " << t << "\nclaims:\n" << Dump(e));
    CHECK(Has(e, t));
  }
}

const Claim* Find(const Extracted& e, const std::string& triple,
                  ClaimKind kind) {
  for (const Claim& c : e.claims) {
    if (Triple(c) == triple && c.kind == kind) return &c;
  }
  return nullptr;
}

const Claim* FindAmount(const Extracted& e, const std::string& triple,
                        double min, double max, const std::string& unit) {
  for (const Claim& c : e.claims) {
    if (Triple(c) == triple && c.quantity && c.quantity->min == min &&
        c.quantity->max == max && c.quantity->unit == unit) {
      return &c;
    }
  }
  return nullptr;
}

TEST_CASE("seed 000: magnesium citrate and sleep", "[claims][seeds]") {
  const Extracted e = ExtractSeed("000");
  RequireAll(e, {
                    // mechanisms
                    "magnesium increases parasympathetic_nervous_system",
                    "magnesium modulates melatonin",
                    "parasympathetic_nervous_system decreases stress",
                    // outcomes
                    "magnesium_citrate decreases stress",
                    "magnesium_citrate decreases anxiety",
                    "magnesium_citrate decreases sleep_onset_latency",
                    "magnesium_citrate increases sleep_quality",
                    "magnesium_citrate decreases muscle_tension",
                    "magnesium_citrate decreases muscle_cramps",
                    // "a reduction in sleep disturbances"
                    "magnesium increases sleep",
                    // "adequate magnesium levels … improved sleep quality"
                    "magnesium_deficiency decreases sleep_quality",
                });
  const Claim* dose = FindAmount(e, "magnesium_citrate dose -", 200, 400, "mg");
  REQUIRE(dose);
  CHECK(dose->quantity->per == "day");
  const Claim* onset =
      FindAmount(e, "magnesium_citrate onset_within -", 1, 2, "h");
  REQUIRE(onset);
  CHECK(onset->timing == "before bed");
  CHECK(onset->hedging == Hedging::kHedged);  // "may maximize"
  // "Some studies have indicated …": unnamed studies.
  const Claim* sleep = Find(e, "magnesium increases sleep", ClaimKind::kEffect);
  REQUIRE(sleep);
  CHECK(sleep->attribution == Attribution::kUnnamed);
}

TEST_CASE("seed 001: use magnesium for sleep", "[claims][seeds]") {
  const Extracted e = ExtractSeed("001");
  RequireAll(e, {
                    "magnesium decreases neuronal_excitability",
                    "magnesium modulates gaba",
                    "gaba decreases stress",
                    "magnesium modulates circadian_rhythm",
                    "magnesium increases melatonin",
                    "magnesium decreases muscle_tension",
                    "magnesium decreases muscle_cramps",
                    "magnesium increases sleep",
                    "magnesium decreases stress",
                });
  // "It may help regulate …": the subject comes from the focus, hedged.
  const Claim* gaba =
      Find(e, "magnesium modulates gaba", ClaimKind::kMechanism);
  REQUIRE(gaba);
  CHECK(gaba->subject_from == "focus");
  CHECK(gaba->hedging == Hedging::kHedged);
}

TEST_CASE("seed 002: sleep and anxiety, the mechanism-heavy article",
          "[claims][seeds]") {
  const Extracted e = ExtractSeed("002");
  RequireAll(e, {
                    "magnesium increases parasympathetic_nervous_system",
                    "magnesium increases gaba_receptor",
                    "magnesium_deficiency decreases gaba",
                    // the chain said in one breath
                    "magnesium increases serotonin",
                    "serotonin increases melatonin",
                    "magnesium decreases nmda_receptor",
                    "magnesium modulates hpa_axis",
                    "magnesium decreases cortisol",
                    "magnesium modulates circadian_rhythm",
                    "magnesium decreases muscle_tension",
                    "magnesium modulates blood_pressure",
                    "magnesium_citrate decreases anxiety",
                    "magnesium_citrate decreases sleep_onset_latency",
                    "magnesium_citrate increases sleep_duration",
                    "magnesium_citrate decreases night_awakenings",
                    "magnesium_citrate decreases restless_legs_syndrome",
                    "magnesium_citrate decreases nocturnal_leg_cramps",
                    "magnesium_citrate increases intestinal_motility",
                    // "aids in digestion"
                    "magnesium_citrate increases bowel_movement",
                    "magnesium_citrate more_bioavailable_than magnesium_oxide",
                    "vitamin_b6 enhances_effect_of magnesium_citrate",
                    "glycine enhances_effect_of magnesium_citrate",
                    "magnesium_citrate interacts_with diuretics",
                    "magnesium_citrate interacts_with antibiotics",
                });
  // "has been shown to be highly effective in reducing anxiety symptoms"
  bool assertive_anxiety = false;
  for (const Claim& c : e.claims) {
    if (Triple(c) == "magnesium_citrate decreases anxiety" &&
        c.hedging == Hedging::kAssertive && !c.question) {
      assertive_anxiety = true;
    }
  }
  CHECK(assertive_anxiety);
  // "Research suggests that taking mag citrate … can help reduce the time it
  // takes to fall asleep": hedged, unnamed.
  const Claim* sol = Find(e, "magnesium_citrate decreases sleep_onset_latency",
                          ClaimKind::kEffect);
  REQUIRE(sol);
  CHECK(sol->hedging == Hedging::kHedged);
  CHECK(sol->attribution == Attribution::kUnnamed);
  // Doses and onset with their numbers.
  const Claim* rda =
      FindAmount(e, "magnesium recommended_intake -", 310, 420, "mg");
  REQUIRE(rda);
  CHECK(rda->population == "adults");
  CHECK(rda->quantity->per == "day");
  const Claim* dose = FindAmount(e, "magnesium_citrate dose -", 200, 400, "mg");
  REQUIRE(dose);
  CHECK(dose->timing == "before bed");
  CHECK(FindAmount(e, "magnesium_citrate onset_within -", 30, 60, "min"));
  // FAQ questions are claims asked, not asserted.
  const Claim* rls = nullptr;
  for (const Claim& c : e.claims) {
    if (Triple(c) == "magnesium_citrate decreases restless_legs_syndrome" &&
        c.question) {
      rls = &c;
    }
  }
  CHECK(rls);
}

TEST_CASE("seed 003: benefits, dosage and safety", "[claims][seeds]") {
  const Extracted e = ExtractSeed("003");
  RequireAll(e, {
                    "magnesium increases gaba_receptor",
                    "magnesium modulates melatonin",
                    "magnesium decreases neuronal_excitability",
                    "magnesium_citrate increases gaba",
                    "magnesium_citrate decreases muscle_cramps",
                    "magnesium_citrate increases sleep_quality",
                    "magnesium_citrate modulates circadian_rhythm",
                    "magnesium_citrate increases intestinal_motility",
                    "magnesium_citrate decreases constipation",
                    "magnesium_citrate modulates blood_pressure",
                    "magnesium_citrate increases diarrhea",
                    "magnesium_citrate increases hypermagnesemia",
                    "magnesium_citrate contraindicated_in kidney_impairment",
                    "magnesium_citrate interacts_with diuretics",
                    "magnesium_citrate interacts_with neuromuscular_blockers",
                    "magnesium_citrate is_a category:salt",
                    "magnesium_glycinate well_tolerated -",
                });
  CHECK(Find(e, "magnesium_citrate increases diarrhea", ClaimKind::kSafety));
  const Claim* dose = FindAmount(e, "magnesium dose -", 200, 400, "mg");
  REQUIRE(dose);
  CHECK(dose->quantity->basis == "elemental");
  CHECK(dose->quantity->per == "day");
  // "This safe dose range has been confirmed by many clinical studies."
  const Claim* safe = FindAmount(e, "magnesium safe_dose -", 200, 400, "mg");
  REQUIRE(safe);
  CHECK(safe->hedging == Hedging::kAssertive);
  CHECK(safe->attribution == Attribution::kUnnamed);
  const Claim* bed =
      FindAmount(e, "magnesium_citrate onset_within -", 30, 60, "min");
  REQUIRE(bed);
  bool within = false;
  for (const Claim& c : e.claims) {
    within |= Triple(c) == "magnesium_citrate onset_within -" &&
              c.timing.empty() && c.quantity && c.quantity->max == 60;
  }
  CHECK(within);  // "The effects can appear within 30–60 minutes"
  // "Many studies show that …": unnamed.
}

TEST_CASE("seed 004: Alaska Sleep Clinic blog", "[claims][seeds]") {
  const Extracted e = ExtractSeed("004");
  RequireAll(e, {
                    "magnesium modulates gaba",
                    "magnesium increases melatonin",
                    "magnesium modulates cortisol",
                    "magnesium decreases cortisol",
                    "magnesium increases sleep",
                    "magnesium increases diarrhea",
                    "magnesium increases nausea",
                });
  CHECK(FindAmount(e, "magnesium dose -", 200, 200, "mg"));
  const Claim* upper = FindAmount(e, "magnesium upper_limit -", 350, 350, "mg");
  REQUIRE(upper);
  CHECK(upper->hedging == Hedging::kHedged);  // "some suggest"
  const Claim* women =
      FindAmount(e, "magnesium recommended_intake -", 300, 300, "mg");
  REQUIRE(women);
  CHECK(women->population == "women");
  const Claim* men =
      FindAmount(e, "magnesium recommended_intake -", 400, 400, "mg");
  REQUIRE(men);
  CHECK(men->population == "men");
  CHECK(men->quantity->bound == "up_to");
  CHECK(FindAmount(e, "magnesium onset_within -", 30, 60, "min"));
  // "while it's certain that the mineral plays a significant part in sleep
  // regulation": assertive.
  bool certain = false;
  for (const Claim& c : e.claims) {
    certain |= Triple(c) == "magnesium modulates sleep" &&
               c.hedging == Hedging::kAssertive;
  }
  CHECK(certain);
}

// Headings, navigation, author bios, disclaimers, keyword lines and "consult
// your healthcare provider" advice make no effect or mechanism claims.
TEST_CASE("seeds: no claims from boilerplate, headings or advice",
          "[claims][seeds][precision]") {
  const std::regex boilerplate(
      "consult|doctor|healthcare|physician|informational purposes|medical "
      "advice|Subscribe|Posts|slide|Brent|Maya|HealthXWire|Publications|"
      "Hobbies|sleep aid supplements, natural sleep remedies",
      std::regex::icase);
  for (const char* seed : {"000", "001", "002", "003", "004"}) {
    const Extracted e = ExtractSeed(seed);
    INFO("seed " << seed);
    REQUIRE(!e.claims.empty());
    for (const Claim& c : e.claims) {
      const std::string sentence = e.Sentence(c);
      INFO("claim " << Triple(c) << " from: " << sentence);
      CHECK(e.text.sentences()[c.sentence].kind != Sentence::Kind::kHeading);
      if (c.kind == ClaimKind::kEffect || c.kind == ClaimKind::kMechanism) {
        CHECK_FALSE(std::regex_search(sentence, boilerplate));
      }
    }
  }
}

// Nothing about sleep or magnesium stands in the bios and nav lists, so the
// count of claims per seed stays in a sane band: a regression that starts
// reading every noun phrase as a claim (or stops reading) shows here.
TEST_CASE("seeds: claims per sentence stay plausible", "[claims][seeds]") {
  for (const char* seed : {"000", "001", "002", "003", "004"}) {
    const Extracted e = ExtractSeed(seed);
    const double per_sentence = static_cast<double>(e.claims.size()) /
                                static_cast<double>(e.text.sentences().size());
    INFO("seed " << seed << ": " << e.claims.size() << " claims in "
                 << e.text.sentences().size() << " sentences");
    CHECK(per_sentence > 0.2);
    CHECK(per_sentence < 1.5);
  }
}

}  // namespace
}  // namespace claimcheck::testing
