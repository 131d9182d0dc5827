// Citations written in text (FindCitations, include/claimcheck/citations.h):
// URLs, PMIDs, PMC ids, DOIs, author–year references and "published in
// JOURNAL" phrases. Hand-written scanners rather than std::regex: linear
// time and no deep recursion on a 10 MB line. Covered by
// tests/importers/citations_test.cc.
#include <algorithm>
#include <array>
#include <optional>

#include "citation_util.h"
#include "claimcheck/citations.h"

namespace claimcheck {

namespace {

using citation_util::IsDigit;
using citation_util::IsLower;
using citation_util::IsPmid;
using citation_util::IsSpace;
using citation_util::IsUpper;
using citation_util::IsWordByte;
using citation_util::LeadingDigits;
using citation_util::LowerCopy;
using citation_util::PmcId;
using citation_util::StartsWithNoCase;
using citation_util::TrimTrailing;

// ---- scanners over text: each reads at `i` and sets *end past what it
// read, or returns false ----

const char* const kHostStarts[] = {"pubmed.ncbi.nlm.nih.gov",
                                   "ncbi.nlm.nih.gov",
                                   "pmc.ncbi.nlm.nih.gov",
                                   "doi.org/",
                                   "dx.doi.org/",
                                   "europepmc.org/"};

// The end of a URL starting at i: up to white space, quotes, angle brackets
// or non-ASCII, less trailing punctuation.
std::size_t UrlEnd(std::string_view text, std::size_t i) {
  std::size_t e = i;
  while (e < text.size() && !IsSpace(text[e]) && text[e] != '"' &&
         text[e] != '<' && text[e] != '>' &&
         static_cast<unsigned char>(text[e]) < 0x80) {
    ++e;
  }
  return i + TrimTrailing(text.substr(i, e - i), e - i);
}

bool ReadUrl(std::string_view text, std::size_t i, Citation* c,
             std::size_t* end) {
  const std::string_view s = text.substr(i);
  bool url = StartsWithNoCase(s, "http://") ||
             StartsWithNoCase(s, "https://") || StartsWithNoCase(s, "www.");
  for (const char* host : kHostStarts) url |= StartsWithNoCase(s, host);
  if (!url) return false;
  *end = UrlEnd(text, i);
  std::optional<Citation> found = CitationFromUrl(text.substr(i, *end - i));
  if (found) *c = std::move(*found);
  return true;  // a URL either way: its insides are not read again
}

// "PMID: 123", "PMID 123", "PMID:123", "PubMed ID 123".
bool ReadPmid(std::string_view text, std::size_t i, Citation* c,
              std::size_t* end) {
  std::size_t j = i;
  if (StartsWithNoCase(text.substr(i), "pmid")) {
    j += 4;
  } else if (StartsWithNoCase(text.substr(i), "pubmed id")) {
    j += 9;
  } else {
    return false;
  }
  if (j < text.size() && IsWordByte(text[j])) return false;
  while (j < text.size() && (text[j] == ' ' || text[j] == ':' ||
                             text[j] == '#' || text[j] == '-')) {
    ++j;
  }
  const std::string_view digits = LeadingDigits(text.substr(j));
  if (!IsPmid(digits)) return false;
  c->pmid = digits;
  *end = j + digits.size();
  return true;
}

// "PMCID: PMC123", "PMC123".
bool ReadPmc(std::string_view text, std::size_t i, Citation* c,
             std::size_t* end) {
  std::size_t j = i;
  if (StartsWithNoCase(text.substr(i), "pmcid")) {
    j += 5;
    while (j < text.size() && (text[j] == ' ' || text[j] == ':')) ++j;
  }
  std::string id = PmcId(text.substr(j));
  if (id.empty() && j > i) {
    // "PMCID: 123" without the PMC prefix.
    const std::string_view digits = LeadingDigits(text.substr(j));
    if (!digits.empty() && digits.size() <= 9) id = "PMC" + std::string(digits);
  }
  if (id.empty()) return false;
  c->pmcid = id;
  *end =
      j + (StartsWithNoCase(text.substr(j), "pmc") ? 3 : 0) + (id.size() - 3);
  return true;
}

// "doi:10.…", "DOI 10.…", and a bare "10.1234/…".
bool ReadDoi(std::string_view text, std::size_t i, Citation* c,
             std::size_t* end) {
  std::size_t j = i;
  if (StartsWithNoCase(text.substr(i), "doi")) {
    j += 3;
    const std::size_t after_word = j;
    while (j < text.size() && (text[j] == ' ' || text[j] == ':')) ++j;
    if (j == after_word) return false;
  }
  if (text.substr(j, 3) != "10.") return false;
  std::size_t e = j;
  while (e < text.size() && !IsSpace(text[e]) && text[e] != '"' &&
         text[e] != '<' && text[e] != '>' &&
         static_cast<unsigned char>(text[e]) < 0x80) {
    ++e;
  }
  e = j + TrimTrailing(text.substr(j, e - j), e - j);
  std::string doi = NormalizeDoi(text.substr(j, e - j));
  if (doi.empty()) return false;
  c->doi = std::move(doi);
  *end = e;
  return true;
}

constexpr std::array<std::string_view, 19> kNotSurnames = {
    "January", "February",  "March",   "April",    "May",      "June", "July",
    "August",  "September", "October", "November", "December", "The",  "This",
    "In",      "And",       "But",     "Since",    "From"};

// A capitalised word: "Abbasi", "O'Brien", "Müller", "Smith-Jones".
bool ReadSurname(std::string_view text, std::size_t* j) {
  const std::size_t start = *j;
  if (start >= text.size()) return false;
  const unsigned char first = static_cast<unsigned char>(text[start]);
  if (!IsUpper(text[start]) && first < 0xC0) return false;
  std::size_t k = start + 1;
  while (k < text.size() && static_cast<unsigned char>(text[k]) >= 0x80 &&
         static_cast<unsigned char>(text[k]) < 0xC0) {
    ++k;  // rest of a non-ASCII first letter
  }
  if (k >= text.size() ||
      !(IsLower(text[k]) || static_cast<unsigned char>(text[k]) >= 0x80 ||
        text[k] == '\'')) {
    return false;  // "PMC", "USA": not a surname
  }
  while (k < text.size() &&
         (IsWordByte(text[k]) || text[k] == '\'' ||
          (text[k] == '-' && k + 1 < text.size() && IsUpper(text[k + 1])))) {
    if (IsDigit(text[k])) return false;
    ++k;
  }
  const std::string_view word = text.substr(start, k - start);
  for (std::string_view no : kNotSurnames) {
    if (word == no) return false;
  }
  *j = k;
  return true;
}

std::size_t SkipSpaces(std::string_view text, std::size_t j) {
  while (j < text.size() && text[j] == ' ') ++j;
  return j;
}

// "2012", "2012a" (1900–2099), not followed by more digits.
bool ReadYear(std::string_view text, std::size_t* j) {
  const std::size_t k = *j;
  if (k + 4 > text.size()) return false;
  const std::string_view y = text.substr(k, 4);
  if (!std::all_of(y.begin(), y.end(), IsDigit)) return false;
  if (y.substr(0, 2) != "19" && y.substr(0, 2) != "20") return false;
  std::size_t e = k + 4;
  if (e < text.size() && IsDigit(text[e])) return false;
  if (e < text.size() && IsLower(text[e]) &&
      (e + 1 >= text.size() || !IsWordByte(text[e + 1]))) {
    ++e;
  }
  *j = e;
  return true;
}

// ", 2012", " (2012)", ", (2012)": the year after an author list.
bool ReadYearAfterAuthors(std::string_view text, std::size_t* j) {
  std::size_t m = *j;
  if (m < text.size() && text[m] == ',') ++m;
  m = SkipSpaces(text, m);
  const bool paren = m < text.size() && text[m] == '(';
  if (paren) ++m;
  if (!ReadYear(text, &m)) return false;
  if (paren) {
    if (m >= text.size() || text[m] != ')') return false;
    ++m;
  }
  *j = m;
  return true;
}

// "Abbasi et al., 2012", "Abbasi et al. (2012)", "Abbasi et al.",
// "Abbasi and Rahimi, 2012", "Abbasi & Rahimi (2012)", "(Abbasi, 2012)".
bool ReadAuthorYear(std::string_view text, std::size_t i, Citation* c,
                    std::size_t* end) {
  std::size_t j = i;
  if (!ReadSurname(text, &j)) return false;
  const std::size_t after_name = j;
  std::size_t k = SkipSpaces(text, j);
  std::size_t m = 0;
  bool found = false;
  for (std::string_view etal : {"et al", "et. al"}) {
    if (k > after_name && StartsWithNoCase(text.substr(k), etal) &&
        (k + etal.size() >= text.size() ||
         !IsWordByte(text[k + etal.size()]))) {
      m = k + etal.size();
      if (m < text.size() && text[m] == '.') ++m;
      std::size_t with_year = m;
      if (ReadYearAfterAuthors(text, &with_year)) m = with_year;
      found = true;
      break;
    }
  }
  if (!found && k > after_name &&
      (StartsWithNoCase(text.substr(k), "and ") || text.substr(k, 2) == "& ")) {
    m = SkipSpaces(text, k + (text[k] == '&' ? 1 : 3));
    found = ReadSurname(text, &m) && ReadYearAfterAuthors(text, &m);
  }
  if (!found && i > 0 && text[i - 1] == '(' && after_name < text.size() &&
      text[after_name] == ',') {
    m = SkipSpaces(text, after_name + 1);
    found = ReadYear(text, &m) && m < text.size() && text[m] == ')';
  }
  if (!found) return false;
  c->text = text.substr(i, m - i);
  *end = m;
  return true;
}

// The words of a name after "published in": capitalised words, joined by
// lower-case connectors only when a capitalised word follows them.
std::size_t ReadTitleWords(std::string_view text, std::size_t j) {
  std::size_t end = j;
  std::size_t k = j;
  bool first = true;
  while (k < text.size()) {
    std::size_t w = k;
    while (w < text.size() && (IsWordByte(text[w]) || text[w] == '-' ||
                               text[w] == '\'' || text[w] == '&')) {
      ++w;
    }
    if (w == k) break;
    const std::string_view word = text.substr(k, w - k);
    const bool capital =
        IsUpper(word[0]) || static_cast<unsigned char>(word[0]) >= 0xC0;
    if (capital) {
      end = w;
    } else if (first ||
               (word != "of" && word != "and" && word != "for" &&
                word != "in" && word != "the" && word != "on" && word != "&")) {
      break;
    }
    first = false;
    if (w >= text.size() || text[w] != ' ') break;
    k = w + 1;
  }
  return end;
}

constexpr std::array<std::string_view, 14> kStudyNouns = {
    "study",  "studies", "trial",    "trials",        "review",
    "paper",  "article", "analysis", "meta-analysis", "research",
    "report", "survey",  "findings", "experiment"};
constexpr std::array<std::string_view, 16> kStudyModifiers = {
    "a",          "an",         "one",      "another",  "the",   "this",
    "that",       "recent",     "new",      "small",    "large", "randomized",
    "randomised", "controlled", "clinical", "published"};

bool IsOneOf(std::string_view word, const auto& list) {
  const std::string lower = LowerCopy(word);
  return std::find(list.begin(), list.end(), lower) != list.end();
}

// The start of "a 2012 study" before a "published in" at `at`, or `at`.
std::size_t StudyPhraseStart(std::string_view text, std::size_t at) {
  std::size_t start = at;
  std::size_t k = at;
  bool noun = false;
  for (int words = 0; words < 7 && k > 0; ++words) {
    std::size_t e = k;
    while (e > 0 && text[e - 1] == ' ') --e;
    if (e == k && words > 0) break;
    std::size_t b = e;
    while (b > 0 && (IsWordByte(text[b - 1]) || text[b - 1] == '-')) --b;
    if (b == e) break;
    const std::string_view word = text.substr(b, e - b);
    const bool year = word.size() == 4 && IsDigit(word[0]) &&
                      std::all_of(word.begin(), word.end(), IsDigit);
    if (!noun && IsOneOf(word, kStudyNouns)) {
      noun = true;
      start = b;
    } else if (noun && (year || IsOneOf(word, kStudyModifiers))) {
      start = b;
    } else if (noun || words >= 3) {
      break;
    }
    k = b;
  }
  return start;
}

constexpr std::array<std::string_view, 18> kNotJournals = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December",
    "English", "Spanish",  "French",    "German",  "Print",    "PubMed"};

// "published in Magnesium Research", "appeared in the Journal of …",
// "in the journal Nutrients": the journal named in words.
bool ReadPublishedIn(std::string_view text, std::size_t i, Citation* c,
                     std::size_t* end) {
  const std::string_view s = text.substr(i);
  std::size_t j = 0;
  for (std::string_view trigger :
       {"published in ", "appeared in ", "appearing in ", "reported in ",
        "printed in "}) {
    if (StartsWithNoCase(s, trigger)) j = i + trigger.size();
  }
  bool journal_word = false;
  if (j == 0 && StartsWithNoCase(s, "in the journal ")) {
    j = i + 15;
    journal_word = true;
  }
  if (j == 0) return false;
  if (!journal_word) {
    if (text.substr(j, 4) == "the ") j += 4;
    if (text.substr(j, 8) == "journal ") j += 8;
  }
  const std::size_t name_end = ReadTitleWords(text, j);
  if (name_end == j) return false;
  const std::string_view name = text.substr(j, name_end - j);
  if (name == "The") return false;
  for (std::string_view no : kNotJournals) {
    if (name == no || (name.starts_with(no) && name.size() > no.size() &&
                       name[no.size()] == ' ')) {
      return false;
    }
  }
  const std::size_t start = StudyPhraseStart(text, i);
  c->text = text.substr(start, name_end - start);
  *end = name_end;
  return true;
}

}  // namespace

