// A comparison the claim denies ("citrate is not better absorbed than
// oxide"): judged as the comparison, its verdict and stances turned
// (docs/verdicts.md, "1. Reading a claim"), on the real kb.
#include <catch2/catch.hpp>

#include "claimcheck/verdict.h"
#include "real_kb.h"

namespace claimcheck {
namespace {

Judgement JudgeComparison(bool negated) {
  ClaimQuery q;
  q.kind = ClaimKind::kComparison;
  q.subject = "magnesium_citrate";
  q.relation = "more_bioavailable_than";
  q.object = "magnesium_oxide";
  q.negated = negated;
  Result<Judgement> j = testing::RealKb().engine->Judge(q);
  REQUIRE(j.ok());
  return std::move(j).value();
}

TEST_CASE("denial: a denied comparison takes the turned verdict",
          "[verdict][kb]") {
  const Judgement said = JudgeComparison(false);
  const Judgement denied = JudgeComparison(true);
  // The kb's evidence has citrate absorbed better (kb/claims.json).
  REQUIRE(said.verdict == VerdictWord::kSupported);
  CHECK(denied.verdict == VerdictWord::kRefuted);
  CHECK(denied.certainty == said.certainty);
  REQUIRE(denied.evidence.size() == said.evidence.size());
  for (std::size_t i = 0; i < said.evidence.size(); ++i) {
    if (said.evidence[i].stance == Stance::kSupports) {
      CHECK(denied.evidence[i].stance == Stance::kRefutes);
    }
    if (said.evidence[i].stance == Stance::kNullResult ||
        said.evidence[i].stance == Stance::kRefutes) {
      CHECK(denied.evidence[i].stance == Stance::kSupports);
    }
  }
  REQUIRE_FALSE(denied.reasons.empty());
  CHECK(denied.reasons.back().starts_with("the claim denies the comparison"));
}

TEST_CASE("denial: an extracted negated comparison asks the denial",
          "[verdict][kb]") {
  Result<Text> t = Text::FromBytes(
      "Magnesium citrate is not absorbed better than magnesium oxide.\n",
      "t.txt", nullptr);
  REQUIRE(t.ok());
  const std::vector<Claim> claims =
      testing::RealKb().extractor->Extract(t.value());
  REQUIRE(claims.size() == 1);
  CHECK(claims[0].negated);
  const ClaimQuery q = QueryOf(claims[0]);
  CHECK(q.negated);
  Result<Judgement> j = testing::RealKb().engine->Judge(q);
  REQUIRE(j.ok());
  CHECK(j.value().verdict == VerdictWord::kRefuted);
}

}  // namespace
}  // namespace claimcheck
