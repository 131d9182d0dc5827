// What a web page says about itself (importers/html_metadata.h). Each field
// takes the value of the most trusted source that has one: JSON-LD first
// (what the publisher tells search engines), then Open Graph and article:*,
// then Highwire citation_* (journal pages), then Dublin Core and older
// names. Covered by tests/importers/html_test.cc.
#include "html_metadata.h"

#include <rapidjson/document.h>

#include "claimcheck/citations.h"
#include "dates.h"
#include "html_dom.h"

namespace claimcheck::importers::html {

namespace {

// A value offered by several sources; the lowest rank wins.
struct Ranked {
  std::string value;
  int rank = 1000;
  void Offer(std::string_view v, int r) {
    while (!v.empty() && (v.front() == ' ' || v.front() == '\n')) {
      v.remove_prefix(1);
    }
    while (!v.empty() && (v.back() == ' ' || v.back() == '\n')) {
      v.remove_suffix(1);
    }
    if (!v.empty() && r < rank) {
      value = std::string(v);
      rank = r;
    }
  }
};

struct RankedList {
  std::vector<std::string> values;
  int rank = 1000;
  void Offer(std::vector<std::string> v, int r) {
    if (!v.empty() && r < rank) {
      values = std::move(v);
      rank = r;
    }
  }
};

bool IsUrl(std::string_view s) {
  return s.starts_with("http://") || s.starts_with("https://") ||
         s.starts_with("//");
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  }
  return out;
}

// ---- JSON-LD ----

using JsonValue = rapidjson::Value;

// Article-like types first; plain web pages only when nothing better.
int TypeRank(const JsonValue& type) {
  static const char* const kArticles[] = {"Article",
                                          "NewsArticle",
                                          "BlogPosting",
                                          "ScholarlyArticle",
                                          "MedicalScholarlyArticle",
                                          "Report",
                                          "TechArticle",
                                          "MedicalWebPage",
                                          "HealthTopicContent",
                                          "AnalysisNewsArticle",
                                          "OpinionNewsArticle",
                                          "ReportageNewsArticle",
                                          "LiveBlogPosting",
                                          "BackgroundNewsArticle",
                                          "ReviewNewsArticle",
                                          "SocialMediaPosting"};
  static const char* const kPages[] = {"WebPage", "ItemPage", "QAPage",
                                       "FAQPage", "AboutPage"};
  int best = -1;
  auto rank_of = [&](std::string_view t) {
    for (const char* a : kArticles) {
      if (t == a) return 0;
    }
    for (const char* p : kPages) {
      if (t == p) return 1;
    }
    return -1;
  };
  auto consider = [&](const JsonValue& v) {
    if (!v.IsString()) return;
    const int r = rank_of(std::string_view(v.GetString(), v.GetStringLength()));
    if (r >= 0 && (best < 0 || r < best)) best = r;
  };
  if (type.IsArray()) {
    for (const JsonValue& t : type.GetArray()) consider(t);
  } else {
    consider(type);
  }
  return best;
}

std::string Str(const JsonValue& obj, const char* key) {
  if (!obj.IsObject()) return {};
  const auto it = obj.FindMember(key);
  if (it == obj.MemberEnd()) return {};
  if (it->value.IsString()) {
    return std::string(it->value.GetString(), it->value.GetStringLength());
  }
  if (it->value.IsObject()) return Str(it->value, "@id");
  return {};
}

// Person or Organization names: "X", {"name": "X"}, [ … ].
std::vector<std::string> Names(const JsonValue& v) {
  std::vector<std::string> out;
  auto one = [&](const JsonValue& x) {
    std::string name = x.IsString()
                           ? std::string(x.GetString(), x.GetStringLength())
                           : Str(x, "name");
    if (!name.empty() && !IsUrl(name)) out.push_back(std::move(name));
  };
  if (v.IsArray()) {
    for (const JsonValue& x : v.GetArray()) one(x);
  } else {
    one(v);
  }
  return out;
}

std::vector<std::string> NamesAt(const JsonValue& obj, const char* key) {
  const auto it = obj.FindMember(key);
  return it == obj.MemberEnd() ? std::vector<std::string>{} : Names(it->value);
}

void JsonCitations(const JsonValue& v, std::vector<Citation>* out) {
  auto one = [&](const JsonValue& x) {
    std::string url = x.IsString()
                          ? std::string(x.GetString(), x.GetStringLength())
                          : Str(x, "url");
    if (url.empty()) url = Str(x, "sameAs");
    if (url.empty()) url = Str(x, "@id");
    if (std::optional<Citation> linked = CitationFromUrl(url)) {
      out->push_back(std::move(*linked));
    } else if (std::string name = Str(x, "name"); !name.empty()) {
      Citation written;
      written.text = std::move(name);
      out->push_back(std::move(written));
    }
  };
  if (v.IsArray()) {
    for (const JsonValue& x : v.GetArray()) one(x);
  } else {
    one(v);
  }
}

struct JsonLdArticle {
  int rank = 1000;
  const JsonValue* node = nullptr;
};

// Finds the most article-like object, looking through arrays and @graph.
void FindArticle(const JsonValue& v, int depth, JsonLdArticle* best) {
  if (depth > 8) return;
  if (v.IsArray()) {
    for (const JsonValue& x : v.GetArray()) FindArticle(x, depth + 1, best);
    return;
  }
  if (!v.IsObject()) return;
  if (const auto g = v.FindMember("@graph"); g != v.MemberEnd()) {
    FindArticle(g->value, depth + 1, best);
  }
  const auto t = v.FindMember("@type");
  if (t == v.MemberEnd()) return;
  const int rank = TypeRank(t->value);
  if (rank >= 0 && rank < best->rank) {
    best->rank = rank;
    best->node = &v;
  }
}

struct Fields {
  Ranked title, date, modified, url, publisher, site_name, description, doi,
      pmid, title_element, language, base;
  RankedList authors;
  std::vector<Citation> citations;
  std::vector<std::string> citation_authors;
};

void ReadJsonLd(std::string_view json, Fields* f) {
  rapidjson::Document d;
  // Iterative parsing: a hostile page cannot nest its way past the stack.
  d.Parse<rapidjson::kParseIterativeFlag | rapidjson::kParseTrailingCommasFlag |
          rapidjson::kParseCommentsFlag>(json.data(), json.size());
  if (d.HasParseError()) return;
  JsonLdArticle best;
  FindArticle(d, 0, &best);
  if (best.node == nullptr) return;
  const JsonValue& a = *best.node;
  const int r = best.rank;  // 0 or 1: both beat every <meta>
  f->title.Offer(Str(a, "headline"), r);
  f->title.Offer(Str(a, "name"), r + 1);
  std::vector<std::string> authors = NamesAt(a, "author");
  if (authors.empty()) authors = NamesAt(a, "creator");
  f->authors.Offer(std::move(authors), r);
  f->date.Offer(IsoDate(Str(a, "datePublished")), r);
  f->date.Offer(IsoDate(Str(a, "dateCreated")), r + 1);
  f->modified.Offer(IsoDate(Str(a, "dateModified")), r);
  std::vector<std::string> publisher = NamesAt(a, "publisher");
  if (!publisher.empty()) f->publisher.Offer(publisher[0], r);
  f->url.Offer(Str(a, "url"), r + 2);
  f->url.Offer(Str(a, "mainEntityOfPage"), r + 3);
  f->description.Offer(Str(a, "description"), r + 1);
  if (const auto c = a.FindMember("citation"); c != a.MemberEnd()) {
    JsonCitations(c->value, &f->citations);
  }
}

// ---- <meta>, <link>, <title> ----

void ReadMeta(std::string_view key, std::string_view content, Fields* f) {
  const std::string k = Lower(key);
  if (k == "og:title") f->title.Offer(content, 10);
  if (k == "citation_title") f->title.Offer(content, 11);
  if (k == "dc.title" || k == "dcterms.title") f->title.Offer(content, 12);
  if (k == "twitter:title") f->title.Offer(content, 13);
  if (k == "title") f->title.Offer(content, 14);
  if ((k == "article:author" || k == "author") && !IsUrl(content)) {
    f->authors.Offer({std::string(content)}, 10);
  }
  if (k == "citation_author") f->citation_authors.emplace_back(content);
  if (k == "dc.creator" || k == "parsely-author" || k == "sailthru.author") {
    f->authors.Offer({std::string(content)}, 13);
  }
  if (k == "article:published_time" || k == "og:published_time") {
    f->date.Offer(IsoDate(content), 10);
  }
  if (k == "citation_publication_date" || k == "citation_date" ||
      k == "citation_online_date") {
    f->date.Offer(IsoDate(content), 11);
  }
  if (k == "dc.date" || k == "dc.date.issued" || k == "dcterms.date" ||
      k == "dcterms.created") {
    f->date.Offer(IsoDate(content), 12);
  }
  if (k == "date" || k == "pubdate" || k == "publish-date" ||
      k == "publishdate" || k == "parsely-pub-date" || k == "sailthru.date") {
    f->date.Offer(IsoDate(content), 13);
  }
  if (k == "article:modified_time" || k == "og:updated_time") {
    f->modified.Offer(IsoDate(content), 10);
  }
  if (k == "og:url") f->url.Offer(content, 10);
  if (k == "citation_abstract_html_url") f->url.Offer(content, 11);
  if (k == "og:site_name") f->site_name.Offer(content, 10);
  if (k == "article:publisher" && !IsUrl(content)) {
    f->publisher.Offer(content, 10);
  }
  if (k == "citation_publisher" || k == "citation_journal_title") {
    f->publisher.Offer(content, 11);
  }
  if (k == "og:description") f->description.Offer(content, 10);
  if (k == "description") f->description.Offer(content, 11);
  if (k == "citation_doi") f->doi.Offer(NormalizeDoi(content), 10);
  if (k == "dc.identifier") f->doi.Offer(NormalizeDoi(content), 11);
  if (k == "citation_pmid") f->pmid.Offer(content, 10);
}

std::string ElementText(const GumboNode* n) {
  std::string out;
  const GumboVector& kids = Children(n);
  for (unsigned i = 0; i < kids.length; ++i) {
    const GumboNode* k = Child(n, i);
    if (k->type == GUMBO_NODE_TEXT || k->type == GUMBO_NODE_CDATA ||
        k->type == GUMBO_NODE_WHITESPACE) {
      out += k->v.text.text;
    }
  }
  return out;
}

// "/news/../about" -> "/about" (RFC 3986, 5.2.4).
std::string RemoveDotSegments(std::string_view path) {
  std::vector<std::string_view> out;
  std::size_t pos = 0;
  while (pos < path.size()) {
    std::size_t slash = path.find('/', pos + 1);
    if (slash == std::string_view::npos) slash = path.size();
    const std::string_view seg = path.substr(pos, slash - pos);  // "/x"
    if (seg == "/..") {
      if (!out.empty()) out.pop_back();
      if (slash == path.size()) out.push_back("/");
    } else if (seg == "/.") {
      if (slash == path.size()) out.push_back("/");
    } else {
      out.push_back(seg);
    }
    pos = slash;
  }
  std::string joined;
  for (std::string_view seg : out) joined += seg;
  return joined.empty() ? "/" : joined;
}

}  // namespace

