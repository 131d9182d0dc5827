// Parts of the audit shared between its source files.
#ifndef CLAIMCHECK_SRC_AUDIT_AUDIT_INTERNAL_H_
#define CLAIMCHECK_SRC_AUDIT_AUDIT_INTERNAL_H_

#include <vector>

#include "claimcheck/audit.h"

namespace claimcheck::audit_internal {

// The rubric items of docs/audit.md, in their order, for a document whose
// claims and citations `audit` already holds.
std::vector<RubricItem> CheckRubric(const AuditInput& input,
                                    const Vocabulary& vocabulary,
                                    const Audit& audit);

}  // namespace claimcheck::audit_internal

#endif  // CLAIMCHECK_SRC_AUDIT_AUDIT_INTERNAL_H_
