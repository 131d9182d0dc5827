// The pipeline in one call (pipeline.h) on real inputs: what it refuses,
// what it warns of, and that an audit through it is the audit of its parts.
#include "claimcheck/pipeline.h"

#include "report/audit_test_util.h"

namespace claimcheck::testing {
namespace {

TEST_CASE("pipeline: bytes it cannot read are errors naming the input",
          "[pipeline]") {
  ReadDocument read;
  Diagnostics warnings;
  const std::string binary(
      "\x7f"
      "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0",
      16);
  Status s = ReadDocumentBytes(binary, "program.bin", &read, &warnings);
  CHECK(s.code() == Status::Code::kInvalidArgument);
  CHECK(s.message().rfind("program.bin: ", 0) == 0);
  s = ReadDocumentBytes("\n\n   \n", "blank.txt", &read, &warnings);
  CHECK(s.code() == Status::Code::kInvalidArgument);
  CHECK(s.message() == "blank.txt: empty document (no text to read)");
}

TEST_CASE("pipeline: a PubMed set gives its first record, with a warning",
          "[pipeline]") {
  const std::string path =
      SharedDir() + "/corpus/pubmed/eutils-json_efetch.pubmed.xml";
  ReadDocument read;
  Diagnostics warnings;
  REQUIRE(ReadDocumentBytes(Slurp(path), path, &read, &warnings).ok());
  CHECK(read.format == InputFormat::kPubmedXml);
  CHECK(read.documents == 2);
  CHECK_FALSE(read.imported.document.id.empty());
  REQUIRE_FALSE(warnings.empty());
  CHECK(warnings.back().ToString() ==
        path + ": holds 2 documents; only the first is read");
}

TEST_CASE("pipeline: one call audits a seed as its steps do", "[pipeline]") {
  const std::string path = SeedPath("000");
  const std::string bytes = Slurp(path);
  Diagnostics warnings;
  // The call with an engine of its own (no store) ...
  Result<std::unique_ptr<AuditedDocument>> own =
      AuditBytes(RealKnowledgeBase(), nullptr, bytes, path, &warnings);
  REQUIRE(own.ok());
  const AuditedDocument& a = *own.value();
  // ... against the steps taken one by one.
  ReadDocument read;
  REQUIRE(ReadDocumentBytes(bytes, path, &read, &warnings).ok());
  const ClaimExtractor& extractor = RealKnowledgeBase().extractor();
  const std::vector<Mention> mentions =
      extractor.matcher().Match(read.text.text);
  const std::vector<Claim> claims =
      extractor.Extract(read.text.text, mentions, read.text.context);
  AuditInput input;
  input.document = &read.imported.document;
  input.text = &read.text.text;
  input.claims = &claims;
  input.citations = &read.text.citations;
  input.citation_sentences = &read.text.citation_sentences;
  Result<Audit> steps =
      AuditDocument(input, RealKb().vocabulary, RealKb().knowledge,
                    RealKnowledgeBase().audit_cues(), *RealKb().engine);
  REQUIRE(steps.ok());
  REQUIRE(claims.size() > 20);
  REQUIRE(a.claims.size() == claims.size());
  REQUIRE(a.audit.claims.size() == steps.value().claims.size());
  for (std::size_t i = 0; i < claims.size(); ++i) {
    const AuditedClaim& one = a.audit.claims[i];
    const AuditedClaim& by_steps = steps.value().claims[i];
    CHECK(ClaimKey(a.claims[i]) == ClaimKey(claims[i]));
    CHECK(one.judgement.verdict == by_steps.judgement.verdict);
    CHECK(one.judgement.certainty == by_steps.judgement.certainty);
    CHECK(one.flags.size() == by_steps.flags.size());
  }
  CHECK(a.main_subject == extractor.MainSubject(mentions));
  CHECK(a.main_subject != nullptr);
  CHECK(a.audit.summary.score == steps.value().summary.score);
  CHECK(a.audit.summary.score >= 0);
}

}  // namespace
}  // namespace claimcheck::testing
