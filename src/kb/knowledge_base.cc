// KnowledgeBase::Load: docs/pipeline.md, "One loaded knowledge base".
#include "claimcheck/knowledge_base.h"

#include <utility>

#include "claimcheck/kb_snapshot.h"

namespace claimcheck {

KnowledgeBase::KnowledgeBase() = default;
KnowledgeBase::~KnowledgeBase() = default;

Result<std::unique_ptr<KnowledgeBase>> KnowledgeBase::Load(
    const std::string& kb_dir, const Options& options, Diagnostics* problems) {
  std::unique_ptr<KnowledgeBase> kb(new KnowledgeBase());
  kb->dir_ = kb_dir;
  KbSnapshot snapshot(kb_dir, options.cache_dir, options.settle_seconds);
  if (snapshot.Load(&kb->vocabulary_, &kb->knowledge_, &kb->lexicon_,
                    &kb->audit_cues_)) {
    // The snapshot holds only a kb that loaded clean.
    std::optional<ConceptMatcher> matcher =
        snapshot.LoadMatcher(kb->vocabulary_);
    kb->extractor_ =
        matcher
            ? std::make_unique<ClaimExtractor>(kb->vocabulary_, kb->lexicon_,
                                               std::move(*matcher))
            : std::make_unique<ClaimExtractor>(kb->vocabulary_, kb->lexicon_);
    kb->from_snapshot_ = true;
    return kb;
  }
  Status loaded = Vocabulary::Load(kb_dir, &kb->vocabulary_, problems);
  if (!loaded.ok()) return loaded;
  loaded = ClaimLexicon::Load(kb_dir, &kb->lexicon_, problems);
  if (!loaded.ok()) return loaded;
  loaded = AuditCues::Load(kb_dir, &kb->audit_cues_, problems);
  if (!loaded.ok()) return loaded;
  kb->evidence_status_ = Knowledge::Load(
      kb_dir, kb->vocabulary_, &kb->knowledge_, &kb->evidence_problems_);
  ConceptMatcher matcher(kb->vocabulary_);
  // A kb whose evidence does not load is not saved: the next load reads
  // it from its files and reports it again.
  if (kb->evidence_status_.ok()) {
    snapshot.Save(kb->vocabulary_, kb->knowledge_, kb->lexicon_,
                  kb->audit_cues_, matcher);
  }
  kb->extractor_ = std::make_unique<ClaimExtractor>(
      kb->vocabulary_, kb->lexicon_, std::move(matcher));
  return kb;
}

void KnowledgeBase::AddHarvested(const std::vector<HarvestedName>& names) {
  const std::size_t first = vocabulary_.AddHarvested(names);
  if (first < vocabulary_.concepts().size()) extractor_->MatchAlso(first);
}

}  // namespace claimcheck
