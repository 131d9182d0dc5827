// Markdown articles (a CMS export, a note): YAML front matter for the
// metadata, then the body turned into the plain lines the text layer reads
// — headings on lines of their own, list items behind a bullet, emphasis,
// code and link markup dropped with the link text kept and the link
// recorded (a citation when it points at a study). Footnote definitions
// become a boilerplate part; a footnote marker carries its footnote's
// citations into the sentence it sits in. A line-by-line reader of the
// common subset, not a CommonMark implementation.
// Covered by tests/importers/markdown_test.cc.
#include <algorithm>
#include <map>
#include <optional>

#include "article_common.h"
#include "claimcheck/citations.h"
#include "dates.h"

namespace claimcheck::importers {

namespace {

struct FrontMatter {
  std::string title;
  std::string url;
  std::string date;
  std::vector<std::string> authors;
  std::string description;
};

std::string Unquote(std::string_view v) {
  v = TrimBlanks(v);
  if (v.size() >= 2 && (v.front() == '"' || v.front() == '\'') &&
      v.back() == v.front()) {
    v = v.substr(1, v.size() - 2);
  }
  return std::string(v);
}

std::string LowerKey(std::string_view k) {
  std::string out;
  for (char c : TrimBlanks(k)) {
    out += c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c;
  }
  return out;
}

// "[A, B]" or "A" -> names.
std::vector<std::string> ValueList(std::string_view v) {
  v = TrimBlanks(v);
  std::vector<std::string> out;
  if (v.size() >= 2 && v.front() == '[' && v.back() == ']') {
    v = v.substr(1, v.size() - 2);
    std::size_t pos = 0;
    while (pos <= v.size()) {
      std::size_t comma = v.find(',', pos);
      if (comma == std::string_view::npos) comma = v.size();
      std::string item = Unquote(v.substr(pos, comma - pos));
      if (!item.empty()) out.push_back(std::move(item));
      pos = comma + 1;
    }
  } else if (!v.empty()) {
    out.push_back(Unquote(v));
  }
  return out;
}

void SetFrontMatterKey(const std::string& key, std::string_view value,
                       FrontMatter* fm) {
  if (key == "title" || key == "headline") {
    fm->title = Unquote(value);
  } else if (key == "url" || key == "link" || key == "canonical_url" ||
             key == "canonical" || key == "permalink" || key == "source") {
    fm->url = Unquote(value);
  } else if (key == "date" || key == "published" || key == "pubdate" ||
             key == "publishdate" || key == "date_published" ||
             key == "published_at") {
    fm->date = IsoDate(Unquote(value));
  } else if (key == "author" || key == "authors" || key == "byline") {
    for (std::string& a : ValueList(value)) fm->authors.push_back(std::move(a));
  } else if (key == "description" || key == "summary") {
    fm->description = Unquote(value);
  }
}

// Reads "---\nkey: value\n…\n---\n" at the start of `text` (scalars, inline
// lists and "- item" lists; other YAML is skipped). Returns the offset of
// the body: 0 when there is no front matter.
std::size_t ReadFrontMatter(std::string_view text, FrontMatter* fm) {
  if (!text.starts_with("---\n")) return 0;
  std::string list_key;
  std::size_t pos = 4;
  while (pos < text.size()) {
    std::size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    const std::string_view line = text.substr(pos, nl - pos);
    const std::string_view t = TrimBlanks(line);
    if (t == "---" || t == "...") return std::min(nl + 1, text.size());
    if (t.starts_with("- ") && !list_key.empty() && line.front() == ' ') {
      SetFrontMatterKey(list_key, t.substr(2), fm);
    } else if (const std::size_t colon = line.find(':');
               colon != std::string_view::npos && line.front() != ' ' &&
               line.front() != '#') {
      const std::string key = LowerKey(line.substr(0, colon));
      const std::string_view value = line.substr(colon + 1);
      list_key = TrimBlanks(value).empty() ? key : "";
      if (!TrimBlanks(value).empty()) SetFrontMatterKey(key, value, fm);
    }
    pos = nl + 1;
  }
  *fm = FrontMatter();
  return 0;  // never closed: not front matter after all
}

bool IsPunct(char c) {
  return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') ||
         (c >= '[' && c <= '`') || (c >= '{' && c <= '~');
}
bool IsAlnum(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
         (c >= 'A' && c <= 'Z') || static_cast<unsigned char>(c) >= 0x80;
}

// The body converted to lines, with its links.
class MarkdownWriter {
 public:
  explicit MarkdownWriter(const std::map<std::string, std::string>& refs)
      : refs_(refs) {}

