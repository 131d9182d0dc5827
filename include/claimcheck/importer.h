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
#include <optional>
#include <string>
#include <string_view>
#include <utility>
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

// Why DetectFormat says kUnknown for `head`, in words for a diagnostic that
// the caller prefixes with the file name: "empty document (no text to
// read)", "byte 4: binary data (a NUL byte); not a document claimcheck
// reads", "XML that is not a PubmedArticleSet" …
std::string UnknownFormatReason(std::string_view file_name,
                                std::string_view head);

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
  // The citations made in this part, in order: start/end are byte offsets
  // into `text` (BuildDocumentText maps them into the document text).
  // Article importers fill it; other importers leave it empty.
  std::vector<Citation> citations;
};

// A hyperlink of an article (every <a href> of a web page, every Markdown
// link), in document order.
struct DocumentLink {
  static constexpr std::size_t kNoPart = static_cast<std::size_t>(-1);
  std::string url;   // absolute when the page says where it lives
  std::string text;  // the anchor text, white space collapsed
  // The part holding the anchor text and its byte range in that part's
  // text; kNoPart for a link outside the article's text (navigation,
  // footer, a dropped advertisement).
  std::size_t part = kNoPart;
  std::size_t start = 0;
  std::size_t end = 0;
};

// What an article (plain text, Markdown, a web page) says beyond Document.
// Empty for bibliographic records.
struct ArticleMetadata {
  std::string format;               // "text", "markdown" or "html"
  std::string publisher;            // JSON-LD publisher, else og:site_name
  std::string description;          // og:description or meta description
  std::string date_modified;        // ISO 8601, as Document::date
  std::vector<DocumentLink> links;  // every link, in document order
};

// A MeSH heading of a PubMed record: "Pancreatic Neoplasms/genetics".
struct MeshHeading {
  std::string descriptor;  // "Pancreatic Neoplasms"
  // A major topic of the record, marked on the descriptor or on one of its
  // qualifiers (MEDLINE's "*").
  bool major = false;
  std::vector<std::string> qualifiers;  // "genetics", "epidemiology"
};

// Another record a PubMed record points at (PubMed XML CommentsCorrections,
// MEDLINE CIN/CON/EIN/EFR/RIN/ROF … lines).
struct RecordLink {
  // The XML RefType: "ErratumIn", "ErratumFor", "RetractionIn",
  // "RetractionOf", "CommentIn", "CommentOn", "Cites", "UpdateOf", …
  std::string type;
  std::string pmid;    // digits; empty when the link names no PMID
  std::string source;  // the citation as written ("Gut. 2017;66(6):1116")
};

// What a bibliographic record (PubMed XML, MEDLINE) says beyond Document.
// The store keeps the Document; these feed the design classifier, tests and
// future tables. Empty for articles.
// A Supplementary Concept Record a PubMed record names (ChemicalList
// NameOfSubstance or SupplMeshList SupplMeshName with a UI "C…").
struct RecordSubstance {
  std::string ui;    // "C008305"
  std::string name;  // "theanine"
  std::string type;  // SupplMeshName's Type; "Chemical" for ChemicalList
};

struct RecordMetadata {
  std::vector<MeshHeading> mesh;
  std::vector<std::string> chemicals;  // NameOfSubstance / RN names
  // The Supplementary Concept Records named, each UI once, in record order.
  std::vector<RecordSubstance> substances;
  std::vector<std::string> keywords;   // KeywordList / OT
  std::vector<RecordLink> links;       // in record order, "Cites" included
  std::vector<std::string> languages;  // every Language; Document has the 1st
  std::string vernacular_title;        // the title in its own language
  bool book = false;                   // a PubmedBookArticle
  // Where the record starts in the (gunzipped) input: byte offset and
  // 1-based line.
  std::uint64_t offset = 0;
  std::size_t line = 0;
};

// What an importer produces for one document.
struct ImportedDocument {
  Document document;
  std::vector<DocumentPart> parts;
  // Where it came from, for diagnostics: "FILE", "FILE: record PMID 123".
  std::string origin;
  RecordMetadata record;
  ArticleMetadata article;
};

// How far an import has got, for progress displays.
struct ImportProgress {
  std::uint64_t bytes_read = 0;   // of the file as stored (compressed for .gz)
  std::uint64_t total_bytes = 0;  // its size; 0 when unknown (stdin, a pipe)
  std::uint64_t records = 0;      // documents handed to the sink so far
};

