// Readers of the vocabulary's MeSH table and alias list (kb/mesh/, format in
// kb/FORMAT.md part 3). Private to src/concepts; Vocabulary::Load lays what
// they read under and over the curated concepts.
#ifndef CLAIMCHECK_SRC_CONCEPTS_MESH_TABLE_H_
#define CLAIMCHECK_SRC_CONCEPTS_MESH_TABLE_H_

#include <string>
#include <string_view>
#include <vector>

#include "claimcheck/concepts.h"
#include "claimcheck/diagnostic.h"

namespace claimcheck::concepts_internal {

struct MeshTable {
  std::string year;              // "2024"
  std::vector<Concept> rows;     // source kMesh, is_a as descriptor UIs
  std::vector<MeshNames> names;  // of each row
};

// Reads kb/mesh/descriptors.tsv. Bad rows are problems (file and line) and
// are left out; returns false when there was any problem.
bool ReadMeshTable(const std::string& path, MeshTable* out,
                   Diagnostics* problems);

// One row of kb/mesh/aliases.tsv.
struct AliasRow {
  std::string name;
  std::string target;  // a descriptor UI or a curated id
  bool narrower = false;
  std::string label;  // narrower rows: the new concept's label
  std::string id;     // narrower rows: its id, made from the label
  std::size_t line = 0;
};

// Reads kb/mesh/aliases.tsv (targets are checked by the caller, which knows
// the concepts). Returns false when there was any problem.
bool ReadAliases(const std::string& path, std::vector<AliasRow>* out,
                 Diagnostics* problems);

// Reads kb/mesh/common_words.tsv: the words, in file order. A descriptor a
// row names must be in `table`. Returns false when there was any problem.
bool ReadCommonWords(const std::string& path, const MeshTable& table,
                     std::vector<std::string>* out, Diagnostics* problems);

// True for a MeSH descriptor UI: "D" and at least six digits.
bool IsDescriptorUi(std::string_view s);

// The non-empty parts of `s` between `sep`s.
std::vector<std::string_view> SplitList(std::string_view s, char sep);
// ASCII lower case.
std::string Lower(std::string_view s);

}  // namespace claimcheck::concepts_internal

#endif  // CLAIMCHECK_SRC_CONCEPTS_MESH_TABLE_H_
