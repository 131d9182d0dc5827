// Web pages: parsed by gumbo (a tolerant HTML5 parser), the main content
// found (html_content.cc: a marked article body, <article>, <main>, else
// the densest block of paragraph text), the metadata read
// (html_metadata.cc), and the content written out as the lines the text
// layer reads: headings and list items on lines of their own, paragraphs
// apart.
// Navigation, share bars, advertisements and scripts are dropped; author
// boxes, newsletters, related-story lists, comments and disclaimers become
// boilerplate parts (kept, never read for claims). Every link is recorded;
// a link to a study is a citation at the place of its anchor text.
// Covered by tests/importers/html_test.cc.
#include <algorithm>
#include <memory>
#include <unordered_map>

#include "article_common.h"
#include "claimcheck/citations.h"
#include "dates.h"
#include "html_content.h"
#include "html_dom.h"
#include "html_metadata.h"

namespace claimcheck::importers {

namespace {

using html::Attr;
using html::Child;
using html::Children;
using html::ChooseRoot;
using html::Classify;
using html::CollapsedText;
using html::ComputeStats;
using html::DeepNestingOffset;
using html::HasWord;
using html::IsBlock;
using html::IsDropped;
using html::IsElement;
using html::IsHeading;
using html::kMaxNesting;
using html::kMinRootText;
using html::LowerAscii;
using html::NameWords;
using html::Role;
using html::StatsMap;
using html::Tag;
using html::Walk;

// ---- writing the text ----

// Collects text into parts: white space collapsed, line and paragraph
// breaks where blocks begin and end, a new part whenever boilerplate
// begins or ends.
class PartWriter {
 public:
  void Text(std::string_view s, bool keep_lines) {
    for (std::size_t i = 0; i < s.size();) {
      const unsigned char c = static_cast<unsigned char>(s[i]);
      std::size_t n = 1;
      bool blank = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
      if (c == 0xC2 && i + 1 < s.size() &&
          static_cast<unsigned char>(s[i + 1]) == 0xA0) {
        blank = true;  // a no-break space
        n = 2;
      }
      if (keep_lines && c == '\n') {
        Break(1);
      } else if (blank) {
        space_ = true;
      } else {
        Commit();
        cur_.text.append(s.substr(i, n));
        after_marker_ = false;
      }
      i += n;
    }
  }
  // 1: a new line; 2: a new paragraph. Right after a list marker the item's
  // first block starts on the marker's line.
  void Break(int level) {
    if (!after_marker_) break_ = std::max(break_, level);
  }
  void Marker(std::string_view marker) {
    break_ = std::max(break_, 1);
    Commit();
    cur_.text += marker;
    after_marker_ = true;
    space_ = false;
  }
  std::size_t Offset() const { return cur_.text.size(); }
  // The index the current part gets when it is kept.
  std::size_t Part() const { return parts_.size(); }
  const std::string& CurrentText() const { return cur_.text; }
  void SetBoilerplate(bool boilerplate) {
    if (boilerplate == cur_.boilerplate) return;
    Flush();
    cur_.boilerplate = boilerplate;
  }
  std::vector<DocumentPart> Finish() {
    Flush();
    return std::move(parts_);
  }

 private:
  void Commit() {
    if (!cur_.text.empty()) {
      if (break_ == 2) {
        cur_.text += "\n\n";
      } else if (break_ == 1) {
        cur_.text += '\n';
      } else if (space_) {
        cur_.text += ' ';
      }
    }
    break_ = 0;
    space_ = false;
  }
  void Flush() {
    const bool boilerplate = cur_.boilerplate;
    if (!TrimBlanks(cur_.text).empty()) parts_.push_back(std::move(cur_));
    cur_ = DocumentPart();
    cur_.boilerplate = boilerplate;
    break_ = 0;
    space_ = false;
    after_marker_ = false;
  }

