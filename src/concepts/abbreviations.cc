// Abbreviations defined in a text, "long form (SHORT)", after Schwartz &
// Hearst, "A simple algorithm for identifying abbreviation definitions in
// biomedical text" (PSB 2003). Covered by tests/concepts/abbreviations_test.cc.
#include <cctype>

#include "claimcheck/concepts.h"
#include "text/unicode_util.h"

namespace claimcheck {

namespace {

constexpr std::size_t kMinShort = 2;
constexpr std::size_t kMaxShort = 10;

bool IsAsciiAlnum(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0;
}

char Lower(char c) {
  return static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
}

bool ValidShortForm(std::string_view sf) {
  if (sf.size() < kMinShort || sf.size() > kMaxShort) return false;
  if (!IsAsciiAlnum(sf[0])) return false;
  bool letter = false;
  std::size_t spaces = 0;
  for (char c : sf) {
    if (std::isalpha(static_cast<unsigned char>(c))) letter = true;
    if (c == ' ') ++spaces;
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return letter && spaces <= 1;
}

// The shortest suffix of `candidate`, starting at a word, whose characters
// contain those of `sf` in order, the first at a word start. Returns the
// offset of that suffix in `candidate`, or npos.
std::size_t BestLongForm(std::string_view sf, std::string_view candidate) {
  long s = static_cast<long>(sf.size()) - 1;
  long l = static_cast<long>(candidate.size()) - 1;
  while (s >= 0) {
    const char c = Lower(sf[static_cast<std::size_t>(s)]);
    if (!IsAsciiAlnum(c)) {
      --s;
      continue;
    }
    while (l >= 0 &&
           (Lower(candidate[static_cast<std::size_t>(l)]) != c ||
            (s == 0 && l > 0 &&
             IsAsciiAlnum(candidate[static_cast<std::size_t>(l - 1)])))) {
      --l;
    }
    if (l < 0) return std::string_view::npos;
    --l;
    --s;
  }
  // Back to the start of the word the match begins in.
  std::size_t start = static_cast<std::size_t>(l + 1);
  while (start > 0 && candidate[start - 1] != ' ') --start;
  return start;
}

}  // namespace

std::vector<Abbreviation> FindAbbreviations(const Text& text) {
  std::vector<Abbreviation> found;
  const std::string& str = text.str();
  for (std::size_t si = 0; si < text.sentences().size(); ++si) {
    const Sentence& sentence = text.sentences()[si];
    std::size_t open = sentence.start;
    while ((open = str.find('(', open)) != std::string::npos &&
           open < sentence.end) {
      const std::size_t close = str.find(')', open);
      if (close == std::string::npos || close >= sentence.end) break;
      std::size_t sf_begin = open + 1;
      std::size_t sf_end = close;
      while (sf_begin < sf_end && str[sf_begin] == ' ') ++sf_begin;
      while (sf_end > sf_begin && str[sf_end - 1] == ' ') --sf_end;
      const std::string_view sf(str.data() + sf_begin, sf_end - sf_begin);
      if (!ValidShortForm(sf)) {
        open = close;
        continue;
      }
      // The long form is among the words just before "(": at most
      // min(|SF| + 5, 2 |SF|) of them.
      const std::size_t max_words = std::min(sf.size() + 5, sf.size() * 2);
      std::size_t lf_end = open;
      while (lf_end > sentence.start && str[lf_end - 1] == ' ') --lf_end;
      std::size_t lf_begin = lf_end;
      std::size_t words = 0;
      while (words < max_words) {
        std::size_t e = lf_begin;
        while (e > sentence.start && str[e - 1] == ' ') --e;
        if (e == sentence.start) break;
        std::size_t w = e;
        while (w > sentence.start && str[w - 1] != ' ') --w;
        // A word closing an earlier clause ("sleep, melatonin (MLT)") ends
        // the window.
        const char last = str[e - 1];
        if (words > 0 && (last == ',' || last == ';' || last == ':' ||
                          last == ')' || last == '.')) {
          break;
        }
        lf_begin = w;
        ++words;
      }
      const std::string_view candidate(str.data() + lf_begin,
                                       lf_end - lf_begin);
      const std::size_t offset = BestLongForm(sf, candidate);
      if (offset != std::string_view::npos &&
          candidate.size() - offset > sf.size()) {
        Abbreviation a;
        a.short_form = std::string(sf);
        a.long_form = std::string(candidate.substr(offset));
        a.short_start = sf_begin;
        a.short_end = sf_end;
        a.long_start = lf_begin + offset;
        a.sentence = si;
        found.push_back(std::move(a));
      }
      open = close;
    }
  }
  return found;
}

}  // namespace claimcheck
