// A binary copy of a loaded knowledge base (the vocabulary and the curated
// knowledge), kept in a cache directory so that a command started many times
// a minute does not parse and check kb/'s JSON at every start (docs/scale.md:
// that was ~2 ms of a query's 10).
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
#include <string>
#include <string_view>
#include <vector>

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

  // When the cache holds the snapshot of the kb as it stands, fills both and
  // returns true. Otherwise returns false, leaves both as they were, and
  // notes the state of the kb's files for Save: call it before loading.
  bool Load(Vocabulary* vocabulary, Knowledge* knowledge);

  // After a Load that missed: saves what Vocabulary::Load and
  // Knowledge::Load then built from kb_dir without a problem (the caller's
  // promise), through a temporary file and a rename. Writes nothing, and
  // returns OK, when Load did not miss, when a kb file changed since Load
  // (the loads may have read either version) or in the last two seconds.
  // Failures (an unwritable cache) are returned for tests; commands ignore
  // them.
  Status Save(const Vocabulary& vocabulary, const Knowledge& knowledge) const;

  // After a Load that hit, once: a claim extractor for `vocabulary` (the one
  // Load filled) made from the concept matcher and the lexicon saved with
  // the kb, without folding their phrases again; null when there is none or
  // it was taken. (The lexicon is the process's one,
  // claims_internal::Lexicon::Get: if an extractor was built before, that
  // one stays.) The snapshot's bytes are let go.
  std::unique_ptr<ClaimExtractor> TakeExtractor(const Vocabulary& vocabulary);

 private:
  bool LoadSaved(Vocabulary* vocabulary, Knowledge* knowledge);

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
  std::string_view matcher_;  // its parts in bytes_
  std::string_view lexicon_;
  int settle_seconds_;
};

}  // namespace claimcheck

#endif  // CLAIMCHECK_KB_SNAPSHOT_H_
