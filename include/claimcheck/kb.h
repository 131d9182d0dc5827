// The curated knowledge base on disk (kb/, see kb/FORMAT.md) and its linter.
// Covered by tests/kb/kb_check_test.cc and tests/kb/evidence_check_test.cc.
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

// Checks the curated evidence files of `kb_dir` against kb/FORMAT.md part 2:
// claims.json, studies.json and reference_values.json (each optional).
// Concept ids must exist in `vocabulary`; claim, study and source ids must
// resolve; designs, stances, directness, relations per claim kind and
// reference kinds take only their listed values; PMIDs are digits, PMCIDs
// start with PMC, DOIs with "10."; no study appears twice (same PMID, PMCID
// or DOI); one study gives one stance per claim; wellness articles and press
// releases carry no evidence; ranges have min <= max. Problems name the file
// and "line L, study 'id'" (or claim, reference value). Returns the count.
std::size_t CheckEvidence(const std::string& kb_dir,
                          const Vocabulary& vocabulary, Diagnostics* problems);

// Vocabulary-level checks on an already loaded vocabulary (used by
// CheckKnowledgeBase; exposed for tests).
std::size_t CheckVocabulary(const Vocabulary& vocabulary,
                            Diagnostics* problems);

}  // namespace claimcheck

#endif  // CLAIMCHECK_KB_H_
