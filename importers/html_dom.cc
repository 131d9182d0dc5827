// Helpers over gumbo's tree (importers/html_dom.h).
#include "html_dom.h"

namespace claimcheck::importers::html {

namespace {

char Lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c;
}

void AddWords(std::string_view s, std::vector<std::string>* out) {
  std::string word;
  auto flush = [&] {
    if (!word.empty()) out->push_back(std::move(word));
    word.clear();
  };
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '-' || c == '_' ||
        c == ':' || c == '.') {
      flush();
      continue;
    }
    // "swoopAd" -> swoop, ad
    if (c >= 'A' && c <= 'Z' && i > 0 && s[i - 1] >= 'a' && s[i - 1] <= 'z') {
      flush();
    }
    word += Lower(c);
  }
  flush();
}

bool IsBlank(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

}  // namespace

std::string TagName(const GumboNode* n) {
  if (!IsElement(n)) return {};
  if (n->v.element.tag != GUMBO_TAG_UNKNOWN) {
    return gumbo_normalized_tagname(n->v.element.tag);
  }
  GumboStringPiece piece = n->v.element.original_tag;
  gumbo_tag_from_original_text(&piece);
  std::string name(piece.data != nullptr ? piece.data : "", piece.length);
  for (char& c : name) c = Lower(c);
  return name;
}

std::vector<std::string> NameWords(const GumboNode* n) {
  std::vector<std::string> out;
  const std::string_view cls = Attr(n, "class");
  AddWords(cls, &out);
  AddWords(Attr(n, "id"), &out);
  if (Tag(n) == GUMBO_TAG_UNKNOWN) AddWords(TagName(n), &out);
  std::size_t pos = 0;
  while (pos < cls.size()) {
    std::size_t end = cls.find(' ', pos);
    if (end == std::string_view::npos) end = cls.size();
    if (end > pos) {
      std::string whole(cls.substr(pos, end - pos));
      for (char& c : whole) c = Lower(c);
      out.push_back(std::move(whole));
    }
    pos = end + 1;
  }
  return out;
}

std::string CollapsedText(const GumboNode* n, std::size_t max) {
  std::string out;
  bool space = false;
  Walk(n, [&](const GumboNode* x) {
    if (out.size() >= max) return false;
    const GumboTag tag = Tag(x);
    if (tag == GUMBO_TAG_SCRIPT || tag == GUMBO_TAG_STYLE ||
        tag == GUMBO_TAG_NOSCRIPT || tag == GUMBO_TAG_TEMPLATE) {
      return false;
    }
    if (x->type == GUMBO_NODE_TEXT || x->type == GUMBO_NODE_WHITESPACE ||
        x->type == GUMBO_NODE_CDATA) {
      for (const char* p = x->v.text.text; *p != '\0'; ++p) {
        if (IsBlank(*p)) {
          space = !out.empty();
        } else {
          if (space) out += ' ';
          space = false;
          out += *p;
        }
      }
    } else if (tag == GUMBO_TAG_BR || tag == GUMBO_TAG_P ||
               tag == GUMBO_TAG_DIV || tag == GUMBO_TAG_LI) {
      space = !out.empty();
    }
    return true;
  });
  if (out.size() > max) {
    std::size_t cut = max;
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) {
      --cut;
    }
    out.resize(cut);
  }
  return out;
}

}  // namespace claimcheck::importers::html
