// Citations in links (include/claimcheck/citations.h): PubMed, PMC and DOI
// URLs in their many forms, journal hosts, DOI normalisation. The text
// scanners are in citation_text.cc. Covered by
// tests/importers/citations_test.cc.
#include "claimcheck/citations.h"

#include <algorithm>
#include <array>

#include "citation_util.h"

namespace claimcheck {

namespace {

using citation_util::EndsWith;
using citation_util::IsDigit;
using citation_util::IsPmid;
using citation_util::IsSpace;
using citation_util::kNpos;
using citation_util::LeadingDigits;
using citation_util::LowerCopy;
using citation_util::PercentDecode;
using citation_util::PmcId;
using citation_util::StartsWithNoCase;
using citation_util::TrimTrailing;

std::vector<std::string_view> Segments(std::string_view path) {
  std::vector<std::string_view> out;
  std::size_t pos = 0;
  while (pos <= path.size()) {
    std::size_t slash = path.find('/', pos);
    if (slash == std::string_view::npos) slash = path.size();
    if (slash > pos) out.push_back(path.substr(pos, slash - pos));
    pos = slash + 1;
  }
  return out;
}

// The value of `key` in a URL query ("term=123&x=y" -> "123").
std::string_view QueryValue(std::string_view query, std::string_view key) {
  std::size_t pos = 0;
  while (pos < query.size()) {
    std::size_t amp = query.find('&', pos);
    if (amp == std::string_view::npos) amp = query.size();
    const std::string_view pair = query.substr(pos, amp - pos);
    if (StartsWithNoCase(pair, key) && pair.size() > key.size() &&
        pair[key.size()] == '=') {
      return pair.substr(key.size() + 1);
    }
    pos = amp + 1;
  }
  return kNpos;
}

// Hosts whose pages are journal articles, study records or library records
// of books (Healthline cites textbooks through lccn.loc.gov): a link to one
// is a citation by its URL even without a PMID or DOI in it.
constexpr std::array<std::string_view, 48> kJournalHosts = {
    "academic.oup.com",
    "sciencedirect.com",
    "springer.com",
    "nature.com",
    "thelancet.com",
    "bmj.com",
    "jamanetwork.com",
    "nejm.org",
    "cochranelibrary.com",
    "frontiersin.org",
    "mdpi.com",
    "plos.org",
    "karger.com",
    "biomedcentral.com",
    "cell.com",
    "jci.org",
    "ahajournals.org",
    "wiley.com",
    "tandfonline.com",
    "sagepub.com",
    "pnas.org",
    "science.org",
    "sciencemag.org",
    "ingentaconnect.com",
    "acpjournals.org",
    "annals.org",
    "nutrition.org",
    "lww.com",
    "liebertpub.com",
    "dovepress.com",
    "hindawi.com",
    "europepmc.org",
    "ncbi.nlm.nih.gov",
    "clinicaltrials.gov",
    "physiology.org",
    "jstage.jst.go.jp",
    "medrxiv.org",
    "biorxiv.org",
    "thieme-connect.com",
    "cmaj.ca",
    "atsjournals.org",
    "aacrjournals.org",
    "diabetesjournals.org",
    "psychiatryonline.org",
    "ersjournals.com",
    "journals.plos.org",
    "lccn.loc.gov",
    "worldcat.org"};

bool IsJournalHost(std::string_view host) {
  for (std::string_view h : kJournalHosts) {
    if (host == h ||
        (EndsWith(host, h) && host[host.size() - h.size() - 1] == '.')) {
      return true;
    }
  }
  return false;
}

// Publisher paths put words between "/doi/" and the DOI.
std::string DoiAfterDoiSegment(std::string_view path) {
  std::size_t at = 0;
  while ((at = LowerCopy(path).find("/doi/", at)) != std::string::npos) {
    std::string_view rest = path.substr(at + 5);
    for (std::string_view word :
         {"abs/", "full/", "pdf/", "epdf/", "pdfdirect/", "book/", "fulltext/",
          "figure/", "suppl/", "reader/"}) {
      if (StartsWithNoCase(rest, word)) {
        rest.remove_prefix(word.size());
        break;
      }
    }
    std::string doi = NormalizeDoi(rest);
    for (std::string_view tail :
         {"/abstract", "/full", "/pdf", "/epdf", "/fulltext", "/summary"}) {
      if (EndsWith(doi, tail)) doi.resize(doi.size() - tail.size());
    }
    if (!doi.empty()) return doi;
    at += 5;
  }
  return {};
}

// PubMed and PMC paths on ncbi.nlm.nih.gov and its pubmed./pmc. hosts.
void ReadNcbiPath(std::string_view host, std::string_view path,
                  std::string_view query, Citation* c) {
  const std::vector<std::string_view> seg = Segments(path);
  std::string_view term = LeadingDigits(QueryValue(query, "term"));
  if (host == "pubmed.ncbi.nlm.nih.gov" || host == "pubmed.gov") {
    if (!seg.empty() && IsPmid(seg[0])) c->pmid = seg[0];
    if (seg.empty() && IsPmid(term)) c->pmid = term;
    return;
  }
  if (host == "pmc.ncbi.nlm.nih.gov") {
    if (seg.size() >= 2 && seg[0] == "articles") c->pmcid = PmcId(seg[1]);
    return;
  }
  if (seg.empty()) return;
  if (seg[0] == "pubmed") {
    if (seg.size() >= 2 && IsPmid(seg[1])) c->pmid = seg[1];
    if (seg.size() == 1 && IsPmid(term)) c->pmid = term;
  } else if (seg[0] == "pmc" && seg.size() >= 3 && seg[1] == "articles") {
    if (seg[2] == "pmid" && seg.size() >= 4 && IsPmid(seg[3])) {
      c->pmid = seg[3];
    } else {
      c->pmcid = PmcId(seg[2]);
    }
  } else if (seg.size() == 1 && IsPmid(seg[0])) {
    c->pmid = seg[0];  // the short form ncbi.nlm.nih.gov/123
  }
}

void ReadEuropePmcPath(std::string_view path, Citation* c) {
  const std::vector<std::string_view> seg = Segments(path);
  for (std::size_t i = 0; i + 1 < seg.size(); ++i) {
    if ((seg[i] == "MED" || seg[i] == "med") && IsPmid(seg[i + 1])) {
      c->pmid = seg[i + 1];
    }
    if (c->pmcid.empty()) c->pmcid = PmcId(seg[i + 1]);
  }
}

}  // namespace

std::string NormalizeDoi(std::string_view text) {
  std::string_view s = text;
  while (!s.empty() && IsSpace(s.front())) s.remove_prefix(1);
  for (std::string_view prefix :
       {"https://doi.org/", "http://doi.org/", "https://dx.doi.org/",
        "http://dx.doi.org/", "doi.org/", "dx.doi.org/", "doi:", "doi "}) {
    if (StartsWithNoCase(s, prefix)) {
      s.remove_prefix(prefix.size());
      break;
    }
  }
  while (!s.empty() && IsSpace(s.front())) s.remove_prefix(1);
  std::size_t e = 0;
  while (e < s.size() && !IsSpace(s[e]) && s[e] != '"' && s[e] != '<' &&
         s[e] != '>' && s[e] != '?' && s[e] != '#') {
    ++e;
  }
  std::string doi = PercentDecode(s.substr(0, e));
  doi.resize(TrimTrailing(doi, doi.size()));
  while (!doi.empty() && doi.back() == '/') doi.pop_back();
  // 10.<registrant, 4–9 digits, maybe dotted>/<suffix>
  if (doi.size() < 8 || doi.compare(0, 3, "10.") != 0) return {};
  std::size_t k = 3;
  while (k < doi.size() && (IsDigit(doi[k]) || doi[k] == '.')) ++k;
  if (k - 3 < 4 || k - 3 > 12 || k >= doi.size() || doi[k] != '/' ||
      k + 1 >= doi.size()) {
    return {};
  }
  return LowerCopy(doi);
}

std::optional<Citation> CitationFromUrl(std::string_view url) {
  std::string_view u = url;
  while (!u.empty() && IsSpace(u.front())) u.remove_prefix(1);
  while (!u.empty() && IsSpace(u.back())) u.remove_suffix(1);
  Citation c;
  c.url = std::string(u);
  std::string_view rest = u;
  for (std::string_view scheme : {"https://", "http://", "//"}) {
    if (StartsWithNoCase(rest, scheme)) {
      rest.remove_prefix(scheme.size());
      break;
    }
  }
  const std::size_t host_end = rest.find_first_of("/?#");
  std::string host = LowerCopy(rest.substr(0, host_end));
  if (const std::size_t colon = host.find(':'); colon != std::string::npos) {
    host.resize(colon);
  }
  for (std::string_view prefix : {"www.", "m."}) {
    if (host.starts_with(prefix)) host.erase(0, prefix.size());
  }
  std::string_view path =
      host_end == std::string_view::npos ? "" : rest.substr(host_end);
  if (const std::size_t hash = path.find('#'); hash != std::string_view::npos) {
    path = path.substr(0, hash);
  }
  std::string_view query;
  if (const std::size_t q = path.find('?'); q != std::string_view::npos) {
    query = path.substr(q + 1);
    path = path.substr(0, q);
  }
  if (host == "doi.org" || host == "dx.doi.org") {
    c.doi = NormalizeDoi(path.empty() ? path : path.substr(1));
  } else if (host == "ncbi.nlm.nih.gov" ||
             host.ends_with(".ncbi.nlm.nih.gov") || host == "pubmed.gov") {
    ReadNcbiPath(host, path, query, &c);
  } else if (host == "europepmc.org") {
    ReadEuropePmcPath(path, &c);
  }
  if (c.doi.empty()) c.doi = DoiAfterDoiSegment(path);
  if (c.doi.empty()) {
    const std::string_view q = QueryValue(query, "doi");
    if (!q.empty()) c.doi = NormalizeDoi(q);
  }
  if (c.pmid.empty() && c.pmcid.empty() && c.doi.empty()) {
    // Without an identifier, PubMed itself is a search, not a study; its
    // Bookshelf and the journals' own pages are.
    const bool ncbi = host == "pubmed.gov" || host == "ncbi.nlm.nih.gov" ||
                      host.ends_with(".ncbi.nlm.nih.gov");
    if (ncbi ? !path.starts_with("/books/") : !IsJournalHost(host)) {
      return std::nullopt;
    }
  }
  return c;
}

bool IsIdentified(const Citation& citation) {
  return !citation.pmid.empty() || !citation.doi.empty() ||
         !citation.pmcid.empty() || !citation.url.empty();
}

bool SameSource(const Citation& a, const Citation& b) {
  if (!a.pmid.empty() && a.pmid == b.pmid) return true;
  if (!a.pmcid.empty() && a.pmcid == b.pmcid) return true;
  if (!a.doi.empty() && a.doi == b.doi) return true;
  const bool a_id = !a.pmid.empty() || !a.pmcid.empty() || !a.doi.empty();
  const bool b_id = !b.pmid.empty() || !b.pmcid.empty() || !b.doi.empty();
  if (a_id || b_id) return false;
  if (!a.url.empty() || !b.url.empty()) return a.url == b.url;
  return a.text == b.text;
}

}  // namespace claimcheck
