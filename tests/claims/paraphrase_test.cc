// Paraphrase tables: for each of the claims of ../shared/evidence/studies.json
// (kb/claims.json), phrasings of our own — statement, question, hedged,
// negated — that must normalise to the same claim, or to its negation.
#include "claims/claims_test_util.h"

namespace claimcheck::testing {
namespace {

enum class Form { kStatement, kQuestion, kHedged, kNegated };

struct Phrasing {
  const char* text;
  Form form;
};

struct Row {
  const char* claim;     // the kb/claims.json id
  const char* subject;   // exact
  const char* relation;  // the relation asserted
  const char* object;    // the object or an ancestor of it; "-" for none
  std::vector<Phrasing> phrasings;
};

const std::vector<Row>& Table() {
  static const std::vector<Row> rows = {
      {"mg_improves_sleep",
       "magnesium",
       "increases",
       "sleep",
       {{"Magnesium improves sleep.", Form::kStatement},
        {"Does magnesium help you sleep better?", Form::kQuestion},
        {"Magnesium may promote restful sleep.", Form::kHedged},
        {"Magnesium does not improve sleep.", Form::kNegated}}},
      {"mg_reduces_sleep_onset_latency",
       "magnesium",
       "decreases",
       "sleep_onset_latency",
       {{"Magnesium helps you fall asleep faster.", Form::kStatement},
        {"Mg shortens sleep onset latency.", Form::kStatement},
        {"Magnesium reduces the time it takes to fall asleep.",
         Form::kStatement},
        {"Can magnesium reduce sleep latency?", Form::kQuestion},
        {"Magnesium did not shorten sleep latency.", Form::kNegated}}},
      {"mg_citrate_improves_sleep_quality",
       "magnesium_citrate",
       "increases",
       "sleep_quality",
       {{"Magnesium citrate improves sleep quality.", Form::kStatement},
        {"Does magnesium citrate improve the quality of sleep?",
         Form::kQuestion},
        {"Magnesium citrate might enhance sleep quality.", Form::kHedged},
        {"Magnesium citrate had no effect on sleep quality.", Form::kNegated}}},
      {"mg_increases_melatonin",
       "magnesium",
       "increases",
       "melatonin",
       {{"Magnesium increases melatonin production.", Form::kStatement},
        {"Magnesium may boost melatonin levels.", Form::kHedged},
        {"Does magnesium raise melatonin?", Form::kQuestion},
        {"Magnesium does not increase melatonin secretion.", Form::kNegated}}},
      {"mg_lowers_cortisol",
       "magnesium",
       "decreases",
       "cortisol",
       {{"Magnesium lowers cortisol.", Form::kStatement},
        {"Magnesium reduces cortisol levels.", Form::kStatement},
        {"Can magnesium decrease cortisol?", Form::kQuestion},
        {"Magnesium did not lower serum cortisol.", Form::kNegated}}},
      {"mg_activates_gaba_receptors",
       "magnesium",
       "increases",
       "gaba_receptor",
       {{"Magnesium activates GABA receptors.", Form::kStatement},
        {"Magnesium binds to GABA receptors.", Form::kStatement},
        {"Does magnesium activate GABA-A receptors?", Form::kQuestion},
        {"Magnesium is believed to stimulate GABA receptors.", Form::kHedged}}},
      {"mg_nmda_antagonist",
       "magnesium",
       "decreases",
       "nmda_receptor",
       {{"Magnesium is an NMDA receptor antagonist.", Form::kStatement},
        {"Magnesium blocks NMDA receptors.", Form::kStatement},
        {"Magnesium may inhibit the NMDA receptor.", Form::kHedged},
        {"Is magnesium an NMDA antagonist?", Form::kQuestion}}},
      {"mg_converts_tryptophan_to_serotonin",
       "magnesium",
       "increases",
       "serotonin",
       {{"Magnesium converts tryptophan to serotonin.", Form::kStatement},
        {"Magnesium helps convert tryptophan into serotonin.",
         Form::kStatement},
        {"Magnesium might boost serotonin production.", Form::kHedged},
        {"Does magnesium increase serotonin?", Form::kQuestion}}},
      {"mg_regulates_circadian_rhythm",
       "magnesium",
       "modulates",
       "circadian_rhythm",
       {{"Magnesium regulates the circadian rhythm.", Form::kStatement},
        {"Magnesium helps regulate your body clock.", Form::kStatement},
        {"Magnesium may influence the sleep-wake cycle.", Form::kHedged},
        {"Does magnesium regulate circadian rhythms?", Form::kQuestion}}},
      {"mg_activates_parasympathetic",
       "magnesium",
       "increases",
       "parasympathetic_nervous_system",
       {{"Magnesium activates the parasympathetic nervous system.",
         Form::kStatement},
        {"Magnesium helps activate the parasympathetic system.",
         Form::kStatement},
        {"Does magnesium stimulate parasympathetic activity?", Form::kQuestion},
        {"Magnesium may boost vagal tone.", Form::kHedged}}},
      {"mg_reduces_anxiety",
       "magnesium",
       "decreases",
       "anxiety",
       {{"Magnesium reduces anxiety.", Form::kStatement},
        {"Magnesium may ease anxiety symptoms.", Form::kHedged},
        {"Does magnesium help with anxiety?", Form::kQuestion},
        {"Magnesium did not reduce anxiety.", Form::kNegated}}},
      {"mg_helps_restless_legs",
       "magnesium",
       "decreases",
       "restless_legs_syndrome",
       {{"Magnesium helps restless legs.", Form::kStatement},
        {"Does magnesium help restless legs?", Form::kQuestion},
        {"Magnesium may relieve restless legs syndrome symptoms.",
         Form::kHedged},
        {"Magnesium did not improve RLS symptoms in the trial.",
         Form::kNegated}}},
      {"mg_relieves_muscle_cramps",
       "magnesium",
       "decreases",
       "muscle_cramps",
       {{"Magnesium relieves cramps.", Form::kStatement},
        {"Magnesium may reduce muscle cramps.", Form::kHedged},
        {"Can magnesium prevent leg cramps?", Form::kQuestion},
        {"Magnesium did not prevent nocturnal leg cramps.", Form::kNegated}}},
      {"mg_citrate_more_bioavailable_than_oxide",
       "magnesium_citrate",
       "more_bioavailable_than",
       "magnesium_oxide",
       {{"Magnesium citrate is more bioavailable than magnesium oxide.",
         Form::kStatement},
        {"Magnesium citrate is better absorbed than magnesium oxide.",
         Form::kStatement},
        {"Magnesium oxide has lower bioavailability than magnesium citrate.",
         Form::kStatement},
        {"Is magnesium citrate more bioavailable than magnesium oxide?",
         Form::kQuestion}}},
      {"mg_glycinate_gentler_on_digestion",
       "magnesium_glycinate",
       "better_tolerated_than",
       "magnesium",
       {{"Magnesium glycinate is gentler on digestion than other forms.",
         Form::kStatement},
        {"Is magnesium glycinate easier on the stomach than other forms?",
         Form::kQuestion},
        {"Magnesium glycinate may cause fewer side effects than other forms "
         "of magnesium.",
         Form::kHedged}}},
      {"mg_citrate_laxative",
       "magnesium_citrate",
       "increases",
       "bowel_movement",
       {{"Magnesium citrate increases bowel movements.", Form::kStatement},
        {"Does magnesium citrate improve bowel regularity?", Form::kQuestion},
        {"Magnesium citrate may promote bowel movements.", Form::kHedged}}},
      {"mg_citrate_onset_30_60_min",
       "magnesium_citrate",
       "onset_within",
       "-",
       {{"Magnesium citrate works within 30 to 60 minutes.", Form::kStatement},
        {"Take magnesium citrate 30–60 minutes before bed.", Form::kStatement},
        {"Magnesium citrate may start working in 30-60 minutes.",
         Form::kHedged}}},
      {"mg_citrate_200_400mg_bedtime_safe",
       "magnesium_citrate",
       "safe_dose",
       "-",
       {{"Taking 200 to 400 mg of magnesium citrate before bed is safe.",
         Form::kStatement},
        {"A safe dose of magnesium citrate is 200–400 mg at bedtime.",
         Form::kStatement},
        {"Is 200-400 mg of magnesium citrate a safe dose?", Form::kQuestion}}},
      {"adults_need_310_420mg_mg",
       "magnesium",
       "recommended_intake",
       "-",
       {{"Adults need 310–420 mg of magnesium per day.", Form::kStatement},
        {"The recommended daily intake of magnesium for adults is 310 to 420 "
         "mg.",
         Form::kStatement},
        {"Do adults need 310-420 mg of magnesium a day?", Form::kQuestion}}},
      {"mg_avoid_in_kidney_impairment",
       "magnesium",
       "contraindicated_in",
       "kidney_impairment",
       {{"People with kidney disease should avoid magnesium supplements.",
         Form::kStatement},
        {"Magnesium is contraindicated in patients with renal failure.",
         Form::kStatement},
        {"Should people with chronic kidney disease avoid magnesium?",
         Form::kQuestion}}},
      {"b6_enhances_mg_effect",
       "vitamin_b6",
       "enhances_effect_of",
       "magnesium",
       {{"Vitamin B6 enhances the effects of magnesium.", Form::kStatement},
        {"Combining magnesium with vitamin B6 enhances its effect.",
         Form::kStatement},
        {"Taking vitamin B6 together with magnesium may boost its effect.",
         Form::kHedged}}},
      {"melatonin_reduces_sleep_onset_latency",
       "melatonin_supplement",
       "decreases",
       "sleep_onset_latency",
       {{"Taking melatonin reduces sleep onset latency.", Form::kStatement},
        {"Does melatonin supplementation shorten sleep latency?",
         Form::kQuestion},
        {"Exogenous melatonin may help people fall asleep faster.",
         Form::kHedged}}},
      {"valerian_improves_sleep",
       "valerian",
       "increases",
       "sleep",
       {{"Valerian root improves sleep.", Form::kStatement},
        {"Does valerian help you sleep?", Form::kQuestion},
        {"Valerian may promote better sleep.", Form::kHedged},
        {"Valerian did not improve sleep.", Form::kNegated}}},
      {"chamomile_improves_sleep",
       "chamomile",
       "increases",
       "sleep",
       {{"Chamomile tea improves sleep.", Form::kStatement},
        {"Can chamomile help you sleep better?", Form::kQuestion},
        {"Chamomile might promote restful sleep.", Form::kHedged}}},
      {"glycine_improves_sleep_quality",
       "glycine",
       "increases",
       "sleep_quality",
       {{"Glycine improves sleep quality.", Form::kStatement},
        {"Does glycine improve the quality of sleep?", Form::kQuestion},
        {"Glycine may enhance subjective sleep quality.", Form::kHedged},
        {"Glycine had no effect on sleep quality.", Form::kNegated}}},
  };
  return rows;
}

bool Matches(const Row& row, const Claim& c, bool negated) {
  if (c.subject->id != row.subject) return false;
  const std::string object = row.object;
  if (object == "-") {
    if (c.object) return false;
  } else if (!c.object || !RealVocabulary().IsA(c.object->id, row.object)) {
    return false;
  }
  if (negated) {
    // "had no effect on" denies any effect, so it negates each direction.
    return c.negated && c.relation == kNoEffect &&
           (c.denied == row.relation || c.denied == kModulates);
  }
  return !c.negated && c.relation == row.relation;
}

TEST_CASE("paraphrases of the 24 claims normalise to one claim",
          "[claims][paraphrase]") {
  REQUIRE(Table().size() == 25);  // 24 seed claims + the pooled sleep claim
  for (const Row& row : Table()) {
    REQUIRE(row.phrasings.size() >= 3);
    for (const Phrasing& p : row.phrasings) {
      const Extracted e = ExtractText(p.text);
      INFO(row.claim << ": \"" << p.text << "\"\nclaims:\n" << Dump(e));
      const bool negated = p.form == Form::kNegated;
      const Claim* hit = nullptr;
      for (const Claim& c : e.claims) {
        if (Matches(row, c, negated)) hit = &c;
      }
      REQUIRE(hit);
      CHECK(hit->question == (p.form == Form::kQuestion));
      if (p.form == Form::kHedged) CHECK(hit->hedging == Hedging::kHedged);
      if (p.form == Form::kStatement) CHECK(hit->hedging != Hedging::kHedged);
    }
  }
}

// The numbers of dose and onset claims come through.
TEST_CASE("dose and onset claims keep their amounts", "[claims][paraphrase]") {
  const Extracted a =
      ExtractText("Adults need 310–420 mg of magnesium per day.");
  REQUIRE(a.claims.size() == 1);
  const Claim& rda = a.claims[0];
  CHECK(rda.kind == ClaimKind::kDose);
  CHECK(rda.quantity->min == 310);
  CHECK(rda.quantity->max == 420);
  CHECK(rda.quantity->unit == "mg");
  CHECK(rda.quantity->per == "day");
  CHECK(rda.population == "adults");

  const Extracted b = ExtractText(
      "Take 400 mg of elemental magnesium daily, and no more than "
      "350 mg from supplements.");
  REQUIRE(b.claims.size() == 2);
  CHECK(b.claims[0].quantity->basis == "elemental");
  CHECK(b.claims[0].relation == "dose");
  CHECK(b.claims[1].relation == "upper_limit");
  CHECK(b.claims[1].quantity->bound == "up_to");

  const Extracted c = ExtractText(
      "Magnesium citrate takes effect within 30–60 minutes of taking it.");
  REQUIRE(c.claims.size() == 1);
  CHECK(c.claims[0].kind == ClaimKind::kOnset);
  CHECK(c.claims[0].quantity->min == 30);
  CHECK(c.claims[0].quantity->max == 60);
  CHECK(c.claims[0].quantity->unit == "min");
}

TEST_CASE("several claims from one sentence", "[claims]") {
  const Extracted e =
      ExtractText("Magnesium helps relax muscles and regulate blood pressure.");
  CHECK(Has(e, "magnesium decreases muscle_tension"));
  CHECK(Has(e, "magnesium modulates blood_pressure"));

  const Extracted chain = ExtractText(
      "Magnesium assists in converting tryptophan to serotonin, which in turn "
      "is used to produce melatonin.");
  CHECK(Has(chain, "magnesium increases serotonin"));
  CHECK(Has(chain, "serotonin increases melatonin"));
  for (const Claim& c : chain.claims) {
    if (c.subject->id == "serotonin") CHECK(c.subject_from == "antecedent");
  }

  const Extracted list = ExtractText(
      "Too much magnesium can lead to nausea, diarrhea, or an irregular "
      "heartbeat.");
  INFO(Dump(list));
  CHECK(list.claims.size() == 3);
}

TEST_CASE("the document's subject stands in for it and this mineral",
          "[claims][focus]") {
  const Extracted e = ExtractText(
      "Magnesium glycinate for sleep\n\n"
      "Magnesium glycinate is a popular supplement. It may reduce anxiety. "
      "This mineral also helps regulate melatonin.");
  INFO(Dump(e));
  REQUIRE(e.claims.size() >= 2);
  CHECK(Has(e, "magnesium_glycinate decreases anxiety"));
  CHECK(Has(e, "magnesium_glycinate modulates melatonin"));
  for (const Claim& c : e.claims) {
    if (c.object && c.object->id == "anxiety") {
      CHECK(c.subject_from == "focus");
    }
  }
  // "it is best to": a dummy subject, no claim.
  const Extracted dummy =
      ExtractText("Magnesium is popular. It is best to sleep well.");
  for (const Claim& c : dummy.claims) CHECK(c.kind == ClaimKind::kComposition);
}

TEST_CASE("composition claims", "[claims]") {
  const Extracted wrong = ExtractText("Valerian root is a mushroom.");
  REQUIRE(wrong.claims.size() == 1);
  CHECK(Triple(wrong.claims[0]) == "valerian is_a category:mushroom");
  const Extracted right = ExtractText("Magnesium is an essential mineral.");
  REQUIRE(right.claims.size() == 1);
  CHECK(Triple(right.claims[0]) == "magnesium is_a category:mineral");
  const Extracted asked = ExtractText("Is valerian a mushroom?");
  REQUIRE(asked.claims.size() == 1);
  CHECK(asked.claims[0].question);
}

TEST_CASE("study findings in abstracts", "[claims][abstract]") {
  const Extracted e = ExtractText(
      "Older adults received magnesium or placebo for eight weeks. "
      "Serum melatonin increased significantly. "
      "PSQI improved equally in both groups. "
      "There was no significant difference in sleep onset latency versus "
      "placebo.",
      "RESULTS");
  INFO(Dump(e));
  CHECK(Has(e, "magnesium increases melatonin"));
  CHECK(Has(e, "magnesium no_effect sleep_quality"));
  CHECK(Has(e, "magnesium no_effect sleep_onset_latency"));
  for (const Claim& c : e.claims) {
    CHECK(c.section == "RESULTS");
    if (c.object && c.object->id == "sleep_quality") {
      CHECK(c.negated);
      CHECK(c.denied == "increases");
    }
  }
}

}  // namespace
}  // namespace claimcheck::testing
