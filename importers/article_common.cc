// Bylines, titles, dates, end matter and citations shared by the article
// readers (importers/article_common.h). These are heuristics over the lines
// a reader sees; each rule names the real page layout it was written for.
// Covered by tests/importers/text_article_test.cc.
#include "article_common.h"

#include <algorithm>
#include <array>

#include "claimcheck/citations.h"
#include "dates.h"

namespace claimcheck::importers {

namespace {

char Lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c;
}
bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || IsUpper(c); }

bool StartsWithNoCase(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    if (Lower(s[i]) != Lower(prefix[i])) return false;
  }
  return true;
}

std::vector<std::string_view> Words(std::string_view s) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && s[i] == ' ') ++i;
    std::size_t j = i;
    while (j < s.size() && s[j] != ' ') ++j;
    if (j > i) out.push_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

// A line folded for matching against the tables below: lower case, no
// trailing colon, asterisk or full stop.
std::string Folded(std::string_view line) {
  std::string out;
  for (char c : TrimBlanks(line)) out += Lower(c);
  while (!out.empty() && (out.back() == ':' || out.back() == '*' ||
                          out.back() == '.' || out.back() == ' ')) {
    out.pop_back();
  }
  return out;
}

// Headings that open end matter. Seen on the seeds: "Article by" / "Latest
// Posts" (003), "Further Reading:" / "Disclaimer" (002), "Subscribe to our
// Blog" (004), "Related Posts" (000).
constexpr std::array<std::string_view, 52> kTailMarkers = {
    "disclaimer",
    "medical disclaimer",
    "disclosure",
    "article by",
    "written by",
    "about the author",
    "about the authors",
    "author bio",
    "latest posts",
    "recent posts",
    "related posts",
    "related articles",
    "related stories",
    "related reading",
    "related content",
    "related",
    "read next",
    "read this next",
    "up next",
    "you may also like",
    "you might also like",
    "more from",
    "further reading",
    "more reading",
    "references",
    "sources",
    "bibliography",
    "citations",
    "footnotes",
    "comments",
    "leave a comment",
    "leave a reply",
    "share this",
    "share this article",
    "share this post",
    "share",
    "tags",
    "subscribe",
    "newsletter",
    "subscribe to our newsletter",
    "subscribe to our blog",
    "sign up for our newsletter",
    "previous post",
    "next post",
    "popular posts",
    "advertisement",
    "how we reviewed this article",
    "latest news",
    "latest articles",
    "related topics",
    "related links",
    "related resources"};

// Prefixes of end-matter headings of up to eight words ("Subscribe to
// Alaska Sleep's blog", "More from Healthline"). "Related …" and
// "Latest …" are whole headings above: "Related symptoms" is content.
constexpr std::array<std::string_view, 4> kTailPrefixes = {
    "subscribe to ", "sign up for ", "more from ", "about the author"};

// One-line promotions inside the body ("You may also like: How to Improve
// Your Bedtime Routine …", seed 002).
constexpr std::array<std::string_view, 13> kPromoPrefixes = {
    "you may also like:", "you might also like:",
    "read more:",         "related:",
    "see also:",          "also read:",
    "recommended:",       "read next:",
    "related article:",   "related post:",
    "related reading:",   "click here",
    "sponsored content"};

bool IsTailMarker(std::string_view line) {
  const std::string f = Folded(line);
  if (f.empty()) return false;
  for (std::string_view m : kTailMarkers) {
    if (f == m) return true;
  }
  if (Words(f).size() > 8) return false;
  for (std::string_view p : kTailPrefixes) {
    if (f.starts_with(p)) return true;
  }
  return false;
}

bool IsPromoLine(std::string_view line) {
  const std::string_view t = TrimBlanks(line);
  for (std::string_view p : kPromoPrefixes) {
    if (StartsWithNoCase(t, p)) return true;
  }
  return false;
}

bool IsListLine(std::string_view line) {
  const std::string_view t = TrimBlanks(line);
  if (t.empty()) return false;
  for (std::string_view bullet :
       {"\xE2\x80\xA2", "\xE2\x97\xA6", "\xE2\x96\xAA", "\xE2\x80\x93",
        "\xE2\x80\x94", "- ", "* ", "+ "}) {
    if (t.starts_with(bullet)) return true;
  }
  std::size_t i = 0;
  while (i < t.size() && i < 3 && IsDigit(t[i])) ++i;
  return i > 0 && i + 1 < t.size() && (t[i] == '.' || t[i] == ')') &&
         t[i + 1] == ' ';
}

