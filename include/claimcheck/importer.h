// Importers: every input format (PubMed XML, MEDLINE/.nbib, plain text,
// Markdown, HTML) read into the same ImportedDocument — a Document with its
// metadata and citations, and its text as labelled parts. The claim layer
// reads the parts through BuildDocumentText; the store keeps the Document.
// Importers know nothing of verdicts or the store.
// Covered by tests/importers/.
#ifndef CLAIMCHECK_IMPORTER_H_
#define CLAIMCHECK_IMPORTER_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "claimcheck/claims.h"
#include "claimcheck/diagnostic.h"
#include "claimcheck/document.h"
#include "claimcheck/status.h"
#include "claimcheck/text.h"

namespace claimcheck {

enum class InputFormat {
  kPubmedXml,  // PubmedArticleSet (efetch, "Save -> XML", baseline files)
  kMedline,    // MEDLINE text / .nbib ("PMID- 123")
  kText,       // plain text
  kMarkdown,   // Markdown, optionally with YAML front matter
  kHtml,       // a saved web page
  kUnknown,    // binary or not recognised: refused
};

// "pubmed_xml", "medline", "text", "markdown", "html", "unknown".
const char* InputFormatName(InputFormat format);

// The format of a file from its content first (`head`: its first bytes,
// already gunzipped for a .gz file) and its name's extension second
// (".xml", ".nbib", ".txt", ".md", ".html" …; a trailing ".gz" ignored).
// Content wins where it is clear: "<PubmedArticleSet" or "<!DOCTYPE
// PubmedArticleSet" is PubMed XML whatever the name, "PMID- " at a line
// start is MEDLINE, "<html" or "<!doctype html" is HTML. Binary content (a
// NUL byte, or mostly bytes that are not UTF-8 text) is kUnknown.
InputFormat DetectFormat(std::string_view file_name, std::string_view head);

// One labelled stretch of a document's text, in reading order.
struct DocumentPart {
  // What a reader sees above it: a structured abstract's Label
  // ("BACKGROUND", "Methods"), an article's heading text; empty for none.
  std::string label;
  // A structured abstract's NlmCategory ("BACKGROUND", "OBJECTIVE",
  // "METHODS", "RESULTS", "CONCLUSIONS", "UNASSIGNED"); empty elsewhere.
  std::string category;
  // The text, UTF-8. Paragraphs are separated by a blank line; a heading
  // inside an article part is a line of its own.
  std::string text;
  // The title of the document (claims are read from it too, but a report
  // may show it apart).
  bool title = false;
  // Text kept as metadata but never a source of claims: a disclaimer, an
  // author bio, a newsletter box, a "Related posts" list.
  bool boilerplate = false;
};

// What an importer produces for one document.
struct ImportedDocument {
  Document document;
  std::vector<DocumentPart> parts;
  // Where it came from, for diagnostics: "FILE", "FILE: record PMID 123".
  std::string origin;
};

struct ImportOptions {
  // A .gz input that expands past this many bytes is refused (a
  // decompression bomb), naming the file.
  std::uint64_t max_expanded_bytes = std::uint64_t{64} << 30;
  // A single record (one PubmedArticle, one MEDLINE record) larger than
  // this is reported and skipped.
  std::size_t max_record_bytes = std::size_t{64} << 20;
};

// Receives each document of a file, in file order. A non-OK status stops
// the import and is returned by ImportFile.
using DocumentSink = std::function<Status(ImportedDocument&& document)>;

// Reads `path` ('-': standard input), detects its format (gunzipping a .gz
// or gzip-magic input on the fly) and hands each document to `sink` as soon
// as it is read: memory does not grow with the file. A problem with one
// record (a broken record mid-file, a record without a PMID) is appended to
// `problems` naming the file and the place (line, byte offset or record
// PMID) and the import goes on with the next record where that is safe.
// Returns InvalidArgument for a file that cannot be read as its format at
// all (binary, unknown, malformed beyond recovery), NotFound/IOError for a
// file that cannot be opened or read. An empty PubmedArticleSet yields no
// documents and returns OK.
Status ImportFile(const std::string& path, const ImportOptions& options,
                  const DocumentSink& sink, Diagnostics* problems);

// The same, on bytes already in memory (`name` names them in diagnostics
// and its extension helps detection).
Status ImportBytes(std::string_view bytes, const std::string& name,
                   const ImportOptions& options, const DocumentSink& sink,
                   Diagnostics* problems);

// A document's text as the claim extractor reads it: the parts joined by
// blank lines, normalised (Text::FromBytes), and for each sentence its
// context — the part's label as section for abstracts, the boilerplate
// flag for every kind. `context` is empty when no part has a label or is
// boilerplate (a plain article), so the extractor reads it as an article.
struct DocumentText {
  Text text;
  std::vector<SentenceContext> context;
  // For each part, the byte range of its text in text.str().
  std::vector<std::pair<std::size_t, std::size_t>> part_ranges;
};
Result<DocumentText> BuildDocumentText(const ImportedDocument& document,
                                       Diagnostics* warnings);

}  // namespace claimcheck

#endif  // CLAIMCHECK_IMPORTER_H_