  std::string& text() { return text_; }
  std::vector<DocumentLink>& links() { return links_; }
  // Footnote markers: label -> places in text().
  std::multimap<std::string, std::pair<std::size_t, std::size_t>>& notes() {
    return notes_;
  }

  // Appends the inline content `s`, markup dropped. Link texts are read
  // with links off (`links` false), so nesting stays one level deep.
  void Inline(std::string_view s, bool links = true) {
    std::size_t i = 0;
    while (i < s.size()) {
      const char c = s[i];
      if (c == '\\' && i + 1 < s.size() && IsPunct(s[i + 1])) {
        text_ += s[i + 1];
        i += 2;
      } else if (c == '`') {
        i = CodeSpan(s, i);
      } else if (c == '!' && i + 1 < s.size() && s[i + 1] == '[') {
        std::size_t end = 0;
        std::string label, url;
        if (ReadLink(s, i + 1, &end, &label, &url)) {
          i = end;  // images say nothing the article claims
        } else {
          text_ += c;
          ++i;
        }
      } else if (c == '[' && links) {
        i = Link(s, i);
      } else if (c == '<') {
        i = Angle(s, i);
      } else if (c == '*' || c == '_' || c == '~') {
        i = Emphasis(s, i);
      } else {
        text_ += c;
        ++i;
      }
    }
  }

 private:
  std::size_t CodeSpan(std::string_view s, std::size_t i) {
    std::size_t n = 0;
    while (i + n < s.size() && s[i + n] == '`') ++n;
    const std::size_t close = s.find(std::string(n, '`'), i + n);
    if (close == std::string_view::npos) {
      text_.append(s.substr(i, n));
      return i + n;
    }
    text_.append(TrimBlanks(s.substr(i + n, close - i - n)));
    return close + n;
  }

  // [label](url "title"), [label][ref], [label][] or [label] with a
  // definition; *end is past it. A label, a destination or a reference
  // longer than kMaxLinkPart bytes is not read as one: without that bound a
  // run of unmatched brackets costs time quadratic in the text.
  static constexpr std::size_t kMaxLinkPart = 4096;
  bool ReadLink(std::string_view s, std::size_t i, std::size_t* end,
                std::string* label, std::string* url) {
    int depth = 0;
    std::size_t j = i;
    const std::size_t label_end = std::min(s.size(), i + kMaxLinkPart);
    for (; j < label_end; ++j) {
      if (s[j] == '\\') {
        ++j;
      } else if (s[j] == '[') {
        ++depth;
      } else if (s[j] == ']' && --depth == 0) {
        break;
      }
    }
    if (j >= label_end) return false;
    *label = std::string(s.substr(i + 1, j - i - 1));
    if (j + 1 < s.size() && s[j + 1] == '(') {
      int parens = 0;
      std::size_t k = j + 1;
      const std::size_t dest_end = std::min(s.size(), j + 1 + kMaxLinkPart);
      for (; k < dest_end; ++k) {
        if (s[k] == '(') ++parens;
        if (s[k] == ')' && --parens == 0) break;
      }
      if (k >= dest_end) return false;
      std::string_view dest = TrimBlanks(s.substr(j + 2, k - j - 2));
      if (dest.starts_with('<')) {
        dest = dest.substr(1, dest.find('>') - 1);
      } else if (const std::size_t sp = dest.find(' ');
                 sp != std::string_view::npos) {
        dest = dest.substr(0, sp);  // a title follows
      }
      *url = std::string(dest);
      *end = k + 1;
      return true;
    }
    std::string ref = *label;
    std::size_t after = j + 1;
    if (j + 1 < s.size() && s[j + 1] == '[') {
      const std::size_t close =
          s.substr(0, std::min(s.size(), j + 2 + kMaxLinkPart))
              .find(']', j + 2);
      if (close == std::string_view::npos) return false;
      if (close > j + 2) ref = std::string(s.substr(j + 2, close - j - 2));
      after = close + 1;
    }
    const auto it = refs_.find(LowerKey(ref));
    if (it == refs_.end()) return false;
    *url = it->second;
    *end = after;
    return true;
  }

