// The tab-separated files of kb/ that people edit (kb/lexicon.tsv,
// kb/rubric_cues.tsv; kb/FORMAT.md parts 4 and 5): lines starting with '#'
// and empty lines are passed over, a trailing CR is dropped, and the first
// other line is the header. Covered by tests/kb/kb_check_test.cc.
#ifndef CLAIMCHECK_SRC_BASE_TSV_H_
#define CLAIMCHECK_SRC_BASE_TSV_H_

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "claimcheck/diagnostic.h"
#include "claimcheck/status.h"

namespace claimcheck {

// Calls row(line, fields) for every row of `path` after its header, the
// fields split at each tab. NotFound when the file cannot be read;
// Corruption, with a problem naming the file and line, when the first row
// is not `header` or there is none. Problems a row has are row's to add.
Status ReadTsvRows(
    const std::string& path, std::string_view header, Diagnostics* problems,
    const std::function<void(std::size_t, std::vector<std::string>)>& row);

}  // namespace claimcheck

#endif  // CLAIMCHECK_SRC_BASE_TSV_H_
