// Format detection and the document text the claim extractor reads.
// Covered by tests/importers/importer_test.cc.
#include <algorithm>
#include <cstring>

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
  return InputFormat::kText;
}

Result<DocumentText> BuildDocumentText(const ImportedDocument& document,
                                       Diagnostics* warnings) {
  // Each part normalised on its own, then joined with a blank line: NFC of
  // a concatenation of NFC strings split by a line feed (a starter) is the
  // concatenation, so the part ranges hold in the final text.
  std::string joined;
  std::vector<std::pair<std::size_t, std::size_t>> ranges;
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
    joined += s;
    has_context |= !part.label.empty() || part.boilerplate;
  }
  Result<Text> text = Text::FromBytes(joined, document.origin, nullptr);
  if (!text.ok()) return text.status();
  DocumentText out{std::move(text).value(), {}, std::move(ranges)};
  if (!has_context) return out;
  const auto& sentences = out.text.sentences();
  out.context.resize(sentences.size());
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
  return out;
}

}  // namespace claimcheck
