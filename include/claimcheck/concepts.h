// Concepts: the curated vocabulary (kb/concepts/*.json, see kb/FORMAT.md) and
// the matcher that finds mentions of its concepts in a Text.
// Covered by tests/concepts/*.cc.
#ifndef CLAIMCHECK_CONCEPTS_H_
#define CLAIMCHECK_CONCEPTS_H_

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "claimcheck/diagnostic.h"
#include "claimcheck/status.h"
#include "claimcheck/text.h"

namespace claimcheck {

enum class ConceptKind { kIntervention, kMechanism, kOutcome };
const char* ConceptKindName(ConceptKind kind);

// For outcomes: which way of moving counts as better for the person.
enum class Better { kNone, kHigher, kLower };
const char* BetterName(Better better);

// Whether a concept can be what a claim is about (docs/vocabulary.md,
// "Typing by branch"). Only kArgument concepts are claim subjects and
// objects; the others are matched so that their words are not misread.
enum class ConceptScope {
  kArgument,    // a substance, exposure, body signal or outcome
  kClass,       // a pharmacological class label ("Antioxidants")
  kPopulation,  // who was studied: "Humans", "Male", "Aged", "Rats"
  kOther,       // methods, places, disciplines, publication types
};
const char* ConceptScopeName(ConceptScope scope);

// Where a concept comes from (docs/vocabulary.md, "Layers").
enum class ConceptSource {
  kCurated,    // kb/concepts/*.json (possibly an overlay on a descriptor)
  kAlias,      // a concept kb/mesh/aliases.tsv adds under a descriptor
  kMesh,       // a MeSH descriptor, kb/mesh/descriptors.tsv
  kHarvested,  // a Supplementary Concept Record an imported record named
  kLiteral,    // words of a claim's sentence the vocabulary does not know
               // (a literal argument, docs/claims.md); never in a Vocabulary
};
const char* ConceptSourceName(ConceptSource source);
// A literal argument's id is this prefix and its words, folded
// ("literal:calmora blend"; LiteralConcept in claims.h).
inline constexpr std::string_view kLiteralPrefix = "literal:";

struct Concept {
  // Stable: [a-z][a-z0-9_]* for curated and alias concepts, the descriptor
  // UI ("D008274") for MeSH descriptors without an overlay.
  std::string id;
  ConceptKind kind = ConceptKind::kIntervention;
  std::string label;
  std::vector<std::string> synonyms;        // matched ignoring case
  std::vector<std::string> cased_synonyms;  // matched with case ("Mg", "RLS")
  std::vector<std::string> antonyms;        // name the opposite pole
  std::vector<std::string> is_a;            // parent concept ids
  Better better = Better::kNone;            // outcomes only
  // Interventions only, optional: "mineral", "salt", "herb", "hormone",
  // "amino acid", "vitamin", "medicine", "food", "compound".
  std::string category;
  // The MeSH descriptor UI this concept is ("D008274"), or empty.
  std::string mesh;
  // Mechanisms only, optional: the intervention the bare word means when
  // a user asks about taking it ("melatonin" -> melatonin_supplement).
  std::string taken_as;
  ConceptScope scope = ConceptScope::kArgument;
  ConceptSource source = ConceptSource::kCurated;
  // Consumer names from kb/mesh/aliases.tsv (matched ignoring case).
  std::vector<std::string> aliases;
  std::string file;      // the kb file it came from (empty: kb/mesh)
  std::size_t line = 0;  // line of its "id" in that file (or its row)
};

// True for a literal argument's concept or id.
bool IsLiteral(const Concept* c);
bool IsLiteralId(std::string_view id);

// MeSH's entry terms and abbreviations of a descriptor, and the UIs of its
// pharmacological actions ("D017367" for sertraline), each list joined by
// '|': kept by the Vocabulary in one text beside the concepts (not in each
// Concept, so that a snapshot of 30,000 descriptors loads in a few copies).
struct MeshNames {
  std::string terms;
  std::string abbreviations;
  std::string actions;
};

// The concepts of a vocabulary as columns: one text and arrays of numbers,
// the form a kb snapshot keeps them in (kb_snapshot.h), so that 30,000
// concepts load in a few copies (docs/scale.md, "The vocabulary in a
// snapshot").
struct ConceptColumns {
  std::string text;
  std::vector<std::uint32_t> spans;   // (start, size): 5 strings, then items
  std::vector<std::uint32_t> counts;  // per concept: its 5 lists' sizes
  std::vector<std::uint8_t> enums;  // per concept: kind, better, scope, source
  std::vector<std::uint64_t> lines;

