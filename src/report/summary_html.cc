// SummaryHtml: an evidence summary as one self-contained HTML file on
// report/html.h (its head, style sheet and CSP; no script, no fetch; every
// string from the knowledge base or the store escaped). Covered by
// tests/report/summary_test.cc.
#include <algorithm>
#include <cctype>

#include "claimcheck/summary.h"
#include "report/html.h"
#include "report/links.h"
#include "report/summary_words.h"
#include "report/verdict_words.h"

namespace claimcheck {

namespace {

using report::Escape;

constexpr const char* kCss = R"css(
header p{margin:.2rem 0 1rem}
.grade{letter-spacing:.08em;color:var(--muted);white-space:nowrap}
ul.plain{padding-left:1.2rem}ul.plain li{margin:.3rem 0}
ul.chains ul{margin:.2rem 0 .4rem 1.2rem;padding:0}
ol.refs li{margin:.3rem 0}ol.refs li:target{background:#fff8c5}
figure.graph{margin:1rem 0;overflow-x:auto}
figure.graph svg{max-width:100%;height:auto}
p.note{font-size:.85rem;margin:.2rem 0}
td.nowrap{white-space:nowrap}
footer{margin-top:2.5rem;font-size:.85rem}
)css";

std::string Badge(VerdictWord verdict, const std::string& words) {
  return std::string("<span class=\"badge v-") + VerdictName(verdict) + "\">" +
         Escape(words) + "</span>";
}

std::string CertaintyCell(Certainty certainty) {
  return std::string(CertaintyName(certainty)) +
         " <span class=\"grade\" aria-hidden=\"true\">" +
         report::CertaintySymbols(certainty) + "</span>";
}

// "[1, 4]" with each number a link to its reference.
std::string CitationLinks(const std::vector<std::size_t>& numbers) {
  if (numbers.empty()) return "\u2014";
  std::string out = "[";
  for (std::size_t i = 0; i < numbers.size(); ++i) {
    const std::string n = std::to_string(numbers[i]);
    out += std::string(i == 0 ? "" : ", ") + "<a href=\"#ref-" + n + "\">" + n +
           "</a>";
  }
  return out + "]";
}

void Table(const std::vector<SummaryRow>& rows, const Vocabulary& vocabulary,
           const char* topic, std::string* out) {
  *out += std::string("<table>\n<thead><tr><th>") + topic +
          "</th><th>Claim</th><th>Verdict</th><th>Certainty</th>"
          "<th class=\"num\">Studies</th><th class=\"num\">Participants</th>"
          "<th>Key citations</th></tr></thead>\n<tbody>\n";
  for (const SummaryRow& row : rows) {
    *out += "<tr><td>" + Escape(report::RowTopic(row, vocabulary)) +
            "</td><td>" + Escape(report::RowClaim(row, vocabulary)) +
            "</td><td>" + Badge(row.verdict, report::RowVerdict(row)) +
            "</td><td class=\"nowrap\">" + CertaintyCell(row.certainty) +
            "</td><td class=\"num\">" + Escape(report::RowStudies(row)) +
            "</td><td class=\"num\">" + Escape(report::RowParticipants(row)) +
            "</td><td class=\"nowrap\">" + CitationLinks(row.key_citations) +
            "</td></tr>\n";
  }
  *out += "</tbody>\n</table>\n";
  for (const std::string& note : report::TableNotes(rows)) {
    *out += "<p class=\"note muted\">" + Escape(note) + "</p>\n";
  }
}

void Section(const std::vector<SummaryRow>& rows, const Vocabulary& vocabulary,
             const char* id, const char* heading, const char* topic,
             std::string* out) {
  if (rows.empty()) return;
  *out +=
      std::string("<section id=\"") + id + "\">\n<h2>" + heading + "</h2>\n";
  Table(rows, vocabulary, topic, out);
  *out += "<p>In GRADE's plain-language wording:</p>\n<ul class=\"plain\">\n";
  for (const SummaryRow& row : rows) {
    *out += "<li><strong>" +
            Escape(report::Capitalised(report::RowTopic(row, vocabulary))) +
            ".</strong> " + Escape(row.sentence);
    if (!row.citations.empty()) {
      *out += " " + CitationLinks(row.citations);
    }
    *out += "</li>\n";
  }
  *out += "</ul>\n</section>\n";
}

void Chains(const EvidenceSummary& summary, const Vocabulary& vocabulary,
            std::string* out) {
  if (summary.chains.empty()) return;
  *out +=
      "<section id=\"chains\">\n<h2>Mechanism chains</h2>\n<p>Each link is "
      "judged as its own claim; a chain is never stronger than its weakest "
      "link, and never makes an outcome claim supported.</p>\n"
      "<ul class=\"chains\">\n";
  for (const Chain& c : summary.chains) {
    *out += "<li>" + Escape(report::ChainPath(c, vocabulary)) + ": " +
            Badge(c.verdict, VerdictName(c.verdict)) + " " +
            CertaintyCell(c.certainty) + "\n<ul>\n";
    for (const ChainLink& l : c.links) {
      *out += "<li>" + Escape(report::LinkWords(l, vocabulary)) + ": " +
              Badge(l.verdict, VerdictName(l.verdict)) + " " +
              CertaintyCell(l.certainty) + "</li>\n";
    }
    *out += "</ul></li>\n";
  }
  *out += "</ul>\n</section>\n";
}

// Case-insensitive search in ASCII.
bool Contains(std::string_view haystack, std::string_view needle) {
  return std::search(haystack.begin(), haystack.end(), needle.begin(),
                     needle.end(), [](char a, char b) {
                       return std::tolower(static_cast<unsigned char>(a)) ==
                              std::tolower(static_cast<unsigned char>(b));
                     }) != haystack.end();
}

void Picture(std::string_view svg, std::string* out) {
  const std::size_t start = svg.find("<svg");
  if (start == std::string_view::npos) return;
  svg.remove_prefix(start);
  // Graphviz writes neither; an SVG that has them is not embedded.
  for (const char* banned : {"<script", "<foreignobject", "href=", "src=",
                             "<iframe", "<image", "@import", "url("}) {
    if (Contains(svg, banned)) return;
  }
  *out += "<section id=\"graph\">\n<h2>Graph</h2>\n<figure class=\"graph\">\n";
  out->append(svg);
  if (!svg.empty() && svg.back() != '\n') *out += "\n";
  *out +=
      "<figcaption class=\"muted\">Edges: green supported, amber contested, "
      "red refuted, purple dashed unsourced; thicker lines, more certain "
      "evidence.</figcaption>\n</figure>\n</section>\n";
}

void References(const EvidenceSummary& summary, std::string* out) {
  if (summary.references.empty()) return;
  *out +=
      "<section id=\"references\">\n<h2>References</h2>\n<ol class=\"refs\">\n";
  for (std::size_t i = 0; i < summary.references.size(); ++i) {
    const report::ReferenceParts p = report::PartsOf(summary.references[i]);
    *out += "<li id=\"ref-" + std::to_string(i + 1) + "\">";
    std::string text;
    for (const std::string& part :
         {p.who, p.title, report::Capitalised(p.what)}) {
      if (part.empty()) continue;
      text += (text.empty() ? "" : " ") + Escape(part);
      if (std::string_view(".?!").find(part.back()) == std::string_view::npos) {
        text += ".";
      }
    }
    std::vector<std::string> ids;
    if (!p.pmid.empty()) {
      ids.emplace_back();
      report::AppendHtmlLink(&ids.back(), report::PubmedUrl(p.pmid),
                             "PMID " + p.pmid);
    }
    if (!p.doi.empty()) {
      ids.emplace_back();
      report::AppendHtmlLink(&ids.back(), report::DoiUrl(p.doi),
                             "doi:" + p.doi);
    }
    if (!p.other_id.empty()) ids.push_back(Escape(p.other_id));
    for (std::size_t k = 0; k < ids.size(); ++k) {
      text += std::string(k == 0 ? " <span class=\"mono\">" : ", ") + ids[k];
    }
    if (!ids.empty()) text += "</span>";
    *out += text + "</li>\n";
  }
  *out += "</ol>\n</section>\n";
}

}  // namespace

std::string SummaryHtml(const EvidenceSummary& summary,
                        const Vocabulary& vocabulary, std::string_view svg) {
  const std::string title = report::SummaryTitle(summary, vocabulary);
  std::string out = report::HtmlHead(title, kCss);
  out += "<header>\n<h1>" + Escape(title) + "</h1>\n<p class=\"muted\">" +
         Escape(report::SummaryIntro(summary, vocabulary)) +
         "</p>\n</header>\n<main>\n";
  if (report::Empty(summary)) {
    out += "<p>" + Escape(report::NoClaimNote(summary, vocabulary)) + "</p>\n";
  }
  Section(summary.outcomes, vocabulary, "outcomes", "Outcomes", "Outcome",
          &out);
  Section(summary.mechanisms, vocabulary, "mechanisms", "Mechanisms",
          "Mechanism", &out);
  Chains(summary, vocabulary, &out);
  Section(summary.other, vocabulary, "other", "Other claims", "About", &out);
  Picture(svg, &out);
  References(summary, &out);
  out +=
      "</main>\n<footer class=\"muted\">Made by claimcheck summary. Verdicts "
      "and certainty follow the rules of docs/verdicts.md; the wording "
      "follows GRADE's guidance for plain-language statements.</footer>\n"
      "</body>\n</html>\n";
  return out;
}

}  // namespace claimcheck
