// `claimcheck audit FILE`: every claim of an article with its verdict,
// flags and evidence, the article's counts, score and rubric
// (../shared/CLI.md; rules in docs/audit.md). Covered by
// tests/cli/audit_test.sh and tests/report/*.cc.
#include <string>
#include <vector>

#include "claimcheck/audit.h"
#include "claimcheck/claims.h"
#include "claimcheck/io.h"
#include "claimcheck/pipeline.h"
#include "claimcheck/report.h"
#include "claimcheck/verdict.h"
#include "cli.h"

namespace claimcheck::cli {

namespace {

void JsonFlagsAndCitations(JsonWriter& w, const Audit& audit,
                           const AuditedClaim& a) {
  w.Key("flags");
  w.StartArray();
  for (const AuditFlag& f : a.flags) JsonString(w, f.name);
  w.EndArray();
  w.Key("flag_details");
  w.StartArray();
  for (const AuditFlag& f : a.flags) {
    w.StartObject();
    w.Key("flag");
    JsonString(w, f.name);
    w.Key("why");
    JsonString(w, f.why);
    w.EndObject();
  }
  w.EndArray();
  w.Key("cited");
  w.StartArray();
  for (std::size_t i : a.citations) {
    const CitedSource& s = audit.citations[i];
    w.StartObject();
    w.Key("citation");
    w.Uint64(i);
    w.Key("study");
    if (s.study != nullptr) {
      JsonString(w, s.study->id);
    } else {
      w.Null();
    }
    w.EndObject();
  }
  w.EndArray();
}

std::string Json(const DocumentInput& in, const Concept* main_subject,
                 const Audit& audit) {
  rapidjson::StringBuffer buffer;
  JsonWriter w(buffer);
  w.SetIndent(' ', 2);
  w.StartObject();
  w.Key("document");
  JsonDocument(w, in, main_subject);
  w.Key("language");
  if (audit.language.code.empty()) {
    w.Null();
  } else {
    w.StartObject();
    w.Key("code");
    JsonString(w, audit.language.code);
    w.Key("name");
    JsonString(w, audit.language.name);
    w.Key("source");
    JsonString(w, audit.language.source);
    w.EndObject();
  }
  w.Key("notes");
  w.StartArray();
  for (const std::string& note : audit.notes) JsonString(w, note);
  w.EndArray();
  w.Key("claims");
  w.StartArray();
  for (const AuditedClaim& a : audit.claims) {
    w.StartObject();
    JsonClaimFields(w, in.text, a.claim);
    w.Key("claim_text");
    JsonString(w, ClaimWords(in.vocabulary(), a.claim));
    w.Key("normalised");
    w.StartObject();
    w.Key("subject");
    JsonString(w, a.judgement.claim.subject);
    w.Key("relation");
    JsonString(w, a.judgement.claim.relation);
    w.Key("object");
    if (a.judgement.claim.object.empty()) {
      w.Null();
    } else {
      JsonString(w, a.judgement.claim.object);
    }
    w.EndObject();
    JsonJudgementFields(w, a.judgement, false);
    // docs/audit.md, "Verdicts per claim": nothing in the kb or the store.
    w.Key("in_knowledge_base");
    w.Bool(!OutsideKnowledgeBase(a.judgement));
    JsonFlagsAndCitations(w, audit, a);
    w.EndObject();
  }
  w.EndArray();

  w.Key("citations");
  w.StartArray();
  for (const CitedSource& s : audit.citations) {
    w.StartObject();
    // Both "no sentence" values are size_t(-1).
    static_assert(CitedSource::kNoSentence == DocumentText::kNoSentence);
    JsonCitationFields(w, s.citation, s.sentence);
    w.Key("study");
    if (s.study != nullptr) {
      JsonString(w, s.study->id);
      w.Key("matched_by");
      JsonString(w, s.matched_by);
    } else {
      w.Null();
    }
    w.EndObject();
  }
  w.EndArray();

  const AuditSummary& sum = audit.summary;
  w.Key("summary");
  w.StartObject();
  for (VerdictWord v : {VerdictWord::kSupported, VerdictWord::kContested,
                        VerdictWord::kRefuted, VerdictWord::kUnsourced}) {
    w.Key(VerdictName(v));
    w.Uint64(sum.verdicts[static_cast<std::size_t>(v)]);
  }
  w.Key("score");
  if (sum.score < 0) {
    w.Null();
  } else {
    w.Int(sum.score);
  }
  if (!sum.score_withheld.empty()) {
    w.Key("score_withheld");
    JsonString(w, sum.score_withheld);
  }
  w.Key("score_formula");
  w.String(kScoreFormula);
  w.Key("claims");
  w.Uint64(sum.claims);
  w.Key("questions");
  w.Uint64(sum.questions);
  w.Key("reported");
  w.Uint64(sum.reported);
  w.Key("outside_knowledge_base");
  w.Uint64(sum.outside);
  w.Key("sentences");
  w.Uint64(sum.sentences);
  w.Key("flags");
  w.StartObject();
  for (std::size_t f = 0; f < AllAuditFlags().size(); ++f) {
    w.Key(AllAuditFlags()[f]);
    w.Uint64(sum.flags[f]);
  }
  w.EndObject();
  w.EndObject();

  w.Key("rubric");
  w.StartObject();
  for (const RubricItem& item : audit.rubric) {
    w.Key(item.id.c_str());
    w.StartObject();
    w.Key("answer");
    w.String(item.answer == RubricAnswer::kYes ? "yes" : "no");
    w.Key("good");
    w.Bool(item.good);
    w.Key("question");
    JsonString(w, item.question);
    w.Key("rubrics");
    JsonString(w, item.rubrics);
    w.Key("evidence");
    JsonString(w, item.evidence);
    w.EndObject();
  }
  w.EndObject();
  w.Key("warnings");
  JsonDiagnostics(w, in.warnings);
  w.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize()) + "\n";
}

}  // namespace

