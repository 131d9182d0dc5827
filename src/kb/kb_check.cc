// The knowledge-base linter behind `claimcheck kb check`.
// Covered by tests/kb/kb_check_test.cc.
#include <algorithm>
#include <map>
#include <set>

#include "claimcheck/audit.h"
#include "claimcheck/claims.h"
#include "claimcheck/kb.h"

namespace claimcheck {

namespace {

std::string Where(const Concept& c) {
  return (c.line ? "line " + std::to_string(c.line) + ", " : "") + "concept '" +
         c.id + "'";
}

std::string Join(const std::vector<std::string>& parts, const char* sep) {
  std::string out;
  for (const std::string& p : parts) {
    if (!out.empty()) out += sep;
    out += p;
  }
  return out;
}

// The matching key of a phrase: its folded tokens joined by spaces. For
// case-sensitive synonyms the cased tokens are kept too, so "Mg" and "MG"
// are different keys but both collide with a case-insensitive "mg".
struct PhraseKey {
  std::string fold;
  std::string cased;  // empty for case-insensitive phrases
};

PhraseKey KeyOf(std::string_view phrase, bool case_sensitive) {
  PhraseKey key;
  for (const Token& t : Tokenize(phrase)) {
    if (!key.fold.empty()) key.fold += ' ';
    key.fold += t.fold;
    if (case_sensitive) {
      if (!key.cased.empty()) key.cased += ' ';
      key.cased += t.cased;
    }
  }
  return key;
}

void CheckParents(const Vocabulary& vocab, Diagnostics* problems) {
  for (const Concept& c : vocab.concepts()) {
    if (!c.taken_as.empty()) {
      const Concept* taken = vocab.Find(c.taken_as);
      if (taken == nullptr || taken->kind != ConceptKind::kIntervention) {
        problems->push_back(
            {c.file, Where(c),
             "taken_as '" + c.taken_as + "' is not an intervention concept"});
      }
    }
    std::set<std::string> seen;
    for (const std::string& parent_id : c.is_a) {
      if (!seen.insert(parent_id).second) {
        problems->push_back(
            {c.file, Where(c), "is_a lists '" + parent_id + "' twice"});
        continue;
      }
      const Concept* parent = vocab.Find(parent_id);
      if (parent == nullptr) {
        problems->push_back(
            {c.file, Where(c), "unknown is_a parent '" + parent_id + "'"});
      } else if (parent->kind != c.kind) {
        problems->push_back({c.file, Where(c),
                             "is_a parent '" + parent_id + "' is " +
                                 ConceptKindName(parent->kind) + ", not " +
                                 ConceptKindName(c.kind)});
      }
    }
  }
}

// Depth-first search over is_a links; each cycle is reported once, at the
// concept where it was first entered, with its whole path.
void CheckCycles(const Vocabulary& vocab, Diagnostics* problems) {
  enum class Mark { kNew, kActive, kDone };
  std::map<std::string, Mark, std::less<>> mark;
  std::vector<std::string> path;
  std::set<std::set<std::string>> reported;
  auto visit = [&](auto&& self, const Concept& c) -> void {
    mark[c.id] = Mark::kActive;
    path.push_back(c.id);
    for (const std::string& parent_id : c.is_a) {
      const Concept* parent = vocab.Find(parent_id);
      if (parent == nullptr) continue;
      const Mark m = mark.count(parent_id) ? mark[parent_id] : Mark::kNew;
      if (m == Mark::kActive) {
        auto start = std::find(path.begin(), path.end(), parent_id);
        std::vector<std::string> cycle(start, path.end());
        std::set<std::string> members(cycle.begin(), cycle.end());
        if (reported.insert(members).second) {
          cycle.push_back(parent_id);
          const Concept* head = vocab.Find(cycle.front());
          problems->push_back(
              {head->file, Where(*head), "is_a cycle: " + Join(cycle, " -> ")});
        }
      } else if (m == Mark::kNew) {
        self(self, *parent);
      }
    }
    path.pop_back();
    mark[c.id] = Mark::kDone;
  };
  for (const Concept& c : vocab.concepts()) {
    if (!mark.count(c.id)) visit(visit, c);
  }
}

void CheckPhrases(const Vocabulary& vocab, Diagnostics* problems) {
  struct Owner {
    const Concept* owner;
    std::string phrase;
    std::string cased;
  };
  std::map<std::string, std::vector<Owner>> by_key;
  // MeSH's own names are not checked here: the matcher settles a name that
  // several descriptors share (docs/vocabulary.md, "Matching").
  for (const Concept& c : vocab.concepts()) {
    if (c.source == ConceptSource::kMesh) continue;
    auto add = [&](const std::string& phrase, bool case_sensitive,
                   const char* field) {
      const PhraseKey key = KeyOf(phrase, case_sensitive);
      if (key.fold.empty()) {
        problems->push_back(
            {c.file, Where(c),
             std::string(field) + " \"" + phrase + "\" has no words to match"});
        return;
      }
      for (const Owner& other : by_key[key.fold]) {
        // Two case-sensitive phrases that differ in case do not collide.
        if (!key.cased.empty() && !other.cased.empty() &&
            key.cased != other.cased) {
          continue;
        }
        if (other.owner == &c) {
          problems->push_back({c.file, Where(c),
                               "\"" + phrase + "\" is listed twice (as \"" +
                                   other.phrase + "\")"});
        } else {
          problems->push_back(
              {c.file, Where(c),
               "synonym \"" + phrase + "\" is also a name of concept '" +
                   other.owner->id + "' (" + other.owner->file + ")"});
        }
        return;
      }
      by_key[key.fold].push_back({&c, phrase, key.cased});
    };
    add(c.label, false, "label");
    for (const auto& s : c.synonyms) add(s, false, "synonym");
    for (const auto& s : c.cased_synonyms) add(s, true, "cased synonym");
    for (const auto& s : c.antonyms) add(s, false, "antonym");
    for (const auto& s : c.aliases) add(s, false, "alias");
  }
}

}  // namespace

std::size_t CheckVocabulary(const Vocabulary& vocabulary,
                            Diagnostics* problems) {
  const std::size_t before = problems->size();
  CheckParents(vocabulary, problems);
  CheckCycles(vocabulary, problems);
  CheckPhrases(vocabulary, problems);
  return problems->size() - before;
}

std::size_t CheckKnowledgeBase(const std::string& kb_dir,
                               Diagnostics* problems) {
  const std::size_t before = problems->size();
  Vocabulary vocabulary;
  Status loaded = Vocabulary::Load(kb_dir, &vocabulary, problems);
  if (loaded.code() == Status::Code::kNotFound ||
      loaded.code() == Status::Code::kIOError) {
    problems->push_back({kb_dir, "", loaded.message()});
  }
  const std::size_t vocabulary_from = problems->size();
  CheckVocabulary(vocabulary, problems);
  // Descriptors carry no file name (30,000 copies of one string): theirs.
  for (std::size_t i = vocabulary_from; i < problems->size(); ++i) {
    if ((*problems)[i].file.empty()) {
      (*problems)[i].file = kb_dir + "/mesh/descriptors.tsv";
    }
  }
  CheckEvidence(kb_dir, vocabulary, problems);
  // The claim extractor's word lists (kb/FORMAT.md, part 4).
  ClaimLexicon lexicon;
  Status words = ClaimLexicon::Load(kb_dir, &lexicon, problems);
  if (words.code() == Status::Code::kNotFound) {
    problems->push_back({kb_dir + "/lexicon.tsv", "",
                         "cannot be read (the claim extractor's word lists: "
                         "kb/FORMAT.md, part 4)"});
  }
  // The rubric items' cues and the languages (kb/FORMAT.md, parts 5, 6).
  AuditCues cues;
  Status audit = AuditCues::Load(kb_dir, &cues, problems);
  if (audit.code() == Status::Code::kNotFound) {
    const bool languages =
        audit.message().find("languages.tsv") != std::string::npos;
    problems->push_back(
        {kb_dir + (languages ? "/languages.tsv" : "/rubric_cues.tsv"), "",
         languages ? "cannot be read (the languages a page may be in: "
                     "kb/FORMAT.md, part 6)"
                   : "cannot be read (the rubric items' cue phrases: "
                     "kb/FORMAT.md, part 5)"});
  }
  return problems->size() - before;
}

}  // namespace claimcheck
