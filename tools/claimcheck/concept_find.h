// `claimcheck concepts --find TEXT` (concept_find.cc).
#ifndef CLAIMCHECK_TOOLS_CLAIMCHECK_CONCEPT_FIND_H_
#define CLAIMCHECK_TOOLS_CLAIMCHECK_CONCEPT_FIND_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "cli.h"

namespace claimcheck::cli {

// Prints what the vocabulary knows of `query` in `format` (text, json).
// Exit 0 when it names a concept, 1 when it does not (did-you-mean only).
int RunConceptFind(Context& context, const std::string& query,
                   const std::string& format);

}  // namespace claimcheck::cli

#endif  // CLAIMCHECK_TOOLS_CLAIMCHECK_CONCEPT_FIND_H_
