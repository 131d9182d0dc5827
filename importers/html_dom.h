// Small helpers over gumbo's tree for the HTML reader (html.cc,
// html_metadata.cc). Every walk is iterative: a broken page can nest
// thousands of elements and must not exhaust the stack. Internal to
// importers/.
#ifndef CLAIMCHECK_IMPORTERS_HTML_DOM_H_
#define CLAIMCHECK_IMPORTERS_HTML_DOM_H_

#include <gumbo.h>

#include <string>
#include <string_view>
#include <vector>

namespace claimcheck::importers::html {

inline bool IsElement(const GumboNode* n) {
  return n != nullptr &&
         (n->type == GUMBO_NODE_ELEMENT || n->type == GUMBO_NODE_TEMPLATE);
}

inline GumboTag Tag(const GumboNode* n) {
  return IsElement(n) ? n->v.element.tag : GUMBO_TAG_UNKNOWN;
}

inline const GumboVector& Children(const GumboNode* n) {
  return n->type == GUMBO_NODE_DOCUMENT ? n->v.document.children
                                        : n->v.element.children;
}

inline const GumboNode* Child(const GumboNode* n, unsigned i) {
  return static_cast<const GumboNode*>(Children(n).data[i]);
}

// The value of attribute `name`, "" when absent.
inline std::string_view Attr(const GumboNode* n, const char* name) {
  if (!IsElement(n)) return {};
  const GumboAttribute* a = gumbo_get_attribute(&n->v.element.attributes, name);
  return a != nullptr ? std::string_view(a->value) : std::string_view();
}

// The element's name, lower case; for an element gumbo does not know
// ("hl-share-overlay") the name as written.
std::string TagName(const GumboNode* n);

// The lower-case words of the element's class and id attributes and of an
// unknown tag's name, split at blanks, '-', '_' and lower-to-upper case
// changes: class="google-ad-placeholder" id="swoopAd" -> google, ad,
// placeholder, swoop, ad. Also each whole class value, lower-cased.
std::vector<std::string> NameWords(const GumboNode* n);

// Visits `root` and its descendants in document order; `visit(node)`
// returns false to skip a node's children.
template <typename Visit>
void Walk(const GumboNode* root, Visit&& visit) {
  std::vector<const GumboNode*> stack{root};
  while (!stack.empty()) {
    const GumboNode* n = stack.back();
    stack.pop_back();
    if (!visit(n)) continue;
    if (n->type != GUMBO_NODE_DOCUMENT && !IsElement(n)) continue;
    const GumboVector& kids = Children(n);
    for (unsigned i = kids.length; i > 0; --i) {
      stack.push_back(static_cast<const GumboNode*>(kids.data[i - 1]));
    }
  }
}

// The text of `n` with white space collapsed and trimmed, scripts and
// styles left out, at most `max` bytes (cut at a character boundary).
std::string CollapsedText(const GumboNode* n, std::size_t max = 4096);

}  // namespace claimcheck::importers::html

#endif  // CLAIMCHECK_IMPORTERS_HTML_DOM_H_
