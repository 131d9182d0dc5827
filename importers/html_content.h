// Finding the article in a web page's tree (gumbo): the nesting guard, text
// statistics, the content root and the role of each element. Internal to
// importers/; html.cc writes the text. Covered by tests/importers/html_test.cc.
#ifndef CLAIMCHECK_IMPORTERS_HTML_CONTENT_H_
#define CLAIMCHECK_IMPORTERS_HTML_CONTENT_H_

#include <gumbo.h>

#include <cstddef>
#include <initializer_list>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace claimcheck::importers::html {

// gumbo's tree builder checks element scopes by walking the stack of open
// elements, so a page of 100,000 unclosed <div>s takes minutes and deeper
// pages crash it. Real pages nest far less than this.
inline constexpr std::size_t kMaxNesting = 512;

// A content root with less text than this is not trusted over density.
inline constexpr std::size_t kMinRootText = 200;

// A guard, not a parser: the offset of the start tag that would open
// element number `max_depth + 1` by a count of start and end tags
// (comments and raw-text elements skipped; void elements and those whose
// end tag is implied not counted), or npos when the page stays below it.
std::size_t DeepNestingOffset(std::string_view html, std::size_t max_depth);

struct Stats {
  std::size_t text = 0;   // non-blank bytes of text below
  std::size_t links = 0;  // of which inside <a>
  std::size_t commas = 0;
  double score = 0;  // paragraph score (Readability's rule of thumb)
};
using StatsMap = std::unordered_map<const GumboNode*, Stats>;

// Text statistics of every element outside dropped subtrees, and the
// paragraph scores Readability uses (1 + commas + length/100, at most 3,
// added to the parent and half to the grandparent).
StatsMap ComputeStats(const GumboNode* document);

// The article's element: one the publishing system marks as the article
// body (itemprop=articleBody, class "entry-content" …), else the <article>
// with most text, else <main>, else the element with the best paragraph
// score less its link density, else <body>. A marked, <article> or <main>
// element with less than kMinRootText of text, or less than 30% of the
// densest block's, is passed over.
const GumboNode* ChooseRoot(const GumboNode* document, StatsMap& stats);

enum class Role { kContent, kDrop, kBoilerplate };

// What an element below the root is. Dropped: scripts, media, forms
// controls, <nav>, hidden elements, and class or id words such as nav,
// share, social, ad, sponsor, cookie, popup, sidebar, credit. Boilerplate:
// <aside>, <header>, <footer>, and words such as author, bio, byline,
// newsletter, related, comments, references, disclaimer, tags; also a list
// that is mostly links. An element holding over half the root's text is
// content whatever its words say ("main-content has-sidebar").
Role Classify(const GumboNode* n, StatsMap& stats, std::size_t root_text);

// Tags gumbo 0.10 knows whose subtree never holds article text.
bool IsDropped(GumboTag tag);
// Block elements: a paragraph break before and after.
bool IsBlock(GumboTag tag);
bool IsHeading(GumboTag tag);

// True when one of `words` (NameWords of an element) is in `list`.
bool HasWord(const std::vector<std::string>& words,
             std::initializer_list<std::string_view> list);

std::string LowerAscii(std::string_view s);

}  // namespace claimcheck::importers::html

#endif  // CLAIMCHECK_IMPORTERS_HTML_CONTENT_H_
