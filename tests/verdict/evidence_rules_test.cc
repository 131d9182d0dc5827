// docs/verdicts.md sections 1, 4 and 5 as functions over evidence made in
// memory (src/verdict/rules.h): no knowledge base, store or vocabulary.
#include <catch2/catch.hpp>
#include <optional>
#include <string>
#include <vector>

#include "verdict/rules.h"

namespace claimcheck {
namespace {

using verdict_internal::Deny;
using verdict_internal::GradeSource;
using verdict_internal::WeighBody;

// One weighed source: its design, its stance, its level after its own
// downgrades (section 4).
Evidence Weighed(const std::string& id, Design design, Stance stance,
                 Certainty level, Directness directness = Directness::kDirect) {
  Evidence e;
  e.source.id = id;
  e.source.design = design;
  e.stance = stance;
  e.level = level;
  e.directness = directness;
  e.weighed = true;
  return e;
}

Judgement Weigh(std::vector<Evidence> evidence,
                ClaimKind kind = ClaimKind::kEffect) {
  Judgement j;
  j.evidence = std::move(evidence);
  WeighBody(kind, &j);
  return j;
}

std::string Reasons(const Judgement& j) {
  std::string s;
  for (const std::string& r : j.reasons) s += r + "\n";
  return s;
}

TEST_CASE("weigh body: one side alone wins at its strongest source's level",
          "[verdict][rules]") {
  const Judgement j = Weigh(
      {Weighed("a", Design::kRct, Stance::kSupports, Certainty::kModerate),
       Weighed("b", Design::kCohort, Stance::kSupports, Certainty::kLow)});
  INFO(Reasons(j));
  CHECK(j.verdict == VerdictWord::kSupported);
  CHECK(j.certainty == Certainty::kModerate);
  CHECK(j.reasons.front() == "weighed: 1 RCT, 1 cohort");
  const Judgement r = Weigh(
      {Weighed("a", Design::kRct, Stance::kNullResult, Certainty::kHigh)});
  CHECK(r.verdict == VerdictWord::kRefuted);
  CHECK(r.certainty == Certainty::kHigh);
}

TEST_CASE("weigh body: both sides at one level are contested, down one",
          "[verdict][rules]") {
  const Judgement j = Weigh(
      {Weighed("a", Design::kRct, Stance::kSupports, Certainty::kModerate),
       Weighed("b", Design::kRct, Stance::kRefutes, Certainty::kModerate)});
  INFO(Reasons(j));
  CHECK(j.verdict == VerdictWord::kContested);
  CHECK(j.certainty == Certainty::kLow);
}

TEST_CASE("weigh body: a close other side costs the winner a level",
          "[verdict][rules]") {
  const Judgement j = Weigh(
      {Weighed("a", Design::kMetaAnalysis, Stance::kSupports, Certainty::kHigh),
       Weighed("b", Design::kRct, Stance::kNullResult, Certainty::kModerate)});
  INFO(Reasons(j));
  CHECK(j.verdict == VerdictWord::kSupported);
  CHECK(j.certainty == Certainty::kModerate);
  // A very low other side is too uncertain to make the body inconsistent.
  const Judgement k = Weigh(
      {Weighed("a", Design::kRct, Stance::kSupports, Certainty::kLow),
       Weighed("b", Design::kCohort, Stance::kRefutes, Certainty::kVeryLow)});
  INFO(Reasons(k));
  CHECK(k.verdict == VerdictWord::kSupported);
  CHECK(k.certainty == Certainty::kLow);
}

TEST_CASE("weigh body: a controlled design outweighs a case series",
          "[verdict][rules]") {
  const Judgement j = Weigh(
      {Weighed("a", Design::kCaseSeries, Stance::kSupports, Certainty::kLow),
       Weighed("b", Design::kRct, Stance::kNullResult, Certainty::kLow)});
  INFO(Reasons(j));
  CHECK(j.verdict == VerdictWord::kRefuted);
}

TEST_CASE("weigh body: only mixed findings are contested", "[verdict][rules]") {
  const Judgement j = Weigh({Weighed("a", Design::kSystematicReview,
                                     Stance::kMixed, Certainty::kLow)});
  CHECK(j.verdict == VerdictWord::kContested);
  CHECK(j.certainty == Certainty::kVeryLow);
}

TEST_CASE("weigh body: nothing weighed says which unsourced it is",
          "[verdict][rules]") {
  const Judgement none = Weigh({});
  CHECK(none.verdict == VerdictWord::kUnsourced);
  CHECK(Reasons(none).find("no study in the knowledge base tests it") !=
        std::string::npos);

  Evidence context;
  context.source.id = "c";
  context.source.design = Design::kNarrativeReview;
  context.not_weighed = "context";
  const Judgement read = Weigh({context});
  CHECK(read.verdict == VerdictWord::kUnsourced);
  CHECK(Reasons(read).find("no evidence among the 1 source read") !=
        std::string::npos);

  // Lab work alone: a plausible mechanism for an effect claim.
  Evidence lab;
  lab.source.id = "m";
  lab.source.design = Design::kAnimal;
  lab.stance = Stance::kSupports;
  lab.not_weighed = "mechanistic";
  const Judgement mechanism = Weigh({lab});
  CHECK(mechanism.verdict == VerdictWord::kUnsourced);
  CHECK(mechanism.plausible_mechanism);
}

TEST_CASE("weigh body: imported documents counted but not listed take sides",
          "[verdict][rules]") {
  Judgement j;
  j.evidence = {
      Weighed("a", Design::kRct, Stance::kSupports, Certainty::kModerate)};
  j.unlisted.push_back(
      {"s", "increases", "o", Design::kRct, Stance::kSupports, 4});
  // Lab work is not counted for an effect claim.
  j.unlisted.push_back(
      {"s", "increases", "o", Design::kInVitro, Stance::kRefutes, 9});
  WeighBody(ClaimKind::kEffect, &j);
  INFO(Reasons(j));
  CHECK(j.verdict == VerdictWord::kSupported);
  CHECK(Reasons(j).find("and 4 more imported documents") != std::string::npos);
}

// One source as section 4 grades it for a claim of `kind`.
Evidence Graded(Design design, std::optional<long long> n,
                ClaimKind kind = ClaimKind::kEffect,
                Directness directness = Directness::kDirect,
                bool high_risk_of_bias = false,
                std::optional<Certainty> cap = std::nullopt) {
  Evidence e;
  e.source.id = "s";
  e.source.design = design;
  e.source.n = n;
  e.stance = Stance::kSupports;
  e.directness = directness;
  GradeSource(kind, high_risk_of_bias, cap, &e);
  return e;
}

TEST_CASE("grade source: start by design, down for size, directness, bias",
          "[verdict][rules]") {
  // An RCT of 500 stays high; one of 60 is at most low (issue 24: "one
  // trial with fewer than 100 people is at most low").
  CHECK(Graded(Design::kRct, 500).level == Certainty::kHigh);
  const Evidence small = Graded(Design::kRct, 60);
  CHECK(small.weighed);
  CHECK(small.level == Certainty::kLow);
  CHECK(small.steps.back() == "down two: very serious imprecision (n = 60)");
  CHECK(Graded(Design::kRct, 250).level == Certainty::kModerate);
  CHECK(Graded(Design::kRct, std::nullopt).level == Certainty::kModerate);
  // Observational designs start low.
  CHECK(Graded(Design::kCohort, 5000).level == Certainty::kLow);
  // Indirect, then risk of bias, then the authors' own rating as a cap.
  CHECK(Graded(Design::kRct, 500, ClaimKind::kEffect, Directness::kOtherForm)
            .level == Certainty::kModerate);
  CHECK(Graded(Design::kMetaAnalysis, 2000, ClaimKind::kEffect,
               Directness::kDirect, true)
            .level == Certainty::kModerate);
  CHECK(Graded(Design::kMetaAnalysis, 2000, ClaimKind::kEffect,
               Directness::kDirect, false, Certainty::kLow)
            .level == Certainty::kLow);
}

TEST_CASE("grade source: lab work is a mechanism's, at most very low",
          "[verdict][rules]") {
  const Evidence effect = Graded(Design::kAnimal, std::nullopt);
  CHECK_FALSE(effect.weighed);
  CHECK(effect.not_weighed == "mechanistic");
  const Evidence mechanism =
      Graded(Design::kInVitro, std::nullopt, ClaimKind::kMechanism);
  CHECK(mechanism.weighed);
  CHECK(mechanism.level == Certainty::kVeryLow);
  // Never weighed: context, a retracted paper, a page that makes claims.
  Evidence context;
  context.source.design = Design::kRct;
  context.stance = Stance::kContext;
  GradeSource(ClaimKind::kEffect, false, std::nullopt, &context);
  CHECK(context.not_weighed == "context");
  Evidence retracted = Graded(Design::kRct, 500);
  retracted.weighed = false;
  retracted.steps.clear();
  retracted.source.retracted = true;
  GradeSource(ClaimKind::kEffect, false, std::nullopt, &retracted);
  CHECK(retracted.not_weighed == "retracted");
  CHECK_FALSE(retracted.weighed);
}

TEST_CASE("deny: a denied comparison turns the verdict and every stance",
          "[verdict][rules]") {
  Judgement j = Weigh(
      {Weighed("a", Design::kRct, Stance::kSupports, Certainty::kModerate)},
      ClaimKind::kComparison);
  REQUIRE(j.verdict == VerdictWord::kSupported);
  Deny(&j);
  CHECK(j.verdict == VerdictWord::kRefuted);
  CHECK(j.certainty == Certainty::kModerate);
  CHECK(j.evidence.front().stance == Stance::kRefutes);
  Judgement contested = Weigh(
      {Weighed("a", Design::kRct, Stance::kSupports, Certainty::kModerate),
       Weighed("b", Design::kRct, Stance::kNullResult, Certainty::kModerate)},
      ClaimKind::kComparison);
  Deny(&contested);
  CHECK(contested.verdict == VerdictWord::kContested);
  CHECK(contested.evidence[1].stance == Stance::kSupports);
}

}  // namespace
}  // namespace claimcheck
