// Per-thread ICU break iterators over UTF-8 text (private). Creating an ICU
// BreakIterator costs far more than using one, so each thread keeps one of
// each kind and re-targets it with setText.
#ifndef CLAIMCHECK_SRC_TEXT_BREAK_ITERATORS_H_
#define CLAIMCHECK_SRC_TEXT_BREAK_ITERATORS_H_

#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <string_view>

namespace claimcheck {

// A break iterator pointed at a UTF-8 span; boundaries are byte offsets into
// that span. Null when ICU could not create the iterator (missing data).
class Utf8BreakIterator {
 public:
  enum class Kind { kWord, kSentence };
  Utf8BreakIterator(Kind kind, std::string_view text);
  ~Utf8BreakIterator();
  Utf8BreakIterator(const Utf8BreakIterator&) = delete;
  Utf8BreakIterator& operator=(const Utf8BreakIterator&) = delete;

  icu::BreakIterator* get() { return iterator_; }

 private:
  icu::BreakIterator* iterator_ = nullptr;  // owned by the thread cache
  UText* utext_ = nullptr;
};

}  // namespace claimcheck

#endif  // CLAIMCHECK_SRC_TEXT_BREAK_ITERATORS_H_
