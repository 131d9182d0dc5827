// UTF-8 repair: invalid sequences become U+FFFD and their offsets are kept so
// the caller can name them. Covered by tests/text/text_test.cc.
#include <unicode/utf8.h>

#include <cstdint>

#include "claimcheck/text.h"

namespace claimcheck {

std::string RepairUtf8(std::string_view bytes,
                       std::vector<std::size_t>* bad_offsets) {
  std::string out;
  out.reserve(bytes.size());
  const auto* s = reinterpret_cast<const uint8_t*>(bytes.data());
  const auto length = static_cast<int32_t>(bytes.size());
  int32_t i = 0;
  while (i < length) {
    if (s[i] < 0x80) {  // ASCII fast path
      out.push_back(static_cast<char>(s[i++]));
      continue;
    }
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c < 0) {
      out += "\xEF\xBF\xBD";
      if (bad_offsets) bad_offsets->push_back(static_cast<std::size_t>(start));
    } else {
      out.append(bytes.data() + start, static_cast<std::size_t>(i - start));
    }
  }
  return out;
}

}  // namespace claimcheck
