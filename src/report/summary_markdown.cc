// SummaryMarkdown: an evidence summary as CommonMark with GFM pipe tables,
// every string from the knowledge base or the store escaped by report::Md,
// prose wrapped at 80 columns. Covered by tests/report/summary_test.cc.
#include <algorithm>
#include <cctype>
#include <vector>

#include "claimcheck/summary.h"
#include "report/links.h"
#include "report/markdown.h"
#include "report/summary_words.h"
#include "report/verdict_words.h"

namespace claimcheck {

namespace {

using report::Md;

constexpr std::size_t kWidth = 80;

// Code points, which is what a Markdown linter counts.
std::size_t Columns(std::string_view s) {
  std::size_t n = 0;
  for (const char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

// True when `word` at the start of a line could open a block (a list item,
// heading, quote, fence, table, setext underline): a line is never broken
// before it.
bool OpensBlock(std::string_view word) {
  if (word.empty()) return false;
  if (std::string_view("-+*#>=`~|").find(word[0]) != std::string_view::npos) {
    return true;
  }
  std::size_t digits = 0;
  while (digits < word.size() &&
         std::isdigit(static_cast<unsigned char>(word[digits]))) {
    ++digits;
  }
  return digits > 0 && digits < word.size() &&
         (word[digits] == '.' || word[digits] == ')');
}

// A space no line is broken at (Glue), made a space again by Wrap.
constexpr char kGlue = '\x01';

// `s` with its spaces made unbreakable: a citation, "n = 151".
std::string Glue(std::string s) {
  std::replace(s.begin(), s.end(), ' ', kGlue);
  return s;
}

// `text` (Markdown, one line) wrapped at kWidth: the first line after
// `first`, the others after `rest` (the indentation of a list item's
// content). A word that could open a block stays with the word before it.
std::string Wrap(std::string_view text, std::string_view first,
                 std::string_view rest) {
  std::vector<std::string_view> words;
  for (std::size_t i = 0; i < text.size();) {
    std::size_t end = text.find(' ', i);
    if (end == std::string_view::npos) end = text.size();
    if (end > i) words.push_back(text.substr(i, end - i));
    i = end + 1;
  }
  std::string out(first);
  std::size_t column = Columns(first);
  bool line_empty = true;
  for (std::size_t k = 0; k < words.size();) {
    // The unit: this word and the ones after it that must not start a line.
    std::size_t next = k + 1, width = Columns(words[k]);
    while (next < words.size() && OpensBlock(words[next])) {
      width += 1 + Columns(words[next++]);
    }
    if (!line_empty && column + 1 + width > kWidth) {
      out += "\n";
      out.append(rest);
      column = Columns(rest);
      line_empty = true;
    }
    for (; k < next; ++k) {
      if (!line_empty) {
        out += ' ';
        ++column;
      }
      out.append(words[k]);
      column += Columns(words[k]);
      line_empty = false;
    }
  }
  std::replace(out.begin(), out.end(), kGlue, ' ');
  return out + "\n";
}

std::string Cells(const std::vector<std::string>& cells) {
  std::string out = "|";
  for (const std::string& c : cells) out += " " + c + " |";
  return out + "\n";
}

void Table(const std::vector<SummaryRow>& rows, const Vocabulary& vocabulary,
           const char* topic, std::string* out) {
  *out += Cells({topic, "Claim", "Verdict", "Certainty", "Studies",
                 "Participants", "Key citations"});
  *out += "| --- | --- | --- | --- | ---: | ---: | --- |\n";
  for (const SummaryRow& row : rows) {
    *out +=
        Cells({Md(report::RowTopic(row, vocabulary)),
               Md(report::RowClaim(row, vocabulary)),
               Md(report::RowVerdict(row)), Md(report::RowCertainty(row)),
               Md(report::RowStudies(row)), Md(report::RowParticipants(row)),
               Md(report::Citations(row.key_citations))});
  }
  const std::vector<std::string> notes = report::TableNotes(rows);
  if (!notes.empty()) {
    *out += "\n";
    std::string joined;
    for (const std::string& n : notes)
      joined += (joined.empty() ? "" : " ") + n;
    *out += Wrap(Md(joined), "", "");
  }
}

void Sentences(const std::vector<SummaryRow>& rows,
               const Vocabulary& vocabulary, std::string* out) {
  *out += "\nIn GRADE's plain-language wording:\n\n";
  for (const SummaryRow& row : rows) {
    std::string item =
        "**" + Md(report::Capitalised(report::RowTopic(row, vocabulary))) +
        ".** " + Md(row.sentence);
    if (!row.citations.empty()) {
      item += " " + Glue(Md(report::Citations(row.citations)));
    }
    *out += Wrap(item, "- ", "  ");
  }
}

void Section(const std::vector<SummaryRow>& rows, const Vocabulary& vocabulary,
             const char* heading, const char* topic, std::string* out) {
  if (rows.empty()) return;
  *out += std::string("\n## ") + heading + "\n\n";
  Table(rows, vocabulary, topic, out);
  Sentences(rows, vocabulary, out);
}

void Chains(const EvidenceSummary& summary, const Vocabulary& vocabulary,
            std::string* out) {
  if (summary.chains.empty()) return;
  *out +=
      "\n## Mechanism chains\n\n"
      "Each link is judged as its own claim; a chain is never stronger than "
      "its\nweakest link, and never makes an outcome claim supported.\n\n";
  for (const Chain& c : summary.chains) {
    *out += Wrap(Md(report::ChainPath(c, vocabulary)) + ": **" +
                     VerdictName(c.verdict) + "**, " +
                     CertaintyName(c.certainty) + " certainty",
                 "- ", "  ");
    for (const ChainLink& l : c.links) {
      *out +=
          Wrap(Md(report::LinkWords(l, vocabulary)) + ": " +
                   VerdictName(l.verdict) + ", " + CertaintyName(l.certainty),
               "  - ", "    ");
    }
  }
}

void References(const EvidenceSummary& summary, std::string* out) {
  if (summary.references.empty()) return;
  *out += "\n## References\n\n";
  for (std::size_t i = 0; i < summary.references.size(); ++i) {
    const report::ReferenceParts p = report::PartsOf(summary.references[i]);
    std::string item;
    for (const std::string& part :
         {p.who, p.title, Glue(report::Capitalised(p.what))}) {
      if (part.empty()) continue;
      item += (item.empty() ? "" : " ") + Md(part);
      if (std::string_view(".?!").find(part.back()) == std::string_view::npos) {
        item += ".";
      }
    }
    std::string ids;
    if (!p.pmid.empty()) {
      ids += report::MarkdownLink("PMID" + std::string(1, kGlue) + Md(p.pmid),
                                  report::PubmedUrl(p.pmid));
    }
    if (!p.doi.empty()) {
      ids += std::string(ids.empty() ? "" : ", ") +
             report::MarkdownLink("doi:" + Md(p.doi), report::DoiUrl(p.doi));
    }
    if (!p.other_id.empty()) ids += Md(p.other_id);
    item += " " + ids;
    const std::string number = std::to_string(i + 1) + ". ";
    *out += Wrap(item, number, std::string(number.size(), ' '));
  }
}

}  // namespace

std::string SummaryMarkdown(const EvidenceSummary& summary,
                            const Vocabulary& vocabulary) {
  std::string out =
      "# " + Md(report::SummaryTitle(summary, vocabulary)) + "\n\n";
  out += Wrap(Md(report::SummaryIntro(summary, vocabulary)), "", "");
  if (report::Empty(summary)) {
    out += "\n" + Wrap(Md(report::NoClaimNote(summary, vocabulary)), "", "");
  }
  Section(summary.outcomes, vocabulary, "Outcomes", "Outcome", &out);
  Section(summary.mechanisms, vocabulary, "Mechanisms", "Mechanism", &out);
  Chains(summary, vocabulary, &out);
  Section(summary.other, vocabulary, "Other claims", "About", &out);
  References(summary, &out);
  return out;
}

}  // namespace claimcheck
