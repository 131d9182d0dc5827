// The document text the claim extractor reads: sentences and citations.
// Covered by tests/importers/importer_test.cc.
#include "claimcheck/importer.h"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <map>

#include "claimcheck/citations.h"

namespace claimcheck {

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