std::string ResolveUrl(std::string_view base, std::string_view href) {
  while (!href.empty() && (href.front() == ' ' || href.front() == '\n')) {
    href.remove_prefix(1);
  }
  while (!href.empty() && (href.back() == ' ' || href.back() == '\n')) {
    href.remove_suffix(1);
  }
  const std::string lower = Lower(href.substr(0, 12));
  if (href.empty() || href.front() == '#' || lower.starts_with("javascript:") ||
      lower.starts_with("mailto:") || lower.starts_with("tel:") ||
      lower.starts_with("data:")) {
    return {};
  }
  if (lower.starts_with("http://") || lower.starts_with("https://")) {
    return std::string(href);
  }
  const std::size_t scheme_end = base.find("://");
  if (href.starts_with("//")) {
    return (scheme_end == std::string_view::npos
                ? std::string("https:")
                : std::string(base.substr(0, scheme_end + 1))) +
           std::string(href);
  }
  if (scheme_end == std::string_view::npos) return std::string(href);
  const std::size_t host_end = base.find('/', scheme_end + 3);
  const std::string_view origin = base.substr(0, host_end);
  if (href.front() == '/') return std::string(origin) + std::string(href);
  std::string_view path = host_end == std::string_view::npos
                              ? std::string_view("/")
                              : base.substr(host_end);
  path = path.substr(0, path.find_first_of("?#"));
  path = path.substr(0, path.rfind('/') + 1);
  const std::string joined = std::string(path) + std::string(href);
  const std::size_t query = joined.find_first_of("?#");
  return std::string(origin) +
         RemoveDotSegments(std::string_view(joined).substr(0, query)) +
         (query == std::string::npos ? "" : joined.substr(query));
}

