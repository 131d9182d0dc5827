// How model values become column values and back: the words the store writes
// for enums (the words of ../shared/CLI.md) and JSON arrays for string lists.
// The words are part of the store's format (src/store/SCHEMA.md): changing
// one is a schema migration. Covered by tests/store/store_test.cc.
#ifndef CLAIMCHECK_SRC_STORE_COLUMNS_H_
#define CLAIMCHECK_SRC_STORE_COLUMNS_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "claimcheck/claims.h"
#include "claimcheck/document.h"

namespace claimcheck::store_internal {

// The word stored for each value; ...FromWord is the inverse and nullopt for
// a word that names no value.
const char* DesignWord(Design design);
std::optional<Design> DesignFromWord(std::string_view word);
const char* ClaimKindWord(ClaimKind kind);
std::optional<ClaimKind> ClaimKindFromWord(std::string_view word);
const char* HedgingWord(Hedging hedging);
std::optional<Hedging> HedgingFromWord(std::string_view word);
const char* AttributionWord(Attribution attribution);
std::optional<Attribution> AttributionFromWord(std::string_view word);

// ["a","b"] for {"a", "b"}.
std::string EncodeStrings(const std::vector<std::string>& items);
// The inverse of EncodeStrings; false when `json` is not an array of
// strings.
bool DecodeStrings(std::string_view json, std::vector<std::string>* items);

}  // namespace claimcheck::store_internal

#endif  // CLAIMCHECK_SRC_STORE_COLUMNS_H_