std::vector<Citation> FindCitations(std::string_view text) {
  std::vector<Citation> out;
  std::size_t i = 0;
  while (i < text.size()) {
    const bool word_start = i == 0 || !IsWordByte(text[i - 1]);
    if (!word_start || !IsWordByte(text[i])) {
      ++i;
      continue;
    }
    Citation c;
    std::size_t end = 0;
    const bool read =
        ReadUrl(text, i, &c, &end) || ReadPmid(text, i, &c, &end) ||
        ReadPmc(text, i, &c, &end) ||
        ((i == 0 || text[i - 1] != '.') && ReadDoi(text, i, &c, &end)) ||
        ReadAuthorYear(text, i, &c, &end) || ReadPublishedIn(text, i, &c, &end);
    if (!read || end <= i) {
      ++i;
      continue;
    }
    if (IsIdentified(c) || !c.text.empty()) {
      c.start = c.text.empty() ? i : end - c.text.size();
      c.end = end;
      if (!c.text.empty() && c.start < (out.empty() ? 0 : out.back().end)) {
        c.start = out.back().end;  // a study phrase never reaches back
        c.text = text.substr(c.start, end - c.start);
      }
      if (c.url.empty() && c.text.empty()) {
        c.text = text.substr(c.start, end - c.start);
      }
      out.push_back(std::move(c));
    }
    i = end;
  }
  return out;
}

}  // namespace claimcheck
