// Which part of a web page is the article: a guard against nesting that
// gumbo cannot take, text statistics per element, the content root, and
// each element's role (content, dropped, boilerplate). Used by html.cc.
// Covered by tests/importers/html_test.cc.
#include "html_content.h"

#include <algorithm>
#include <initializer_list>

#include "html_dom.h"

namespace claimcheck::importers::html {

namespace {

bool IsAsciiAlpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// Elements that never hold others open: void elements and those whose end
// tag is implied by the next sibling.
bool NeverNests(std::string_view name) {
  static const char* const kNames[] = {
      "area",   "base",  "br",    "col",    "embed",    "hr",       "img",
      "input",  "link",  "meta",  "param",  "source",   "track",    "wbr",
      "keygen", "frame", "image", "p",      "li",       "dt",       "dd",
      "tr",     "td",    "th",    "option", "optgroup", "rb",       "rt",
      "rp",     "rtc",   "tbody", "thead",  "tfoot",    "colgroup", "caption",
      "html",   "head",  "body"};
  for (const char* n : kNames) {
    if (name == n) return true;
  }
  return false;
}

bool IsRawText(std::string_view name) {
  return name == "script" || name == "style" || name == "textarea" ||
         name == "title" || name == "xmp" || name == "iframe" ||
         name == "noembed" || name == "noframes" || name == "noscript";
}

// The offset of "</name" at or after `from` (any case), or npos.
std::size_t FindEndTag(std::string_view html, std::string_view name,
                       std::size_t from) {
  while ((from = html.find("</", from)) != std::string_view::npos) {
    if (LowerAscii(html.substr(from + 2, name.size())) == name) return from;
    from += 2;
  }
  return std::string_view::npos;
}

Stats& Get(StatsMap& stats, const GumboNode* n) { return stats[n]; }

// Class names that mark the article body on common publishing systems.
bool IsBodyMarked(const GumboNode* n) {
  if (Attr(n, "itemprop") == "articleBody") return true;
  return HasWord(NameWords(n),
                 {"article-body", "articlebody", "article__body",
                  "entry-content", "post-content", "article-content",
                  "story-body", "post-body", "article-text", "story-content",
                  "td-post-content", "single-content", "blog-post-content"});
}

}  // namespace

std::string LowerAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  }
  return out;
}

bool HasWord(const std::vector<std::string>& words,
             std::initializer_list<std::string_view> list) {
  for (const std::string& w : words) {
    for (std::string_view l : list) {
      if (w == l) return true;
    }
  }
  return false;
}

// A guard, not a parser: counts start and end tags to bound how deep the
// page can nest, and returns the offset of the tag that would open element
// number `max_depth + 1` (npos when the page stays below it). Comments and
// raw-text elements are skipped so their insides are not counted.
std::size_t DeepNestingOffset(std::string_view html, std::size_t max_depth) {
  std::size_t depth = 0;
  std::size_t i = 0;
  while ((i = html.find('<', i)) != std::string_view::npos) {
    if (html.substr(i, 4) == "<!--") {
      const std::size_t end = html.find("-->", i + 4);
      if (end == std::string_view::npos) return std::string_view::npos;
      i = end + 3;
      continue;
    }
    const bool close = i + 1 < html.size() && html[i + 1] == '/';
    const std::size_t j = i + 1 + (close ? 1 : 0);
    if (j >= html.size() || !IsAsciiAlpha(html[j])) {
      ++i;
      continue;
    }
    std::size_t k = j;
    while (k < html.size() &&
           (IsAsciiAlpha(html[k]) || (html[k] >= '0' && html[k] <= '9') ||
            html[k] == '-' || html[k] == ':')) {
      ++k;
    }
    const std::string name = LowerAscii(html.substr(j, k - j));
    const std::size_t gt = html.find('>', k);
    if (gt == std::string_view::npos) return std::string_view::npos;
    if (close) {
      if (!NeverNests(name) && depth > 0) --depth;
    } else if (IsRawText(name)) {
      const std::size_t end = FindEndTag(html, name, gt + 1);
      if (end == std::string_view::npos) return std::string_view::npos;
      i = end;
      continue;
    } else if (html[gt - 1] != '/' && !NeverNests(name) &&
               ++depth > max_depth) {
      return i;
    }
    i = gt + 1;
  }
  return std::string_view::npos;
}

