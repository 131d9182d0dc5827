// Word wrapping for the text reports (src/report/text_wrap.h).
#include "report/text_wrap.h"

namespace claimcheck {

std::size_t Columns(std::string_view s) {
  std::size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

std::string Wrap(std::string_view text, std::size_t first_cols,
                 std::size_t indent) {
  std::string out;
  std::size_t col = first_cols;
  std::size_t i = 0;
  bool line_start = true;
  while (i < text.size()) {
    while (i < text.size() && text[i] == ' ') ++i;
    std::size_t j = i;
    while (j < text.size() && text[j] != ' ') ++j;
    if (j == i) break;
    const std::string_view word = text.substr(i, j - i);
    const std::size_t w = Columns(word);
    if (!line_start && col + 1 + w > kWidth) {
      out += "\n" + std::string(indent, ' ');
      col = indent;
      line_start = true;
    }
    if (!line_start) {
      out += ' ';
      ++col;
    }
    out.append(word);
    col += w;
    line_start = false;
    i = j;
  }
  return out + "\n";
}

}  // namespace claimcheck