  std::size_t Link(std::string_view s, std::size_t i) {
    if (s.substr(i, 2) == "[^") {
      // A footnote marker leaves no text: "syndrome.[1]" on a line of its
      // own would read as a heading. Its place still cites.
      const std::size_t close = s.find(']', i);
      if (close != std::string_view::npos && close > i + 2) {
        const std::string label(s.substr(i + 2, close - i - 2));
        notes_.emplace(LowerKey(label),
                       std::make_pair(text_.size(), text_.size()));
        return close + 1;
      }
    }
    std::size_t end = 0;
    std::string label, url;
    if (!ReadLink(s, i, &end, &label, &url)) {
      text_ += '[';
      return i + 1;
    }
    const std::size_t start = text_.size();
    Inline(label, false);
    links_.push_back({url, text_.substr(start), 0, start, text_.size()});
    return end;
  }

  // <https://…> autolinks keep their URL; inline HTML tags are dropped.
  std::size_t Angle(std::string_view s, std::size_t i) {
    const std::size_t close = s.find('>', i);
    if (close == std::string_view::npos) {
      text_ += '<';
      return i + 1;
    }
    const std::string_view inside = s.substr(i + 1, close - i - 1);
    if (inside.starts_with("http://") || inside.starts_with("https://")) {
      const std::size_t start = text_.size();
      text_.append(inside);
      links_.push_back(
          {std::string(inside), std::string(inside), 0, start, text_.size()});
      return close + 1;
    }
    const bool tag = !inside.empty() &&
                     (inside[0] == '/' || inside[0] == '!' ||
                      (inside[0] >= 'a' && inside[0] <= 'z') ||
                      (inside[0] >= 'A' && inside[0] <= 'Z')) &&
                     inside.find(' ') != 0;
    if (!tag) {
      text_ += '<';
      return i + 1;
    }
    return close + 1;
  }

  // Runs of * _ ~ that open or close emphasis are dropped; a run with
  // blanks on both sides ("2 * 3") and an intraword "_" (snake_case) stay.
  std::size_t Emphasis(std::string_view s, std::size_t i) {
    const char c = s[i];
    std::size_t n = 0;
    while (i + n < s.size() && s[i + n] == c) ++n;
    const bool before = i > 0 && s[i - 1] != ' ';
    const bool after = i + n < s.size() && s[i + n] != ' ';
    const bool intraword =
        i > 0 && IsAlnum(s[i - 1]) && i + n < s.size() && IsAlnum(s[i + n]);
    if ((c == '_' && intraword) || (c == '~' && n < 2) || (!before && !after)) {
      text_.append(s.substr(i, n));
    }
    return i + n;
  }

