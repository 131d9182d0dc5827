#include "report/markdown.h"

#include <cctype>

namespace claimcheck::report {

std::string Md(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 8);
  bool start = true;  // nothing but spaces written yet
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    if (start && c == ' ') continue;
    switch (c) {
      case '\\':
      case '`':
      case '*':
      case '_':
      case '[':
      case ']':
      case '<':
      case '>':
      case '|':
      case '~':
      case '#':
      case '&':
        out += '\\';
        out += c;
        break;
      case '-':
      case '+':
      case '=':
        if (start) out += '\\';
        out += c;
        break;
      case '.':
      case ')':
        // "1. text" at the start would open an ordered list.
        if (!out.empty() &&
            std::isdigit(static_cast<unsigned char>(out.back())) &&
            out.find_first_not_of("0123456789") == std::string::npos) {
          out += '\\';
        }
        out += c;
        break;
      default:
        out += c;
    }
    start = false;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

}  // namespace claimcheck::report
