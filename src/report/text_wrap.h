// Plain text for a terminal: display width and word wrapping at 80 columns,
// shared by the audit's and the query's text reports.
#ifndef CLAIMCHECK_SRC_REPORT_TEXT_WRAP_H_
#define CLAIMCHECK_SRC_REPORT_TEXT_WRAP_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace claimcheck {

inline constexpr std::size_t kWidth = 80;

// Display width of UTF-8 text: one column per code point.
std::size_t Columns(std::string_view s);

// `text` wrapped at kWidth, ending in a newline: the first line after
// `first_cols` columns already written, the others indented by `indent`
// spaces. A word longer than a line (a URL) is never cut.
std::string Wrap(std::string_view text, std::size_t first_cols,
                 std::size_t indent);

}  // namespace claimcheck

#endif  // CLAIMCHECK_SRC_REPORT_TEXT_WRAP_H_
