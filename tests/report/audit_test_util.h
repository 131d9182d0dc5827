// Auditing a real file the way `claimcheck audit` does (pipeline.h: read,
// extract, judge) against the real kb/ (no store).
#ifndef CLAIMCHECK_TESTS_REPORT_AUDIT_TEST_UTIL_H_
#define CLAIMCHECK_TESTS_REPORT_AUDIT_TEST_UTIL_H_

#include <memory>
#include <string>
#include <vector>

#include "claimcheck/audit.h"
#include "claimcheck/importer.h"
#include "claimcheck/knowledge.h"
#include "claimcheck/pipeline.h"
#include "claimcheck/report.h"
#include "claimcheck/verdict.h"
#include "importers/article_test_util.h"
#include "real_kb.h"
#include "test_util.h"

namespace claimcheck::testing {

// Everything an audit of one document holds (pipeline.h), with its report.
struct AuditedFile : AuditedDocument {
  AuditReport Report(const std::string& name) const {
    AuditReport r;
    r.audit = &audit;
    r.document = &read.imported.document;
    r.text = &read.text.text;
    r.vocabulary = &RealKb().vocabulary;
    r.file = name;
    return r;
  }
};

// The pipeline's one call (AuditBytes) on the real kb/, with the shared
// engine without a store: what `claimcheck audit` runs.
inline std::unique_ptr<AuditedFile> AuditBytes(const std::string& bytes,
                                               const std::string& name) {
  Diagnostics warnings;
  Result<std::unique_ptr<AuditedDocument>> done = claimcheck::AuditBytes(
      RealKnowledgeBase(), *RealKb().engine, bytes, name, &warnings);
  INFO(name << ": " << done.status().ToString());
  REQUIRE(done.ok());
  auto out = std::make_unique<AuditedFile>();
  static_cast<AuditedDocument&>(*out) = std::move(*done.value());
  return out;
}

inline std::unique_ptr<AuditedFile> AuditSeed(const std::string& prefix) {
  const std::string path = SeedPath(prefix);
  return AuditBytes(Slurp(path), path);
}

}  // namespace claimcheck::testing

#endif  // CLAIMCHECK_TESTS_REPORT_AUDIT_TEST_UTIL_H_
