// The HTML report of an audit: one self-contained page, no script. The
// article is shown with each claim sentence highlighted in its verdict's
// colour; hovering or focusing a sentence shows its claims and best
// evidence, clicking it jumps to the claim's card. Everything from the
// article and the knowledge base goes through report::Escape.
#include <string>
#include <string_view>

#include "claimcheck/report.h"
#include "report/audit_common.h"
#include "report/html.h"
#include "report/links.h"

namespace claimcheck {

namespace {

using report::AppendEscaped;
using report::Escape;
using report::VerdictClass;

constexpr const char* kAuditCss = R"css(
header .meta{color:var(--muted);margin:0}
.panel{display:flex;flex-wrap:wrap;gap:1rem 2rem;background:var(--tint);
border:1px solid var(--line);border-radius:.5rem;padding:1rem;margin:1rem 0}
.panel .score{font-size:2.2rem;font-weight:700;line-height:1}
.panel>*{flex:0 1 auto}
.panel table.counts{width:auto;margin:0}
.panel .counts td{border:none;padding:.1rem .6rem .1rem 0}
.bar{display:inline-block;height:.7rem;background:var(--v);
border-radius:.2rem;vertical-align:middle}
.article{border-left:3px solid var(--line);padding-left:1rem}
.article p{margin:.5rem 0}
.article p.heading{font-weight:600;margin-top:1rem}
a.claim{color:inherit;text-decoration:none;position:relative;
background:color-mix(in srgb,var(--v) 16%,transparent);
border-bottom:2px solid var(--v);border-radius:.15rem;padding:0 .05rem}
a.claim:hover,a.claim:focus{background:color-mix(in srgb,var(--v) 30%,
transparent);outline:none}
.tip{display:none;position:absolute;left:0;top:100%;z-index:10;width:26rem;
max-width:80vw;background:#fff;color:var(--ink);border:1px solid var(--line);
border-left:4px solid var(--v);border-radius:.4rem;padding:.5rem .7rem;
box-shadow:0 4px 14px rgba(0,0,0,.15);font-size:.85rem;line-height:1.4}
a.claim:hover .tip,a.claim:focus .tip{display:block}
.tip .line{display:block;margin:.15rem 0}
.claim-card{border:1px solid var(--line);border-left:5px solid var(--v);
border-radius:.4rem;padding:.6rem .9rem;margin:.8rem 0}
.claim-card:target{box-shadow:0 0 0 3px color-mix(in srgb,var(--v) 45%,
transparent)}
.claim-card h3{margin:.1rem 0 .4rem}
.claim-card blockquote{margin:.3rem 0;padding-left:.7rem;
border-left:3px solid var(--line);color:var(--muted)}
ul.flags{list-style:none;margin:.4rem 0;padding:0}
ul.flags li{margin:.2rem 0}
.rubric .good{color:var(--supported);font-weight:600}
.rubric .bad{color:var(--refuted);font-weight:600}
details summary{cursor:pointer;color:var(--muted)}
.outside{font-size:.8rem;font-weight:400;border:1px dashed var(--line);
border-radius:.3rem;padding:0 .3rem;color:var(--muted)}
p.note{background:#fff6db;border:1px solid #e6c65c;border-radius:.4rem;
padding:.5rem .8rem}
@media print{.tip{display:none!important}
a.claim{background:none;border-bottom:2px solid var(--v)}}
)css";

void Badge(std::string* out, VerdictWord v) {
  *out += "<span class=\"badge " + VerdictClass(v) + "\">";
  *out += VerdictName(v);
  *out += "</span>";
}

void SummaryPanel(std::string* out, const Audit& audit) {
  const AuditSummary& s = audit.summary;
  *out += "<section class=\"panel\" id=\"summary\" aria-label=\"Summary\">\n";
  *out += "<div><div class=\"muted\">score</div><div class=\"score\">";
  *out += s.score < 0 ? std::string("&ndash;") : std::to_string(s.score);
  *out += "<span class=\"muted\" style=\"font-size:1rem\">/100</span></div>";
  *out += "<div class=\"muted\" style=\"max-width:16rem;font-size:.8rem\">";
  if (!s.score_withheld.empty()) {
    *out += "<b>withheld:</b> ";
    AppendEscaped(out, s.score_withheld);
    *out += ". ";
  }
  AppendEscaped(out, kScoreFormula);
  *out += "</div></div>\n<table class=\"counts\">";
  for (VerdictWord v : {VerdictWord::kSupported, VerdictWord::kContested,
                        VerdictWord::kRefuted, VerdictWord::kUnsourced}) {
    const std::size_t n = s.verdicts[static_cast<std::size_t>(v)];
    *out += "<tr class=\"" + VerdictClass(v) + "\"><td>";
    Badge(out, v);
    *out += "</td><td class=\"num\">" + std::to_string(n) +
            "</td><td><span class=\"bar\" style=\"width:" +
            std::to_string(std::min<std::size_t>(n, 60) * 4) +
            "px\"></span></td></tr>";
  }
  *out +=
      "</table>\n<div><div class=\"muted\">flags</div><ul "
      "class=\"flags\">";
  for (std::size_t f = 0; f < AllAuditFlags().size(); ++f) {
    if (s.flags[f] == 0) continue;
    *out += "<li><span class=\"flag\">";
    *out += AllAuditFlags()[f];
    *out += "</span> " + std::to_string(s.flags[f]) + "</li>";
  }
  *out += "</ul><div class=\"muted\">" + std::to_string(s.claims) + " claims" +
          report::UnscoredWords(s) + " in " + std::to_string(s.sentences) +
          " sentences, " + std::to_string(audit.citations.size()) +
          " citations</div></div>\n";
  *out += "</section>\n";
}

void Rubric(std::string* out, const Audit& audit) {
  *out +=
      "<h2 id=\"rubric\">Rubric</h2>\n<table class=\"rubric\"><thead><tr>"
      "<th>Item</th><th>Answer</th><th>What decided it</th><th>Rubric</th>"
      "</tr></thead><tbody>\n";
  for (const RubricItem& item : audit.rubric) {
    *out += "<tr><td>";
    AppendEscaped(out, item.question);
    *out += std::string("</td><td class=\"") + (item.good ? "good" : "bad") +
            "\">" + (item.answer == RubricAnswer::kYes ? "yes" : "no") +
            "</td><td>";
    AppendEscaped(out, item.evidence);
    *out += "</td><td class=\"muted\">";
    AppendEscaped(out, item.rubrics);
    *out += "</td></tr>\n";
  }
  *out += "</tbody></table>\n";
}

// The tooltip of a sentence: each of its claims, verdict and best source.
void Tip(std::string* out, const AuditReport& r,
         const report::SentenceClaims& group) {
  const Audit& audit = *r.audit;
  *out += "<span class=\"tip\" role=\"tooltip\">";
  for (std::size_t i : group.claims) {
    const AuditedClaim& a = audit.claims[i];
    const Judgement& j = a.judgement;
    *out += "<span class=\"line " + VerdictClass(j.verdict) + "\">";
    Badge(out, j.verdict);
    *out += " <b>";
    AppendEscaped(out, ClaimWords(*r.vocabulary, a.claim));
    *out += "</b> <span class=\"muted\">(";
    *out += CertaintyName(j.certainty);
    *out += ")</span></span>";
    for (const AuditFlag& f : a.flags) {
      *out += "<span class=\"line\"><span class=\"flag\">";
      AppendEscaped(out, f.name);
      *out += "</span> ";
      AppendEscaped(out, Excerpt(f.why, 160));
      *out += "</span>";
    }
    for (const Evidence* e : report::TopEvidence(j, 1)) {
      *out += "<span class=\"line muted\">";
      AppendEscaped(
          out, report::SourceWords(e->source) + ": " + report::StanceWords(*e));
      *out += "</span>";
    }
  }
  *out += "</span>";
}

// The article, paragraph by paragraph, claim sentences highlighted.
void Article(std::string* out, const AuditReport& r) {
  const Text& text = *r.text;
  const auto groups = report::GroupBySentence(*r.audit);
  std::size_t g = 0;
  *out += "<h2 id=\"article\">Article</h2>\n<div class=\"article\">\n";
  const auto& sentences = text.sentences();
  for (std::size_t i = 0; i < sentences.size(); ++i) {
    const Sentence& s = sentences[i];
    const bool opens = i == 0 || sentences[i - 1].block != s.block;
    const bool closes =
        i + 1 == sentences.size() || sentences[i + 1].block != s.block;
    if (opens) {
      *out +=
          s.kind == Sentence::Kind::kHeading ? "<p class=\"heading\">" : "<p>";
    } else {
      *out += " ";
    }
    while (g < groups.size() && groups[g].sentence < i) ++g;
    if (g < groups.size() && groups[g].sentence == i) {
      const std::size_t first = groups[g].claims.front() + 1;
      *out += "<a class=\"claim " + VerdictClass(groups[g].verdict) +
              "\" id=\"s" + std::to_string(i) + "\" href=\"#claim-" +
              std::to_string(first) + "\">";
      AppendEscaped(out, text.SentenceText(i));
      Tip(out, r, groups[g]);
      *out += "</a>";
    } else {
      AppendEscaped(out, text.SentenceText(i));
    }
    if (closes) *out += "</p>\n";
  }
  *out += "</div>\n";
}

void Card(std::string* out, const AuditReport& r, std::size_t number,
          const AuditedClaim& a) {
  const Judgement& j = a.judgement;
  const std::string n = std::to_string(number);
  *out += "<article class=\"claim-card " + VerdictClass(j.verdict) +
          "\" id=\"claim-" + n + "\">\n<h3>" + n + ". ";
  Badge(out, j.verdict);
  *out += " ";
  AppendEscaped(out, ClaimWords(*r.vocabulary, a.claim));
  *out += " <span class=\"muted\">certainty: ";
  *out += CertaintyName(j.certainty);
  *out += "</span>";
  if (OutsideKnowledgeBase(j)) {
    *out += " <span class=\"outside\">outside the knowledge base</span>";
  }
  *out += "</h3>\n<blockquote>";
  AppendEscaped(out, r.text->SentenceText(a.claim.sentence));
  *out += " <a href=\"#s" + std::to_string(a.claim.sentence) +
          "\" class=\"no-print\">in the article</a></blockquote>\n";
  *out += "<p class=\"muted\">said: ";
  AppendEscaped(out, report::HowSaid(a.claim));
  *out += " &middot; evidence: ";
  AppendEscaped(out, report::EvidenceCount(j));
  *out += "</p>\n";
  if (!a.flags.empty()) {
    *out += "<ul class=\"flags\">";
    for (const AuditFlag& f : a.flags) {
      *out += "<li><span class=\"flag\">";
      AppendEscaped(out, f.name);
      *out += "</span> ";
      AppendEscaped(out, f.why);
      *out += "</li>";
    }
    *out += "</ul>\n";
  }
  if (!j.evidence.empty()) {
    *out +=
        "<table><thead><tr><th>Source</th><th>Stance</th><th>Finding</th>"
        "</tr></thead><tbody>";
    std::size_t shown = 0;
    for (const Evidence& e : j.evidence) {
      if (++shown > 8) break;
      *out += "<tr><td>";
      const report::SourceParts parts = report::SourceWordParts(e.source);
      AppendEscaped(out, parts.before);
      report::AppendHtmlLink(out, parts.url, parts.id);
      AppendEscaped(out, parts.after);
      *out += "</td><td>";
      AppendEscaped(out, report::StanceWords(e));
      *out += "</td><td>";
      AppendEscaped(out, Excerpt(e.finding, 300));
      *out += "</td></tr>";
    }
    *out += "</tbody></table>\n";
    if (j.evidence.size() > 8) {
      *out += "<p class=\"muted\">and " +
              std::to_string(j.evidence.size() - 8) +
              " more sources (see the JSON report)</p>\n";
    }
  }
  if (!j.chains.empty()) {
    *out += "<p class=\"muted\">mechanism chains:</p><ul class=\"reasons\">";
    for (const Chain& c : j.chains) {
      std::string path;
      for (const std::string& id : c.path) {
        path += (path.empty() ? "" : " \u2192 ") + r.vocabulary->LabelOf(id);
      }
      *out += "<li>";
      AppendEscaped(out, path);
      *out += ": ";
      *out += VerdictName(c.verdict);
      *out += " (";
      *out += CertaintyName(c.certainty);
      *out += ")</li>";
    }
    *out += "</ul>\n";
  }
  if (!j.reasons.empty()) {
    *out +=
        "<details><summary>Why this verdict</summary><ul "
        "class=\"reasons\">";
    for (const std::string& reason : j.reasons) {
      *out += "<li>";
      AppendEscaped(out, reason);
      *out += "</li>";
    }
    *out += "</ul></details>\n";
  }
  *out += "</article>\n";
}

}  // namespace

