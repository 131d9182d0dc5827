#include "report/verdict_words.h"

#include <cctype>

#include "claimcheck/text.h"

namespace claimcheck::report {

std::string CleanText(std::string_view s) {
  const std::string repaired = RepairUtf8(s, nullptr);
  std::string out;
  out.reserve(repaired.size());
  for (const char c : repaired) {
    const auto b = static_cast<unsigned char>(c);
    if ((b < 0x20 && c != '\t' && c != '\n') || b == 0x7F) continue;
    out += c;
  }
  return out;
}

std::string Count(long long n, std::string_view noun) {
  return std::to_string(n) + " " + std::string(noun) + (n == 1 ? "" : "s");
}

int CertaintyRank(Certainty certainty) {
  switch (certainty) {
    case Certainty::kVeryLow:
      return 0;
    case Certainty::kLow:
      return 1;
    case Certainty::kModerate:
      return 2;
    case Certainty::kHigh:
      break;
  }
  return 3;
}

const char* CertaintySymbols(Certainty certainty) {
  switch (certainty) {
    case Certainty::kVeryLow:
      return "\u2295\u25EF\u25EF\u25EF";
    case Certainty::kLow:
      return "\u2295\u2295\u25EF\u25EF";
    case Certainty::kModerate:
      return "\u2295\u2295\u2295\u25EF";
    case Certainty::kHigh:
      break;
  }
  return "\u2295\u2295\u2295\u2295";
}

const char* VerdictColour(VerdictWord verdict) {
  switch (verdict) {
    case VerdictWord::kSupported:
      return "#1a7f37";
    case VerdictWord::kContested:
      return "#9a6700";
    case VerdictWord::kRefuted:
      return "#cf222e";
    case VerdictWord::kUnsourced:
      break;
  }
  return "#8250df";
}

std::string Capitalised(std::string_view s) {
  std::string out(s);
  if (!out.empty() && std::islower(static_cast<unsigned char>(out[0]))) {
    out[0] =
        static_cast<char>(std::toupper(static_cast<unsigned char>(out[0])));
  }
  return out;
}

std::string Thousands(long long n) {
  std::string digits = std::to_string(n < 0 ? -n : n);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return n < 0 ? "-" + out : out;
}

}  // namespace claimcheck::report
