// KnowledgeBase: a kb directory loaded once, as one object owned by whoever
// loaded it: the vocabulary, the claim lexicon, the claim extractor, the
// rubric cues and the curated knowledge (docs/pipeline.md, "One loaded
// knowledge base"). Read from the kb snapshot when it is current
// (kb_snapshot.h), else from the files. Covered by
// tests/kb/knowledge_base_test.cc.
#ifndef CLAIMCHECK_KNOWLEDGE_BASE_H_
#define CLAIMCHECK_KNOWLEDGE_BASE_H_

#include <memory>
#include <string>
#include <vector>

#include "claimcheck/audit.h"
#include "claimcheck/claims.h"
#include "claimcheck/concepts.h"
#include "claimcheck/diagnostic.h"
#include "claimcheck/knowledge.h"
#include "claimcheck/status.h"

namespace claimcheck {

class KnowledgeBase {
 public:
  struct Options {
    // Where kb snapshots are kept (DefaultCacheDir(), kb_snapshot.h);
    // empty: none is read or written.
    std::string cache_dir;
    // How long ago the kb's files must have last changed for a snapshot
    // to be written (KbSnapshot; tests pass 0).
    int settle_seconds = 2;
  };

  // Loads kb_dir. Problems of the vocabulary, the lexicon or the rubric
  // cues fail the load
  // (Corruption, or NotFound for a directory that is no kb) and are
  // appended to `problems`, each naming its file and place. Problems of
  // the curated evidence do not: a command that only extracts claims still
  // runs, and one that judges asks evidence_status(). A clean kb read from
  // its files is saved as a snapshot for the next load.
  static Result<std::unique_ptr<KnowledgeBase>> Load(const std::string& kb_dir,
                                                     const Options& options,
                                                     Diagnostics* problems);
  ~KnowledgeBase();
  KnowledgeBase(const KnowledgeBase&) = delete;
  KnowledgeBase& operator=(const KnowledgeBase&) = delete;

  const std::string& dir() const { return dir_; }
  const Vocabulary& vocabulary() const { return vocabulary_; }
  const ClaimLexicon& lexicon() const { return lexicon_; }
  const AuditCues& audit_cues() const { return audit_cues_; }
  const ClaimExtractor& extractor() const { return *extractor_; }
  const Knowledge& knowledge() const { return knowledge_; }
  // OK when the curated evidence loaded; else why not, with its problems.
  const Status& evidence_status() const { return evidence_status_; }
  const Diagnostics& evidence_problems() const { return evidence_problems_; }
  // True when it was read from a snapshot.
  bool from_snapshot() const { return from_snapshot_; }

  // docs/vocabulary.md, "Harvested concepts": the substances a store's
  // records name join the vocabulary (Vocabulary::AddHarvested) and the
  // extractor matches them. Never saved in the snapshot. Not while another
  // thread reads the knowledge base.
  void AddHarvested(const std::vector<HarvestedName>& names);

 private:
  KnowledgeBase();
  std::string dir_;
  Vocabulary vocabulary_;
  ClaimLexicon lexicon_;
  AuditCues audit_cues_;
  Knowledge knowledge_;
  Status evidence_status_;
  Diagnostics evidence_problems_;
  std::unique_ptr<ClaimExtractor> extractor_;
  bool from_snapshot_ = false;
};

}  // namespace claimcheck

#endif  // CLAIMCHECK_KNOWLEDGE_BASE_H_
