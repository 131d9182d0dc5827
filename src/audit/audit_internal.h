// Parts of the audit shared between its source files.
#ifndef CLAIMCHECK_SRC_AUDIT_AUDIT_INTERNAL_H_
#define CLAIMCHECK_SRC_AUDIT_AUDIT_INTERNAL_H_

#include <cctype>
#include <string>
#include <string_view>
#include <vector>

#include "claimcheck/audit.h"

namespace claimcheck::audit_internal {

// `s` with ASCII letters lower-cased (identifiers, category words, cues).
inline std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

// Where `cue` starts a word of `lower` (a lower-cased sentence), the first
// place: "interact" finds "interactions", not "noninteracting"; npos when
// it does not.
inline std::size_t CueAt(std::string_view lower, std::string_view cue) {
  for (std::size_t at = lower.find(cue); at != std::string_view::npos;
       at = lower.find(cue, at + 1)) {
    if (at == 0 || !std::isalnum(static_cast<unsigned char>(cue[0])) ||
        !std::isalnum(static_cast<unsigned char>(lower[at - 1]))) {
      return at;
    }
  }
  return std::string_view::npos;
}
inline bool HasCue(std::string_view lower, std::string_view cue) {
  return CueAt(lower, cue) != std::string_view::npos;
}

// The rubric items of docs/audit.md, in their order, for a document whose
// claims and citations `audit` already holds; `cues` the phrases of the
// items a sentence answers (kb/rubric_cues.tsv).
std::vector<RubricItem> CheckRubric(const AuditInput& input,
                                    const Vocabulary& vocabulary,
                                    const AuditCues& cues, const Audit& audit);

}  // namespace claimcheck::audit_internal

#endif  // CLAIMCHECK_SRC_AUDIT_AUDIT_INTERNAL_H_
