// Joining mixed content: where a reader sees a space between an inline
// element and its neighbours, and where pretty-printing put one that is not
// there. Covered by tests/importers/pubmed_xml_test.cc.
#include "xml_text.h"

#include <cctype>
#include <cstring>
#include <string_view>

namespace claimcheck::importers {

namespace {

constexpr int kMaxDepth = 64;

bool IsXmlSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// The code point that ends `s` (or starts it), decoded leniently: a broken
// sequence yields its lead byte, which is never a word character anyway.
char32_t LastCodePoint(std::string_view s) {
  std::size_t i = s.size();
  while (i > 0 && (static_cast<unsigned char>(s[i - 1]) & 0xC0) == 0x80) --i;
  if (i == 0) return 0;
  --i;
  const auto lead = static_cast<unsigned char>(s[i]);
  if (lead < 0x80) return lead;
  const int extra = lead >= 0xF0 ? 3 : lead >= 0xE0 ? 2 : 1;
  char32_t cp = lead & (0x3F >> extra);
  for (std::size_t k = i + 1; k < s.size(); ++k) {
    cp = (cp << 6) | (static_cast<unsigned char>(s[k]) & 0x3F);
  }
  return cp;
}

char32_t FirstCodePoint(std::string_view s) {
  if (s.empty()) return 0;
  std::size_t end = 1;
  while (end < s.size() &&
         (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) {
    ++end;
  }
  return LastCodePoint(s.substr(0, end));
}

// Letters and digits of any script. Punctuation and symbols in the Latin-1
// and General Punctuation blocks (NBSP, ©, °, ±, ×, dashes, quotes) are
// not: "<i>x</i>–y" gets no space.
bool IsWordChar(char32_t c) {
  if (c < 0x80) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
           (c >= 'A' && c <= 'Z');
  }
  if (c >= 0xA0 && c <= 0xBF && c != 0xB5) return false;
  if (c == 0xD7 || c == 0xF7) return false;
  if (c >= 0x2000 && c <= 0x206F) return false;
  return true;
}

bool IsScript(const char* name) {
  return std::strcmp(name, "sub") == 0 || std::strcmp(name, "sup") == 0;
}

bool IsMath(const char* name) {
  return std::strcmp(name, "math") == 0 || std::strcmp(name, "mml:math") == 0;
}

// Builds the text one piece at a time, deciding each gap once both of its
// sides are known.
class Joiner {
 public:
  void Text(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size()) {
      if (IsXmlSpace(s[i])) {
        pending_space_ = true;
        pending_newline_ |= s[i] == '\n';
        ++i;
        continue;
      }
      std::size_t j = i;
      while (j < s.size() && !IsXmlSpace(s[j])) ++j;
      Word(s.substr(i, j - i));
      i = j;
    }
  }

  void Open(const char* name) {
    if (math_depth_ > 0) {
      // MathML's own elements (mi, mo, msub …) only lay out one formula.
      ++math_depth_;
      boundary_ = Boundary::kNone;
      return;
    }
    if (IsMath(name)) math_depth_ = 1;
    if (IsScript(name)) {
      // "β\n      <sub>2</sub>": indentation before a subscript is layout,
      // not a space ("β2-agonist"). A plain space is kept.
      if (pending_newline_) pending_space_ = false;
      boundary_ = Boundary::kNone;
    } else {
      boundary_ = Boundary::kWord;
    }
  }

  void Close(const char* name) {
    if (math_depth_ > 1) {
      --math_depth_;
      boundary_ = Boundary::kNone;
      return;
    }
    math_depth_ = 0;
    boundary_ = IsScript(name) ? Boundary::kAfterScript : Boundary::kWord;
  }

  std::string Finish() { return std::move(out_); }

 private:
  enum class Boundary { kNone, kWord, kAfterScript };

  void Word(std::string_view w) {
    if (!out_.empty()) {
      if (pending_space_ || NeedsSpace(w)) out_ += ' ';
    }
    out_ += w;
    pending_space_ = false;
    pending_newline_ = false;
    boundary_ = Boundary::kNone;
  }

  // A tag between two words with no space around it: "the<i>TERT</i>gene"
  // had spaces the publisher's markup dropped; "SnO<sub>2</sub>thin" too,
  // but "H<sub>2</sub>O" and "p<sub>trend</sub>=0.05" did not, so after a
  // subscript only a lower-case word gets one.
  bool NeedsSpace(std::string_view w) const {
    switch (boundary_) {
      case Boundary::kNone:
        return false;
      case Boundary::kWord:
        return IsWordChar(LastCodePoint(out_)) && IsWordChar(FirstCodePoint(w));
      case Boundary::kAfterScript:
        return w.size() >= 2 &&
               std::islower(static_cast<unsigned char>(w[0])) &&
               std::islower(static_cast<unsigned char>(w[1])) &&
               IsWordChar(LastCodePoint(out_));
    }
    return false;
  }

  std::string out_;
  bool pending_space_ = false;
  bool pending_newline_ = false;
  Boundary boundary_ = Boundary::kNone;
  int math_depth_ = 0;  // inside a <math> element, counting it
};

void Walk(const pugi::xml_node& node, int depth, Joiner* joiner) {
  for (pugi::xml_node child = node.first_child(); child;
       child = child.next_sibling()) {
    switch (child.type()) {
      case pugi::node_pcdata:
      case pugi::node_cdata:
        joiner->Text(child.value());
        break;
      case pugi::node_element:
        if (depth >= kMaxDepth) break;
        joiner->Open(child.name());
        Walk(child, depth + 1, joiner);
        joiner->Close(child.name());
        break;
      default:
        break;
    }
  }
}

}  // namespace

std::string InlineText(const pugi::xml_node& node) {
  Joiner joiner;
  Walk(node, 0, &joiner);
  return joiner.Finish();
}

}  // namespace claimcheck::importers
