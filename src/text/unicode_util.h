// Small ICU-backed helpers shared by the text layer (private).
#ifndef CLAIMCHECK_SRC_TEXT_UNICODE_UTIL_H_
#define CLAIMCHECK_SRC_TEXT_UNICODE_UTIL_H_

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace claimcheck {

// Decodes the code point at text[*i] and advances *i; invalid bytes give
// U+FFFD (the text layer only sees repaired text, so this is a safety net).
inline UChar32 NextCodePoint(std::string_view text, std::size_t* i) {
  UChar32 c;
  int32_t pos = static_cast<int32_t>(*i);
  U8_NEXT(reinterpret_cast<const uint8_t*>(text.data()), pos,
          static_cast<int32_t>(text.size()), c);
  *i = static_cast<std::size_t>(pos);
  return c < 0 ? 0xFFFD : c;
}

// The code point ending at text[*i] (exclusive); moves *i back over it.
inline UChar32 PrevCodePoint(std::string_view text, std::size_t* i) {
  // Step back over at most three continuation bytes to a lead byte, then
  // decode forwards; a stray continuation byte is one U+FFFD of its own.
  std::size_t start = *i - 1;
  for (int k = 0; k < 3 && start > 0 &&
                  (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80;
       ++k) {
    --start;
  }
  std::size_t j = start;
  const UChar32 c = NextCodePoint(text, &j);
  if (j != *i) {
    *i -= 1;
    return 0xFFFD;
  }
  *i = start;
  return c;
}

// White space in the Unicode sense (includes NBSP and line separators).
inline bool IsSpace(UChar32 c) { return u_isUWhiteSpace(c); }

// Zero-width and other characters that render as nothing (ZWSP, ZWJ, soft
// hyphen, BOM, word joiner).
inline bool IsIgnorable(UChar32 c) {
  return u_hasBinaryProperty(c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT);
}

inline bool IsBlank(UChar32 c) { return IsSpace(c) || IsIgnorable(c); }

inline bool IsDash(UChar32 c) { return u_charType(c) == U_DASH_PUNCTUATION; }

}  // namespace claimcheck

#endif  // CLAIMCHECK_SRC_TEXT_UNICODE_UTIL_H_
