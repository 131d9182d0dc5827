// The text layer: a document's bytes become one normalised text, split into
// sentences and word tokens, each keeping byte offsets into that text.
//
//   bytes --(UTF-8 repair, BOM, line ends, NFC)--> Text::str()
//   Text::str() --(ICU sentence breaks + list/heading rules)--> sentences()
//   a span of Text::str() --(ICU word breaks)--> Tokenize()
//   a token --(NFKC, case folding, diacritics, Greek, plurals)--> FoldToken()
//
// Covered by tests/text/*.cc.
#ifndef CLAIMCHECK_TEXT_H_
#define CLAIMCHECK_TEXT_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "claimcheck/diagnostic.h"
#include "claimcheck/status.h"

namespace claimcheck {

// One sentence-like unit of a document. Offsets are bytes into Text::str();
// [start, end) excludes surrounding white space and any list marker.
struct Sentence {
  enum class Kind {
    kBody,      // ordinary prose
    kHeading,   // a short line of its own without final punctuation
    kListItem,  // a bulleted or numbered item ("  • Muscle cramps")
  };
  std::size_t start = 0;
  std::size_t end = 0;
  Kind kind = Kind::kBody;
  std::size_t block = 0;  // index of the paragraph/line block it came from
};

const char* SentenceKindName(Sentence::Kind kind);

// A word or number of the text. [start, end) are bytes into the text that was
// tokenised. `fold` is the key used for case-insensitive matching; `cased` is
// the same key without case folding (for synonyms such as "Mg" that must not
// match "mg"). `gap_ok` says whether the characters between the previous token
// and this one are only white space and at most one hyphen or dash, so that a
// phrase may continue across them ("GABA-A", "sleep onset").
struct Token {
  std::size_t start = 0;
  std::size_t end = 0;
  std::string fold;
  std::string cased;
  bool gap_ok = false;
};

// A normalised document text. Build with Text::FromBytes; immutable after.
class Text {
 public:
  // Decodes `bytes` as UTF-8. Invalid sequences become U+FFFD, each reported
  // in `warnings` with the byte offset into `bytes` (at most 20 are listed,
  // then a count). A leading BOM is dropped, CR LF and CR become LF, and the
  // result is put in Unicode NFC. Then the text is split into sentences.
  //
  // Fails with InvalidArgument, naming `origin` and the byte offset, when the
  // input looks binary (a NUL byte). An empty input is a valid empty Text.
  static Result<Text> FromBytes(std::string_view bytes,
                                const std::string& origin,
                                Diagnostics* warnings);

  // The normalised (NFC) text; every offset of this layer points into it.
  const std::string& str() const { return text_; }
  const std::vector<Sentence>& sentences() const { return sentences_; }
  std::string_view SentenceText(std::size_t i) const;
  // The index of the sentence containing byte `offset`, or sentences().size().
  std::size_t SentenceAt(std::size_t offset) const;

 private:
  std::string text_;
  std::vector<Sentence> sentences_;
};

// No sentence is longer than this many bytes: a longer run without a
// sentence end (a wall of text, a page's scripts flattened) is cut after the
// last blank before each limit. No prose sentence comes near it (the longest
// in ../shared is a few hundred bytes), and the extractor's work grows with
// the square of a sentence's length.
inline constexpr std::size_t kMaxSentenceBytes = 2000;

// Splits `text` (valid UTF-8, LF line ends) into sentences. Exposed for tests;
// Text::FromBytes calls it.
std::vector<Sentence> SplitSentences(std::string_view text);

// Word tokens of text[begin, end) with ICU's word break rules. Punctuation and
// white space are not tokens; words split only by zero-width or other
// default-ignorable characters are joined back into one token.
std::vector<Token> Tokenize(std::string_view text, std::size_t begin,
                            std::size_t end);
inline std::vector<Token> Tokenize(std::string_view text) {
  return Tokenize(text, 0, text.size());
}
// The `fold` of each token of Tokenize(text), in order, without the rest:
// for word lists, which fold thousands of phrases at every start.
std::vector<std::string> FoldWords(std::string_view text);

// The matching key of one token: NFKC with case folding, diacritics removed,
// a lone Greek letter spelled out ("γ" -> "gamma"), curly apostrophes made
// straight, a possessive "'s" dropped and a simple English plural reduced
// ("receptors" -> "receptor", "therapies" -> "therapy"). With
// `case_fold` false the case is kept (for case-sensitive synonyms).
std::string FoldToken(std::string_view token, bool case_fold = true);

// Repairs invalid UTF-8 in `bytes` with U+FFFD. Returns the byte offsets (into
// `bytes`) of every invalid sequence in `bad_offsets` when not null.
std::string RepairUtf8(std::string_view bytes,
                       std::vector<std::size_t>* bad_offsets);

}  // namespace claimcheck

#endif  // CLAIMCHECK_TEXT_H_