  template <class Archive>
  void serialize(Archive& ar) {
    ar(text, spans, counts, enums, lines);
  }
};

// The concepts of a vocabulary, in order, each at an address that stays
// valid for the table's life (moves included). A table made from columns
// builds each concept the first time it is asked for, so that a command
// pays only for the concepts it reads; that is safe from several threads.
class ConceptTable {
 public:
  ConceptTable();
  ~ConceptTable();
  ConceptTable(ConceptTable&&) noexcept;
  ConceptTable& operator=(ConceptTable&&) noexcept;
  ConceptTable(const ConceptTable&) = delete;
  ConceptTable& operator=(const ConceptTable&) = delete;

  // The concepts `columns` hold; nullopt when the columns do not hold whole
  // concepts (a length, a span out of range, an unknown enum value).
  static std::optional<ConceptTable> FromColumns(ConceptColumns columns);
  ConceptColumns ToColumns() const;

  std::size_t size() const { return slots_.size(); }
  bool empty() const { return slots_.empty(); }
  const Concept& operator[](std::size_t i) const;
  const Concept& back() const { return (*this)[size() - 1]; }
  // The id, kind and source of concept i, without building it.
  std::string_view IdAt(std::size_t i) const;
  ConceptKind KindAt(std::size_t i) const;
  ConceptSource SourceAt(std::size_t i) const;
  void push_back(Concept c);

  class Iterator {
   public:
    using iterator_category = std::forward_iterator_tag;
    using value_type = Concept;
    using difference_type = std::ptrdiff_t;
    using pointer = const Concept*;
    using reference = const Concept&;
    Iterator() = default;
    Iterator(const ConceptTable* table, std::size_t i) : table_(table), i_(i) {}
    reference operator*() const { return (*table_)[i_]; }
    pointer operator->() const { return &(*table_)[i_]; }
    Iterator& operator++() {
      ++i_;
      return *this;
    }
    Iterator operator++(int) {
      Iterator before = *this;
      ++i_;
      return before;
    }
    bool operator==(const Iterator& o) const { return i_ == o.i_; }

   private:
    const ConceptTable* table_ = nullptr;
    std::size_t i_ = 0;
  };
  Iterator begin() const { return Iterator(this, 0); }
  Iterator end() const { return Iterator(this, size()); }

 private:
  struct Columns;  // the columns and where each concept's spans start
  std::unique_ptr<const Columns> columns_;
  // Owned; null until built (only a concept of columns_ starts null).
  mutable std::vector<Concept*> slots_;
  const Concept& Build(std::size_t i) const;
};

// The '|'-separated items of a MeshNames list.
std::vector<std::string_view> SplitTerms(std::string_view joined);

// A substance an imported record named (a Supplementary Concept Record), as
// a store keeps it: docs/vocabulary.md, "Harvested concepts".
struct HarvestedName {
  std::string ui;    // "C008305"
  std::string name;  // "theanine"
  std::string type;  // "Chemical", "Disease", "Organism", "Protocol"
};

// The set of concepts, loaded from a knowledge-base directory. Thread-safe for
// concurrent reads once loaded.
class Vocabulary {
 public:
  Vocabulary();
  ~Vocabulary();
  Vocabulary(Vocabulary&&) noexcept;
  Vocabulary& operator=(Vocabulary&&) noexcept;

  // Reads kb_dir/mesh/descriptors.tsv when it exists (the MeSH layer), then
  // every kb_dir/concepts/*.json in name order (curated concepts; one with
  // "mesh" takes its descriptor's place and names), then
  // kb_dir/mesh/aliases.tsv when it exists (docs/vocabulary.md). Curated
  // concepts come first in concepts(), then alias concepts, then
  // descriptors by UI. Problems (JSON syntax
  // with line and column, missing or ill-typed fields, duplicate ids) are
  // appended to `problems`; concepts that could be read are kept. Returns
  // NotFound when kb_dir/concepts does not exist, Corruption when any problem
  // was found (the vocabulary is still usable for what loaded).
  static Status Load(const std::string& kb_dir, Vocabulary* out,
                     Diagnostics* problems);