int RunAudit(Context& context) {
  std::string format;
  if (!context.Format({"text", "md", "json", "html"}, "text", &format)) {
    return kExitUsage;
  }
  std::vector<VerdictWord> fail_on;
  std::vector<std::string> files;
  int code = kExitOk;
  for (std::size_t i = 0; i < context.args.size(); ++i) {
    const std::string& a = context.args[i];
    if (a == "--fail-on") {
      if (i + 1 >= context.args.size()) {
        return context.Usage("--fail-on needs a value");
      }
      if (!ParseFailOn(context, context.args[++i], &fail_on, &code)) {
        return code;
      }
    } else if (a.size() > 1 && a[0] == '-') {
      return context.Usage("unknown option '" + a + "'");
    } else {
      files.push_back(a);
    }
  }
  if (files.size() != 1) return context.Usage("give one FILE to audit");

  PrepareToJudge(context);
  DocumentInput in;
  if (!LoadKb(context, /*judging=*/true, &in.loaded, &code)) return code;
  in.file = files.front();
  Result<std::string> bytes = ReadFile(in.file);
  if (!bytes.ok()) return context.Fail(bytes.status());
  // docs/pipeline.md, "One call": read, extract, judge.
  Result<std::unique_ptr<AuditedDocument>> audited =
      AuditBytes(*in.loaded.kb, in.loaded.store.get(), bytes.value(), in.file,
                 &in.warnings);
  for (const Diagnostic& d : in.warnings) context.Warn(d);
  if (!audited.ok()) return context.Fail(audited.status());
  AuditedDocument& done = *audited.value();
  const Audit& audit = done.audit;
  // The document as the other commands hold it, for the reports (nothing
  // in the audit points into what is moved).
  TakeDocument(std::move(bytes).value(), std::move(done.read), &in);

  AuditReport report;
  report.audit = &audit;
  report.document = &in.imported.document;
  report.text = &in.text;
  report.vocabulary = &in.vocabulary();
  report.file = in.file;
  std::string out;
  if (format == "json") {
    out = Json(in, done.main_subject, audit);
  } else if (format == "md") {
    out = AuditMarkdown(report);
  } else if (format == "html") {
    out = AuditHtml(report);
  } else {
    out = AuditText(report, UseColour(context, format));
  }
  const int emitted = context.Emit(out);
  if (emitted != kExitOk) return emitted;
  for (const AuditedClaim& a : audit.claims) {
    for (VerdictWord v : fail_on) {
      if (a.judgement.verdict == v) return context.Finish(kExitFailOn);
    }
  }
  return context.Finish(kExitOk);
}

}  // namespace claimcheck::cli
