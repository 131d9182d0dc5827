// Word tokens with ICU's word break rules, folded for matching.
// Covered by tests/text/tokenizer_test.cc.
#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/ubrk.h>

#include <algorithm>
#include <memory>
#include <utility>
#include <vector>

#include "claimcheck/text.h"
#include "text/break_iterators.h"
#include "text/unicode_util.h"

namespace claimcheck {

namespace {

icu::BreakIterator* CachedIterator(Utf8BreakIterator::Kind kind) {
  thread_local std::unique_ptr<icu::BreakIterator> word;
  thread_local std::unique_ptr<icu::BreakIterator> sentence;
  std::unique_ptr<icu::BreakIterator>& slot =
      kind == Utf8BreakIterator::Kind::kWord ? word : sentence;
  if (!slot) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Locale& en = icu::Locale::getEnglish();
    slot.reset(kind == Utf8BreakIterator::Kind::kWord
                   ? icu::BreakIterator::createWordInstance(en, status)
                   : icu::BreakIterator::createSentenceInstance(en, status));
    if (U_FAILURE(status)) slot.reset();
  }
  return slot.get();
}

// True when text[begin, end) holds only default-ignorable characters.
bool OnlyIgnorable(std::string_view text, std::size_t begin, std::size_t end) {
  if (begin >= end) return false;
  std::size_t i = begin;
  while (i < end) {
    if (!IsIgnorable(NextCodePoint(text, &i))) return false;
  }
  return true;
}

// White space and at most one hyphen or dash between two tokens.
bool GapJoinsPhrase(std::string_view text, std::size_t begin, std::size_t end) {
  int dashes = 0;
  std::size_t i = begin;
  while (i < end) {
    const UChar32 c = NextCodePoint(text, &i);
    if (IsBlank(c)) continue;
    if (IsDash(c) && ++dashes == 1) continue;
    return false;
  }
  return true;
}

// Plain words: ASCII letters and digits with spaces and hyphens between
// them, as the lexicon's and the vocabulary's phrases are. There ICU's word
// rules (UAX #29 WB5, WB8-WB10) make every maximal run of letters and digits
// one word, and the blanks and hyphens between are no word; finding the runs
// directly gives the same tokens without a break iterator, which building
// the extractor (thousands of phrases) spent most of its time in.
// tests/text/tokenizer_test.cc compares both ways on random plain text.
bool IsPlainWordChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9');
}

bool IsPlain(std::string_view span) {
  for (char c : span) {
    if (!IsPlainWordChar(c) && c != ' ' && c != '-') return false;
  }
  return true;
}

// Calls word(start, end) for each word of a plain span, in order.
template <typename Word>
void ForEachPlainWord(std::string_view span, Word&& word) {
  std::size_t i = 0;
  while (i < span.size()) {
    if (!IsPlainWordChar(span[i])) {
      ++i;
      continue;
    }
    const std::size_t start = i;
    while (i < span.size() && IsPlainWordChar(span[i])) ++i;
    word(start, i);
  }
}

// The [start, end) of each word of a plain span.
std::vector<std::pair<std::size_t, std::size_t>> PlainWordSpans(
    std::string_view span) {
  std::vector<std::pair<std::size_t, std::size_t>> words;
  ForEachPlainWord(span, [&](std::size_t start, std::size_t end) {
    words.emplace_back(start, end);
  });
  return words;
}

// The [start, end) of each word of `span` by ICU's rules.
std::vector<std::pair<std::size_t, std::size_t>> IcuWordSpans(
    std::string_view span) {
  std::vector<std::pair<std::size_t, std::size_t>> words;
  Utf8BreakIterator it(Utf8BreakIterator::Kind::kWord, span);
  icu::BreakIterator* bi = it.get();
  if (bi == nullptr) return words;
  int32_t start = bi->first();
  for (int32_t stop = bi->next(); stop != icu::BreakIterator::DONE;
       start = stop, stop = bi->next()) {
    if (bi->getRuleStatus() < UBRK_WORD_NONE_LIMIT) continue;
    words.emplace_back(static_cast<std::size_t>(start),
                       static_cast<std::size_t>(stop));
  }
  return words;
}

}  // namespace

Utf8BreakIterator::Utf8BreakIterator(Kind kind, std::string_view text) {
  UErrorCode status = U_ZERO_ERROR;
  utext_ = utext_openUTF8(nullptr, text.data(),
                          static_cast<int64_t>(text.size()), &status);
  if (U_FAILURE(status)) {
    utext_ = nullptr;
    return;
  }
  iterator_ = CachedIterator(kind);
  if (iterator_ == nullptr) return;
  iterator_->setText(utext_, status);
  if (U_FAILURE(status)) iterator_ = nullptr;
}

Utf8BreakIterator::~Utf8BreakIterator() {
  if (utext_ != nullptr) utext_close(utext_);
}

namespace {

// The tokens of text[begin, end) without their folds: offsets and gap_ok.
std::vector<Token> WordTokens(std::string_view text, std::size_t begin,
                              std::size_t end) {
  std::vector<Token> tokens;
  if (end > text.size()) end = text.size();
  if (begin >= end) return tokens;
  const std::string_view span = text.substr(begin, end - begin);
  std::size_t prev_end = 0;
  for (const auto& [s, e] :
       IsPlain(span) ? PlainWordSpans(span) : IcuWordSpans(span)) {
    // "magne<ZWSP>sium" is one word to a reader: join across invisible gaps.
    if (!tokens.empty() && OnlyIgnorable(span, prev_end, s)) {
      tokens.back().end = begin + e;
      prev_end = e;
      continue;
    }
    Token token;
    token.start = begin + s;
    token.end = begin + e;
    token.gap_ok = !tokens.empty() && GapJoinsPhrase(span, prev_end, s);
    tokens.push_back(std::move(token));
    prev_end = e;
  }
  return tokens;
}

}  // namespace

std::vector<Token> Tokenize(std::string_view text, std::size_t begin,
                            std::size_t end) {
  std::vector<Token> tokens = WordTokens(text, begin, end);
  for (Token& token : tokens) {
    const std::string_view word =
        text.substr(token.start, token.end - token.start);
    token.fold = FoldToken(word, /*case_fold=*/true);
    token.cased = FoldToken(word, /*case_fold=*/false);
  }
  return tokens;
}

std::vector<std::string> FoldWords(std::string_view text) {
  std::vector<std::string> folds;
  if (IsPlain(text)) {  // no invisible gap to join: PlainWordSpans' words
    folds.reserve(1 + static_cast<std::size_t>(
                          std::count(text.begin(), text.end(), ' ')));
    ForEachPlainWord(text, [&](std::size_t start, std::size_t end) {
      folds.push_back(
          FoldToken(text.substr(start, end - start), /*case_fold=*/true));
    });
    return folds;
  }
  for (const Token& token : WordTokens(text, 0, text.size())) {
    folds.push_back(FoldToken(text.substr(token.start, token.end - token.start),
                              /*case_fold=*/true));
  }
  return folds;
}

}  // namespace claimcheck
