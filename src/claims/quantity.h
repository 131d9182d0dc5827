// Amounts with units in a sentence: "200 to 400 mg per day", "310–420 mg",
// "up to 400 mg", "30–60 minutes", "1-2 hours". Private to src/claims;
// covered by tests/claims/quantity_test.cc.
#ifndef CLAIMCHECK_SRC_CLAIMS_QUANTITY_H_
#define CLAIMCHECK_SRC_CLAIMS_QUANTITY_H_

#include <cstddef>
#include <string_view>
#include <vector>

#include "claimcheck/claims.h"

namespace claimcheck::claims_internal {

enum class Dimension { kMass, kTime, kOther };

struct FoundQuantity {
  Quantity quantity;
  Dimension dimension = Dimension::kOther;
};

// The quantities with a unit in text[begin, end); offsets are into `text`.
// Numbers without a unit ("300 enzymatic reactions", "2025") are not
// quantities. A dose's basis is "elemental" when "elemental" follows the unit
// ("400 mg of elemental magnesium"), "compound" when the text says the
// amount is of the salt ("of the compound", "not elemental"), else
// "unspecified" (a salt's name alone: labels give the element).
std::vector<FoundQuantity> FindQuantities(std::string_view text,
                                          std::size_t begin, std::size_t end);

}  // namespace claimcheck::claims_internal

#endif  // CLAIMCHECK_SRC_CLAIMS_QUANTITY_H_