std::string AuditHtml(const AuditReport& r) {
  const Document& doc = *r.document;
  const std::string title = doc.title.empty() ? r.file : doc.title;
  std::string out = report::HtmlHead("claimcheck audit: " + title, kAuditCss);
  out += "<header><h1>";
  AppendEscaped(&out, title);
  out += "</h1><p class=\"meta\">";
  std::string meta = r.file;
  if (!doc.authors.empty()) {
    meta += " \u00b7 by ";
    for (std::size_t i = 0; i < doc.authors.size(); ++i) {
      meta += (i ? "; " : "") + doc.authors[i];
    }
  }
  if (!doc.date.empty()) meta += " \u00b7 " + doc.date;
  const std::string language = report::LanguageLine(r.audit->language);
  if (!language.empty()) meta += " \u00b7 language: " + language;
  AppendEscaped(&out, meta);
  out += "</p></header>\n<main>\n";
  for (const std::string& note : r.audit->notes) {
    out += "<p class=\"note\" role=\"note\"><b>Note:</b> ";
    AppendEscaped(&out, note);
    out += "</p>\n";
  }
  SummaryPanel(&out, *r.audit);
  Article(&out, r);
  out += "<h2 id=\"claims\">Claims</h2>\n";
  if (r.audit->claims.empty()) {
    out += "<p class=\"muted\">";
    AppendEscaped(&out, report::kNoClaims);
    out += "</p>\n";
  }
  std::size_t number = 0;
  for (const AuditedClaim& a : r.audit->claims) Card(&out, r, ++number, a);
  Rubric(&out, *r.audit);
  out +=
      "</main>\n<footer class=\"muted\"><p>claimcheck audit &middot; "
      "verdict rules: docs/verdicts.md, flags and score: docs/audit.md"
      "</p></footer>\n</body>\n</html>\n";
  return out;
}

}  // namespace claimcheck
