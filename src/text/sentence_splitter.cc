// Sentences: lines are grouped into blocks (paragraphs, list items, headings),
// each block is split with ICU's sentence rules, and breaks after known
// abbreviations ("e.g.", "vs.", "et al.") are undone.
// Covered by tests/text/sentence_splitter_test.cc.
#include <unicode/brkiter.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

#include "claimcheck/text.h"
#include "text/break_iterators.h"
#include "text/unicode_util.h"

namespace claimcheck {

namespace {

// A heading is a short line of its own: at most this many words.
constexpr std::size_t kMaxHeadingWords = 16;

// Abbreviations after which ICU's rules would end a sentence before a capital
// letter, but English prose does not.
constexpr std::array<std::string_view, 24> kAbbreviations = {
    "e.g.", "i.e.", "vs.",   "cf.",   "et al.", "approx.", "Dr.", "Mr.",
    "Mrs.", "Ms.",  "Prof.", "St.",   "Fig.",   "Figs.",   "No.", "Nos.",
    "vol.", "pp.",  "ca.",   "incl.", "resp.",  "Jr.",     "Sr.", "viz."};

struct Line {
  std::size_t start = 0;        // first byte of the line
  std::size_t end = 0;          // the '\n' or the end of the text
  std::size_t content = 0;      // first byte after indentation and marker
  std::size_t content_end = 0;  // last non-blank byte + 1
  enum class Marker { kNone, kBullet, kNumber } marker = Marker::kNone;
  bool blank = true;
};

bool IsBulletChar(UChar32 c) {
  switch (c) {
    case '*':
    case '-':
    case 0x2022:
    case 0x25E6:
    case 0x25AA:
    case 0x25AB:
    case 0x2023:
    case 0x2043:
    case 0x25CF:
    case 0x25CB:
    case 0x25A0:
    case 0x25A1:
    case 0x00B7:
    case 0x2013:
    case 0x2014:
    case 0x2192:
    case 0x27A4:
    case 0x2713:
    case 0x2714:
      return true;
    default:
      return false;
  }
}

// The first offset in [i, end) that is not a blank, or end.
std::size_t SkipBlanks(std::string_view text, std::size_t i, std::size_t end) {
  while (i < end) {
    std::size_t next = i;
    if (!IsBlank(NextCodePoint(text, &next))) break;
    i = next;
  }
  return i;
}

// The offset just after the last non-blank in [begin, end), or begin.
std::size_t SkipBlanksBack(std::string_view text, std::size_t begin,
                           std::size_t end) {
  while (end > begin) {
    std::size_t prev = end;
    if (!IsBlank(PrevCodePoint(text, &prev))) break;
    end = prev;
  }
  return end;
}

// Reads the list marker at text[*i] ("• ", "– ", "1. ", "12) ", "→") and
// moves *i past it and the blanks after it.
Line::Marker ReadMarker(std::string_view text, std::size_t end,
                        std::size_t* i) {
  std::size_t j = *i;
  if (j >= end) return Line::Marker::kNone;
  Line::Marker marker = Line::Marker::kNone;
  if (text[j] >= '0' && text[j] <= '9') {
    std::size_t k = j;
    while (k < end && k - j < 3 && text[k] >= '0' && text[k] <= '9') ++k;
    if (k < end && (text[k] == '.' || text[k] == ')')) {
      j = k + 1;
      marker = Line::Marker::kNumber;
    }
  } else {
    std::size_t k = j;
    const UChar32 c = NextCodePoint(text, &k);
    if (IsBulletChar(c)) {
      j = k;
      marker = Line::Marker::kBullet;
    }
  }
  if (marker == Line::Marker::kNone) return marker;
  // A marker must be followed by a blank, except arrows ("→Discover …").
  std::size_t k = j;
  const bool arrow = marker == Line::Marker::kBullet &&
                     static_cast<unsigned char>(text[*i]) >= 0x80 &&
                     (text.substr(*i, 3) == "\xE2\x86\x92" ||
                      text.substr(*i, 3) == "\xE2\x9E\xA4");
  if (k < end) {
    std::size_t peek = k;
    if (!IsBlank(NextCodePoint(text, &peek)) && !arrow) {
      return Line::Marker::kNone;
    }
  } else {
    return Line::Marker::kNone;  // a lone "-" or "1." is not an item
  }
  *i = SkipBlanks(text, k, end);
  return marker;
}

std::vector<Line> ReadLines(std::string_view text) {
  std::vector<Line> lines;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    Line line;
    line.start = pos;
    std::size_t nl = text.find('\n', pos);
    line.end = nl == std::string_view::npos ? text.size() : nl;
    std::size_t i = SkipBlanks(text, line.start, line.end);
    line.blank = i >= line.end;
    if (!line.blank) {
      line.marker = ReadMarker(text, line.end, &i);
      line.content = i;
      line.content_end = SkipBlanksBack(text, line.content, line.end);
      if (line.content >= line.content_end) line.blank = true;
    }
    lines.push_back(line);
    if (nl == std::string_view::npos) break;
    pos = nl + 1;
  }
  return lines;
}

// The last code point of text[begin, end) that is not a closing quote or
// bracket, or 0.
UChar32 LastSignificant(std::string_view text, std::size_t begin,
                        std::size_t end) {
  std::size_t i = end;
  while (i > begin) {
    const UChar32 c = PrevCodePoint(text, &i);
    const int8_t type = u_charType(c);
    if (type == U_FINAL_PUNCTUATION || type == U_END_PUNCTUATION || c == '"' ||
        c == '\'' || IsBlank(c)) {
      continue;
    }
    return c;
  }
  return 0;
}

bool EndsSentence(UChar32 c) {
  return c == '.' || c == '!' || c == '?' || c == 0x2026 || c == ';' ||
         c == ':';
}

// A line that is wrapped prose: the previous line does not end a sentence and
// this one starts in lower case.
bool ContinuesLine(std::string_view text, const Line& prev, const Line& line) {
  if (line.marker != Line::Marker::kNone) return false;
  if (EndsSentence(LastSignificant(text, prev.content, prev.content_end))) {
    return false;
  }
  std::size_t i = line.content;
  const UChar32 first = NextCodePoint(text, &i);
  return u_islower(first);
}

std::size_t CountWords(std::string_view text) {
  std::size_t words = 0;
  bool in_word = false;
  for (std::size_t i = 0; i < text.size();) {
    const bool blank = IsBlank(NextCodePoint(text, &i));
    if (!blank && !in_word) ++words;
    in_word = !blank;
  }
  return words;
}

bool EndsWithAbbreviation(std::string_view sentence) {
  for (std::string_view abbr : kAbbreviations) {
    if (sentence.size() < abbr.size()) continue;
    const std::string_view tail =
        sentence.substr(sentence.size() - abbr.size());
    if (!std::equal(tail.begin(), tail.end(), abbr.begin(), abbr.end(),
                    [](char a, char b) { return (a | 0x20) == (b | 0x20); })) {
      continue;
    }
    if (sentence.size() == abbr.size()) return true;
    const char before = sentence[sentence.size() - abbr.size() - 1];
    if (before == ' ' || before == '(' || before == '[' || before == ',') {
      return true;
    }
  }
  return false;
}

// Trims blanks from both ends of [*begin, *end).
void Trim(std::string_view text, std::size_t* begin, std::size_t* end) {
  *begin = SkipBlanks(text, *begin, *end);
  *end = SkipBlanksBack(text, *begin, *end);
}

// ICU treats a dash after "?" as a continuation (SContinue), but FAQ lines
// write "Question? – Answer": a terminator, blanks, a dash, blanks and an
// upper-case letter start a new sentence. Returns the offset where the next
// sentence begins (after the dash), or npos.
std::size_t DashAnswerStart(std::string_view text, std::size_t begin,
                            std::size_t end, std::size_t* question_end) {
  for (std::size_t i = begin; i < end;) {
    const std::size_t at = i;
    const UChar32 c = NextCodePoint(text, &i);
    if (c != '?' && c != '!' && c != '.') continue;
    const std::size_t j = SkipBlanks(text, i, end);
    if (j == i || j >= end) continue;  // blanks are needed before the dash
    std::size_t after_dash = j;
    const UChar32 dash = NextCodePoint(text, &after_dash);
    if (dash != 0x2013 && dash != 0x2014 && dash != '-') continue;
    const std::size_t k = SkipBlanks(text, after_dash, end);
    std::size_t m = k;
    if (k == after_dash || k >= end || !u_isupper(NextCodePoint(text, &m))) {
      continue;
    }
    *question_end = at + 1;
    return k;
  }
  return std::string_view::npos;
}

// Whether ICU broke inside a token: an ASCII full stop or other punctuation
// right before the break and a letter or digit right after it, with no space
// between ("doi.org/10.1002/14651858.CD009402", "e.g.Magnesium"). Scripts
// written without spaces (a Chinese full stop) are not affected.
bool InsideToken(std::string_view copy, std::size_t at) {
  if (at == 0 || at >= copy.size()) return false;
  const auto before = static_cast<unsigned char>(copy[at - 1]);
  const auto after = static_cast<unsigned char>(copy[at]);
  return before < 0x80 && std::ispunct(before) && after < 0x80 &&
         std::isalnum(after);
}

// Appends text[s, e) as sentences of at most kMaxSentenceBytes (text.h):
// a longer run is cut after the last blank before each limit, or at a
// character boundary when there is none.
void PushCapped(std::string_view text, std::size_t s, std::size_t e,
                std::size_t block, std::vector<Sentence>* out) {
  while (e - s > kMaxSentenceBytes) {
    std::size_t cut = s + kMaxSentenceBytes;
    std::size_t blank = cut;
    // (In a block of joined lines the blanks may be line breaks.)
    while (blank > s && text[blank - 1] != ' ' && text[blank - 1] != '\t' &&
           text[blank - 1] != '\n') {
      --blank;
    }
    if (blank > s) {
      cut = blank;
    } else {
      // No blank: cut before a UTF-8 continuation byte's lead.
      while (cut > s &&
             (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) {
        --cut;
      }
    }
    if (cut == s) cut = s + kMaxSentenceBytes;  // (valid UTF-8: never)
    std::size_t piece_end = cut;
    Trim(text, &s, &piece_end);
    if (s < piece_end) {
      out->push_back({s, piece_end, Sentence::Kind::kBody, block});
    }
    s = cut;
    Trim(text, &s, &e);
    if (s >= e) return;
  }
  out->push_back({s, e, Sentence::Kind::kBody, block});
}

// Splits one block text[begin, end) with ICU; offsets stay those of `text`.
void SplitBlock(std::string_view text, std::size_t begin, std::size_t end,
                std::size_t block, std::vector<Sentence>* out) {
  // Joined lines: ICU would break at each newline, so they become spaces in a
  // copy of the same length (offsets stay valid).
  std::string copy(text.substr(begin, end - begin));
  std::replace(copy.begin(), copy.end(), '\n', ' ');
  Utf8BreakIterator it(Utf8BreakIterator::Kind::kSentence, copy);
  std::vector<std::pair<std::size_t, std::size_t>> spans;
  if (icu::BreakIterator* bi = it.get()) {
    int32_t start = bi->first();
    for (int32_t stop = bi->next(); stop != icu::BreakIterator::DONE;
         start = stop, stop = bi->next()) {
      spans.emplace_back(static_cast<std::size_t>(start),
                         static_cast<std::size_t>(stop));
    }
  } else {
    spans.emplace_back(0, copy.size());
  }
  std::size_t pending_start = std::string::npos;
  for (std::size_t k = 0; k < spans.size(); ++k) {
    std::size_t s = begin + spans[k].first;
    std::size_t e = begin + spans[k].second;
    if (pending_start != std::string::npos) s = pending_start;
    Trim(text, &s, &e);
    if (s >= e) {
      pending_start = std::string::npos;
      continue;
    }
    if (k + 1 < spans.size() && (EndsWithAbbreviation(text.substr(s, e - s)) ||
                                 InsideToken(copy, spans[k].second))) {
      pending_start = s;
      continue;
    }
    pending_start = std::string::npos;
    std::size_t question_end = 0;
    for (std::size_t next;
         (next = DashAnswerStart(text, s, e, &question_end)) !=
         std::string_view::npos;
         s = next) {
      PushCapped(text, s, question_end, block, out);
    }
    PushCapped(text, s, e, block, out);
  }
}

}  // namespace

const char* SentenceKindName(Sentence::Kind kind) {
  switch (kind) {
    case Sentence::Kind::kBody:
      return "body";
    case Sentence::Kind::kHeading:
      return "heading";
    case Sentence::Kind::kListItem:
      return "list_item";
  }
  return "body";
}

std::vector<Sentence> SplitSentences(std::string_view text) {
  std::vector<Sentence> sentences;
  const std::vector<Line> lines = ReadLines(text);
  std::size_t block = 0;
  for (std::size_t i = 0; i < lines.size();) {
    if (lines[i].blank) {
      ++i;
      continue;
    }
    std::size_t j = i + 1;
    while (j < lines.size() && !lines[j].blank &&
           ContinuesLine(text, lines[j - 1], lines[j])) {
      ++j;
    }
    const Line& first = lines[i];
    const Line& last = lines[j - 1];
    const std::size_t before = sentences.size();
    SplitBlock(text, first.content, last.content_end, block, &sentences);
    const bool single_line = j == i + 1;
    const std::string_view block_text =
        text.substr(first.content, last.content_end - first.content);
    const bool heading_like =
        single_line && first.marker != Line::Marker::kBullet &&
        !EndsSentence(LastSignificant(text, first.content, last.content_end)) &&
        CountWords(block_text) <= kMaxHeadingWords;
    for (std::size_t k = before; k < sentences.size(); ++k) {
      if (heading_like) {
        sentences[k].kind = Sentence::Kind::kHeading;
      } else if (first.marker != Line::Marker::kNone) {
        sentences[k].kind = Sentence::Kind::kListItem;
      }
    }
    ++block;
    i = j;
  }
  return sentences;
}

}  // namespace claimcheck