// ---- which elements are content ----

bool IsDropped(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_MATH:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_EMBED:
    case GUMBO_TAG_CANVAS:
    case GUMBO_TAG_VIDEO:
    case GUMBO_TAG_AUDIO:
    case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_INPUT:
    case GUMBO_TAG_LABEL:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_IMG:
    case GUMBO_TAG_MAP:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_HEAD:
      return true;
    default:
      return false;
  }
}

StatsMap ComputeStats(const GumboNode* document) {
  StatsMap stats;
  std::vector<const GumboNode*> order;
  Walk(document, [&](const GumboNode* n) {
    if (IsElement(n)) {
      if (IsDropped(Tag(n))) return false;
      order.push_back(n);
      return true;
    }
    if ((n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_CDATA) &&
        IsElement(n->parent)) {
      Stats& s = Get(stats, n->parent);
      for (const char* p = n->v.text.text; *p != '\0'; ++p) {
        if (*p != ' ' && *p != '\n' && *p != '\t' && *p != '\r') ++s.text;
        if (*p == ',') ++s.commas;
      }
    }
    return n->type == GUMBO_NODE_DOCUMENT;
  });
  for (auto it = order.rbegin(); it != order.rend(); ++it) {
    Stats& s = Get(stats, *it);
    if (Tag(*it) == GUMBO_TAG_A) s.links = s.text;
    if (IsElement((*it)->parent)) {
      Stats& p = Get(stats, (*it)->parent);
      p.text += s.text;
      p.links += s.links;
      p.commas += s.commas;
    }
  }
  for (const GumboNode* n : order) {
    const GumboTag tag = Tag(n);
    if (tag != GUMBO_TAG_P && tag != GUMBO_TAG_PRE && tag != GUMBO_TAG_TD &&
        tag != GUMBO_TAG_BLOCKQUOTE) {
      continue;
    }
    const Stats& s = Get(stats, n);
    if (s.text < 25) continue;
    const double score = 1.0 + static_cast<double>(s.commas) +
                         std::min(static_cast<double>(s.text) / 100.0, 3.0);
    if (IsElement(n->parent)) {
      Get(stats, n->parent).score += score;
      if (IsElement(n->parent->parent)) {
        Get(stats, n->parent->parent).score += score / 2;
      }
    }
  }
  return stats;
}

const GumboNode* ChooseRoot(const GumboNode* document, StatsMap& stats) {
  const GumboNode* marked = nullptr;
  const GumboNode* article = nullptr;
  const GumboNode* main = nullptr;
  const GumboNode* dense = nullptr;
  const GumboNode* body = nullptr;
  double best_score = 0;
  auto more_text = [&](const GumboNode* a, const GumboNode* b) {
    return b == nullptr || Get(stats, a).text > Get(stats, b).text;
  };
  Walk(document, [&](const GumboNode* n) {
    if (!IsElement(n)) return n->type == GUMBO_NODE_DOCUMENT;
    if (IsDropped(Tag(n))) return false;
    const Stats& s = Get(stats, n);
    if (Tag(n) == GUMBO_TAG_BODY) body = n;
    if (IsBodyMarked(n) && more_text(n, marked)) marked = n;
    if (Tag(n) == GUMBO_TAG_ARTICLE && more_text(n, article)) article = n;
    if ((Tag(n) == GUMBO_TAG_MAIN || Attr(n, "role") == "main") &&
        more_text(n, main)) {
      main = n;
    }
    if (s.text > 0) {
      const double final_score =
          s.score *
          (1.0 - static_cast<double>(s.links) / static_cast<double>(s.text));
      if (final_score > best_score) {
        best_score = final_score;
        dense = n;
      }
    }
    return true;
  });
  const std::size_t dense_text = dense ? Get(stats, dense).text : 0;
  for (const GumboNode* c : {marked, article, main}) {
    if (c == nullptr) continue;
    const std::size_t t = Get(stats, c).text;
    if (t >= kMinRootText && t * 10 >= dense_text * 3) return c;
  }
  if (dense != nullptr) return dense;
  return body != nullptr ? body : document;
}