  const std::map<std::string, std::string>& refs_;
  std::string text_;
  std::vector<DocumentLink> links_;
  std::multimap<std::string, std::pair<std::size_t, std::size_t>> notes_;
};

bool IsFence(std::string_view t) {
  return t.starts_with("```") || t.starts_with("~~~");
}

// "---", "***", "___" (with blanks between): a thematic break.
bool IsRule(std::string_view t) {
  if (t.size() < 3) return false;
  const char c = t[0];
  if (c != '-' && c != '*' && c != '_') return false;
  std::size_t n = 0;
  for (char x : t) {
    if (x == c) {
      ++n;
    } else if (x != ' ') {
      return false;
    }
  }
  return n >= 3;
}

bool IsSetextUnderline(std::string_view t) {
  return !t.empty() && (t.find_first_not_of('=') == std::string_view::npos ||
                        t.find_first_not_of('-') == std::string_view::npos);
}

// "| --- | :---: |": a table's delimiter row.
bool IsTableDelimiter(std::string_view t) {
  if (t.find('-') == std::string_view::npos) return false;
  return t.find_first_not_of("|-: ") == std::string_view::npos;
}

// The heading text of an ATX heading line ("## Dosage ##"), or nullopt.
std::optional<std::string_view> AtxHeading(std::string_view t) {
  std::size_t n = 0;
  while (n < t.size() && t[n] == '#') ++n;
  if (n == 0 || n > 6 || (n < t.size() && t[n] != ' ')) return std::nullopt;
  std::string_view rest = TrimBlanks(t.substr(n));
  while (!rest.empty() && rest.back() == '#') rest.remove_suffix(1);
  return TrimBlanks(rest);
}

// The marker and content of a list item line, or false.
bool ListItem(std::string_view line, std::string* marker,
              std::string_view* content) {
  std::size_t indent = 0;
  while (indent < line.size() && line[indent] == ' ') ++indent;
  const std::string_view t = line.substr(indent);
  if (t.size() >= 2 && (t[0] == '-' || t[0] == '*' || t[0] == '+') &&
      t[1] == ' ') {
    *marker = std::string(indent, ' ') + "\xE2\x80\xA2 ";
    *content = TrimBlanks(t.substr(2));
  } else {
    std::size_t d = 0;
    while (d < t.size() && d < 3 && t[d] >= '0' && t[d] <= '9') ++d;
    if (d == 0 || d + 1 >= t.size() || (t[d] != '.' && t[d] != ')') ||
        t[d + 1] != ' ') {
      return false;
    }
    *marker = std::string(indent, ' ') + std::string(t.substr(0, d)) + ". ";
    *content = TrimBlanks(t.substr(d + 2));
  }
  for (std::string_view box : {"[ ] ", "[x] ", "[X] "}) {
    if (content->starts_with(box)) content->remove_prefix(box.size());
  }
  return true;
}

// Reference definitions "[label]: url" and footnotes "[^1]: text".
bool Definition(std::string_view t, std::map<std::string, std::string>* refs,
                std::map<std::string, std::string>* notes) {
  if (!t.starts_with('[')) return false;
  const std::size_t close = t.find("]:");
  if (close == std::string_view::npos || close < 2) return false;
  const std::string_view label = t.substr(1, close - 1);
  const std::string_view value = TrimBlanks(t.substr(close + 2));
  if (label.starts_with('^')) {
    (*notes)[LowerKey(label.substr(1))] = std::string(value);
  } else {
    std::string_view url = value.substr(0, value.find(' '));
    if (url.starts_with('<') && url.ends_with('>')) {
      url = url.substr(1, url.size() - 2);
    }
    (*refs)[LowerKey(label)] = std::string(url);
  }
  return true;
}

// Turns the body into lines; footnote definitions are collected apart.
void ConvertBody(std::string_view body, MarkdownWriter* w) {
  const auto lines = Lines(body);
  bool fence = false;
  for (std::size_t k = 0; k < lines.size(); ++k) {
    std::string_view line =
        body.substr(lines[k].first, lines[k].second - lines[k].first);
    std::string_view t = TrimBlanks(line);
    if (IsFence(t)) {
      fence = !fence;
      continue;
    }
    if (fence) continue;  // code says nothing an article claims
    while (t.starts_with('>')) t = TrimBlanks(t.substr(1));
    std::map<std::string, std::string> ignore_refs, ignore_notes;
    if (Definition(t, &ignore_refs, &ignore_notes)) continue;
    std::string& out = w->text();
    if (t.empty() || IsRule(t)) {
      out += '\n';
      continue;
    }
    if (k + 1 < lines.size()) {
      const std::string_view next = TrimBlanks(body.substr(
          lines[k + 1].first, lines[k + 1].second - lines[k + 1].first));
      std::string marker;
      std::string_view content;
      if (IsSetextUnderline(next) && !ListItem(line, &marker, &content)) {
        out += '\n';
        w->Inline(t);
        out += "\n\n";
        ++k;
        continue;
      }
    }
    if (const auto heading = AtxHeading(t)) {
      out += '\n';
      w->Inline(*heading);
      out += "\n\n";
      continue;
    }
    if (IsTableDelimiter(t)) continue;
    std::string marker;
    std::string_view content;
    if (ListItem(line, &marker, &content)) {
      out += marker;
      w->Inline(content);
    } else if (t.starts_with('|')) {
      // A table row: its cells on one line.
      std::string_view cells = t.substr(1);
      if (cells.ends_with('|')) cells.remove_suffix(1);
      bool first = true;
      for (std::size_t pos = 0; pos <= cells.size();) {
        std::size_t bar = cells.find('|', pos);
        if (bar == std::string_view::npos) bar = cells.size();
        const std::string_view cell = TrimBlanks(cells.substr(pos, bar - pos));
        if (!cell.empty()) {
          if (!first) out += "; ";
          w->Inline(cell);
          first = false;
        }
        pos = bar + 1;
      }
    } else {
      w->Inline(t);
    }
    out += '\n';
  }
}

}  // namespace

Result<ImportedDocument> ReadMarkdownArticle(std::string_view bytes,
                                             const std::string& name,
                                             Diagnostics* problems) {
  Result<Text> normal = Text::FromBytes(bytes, name, problems);
  if (!normal.ok()) return normal.status();
  const std::string& source = normal.value().str();
  FrontMatter fm;
  const std::string_view body =
      std::string_view(source).substr(ReadFrontMatter(source, &fm));

  std::map<std::string, std::string> refs, notes;
  for (const auto& [s, e] : Lines(body)) {
    Definition(TrimBlanks(body.substr(s, e - s)), &refs, &notes);
  }
  MarkdownWriter w(refs);
  ConvertBody(body, &w);
  // The body starts at its first line of text.
  const std::size_t lead = w.text().find_first_not_of('\n');
  if (lead != std::string::npos && lead > 0) {
    w.text().erase(0, lead);
    for (DocumentLink& link : w.links()) {
      link.start -= std::min(link.start, lead);
      link.end -= std::min(link.end, lead);
    }
    for (auto& [label, place] : w.notes()) {
      place.first -= std::min(place.first, lead);
      place.second -= std::min(place.second, lead);
    }
  }

  ImportedDocument imported;
  imported.article.format = "markdown";
  imported.article.description = fm.description;
  ArticleHead head = ReadArticleHead(w.text());
  Document& doc = imported.document;
  doc.title = fm.title.empty() ? head.title : fm.title;
  doc.authors = fm.authors.empty() ? head.authors : fm.authors;
  if (doc.authors.empty()) doc.authors = ReadAuthorBox(w.text());
  doc.date = fm.date.empty() ? head.date : fm.date;
  doc.url = fm.url;

  std::size_t body_part = 0;
  if (!fm.title.empty() &&
      !TrimBlanks(w.text()).starts_with(std::string_view(fm.title))) {
    DocumentPart title;
    title.text = fm.title;
    title.title = true;
    imported.parts.push_back(std::move(title));
    body_part = 1;
  }
  DocumentPart part;
  part.text = std::move(w.text());
  for (DocumentLink& link : w.links()) {
    link.part = body_part;
    if (std::optional<Citation> c = CitationFromUrl(link.url)) {
      c->start = link.start;
      c->end = link.end;
      part.citations.push_back(std::move(*c));
    }
  }
  // A footnote marker cites what its footnote cites.
  for (const auto& [label, place] : w.notes()) {
    const auto note = notes.find(label);
    if (note == notes.end()) continue;
    for (Citation c : FindCitations(note->second)) {
      c.start = place.first;
      c.end = place.second;
      part.citations.push_back(std::move(c));
    }
  }
  std::stable_sort(
      part.citations.begin(), part.citations.end(),
      [](const Citation& a, const Citation& b) { return a.start < b.start; });
  imported.parts.push_back(std::move(part));
  imported.article.links = std::move(w.links());
  SplitPartsAtBoilerplate(&imported.parts, &imported.article.links);
  AddWrittenCitations(&imported.parts);
  if (!notes.empty()) {
    DocumentPart footnotes;
    for (const auto& [label, text] : notes) {
      footnotes.text += "[" + label + "] " + text + "\n";
    }
    footnotes.boilerplate = true;
    std::vector<DocumentPart> one{std::move(footnotes)};
    AddWrittenCitations(&one);
    imported.parts.push_back(std::move(one[0]));
  }
  return imported;
}

}  // namespace claimcheck::importers
