// The words the claim extractor reads besides concepts: predicates with the
// direction they give ("reduces", "helps", "plays a role in"), and the cues of
// hedging, negation, attribution, populations, timing, safety, comparison and
// composition. Every list is data, kb/lexicon.tsv (kb/FORMAT.md, part 4);
// docs/claims.md explains what each does.
// Private to src/claims; covered by tests/claims/*.cc.
#ifndef CLAIMCHECK_SRC_CLAIMS_LEXICON_H_
#define CLAIMCHECK_SRC_CLAIMS_LEXICON_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "claimcheck/diagnostic.h"
#include "claimcheck/status.h"

namespace claimcheck::claims_internal {

// What lies between a token and the one before it.
enum class Gap {
  kSpace,   // white space, a hyphen, quotes
  kComma,   // a comma
  kStrong,  // ; : ( ) [ ] or a spaced dash: a clause ends
};

// A word token of one sentence, with the concept mention it belongs to.
struct Tok {
  std::size_t start = 0;
  std::size_t end = 0;
  std::string fold;
  std::string cased;
  int mention = -1;  // index into the sentence's mentions, or -1
  Gap gap = Gap::kSpace;
};

// Phrases of one or more folded words, matched longest first at a token.
// Flat: every phrase's words in one string, and one sorted array of
// entries, so that a table is a handful of allocations however many
// phrases it holds (a kb snapshot loads some 3,000 of them at each start).
template <typename T>
class PhraseTable {
 public:
  using Value = T;
  // `phrase` is folded word by word; a phrase the table holds already is
  // passed over. (Lexicon::Read expands a "~verb" row into its forms.)
  void Add(std::string_view phrase, T value);
  // The length in tokens of the longest phrase starting at toks[i] (0 when
  // none) and its value; of phrases of one length, the first added. Tokens
  // inside a concept mention never match when `skip_mentions`.
  std::size_t Match(const std::vector<Tok>& toks, std::size_t i, T* value,
                    bool skip_mentions = true) const;
  // The one-word phrases of the table, folded, in the table's order.
  std::vector<std::string_view> Words() const;

  bool operator==(const PhraseTable& other) const = default;

  // cereal's split serialization (the same table always gives the same
  // bytes; load refuses entries that do not fit the text). Defined in
  // lexicon.cc, the one user (Lexicon::Save and Load).
  template <class Archive>
  void save(Archive& ar) const;
  template <class Archive>
  void load(Archive& ar);

 private:
  struct Entry {
    std::uint32_t start = 0;  // the phrase in text_: words joined by ' '
    std::uint32_t size = 0;
    std::uint32_t first = 0;  // the length of its first word
    std::uint32_t words = 0;
    T value{};
    bool operator==(const Entry&) const = default;
  };
  std::string_view First(const Entry& e) const {
    return std::string_view(text_).substr(e.start, e.first);
  }
  // The entry after the last one whose first word sorts before `word`:
  // where its phrases begin (Match) or a new one goes (Add).
  typename std::vector<Entry>::const_iterator FirstAt(
      std::string_view word) const;

  std::string text_;
  // By first word in byte order, then in the order added.
  std::vector<Entry> entries_;
};

// Single folded words, looked up whole: the function words a rule of the
// extractor reads around a token ("in May", "the lower", "is impaired").
class WordSet {
 public:
  using Value = bool;  // (Lexicon::Read: a word set's rows have no value)
  // `word` is folded; false when it is not one word (nothing is added).
  bool Add(std::string_view word);
  bool Has(std::string_view fold) const;
  bool operator==(const WordSet& other) const = default;

  template <class Archive>
  void serialize(Archive& ar) {
    ar(words_);
  }