Role Classify(const GumboNode* n, StatsMap& stats, std::size_t root_text) {
  const GumboTag tag = Tag(n);
  if (IsDropped(tag)) return Role::kDrop;
  if (tag == GUMBO_TAG_UNKNOWN) {
    // Newer elements gumbo 0.10 does not know.
    const std::string name = html::TagName(n);
    if (name == "picture" || name == "dialog") return Role::kDrop;
  }
  if (IsElement(n) &&
      gumbo_get_attribute(&n->v.element.attributes, "hidden") != nullptr) {
    return Role::kDrop;
  }
  if (Attr(n, "aria-hidden") == "true") return Role::kDrop;
  const std::string style = LowerAscii(Attr(n, "style"));
  if (style.find("display:none") != std::string::npos ||
      style.find("display: none") != std::string::npos) {
    return Role::kDrop;
  }
  const std::string_view role = Attr(n, "role");
  if (role == "navigation" || role == "search" || role == "banner") {
    return Role::kDrop;
  }
  // A wrapper holding most of the article is content, whatever its class
  // says ("main-content has-sidebar").
  const Stats& s = Get(stats, n);
  if (s.text * 2 > root_text) return Role::kContent;
  if (tag == GUMBO_TAG_ASIDE || tag == GUMBO_TAG_FOOTER ||
      tag == GUMBO_TAG_HEADER || role == "contentinfo" ||
      role == "complementary") {
    return Role::kBoilerplate;
  }
  const std::vector<std::string> words = NameWords(n);
  if (HasWord(words, {"nav",
                      "navbar",
                      "navigation",
                      "menu",
                      "breadcrumb",
                      "breadcrumbs",
                      "share",
                      "sharing",
                      "sharebar",
                      "social",
                      "ad",
                      "ads",
                      "advert",
                      "advertisement",
                      "adslot",
                      "dfp",
                      "gpt",
                      "sponsor",
                      "sponsored",
                      "promo",
                      "banner",
                      "cookie",
                      "cookies",
                      "consent",
                      "gdpr",
                      "popup",
                      "modal",
                      "pagination",
                      "pager",
                      "print",
                      "toolbar",
                      "search",
                      "widget",
                      "sidebar",
                      "hidden",
                      "credit",
                      "sr-only",
                      "screen-reader-text",
                      "visually-hidden",
                      "skip",
                      "icon"})) {
    return Role::kDrop;
  }
  if (HasWord(words,
              {"disclaimer",   "author",     "authors",      "bio",
               "byline",       "newsletter", "subscribe",    "subscription",
               "signup",       "related",    "recommended",  "recommendations",
               "comments",     "comment",    "respond",      "discussion",
               "footnotes",    "references", "sources",      "citations",
               "bibliography", "tags",       "footer",       "header",
               "masthead",     "read-next",  "more-stories", "outbrain",
               "taboola"})) {
    return Role::kBoilerplate;
  }
  // A list that is mostly links is a menu or a list of other stories.
  if ((tag == GUMBO_TAG_UL || tag == GUMBO_TAG_OL) && s.text > 0 &&
      s.links * 10 >= s.text * 7) {
    return Role::kBoilerplate;
  }
  return Role::kContent;
}

bool IsBlock(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_DETAILS:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_FIELDSET:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_HGROUP:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_P:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_SUMMARY:
    case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_CENTER:
    case GUMBO_TAG_BODY:
    case GUMBO_TAG_MENU:
      return true;
    default:
      return false;
  }
}

bool IsHeading(GumboTag tag) {
  return tag == GUMBO_TAG_H1 || tag == GUMBO_TAG_H2 || tag == GUMBO_TAG_H3 ||
         tag == GUMBO_TAG_H4 || tag == GUMBO_TAG_H5 || tag == GUMBO_TAG_H6;
}

}  // namespace claimcheck::importers::html
