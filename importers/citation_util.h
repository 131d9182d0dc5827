// Byte-level helpers shared by the citation readers (citations.cc reads
// links, citation_text.cc reads text). Internal to importers/.
#ifndef CLAIMCHECK_IMPORTERS_CITATION_UTIL_H_
#define CLAIMCHECK_IMPORTERS_CITATION_UTIL_H_

#include <algorithm>
#include <cstddef>
#include <cstring>
#include <string>
#include <string_view>

namespace claimcheck::citation_util {

inline constexpr std::string_view kNpos{};

inline bool IsDigit(char c) { return c >= '0' && c <= '9'; }
inline bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
inline bool IsLower(char c) { return c >= 'a' && c <= 'z'; }
// Bytes that belong to a word: ASCII letters and digits, and any byte of a
// non-ASCII UTF-8 character (treated as a letter).
inline bool IsWordByte(char c) {
  return IsDigit(c) || IsUpper(c) || IsLower(c) ||
         static_cast<unsigned char>(c) >= 0x80;
}
inline bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n'; }

inline char Lower(char c) { return IsUpper(c) ? static_cast<char>(c + 32) : c; }

inline std::string LowerCopy(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = Lower(c);
  return out;
}

inline bool StartsWithNoCase(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    if (Lower(s[i]) != Lower(prefix[i])) return false;
  }
  return true;
}

inline bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() &&
         s.substr(s.size() - suffix.size()) == suffix;
}

inline int HexValue(char c) {
  if (IsDigit(c)) return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

inline std::string PercentDecode(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && HexValue(s[i + 1]) >= 0 &&
        HexValue(s[i + 2]) >= 0) {
      out += static_cast<char>(HexValue(s[i + 1]) * 16 + HexValue(s[i + 2]));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

// The end of s[0, end) once trailing sentence punctuation and unbalanced
// closing brackets are dropped: "10.1/x)." inside "(see 10.1/x)." ends at x,
// while "10.1016/S0140-6736(20)30183-5" keeps its brackets.
inline std::size_t TrimTrailing(std::string_view s, std::size_t end) {
  while (end > 0) {
    const char c = s[end - 1];
    if (std::strchr(".,;:!?\"'*", c) != nullptr) {
      --end;
      continue;
    }
    if (c == ')' || c == ']' || c == '}') {
      const char open = c == ')' ? '(' : c == ']' ? '[' : '{';
      const std::string_view body = s.substr(0, end);
      if (std::count(body.begin(), body.end(), open) <
          std::count(body.begin(), body.end(), c)) {
        --end;
        continue;
      }
    }
    break;
  }
  return end;
}

// All digits, at most nine of them, not all zeros: a PMID.
inline bool IsPmid(std::string_view s) {
  return !s.empty() && s.size() <= 9 &&
         std::all_of(s.begin(), s.end(), IsDigit) &&
         s.find_first_not_of('0') != std::string_view::npos;
}

// The digits at the start of `s`.
inline std::string_view LeadingDigits(std::string_view s) {
  std::size_t n = 0;
  while (n < s.size() && IsDigit(s[n])) ++n;
  return s.substr(0, n);
}

// "PMC123" (any case) -> "PMC123"; empty otherwise.
inline std::string PmcId(std::string_view s) {
  if (!StartsWithNoCase(s, "pmc")) return {};
  const std::string_view digits = LeadingDigits(s.substr(3));
  if (digits.empty() || digits.size() > 9) return {};
  if (3 + digits.size() < s.size() && IsWordByte(s[3 + digits.size()])) {
    return {};
  }
  return "PMC" + std::string(digits);
}

}  // namespace claimcheck::citation_util

#endif  // CLAIMCHECK_IMPORTERS_CITATION_UTIL_H_