 private:
  std::vector<std::string> words_;  // sorted, unique
};

// The effect a predicate has on its object.
enum class Effect {
  kUp,        // increases, promotes, activates, leads to
  kDown,      // reduces, relieves, blocks, prevents
  kBetter,    // improves, helps, supports: the object's better direction
  kRelieve,   // relieves, eases, soothes, calms: better for outcomes, down
              // for mechanisms ("calms the nervous system")
  kWorse,     // impairs, disrupts, worsens
  kModulate,  // regulates, influences, plays a role in
  kNoEffect,  // "has no effect on", "no significant difference in"
  kConvert,   // "converts A to B": increases B
};

struct Trigger {
  Effect effect = Effect::kModulate;
  // A weak predicate ("help", "assist in") gives way to a predicate right
  // after it: "helps reduce" is reduce.
  bool weak = false;
  bool operator==(const Trigger&) const = default;
};

enum class Boundary {
  kRelative,     // ", which", "who": the clause's subject is the antecedent
  kContrast,     // but, while, whereas, although, however
  kSubordinate,  // because, since, if, when, so
  kUnlike,       // "unlike X …,": what follows is said of something else
};

enum class Anaphor {
  kAny,   // it, its, this mineral, this supplement
  kForm,  // this form, this salt
  kDose,  // high doses, excessive intake: the subject, taken in excess
};

enum class DoseRelation { kDose, kRecommendedIntake, kUpperLimit, kSafe };

struct Lexicon {
  PhraseTable<Trigger> triggers;
  PhraseTable<Effect> postfix;  // "NMDA receptor antagonist"
  PhraseTable<int> hedges;
  PhraseTable<int> assertives;
  PhraseTable<int> negations;            // before the predicate
  PhraseTable<int> pseudo_negations;     // "not only", "no doubt"
  PhraseTable<int> null_findings;        // after it: "equally in both groups"
  PhraseTable<int> evidence_nouns;       // research, studies, trials
  PhraseTable<int> reporting_verbs;      // show, suggest, indicate
  PhraseTable<int> attribution_phrases;  // "according to", "published in"
  // Reported speech: who the article hands a claim to ("social feeds",
  // "marketers") and the verb that hands it over ("promise", "claim").
  PhraseTable<int> hearsay_sources;
  PhraseTable<int> hearsay_verbs;
  PhraseTable<Anaphor> anaphors;
  PhraseTable<int> deficits;  // without, insufficient, lack of
  PhraseTable<Boundary> boundaries;
  PhraseTable<int> embedded;  // how, whether: an embedded question
  PhraseTable<int> fillers;   // words an object may sit behind: "the
                              // synthesis of", "excessive release of"
  PhraseTable<int> flips;     // "a reduction in", "difficulty": the
                              // predicate's direction turns
  PhraseTable<int> linkers;   // and, or, like, such as: coordination
  PhraseTable<std::string> populations;  // "older adults" -> "older adults"
  PhraseTable<int> population_with;      // "people with", "those with"
  PhraseTable<std::string> timings;      // "before bed" -> "before bed"
  PhraseTable<int> cautions;             // avoid, should not, contraindicated
  PhraseTable<int> interactions;         // "interact with"
  PhraseTable<int>
      co_use;  // "take", "combine": a question of taking two together
  PhraseTable<int> combinations;        // combining, together with
  PhraseTable<int> synergy;             // enhance its effect, synergistic
  PhraseTable<int> bioavailability;     // bioavailable, absorbed
  PhraseTable<int> tolerance;           // gentler, well tolerated
  PhraseTable<int> more;                // more, better, higher, most
  PhraseTable<int> less;                // less, lower, poorer
  PhraseTable<int> than;                // than, compared to, over
  PhraseTable<std::string> categories;  // mineral, mushroom, amino acid
  PhraseTable<int> copulas;             // is a, is an, are
  PhraseTable<DoseRelation> dose_cues;
  PhraseTable<int> onset_cues;  // within, to work, take effect
  PhraseTable<int> bedtime;     // before bed, before bedtime
  // "by", "by taking": after a passive predicate, what names its agent
  // ("is shortened by zinc").
  PhraseTable<int> agent_markers;
  // "association", "link": before "between X and Y", an association.
  PhraseTable<int> between_nouns;
  // "and", "or", "as well as": what joins coordinated subjects.
  PhraseTable<int> coordinators;
  // Everyday wording a user types, and the words the rules read for it
  // ("knocks you out" -> "improves sleep"): `query` only (ReadUserClaim).
  PhraseTable<std::string> paraphrases;
  // Function words the extractor's rules read (docs/claims.md says which
  // rule reads each).
  WordSet month_may_before;      // "in May", "early May": the month
  WordSet adjective_before_low;  // "have lower", "the low": an adjective
  WordSet verb_phrase_before;    // "may relax muscles": a verb phrase
  WordSet object_stops;          // by, through, because: the object ends
  WordSet participle_before;     // "to improved sleep": a modifier
  WordSet subject_openers;       // the, chronic, which: a clause opener
  WordSet expletive_adjectives;  // "it is best to": a dummy subject
  WordSet auxiliaries;           // "melatonin is increased": between
  WordSet need_nouns;            // "your individual needs": a noun
  WordSet anaphor_determiners;   // this, these: "this amino acid"
  WordSet form_words;            // powder, berry, root: "turmeric powder"
  WordSet be_forms;              // is, was, been: before a passive
  WordSet literal_openers;       // the, and: before a literal subject
  WordSet verb_adjuncts;         // can, alone: between a subject and verb
  WordSet literal_stops;         // it, in, many: never in a literal subject

  // Reads a lexicon file (kb/lexicon.tsv; kb/FORMAT.md, part 4): every
  // row's table, phrase and value; "~verb rest" adds each inflection of
  // the verb (irregular ones from the file's inflections rows). Problems
  // (unknown table, bad value, repeated phrase, a table with no rows) are
  // appended to `problems` with the file and line, and make it Corruption;
  // NotFound when the file cannot be read. `out` is set only when clean.
  static Status Read(const std::string& path, Lexicon* out,
                     Diagnostics* problems);
  bool operator==(const Lexicon&) const = default;

  // Every table as bytes, for a kb snapshot (kb_snapshot.h), and back;
  // Load returns false for bytes Save did not write.
  std::string Save() const;
  static bool Load(std::string_view saved, Lexicon* out);
};

}  // namespace claimcheck::claims_internal

#endif  // CLAIMCHECK_SRC_CLAIMS_LEXICON_H_
