// Dates as articles write them, read into ISO 8601. Internal to importers/.
// Covered by tests/importers/text_article_test.cc.
#ifndef CLAIMCHECK_IMPORTERS_DATES_H_
#define CLAIMCHECK_IMPORTERS_DATES_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace claimcheck::importers {

// A date found in `text`, as ISO 8601, and where it was.
struct FoundDate {
  std::string iso;  // "2025-09-25", or "2025-09" when no day is written
  std::size_t start = 0;
  std::size_t end = 0;
};

// The first date written in `text`: "September 25, 2025", "Sep. 25, 2025",
// "Sept 25th, 2025", "25 Sep 2025", "25th of September 2025", "September
// 2025", "2025-09-25" or "2025/09/25" (a time after it is left out of the
// span). Years 1900–2099; impossible days ("February 30") are not dates.
// Empty `iso` when there is none.
FoundDate FindDate(std::string_view text);

// The ISO date of a machine-written timestamp ("2018-04-29T07:00:00.000Z",
// "2020-06-12T13:49:32+00:00", "2018-04-29") or of a date as FindDate reads
// it; empty when `text` holds none.
std::string IsoDate(std::string_view text);

}  // namespace claimcheck::importers

#endif  // CLAIMCHECK_IMPORTERS_DATES_H_
