// String lists as column values (JSON arrays). Enums are stored as their
// CLI.md words (DesignName, ClaimKindName, HedgingName, AttributionName and
// their Parse… inverses): those words are a stable contract, and changing
// one would also be a store migration (src/store/SCHEMA.md).
// Covered by tests/store/store_test.cc.
#ifndef CLAIMCHECK_SRC_STORE_COLUMNS_H_
#define CLAIMCHECK_SRC_STORE_COLUMNS_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace claimcheck::store_internal {

// ["a","b"] for {"a", "b"}.
std::string EncodeStrings(const std::vector<std::string>& items);
// The inverse of EncodeStrings; false when `json` is not an array of
// strings.
bool DecodeStrings(std::string_view json, std::vector<std::string>* items);

}  // namespace claimcheck::store_internal

#endif  // CLAIMCHECK_SRC_STORE_COLUMNS_H_
