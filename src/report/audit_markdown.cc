// The Markdown report of an audit: CommonMark with GFM tables, every string
// from the article or the knowledge base escaped.
#include <sstream>
#include <string>
#include <string_view>

#include "claimcheck/report.h"
#include "report/audit_common.h"
#include "report/links.h"
#include "report/markdown.h"

namespace claimcheck {

namespace {

using report::Md;

}  // namespace

std::string AuditMarkdown(const AuditReport& r) {
  const Audit& audit = *r.audit;
  const Document& doc = *r.document;
  const Text& text = *r.text;
  const AuditSummary& s = audit.summary;
  std::ostringstream out;

  out << "# Audit: " << Md(doc.title.empty() ? r.file : doc.title) << "\n\n";
  out << "| Article | |\n| --- | --- |\n";
  out << "| File | " << Md(r.file) << " |\n";
  std::string authors;
  for (const std::string& a : doc.authors) {
    authors += (authors.empty() ? "" : "; ") + a;
  }
  out << "| Author | " << (authors.empty() ? "not named" : Md(authors))
      << " |\n";
  out << "| Date | " << (doc.date.empty() ? "not given" : Md(doc.date))
      << " |\n";
  if (!doc.url.empty()) out << "| URL | " << Md(doc.url) << " |\n";
  out << "| Sentences | " << s.sentences << " |\n";
  out << "| Claims | " << s.claims;
  out << Md(report::UnscoredWords(s));
  out << " |\n";
  out << "| Citations | " << audit.citations.size() << " |\n";
  const std::string language = report::LanguageLine(audit.language);
  if (!language.empty()) out << "| Language | " << Md(language) << " |\n";
  out << "\n";
  for (const std::string& note : audit.notes) {
    out << "> **Note:** " << Md(note) << "\n\n";
  }

  out << "## Summary\n\n";
  out << "| Verdict | Claims |\n| --- | ---: |\n";
  for (VerdictWord v : {VerdictWord::kSupported, VerdictWord::kContested,
                        VerdictWord::kRefuted, VerdictWord::kUnsourced}) {
    out << "| " << VerdictName(v) << " | "
        << s.verdicts[static_cast<std::size_t>(v)] << " |\n";
  }
  out << "\n**Score: "
      << (s.score < 0 ? std::string("none") : std::to_string(s.score) + "/100")
      << ".** ";
  if (!s.score_withheld.empty()) {
    out << "Withheld: " << Md(s.score_withheld) << ". ";
  }
  out << Md(kScoreFormula) << ".\n\n";
  out << "| Flag | Claims |\n| --- | ---: |\n";
  for (std::size_t f = 0; f < AllAuditFlags().size(); ++f) {
    out << "| " << Md(AllAuditFlags()[f]) << " | " << s.flags[f] << " |\n";
  }

  out << "\n## Rubric\n\n";
  out << "| Item | Answer | What decided it | Rubric |\n"
         "| --- | --- | --- | --- |\n";
  for (const RubricItem& item : audit.rubric) {
    out << "| " << Md(item.question) << " | "
        << (item.answer == RubricAnswer::kYes ? "yes" : "no")
        << (item.good ? "" : " (a problem)") << " | " << Md(item.evidence)
        << " | " << Md(item.rubrics) << " |\n";
  }

  out << "\n## Claims\n";
  if (audit.claims.empty()) out << "\n" << Md(report::kNoClaims) << "\n";
  std::size_t number = 0;
  for (const AuditedClaim& a : audit.claims) {
    const Judgement& j = a.judgement;
    ++number;
    out << "\n### " << number << ". " << VerdictCapitals(j.verdict) << " ("
        << CertaintyName(j.certainty)
        << "): " << Md(ClaimWords(*r.vocabulary, a.claim)) << "\n\n";
    out << "> " << Md(text.SentenceText(a.claim.sentence)) << "\n\n";
    out << "- Sentence " << a.claim.sentence
        << "; said: " << Md(report::HowSaid(a.claim)) << "\n";
    out << "- Evidence: " << Md(report::EvidenceCount(j)) << "\n";
    for (const AuditFlag& f : a.flags) {
      out << "- Flag **" << Md(f.name) << "**: " << Md(f.why) << "\n";
    }
    const auto top = report::TopEvidence(j, 3);
    if (!top.empty()) {
      out << "\n| Source | Stance | Finding |\n| --- | --- | --- |\n";
      for (const Evidence* e : top) {
        const report::SourceParts parts = report::SourceWordParts(e->source);
        // Md drops the trailing space of "RCT, Abbasi 2012, ".
        out << "| " << Md(parts.before) << " "
            << report::MarkdownLink(Md(parts.id), parts.url) << Md(parts.after)
            << " | " << Md(report::StanceWords(*e)) << " | "
            << Md(Excerpt(e->finding, 240)) << " |\n";
      }
    }
    if (!j.reasons.empty()) {
      out << "\nWhy:\n\n";
      for (const std::string& reason : j.reasons) {
        out << "- " << Md(reason) << "\n";
      }
    }
  }
  return out.str();
}

}  // namespace claimcheck
