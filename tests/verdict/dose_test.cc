// A dose claim's amount against the real kb's reference values
// (src/verdict/dose.cc; docs/verdicts.md, "8. Doses against reference
// values").
#include <catch2/catch.hpp>

#include "claimcheck/verdict.h"
#include "real_kb.h"

namespace claimcheck {
namespace {

Judgement JudgeDose(const std::string& subject, double min, double max,
                    const std::string& unit, const std::string& per,
                    const std::string& basis = "",
                    const std::string& relation = "safe_dose",
                    const std::string& population = "") {
  ClaimQuery q;
  q.kind = ClaimKind::kDose;
  q.subject = subject;
  q.relation = relation;
  q.population = population;
  Quantity amount;
  amount.min = min;
  amount.max = max;
  amount.unit = unit;
  amount.per = per;
  amount.basis = basis;
  q.quantity = amount;
  Result<Judgement> j = testing::RealKb().engine->Judge(q);
  REQUIRE(j.ok());
  return std::move(j).value();
}

TEST_CASE("dose: an amount above the upper limit is not safe", "[verdict]") {
  // The 350 mg/day limit for supplemental magnesium (IOM 1997, VKM 2016).
  const Judgement high = JudgeDose("magnesium", 800, 800, "mg", "day");
  REQUIRE(high.dose.has_value());
  CHECK(high.dose->above);
  CHECK(high.dose->daily_mg == 800);
  REQUIRE(high.dose->upper_limit != nullptr);
  CHECK(*high.dose->upper_limit->amount->max == 350);
  CHECK(high.verdict == VerdictWord::kRefuted);
  CHECK(high.certainty == Certainty::kModerate);
  REQUIRE_FALSE(high.reasons.empty());
  CHECK(high.reasons.back().find("above the tolerable upper intake level of "
                                 "350 mg/day") != std::string::npos);
  // Grams are read as such; no "a day" is read as daily, and said so.
  const Judgement grams = JudgeDose("magnesium", 1, 1, "g", "");
  CHECK(grams.dose->daily_mg == 1000);
  CHECK(grams.dose->per_day_assumed);
  CHECK(grams.verdict == VerdictWord::kRefuted);
  // A salt falls under its mineral's limit.
  const Judgement citrate =
      JudgeDose("magnesium_citrate", 500, 500, "mg", "day", "elemental");
  CHECK(citrate.dose->limit_of == "magnesium");
  CHECK(citrate.verdict == VerdictWord::kRefuted);
}

TEST_CASE("dose: amounts the limit does not refute", "[verdict]") {
  const Judgement low = JudgeDose("magnesium", 200, 200, "mg", "day");
  REQUIRE(low.dose.has_value());
  CHECK_FALSE(low.dose->above);
  CHECK(low.verdict != VerdictWord::kRefuted);
  CHECK_FALSE(low.dose->intakes.empty());  // the RDA shown beside it
  // 500 mg of the compound holds far less magnesium: not compared.
  const Judgement compound =
      JudgeDose("magnesium_citrate", 500, 500, "mg", "day", "compound");
  CHECK_FALSE(compound.dose->above);
  // A unit that is not a mass is shown, never compared.
  const Judgement units = JudgeDose("magnesium", 5000, 5000, "IU", "day");
  CHECK(units.dose->daily_mg < 0);
  CHECK_FALSE(units.dose->above);
  CHECK(units.verdict != VerdictWord::kRefuted);
  // Per week is not per day: not compared.
  const Judgement weekly = JudgeDose("magnesium", 2000, 2000, "mg", "week");
  CHECK(weekly.dose->daily_mg < 0);
  CHECK_FALSE(weekly.dose->above);
}

TEST_CASE("dose: a form's amount of unspecified basis is read as the element",
          "[verdict]") {
  // "400 mg magnesium citrate": labels give the magnesium, and it says so.
  const Judgement form =
      JudgeDose("magnesium_citrate", 400, 400, "mg", "day", "unspecified");
  CHECK(form.dose->above);
  CHECK(form.dose->compared);
  CHECK(form.verdict == VerdictWord::kRefuted);
  CHECK(form.dose->basis_note.find("read as elemental magnesium") !=
        std::string::npos);
  // Said of the compound: not compared, and said so.
  const Judgement compound =
      JudgeDose("magnesium_citrate", 400, 400, "mg", "day", "compound");
  CHECK_FALSE(compound.dose->compared);
  CHECK(compound.dose->basis_note.starts_with("said of the compound"));
  CHECK(compound.verdict != VerdictWord::kRefuted);
}

TEST_CASE("dose: advice to take an amount above the limit is refuted",
          "[verdict]") {
  const Judgement high =
      JudgeDose("magnesium", 1000, 1000, "mg", "day", "", "dose");
  CHECK(high.verdict == VerdictWord::kRefuted);
  CHECK(high.certainty == Certainty::kModerate);
  CHECK(high.reasons.back().starts_with("advice to take 1000 mg a day"));
  // Within the limit, the limit says nothing of whether it works.
  const Judgement low =
      JudgeDose("magnesium", 200, 200, "mg", "day", "", "dose");
  CHECK(low.verdict == VerdictWord::kUnsourced);
  // A range reaching above it: only its lower part is safe.
  const Judgement range =
      JudgeDose("magnesium", 200, 400, "mg", "day", "", "dose");
  CHECK(range.verdict == VerdictWord::kContested);
}

TEST_CASE("dose: what people need is read against the recommended intake",
          "[verdict]") {
  // Magnesium's RDA for adults is 310-420 mg/day (IOM 1997).
  const Judgement rda =
      JudgeDose("magnesium", 400, 400, "mg", "day", "", "recommended_intake");
  CHECK(rda.verdict == VerdictWord::kSupported);
  CHECK(rda.certainty >= Certainty::kModerate);
  CHECK(rda.dose->intakes_of == "magnesium");
  // A total intake is not compared with a limit on supplements.
  CHECK_FALSE(rda.dose->compared);
  CHECK_FALSE(rda.dose->above);
  const Judgement far =
      JudgeDose("magnesium", 1000, 1000, "mg", "day", "", "recommended_intake");
  CHECK(far.verdict == VerdictWord::kRefuted);
  CHECK(far.certainty == Certainty::kModerate);
  CHECK(far.reasons.back().find("is not the recommended intake for "
                                "magnesium") != std::string::npos);
  // A range only partly within it.
  const Judgement part =
      JudgeDose("magnesium", 200, 400, "mg", "day", "", "recommended_intake");
  CHECK(part.verdict == VerdictWord::kContested);
  // In IU, through vitamin D's unit conversion: 600 IU is 15 mcg.
  const Judgement vitd =
      JudgeDose("D014807", 600, 600, "IU", "day", "", "recommended_intake");
  CHECK(vitd.verdict == VerdictWord::kSupported);
  // A salt's need comes from its element's intakes.
  const Judgement salt = JudgeDose("magnesium_citrate", 5000, 5000, "mg", "day",
                                   "unspecified", "recommended_intake");
  CHECK(salt.dose->intakes_of == "magnesium");
  CHECK(salt.verdict == VerdictWord::kRefuted);
}

TEST_CASE("dose: the claim's population picks its group's values",
          "[verdict]") {
  CHECK(DoseGroup("children") == "children");
  CHECK(DoseGroup("pregnant women") == "pregnancy");
  CHECK(DoseGroup("older adults") == "older_adults");
  CHECK(DoseGroup("adults") == "");
  CHECK(DoseGroup("") == "");
  // Vitamin D: 4000 IU (100 mcg) is the adults' limit, above the
  // children's (63 mcg at 1-3 years, IOM 2011).
  const Judgement adult =
      JudgeDose("D014807", 4000, 4000, "IU", "day", "", "safe_dose", "");
  CHECK(adult.verdict == VerdictWord::kSupported);
  const Judgement child = JudgeDose("D014807", 4000, 4000, "IU", "day", "",
                                    "safe_dose", "children");
  CHECK(child.dose->group == "children");
  REQUIRE(child.dose->upper_limit != nullptr);
  CHECK(child.dose->upper_limit->group == "children");
  CHECK(child.verdict == VerdictWord::kRefuted);
  // Caffeine: EFSA's 200 mg for pregnancy, not the adults' 400 mg.
  const Judgement pregnant = JudgeDose("D002110", 300, 300, "mg", "day", "",
                                       "safe_dose", "pregnant women");
  CHECK(pregnant.verdict == VerdictWord::kRefuted);
  CHECK(JudgeDose("D002110", 300, 300, "mg", "day").verdict ==
        VerdictWord::kSupported);
  // Zinc has a limit for adults only: a child's dose is not judged by it.
  const Judgement zinc =
      JudgeDose("D015032", 20, 20, "mg", "day", "", "safe_dose", "children");
  CHECK_FALSE(zinc.dose->limit_for_group);
  CHECK_FALSE(zinc.dose->compared);
  CHECK(zinc.verdict == VerdictWord::kUnsourced);
  CHECK(zinc.dose->group_note.find("no upper limit for them") !=
        std::string::npos);
  // An older adult is an adult: the adults' limit stands in, and says so.
  const Judgement older = JudgeDose("D015032", 60, 60, "mg", "day", "",
                                    "safe_dose", "older adults");
  CHECK(older.dose->limit_for_group);
  CHECK(older.verdict == VerdictWord::kRefuted);
  CHECK(older.dose->group_note.find("the adults' stands in") !=
        std::string::npos);
  // What adults need says nothing of what children need.
  const Judgement need = JudgeDose("magnesium", 400, 400, "mg", "day", "",
                                   "recommended_intake", "children");
  CHECK(need.verdict == VerdictWord::kUnsourced);
}

}  // namespace
}  // namespace claimcheck
