// Claims: what a sentence asserts, normalised so that "magnesium helps you
// fall asleep faster", "Mg shortens sleep onset latency" and "magnesium
// reduces the time it takes to fall asleep" are one claim,
// decreases(magnesium, sleep_onset_latency). The rules are in
// docs/claims.md; covered by tests/claims/*.cc.
#ifndef CLAIMCHECK_CLAIMS_H_
#define CLAIMCHECK_CLAIMS_H_

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "claimcheck/concepts.h"
#include "claimcheck/diagnostic.h"
#include "claimcheck/status.h"
#include "claimcheck/text.h"

namespace claimcheck {

enum class ClaimKind {
  kEffect,       // intervention (or mechanism) -> outcome
  kMechanism,    // -> a mechanism concept (GABA, melatonin, cortisol …)
  kDose,         // an amount to take or to need ("200 to 400 mg per day")
  kComparison,   // "citrate is more bioavailable than oxide"
  kSafety,       // harms, contraindications, interactions
  kOnset,        // timing ("30–60 minutes before bed", "within 30 minutes")
  kComposition,  // what a thing is ("valerian root is a mushroom")
};
// "effect", "mechanism", …; Parse… is the inverse (nullopt for any other
// word). The words are CLI.md's and the store's.
const char* ClaimKindName(ClaimKind kind);
std::optional<ClaimKind> ParseClaimKind(std::string_view name);
// Every claim kind, in enum order.
const std::vector<ClaimKind>& AllClaimKinds();

enum class Hedging { kHedged, kPlain, kAssertive };
const char* HedgingName(Hedging hedging);
std::optional<Hedging> ParseHedging(std::string_view name);

enum class Attribution { kNone, kUnnamed, kCited };
const char* AttributionName(Attribution attribution);
std::optional<Attribution> ParseAttribution(std::string_view name);

// Relations. Effect, mechanism and safety claims use the first four; the
// other kinds add their own (docs/claims.md lists them all).
inline constexpr const char* kIncreases = "increases";
inline constexpr const char* kDecreases = "decreases";
inline constexpr const char* kModulates = "modulates";
inline constexpr const char* kNoEffect = "no_effect";
// Every relation a claim of `kind` may have, in docs/claims.md's order.
const std::vector<std::string>& RelationsOf(ClaimKind kind);

// An amount the text states: "200 to 400 mg per day", "30–60 minutes".
struct Quantity {
  double min = 0;
  double max = 0;
  std::string unit;   // "mg", "g", "mcg", "mmol", "IU", "min", "h", "day"…
  std::string per;    // "day", "dose", or empty
  std::string basis;  // "elemental", "compound" or "unspecified" (doses)
  // How the bound is said: "" (exactly or a range), "up_to", "at_least",
  // "around", "more_than", "less_than".
  std::string bound;
  std::size_t start = 0;  // byte offsets into Text::str()
  std::size_t end = 0;
};

// A literal argument: the words of a sentence that name a claim's subject
// where the vocabulary has no concept for them ("Lockdown restrictions
// alone can reduce the risk of COVID-19 infection"): a concept of source
// kLiteral, id "literal:" and the words folded, label the words as
// written, of `kind`. Such a claim is outside the knowledge base
// (docs/claims.md, "Literal arguments"; docs/verdicts.md, 1).
std::shared_ptr<const Concept> LiteralConcept(std::string_view words,
                                              ConceptKind kind);

struct Claim {
  ClaimKind kind = ClaimKind::kEffect;
  const Concept* subject = nullptr;  // never null
  // Owns `subject` when it is a literal argument (LiteralConcept).
  std::shared_ptr<const Concept> literal_subject;
  std::string relation;
  // The object concept; null for dose claims and for composition claims,
  // whose object is a category word (`category`, "mushroom").
  const Concept* object = nullptr;
  std::string category;

  // Qualifiers; empty when the sentence does not say.
  std::string population;  // "adults", "women", "people with kidney …"
  std::string timing;      // "before bed", "in the evening"
  std::optional<Quantity> quantity;

  // How it is said.
  Hedging hedging = Hedging::kPlain;
  bool negated = false;
  // When negated: the relation the sentence denies ("did not improve sleep"
  // is relation no_effect, denied "increases").
  std::string denied;
  Attribution attribution = Attribution::kNone;
  bool question = false;  // the sentence asks rather than asserts
  // Reported speech: the words that hand the claim to a source that is not
  // evidence ("Social feeds promise that"); empty when the article makes
  // the claim itself. The audit neither flags nor scores what an article
  // only reports (docs/claims.md, docs/audit.md).
  std::string reported_by;

