// Names of the vocabulary and near misses of a word (docs/vocabulary.md,
// "Looking things up"; docs/reports.md, "Query answers"): used by
// `concepts --find`, the "did you mean" of `query`, and the spelling a
// user's question is read with. Covered by tests/concepts/near_names_test.cc
// and tests/cli/cli_test.sh.
#include <algorithm>
#include <map>
#include <mutex>
#include <set>
#include <tuple>

#include "claimcheck/claims.h"
#include "claimcheck/concepts.h"
#include "claimcheck/text.h"

namespace claimcheck {

namespace {

// A concept's names: label, synonyms, cased synonyms, aliases, MeSH terms
// and abbreviations (antonyms name the opposite pole: not listed).
std::vector<std::string> NamesOfImpl(const Vocabulary& vocabulary,
                                     const Concept& c) {
  std::vector<std::string> names = {c.label};
  for (const auto* list : {&c.synonyms, &c.cased_synonyms, &c.aliases}) {
    names.insert(names.end(), list->begin(), list->end());
  }
  for (std::string_view t : SplitTerms(vocabulary.MeshTerms(c))) {
    names.emplace_back(t);
  }
  for (std::string_view t : SplitTerms(vocabulary.MeshAbbreviations(c))) {
    names.emplace_back(t);
  }
  return names;
}

std::string Folded(std::string_view s) {
  std::string out;
  for (const std::string& w : FoldWords(s)) {
    if (!out.empty()) out += ' ';
    out += w;
  }
  return out;
}

// Damerau-Levenshtein (optimal string alignment) distance, or limit + 1
// once it is certain to exceed `limit`.
std::size_t Distance(std::string_view a, std::string_view b,
                     std::size_t limit) {
  if ((a.size() > b.size() ? a.size() - b.size() : b.size() - a.size()) >
      limit) {
    return limit + 1;
  }
  std::vector<std::size_t> before(b.size() + 1), prev(b.size() + 1),
      cur(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    std::size_t row_min = cur[0];
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        cur[j] = std::min(cur[j], before[j - 2] + 1);
      }
      row_min = std::min(row_min, cur[j]);
    }
    if (row_min > limit) return limit + 1;
    before.swap(prev);
    prev.swap(cur);
  }
  return prev[b.size()];
}

// Every name of the vocabulary against `key` (folded): the concepts with it
// as a name into `named`; unless `named` held one on entry, near misses of
// other concepts into `out` (up to two edits for a key of six letters or
// more, one below; then names that hold the key as a word), nearest first,
// at most 8, one a concept.
void ScanNamesImpl(const Vocabulary& vocabulary, const std::string& key,
                   std::vector<const Concept*>* named,
                   std::vector<std::pair<std::string, const Concept*>>* out) {
  const bool known = !named->empty();
  const std::size_t limit = key.size() >= 6 ? 2 : 1;
  std::vector<std::tuple<std::size_t, std::string, const Concept*>> near;
  for (const Concept& c : vocabulary.concepts()) {
    for (const std::string& name : NamesOf(vocabulary, c)) {
      const std::string folded = Folded(name);
      if (folded == key) {
        if (std::find(named->begin(), named->end(), &c) == named->end()) {
          named->push_back(&c);
        }
        continue;
      }
      if (key.empty() || known) continue;  // near misses: unknown text only
      const std::size_t d = Distance(key, folded, limit);
      if (d <= limit) {
        near.emplace_back(d, name, &c);
      } else if (key.size() >= 4 &&
                 (" " + folded + " ").find(" " + key + " ") !=
                     std::string::npos) {
        near.emplace_back(limit + 1 + folded.size(), name, &c);
      }
    }
  }
  std::sort(near.begin(), near.end());
  std::set<const Concept*> seen(named->begin(), named->end());
  for (const auto& [d, name, c] : near) {
    if (out->size() >= 8) break;
    if (seen.insert(c).second) out->emplace_back(name, c);
  }
}

}  // namespace

std::vector<std::string> NamesOf(const Vocabulary& vocabulary,
                                 const Concept& c) {
  return NamesOfImpl(vocabulary, c);
}

std::string FoldedName(std::string_view s) { return Folded(s); }

void ScanNames(const Vocabulary& vocabulary, const std::string& key,
               std::vector<const Concept*>* named,
               std::vector<std::pair<std::string, const Concept*>>* out) {
  ScanNamesImpl(vocabulary, key, named, out);
}

std::vector<std::pair<std::string, const Concept*>> NearNames(
    const Vocabulary& vocabulary, std::string_view word) {
  std::vector<const Concept*> named;
  std::vector<std::pair<std::string, const Concept*>> near;
  ScanNames(vocabulary, Folded(word), &named, &near);
  if (!named.empty()) near.clear();  // a name, not a near miss
  return near;
}

std::size_t SpellingDistance(std::string_view a, std::string_view b,
                             std::size_t limit) {
  return Distance(a, b, limit);
}

std::optional<NearName> NearestName(const Vocabulary& vocabulary,
                                    std::string_view word) {
  const std::string key = Folded(word);
  std::vector<const Concept*> named;
  std::vector<std::pair<std::string, const Concept*>> near;
  ScanNamesImpl(vocabulary, key, &named, &near);
  if (!named.empty()) return std::nullopt;  // a name already
  const std::size_t limit = key.size() >= 6 ? 2 : 1;
  std::optional<NearName> best;
  bool tie = false;
  for (const auto& [name, c] : near) {
    const std::size_t d = Distance(key, Folded(name), limit);
    if (d > limit) continue;  // a name that holds the word: not a spelling
    if (!best || d < best->edits) {
      best = NearName{name, c, d};
      tie = false;
    } else if (d == best->edits && c != best->target) {
      tie = true;
    }
  }
  if (tie) return std::nullopt;
  return best;
}

}  // namespace claimcheck
