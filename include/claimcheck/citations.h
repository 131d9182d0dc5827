// Citations: the references an article makes to studies — PubMed, PMC and
// DOI links in all their forms, identifiers written in the text, and
// plain-text references ("Abbasi et al., 2012", "a study published in
// Magnesium Research"). The article importers use them to fill
// Document::citations; the audit checks what they name against the
// knowledge base. Covered by tests/importers/citations_test.cc.
#ifndef CLAIMCHECK_CITATIONS_H_
#define CLAIMCHECK_CITATIONS_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "claimcheck/document.h"

namespace claimcheck {

// The study a URL points at, or nullopt for any other URL. Read forms:
//   PubMed: ncbi.nlm.nih.gov/pubmed/123, ncbi.nlm.nih.gov/pubmed/?term=123,
//           pubmed.ncbi.nlm.nih.gov/123/, ncbi.nlm.nih.gov/123,
//           europepmc.org/article/MED/123                       -> pmid
//   PMC:    ncbi.nlm.nih.gov/pmc/articles/PMC123/,
//           pmc.ncbi.nlm.nih.gov/articles/PMC123/                -> pmcid
//   DOI:    doi.org/10.…, dx.doi.org/10.…, a publisher's …/doi/10.…
//           (also …/doi/full/10.…, …/doi/abs/10.…), ?doi=10.…     -> doi
//   a page on a known journal host (academic.oup.com, sciencedirect.com,
//   nature.com, thelancet.com …)                                 -> url only
// The scheme and "www." are optional. The returned citation keeps `url` as
// given (trimmed) in Citation::url; start/end are 0.
std::optional<Citation> CitationFromUrl(std::string_view url);

// A DOI as claimcheck keeps it: "10.xxxx/…", percent-decoded, lower-cased,
// without a "doi:" or resolver prefix and without trailing punctuation.
// Empty when `text` does not start with a DOI after such a prefix.
std::string NormalizeDoi(std::string_view text);

// Every citation written in `text` (UTF-8), in order and not overlapping,
// start/end being byte offsets into `text`:
//   - URLs that CitationFromUrl reads (other URLs are skipped);
//   - "PMID: 123", "PMID 123", "PMCID: PMC123", "PMC123", "doi:10.…",
//     "DOI 10.…" and bare "10.1234/…" DOIs;
//   - author–year references: "Abbasi et al., 2012", "Abbasi et al. (2012)",
//     "Abbasi and Rahimi, 2012", "(Abbasi, 2012)" — Citation::text only;
//   - "published in JOURNAL" phrases: "a study published in Magnesium
//     Research", "in the journal Nutrients" — Citation::text only.
// Linear in the size of `text`.
std::vector<Citation> FindCitations(std::string_view text);

// True when `citation` names its source by an identifier or a link (pmid,
// doi, pmcid or url) rather than in words only. A claim next to such a
// citation is `cited`; next to a words-only reference it is `unnamed` until
// the reference is matched to a known study.
bool IsIdentified(const Citation& citation);

// True when `a` and `b` name the same source: the same pmid, pmcid or doi,
// or (with none of those) the same url or the same text.
bool SameSource(const Citation& a, const Citation& b);

}  // namespace claimcheck

#endif  // CLAIMCHECK_CITATIONS_H_
