// The pipeline in one call: docs/pipeline.md, "One call".
#include "claimcheck/pipeline.h"

#include <utility>

namespace claimcheck {

namespace {

// What DetectFormat reads of the bytes.
constexpr std::size_t kHead = 65536;

}  // namespace

Status ReadDocumentBytes(std::string_view bytes, const std::string& name,
                         ReadDocument* out, Diagnostics* warnings) {
  const std::string_view head = bytes.substr(0, kHead);
  out->format = DetectFormat(name, head);
  if (out->format == InputFormat::kUnknown) {
    return Status::InvalidArgument(name + ": " +
                                   UnknownFormatReason(name, head));
  }
  out->documents = 0;
  Status imported = ImportBytes(
      bytes, name, ImportOptions(),
      [&](ImportedDocument&& d) {
        if (out->documents++ == 0) out->imported = std::move(d);
        return Status::OK();
      },
      warnings);
  if (!imported.ok()) return imported;
  if (out->documents == 0) {
    return Status::InvalidArgument(name + ": no document in it");
  }
  Result<DocumentText> text = BuildDocumentText(out->imported, warnings);
  if (!text.ok()) return text.status();
  if (out->documents > 1) {
    warnings->push_back({name, "",
                         "holds " + std::to_string(out->documents) +
                             " documents; only the first is read"});
  }
  if (text.value().text.sentences().empty()) {
    return Status::InvalidArgument(name + ": empty document (no text to read)");
  }
  out->text = std::move(text).value();
  return Status::OK();
}

Result<std::unique_ptr<AuditedDocument>> AuditBytes(const KnowledgeBase& kb,
                                                    const VerdictEngine& engine,
                                                    std::string_view bytes,
                                                    const std::string& name,
                                                    Diagnostics* warnings) {
  auto out = std::make_unique<AuditedDocument>();
  Status read = ReadDocumentBytes(bytes, name, &out->read, warnings);
  if (!read.ok()) return read;
  const DocumentText& text = out->read.text;
  const ClaimExtractor& extractor = kb.extractor();
  out->mentions = extractor.matcher().Match(text.text);
  out->claims = extractor.Extract(text.text, out->mentions, text.context);
  out->main_subject = extractor.MainSubject(out->mentions);
  AuditInput input;
  input.document = &out->read.imported.document;
  input.text = &text.text;
  input.claims = &out->claims;
  input.citations = &text.citations;
  input.citation_sentences = &text.citation_sentences;
  input.mentions = &out->mentions;
  Result<Audit> audit = AuditDocument(input, kb.vocabulary(), kb.knowledge(),
                                      kb.audit_cues(), engine);
  if (!audit.ok()) return audit.status();
  out->audit = std::move(audit).value();
  return out;
}

Result<std::unique_ptr<AuditedDocument>> AuditBytes(const KnowledgeBase& kb,
                                                    Store* store,
                                                    std::string_view bytes,
                                                    const std::string& name,
                                                    Diagnostics* warnings) {
  const VerdictEngine engine(kb.vocabulary(), kb.knowledge(), store);
  return AuditBytes(kb, engine, bytes, name, warnings);
}

}  // namespace claimcheck
