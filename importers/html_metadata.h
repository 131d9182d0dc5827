// What a web page says about itself: <title>, <meta> (Open Graph,
// article:*, Highwire citation_*, Dublin Core), <link rel=canonical>,
// <html lang> and JSON-LD (schema.org Article, NewsArticle, BlogPosting,
// MedicalWebPage … : headline, author, datePublished, dateModified,
// publisher, url, citation). Internal to importers/.
// Covered by tests/importers/html_test.cc.
#ifndef CLAIMCHECK_IMPORTERS_HTML_METADATA_H_
#define CLAIMCHECK_IMPORTERS_HTML_METADATA_H_

#include <gumbo.h>

#include <string>
#include <vector>

#include "claimcheck/document.h"

namespace claimcheck::importers::html {

struct PageMetadata {
  std::string title;          // the best headline: JSON-LD, og:, citation_, dc.
  std::string title_element;  // <title>, for when nothing better exists
  std::vector<std::string> authors;
  std::string date;           // ISO 8601
  std::string date_modified;  // ISO 8601
  std::string url;            // canonical, og:url, JSON-LD url
  std::string base;           // <base href>, else `url`: for relative links
  std::string publisher;
  std::string site_name;
  std::string description;
  std::string language;
  std::string doi;                  // citation_doi of a journal's own page
  std::string pmid;                 // citation_pmid
  std::vector<Citation> citations;  // JSON-LD "citation"
};

// Reads the metadata of the whole page. Malformed JSON-LD is skipped.
PageMetadata ReadPageMetadata(const GumboNode* document);

// `href` made absolute against `base` ("/nutrition" on
// https://www.healthline.com/x -> https://www.healthline.com/nutrition).
// Empty for links that lead nowhere to read: "#top", "javascript:",
// "mailto:", "tel:".
std::string ResolveUrl(std::string_view base, std::string_view href);

}  // namespace claimcheck::importers::html

#endif  // CLAIMCHECK_IMPORTERS_HTML_METADATA_H_