  std::vector<DocumentPart> parts_;
  DocumentPart cur_;
  int break_ = 0;
  bool space_ = false;
  bool after_marker_ = false;
};

// Writes the content root into parts, recording its links.
class ContentWriter {
 public:
  ContentWriter(StatsMap& stats, std::string base, std::size_t root_text)
      : stats_(stats), base_(std::move(base)), root_text_(root_text) {}

  void Run(const GumboNode* root) {
    struct Frame {
      const GumboNode* node;
      unsigned next = 0;
      bool boilerplate = false;
      std::size_t link_part = 0;
      std::size_t link_start = 0;
    };
    std::vector<Frame> stack;
    stack.push_back({root});
    while (!stack.empty()) {
      Frame& top = stack.back();
      const GumboNode* n = top.node;
      if (top.next < Children(n).length) {
        const GumboNode* child = Child(n, top.next++);
        if (child->type == GUMBO_NODE_TEXT || child->type == GUMBO_NODE_CDATA ||
            child->type == GUMBO_NODE_WHITESPACE) {
          out_.Text(child->v.text.text, pre_ > 0);
        } else if (IsElement(child)) {
          Frame f{child};
          if (Enter(child, &f.boilerplate)) {
            f.link_part = out_.Part();
            f.link_start = out_.Offset();
            stack.push_back(f);
          }
        }
        continue;
      }
      if (n != root) Exit(top);
      stack.pop_back();
    }
  }

  std::vector<DocumentPart> Parts() { return out_.Finish(); }
  std::vector<DocumentLink>& links() { return links_; }
  const std::unordered_map<const GumboNode*, std::size_t>& link_index() const {
    return link_index_;
  }

 private:
  // Opens `n`; false when its subtree is dropped.
  bool Enter(const GumboNode* n, bool* boilerplate) {
    const Role role = Classify(n, stats_, root_text_);
    if (role == Role::kDrop) return false;
    if (role == Role::kBoilerplate) {
      *boilerplate = true;
      if (boiler_++ == 0) out_.SetBoilerplate(true);
    }
    const GumboTag tag = Tag(n);
    if (IsHeading(tag) || IsBlock(tag)) out_.Break(2);
    if (tag == GUMBO_TAG_PRE) ++pre_;
    if (tag == GUMBO_TAG_BR || tag == GUMBO_TAG_TR) out_.Break(1);
    if (tag == GUMBO_TAG_HR) out_.Break(2);
    if (tag == GUMBO_TAG_LI) out_.Marker(ItemMarker(n));
    if ((tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH) && !FirstCell(n)) {
      out_.Text("; ", false);
    }
    return true;
  }

  template <typename Frame>
  void Exit(const Frame& f) {
    const GumboTag tag = Tag(f.node);
    if (IsHeading(tag) || IsBlock(tag)) out_.Break(2);
    if (tag == GUMBO_TAG_LI) out_.Break(1);
    if (tag == GUMBO_TAG_PRE) --pre_;
    if (tag == GUMBO_TAG_A) AddLink(f.node, f.link_part, f.link_start);
    if (f.boilerplate && --boiler_ == 0) out_.SetBoilerplate(false);
  }

  void AddLink(const GumboNode* a, std::size_t part, std::size_t start) {
    const std::string url = html::ResolveUrl(base_, Attr(a, "href"));
    if (url.empty()) return;
    DocumentLink link;
    link.url = url;
    if (part == out_.Part() && out_.Offset() > start) {
      const std::string& t = out_.CurrentText();
      while (start < t.size() && (t[start] == ' ' || t[start] == '\n')) {
        ++start;
      }
      link.part = part;
      link.start = start;
      link.end = t.size();
      link.text = t.substr(start);
    } else {
      link.text = CollapsedText(a, 300);
    }
    link_index_[a] = links_.size();
    links_.push_back(std::move(link));
  }

  static std::string ItemMarker(const GumboNode* li) {
    if (Tag(li->parent) != GUMBO_TAG_OL) return "\xE2\x80\xA2 ";
    std::size_t number = 1;
    for (unsigned i = 0; i < li->index_within_parent; ++i) {
      number += Tag(Child(li->parent, i)) == GUMBO_TAG_LI;
    }
    return std::to_string(number) + ". ";
  }