  // Adds one concept (used by loaders and tests). Returns InvalidArgument for
  // an empty or duplicate id.
  Status Add(Concept entry, const MeshNames& names = {});
  // The MeSH names of `c`, a concept of this vocabulary ('|'-joined).
  std::string_view MeshTerms(const Concept& c) const;
  std::string_view MeshAbbreviations(const Concept& c) const;
  // The descriptor UIs of `c`'s pharmacological actions ('|'-joined): the
  // classes a drug belongs to (docs/vocabulary.md, "Pharmacological
  // actions").
  std::string_view MeshActions(const Concept& c) const;
  // The derived indexes a snapshot keeps so that a load need not build
  // them (30,000 hashed ids and the is_a children cost more than the rest
  // of a query): concept indexes sorted by id, and the children of each
  // concept (children[child_begin[i], child_begin[i+1])).
  struct Index {
    std::vector<std::uint32_t> by_id;
    std::vector<std::uint32_t> child_begin;
    std::vector<std::uint32_t> children;
    std::string mesh_names;                 // every concept's MeSH names
    std::vector<std::uint32_t> mesh_spans;  // 6 per concept: (start, size) x 3
  };
  Index ExportIndex() const;
  // A vocabulary of `concepts` (in this order) with their exported index:
  // InvalidArgument, and `out` untouched, when the index does not fit them
  // (a length, an out-of-range or unsorted entry).
  static Status Adopt(ConceptTable concepts, Index index, Vocabulary* out);

  const ConceptTable& concepts() const { return concepts_; }
  // nullptr when there is no such id. A descriptor UI finds the curated
  // concept that overlays it.
  const Concept* Find(std::string_view id) const;
  // The MeSH year of the descriptor table ("2024"); empty without one.
  const std::string& mesh_year() const { return mesh_year_; }
  void set_mesh_year(std::string year) { mesh_year_ = std::move(year); }
  // Ordinary English words that MeSH lists as terms, not matched on their
  // own (kb/mesh/common_words.tsv), in file order.
  const std::vector<std::string>& common_words() const { return common_; }
  void set_common_words(std::vector<std::string> words) {
    common_ = std::move(words);
  }
  // Adds the substances a store's records name as concepts of source
  // kHarvested (id the UI, label the first name, the others aliases; a
  // Disease an outcome, the rest interventions), after every other
  // concept: those the vocabulary already has are passed over. Returns the
  // index of the first one added (concepts().size() when none was), for
  // ConceptMatcher::AddConcepts.
  std::size_t AddHarvested(const std::vector<HarvestedName>& names);
  // Makes `ui` another id of the concept `id` (an overlay); for loaders.
  Status AddAlternateId(const std::string& ui, const std::string& id);
  // Descriptor UIs that other ids stand for, by UI (for snapshots).
  const std::map<std::string, std::string, std::less<>>& alternate_ids() const {
    return alternate_;
  }
  // The label of `id`, or `id` itself when the vocabulary does not know it
  // (for reports, which must still name what they cannot resolve).
  std::string LabelOf(std::string_view id) const;
  // The concepts whose is_a names `id` (by index into concepts()), in
  // index order. The index is built at the first call (thread-safe).
  std::span<const std::uint32_t> ChildrenOf(std::string_view id) const;
  // True when `id` is `ancestor` or reaches it through is_a links.
  bool IsA(std::string_view id, std::string_view ancestor) const;

 private:
  ConceptTable concepts_;
  std::string mesh_names_;
  std::vector<std::uint32_t> mesh_spans_;  // kSpansPerConcept per concept
  std::string_view MeshSpan(const Concept& c, int which) const;
  // Ids to indexes into concepts_: hashed, looked up by string_view.
  struct IdHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const noexcept {
      return std::hash<std::string_view>()(s);
    }
  };
  std::unordered_map<std::string, std::size_t, IdHash, std::equal_to<>> index_;
  // Concepts adopted with an Index: their indexes by id (binary search).
  std::vector<std::uint32_t> by_id_;
  // The index of the concept `id` (without alternates), or size().
  std::size_t IndexOf(std::string_view id) const;
  // The same, a descriptor UI an overlay stands for included.
  std::size_t Resolve(std::string_view id) const;
  const Concept* FindId(std::string_view id) const;  // without alternates
  std::map<std::string, std::string, std::less<>> alternate_;  // UI -> id
  std::string mesh_year_;
  std::vector<std::string> common_;
  struct ChildIndex;
  std::unique_ptr<ChildIndex> children_;
};

// The names of `c`: label, synonyms, cased synonyms, aliases, MeSH terms
// and abbreviations (antonyms name the opposite pole: not listed).
std::vector<std::string> NamesOf(const Vocabulary& vocabulary,
                                 const Concept& c);
// `s` folded as the matcher folds words, the words joined by one space.
std::string FoldedName(std::string_view s);
// Every name of the vocabulary against `key` (folded): the concepts with it
// as a name into `named`; unless `named` held one on entry, near misses of
// other concepts into `out` (up to two edits for a key of six letters or
// more, one below; then names that hold the key as a word), nearest first,
// at most 8, one a concept. Reads every name: ~70 ms.
void ScanNames(const Vocabulary& vocabulary, const std::string& key,
               std::vector<const Concept*>* named,
               std::vector<std::pair<std::string, const Concept*>>* out);
