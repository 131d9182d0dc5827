// Token folding for matching: NFKC + case folding, no diacritics, Greek
// letters spelled out, straight apostrophes, no possessive, simple plurals.
// Covered by tests/text/fold_test.cc.
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <array>
#include <string>

#include "claimcheck/text.h"
#include "text/unicode_util.h"

namespace claimcheck {

namespace {

// Names of the lower-case Greek letters U+03B1..U+03C9 (final sigma U+03C2
// shares sigma's name).
constexpr std::array<const char*, 25> kGreekNames = {
    "alpha",   "beta", "gamma", "delta",  "epsilon", "zeta", "eta",
    "theta",   "iota", "kappa", "lambda", "mu",      "nu",   "xi",
    "omicron", "pi",   "rho",   "sigma",  "sigma",   "tau",  "upsilon",
    "phi",     "chi",  "psi",   "omega"};

const char* GreekName(UChar32 c) {
  const UChar32 lower = u_tolower(c);
  if (lower >= 0x03B1 && lower <= 0x03C9) return kGreekNames[lower - 0x03B1];
  return nullptr;
}

bool EndsWith(const std::string& s, std::string_view suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// Drops a possessive and reduces a regular English plural. Only lower-case
// suffixes are touched, so "RLS" or "GABAs" keep their final capital.
void StripInflection(std::string* s) {
  if (EndsWith(*s, "'s")) {
    s->resize(s->size() - 2);
  } else if (!s->empty() && s->back() == '\'') {
    s->pop_back();
  }
  const std::size_t n = s->size();
  // Every suffix below ends in 's': most tokens leave here (the lexicon
  // and the matcher fold some 40,000 phrases' tokens at each start).
  if (n <= 3 || s->back() != 's') return;
  if (EndsWith(*s, "ies")) {
    s->resize(n - 3);  // not replace(): GCC 12 -O2 warns falsely (-Wrestrict)
    s->push_back('y');
  } else if (EndsWith(*s, "sses") || EndsWith(*s, "ches") ||
             EndsWith(*s, "shes") || EndsWith(*s, "xes")) {
    s->resize(n - 2);
  } else if (s->back() == 's' && !EndsWith(*s, "ss") && !EndsWith(*s, "us") &&
             !EndsWith(*s, "is")) {
    s->pop_back();
  }
}

std::string FoldNonAscii(std::string_view token, bool case_fold) {
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(token.data(), static_cast<int32_t>(token.size())));
  const icu::Normalizer2* compat =
      case_fold ? icu::Normalizer2::getNFKCCasefoldInstance(status)
                : icu::Normalizer2::getNFKCInstance(status);
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) return std::string(token);
  icu::UnicodeString folded = compat->normalize(u, status);
  icu::UnicodeString decomposed = nfd->normalize(folded, status);
  if (U_FAILURE(status)) return std::string(token);
  icu::UnicodeString kept;
  for (int32_t i = 0; i < decomposed.length();) {
    const UChar32 c = decomposed.char32At(i);
    i += U16_LENGTH(c);
    if (u_charType(c) == U_NON_SPACING_MARK || IsIgnorable(c)) continue;
    if (c == 0x2019 || c == 0x2018 || c == 0x02BC || c == 0x2032) {
      kept.append(static_cast<UChar>('\''));
    } else {
      kept.append(c);
    }
  }
  if (kept.countChar32() == 1) {
    if (const char* name = GreekName(kept.char32At(0))) return name;
  }
  icu::UnicodeString composed = nfc->normalize(kept, status);
  std::string out;
  (U_SUCCESS(status) ? composed : kept).toUTF8String(out);
  return out;
}

}  // namespace

std::string FoldToken(std::string_view token, bool case_fold) {
  std::string out;
  bool ascii = true;
  for (char ch : token) {
    if (static_cast<unsigned char>(ch) >= 0x80) {
      ascii = false;
      break;
    }
  }
  if (ascii) {
    out.reserve(token.size());
    for (char ch : token) {
      out.push_back(case_fold && ch >= 'A' && ch <= 'Z'
                        ? static_cast<char>(ch - 'A' + 'a')
                        : ch);
    }
  } else {
    out = FoldNonAscii(token, case_fold);
  }
  StripInflection(&out);
  return out;
}

}  // namespace claimcheck
