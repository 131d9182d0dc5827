// Format detection and the document text the claim extractor reads.
// Covered by tests/importers/importer_test.cc.
#include "claimcheck/importer.h"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <map>

#include "claimcheck/citations.h"

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
  if (lower.starts_with("<!doctype html") || lower.starts_with("<html") ||
      lower.find("<html") != std::string::npos ||
      lower.find("<body") != std::string::npos) {
    return InputFormat::kHtml;
  }
  if (LooksMedline(head)) return InputFormat::kMedline;

  std::string_view name = file_name;
  if (EndsWith(name, ".gz")) name.remove_suffix(3);
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

namespace {

// Byte `offset` of `raw` in `normal`, the Text::FromBytes form of `raw`
// (`same`: the two are equal). Importers hand over normalised text almost
// always, so the identity is the rule; otherwise the prefix is normalised
// on its own (NFC never reorders across the character boundary a citation
// starts at).
std::size_t MapOffset(std::string_view raw, std::string_view normal, bool same,
                      std::size_t offset) {
  if (same) return std::min(offset, normal.size());
  if (offset >= raw.size()) return normal.size();
  Result<Text> prefix = Text::FromBytes(raw.substr(0, offset), "", nullptr);
  if (!prefix.ok()) return 0;
  return std::min(prefix.value().str().size(), normal.size());
}

// True when sentence `s` is made of citations and punctuation only
// ("(1).", "(Abbasi et al., 2012)."). `citations` are in text order.
bool OnlyCitations(const std::string& text, const Sentence& s,
                   const std::vector<Citation>& citations) {
  auto first = std::lower_bound(
      citations.begin(), citations.end(), s.start,
      [](const Citation& c, std::size_t off) { return c.end <= off; });
  std::vector<bool> covered(s.end - s.start, false);
  for (auto it = first; it != citations.end() && it->start < s.end; ++it) {
    for (std::size_t k = std::max(it->start, s.start);
         k < std::min(it->end, s.end); ++k) {
      covered[k - s.start] = true;
    }
  }
  std::size_t letters = 0;
  for (std::size_t k = s.start; k < s.end; ++k) {
    const unsigned char ch = static_cast<unsigned char>(text[k]);
    if (!covered[k - s.start] && (std::isalnum(ch) || ch >= 0x80)) ++letters;
  }
  return letters < 3;
}

// The sentence a citation attributes: the one it sits in; the one before
// when it sits between sentences or makes up a sentence of its own.
std::size_t AttributedSentence(const Text& text, const Citation& c,
                               const std::vector<Citation>& citations) {
  const std::vector<Sentence>& ss = text.sentences();
  const std::size_t i = text.SentenceAt(c.start);
  if (i == ss.size()) {
    auto after = std::upper_bound(
        ss.begin(), ss.end(), c.start,
        [](std::size_t off, const Sentence& s) { return off < s.start; });
    if (after == ss.begin()) return DocumentText::kNoSentence;
    return static_cast<std::size_t>(after - ss.begin()) - 1;
  }
  if (i > 0 && OnlyCitations(text.str(), ss[i], citations)) return i - 1;
  return i;
}

// What SameSource compares, as one key: the identifiers first.
std::string SourceKey(const Citation& c) {
  if (!c.pmid.empty()) return "pmid:" + c.pmid;
  if (!c.pmcid.empty()) return "pmc:" + c.pmcid;
  if (!c.doi.empty()) return "doi:" + c.doi;
  if (!c.url.empty()) return "url:" + c.url;
  return "text:" + c.text;
}

// Marks the sentences the parts' citations attribute; appends the
// document's citations that no part holds.
void PlaceCitations(const ImportedDocument& document, DocumentText* out) {
  const std::vector<Sentence>& sentences = out->text.sentences();
  std::map<std::string, std::size_t> held;
  for (const Citation& c : out->citations) {
    ++held[SourceKey(c)];
    const std::size_t s = AttributedSentence(out->text, c, out->citations);
    out->citation_sentences.push_back(s);
    if (s == DocumentText::kNoSentence || s >= sentences.size()) continue;
    const Attribution a =
        IsIdentified(c) ? Attribution::kCited : Attribution::kUnnamed;
    if (a > out->context[s].attribution) out->context[s].attribution = a;
  }
  for (const Citation& c : document.document.citations) {
    auto it = held.find(SourceKey(c));
    if (it != held.end() && it->second > 0) {
      --it->second;
      continue;
    }
    Citation loose = c;
    loose.start = loose.end = 0;
    out->citations.push_back(std::move(loose));
    out->citation_sentences.push_back(DocumentText::kNoSentence);
  }
}

}  // namespace

Result<DocumentText> BuildDocumentText(const ImportedDocument& document,
                                       Diagnostics* warnings) {
  // Each part normalised on its own, then joined with a blank line: NFC of
  // a concatenation of NFC strings split by a line feed (a starter) is the
  // concatenation, so the part ranges hold in the final text.
  std::string joined;
  std::vector<std::pair<std::size_t, std::size_t>> ranges;
  std::vector<Citation> citations;
  bool has_context = false;
  for (const DocumentPart& part : document.parts) {
    Result<Text> t = Text::FromBytes(part.text, document.origin, warnings);
    if (!t.ok()) return t.status();
    std::string_view s = t.value().str();
    while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) {
      s.remove_suffix(1);
    }
    if (!joined.empty()) joined += "\n\n";
    ranges.emplace_back(joined.size(), joined.size() + s.size());
    const bool same = !part.citations.empty() && part.text == t.value().str();
    for (const Citation& c : part.citations) {
      Citation placed = c;
      placed.start =
          joined.size() +
          std::min(MapOffset(part.text, t.value().str(), same, c.start),
                   s.size());
      placed.end = joined.size() +
                   std::min(MapOffset(part.text, t.value().str(), same, c.end),
                            s.size());
      citations.push_back(std::move(placed));
    }
    joined += s;
    has_context |=
        !part.label.empty() || part.boilerplate || !part.citations.empty();
  }
  Result<Text> text = Text::FromBytes(joined, document.origin, nullptr);
  if (!text.ok()) return text.status();
  DocumentText out{
      std::move(text).value(), {}, std::move(ranges), std::move(citations), {}};
  const auto& sentences = out.text.sentences();
  if (has_context) out.context.resize(sentences.size());
  if (!out.context.empty()) {
    std::size_t part = 0;
    for (std::size_t i = 0; i < sentences.size(); ++i) {
      while (part + 1 < out.part_ranges.size() &&
             sentences[i].start >= out.part_ranges[part].second) {
        ++part;
      }
      if (part < document.parts.size()) {
        out.context[i].section = document.parts[part].label;
        out.context[i].boilerplate = document.parts[part].boilerplate;
      }
    }
  }
  PlaceCitations(document, &out);
  return out;
}

}  // namespace claimcheck