  static bool FirstCell(const GumboNode* cell) {
    for (unsigned i = 0; i < cell->index_within_parent; ++i) {
      const GumboTag t = Tag(Child(cell->parent, i));
      if (t == GUMBO_TAG_TD || t == GUMBO_TAG_TH) return false;
    }
    return true;
  }

  StatsMap& stats_;
  std::string base_;
  std::size_t root_text_;
  PartWriter out_;
  int boiler_ = 0;
  int pre_ = 0;
  std::vector<DocumentLink> links_;
  std::unordered_map<const GumboNode*, std::size_t> link_index_;
};

// Author and date from the page's byline elements ("Written by … on …",
// <time datetime>), for pages whose metadata does not say.
void BylineFromPage(const GumboNode* from, std::vector<std::string>* authors,
                    std::string* date) {
  Walk(from, [&](const GumboNode* n) {
    if (!IsElement(n)) return n->type == GUMBO_NODE_DOCUMENT;
    if (IsDropped(Tag(n)) && Tag(n) != GUMBO_TAG_NAV) return false;
    const std::vector<std::string> words = NameWords(n);
    if (Attr(n, "rel") == "author" || Attr(n, "itemprop") == "author" ||
        HasWord(words, {"author", "byline"})) {
      const std::string t = CollapsedText(n, 300);
      if (authors->empty()) {
        std::vector<std::string> names = ReadByline(t);
        if (names.empty() && IsPersonName(t)) names.push_back(t);
        *authors = std::move(names);
      }
      if (date->empty()) *date = FindDate(t).iso;
    }
    if (Tag(n) == GUMBO_TAG_TIME && date->empty()) {
      *date = IsoDate(Attr(n, "datetime"));
      if (date->empty()) *date = FindDate(CollapsedText(n, 200)).iso;
    }
    return authors->empty() || date->empty();
  });
}

std::string FirstHeading(const GumboNode* from) {
  std::string title;
  Walk(from, [&](const GumboNode* n) {
    if (!title.empty()) return false;
    if (Tag(n) == GUMBO_TAG_H1) {
      title = CollapsedText(n, 400);
      return false;
    }
    return !IsDropped(Tag(n));
  });
  return title;
}

// "Title | Site" -> "Title" when the site is the page's publisher.
std::string WithoutSiteName(std::string title, const std::string& site,
                            const std::string& publisher) {
  for (std::string_view sep :
       {" | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 "}) {
    const std::size_t at = title.rfind(sep);
    if (at == std::string::npos) continue;
    const std::string tail = LowerAscii(title.substr(at + sep.size()));
    if ((!site.empty() && tail == LowerAscii(site)) ||
        (!publisher.empty() && tail == LowerAscii(publisher))) {
      title.resize(at);
      break;
    }
  }
  return title;
}

using GumboPtr = std::unique_ptr<GumboOutput, void (*)(GumboOutput*)>;

void DestroyGumbo(GumboOutput* output) {
  gumbo_destroy_output(&kGumboDefaultOptions, output);
}

}  // namespace

Result<ImportedDocument> ReadHtmlArticle(std::string_view bytes,
                                         const std::string& name,
                                         Diagnostics* problems) {
  if (const std::size_t deep = DeepNestingOffset(bytes, kMaxNesting);
      deep != std::string_view::npos) {
    if (problems != nullptr) {
      problems->push_back({name, "byte " + std::to_string(deep),
                           "HTML nested deeper than " +
                               std::to_string(kMaxNesting) +
                               " elements; the rest of the page is ignored"});
    }
    bytes = bytes.substr(0, deep);
  }
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 0;  // parse errors are not reported; don't keep them
  GumboPtr output(
      gumbo_parse_with_options(&options, bytes.data(), bytes.size()),
      &DestroyGumbo);
  if (output == nullptr) {
    return Status::InvalidArgument(name + ": the HTML parser gave up");
  }
  const GumboNode* document = output->document;
  const html::PageMetadata meta = html::ReadPageMetadata(document);
  StatsMap stats = ComputeStats(document);
  const GumboNode* root = ChooseRoot(document, stats);
  const std::size_t root_text = stats[root].text;
  if (root_text < kMinRootText && problems != nullptr) {
    problems->push_back(
        {name, "",
         "little article text found (" + std::to_string(root_text) +
             " characters); the page may need its scripts to show it"});
  }

  ImportedDocument imported;
  ContentWriter writer(stats, meta.base, root_text);
  writer.Run(root);
  imported.parts = writer.Parts();
  std::vector<DocumentLink> links;
  std::vector<Citation> outside;
  // Every link of the page in document order; those the writer placed keep
  // their place.
  Walk(document, [&](const GumboNode* n) {
    if (!IsElement(n)) return n->type == GUMBO_NODE_DOCUMENT;
    const GumboTag tag = Tag(n);
    if (tag == GUMBO_TAG_SCRIPT || tag == GUMBO_TAG_STYLE ||
        tag == GUMBO_TAG_TEMPLATE || tag == GUMBO_TAG_NOSCRIPT) {
      return false;
    }
    if (tag != GUMBO_TAG_A) return true;
    const auto placed = writer.link_index().find(n);
    if (placed != writer.link_index().end()) {
      links.push_back(writer.links()[placed->second]);
    } else if (std::string url = html::ResolveUrl(meta.base, Attr(n, "href"));
               !url.empty()) {
      DocumentLink link;
      link.url = std::move(url);
      link.text = CollapsedText(n, 300);
      links.push_back(std::move(link));
    }
    return true;
  });
  for (const DocumentLink& link : links) {
    std::optional<Citation> c = CitationFromUrl(link.url);
    if (!c) continue;
    if (link.part == DocumentLink::kNoPart ||
        link.part >= imported.parts.size()) {
      outside.push_back(std::move(*c));  // a reference list outside the text
      continue;
    }
    c->start = link.start;
    c->end = link.end;
    imported.parts[link.part].citations.push_back(std::move(*c));
  }

  Document& doc = imported.document;
  doc.title = meta.title;
  if (doc.title.empty()) doc.title = FirstHeading(root);
  if (doc.title.empty()) doc.title = FirstHeading(document);
  if (doc.title.empty()) {
    doc.title =
        WithoutSiteName(meta.title_element, meta.site_name, meta.publisher);
  }
  doc.authors = meta.authors;
  doc.date = meta.date;
  if (doc.authors.empty() || doc.date.empty()) {
    BylineFromPage(root, &doc.authors, &doc.date);
    BylineFromPage(document, &doc.authors, &doc.date);
  }
  doc.url = meta.url;
  doc.language = meta.language;
  doc.doi = meta.doi;
  doc.pmid = meta.pmid;
  doc.citations = meta.citations;
  for (Citation& c : outside) doc.citations.push_back(std::move(c));
  imported.article.format = "html";
  imported.article.publisher =
      meta.publisher.empty() ? meta.site_name : meta.publisher;
  imported.article.description = meta.description;
  imported.article.date_modified = meta.date_modified;

  // The title leads the text unless the content already opens with it.
  const bool opens_with_title =
      !imported.parts.empty() &&
      TrimBlanks(imported.parts[0].text).starts_with(doc.title);
  if (!doc.title.empty() && !opens_with_title) {
    DocumentPart title;
    title.text = doc.title;
    title.title = true;
    imported.parts.insert(imported.parts.begin(), std::move(title));
    for (DocumentLink& link : links) {
      if (link.part != DocumentLink::kNoPart) ++link.part;
    }
  }
  for (DocumentPart& part : imported.parts) {
    std::stable_sort(
        part.citations.begin(), part.citations.end(),
        [](const Citation& a, const Citation& b) { return a.start < b.start; });
  }
  SplitPartsAtBoilerplate(&imported.parts, &links);
  AddWrittenCitations(&imported.parts);
  imported.article.links = std::move(links);
  return imported;
}

}  // namespace claimcheck::importers