// "PhD", "MBA", "RD", "M.S.", "Jr.": what follows a name after a comma.
bool IsCredential(std::string_view piece) {
  const std::string_view p = TrimBlanks(piece);
  if (p.empty() || p.size() > 14 || !IsUpper(p[0])) return false;
  for (std::string_view s : {"Jr.", "Jr", "Sr.", "Sr", "II", "III"}) {
    if (p == s) return true;
  }
  std::size_t upper = 0;
  for (char c : p) {
    if (c == ' ') return false;
    upper += IsUpper(c);
  }
  return upper >= 2;
}

constexpr std::array<std::string_view, 17> kParticles = {
    "van", "von", "de", "der", "den", "da",  "di", "du", "la",
    "le",  "bin", "al", "el",  "del", "dos", "y",  "ter"};
constexpr std::array<std::string_view, 10> kNotNameWords = {
    "The", "A", "An", "This", "That", "Our", "Your", "How", "What", "Why"};

// The line with the date and the words around a date ("Published", "on",
// "Updated:", a time) taken out: a date line leaves nothing much else.
bool IsDateLine(std::string_view line) {
  const std::string_view t = TrimBlanks(line);
  if (t.size() > 80) return false;
  const FoundDate d = FindDate(t);
  if (d.iso.empty()) return false;
  std::string rest(t.substr(0, d.start));
  rest += ' ';
  rest += t.substr(d.end);
  std::size_t words = 0;
  for (std::string_view w : Words(rest)) {
    if (std::any_of(w.begin(), w.end(), IsAlpha)) ++words;
  }
  return words <= 4;
}

bool TitleLike(std::string_view line) {
  const std::string_view t = TrimBlanks(line);
  if (t.empty() || t.size() > 250 || IsListLine(t)) return false;
  const std::size_t words = Words(t).size();
  if (words == 0 || words > 30) return false;
  const char last = t.back();
  if (last == '.' || last == ',' || last == ';' || last == ':') return false;
  return ReadByline(t).empty() && !IsDateLine(t) && !IsTailMarker(t);
}

// Prose rather than a head line: long, or a full sentence of many words.
bool IsProse(std::string_view line) {
  const std::string_view t = TrimBlanks(line);
  return t.size() > 150 || (Words(t).size() > 12 && t.back() == '.');
}

struct NonBlankLine {
  std::size_t start = 0;
  std::size_t end = 0;
  std::string_view text;  // trimmed
};

std::vector<NonBlankLine> NonBlankLines(std::string_view text,
                                        std::size_t max) {
  std::vector<NonBlankLine> out;
  for (const auto& [s, e] : Lines(text)) {
    const std::string_view t = TrimBlanks(text.substr(s, e - s));
    if (t.empty()) continue;
    out.push_back({s, e, t});
    if (out.size() >= max) break;
  }
  return out;
}

}  // namespace

std::string_view TrimBlanks(std::string_view s) {
  for (;;) {
    if (!s.empty() && (s.front() == ' ' || s.front() == '\t' ||
                       s.front() == '\r' || s.front() == '\n')) {
      s.remove_prefix(1);
    } else if (s.starts_with("\xC2\xA0")) {
      s.remove_prefix(2);
    } else {
      break;
    }
  }
  for (;;) {
    if (!s.empty() && (s.back() == ' ' || s.back() == '\t' ||
                       s.back() == '\r' || s.back() == '\n')) {
      s.remove_suffix(1);
    } else if (s.ends_with("\xC2\xA0")) {
      s.remove_suffix(2);
    } else {
      break;
    }
  }
  return s;
}

std::vector<std::pair<std::size_t, std::size_t>> Lines(std::string_view text) {
  std::vector<std::pair<std::size_t, std::size_t>> out;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    std::size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    out.emplace_back(pos, nl);
    pos = nl + 1;
  }
  return out;
}

bool IsPersonName(std::string_view name) {
  const std::string_view t = TrimBlanks(name);
  if (t.empty() || t.size() > 60) return false;
  const std::vector<std::string_view> words = Words(t);
  if (words.size() < 2 || words.size() > 6) return false;
  for (std::string_view w : words) {
    if (std::any_of(w.begin(), w.end(), IsDigit)) return false;
    if (std::find(kNotNameWords.begin(), kNotNameWords.end(), w) !=
        kNotNameWords.end()) {
      return false;
    }
    const bool capital =
        IsUpper(w[0]) || static_cast<unsigned char>(w[0]) >= 0xC0;
    const bool particle =
        std::find(kParticles.begin(), kParticles.end(), w) != kParticles.end();
    if (!capital && !particle) return false;
  }
  return IsUpper(words[0][0]) ||
         static_cast<unsigned char>(words[0][0]) >= 0xC0;
}

