// What the article readers (text_article.cc, markdown.cc, html.cc) share:
// bylines, titles and dates in the opening lines, end matter and promotions
// split off as boilerplate, citations found in the parts. Internal to
// importers/. Covered by tests/importers/text_article_test.cc.
#ifndef CLAIMCHECK_IMPORTERS_ARTICLE_COMMON_H_
#define CLAIMCHECK_IMPORTERS_ARTICLE_COMMON_H_

#include <string>
#include <string_view>
#include <vector>

#include "claimcheck/importer.h"

namespace claimcheck::importers {

// The readers, one per format. `bytes` is valid UTF-8 without NUL bytes
// (ImportArticleBytes repairs it first); `name` names the input in
// diagnostics. Each fills the document's parts, title, authors, date, url
// and links; ImportArticleBytes then adds what every article gets
// (FinishArticle).
Result<ImportedDocument> ReadTextArticle(std::string_view bytes,
                                         const std::string& name,
                                         Diagnostics* problems);
Result<ImportedDocument> ReadMarkdownArticle(std::string_view bytes,
                                             const std::string& name,
                                             Diagnostics* problems);
Result<ImportedDocument> ReadHtmlArticle(std::string_view bytes,
                                         const std::string& name,
                                         Diagnostics* problems);

// The names of a byline: "By Maya Richardson", "Written by Grant Tinsley,
// PhD on April 29, 2018", "By A and B | March 3, 2026", "Author: X".
// Credentials after a comma stay with their name ("Grant Tinsley, PhD").
// Empty when `line` is not a byline ("By understanding the benefits, …").
std::vector<std::string> ReadByline(std::string_view line);

// True for a name as bylines write it: two to six words, each capitalised
// (or a particle such as "van", "de", or an initial "J."), no digits.
bool IsPersonName(std::string_view name);

// What the opening lines of an article's text say: the title (the first
// line when it reads as one; the second when the first is a masthead that
// the page repeats, such as a site name), the byline and the date.
struct ArticleHead {
  std::string title;
  std::vector<std::string> authors;
  std::string date;  // ISO 8601
};
ArticleHead ReadArticleHead(std::string_view text);

// The author an end-of-article box names ("Article by" / "About the
// author" on a line of its own, the name on the next); empty for none.
std::vector<std::string> ReadAuthorBox(std::string_view text);

// Splits `part` (a body part whose text is lines, blank lines between
// paragraphs) at boilerplate:
//  - a short line of its own that opens end matter ("Disclaimer",
//    "Article by", "Related Posts", "Further Reading:", "Subscribe to our
//    Blog", "References", …) makes it and everything after it boilerplate,
//    unless it starts before byte `tail_from` of part.text; *tail_seen is
//    set then, and when *tail_seen is already set on entry the whole part
//    is boilerplate;
//  - a one-line promotion ("You may also like: …", "Read more: …") is
//    boilerplate on its own.
// Citations move with their text. Returns the parts in order; a part that
// has no boilerplate comes back whole. When `ranges` is not null it gets,
// for each returned part, the byte range of its text in part.text.
std::vector<DocumentPart> SplitBoilerplate(
    DocumentPart part, std::size_t tail_from, bool* tail_seen,
    std::vector<std::pair<std::size_t, std::size_t>>* ranges = nullptr);

// SplitBoilerplate over every part but the title in turn, moving `links`
// with their text. End matter opens only past the first quarter of the
// text (a "Sources" heading up top is about something else), and once
// opened it runs to the end: every later part is boilerplate.
void SplitPartsAtBoilerplate(std::vector<DocumentPart>* parts,
                             std::vector<DocumentLink>* links);

// Adds the citations written in each part's text (FindCitations) to those
// it already holds (its links), dropping a written one that repeats a link
// over the same bytes; keeps each part's citations in text order.
void AddWrittenCitations(std::vector<DocumentPart>* parts);

// What every article gets once read: its id (LocalDocumentId of `bytes`),
// kind "article", design wellness_article, and Document::citations — every
// part citation (start/end left to BuildDocumentText) followed by those the
// reader put there already (JSON-LD). Returns InvalidArgument naming
// `name` when the article has no text at all.
Status FinishArticle(std::string_view bytes, const std::string& name,
                     ImportedDocument* document);

// Lines of `text` as [start, end) byte ranges, without the line feeds.
std::vector<std::pair<std::size_t, std::size_t>> Lines(std::string_view text);

// `s` without leading and trailing blanks (space, tab, no-break space).
std::string_view TrimBlanks(std::string_view s);

}  // namespace claimcheck::importers

#endif  // CLAIMCHECK_IMPORTERS_ARTICLE_COMMON_H_
