// ReadUserClaim (src/claims/user_claim.cc): a user's words read as one
// claim, misspelt names read as the names they are near only when the text
// then makes a claim on them.
#include "claimcheck/claims.h"
#include "claimcheck/verdict.h"
#include "real_kb.h"
#include "test_util.h"

namespace claimcheck {

namespace {

std::optional<UserClaim> Read(const std::string& text) {
  return ReadUserClaim(*testing::RealKb().extractor,
                       testing::RealKb().vocabulary, text);
}

}  // namespace

TEST_CASE("user claim: the first claim of a well-spelt text, as written",
          "[claims][query]") {
  const auto read = Read("Does magnesium help restless legs?");
  REQUIRE(read);
  CHECK(read->claim.subject->id == "magnesium");
  CHECK(read->claim.relation == "decreases");
  CHECK(read->corrected.empty());
  CHECK_FALSE(Read("The weather is nice today."));
}

TEST_CASE("user claim: misspelt names are read as the names they are near",
          "[claims][query]") {
  const auto one = Read("magnessium helps with cramps");
  REQUIRE(one);
  CHECK(one->claim.subject->id == "magnesium");
  CHECK(one->claim.object->id == "muscle_cramps");
  REQUIRE(one->corrected.size() == 1);
  CHECK(one->corrected[0].first == "magnessium");
  // Two at once, subject and object.
  const auto two = Read("magneisum reduces anxeity");
  REQUIRE(two);
  CHECK(two->claim.subject->id == "magnesium");
  CHECK(two->claim.object->id == "anxiety");
  CHECK(two->corrected.size() == 2);
}

TEST_CASE(
    "user claim: an ordinary word near a name is never read as it unless the "
    "claim is about that name",
    "[claims][query]") {
  // "worse" is one edit from "Horse", "better" from "Butter": neither is
  // read in, so no claim is made up.
  CHECK_FALSE(Read("magnesium works better than nothing"));
  const auto read = Read("magnessium makes nothing worse");
  if (read) {
    for (const auto& [word, name] : read->corrected) CHECK(word != "worse");
  }
}

}  // namespace claimcheck

namespace claimcheck {

TEST_CASE(
    "user claim: a question about taking a mechanism is about what it is "
    "taken as",
    "[claims][query]") {
  // kb/concepts/mechanisms.json: melatonin (the hormone) is taken as
  // melatonin_supplement.
  const auto read =
      ReadUserClaim(*testing::RealKb().extractor, testing::RealKb().vocabulary,
                    "does melatonin help you sleep?");
  REQUIRE(read);
  CHECK(read->claim.subject->id == "melatonin_supplement");
  REQUIRE(read->taken_as.size() == 1);
  CHECK(read->taken_as[0].first == "melatonin");
  // A text that names an intervention is read as written: the hormone
  // stays the hormone.
  const auto both =
      ReadUserClaim(*testing::RealKb().extractor, testing::RealKb().vocabulary,
                    "magnesium increases melatonin");
  REQUIRE(both);
  CHECK(both->claim.subject->id == "magnesium");
  CHECK(both->claim.object->id == "melatonin");
  CHECK(both->taken_as.empty());
}

}  // namespace claimcheck

namespace claimcheck {

TEST_CASE("user claim: everyday phrases are read in the rules' words",
          "[claims][query]") {
  // kb/lexicon.tsv, paraphrases: only when the text as typed makes no claim.
  const auto out = Read("valerian knocks you out");
  REQUIRE(out);
  CHECK(out->claim.subject->id == "valerian");
  CHECK(out->claim.object->id == "sleep");
  CHECK(out->claim.relation == "increases");
  REQUIRE(out->paraphrased.size() == 1);
  CHECK(out->paraphrased[0].first == "knocks you out");
  // An inflected form, a concept's word inside the phrase, and a mechanism
  // read as what it is taken as.
  const auto longer = Read("does melatonin make you sleep longer?");
  REQUIRE(longer);
  CHECK(longer->claim.subject->id == "melatonin_supplement");
  CHECK(longer->claim.object->id == "sleep_duration");
  CHECK(longer->claim.relation == "increases");
  // Denied: "is not a laxative" is no effect on bowel movements.
  const auto lax = Read("magnesium citrate is not a laxative");
  REQUIRE(lax);
  CHECK(lax->claim.subject->id == "magnesium_citrate");
  CHECK(lax->claim.object->id == "bowel_movement");
  CHECK(lax->claim.relation == "no_effect");
  // With a misspelt name too.
  const auto both = Read("magnesiun citrate makes you go to the bathroom");
  REQUIRE(both);
  CHECK(both->claim.subject->id == "magnesium_citrate");
  CHECK(both->claim.object->id == "bowel_movement");
  CHECK_FALSE(both->corrected.empty());
  CHECK_FALSE(both->paraphrased.empty());
  // A text that reads as typed is not paraphrased.
  const auto plain = Read("magnesium improves sleep");
  REQUIRE(plain);
  CHECK(plain->paraphrased.empty());
}

TEST_CASE("user claim: a salt's bare name beside a mineral names its salt",
          "[claims][query]") {
  const auto read = Read("magnesium oxide is absorbed better than citrate");
  REQUIRE(read);
  CHECK(read->claim.subject->id == "magnesium_oxide");
  REQUIRE(read->claim.object != nullptr);
  CHECK(read->claim.object->id == "magnesium_citrate");
  REQUIRE(read->forms.size() == 1);
  CHECK(read->forms[0].second == "magnesium citrate");
  // Nothing to expand when no mineral is named, or the name is whole.
  const auto whole =
      Read("magnesium oxide is absorbed better than magnesium citrate");
  REQUIRE(whole);
  CHECK(whole->forms.empty());
}

TEST_CASE("user claim: a denied comparison is read as denied",
          "[claims][query]") {
  const auto read =
      Read("magnesium citrate is not better absorbed than magnesium oxide");
  REQUIRE(read);
  CHECK(read->claim.kind == ClaimKind::kComparison);
  CHECK(read->claim.relation == "more_bioavailable_than");
  CHECK(read->claim.negated);
  const ClaimQuery q = QueryOf(read->claim);
  CHECK(q.negated);
  // The same comparison said plainly is not.
  const auto plain =
      Read("magnesium citrate is better absorbed than magnesium oxide");
  REQUIRE(plain);
  CHECK_FALSE(plain->claim.negated);
}

TEST_CASE("user claim: a misspelt predicate is read as the word it is near",
          "[claims][query]") {
  const auto read = Read("magnesium citrate is more bioavailible than oxide");
  REQUIRE(read);
  CHECK(read->claim.relation == "more_bioavailable_than");
  REQUIRE(read->respelt.size() == 1);
  CHECK(read->respelt[0].first == "bioavailible");
  CHECK(read->respelt[0].second == "bioavailable");
  CHECK(read->corrected.empty());
  const auto verb = Read("magnesium reduses anxiety");
  REQUIRE(verb);
  CHECK(verb->claim.relation == "decreases");
  CHECK(verb->claim.object->id == "anxiety");
  // A word near no cue stays as typed: no claim.
  CHECK_FALSE(Read("magnesium zzzzzz anxiety"));
}

}  // namespace claimcheck