PageMetadata ReadPageMetadata(const GumboNode* document) {
  Fields f;
  Walk(document, [&](const GumboNode* n) {
    switch (Tag(n)) {
      case GUMBO_TAG_HTML:
        f.language.Offer(Attr(n, "lang"), 10);
        return true;
      case GUMBO_TAG_TITLE:
        f.title_element.Offer(ElementText(n), 10);
        return false;
      case GUMBO_TAG_META: {
        std::string_view key = Attr(n, "property");
        if (key.empty()) key = Attr(n, "name");
        if (key.empty()) key = Attr(n, "itemprop");
        ReadMeta(key, Attr(n, "content"), &f);
        return false;
      }
      case GUMBO_TAG_LINK:
        if (Lower(Attr(n, "rel")) == "canonical") {
          f.url.Offer(Attr(n, "href"), 5);
        }
        return false;
      case GUMBO_TAG_BASE:
        f.base.Offer(Attr(n, "href"), 10);
        return false;
      case GUMBO_TAG_SCRIPT:
        if (Lower(Attr(n, "type")) == "application/ld+json") {
          ReadJsonLd(ElementText(n), &f);
        }
        return false;
      case GUMBO_TAG_STYLE:
        return false;
      default:
        return true;
    }
  });
  if (!f.citation_authors.empty()) {
    f.authors.Offer(f.citation_authors, 11);
  }
  PageMetadata m;
  m.title = f.title.value;
  m.title_element = f.title_element.value;
  m.authors = f.authors.values;
  m.date = f.date.value;
  m.date_modified = f.modified.value;
  m.url = f.url.value;
  m.base = f.base.value.empty() ? m.url : ResolveUrl(m.url, f.base.value);
  m.publisher = f.publisher.value;
  m.site_name = f.site_name.value;
  m.description = f.description.value;
  m.language = f.language.value;
  m.doi = f.doi.value;
  m.pmid = f.pmid.value;
  m.citations = std::move(f.citations);
  return m;
}

}  // namespace claimcheck::importers::html
