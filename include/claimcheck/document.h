// Documents: what an importer produces and the store keeps. A wellness
// article, a PubMed abstract and a curated study are all Documents; what a
// document is (its design) decides whether it can be evidence at all.
// Covered by tests/kb/knowledge_test.cc (design words) and
// tests/base/document_test.cc (LocalDocumentId).
#ifndef CLAIMCHECK_DOCUMENT_H_
#define CLAIMCHECK_DOCUMENT_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace claimcheck {

// Study design and source kind, in ../shared/CLI.md's words, strongest kinds
// of evidence first.
enum class Design {
  kMetaAnalysis,
  kSystematicReview,
  kRct,
  kControlledTrial,
  kCohort,
  kCaseControl,
  kCrossSectional,
  kCaseSeries,
  kCaseReport,
  kAnimal,
  kInVitro,
  kNarrativeReview,
  kGuideline,
  kEditorial,
  kLetter,
  kErratum,
  kRetraction,
  kWellnessArticle,
  kPressRelease,
  kUnknown,
};

// "meta_analysis", "rct", … as CLI.md spells them.
const char* DesignName(Design design);
// The inverse of DesignName; nullopt for a word that is not a design.
std::optional<Design> ParseDesign(std::string_view name);
// Every design, in enum order.
const std::vector<Design>& AllDesigns();
// False for places where claims are made but that are never evidence:
// wellness articles, press releases, editorials, letters and comments,
// errata, retraction notices, unknown.
bool CanBeEvidence(Design design);

// A reference from a document to a source: any of the identifiers it gives.
struct Citation {
  std::string pmid;   // digits only
  std::string doi;    // "10.xxxx/…", lower-cased
  std::string pmcid;  // "PMC123"
  std::string url;
  std::string text;  // as written ("Abbasi et al., 2012"), when plain text
  // Byte offsets of the reference in the document text; 0/0 when unknown.
  std::size_t start = 0;
  std::size_t end = 0;
};

// One document and its metadata. Empty strings are "not known".
struct Document {
  // "pmid:NNN", "doi:…", "url:…" or "sha256:…" (CLI.md).
  std::string id;
  // "article" (wellness page, news), "abstract" (PubMed record), "curated"
  // (a study of kb/studies.json).
  std::string kind;
  Design design = Design::kUnknown;
  std::string title;
  std::vector<std::string> authors;
  std::string date;  // ISO 8601 as far as known: "2025", "2025-09", …
  std::string url;
  std::string journal;
  std::string language;
  std::string pmid;
  std::string doi;
  std::string pmcid;
  std::optional<long long> n;  // participants, when a study says
  // When the source last revised the record, ISO 8601 ("2018-04-17", PubMed
  // DateRevised / MEDLINE LR); empty when unknown. The store keeps the newer
  // of two versions of one id (Store::PutDocuments).
  std::string revised;
  bool retracted = false;
  std::vector<std::string> publication_types;
  std::vector<Citation> citations;
};

// The id of a local file's document: "sha256:" and the hex SHA-256 of its
// bytes, so the same file always gets the same id.
std::string LocalDocumentId(std::string_view bytes);

}  // namespace claimcheck

#endif  // CLAIMCHECK_DOCUMENT_H_
