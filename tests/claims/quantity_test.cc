// The amount scanner on the forms the seeds write.
#include "claims/quantity.h"

#include <catch2/catch.hpp>
#include <string>

namespace claimcheck::claims_internal {
namespace {

std::vector<FoundQuantity> Find(const std::string& s) {
  return FindQuantities(s, 0, s.size());
}

TEST_CASE("quantities: ranges, units, per day, basis", "[claims][quantity]") {
  auto q = Find("ranges from 200 to 400 mg per day");
  REQUIRE(q.size() == 1);
  CHECK(q[0].quantity.min == 200);
  CHECK(q[0].quantity.max == 400);
  CHECK(q[0].quantity.unit == "mg");
  CHECK(q[0].quantity.per == "day");
  CHECK(q[0].dimension == Dimension::kMass);

  q = Find(
      "adults should consume between 310\xE2\x80\x93"
      "420 mg per day");
  REQUIRE(q.size() == 1);
  CHECK(q[0].quantity.min == 310);
  CHECK(q[0].quantity.max == 420);

  q = Find("200 mg to 400 mg of elemental magnesium per day");
  REQUIRE(q.size() == 1);
  CHECK(q[0].quantity.max == 400);
  CHECK(q[0].quantity.basis == "elemental");
  CHECK(q[0].quantity.per == "day");

  // A salt's name alone is how labels give the element: unspecified.
  q = Find("500 mg of magnesium citrate");
  REQUIRE(q.size() == 1);
  CHECK(q[0].quantity.basis == "unspecified");
  q = Find("500 mg of magnesium citrate (the compound, not elemental)");
  REQUIRE(q.size() == 1);
  CHECK(q[0].quantity.basis == "compound");
  q = Find("500 mg of the magnesium citrate salt");
  REQUIRE(q.size() == 1);
  CHECK(q[0].quantity.basis == "compound");

  q = Find("up to 400 mg, around 300mg, at least 1.5 g");
  REQUIRE(q.size() == 3);
  CHECK(q[0].quantity.bound == "up_to");
  CHECK(q[1].quantity.bound == "around");
  CHECK(q[1].quantity.min == 300);
  CHECK(q[2].quantity.bound == "at_least");
  CHECK(q[2].quantity.min == 1.5);
  CHECK(q[2].quantity.unit == "g");
}

TEST_CASE("quantities: time", "[claims][quantity]") {
  auto q = Find("about 1-2 hours before bedtime");
  REQUIRE(q.size() == 1);
  CHECK(q[0].dimension == Dimension::kTime);
  CHECK(q[0].quantity.unit == "h");
  CHECK(q[0].quantity.min == 1);
  CHECK(q[0].quantity.max == 2);
  q = Find(
      "30\xE2\x80\x93"
      "60 minutes before bed");
  REQUIRE(q.size() == 1);
  CHECK(q[0].quantity.unit == "min");
  CHECK(q[0].quantity.max == 60);
}

TEST_CASE("quantities: numbers without units are not amounts",
          "[claims][quantity]") {
  CHECK(Find("more than 300 enzymatic reactions").empty());
  CHECK(Find("September 25, 2025").empty());
  CHECK(Find("a 1,000-person study").empty());
  CHECK(Find("10 mgX").empty());
  CHECK(Find("").empty());
}

}  // namespace
}  // namespace claimcheck::claims_internal
