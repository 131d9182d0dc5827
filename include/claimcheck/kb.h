// The curated knowledge base on disk (kb/, see kb/FORMAT.md) and its linter.
// Covered by tests/kb/kb_check_test.cc.
#ifndef CLAIMCHECK_KB_H_
#define CLAIMCHECK_KB_H_

#include <string>

#include "claimcheck/concepts.h"
#include "claimcheck/diagnostic.h"

namespace claimcheck {

// Validates the knowledge base in `kb_dir` and appends every problem found to
// `problems`, each with its file and place (line:column for JSON syntax, the
// concept id for content): JSON syntax, missing or ill-typed fields, bad ids,
// unknown kinds, duplicate ids, unknown is_a parents, is_a between different
// kinds, is_a cycles, synonyms claimed by two concepts, outcomes without a
// better-direction. Returns the number of problems found.
std::size_t CheckKnowledgeBase(const std::string& kb_dir,
                               Diagnostics* problems);

// Vocabulary-level checks on an already loaded vocabulary (used by
// CheckKnowledgeBase; exposed for tests).
std::size_t CheckVocabulary(const Vocabulary& vocabulary,
                            Diagnostics* problems);

}  // namespace claimcheck

#endif  // CLAIMCHECK_KB_H_
