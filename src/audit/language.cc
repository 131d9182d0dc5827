// Which language a page is written in: docs/audit.md, "Language". Covered
// by tests/report/language_test.cc.
#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <string>

#include "claimcheck/audit.h"
#include "claimcheck/text.h"

namespace claimcheck {

namespace {

// How much running text is read for function words.
constexpr std::size_t kReadBytes = 20000;
// The fewest function words of the leading language, and how many times
// the runner-up's it must count, before the text is said to be in it.
constexpr std::size_t kMinWords = 8;
constexpr std::size_t kLead = 2;

// "de-DE" -> "de", " ENG " -> "eng".
std::string NormalisedCode(std::string_view declared) {
  std::string code;
  for (char c : declared) {
    if (c == '-' || c == '_') break;
    if (std::isalpha(static_cast<unsigned char>(c))) {
      code += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
  }
  return code;
}

// Calls `f` with each word of `text`, ASCII letters lower-cased: a run of
// letters (any byte of a multi-byte UTF-8 character counts as one). Function
// words are short and common, so this byte scan does what ICU's word breaks
// would, at a fraction of the cost on every audit.
template <class F>
void ForEachWord(std::string_view text, F f) {
  std::string word;
  auto flush = [&] {
    if (!word.empty()) f(std::string_view(word));
    word.clear();
  };
  for (char c : text) {
    const auto b = static_cast<unsigned char>(c);
    if (b >= 0x80 || std::isalpha(b)) {
      word += static_cast<char>(b < 0x80 ? std::tolower(b) : b);
    } else {
      flush();
    }
  }
  flush();
}

LanguageGuess Declared(const AuditCues& cues, std::string_view declared) {
  LanguageGuess out;
  const std::string code = NormalisedCode(declared);
  if (code.size() != 2 && code.size() != 3) return out;  // "und", "", junk
  if (code == "und" || code == "mul" || code == "zxx") return out;
  out.source = "declared";
  out.code = code;
  for (const auto& [iso1, words] : cues.languages()) {
    if (iso1 == code || std::find(words.codes.begin(), words.codes.end(),
                                  code) != words.codes.end()) {
      out.code = iso1;
      out.name = words.name;
    }
  }
  return out;
}

}  // namespace

LanguageGuess GuessLanguage(const AuditCues& cues, std::string_view declared,
                            const Text& text) {
  LanguageGuess out = Declared(cues, declared);
  if (!out.code.empty()) return out;
  std::size_t end = 0;
  for (const Sentence& s : text.sentences()) {
    if (s.start >= kReadBytes) break;
    end = s.end;
  }
  std::map<std::string, std::size_t> counts;
  std::map<std::string, std::set<std::string>, std::less<>> by_word;  // the
  // words as kb/languages.tsv writes them (lower case)
  for (const auto& [code, words] : cues.languages()) {
    for (const std::string& w : words.words) by_word[w].insert(code);
  }
  ForEachWord(std::string_view(text.str()).substr(0, end),
              [&](std::string_view w) {
                auto it = by_word.find(w);
                if (it == by_word.end()) return;
                for (const std::string& code : it->second) ++counts[code];
              });
  std::string best;
  std::size_t first = 0;
  std::size_t second = 0;
  for (const auto& [code, n] : counts) {
    if (n > first) {
      second = first;
      first = n;
      best = code;
    } else if (n > second) {
      second = n;
    }
  }
  if (first < kMinWords || first < kLead * second) return out;
  out.code = best;
  out.name = cues.languages().find(best)->second.name;
  out.source = "function words";
  return out;
}

}  // namespace claimcheck