  // Where it is said.
  std::size_t sentence = 0;  // index into Text::sentences()
  std::string section;       // the heading or abstract label above it
  // The predicate words that carry the relation ("helps", "reduce").
  std::size_t trigger_start = 0;
  std::size_t trigger_end = 0;
  // How the subject was found: "text" (named in the sentence), "antecedent"
  // (the noun a "which" refers to) or "focus" (the document's current
  // subject standing in for "it", "this mineral" or a missing subject).
  std::string subject_from = "text";
  // The cue words behind hedging, negation and attribution, for reports.
  std::vector<std::string> cues;
};

// Identity of a claim for grouping and comparison: kind, subject, relation,
// object (or category). Qualifiers and wording are not part of it.
std::string ClaimKey(const Claim& claim);

// Per-sentence context an importer knows better than the text: the label of
// a structured abstract's section ("RESULTS"), and whether a sentence is
// boilerplate that must not yield claims.
struct SentenceContext {
  std::string section;
  bool boilerplate = false;
  // What the importer saw around the sentence: kCited when a link to a
  // study or a study identifier sits in it or right after it, kUnnamed for
  // a reference in words only ("Abbasi et al., 2012"). The extractor keeps
  // the stronger of this and what the wording says.
  Attribution attribution = Attribution::kNone;
};

namespace claims_internal {
struct Lexicon;
}

// The claim extractor's word lists: predicates and the cues of hedging,
// negation, attribution and the rest (kb/lexicon.tsv, kb/FORMAT.md part
// 4), read once and shared by every extractor made with it. Immutable; a
// default-constructed one has empty lists (it finds no predicate).
class ClaimLexicon {
 public:
  ClaimLexicon();
  // Reads kb_dir/lexicon.tsv. Problems, with the file and line, are
  // appended to `problems` (Corruption); NotFound without the file.
  static Status Load(const std::string& kb_dir, ClaimLexicon* out,
                     Diagnostics* problems);
  // Its tables as bytes, for a kb snapshot (kb_snapshot.h), and back:
  // nullopt for bytes Save did not write.
  std::string Save() const;
  static std::optional<ClaimLexicon> FromSaved(std::string_view saved);
  bool operator==(const ClaimLexicon& other) const;

  const claims_internal::Lexicon& tables() const { return *lexicon_; }

 private:
  std::shared_ptr<const claims_internal::Lexicon> lexicon_;
};

class ClaimExtractor {
 public:
  // `vocabulary` must outlive the extractor.
  ClaimExtractor(const Vocabulary& vocabulary, ClaimLexicon lexicon);
  // With a matcher made before for `vocabulary` (a kb snapshot's,
  // kb_snapshot.h).
  ClaimExtractor(const Vocabulary& vocabulary, ClaimLexicon lexicon,
                 ConceptMatcher matcher);
  ~ClaimExtractor();
  ClaimExtractor(const ClaimExtractor&) = delete;
  ClaimExtractor& operator=(const ClaimExtractor&) = delete;

  // The claims of a whole document, in sentence order. `context`, when not
  // empty, has one entry per sentence of `text`. Headings yield no claims;
  // they only name the section of what follows them. When some sentence has
  // a section label the text is read as a study abstract: a sentence with
  // no subject takes the abstract's intervention. Const, thread-safe.
  std::vector<Claim> Extract(const Text& text,
                             const std::vector<Mention>& mentions,
                             const std::vector<SentenceContext>& context) const;
  std::vector<Claim> Extract(const Text& text) const;

  // The document's main subject (an intervention), used where a sentence
  // names none; null when the document names no intervention.
  const Concept* MainSubject(const std::vector<Mention>& mentions) const;

  const ConceptMatcher& matcher() const;
  // `text` with each everyday phrase of the lexicon's paraphrases put in
  // the words the rules read ("knocks you out" -> "improves sleep"), and
  // each (phrase as typed, words put in) appended to `done`; `text` as it
  // is when none occurs.
  std::string Paraphrase(
      const Text& text,
      std::vector<std::pair<std::string, std::string>>* done) const;
  // The one word of the predicate and cue tables (triggers, absorption,
  // tolerance, cautions, comparatives, dose cues) nearest to `word` in
  // spelling, folded: one edit for a word of five to seven letters, two
  // from eight, and a single nearest; none when `word` is such a word.
  std::optional<std::string> NearestCueWord(std::string_view word) const;
  // Matches the vocabulary's concepts from index `first` on too (harvested
  // concepts added after the matcher was made: ConceptMatcher::AddConcepts).
  // Not while another thread extracts.
  void MatchAlso(std::size_t first);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// A user's question or statement read as one claim (`claimcheck query`;
// docs/reports.md, "Query answers"): the first claim of the text that is
// not a composition claim. When the text makes none, words one or two
// edits from a single concept's name are read as that name (NearestName),
// if the text so read makes a claim whose subject or object is each name
// read in: `corrected` lists them (word, name), for the answer to say so.
// A text that names no intervention but a mechanism with a `taken_as`
// ("does melatonin help you sleep?") is read with that intervention, when
// the claim is then about it (`taken_as`).
// None when no reading makes a claim.
struct UserClaim {
  Text text;               // the text as read, corrections included
  Claim claim;             // the claim judged
  std::size_t claims = 0;  // how many claims the text makes
  std::vector<std::pair<std::string, std::string>> corrected;
  // A mechanism read as what it is taken as (Concept::taken_as) when the
  // text names no intervention: "melatonin" -> "melatonin supplement".
  std::vector<std::pair<std::string, std::string>> taken_as;
  // Everyday phrases read in other words (ClaimExtractor::Paraphrase):
  // "knocks you out" -> "improves sleep".
  std::vector<std::pair<std::string, std::string>> paraphrased;
  // A salt's bare name read as the named mineral's salt: "oxide" ->
  // "magnesium oxide" beside "magnesium citrate".
  std::vector<std::pair<std::string, std::string>> forms;
  // Misspelt predicate or cue words read as the word they are near:
  // "bioavailible" -> "bioavailable" (ClaimExtractor::NearestCueWord).
  std::vector<std::pair<std::string, std::string>> respelt;
};
std::optional<UserClaim> ReadUserClaim(const ClaimExtractor& extractor,
                                       const Vocabulary& vocabulary,
                                       const std::string& text);

}  // namespace claimcheck

#endif  // CLAIMCHECK_CLAIMS_H_