// The near misses of `word`; empty when some concept has it as a name.
std::vector<std::pair<std::string, const Concept*>> NearNames(
    const Vocabulary& vocabulary, std::string_view word);

// The one concept name nearest to `word` in spelling (one edit for a word
// of five letters, two from six), when a single concept is nearest; none
// when `word` is a name, or two concepts tie.
struct NearName {
  std::string name;
  const Concept* target = nullptr;
  std::size_t edits = 0;
};
std::optional<NearName> NearestName(const Vocabulary& vocabulary,
                                    std::string_view word);
// The Damerau-Levenshtein (optimal string alignment) distance of `a` and
// `b`, or `limit` + 1 once it is certain to exceed `limit`.
std::size_t SpellingDistance(std::string_view a, std::string_view b,
                             std::size_t limit);

// How a mention's words name its concept.
enum class MatchHow {
  kExact,         // the concept's label
  kSynonym,       // a curated synonym or antonym, or a MeSH entry term
  kAbbreviation,  // a cased abbreviation, or one the document defines
  kAlias,         // a consumer name from kb/mesh/aliases.tsv
  kHarvested,     // a substance name harvested from imported records
};
const char* MatchHowName(MatchHow how);

// A concept mention in a Text. Offsets are bytes into Text::str().
struct Mention {
  const Concept* target = nullptr;  // the concept mentioned
  std::size_t start = 0;
  std::size_t end = 0;
  std::size_t sentence = 0;  // index into Text::sentences()
  // -1 when the words name the concept's opposite pole ("muscle relaxation"
  // for muscle_tension), +1 otherwise.
  int polarity = 1;
  // The abbreviation defined in the document through which this matched, or
  // empty ("HPA" after "hypothalamic-pituitary-adrenal (HPA) axis").
  std::string via_abbreviation;
  // How the words matched (docs/vocabulary.md, "Matching").
  MatchHow how = MatchHow::kExact;
};

// An abbreviation the document defines: "long form (SHORT)".
struct Abbreviation {
  std::string short_form;
  std::string long_form;
  std::size_t short_start = 0;  // byte offsets of SHORT in Text::str()
  std::size_t short_end = 0;
  std::size_t long_start = 0;  // byte offsets of the long form
  std::size_t sentence = 0;
};

// Finds "long form (SHORT)" definitions with the Schwartz & Hearst (2003)
// algorithm: SHORT has 2-10 characters, at most two words, a letter first or
// among its characters, and its characters occur in order in the long form,
// the first one at the start of a word.
std::vector<Abbreviation> FindAbbreviations(const Text& text);

// Finds mentions of a Vocabulary's concepts. Build once, use for many texts;
// Match is const and thread-safe.
class ConceptMatcher {
 public:
  // `vocabulary` must outlive the matcher.
  explicit ConceptMatcher(const Vocabulary& vocabulary);
  ~ConceptMatcher();
  ConceptMatcher(const ConceptMatcher&) = delete;
  ConceptMatcher& operator=(const ConceptMatcher&) = delete;
  ConceptMatcher(ConceptMatcher&&) noexcept;
  ConceptMatcher& operator=(ConceptMatcher&&) noexcept;

  // The matcher's phrases, folded, as bytes (for a kb snapshot,
  // kb_snapshot.h); and a matcher from such bytes and the vocabulary they
  // were made from, without folding anything again: nullopt when the bytes
  // are not such.
  std::string Save() const;
  static std::optional<ConceptMatcher> Load(const Vocabulary& vocabulary,
                                            std::string_view saved);

  // Mentions in document order. Within a sentence the longest match wins;
  // matches never cross sentences. Abbreviations the text defines are added
  // to the vocabulary for this text only, and the "(SHORT)" of a definition
  // does not interrupt a phrase ("N-methyl-D-aspartate (NMDA) receptors" is
  // one mention of the NMDA receptor). When `abbreviations` is not null it
  // receives the definitions found.
  std::vector<Mention> Match(const Text& text,
                             std::vector<Abbreviation>* abbreviations) const;
  std::vector<Mention> Match(const Text& text) const {
    return Match(text, nullptr);
  }

  // Matches the names of the vocabulary's concepts from index `first` on
  // too (harvested concepts added after the matcher was made or loaded).
  void AddConcepts(std::size_t first);

 private:
  ConceptMatcher();
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace claimcheck

#endif  // CLAIMCHECK_CONCEPTS_H_
