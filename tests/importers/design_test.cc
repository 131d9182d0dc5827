// Study design and sample size: the order publication types > MeSH > own
// words, the cue tables on small phrases, and section labels.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "claimcheck/importer.h"

namespace claimcheck {
namespace {

std::vector<DocumentPart> Abstract(const std::string& title,
                                   const std::string& text,
                                   const std::string& label = "") {
  std::vector<DocumentPart> parts;
  DocumentPart t;
  t.text = title;
  t.title = true;
  parts.push_back(t);
  DocumentPart body;
  body.label = label;
  body.text = text;
  parts.push_back(body);
  return parts;
}

MeshHeading Mesh(const std::string& descriptor) {
  MeshHeading h;
  h.descriptor = descriptor;
  return h;
}

TEST_CASE("design: publication types decide first", "[importers][design]") {
  struct Case {
    std::vector<std::string> types;
    Design design;
  };
  const Case cases[] = {
      {{"Journal Article", "Meta-Analysis"}, Design::kMetaAnalysis},
      {{"Systematic Review", "Journal Article"}, Design::kSystematicReview},
      {{"Randomized Controlled Trial", "Clinical Trial, Phase III"},
       Design::kRct},
      {{"Randomized Controlled Trial, Veterinary"}, Design::kRct},
      {{"Controlled Clinical Trial"}, Design::kControlledTrial},
      {{"Clinical Trial, Phase I"}, Design::kControlledTrial},
      {{"Observational Study"}, Design::kCohort},
      {{"Case Reports", "Journal Article"}, Design::kCaseReport},
      {{"Practice Guideline"}, Design::kGuideline},
      {{"Guideline"}, Design::kGuideline},
      {{"Review", "Journal Article"}, Design::kNarrativeReview},
      {{"Editorial", "Comment"}, Design::kEditorial},
      {{"Letter", "Comment"}, Design::kLetter},
      {{"Comment"}, Design::kLetter},
      {{"Published Erratum", "Journal Article"}, Design::kErratum},
      {{"Retraction of Publication"}, Design::kRetraction},
      // A notice is about another paper whatever else it is typed as.
      {{"Randomized Controlled Trial", "Published Erratum"}, Design::kErratum},
      {{"Journal Article"}, Design::kUnknown},
      {{"JOURNAL ARTICLE"}, Design::kUnknown},
  };
  for (const Case& c : cases) {
    INFO(c.types.front());
    CHECK(ClassifyDesign(c.types, {}, Abstract("A study.", "We studied.")) ==
          c.design);
  }
  // Types beat MeSH and words.
  CHECK(ClassifyDesign({"Meta-Analysis"}, {Mesh("Animals")},
                       Abstract("In rats", "Rats were fed.")) ==
        Design::kMetaAnalysis);
  // A "Clinical Trial" that says it randomised is an RCT.
  CHECK(ClassifyDesign({"Clinical Trial"}, {},
                       Abstract("T",
                                "Patients were randomly assigned to "
                                "placebo.")) == Design::kRct);
  // Before 2019 systematic reviews were typed "Review" only.
  CHECK(ClassifyDesign({"Review"}, {},
                       Abstract("Magnesium and sleep: a systematic review",
                                "We searched.")) == Design::kSystematicReview);
  // Observational Study is refined by MeSH and by words.
  CHECK(ClassifyDesign({"Observational Study"},
                       {Mesh("Cross-Sectional Studies")},
                       Abstract("T", "x")) == Design::kCrossSectional);
  CHECK(ClassifyDesign({"Observational Study"}, {},
                       Abstract("A case-control study", "x")) ==
        Design::kCaseControl);
}

TEST_CASE("design: MeSH second", "[importers][design]") {
  const auto parts = Abstract("Effects of X", "We measured Y.");
  CHECK(ClassifyDesign({}, {Mesh("Animals"), Mesh("Rats")}, parts) ==
        Design::kAnimal);
  CHECK(ClassifyDesign({}, {Mesh("Animals"), Mesh("Humans")}, parts) ==
        Design::kUnknown);
  CHECK(ClassifyDesign({}, {Mesh("Humans"), Mesh("In Vitro Techniques")},
                       parts) == Design::kInVitro);
  CHECK(ClassifyDesign({}, {Mesh("Humans"), Mesh("Cell Line, Tumor")}, parts) ==
        Design::kInVitro);
  CHECK(ClassifyDesign({},
                       {Mesh("Animals"), Mesh("Humans"),
                        Mesh("Cell Line, Tumor"), Mesh("Mice, Nude")},
                       parts) == Design::kAnimal);
  CHECK(ClassifyDesign({}, {Mesh("Humans"), Mesh("Retrospective Studies")},
                       parts) == Design::kCohort);
  CHECK(ClassifyDesign({}, {Mesh("Humans"), Mesh("Case-Control Studies")},
                       parts) == Design::kCaseControl);
  // Trials are indexed Prospective Studies too; their words tell.
  CHECK(ClassifyDesign({}, {Mesh("Humans"), Mesh("Prospective Studies")},
                       Abstract("T",
                                "Participants were randomized to A or "
                                "B.")) == Design::kRct);
}

TEST_CASE("design: the abstract's own words last", "[importers][design]") {
  struct Case {
    const char* title;
    const char* text;
    Design design;
  };
  const Case cases[] = {
      {"Melatonin for sleep onset",
       "In this randomized, double-blind, "
       "placebo-controlled trial, 46 adults took melatonin.",
       Design::kRct},
      {"Magnesium and leg cramps", "A meta-analysis of 7 trials.",
       Design::kMetaAnalysis},
      {"Magnesium and depression: a meta-analysis", "We pooled.",
       Design::kMetaAnalysis},
      {"Valerian: a systematic review", "We searched five databases.",
       Design::kSystematicReview},
      {"Magnesium deficiency alters GABA receptors",
       "Magnesium-deficient diets were given in rats for 4 weeks.",
       Design::kAnimal},
      {"GABA release", "Cortical neurons in vitro released GABA.",
       Design::kInVitro},
      {"Sleep and diet", "A cross-sectional survey of 1,204 adults.",
       Design::kCrossSectional},
      {"Sleep in nurses",
       "A prospective cohort of 5000 nurses was followed "
       "for 10 years.",
       Design::kCohort},
      {"Hypomagnesemia",
       "We report a case of a 54-year-old woman with "
       "cramps.",
       Design::kCaseReport},
      {"A case series", "Eight patients were seen.", Design::kCaseSeries},
      {"Open-label melatonin", "An open-label, single-arm trial.",
       Design::kControlledTrial},
      {"Sleep hygiene: a review", "Sleep matters.", Design::kNarrativeReview},
      {"Clinical practice guideline for insomnia", "Recommendations.",
       Design::kGuideline},
      {"Adherence to guidelines for insomnia", "We measured adherence.",
       Design::kUnknown},
      {"Sleep", "Sleep is important.", Design::kUnknown},
      // "Randomized controlled trials" about others is no design.
      {"Sleep and magnesium", "Randomized controlled trials are scarce.",
       Design::kUnknown},
      // Animal words next to patients are not an animal study.
      {"Ketamine", "Findings in mice led us to treat 20 patients.",
       Design::kUnknown},
  };
  for (const Case& c : cases) {
    INFO(c.title << " / " << c.text);
    CHECK(DesignName(ClassifyDesign({}, {}, Abstract(c.title, c.text))) ==
          std::string(DesignName(c.design)));
  }
  // BACKGROUND is about others: its words do not count.
  std::vector<DocumentPart> parts =
      Abstract("Magnesium and sleep", "Studies in rats suggest an effect.",
               "BACKGROUND");
  DocumentPart methods;
  methods.label = "METHODS";
  methods.text = "Adults were randomly assigned to magnesium or placebo.";
  parts.push_back(methods);
  CHECK(ClassifyDesign({}, {}, parts) == Design::kRct);
}

TEST_CASE("design: sample size from the abstract", "[importers][design]") {
  struct Case {
    const char* text;
    std::optional<long long> n;
  };
  const Case cases[] = {
      {"Participants (n = 46) took magnesium.", 46},
      {"Forty were enrolled (N=46).", 46},
      {"We studied 46 elderly subjects with insomnia.", 46},
      {"151 participants completed the trial.", 151},
      {"A total of 3849 patients underwent randomization, and 3836 (1277 in "
       "the terbutaline group) were analysed.",
       3849},
      {"We measured 386 pancreatic cancer cases and 896 matched controls.",
       1282},
      {"Twelve studies with 3,456 participants were pooled.", 3456},
      {"Our study included 101 patients (50 women and 51 men).", 101},
      {"Patients aged 46 years took 400 mg a day.", std::nullopt},
      {"In 2015 patients were enrolled.", std::nullopt},
      {"45% of patients improved.", std::nullopt},
      {"Magnesium improves sleep.", std::nullopt},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    CHECK(FindSampleSize(Abstract("Title with 999 patients", c.text)) == c.n);
  }
  // BACKGROUND numbers are someone else's.
  CHECK(FindSampleSize(Abstract("T", "A trial of 5000 adults found X.",
                                "BACKGROUND")) == std::nullopt);
}

TEST_CASE("design: section categories from labels", "[importers][design]") {
  struct Case {
    const char* label;
    const char* category;
  };
  const Case cases[] = {
      {"BACKGROUND", "BACKGROUND"},
      {"Introduction", "BACKGROUND"},
      {"CONTEXT", "BACKGROUND"},
      {"OBJECTIVES", "OBJECTIVE"},
      {"AIMS", "OBJECTIVE"},
      {"MATERIALS AND METHODS", "METHODS"},
      {"MATERIAL AND METHOD", "METHODS"},
      {"DESIGN, SETTING, AND PARTICIPANTS", "METHODS"},
      {"MAIN OUTCOMES AND MEASURES", "METHODS"},
      {"RESULTS", "RESULTS"},
      {"FINDINGS", "RESULTS"},
      {"CONCLUSION", "CONCLUSIONS"},
      {"CONCLUSIONS AND RELEVANCE", "CONCLUSIONS"},
      {"INTERPRETATION", "CONCLUSIONS"},
      {"TRIAL REGISTRATION", "UNASSIGNED"},
  };
  for (const Case& c : cases) {
    INFO(c.label);
    CHECK(SectionCategory(c.label) == c.category);
  }
}

TEST_CASE("design: records are retracted by type or by a RetractionIn link",
          "[importers][design]") {
  ImportedDocument d;
  d.document.publication_types = {"Journal Article"};
  d.parts = Abstract("T", "Adults were randomly assigned; n = 30.");
  ClassifyRecord(&d);
  CHECK(d.document.design == Design::kRct);
  CHECK(d.document.n == 30);
  CHECK_FALSE(d.document.retracted);
  d.record.links.push_back({"RetractionIn", "123", "J. 2020"});
  ClassifyRecord(&d);
  CHECK(d.document.retracted);
  CHECK(d.document.design == Design::kRct);
  // Letters and errata have no sample of their own.
  d.document.publication_types = {"Letter"};
  ClassifyRecord(&d);
  CHECK(d.document.design == Design::kLetter);
  CHECK_FALSE(d.document.n.has_value());
}

}  // namespace
}  // namespace claimcheck
