// Format detection: which reader takes a file, or why none does
// (include/claimcheck/importer.h). Covered by
// tests/importers/detect_format_test.cc.
#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>
#include <vector>

#include "claimcheck/importer.h"

namespace claimcheck {

namespace {

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() &&
         std::equal(suffix.rbegin(), suffix.rend(), s.rbegin(),
                    [](char a, char b) {
                      return std::tolower(static_cast<unsigned char>(a)) ==
                             std::tolower(static_cast<unsigned char>(b));
                    });
}

// `head` with ASCII letters lower-cased, leading white space and a BOM
// dropped, at most `max` bytes.
std::string LowerHead(std::string_view head, std::size_t max) {
  std::size_t i = 0;
  if (head.substr(0, 3) == "\xEF\xBB\xBF") i = 3;
  while (i < head.size() && std::isspace(static_cast<unsigned char>(head[i]))) {
    ++i;
  }
  std::string out(head.substr(i, max));
  for (char& c : out) {
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

// True when `head` is not text: a NUL byte, or more than 1 in 10 bytes that
// are control characters other than tab, LF, CR and FF.
bool LooksBinary(std::string_view head) {
  if (head.find('\0') != std::string_view::npos) return true;
  std::size_t control = 0;
  for (unsigned char c : head) {
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') {
      ++control;
    }
  }
  return control * 10 > head.size();
}

// A line starting with "PMID-" within the first lines.
bool LooksMedline(std::string_view head) {
  std::size_t pos = 0;
  for (int line = 0; line < 20 && pos < head.size(); ++line) {
    std::size_t end = head.find('\n', pos);
    if (end == std::string_view::npos) end = head.size();
    std::string_view l = head.substr(pos, end - pos);
    if (l.substr(0, 3) == "\xEF\xBB\xBF") l.remove_prefix(3);
    if (l.substr(0, 4) == "PMID" && l.find('-') != std::string_view::npos &&
        l.find('-') <= 5) {
      return true;
    }
    pos = end + 1;
  }
  return false;
}

// JATS / PMC full text: a pmc-articleset, a DOCTYPE article, or an
// <article> root with JATS's front matter. HTML5 pages use <article> too,
// so this is asked only of files without an <html> element.
bool LooksJats(std::string_view lower) {
  if (lower.find("<pmc-articleset") != std::string_view::npos) return true;
  if (lower.find("<!doctype article") != std::string_view::npos) return true;
  const std::size_t article = lower.find("<article");
  return article != std::string_view::npos &&
         (lower.find("<front>", article) != std::string_view::npos ||
          lower.find("dtd-version", article) != std::string_view::npos ||
          lower.find("xmlns:xlink", article) != std::string_view::npos);
}

// The fields of the CSV record that starts at `pos` in `head`, split by
// `separator` outside double quotes (a quoted field may run over lines);
// `pos` moves past the record. Empty when the record does not end within
// `head`.
std::vector<std::string_view> CsvRecord(std::string_view head, std::size_t* pos,
                                        char separator) {
  std::vector<std::string_view> fields;
  bool quoted = false;
  std::size_t start = *pos;
  for (std::size_t i = *pos; i < head.size(); ++i) {
    const char c = head[i];
    if (c == '"') quoted = !quoted;
    if (quoted) continue;
    if (c == separator || c == '\n') {
      std::string_view field = head.substr(start, i - start);
      if (!field.empty() && field.back() == '\r') field.remove_suffix(1);
      fields.push_back(field);
      start = i + 1;
      if (c == '\n') {
        *pos = i + 1;
        return fields;
      }
    }
  }
  return {};
}

// A table rather than prose: a .csv or .tsv name, or a header record of at
// least four short comma- or tab-separated fields (column names, not a
// sentence) followed by a record with as many fields, give or take a
// trailing empty one, as PubMed's "Save > CSV" writes ("PMID,Title,
// Authors,Citation,…" or the older "Title,URL,Description,Details,…").
bool LooksCsv(std::string_view name, std::string_view head) {
  if (EndsWith(name, ".csv") || EndsWith(name, ".tsv")) return true;
  for (char separator : {',', '\t'}) {
    std::size_t pos = 0;
    const auto header = CsvRecord(head, &pos, separator);
    if (header.size() < 4) continue;
    const bool names =
        std::all_of(header.begin(), header.end(), [](std::string_view field) {
          return !field.empty() && field.size() <= 40 &&
                 field.find(". ") == std::string_view::npos;
        });
    if (!names) continue;
    const auto row = CsvRecord(head, &pos, separator);
    const std::size_t n = header.size();
    if (row.size() + 1 >= n && row.size() <= n + 1) return true;
  }
  return false;
}

// The first line of `head`, at most 60 bytes, for a message.
std::string FirstLine(std::string_view head) {
  std::string_view line = head.substr(0, head.find_first_of("\r\n"));
  if (line.size() > 60) return std::string(line.substr(0, 57)) + "...";
  return std::string(line);
}

// Two of: an ATX heading line, a link "](", "**" emphasis, a code fence.
bool LooksMarkdown(std::string_view head) {
  int signals = 0;
  signals += head.starts_with("# ") || head.starts_with("## ") ||
             head.find("\n# ") != std::string_view::npos ||
             head.find("\n## ") != std::string_view::npos;
  signals += head.find("](") != std::string_view::npos;
  signals += head.find("**") != std::string_view::npos;
  signals += head.find("```") != std::string_view::npos;
  return signals >= 2;
}

}  // namespace

const char* InputFormatName(InputFormat format) {
  switch (format) {
    case InputFormat::kPubmedXml:
      return "pubmed_xml";
    case InputFormat::kMedline:
      return "medline";
    case InputFormat::kText:
      return "text";
    case InputFormat::kMarkdown:
      return "markdown";
    case InputFormat::kHtml:
      return "html";
    case InputFormat::kUnknown:
      break;
  }
  return "unknown";
}

InputFormat DetectFormat(std::string_view file_name, std::string_view head) {
  if (head.empty()) return InputFormat::kUnknown;
  if (LooksBinary(head.substr(0, 8192))) return InputFormat::kUnknown;
  const std::string lower = LowerHead(head, 4096);
  if (lower.find("<pubmedarticleset") != std::string::npos ||
      lower.find("<!doctype pubmedarticleset") != std::string::npos ||
      lower.find("<pubmedbookarticle") != std::string::npos ||
      lower.find("<pubmedarticle>") != std::string::npos) {
    return InputFormat::kPubmedXml;
  }
  if (lower.starts_with("<!doctype html") ||
      lower.find("<html") != std::string::npos) {
    return InputFormat::kHtml;
  }
  if (LooksJats(lower)) return InputFormat::kUnknown;
  if (lower.find("<body") != std::string::npos) return InputFormat::kHtml;
  if (LooksMedline(head)) return InputFormat::kMedline;

  std::string_view name = file_name;
  if (EndsWith(name, ".gz")) name.remove_suffix(3);
  if (LooksCsv(name, head)) return InputFormat::kUnknown;
  if (EndsWith(name, ".nbib") || EndsWith(name, ".medline")) {
    return InputFormat::kMedline;
  }
  if (EndsWith(name, ".html") || EndsWith(name, ".htm") ||
      EndsWith(name, ".xhtml")) {
    return InputFormat::kHtml;
  }
  if (EndsWith(name, ".md") || EndsWith(name, ".markdown")) {
    return InputFormat::kMarkdown;
  }
  if (lower.starts_with("---\n") || lower.starts_with("---\r\n")) {
    return InputFormat::kMarkdown;  // YAML front matter
  }
  if (lower.starts_with("<?xml") || EndsWith(name, ".xml")) {
    // XML that is not a PubmedArticleSet: not a format we read.
    return InputFormat::kUnknown;
  }
  if (lower.starts_with("{") || EndsWith(name, ".json")) {
    // Data, not prose: read as text it would yield sentences of JSON.
    return InputFormat::kUnknown;
  }
  const std::size_t slash = name.find_last_of('/');
  const bool extension =
      name.find('.', slash == std::string_view::npos ? 0 : slash + 1) !=
      std::string_view::npos;
  if (!extension && LooksMarkdown(head.substr(0, 4096))) {
    return InputFormat::kMarkdown;  // stdin, a name without extension
  }
  return InputFormat::kText;
}

std::string UnknownFormatReason(std::string_view file_name,
                                std::string_view head) {
  if (head.find_first_not_of(" \t\r\n\f") == std::string_view::npos) {
    return "empty document (no text to read)";
  }
  const std::size_t nul = head.find('\0');
  if (nul != std::string_view::npos) {
    return "byte " + std::to_string(nul) +
           ": binary data (a NUL byte); not a document claimcheck reads";
  }
  if (LooksBinary(head.substr(0, 8192))) {
    return "binary data (control characters); not a document claimcheck "
           "reads";
  }
  const std::string lower = LowerHead(head, 4096);
  std::string_view name = file_name;
  if (EndsWith(name, ".gz")) name.remove_suffix(3);
  if (lower.find("<html") == std::string::npos && LooksJats(lower)) {
    return "PMC / JATS full text (<article>), which claimcheck does not read: "
           "import the article's PubMed record (PubMed XML or MEDLINE) "
           "instead";
  }
  if (LooksCsv(name, head)) {
    return "line 1: a table (CSV), not an article or a PubMed record (\"" +
           FirstLine(head) +
           "\"); a PubMed CSV export holds no abstracts: save the search as "
           "PubMed XML or MEDLINE (.nbib) and import that";
  }
  if (lower.starts_with("<?xml") || EndsWith(name, ".xml")) {
    return "XML that is not a PubmedArticleSet; not a document claimcheck "
           "reads";
  }
  if (lower.starts_with("{") || EndsWith(name, ".json")) {
    return "JSON, not an article or a PubMed record; not a document "
           "claimcheck reads";
  }
  return "not a format claimcheck reads (plain text, Markdown, HTML, PubMed "
         "XML or MEDLINE)";
}

}  // namespace claimcheck
