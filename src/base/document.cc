// Design words (kb/FORMAT.md "Designs"): the one table that names, parses and
// lists study designs. Covered by tests/kb/knowledge_test.cc.
#include "claimcheck/document.h"

#include "base/word_table.h"

namespace claimcheck {

namespace {

constexpr WordTable<Design, 20> kDesignWords{{{
    {Design::kMetaAnalysis, "meta_analysis"},
    {Design::kSystematicReview, "systematic_review"},
    {Design::kRct, "rct"},
    {Design::kControlledTrial, "controlled_trial"},
    {Design::kCohort, "cohort"},
    {Design::kCaseControl, "case_control"},
    {Design::kCrossSectional, "cross_sectional"},
    {Design::kCaseSeries, "case_series"},
    {Design::kCaseReport, "case_report"},
    {Design::kAnimal, "animal"},
    {Design::kInVitro, "in_vitro"},
    {Design::kNarrativeReview, "narrative_review"},
    {Design::kGuideline, "guideline"},
    {Design::kEditorial, "editorial"},
    {Design::kLetter, "letter"},
    {Design::kErratum, "erratum"},
    {Design::kRetraction, "retraction"},
    {Design::kWellnessArticle, "wellness_article"},
    {Design::kPressRelease, "press_release"},
    {Design::kUnknown, "unknown"},
}}};
static_assert(kDesignWords.InEnumOrder());

}  // namespace

const char* DesignName(Design design) {
  return kDesignWords.Name(design, "unknown");
}

std::optional<Design> ParseDesign(std::string_view name) {
  return kDesignWords.Parse(name);
}

const std::vector<Design>& AllDesigns() {
  static const std::vector<Design> all = kDesignWords.All();
  return all;
}

bool CanBeEvidence(Design design) {
  switch (design) {
    case Design::kWellnessArticle:
    case Design::kPressRelease:
    case Design::kEditorial:
    case Design::kLetter:
    case Design::kErratum:
    case Design::kRetraction:
    case Design::kUnknown:
      return false;
    default:
      return true;
  }
}

}  // namespace claimcheck
