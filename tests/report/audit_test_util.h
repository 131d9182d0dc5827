// Auditing a real file the way `claimcheck audit` does: import, build the
// text, extract, judge against the real kb/ (no store).
#ifndef CLAIMCHECK_TESTS_REPORT_AUDIT_TEST_UTIL_H_
#define CLAIMCHECK_TESTS_REPORT_AUDIT_TEST_UTIL_H_

#include <memory>
#include <string>
#include <vector>

#include "claimcheck/audit.h"
#include "claimcheck/importer.h"
#include "claimcheck/knowledge.h"
#include "claimcheck/report.h"
#include "claimcheck/verdict.h"
#include "importers/article_test_util.h"
#include "real_kb.h"
#include "test_util.h"

namespace claimcheck::testing {

// Everything an audit of one document holds, kept together so that the
// pointers inside stay valid.
struct AuditedFile {
  ImportedDocument imported;
  DocumentText text;
  std::vector<Claim> claims;
  Audit audit;

  AuditReport Report(const std::string& name) const {
    AuditReport r;
    r.audit = &audit;
    r.document = &imported.document;
    r.text = &text.text;
    r.vocabulary = &RealKb().vocabulary;
    r.file = name;
    return r;
  }
};

inline std::unique_ptr<AuditedFile> AuditBytes(const std::string& bytes,
                                               const std::string& name) {
  const RealKnowledge& kb = RealKb();
  auto out = std::make_unique<AuditedFile>();
  out->imported = ImportOneArticle(bytes, name);
  Diagnostics warnings;
  Result<DocumentText> text = BuildDocumentText(out->imported, &warnings);
  REQUIRE(text.ok());
  out->text = std::move(text).value();
  const std::vector<Mention> mentions =
      kb.extractor->matcher().Match(out->text.text);
  out->claims =
      kb.extractor->Extract(out->text.text, mentions, out->text.context);
  AuditInput input;
  input.document = &out->imported.document;
  input.text = &out->text.text;
  input.claims = &out->claims;
  input.citations = &out->text.citations;
  input.citation_sentences = &out->text.citation_sentences;
  Result<Audit> audit =
      AuditDocument(input, kb.vocabulary, kb.knowledge, *kb.engine);
  REQUIRE(audit.ok());
  out->audit = std::move(audit).value();
  return out;
}

inline std::unique_ptr<AuditedFile> AuditSeed(const std::string& prefix) {
  const std::string path = SeedPath(prefix);
  return AuditBytes(Slurp(path), path);
}

}  // namespace claimcheck::testing

#endif  // CLAIMCHECK_TESTS_REPORT_AUDIT_TEST_UTIL_H_
