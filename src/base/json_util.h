// The one adapter from RapidJSON's parse errors to a Status / Diagnostic with
// file, line and column, plus small typed readers used by the kb loaders.
#ifndef CLAIMCHECK_SRC_BASE_JSON_UTIL_H_
#define CLAIMCHECK_SRC_BASE_JSON_UTIL_H_

#include <rapidjson/document.h>

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "claimcheck/diagnostic.h"

namespace claimcheck {

// 1-based line and column (in bytes) of `offset` in `text`.
struct LineColumn {
  std::size_t line = 1;
  std::size_t column = 1;
};
LineColumn LineColumnAt(std::string_view text, std::size_t offset);

// Parses `text` (the contents of `file`) into `doc`. Nesting deeper than
// kMaxJsonDepth is refused instead of recursing. On failure appends a
// Diagnostic "file: line L, column C: reason" and returns false.
inline constexpr std::size_t kMaxJsonDepth = 256;
bool ParseJson(std::string_view text, const std::string& file,
               rapidjson::Document* doc, Diagnostics* problems);

// For every `"key": "value"` in `text` (a string value without escapes),
// the 1-based line of its first occurrence, keyed by value. One pass over the
// text, so naming the line of each of N items costs O(size), not O(N size).
std::map<std::string, std::size_t, std::less<>> KeyValueLines(
    std::string_view text, std::string_view key);

// The line `lines` holds for `value`, or 0.
std::size_t LineOf(const std::map<std::string, std::size_t, std::less<>>& lines,
                   std::string_view value);

// Reads an optional array of strings member. Returns false (and leaves `out`
// as is) when the member exists but is not an array of strings.
bool ReadStringArray(const rapidjson::Value& object, const char* name,
                     std::vector<std::string>* out);
// An optional string member; nullopt when absent, false when not a string.
bool ReadString(const rapidjson::Value& object, const char* name,
                std::optional<std::string>* out);

}  // namespace claimcheck

#endif  // CLAIMCHECK_SRC_BASE_JSON_UTIL_H_
