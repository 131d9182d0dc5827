// What the two bibliographic readers (PubMed XML, MEDLINE) share: dates in
// PubMed's spellings, titles, and turning a read record into a finished
// ImportedDocument. Internal to importers/. Covered by
// tests/importers/pubmed_xml_test.cc and medline_test.cc.
#ifndef CLAIMCHECK_IMPORTERS_RECORD_COMMON_H_
#define CLAIMCHECK_IMPORTERS_RECORD_COMMON_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

#include "claimcheck/importer.h"

namespace claimcheck::importers {

// "01".."12" for a month as PubMed writes it ("Jan", "January", "1",
// "01"); empty for anything else (a season, "Jan-Mar").
std::string MonthNumber(std::string_view month);

// "YYYY", "YYYY-MM" or "YYYY-MM-DD" from the parts known; empty when the
// year is not four digits. A day without a month is dropped.
std::string DateFromParts(std::string_view year, std::string_view month,
                          std::string_view day);

// A free-form PubMed date ("1998 Dec-1999 Jan", "2021 Summer", "2006 Jan
// 10", "2000 Spring-Summer"): the first year, and its month and day when
// they follow it directly. Empty when it names no year.
std::string FreeFormDate(std::string_view text);

// `text` with XML white space runs made one space, trimmed.
std::string CollapseSpace(std::string_view text);

// A title as PubMed writes it, ready to show: a translated title's
// [brackets] removed ("[A Broader Scope]." -> "A Broader Scope.").
std::string CleanTitle(std::string title);

// A DOI as the store keeps it: trimmed, lower-cased, without a "doi:" or
// resolver prefix; empty when it does not start with "10.".
std::string NormaliseDoi(std::string_view doi);

// Sets what every PubMed document has (id "pmid:N", kind "abstract", url,
// origin "FILE: record PMID N"), then its design, n and retraction
// (ClassifyRecord). Precondition: document.pmid is set.
void FinishRecord(const std::string& file, ImportedDocument* imported);

// The "where" of a diagnostic: "byte N (line L)", with ", PMID P" when
// known.
std::string RecordWhere(std::uint64_t offset, std::size_t line,
                        std::string_view pmid);

// Collects one file's problems, listing at most kMaxListed so that memory
// stays bounded for a file damaged everywhere; Finish adds one line counting
// the rest.
class ProblemList {
 public:
  static constexpr std::size_t kMaxListed = 10000;
  ProblemList(std::string file, Diagnostics* out)
      : file_(std::move(file)), out_(out) {}
  void Add(std::string where, std::string message);
  void Finish();
  std::size_t count() const { return count_; }

 private:
  std::string file_;
  Diagnostics* out_;
  std::size_t count_ = 0;
};

}  // namespace claimcheck::importers

#endif  // CLAIMCHECK_IMPORTERS_RECORD_COMMON_H_