struct ImportOptions {
  // A .gz input that expands past this many bytes is refused (a
  // decompression bomb), naming the file.
  std::uint64_t max_expanded_bytes = std::uint64_t{64} << 30;
  // A single record (one PubmedArticle, one MEDLINE record) larger than
  // this is reported and skipped.
  std::size_t max_record_bytes = std::size_t{64} << 20;
  // Called after each document handed to the sink (on the importing
  // thread); empty: none. Cheap calls only: it may run 10,000 times a second.
  std::function<void(const ImportProgress&)> progress;
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
// all (binary, unknown, empty, a MEDLINE file without one record, damaged
// or truncated gzip data, a .gz expanding past max_expanded_bytes),
// NotFound/IOError for a file that cannot be opened or read; documents read
// before such a failure have been handed to `sink` already. A truncated
// XML file is OK with problems (the records before the cut are read). An
// empty PubmedArticleSet yields no documents and returns OK. At most
// 10,000 problems a file are listed, then one line counting the rest.
// Records stream one at a time: memory is one record (PubMed XML records
// are parsed one by one with pugixml) plus a 1 MB read window.
Status ImportFile(const std::string& path, const ImportOptions& options,
                  const DocumentSink& sink, Diagnostics* problems);

// The same, on bytes already in memory (`name` names them in diagnostics
// and its extension helps detection).
Status ImportBytes(std::string_view bytes, const std::string& name,
                   const ImportOptions& options, const DocumentSink& sink,
                   Diagnostics* problems);

// A structured abstract section's NlmCategory from its label, for labels
// that come without one (older XML, MEDLINE's flattened "RESULTS: …"):
// "BACKGROUND", "OBJECTIVE", "METHODS", "RESULTS", "CONCLUSIONS", or
// "UNASSIGNED" for a label it does not know. Case-insensitive
// ("Materials and methods" is METHODS).
std::string SectionCategory(std::string_view label);

// The study design of a bibliographic record, decided in this order (the
// first that says something wins; see importers/design.cc for the tables):
//  1. its publication types ("Meta-Analysis", "Randomized Controlled
//     Trial", "Published Erratum", "Letter", …);
//  2. its MeSH headings (Animals without Humans: kAnimal; In Vitro
//     Techniques: kInVitro; Case-Control, Cross-Sectional, Cohort Studies);
//  3. the words of its title and abstract outside BACKGROUND sections
//     ("randomized, double-blind, placebo-controlled", "meta-analysis of",
//     "in rats", "cross-sectional"), since recent records have no
//     publication types yet.
// kUnknown when none says anything.
Design ClassifyDesign(const std::vector<std::string>& publication_types,
                      const std::vector<MeshHeading>& mesh,
                      const std::vector<DocumentPart>& parts);

// The number of participants an abstract states, outside BACKGROUND
// sections: "A total of 3849 patients", "n = 46", "46 elderly subjects",
// "386 cases and 896 controls" (summed); nullopt when it states none.
std::optional<long long> FindSampleSize(const std::vector<DocumentPart>& parts);

// Sets `imported`'s design (ClassifyDesign), n (FindSampleSize, for designs
// that study participants) and retracted (a "Retracted Publication" type or
// a RetractionIn link) from its own metadata and parts.
void ClassifyRecord(ImportedDocument* imported);

// A document's text as the claim extractor reads it: the parts joined by
// blank lines, normalised (Text::FromBytes), and for each sentence its
// context — the part's label as section for abstracts, the boilerplate
// flag for every kind, and the attribution the parts' citations give: a
// sentence with an identified citation (IsIdentified in citations.h: a
// PMID, DOI, PMC id or journal link) in it or right after it is kCited, one
// with a reference in words only ("Abbasi et al., 2012") is kUnnamed. A
// citation is "right after" a sentence when it makes up a sentence of its
// own ("(1)." after the full stop) or sits between two sentences.
// `context` is empty when no part has a label, is boilerplate or holds a
// citation (a plain article), so the extractor reads it as an article.
struct DocumentText {
  static constexpr std::size_t kNoSentence = static_cast<std::size_t>(-1);
  Text text;
  std::vector<SentenceContext> context;
  // For each part, the byte range of its text in text.str().
  std::vector<std::pair<std::size_t, std::size_t>> part_ranges;
  // Every citation of the document: first those the parts hold, in reading
  // order, start/end mapped into text.str(); then those of
  // Document::citations that no part holds (a reference list outside the
  // article, JSON-LD), with start = end = 0.
  std::vector<Citation> citations;
  // For each of `citations`, the sentence it attributes (an index into
  // text.sentences()), or kNoSentence.
  std::vector<std::size_t> citation_sentences;
};
Result<DocumentText> BuildDocumentText(const ImportedDocument& document,
                                       Diagnostics* warnings);

}  // namespace claimcheck

#endif  // CLAIMCHECK_IMPORTER_H_