std::vector<std::string> ReadByline(std::string_view line) {
  std::string_view t = TrimBlanks(line);
  bool prefixed = false;
  for (std::string_view p :
       {"by ", "written by ", "words by ", "authored by ", "posted by ",
        "story by ", "article by ", "author: ", "authors: ", "author | "}) {
    if (StartsWithNoCase(t, p)) {
      t.remove_prefix(p.size());
      prefixed = true;
      break;
    }
  }
  if (!prefixed || t.size() > 200) return {};
  std::size_t cut = t.size();
  for (std::string_view sep :
       {" | ", "|", " \xE2\x80\xA2 ", " \xC2\xB7 ", " \xE2\x80\x94 ",
        " \xE2\x80\x93 ", " - ", " / ", " on ", "; ", " updated", " Updated",
        " published", " Published", " posted", " Posted", "\t"}) {
    cut = std::min(cut, t.find(sep));
  }
  const FoundDate date = FindDate(t);
  if (!date.iso.empty()) cut = std::min(cut, date.start);
  t = TrimBlanks(t.substr(0, cut));
  while (!t.empty() && (t.back() == ',' || t.back() == ':')) {
    t.remove_suffix(1);
  }
  std::vector<std::string> names;
  std::size_t pos = 0;
  std::string_view before;  // the separator in front of the piece
  while (pos <= t.size()) {
    std::size_t next = t.size();
    std::string_view sep_found;
    for (std::string_view sep : {", and ", " and ", " & ", ", "}) {
      const std::size_t at = t.find(sep, pos);
      if (at != std::string_view::npos && at < next) {
        next = at;
        sep_found = sep;
      }
    }
    const std::string_view piece = TrimBlanks(t.substr(pos, next - pos));
    if (!piece.empty()) {
      // "Grant Tinsley, PhD": a credential after a comma stays with its
      // name.
      if (!names.empty() && before == ", " && IsCredential(piece)) {
        names.back() += ", " + std::string(piece);
      } else {
        names.emplace_back(piece);
      }
    }
    if (next == t.size()) break;
    pos = next + sep_found.size();
    before = sep_found;
  }
  for (const std::string& n : names) {
    if (!IsPersonName(n.substr(0, n.find(',')))) return {};
  }
  return names;
}

ArticleHead ReadArticleHead(std::string_view text) {
  ArticleHead head;
  const std::vector<NonBlankLine> lines = NonBlankLines(text, 20);
  std::size_t next = 0;
  if (!lines.empty() && TitleLike(lines[0].text)) {
    std::size_t pick = 0;
    // A masthead ("Alaska Sleep Education Center", seed 004) comes back
    // later in the page; the title below it does not.
    if (lines.size() > 1 && TitleLike(lines[1].text) &&
        text.find(lines[0].text, lines[0].end) != std::string_view::npos) {
      pick = 1;
    }
    head.title = std::string(lines[pick].text);
    next = pick + 1;
  }
  for (std::size_t k = next; k < lines.size() && k < next + 8; ++k) {
    const std::string_view line = lines[k].text;
    if (IsProse(line)) break;
    std::vector<std::string> names = ReadByline(line);
    const bool byline = !names.empty();
    if (head.authors.empty() && byline) head.authors = std::move(names);
    if (head.date.empty() && (byline || IsDateLine(line))) {
      head.date = FindDate(line).iso;
    }
  }
  return head;
}

std::vector<std::string> ReadAuthorBox(std::string_view text) {
  bool box = false;
  for (const auto& [s, e] : Lines(text)) {
    const std::string_view line = TrimBlanks(text.substr(s, e - s));
    if (line.empty()) continue;
    if (box && IsPersonName(line)) return {std::string(line)};
    const std::string f = Folded(line);
    box = f == "article by" || f == "written by" || f == "about the author" ||
          f == "author";
  }
  return {};
}

