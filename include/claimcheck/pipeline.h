// The pipeline in one call (docs/pipeline.md): a document's bytes read
// through the importers, its claims extracted, each judged and the document
// audited, against a loaded knowledge base (knowledge_base.h) and,
// optionally, a store of imported evidence. The `claimcheck` command and
// the tests call these. Covered by tests/report/pipeline_test.cc.
#ifndef CLAIMCHECK_PIPELINE_H_
#define CLAIMCHECK_PIPELINE_H_

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "claimcheck/audit.h"
#include "claimcheck/claims.h"
#include "claimcheck/diagnostic.h"
#include "claimcheck/importer.h"
#include "claimcheck/knowledge_base.h"
#include "claimcheck/status.h"
#include "claimcheck/store.h"
#include "claimcheck/verdict.h"

namespace claimcheck {

// The read step: one document as its importer read it and its text.
struct ReadDocument {
  InputFormat format = InputFormat::kUnknown;
  ImportedDocument imported;  // metadata, parts, links
  DocumentText text;          // the text, per-sentence context, citations
  std::size_t documents = 0;  // how many the bytes held; the first is read
};

// Reads `bytes` through the importers (ImportBytes: text, Markdown, HTML,
// PubMed XML, MEDLINE, the format from content and `name`'s extension) and
// BuildDocumentText. Warnings go to `warnings`, each naming `name`. An
// unknown or binary format, no document, and an empty document (no text
// to read) are InvalidArgument errors naming `name`; bytes holding
// several documents (a PubMed set) give the first, with a warning.
Status ReadDocumentBytes(std::string_view bytes, const std::string& name,
                         ReadDocument* out, Diagnostics* warnings);

// Everything an audit of one document holds, together so that the
// pointers inside (claims into the text and the kb's vocabulary) stay
// valid: keep the knowledge base alive as long as this.
struct AuditedDocument {
  ReadDocument read;
  std::vector<Mention> mentions;
  std::vector<Claim> claims;
  const Concept* main_subject = nullptr;  // the extractor's; may be null
  Audit audit;
};

// Read, extract, judge: ReadDocumentBytes, the kb's extractor, then
// AuditDocument with `engine` (made on kb.vocabulary() and kb.knowledge(),
// with the store to judge against or none; an engine kept across documents
// keeps what it read).
Result<std::unique_ptr<AuditedDocument>> AuditBytes(const KnowledgeBase& kb,
                                                    const VerdictEngine& engine,
                                                    std::string_view bytes,
                                                    const std::string& name,
                                                    Diagnostics* warnings);
// The same with an engine of its own on `store` (null: the curated
// knowledge alone).
Result<std::unique_ptr<AuditedDocument>> AuditBytes(const KnowledgeBase& kb,
                                                    Store* store,
                                                    std::string_view bytes,
                                                    const std::string& name,
                                                    Diagnostics* warnings);

}  // namespace claimcheck

#endif  // CLAIMCHECK_PIPELINE_H_
