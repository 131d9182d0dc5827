// Plain-text articles: text copied out of a browser or saved as .txt. The
// text is kept as written (headings and list items are lines of their own,
// which the sentence splitter reads as such); the reader finds the title,
// byline and date in the opening lines, splits off end matter as
// boilerplate and finds the citations written in it.
// Covered by tests/importers/text_article_test.cc.
#include "article_common.h"

namespace claimcheck::importers {

Result<ImportedDocument> ReadTextArticle(std::string_view bytes,
                                         const std::string& name,
                                         Diagnostics* problems) {
  // Normalised once here, so part offsets are those of the document text.
  Result<Text> normal = Text::FromBytes(bytes, name, problems);
  if (!normal.ok()) return normal.status();
  const std::string& text = normal.value().str();

  ImportedDocument imported;
  imported.article.format = "text";
  ArticleHead head = ReadArticleHead(text);
  imported.document.title = std::move(head.title);
  imported.document.authors = std::move(head.authors);
  imported.document.date = std::move(head.date);
  if (imported.document.authors.empty()) {
    imported.document.authors = ReadAuthorBox(text);
  }
  DocumentPart body;
  body.text = text;
  imported.parts.push_back(std::move(body));
  SplitPartsAtBoilerplate(&imported.parts, &imported.article.links);
  AddWrittenCitations(&imported.parts);
  return imported;
}

}  // namespace claimcheck::importers
