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

// The rubric items of docs/audit.md, in their order, for a document whose
// claims and citations `audit` already holds; `cues` the phrases of the
// items a sentence answers (kb/rubric_cues.tsv).
std::vector<RubricItem> CheckRubric(const AuditInput& input,
                                    const Vocabulary& vocabulary,
                                    const AuditCues& cues, const Audit& audit);

}  // namespace claimcheck::audit_internal

#endif  // CLAIMCHECK_SRC_AUDIT_AUDIT_INTERNAL_H_