std::vector<DocumentPart> SplitBoilerplate(
    DocumentPart part, std::size_t tail_from, bool* tail_seen,
    std::vector<std::pair<std::size_t, std::size_t>>* ranges) {
  if (ranges != nullptr) ranges->assign(1, {0, part.text.size()});
  if (*tail_seen || part.boilerplate) {
    part.boilerplate = true;
    return {std::move(part)};
  }
  const std::string_view text = part.text;
  const auto lines = Lines(text);
  std::vector<char> flag(lines.size(), 0);  // 1 boilerplate, 2 blank
  bool any = false;
  for (std::size_t k = 0; k < lines.size(); ++k) {
    const std::string_view line =
        text.substr(lines[k].first, lines[k].second - lines[k].first);
    if (TrimBlanks(line).empty()) {
      flag[k] = 2;
      continue;
    }
    if (lines[k].first >= tail_from && IsTailMarker(line)) {
      for (std::size_t r = k; r < lines.size(); ++r) flag[r] = 1;
      *tail_seen = true;
      any = true;
      break;
    }
    if (IsPromoLine(line)) {
      flag[k] = 1;
      any = true;
    }
  }
  if (!any) return {std::move(part)};
  if (ranges != nullptr) ranges->clear();
  std::vector<DocumentPart> out;
  std::size_t k = 0;
  while (k < lines.size()) {
    while (k < lines.size() && flag[k] == 2) ++k;
    if (k >= lines.size()) break;
    const char kind = flag[k];
    std::size_t last = k;
    std::size_t r = k;
    while (r < lines.size() && (flag[r] == kind || flag[r] == 2)) {
      if (flag[r] == kind) last = r;
      ++r;
    }
    const std::size_t begin = lines[k].first;
    const std::size_t end = lines[last].second;
    DocumentPart piece;
    piece.label = part.label;
    piece.text = std::string(text.substr(begin, end - begin));
    piece.boilerplate = kind == 1;
    for (const Citation& c : part.citations) {
      if (c.start < begin || c.start >= end) continue;
      Citation moved = c;
      moved.start -= begin;
      moved.end = std::min(c.end, end) - begin;
      piece.citations.push_back(std::move(moved));
    }
    out.push_back(std::move(piece));
    if (ranges != nullptr) ranges->emplace_back(begin, end);
    k = r;
  }
  return out;
}

void SplitPartsAtBoilerplate(std::vector<DocumentPart>* parts,
                             std::vector<DocumentLink>* links) {
  std::size_t total = 0;
  for (const DocumentPart& part : *parts) {
    if (!part.title) total += part.text.size();
  }
  std::vector<DocumentPart> out;
  // For each old part: where its pieces start in `out`, and their ranges.
  std::vector<std::size_t> first(parts->size());
  std::vector<std::vector<std::pair<std::size_t, std::size_t>>> ranges(
      parts->size());
  bool tail = false;
  std::size_t before = 0;  // body text before this part
  for (std::size_t i = 0; i < parts->size(); ++i) {
    DocumentPart& part = (*parts)[i];
    first[i] = out.size();
    if (part.title) {
      ranges[i].assign(1, {0, part.text.size()});
      out.push_back(std::move(part));
      continue;
    }
    const std::size_t quarter = total / 4;
    const std::size_t tail_from = quarter > before ? quarter - before : 0;
    before += part.text.size();
    for (DocumentPart& piece :
         SplitBoilerplate(std::move(part), tail_from, &tail, &ranges[i])) {
      out.push_back(std::move(piece));
    }
  }
  for (DocumentLink& link : *links) {
    if (link.part == DocumentLink::kNoPart || link.part >= ranges.size()) {
      continue;
    }
    const auto& r = ranges[link.part];
    std::size_t piece = r.size();
    for (std::size_t k = 0; k < r.size(); ++k) {
      if (link.start >= r[k].first && link.start < r[k].second) piece = k;
    }
    if (piece == r.size()) {
      link.part = DocumentLink::kNoPart;
      continue;
    }
    link.start -= r[piece].first;
    link.end =
        std::min(link.end - r[piece].first, r[piece].second - r[piece].first);
    link.part = first[link.part] + piece;
  }
  *parts = std::move(out);
}

void AddWrittenCitations(std::vector<DocumentPart>* parts) {
  for (DocumentPart& part : *parts) {
    std::vector<Citation> written = FindCitations(part.text);
    if (written.empty()) continue;
    const std::size_t links = part.citations.size();
    for (Citation& w : written) {
      bool repeat = false;
      for (std::size_t i = 0; i < links && !repeat; ++i) {
        const Citation& l = part.citations[i];
        repeat = w.start < l.end && l.start < w.end;
      }
      if (!repeat) part.citations.push_back(std::move(w));
    }
    std::stable_sort(
        part.citations.begin(), part.citations.end(),
        [](const Citation& a, const Citation& b) { return a.start < b.start; });
  }
}

Status FinishArticle(std::string_view bytes, const std::string& name,
                     ImportedDocument* imported) {
  bool any_text = false;
  for (const DocumentPart& part : imported->parts) {
    any_text |= !part.boilerplate && !TrimBlanks(part.text).empty();
  }
  if (!any_text) {
    return Status::InvalidArgument(name + ": empty document (no text to read)");
  }
  Document& doc = imported->document;
  doc.id = LocalDocumentId(bytes);
  doc.kind = "article";
  doc.design = Design::kWellnessArticle;
  std::vector<Citation> all;
  for (const DocumentPart& part : imported->parts) {
    for (Citation c : part.citations) {
      c.start = c.end = 0;
      all.push_back(std::move(c));
    }
  }
  for (Citation& c : doc.citations) all.push_back(std::move(c));
  doc.citations = std::move(all);
  imported->origin = name;
  return Status::OK();
}

}  // namespace claimcheck::importers
