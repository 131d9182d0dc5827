// Where a claim's arguments come from (docs/claims.md, step 5 and
// "Literal arguments"): the agent of a passive, and a literal subject for
// words the vocabulary does not know.
#include "claimcheck/verdict.h"
#include "claims/claims_test_util.h"
#include "real_kb.h"

namespace claimcheck::testing {
namespace {

struct Case {
  const char* text;
  const char* triple;  // "subject relation object", Triple()'s form
};

// Each text makes (at least) its claim.
void CheckEach(const std::vector<Case>& cases) {
  for (const Case& c : cases) {
    const Extracted e = ExtractText(c.text);
    INFO(c.text << "\n" << Dump(e));
    CHECK(Has(e, c.triple));
  }
}

TEST_CASE("passives: the agent after 'by' is the subject",
          "[claims][arguments]") {
  CheckEach({
      {"Cortisol is lowered by ashwagandha.", "D032341 decreases cortisol"},
      {"Sleep may be improved by taking magnesium.",
       "magnesium increases sleep"},
      {"Melatonin secretion is suppressed by blue light.",
       "D000095743 decreases melatonin"},
      {"Anxiety was not reduced by magnesium.", "magnesium no_effect anxiety"},
      {"Common cold duration is shortened similarly by zinc acetate "
       "lozenges.",
       "zinc_acetate_lozenges decreases D003139"},
      {"Probiotics reduce inflammation caused by chronic stress.",
       "stress increases D007249"},
  });
}

TEST_CASE("passives: no subject when the agent is unknown or an amount",
          "[claims][arguments]") {
  // An agent the vocabulary lacks is not replaced by a supplement named
  // before ("probiotic increases inflammation" was the old reading).
  const Extracted unknown = ExtractText(
      "Researchers developed a probiotic aimed at reducing inflammation "
      "caused by microbial imbalances in the gut.");
  INFO(Dump(unknown));
  CHECK(Has(unknown, "D019936 decreases D007249"));
  CHECK_FALSE(Has(unknown, "D019936 increases D007249"));
  // "by 10 minutes" is an amount, not an agent.
  const Extracted amount = ExtractText(
      "Magnesium shortens sleep onset; sleep latency was reduced "
      "by 10 minutes.");
  for (const Claim& c : amount.claims) {
    INFO(Dump(amount));
    CHECK_FALSE(IsLiteral(c.subject));
  }
}

TEST_CASE("literal subjects: words the vocabulary lacks open the clause",
          "[claims][arguments]") {
  for (const Case& c : std::vector<Case>{
           {"Calmora blend reduces anxiety.",
            "literal:calmora blend decreases anxiety"},
           {"Lockdown restrictions alone can reduce the risk of COVID-19 "
            "infection within households.",
            "literal:lockdown restriction decreases D000086382"},
           {"School closures reduce the incidence of COVID-19.",
            "literal:school closure decreases D000086382"},
           {"Researchers found that sewage surveillance reduces COVID-19 "
            "deaths.",
            "literal:sewage surveillance decreases D000086382"},
       }) {
    const Extracted e = ExtractText(c.text);
    INFO(c.text << "\n" << Dump(e));
    REQUIRE(Has(e, c.triple));
    for (const Claim& claim : e.claims) {
      if (!IsLiteral(claim.subject)) continue;
      CHECK(claim.subject_from == "text");
      CHECK(claim.literal_subject.get() == claim.subject);
      CHECK(claim.subject->source == ConceptSource::kLiteral);
    }
  }
}

TEST_CASE("literal subjects: never pronouns, quantifiers, reporters, numbers",
          "[claims][arguments]") {
  for (const char* text : {
           "Many people reduce stress.",
           "Researchers reduced anxiety.",
           "Most adults often improve sleep.",
           "In 2020, experts lowered anxiety.",
           "They reduce anxiety.",
           "Schisandra berry promotes mental clarity and protects the body "
           "from oxidative stress.",
           "Stealth cases in 2020 reduced anxiety.",
       }) {
    const Extracted e = ExtractText(text);
    INFO(text << "\n" << Dump(e));
    for (const Claim& c : e.claims) CHECK_FALSE(IsLiteral(c.subject));
  }
}

TEST_CASE("literal subjects: not in the knowledge base, and said so",
          "[claims][arguments][verdict]") {
  const Extracted e = ExtractText("Calmora blend reduces anxiety.");
  REQUIRE(e.claims.size() == 1);
  const Claim& c = e.claims.front();
  const ClaimQuery q = QueryOf(c);
  CHECK(q.subject == "literal:calmora blend");
  Result<Judgement> j = RealKb().engine->Judge(q);
  REQUIRE(j.ok());
  CHECK(j.value().verdict == VerdictWord::kUnsourced);
  CHECK(j.value().evidence.empty());
  CHECK(OutsideKnowledgeBase(j.value()));
  REQUIRE(j.value().reasons.size() == 1);
  CHECK_THAT(j.value().reasons.front(),
             Catch::Matchers::Contains("'calmora blend' is not a concept") &&
                 Catch::Matchers::Contains("not in the knowledge base"));
}

TEST_CASE("titles: a title that asserts a claim makes it",
          "[claims][arguments]") {
  const Extracted e = ExtractText(
      "Vitamin D supplements could help reduce the risk of cancer in older "
      "women\n\nA small trial followed 68 people.\n");
  INFO(Dump(e));
  REQUIRE(e.text.sentences()[0].kind == Sentence::Kind::kHeading);
  CHECK(Has(e, "D014807 decreases D009369"));
  // A topic, not a claim.
  const Extracted topic = ExtractText(
      "Understanding Magnesium's Role in Sleep\n\nMany people ask.\n");
  INFO(Dump(topic));
  REQUIRE(topic.text.sentences()[0].kind == Sentence::Kind::kHeading);
  CHECK(topic.claims.empty());
  // Only the title: a later heading names a section.
  const Extracted later = ExtractText(
      "About sleep\n\nSome text here.\n\nMagnesium improves sleep\n\nMore "
      "text.\n");
  INFO(Dump(later));
  CHECK(later.claims.empty());
}

TEST_CASE("coordination: each coordinated subject makes the claim",
          "[claims][arguments]") {
  CheckEach({
      {"Zinc acetate and zinc gluconate lozenges shorten colds.",
       "zinc_gluconate decreases D003139"},
      {"Zinc acetate and zinc gluconate lozenges shorten colds.",
       "D019345 decreases D003139"},
      {"Common cold duration is shortened by zinc acetate and zinc "
       "gluconate lozenges.",
       "zinc_gluconate decreases D003139"},
      {"Stress and anxiety worsen sleep.", "anxiety decreases sleep"},
  });
  // A list of ingredients before "this formula" is not a coordination.
  const Extracted list = ExtractText(
      "Featuring Ashwagandha, L-Theanine, Magnesium and Valerian Root, this "
      "formula helps calm the mind.");
  INFO(Dump(list));
  CHECK_FALSE(Has(list, "theanine decreases anxiety"));
}

TEST_CASE("associations: 'a link between X and Y'", "[claims][arguments]") {
  CheckEach({
      {"The trial shows a connection between probiotics and mood.",
       "D019936 modulates mood"},
      {"Researchers did not find a link between magnesium and anxiety.",
       "magnesium no_effect anxiety"},
      {"There is no association between near-universal mask wearing and "
       "a reduction in COVID-19 transmission.",
       "D008397 no_effect D000086382"},
      // The intervention is the subject whichever side it stands on.
      {"The study found a correlation between sleep and magnesium.",
       "magnesium modulates sleep"},
  });
  // "between" without an association noun says nothing of one.
  const Extracted e =
      ExtractText("Take magnesium between meals and before sleep.");
  INFO(Dump(e));
  CHECK_FALSE(Has(e, "magnesium modulates sleep"));
}

TEST_CASE("list items: the label before a colon is the subject",
          "[claims][arguments]") {
  CheckEach({
      {"Rhodiola: reduces fatigue and improves mood.",
       "D029771 decreases fatigue"},
      {"Rhodiola: reduces fatigue and improves mood.",
       "D029771 increases mood"},
      {"Ashwagandha (Withania somnifera): Known for reducing cortisol "
       "levels.",
       "D032341 decreases cortisol"},
      // "protects … from" lowers what it protects from.
      {"Schisandra Berry: Promotes mental clarity and protects the body "
       "from oxidative stress.",
       "D032141 decreases D018384"},
  });
  // A label that names no supplement gives no subject.
  const Extracted e = ExtractText("Benefits: reduces stress.");
  INFO(Dump(e));
  CHECK(e.claims.empty());
}

}  // namespace
}  // namespace claimcheck::testing
