// One curated evidence file (claims.json, studies.json,
// reference_values.json) opened for reading: its JSON, the line of each
// item's id, and problems that name the file and the item. Shared by the
// loader (knowledge.cc) and kb check (evidence_check.cc), so both read and
// report alike. Covered by tests/kb/knowledge_test.cc and
// tests/kb/evidence_check_test.cc.
#ifndef CLAIMCHECK_SRC_KB_EVIDENCE_FILE_H_
#define CLAIMCHECK_SRC_KB_EVIDENCE_FILE_H_

#include <rapidjson/document.h>

#include <cstddef>
#include <functional>
#include <map>
#include <string>
#include <string_view>

#include "claimcheck/diagnostic.h"
#include "claimcheck/status.h"

namespace claimcheck {

class EvidenceFile {
 public:
  // Problems go to `problems`, which must outlive this object.
  EvidenceFile(std::string path, Diagnostics* problems);

  // Reads and parses the file and checks that it is {"<top_key>": [...]}.
  // Returns NotFound when the file does not exist (nothing is recorded), the
  // failure of reading it (recorded), or Corruption for JSON syntax ("line L,
  // column C") or the wrong shape (recorded).
  Status Open(const char* top_key);

  // The top-level array. Precondition: Open returned OK.
  const rapidjson::Value& Items() const { return doc_[top_key_.c_str()]; }

  // Sets the item the next problems are about: "line L, claim 'id'" when it
  // has a string id, else "claim[index]".
  void At(const char* what, std::size_t index, const rapidjson::Value& item);
  // The current item's id ("" when it has none) and the line of that id (0).
  const std::string& id() const { return id_; }
  std::size_t line() const { return line_; }

  // Records a problem about the current item.
  void Problem(const std::string& message);
  // Problems recorded so far in the shared list.
  std::size_t problem_count() const { return problems_->size(); }

  // A required string member that `valid` must accept (an enum word). Records
  // `"name" is missing` or `"name" has an unknown value "…"` and returns
  // nullptr when it is not there or not accepted.
  const char* Word(const rapidjson::Value& item, const char* name,
                   const std::function<bool(std::string_view)>& valid);

  const std::string& path() const { return path_; }

 private:
  std::string path_;
  Diagnostics* problems_;
  rapidjson::Document doc_;
  std::string top_key_;
  std::map<std::string, std::size_t, std::less<>> id_lines_;  // id -> line
  std::string where_;
  std::string id_;
  std::size_t line_ = 0;
};

class Vocabulary;

// The three files of a knowledge base, each opened (or null when absent or
// broken: nothing to check in it).
struct EvidenceFiles {
  EvidenceFile* claims = nullptr;
  EvidenceFile* studies = nullptr;
  EvidenceFile* reference_values = nullptr;
};

// CheckEvidence (kb.h) on files already opened, so that loading a knowledge
// base parses each file once; problems go where each file records them.
void CheckEvidenceFiles(const EvidenceFiles& files,
                        const Vocabulary& vocabulary);

}  // namespace claimcheck

#endif  // CLAIMCHECK_SRC_KB_EVIDENCE_FILE_H_
