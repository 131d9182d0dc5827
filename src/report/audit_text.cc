// The terminal report of an audit: 80 columns, verdicts in colour on a
// terminal, the summary first, then each claim, then the rubric.
#include <sstream>
#include <string>
#include <string_view>

#include "claimcheck/report.h"
#include "report/audit_common.h"
#include "report/text_wrap.h"

namespace claimcheck {

namespace {

struct Paint {
  bool on = false;
  std::string operator()(std::string_view s, const char* code) const {
    return AnsiPaint(on, s, code);
  }
};

std::string Pad(std::string s, std::size_t width) {
  const std::size_t cols = Columns(s);
  if (cols < width) s.append(width - cols, ' ');
  return s;
}

}  // namespace

std::string AuditText(const AuditReport& r, bool colour) {
  const Audit& audit = *r.audit;
  const Document& doc = *r.document;
  const Text& text = *r.text;
  const Paint paint{colour};
  std::ostringstream out;

  out << paint("claimcheck audit", "1") << "  "
      << Wrap(doc.title.empty() ? r.file : doc.title, 18, 2);
  std::string meta = "file: " + r.file;
  if (!doc.authors.empty()) {
    meta += " | by ";
    for (std::size_t i = 0; i < doc.authors.size(); ++i) {
      meta += (i ? "; " : "") + doc.authors[i];
    }
  }
  if (!doc.date.empty()) meta += " | " + doc.date;
  const std::string language = report::LanguageLine(audit.language);
  if (!language.empty()) meta += " | language: " + language;
  out << Wrap(meta, 0, 2);
  const AuditSummary& s = audit.summary;
  out << Wrap(std::to_string(s.sentences) + " sentences, " +
                  std::to_string(s.claims) + " claims" +
                  report::UnscoredWords(s) + ", " +
                  std::to_string(audit.citations.size()) + " citations",
              0, 2);
  for (const std::string& note : audit.notes) {
    out << paint("Note", "1;33") << ": " << Wrap(note, 6, 2);
  }
  out << "\n";

  // Summary.
  out << paint("Verdicts", "1") << "\n";
  for (VerdictWord v : {VerdictWord::kSupported, VerdictWord::kContested,
                        VerdictWord::kRefuted, VerdictWord::kUnsourced}) {
    const std::size_t n = s.verdicts[static_cast<std::size_t>(v)];
    std::string bar(std::min<std::size_t>(n, 50), '#');
    out << "  " << paint(Pad(VerdictName(v), 10), VerdictAnsiColour(v)) << " "
        << (n < 10    ? "  "
            : n < 100 ? " "
                      : "")
        << n << (bar.empty() ? "" : "  " + bar) << "\n";
  }
  const std::string score =
      "  score     " +
      (s.score < 0 ? std::string("  -") : std::to_string(s.score)) + "/100  ";
  out << score
      << Wrap(s.score_withheld.empty()
                  ? std::string(kScoreFormula)
                  : "withheld: " + s.score_withheld + ". " + kScoreFormula,
              Columns(score), Columns(score));
  std::string flags;
  for (std::size_t f = 0; f < AllAuditFlags().size(); ++f) {
    if (s.flags[f] == 0) continue;
    flags += (flags.empty() ? "" : ", ") + std::string(AllAuditFlags()[f]) +
             " " + std::to_string(s.flags[f]);
  }
  out << paint("Flags", "1") << "  "
      << Wrap(flags.empty() ? "none" : flags, 7, 2);

  // Claims.
  out << "\n" << paint("Claims", "1") << "\n";
  if (audit.claims.empty()) out << Wrap(report::kNoClaims, 0, 0);
  std::size_t number = 0;
  for (const AuditedClaim& a : audit.claims) {
    const Judgement& j = a.judgement;
    ++number;
    const std::string head = std::to_string(number) + ". s" +
                             std::to_string(a.claim.sentence) + "  ";
    out << "\n"
        << head
        << paint(VerdictCapitals(j.verdict), VerdictAnsiColour(j.verdict))
        << " (" << CertaintyName(j.certainty) << ")  ";
    const std::size_t used = head.size() + Columns(VerdictName(j.verdict)) +
                             Columns(CertaintyName(j.certainty)) + 5;
    out << Wrap(ClaimWords(*r.vocabulary, a.claim), used, 4);
    out << "    "
        << Wrap("\"" + Excerpt(text.SentenceText(a.claim.sentence), 300) + "\"",
                4, 5);
    out << "    "
        << Wrap("said: " + report::HowSaid(a.claim) +
                    " | evidence: " + report::EvidenceCount(j),
                4, 6);
    for (const Evidence* e : report::TopEvidence(j, 2)) {
      out << "    "
          << Wrap("- " + report::SourceWords(e->source) + ": " +
                      report::StanceWords(*e),
                  4, 6);
    }
    if (!j.reasons.empty()) {
      out << "    " << Wrap("why: " + j.reasons.back(), 4, 6);
    }
    for (const AuditFlag& f : a.flags) {
      out << "    " << paint("! " + f.name, "1;31") << ": "
          << Wrap(f.why, 6 + Columns(f.name) + 2, 6);
    }
  }

  // Rubric.
  out << "\n" << paint("Rubric", "1") << " (items a machine can check)\n";
  for (const RubricItem& item : audit.rubric) {
    const std::string mark = item.answer == RubricAnswer::kYes ? "yes" : "no ";
    out << "  " << paint(mark, item.good ? "32" : "31") << "  "
        << Wrap(item.question + " " + item.evidence + " [" + item.rubrics + "]",
                7, 7);
  }
  return out.str();
}

}  // namespace claimcheck
