// A binary copy of a loaded knowledge base (the vocabulary, the curated
// knowledge, the claim lexicon, the rubric cues and the concept matcher's
// phrases), kept in a
// cache directory so that a command started many times a minute does not parse
// and check kb/'s JSON at every start (docs/scale.md: that was ~2 ms of a
// query's 10).
//
// A snapshot is keyed by the program's build id, the kb directory as given,
// and what stat says of the concepts directory and of every kb file (device,
// inode, size, modification and change time, as git and make trust them): an
// edited, replaced, added or removed kb file, another kb, or another build
// of claimcheck never reads a stale copy. The change time cannot be set back
// by any program, and a kb whose files changed in the last two seconds is
// not saved (a file system with a coarse clock could hide a second edit in
// the same tick). Only a knowledge base that loaded without a problem is
// saved, so a broken kb is always read from its JSON and reported as
// before. A missing, stale, damaged or unreadable snapshot is passed over in
// silence: the cache only ever saves time.
// Covered by tests/kb/kb_snapshot_test.cc and tests/cli/cli_test.sh.
#ifndef CLAIMCHECK_KB_SNAPSHOT_H_
#define CLAIMCHECK_KB_SNAPSHOT_H_

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "claimcheck/audit.h"
#include "claimcheck/claims.h"
#include "claimcheck/concepts.h"
#include "claimcheck/knowledge.h"
#include "claimcheck/status.h"

namespace claimcheck {

// Where snapshots go: $CLAIMCHECK_CACHE_DIR when it is set (set and empty:
// no cache), else $XDG_CACHE_HOME/claimcheck, else $HOME/.cache/claimcheck;
// empty (no cache) when none of them is set.
std::string DefaultCacheDir();

class KbSnapshot {
 public:
  // The snapshot of `kb_dir` in `cache_dir` (not read yet). Disabled (Load
  // false, Save writes nothing) when `cache_dir` is empty or the program
  // carries no build id.
  // `settle_seconds`: how long ago the kb's files must have last changed
  // for Save to write (tests pass 0).
  KbSnapshot(std::string kb_dir, std::string cache_dir, int settle_seconds = 2);

  bool enabled() const { return !path_.empty(); }
  // The snapshot file (empty when disabled).
  const std::string& path() const { return path_; }

  // When the cache holds the snapshot of the kb as it stands, fills all
  // four and returns true. Otherwise returns false, leaves them as they
  // were, and notes the state of the kb's files for Save: call it before
  // loading. (KnowledgeBase::Load is the one caller.)
  bool Load(Vocabulary* vocabulary, Knowledge* knowledge, ClaimLexicon* lexicon,
            AuditCues* cues);
  // After a Load that hit, once: the concept matcher saved with the kb, for
  // `vocabulary` (what Load filled, moved where it stays), without folding
  // its phrases again; nullopt when there is none or it was taken. The
  // snapshot's bytes are let go.
  std::optional<ConceptMatcher> LoadMatcher(const Vocabulary& vocabulary);

  // After a Load that missed: saves what the loads then built from kb_dir
  // without a problem (the caller's promise), through a temporary file and
  // a rename. Writes nothing, and returns OK, when Load did not miss, when a
  // kb file changed since Load (the loads may have read either version) or
  // in the last two seconds. Failures (an unwritable cache) are returned
  // for tests; commands ignore them.
  Status Save(const Vocabulary& vocabulary, const Knowledge& knowledge,
              const ClaimLexicon& lexicon, const AuditCues& cues,
              const ConceptMatcher& matcher) const;

 private:
  bool LoadSaved(Vocabulary* vocabulary, Knowledge* knowledge,
                 ClaimLexicon* lexicon, AuditCues* cues);

  std::string kb_dir_;
  std::string path_;                // empty: disabled
  std::vector<std::string> files_;  // noted by a Load that missed
  std::string key_;                 // their key; empty: nothing to save
  // The snapshot a Load that hit mapped (read-only; page-cache pages need
  // no zeroing, which a copy on the heap of 12 MB did: docs/scale.md).
  struct Mapping;
  // The file mapped read-only, or null when it cannot be (missing, empty,
  // not a regular file).
  static std::shared_ptr<Mapping> MapFile(const std::string& path);
  std::shared_ptr<Mapping> bytes_;
  std::string_view matcher_;  // the matcher's part of bytes_
  int settle_seconds_;
};

}  // namespace claimcheck

#endif  // CLAIMCHECK_KB_SNAPSHOT_H_
