// The verdicts the real kb/ gives the claims of the evidence sheet
// (../shared/evidence/studies.json): each with the verdict and certainty a
// careful reader of those studies would give, and why. Also: every sheet
// claim's evidence cites at least one study the sheet records for it.
#include <rapidjson/document.h>

#include <fstream>
#include <map>
#include <set>
#include <string>

#include "claimcheck/knowledge.h"
#include "claimcheck/verdict.h"
#include "real_kb.h"
#include "test_util.h"
#include "user_query.h"

namespace claimcheck {

namespace {

using testing::RealKb;

Judgement JudgeCurated(const CuratedClaim& c) {
  Result<Judgement> j = RealKb().engine->Judge(testing::CuratedQuery(c));
  REQUIRE(j.ok());
  return std::move(j).value();
}

struct Expected {
  const char* claim;
  VerdictWord verdict;
  Certainty certainty;
  const char* why;  // one line: what a careful reader sees in the studies
};

using V = VerdictWord;
using C = Certainty;

// clang-format off
const Expected kExpected[] = {
  {"mg_improves_sleep", V::kContested, C::kVeryLow,
   "two systematic reviews call the trials inconsistent; small positive RCTs (L-threonate, a blend) against a null one; every trial under 100 people (GRADE: very serious imprecision)"},
  {"mg_reduces_sleep_onset_latency", V::kSupported, C::kLow,
   "Mah 2021 pools 2 small trials: 17 min shorter, rated low certainty by its authors"},
  {"mg_citrate_improves_sleep_quality", V::kRefuted, C::kLow,
   "the one citrate RCT (Nielsen 2010, n = 100) found no difference from placebo; reviews of magnesium in general are mixed"},
  {"mg_increases_melatonin", V::kSupported, C::kLow,
   "one small RCT (Abbasi 2012) raised serum melatonin, rat studies agree; a tiny i.v. study found nothing"},
  {"mg_lowers_cortisol", V::kSupported, C::kLow,
   "small RCTs (Abbasi, Held, Schutten post hoc) lower cortisol; all under 50 people"},
  {"mg_activates_gaba_receptors", V::kSupported, C::kVeryLow,
   "only rodent and patch-clamp work: shown in the lab, not in people (a mechanism on lab work alone is at most very low)"},
  {"mg_nmda_antagonist", V::kSupported, C::kVeryLow,
   "the voltage-dependent Mg2+ block of NMDA channels is textbook in vitro physiology; not measured in people taking supplements"},
  {"mg_converts_tryptophan_to_serotonin", V::kRefuted, C::kLow,
   "the enzymes need iron/BH4 and vitamin B6, not magnesium (enzyme references)"},
  {"mg_regulates_circadian_rhythm", V::kContested, C::kVeryLow,
   "a cell study finds Mg2+ rhythms; a rat study finds no clock effect"},
  {"mg_activates_parasympathetic", V::kSupported, C::kLow,
   "two RCTs improve heart-rate variability, a marker of vagal tone, not the system itself"},
  {"mg_reduces_anxiety", V::kContested, C::kVeryLow,
   "reviews call the evidence mixed and poor; the one recent RCT found nothing; the rest is rodents"},
  {"mg_helps_restless_legs", V::kContested, C::kLow,
   "a Cochrane-type review finds no effect, a 2024 review with high risk of bias finds benefit"},
  {"mg_relieves_muscle_cramps", V::kRefuted, C::kModerate,
   "Cochrane 2020: little or no effect on idiopathic cramps (high certainty for responders); one later oxide RCT positive"},
  {"mg_citrate_more_bioavailable_than_oxide", V::kSupported, C::kModerate,
   "a systematic review (organic salts absorbed better than inorganic) and small RCTs (Walker, Kappeler) agree; one tissue-marker study disagrees"},
  {"mg_glycinate_gentler_on_digestion", V::kSupported, C::kVeryLow,
   "one 12-person study in ileal-resection patients: fewer GI effects with the chelate"},
  {"mg_citrate_laxative", V::kSupported, C::kHigh,
   "the FDA OTC label states it; EFSA-type risk assessments agree"},
  {"mg_citrate_onset_30_60_min", V::kRefuted, C::kLow,
   "the 30 min - 6 h window on the label is the laxative effect; nothing shows sleep effects in an hour"},
  {"mg_citrate_200_400mg_bedtime_safe", V::kContested, C::kModerate,
   "within the US UL of 350 mg up to 350; the upper end exceeds it and the BfR/VKM advise less per dose"},
  {"adults_need_310_420mg_mg", V::kSupported, C::kHigh,
   "the IOM RDA and the NIH fact sheet give 310-420 mg/day total intake"},
  {"mg_avoid_in_kidney_impairment", V::kSupported, C::kHigh,
   "the label warns; cohort and case series show hypermagnesemia in kidney disease"},
  {"b6_enhances_mg_effect", V::kContested, C::kLow,
   "Pouteau 2018: B6 added nothing overall, helped only the most stressed subgroup"},
  {"melatonin_reduces_sleep_onset_latency", V::kSupported, C::kModerate,
   "meta-analysis of 19 RCTs: about 7 min faster; the AASM calls the evidence weak"},
  {"valerian_improves_sleep", V::kContested, C::kModerate,
   "meta-analyses disagree (Leach 2015 null, Shinjyo 2020 positive); AASM advises against"},
  {"chamomile_improves_sleep", V::kContested, C::kModerate,
   "Leach 2015 and a small RCT null; two later meta-analyses find better sleep quality but not insomnia"},
  {"glycine_improves_sleep_quality", V::kSupported, C::kLow,
   "small Japanese trials (n = 19, 11) improve subjective sleep quality"},
  {"melatonin_hormone_shortens_sleep_onset", V::kSupported, C::kModerate,
   "chain link: melatonin by mouth shortens onset latency (meta-analysis), one step removed from the body's own hormone"},
};
// clang-format on

TEST_CASE("curated verdicts: every claim of kb/ has its expected verdict",
          "[verdict][kb]") {
  const Knowledge& k = RealKb().knowledge;
  std::set<std::string> tabled;
  for (const Expected& want : kExpected) {
    tabled.insert(want.claim);
    const CuratedClaim* c = k.FindClaim(want.claim);
    REQUIRE(c != nullptr);
    const Judgement j = JudgeCurated(*c);
    std::string reasons;
    for (const std::string& r : j.reasons) reasons += "  " + r + "\n";
    INFO(want.claim << ": " << want.why << "\n" << reasons);
    CHECK(VerdictName(j.verdict) == std::string(VerdictName(want.verdict)));
    CHECK(CertaintyName(j.certainty) ==
          std::string(CertaintyName(want.certainty)));
    CHECK_FALSE(j.reasons.empty());
  }
  // A claim added to kb/ gets a line here too, or (the claims added for
  // issue 25) a row of curated_expected.tsv (curated_expected_test.cc).
  std::ifstream more(testing::SourceDir() +
                     "/tests/verdict/curated_expected.tsv");
  for (std::string line; std::getline(more, line);) {
    if (line.empty() || line[0] == '#') continue;
    tabled.insert(line.substr(0, line.find('\t')));
  }
  for (const CuratedClaim& c : k.claims()) {
    INFO(c.id);
    CHECK(tabled.count(c.id) == 1);
  }
}

TEST_CASE(
    "curated verdicts: each sheet claim cites a study the sheet records "
    "for it",
    "[verdict][kb]") {
  const std::string sheet =
      testing::Slurp(testing::SharedDir() + "/evidence/studies.json");
  rapidjson::Document d;
  d.Parse(sheet.c_str());
  REQUIRE(d.IsArray());
  // sheet claim text -> study ids the sheet lists under it
  std::map<std::string, std::set<std::string>> studies_of;
  for (const auto& study : d.GetArray()) {
    for (const auto& claim : study["claims"].GetArray()) {
      studies_of[claim.GetString()].insert(study["id"].GetString());
    }
  }
  REQUIRE(studies_of.size() >= 24);
  std::size_t checked = 0;
  for (const auto& [sheet_claim, ids] : studies_of) {
    const CuratedClaim* curated = nullptr;
    for (const CuratedClaim& c : RealKb().knowledge.claims()) {
      if (c.sheet_claim == sheet_claim) curated = &c;
    }
    INFO(sheet_claim);
    REQUIRE(curated != nullptr);
    const Judgement j = JudgeCurated(*curated);
    std::size_t cited = 0;
    for (const Evidence& e : j.evidence) cited += ids.count(e.source.study);
    CHECK(cited > 0);
    ++checked;
  }
  CHECK(checked == studies_of.size());
}

}  // namespace

}  // namespace claimcheck
