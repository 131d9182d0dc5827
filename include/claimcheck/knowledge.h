// Knowledge: the curated evidence of kb/ (claims.json, studies.json and
// reference_values.json, kb/FORMAT.md part 2) read into typed structures for
// the verdict engine and `claimcheck kb stats`. `kb check` (kb.h) is the full
// validator; Load reads and, when reading succeeded, runs that validator too.
// Covered by tests/kb/knowledge_test.cc.
#ifndef CLAIMCHECK_KNOWLEDGE_H_
#define CLAIMCHECK_KNOWLEDGE_H_

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "claimcheck/claims.h"
#include "claimcheck/concepts.h"
#include "claimcheck/diagnostic.h"
#include "claimcheck/document.h"
#include "claimcheck/status.h"

namespace claimcheck {

// What a source says about a claim (FORMAT.md "stance"). kNullResult is the
// word "no_effect" (claims.h already has a kNoEffect, the relation).
enum class Stance { kSupports, kRefutes, kNullResult, kMixed, kContext };
// "supports", "refutes", "no_effect", "mixed", "context".
const char* StanceName(Stance stance);
// The inverse of StanceName; nullopt for any other word.
std::optional<Stance> ParseStance(std::string_view name);
// Every stance, in enum order.
const std::vector<Stance>& AllStances();

// How the evidence differs from the claim (FORMAT.md "directness").
enum class Directness {
  kDirect,
  kOtherForm,
  kOtherPopulation,
  kSurrogateOutcome,
  kAnimal,
  kInVitro,
  kMechanistic,
};
// "direct", "other_form", "other_population", "surrogate_outcome", "animal",
// "in_vitro", "mechanistic".
const char* DirectnessName(Directness directness);
std::optional<Directness> ParseDirectness(std::string_view name);
const std::vector<Directness>& AllDirectness();

// The kind of a reference value (FORMAT.md `reference_values.json`).
enum class ReferenceKind {
  kRda,
  kUpperLimit,
  kAdvice,
  kLabel,
  kCaution,
  kUnitConversion,  // amount: how many `unit` make one `per` (40 IU per mcg)
};
// "rda", "upper_limit", "advice", "label", "caution", "unit_conversion".
const char* ReferenceKindName(ReferenceKind kind);
std::optional<ReferenceKind> ParseReferenceKind(std::string_view name);
const std::vector<ReferenceKind>& AllReferenceKinds();

// An amount or a time window: {min, max, unit, per, basis}. A single value
// has min == max; an upper bound has no min. Empty strings are "not given"
// (JSON null or absent): onset windows have no `per` and no `basis`.
struct Amount {
  std::optional<double> min;
  std::optional<double> max;
  std::string unit;   // "mg", "g", "mmol", "min", "h", "day" …
  std::string per;    // "day", "dose", "fl oz" …
  std::string basis;  // "elemental", "compound", "unspecified"
};

// A number as the reports write amounts: "%g" ("350", "0.5", "1e+06").
std::string FormatNumber(double value);
// "310-420 mg/day", "350 mg/day", "6 h": an amount in words, the range
// when min and max differ, else the one number given; "" when it has none.
std::string AmountWords(const Amount& amount);

// What changes a claim's meaning. Empty strings are "not stated".
struct ClaimQualifiers {
  std::string form;        // "citrate", "root"
  std::string population;  // "adults"
  std::string timing;      // "before bed, as a single dose"
  std::optional<Amount> dose;
  std::optional<Amount> onset;  // unit "min", "h" or "day"
  std::string outcome;          // concept id: what comparisons compare on
  std::vector<std::string> comparators;  // concept ids: the forms meant
  // Every other string member ("role", "intake_source" …), by key.
  std::map<std::string, std::string> other;
};

// A further triple the same claim sentence makes ("also").
struct ClaimTriple {
  std::string relation;
  std::string object;  // concept id
};

// One entry of claims.json.
struct CuratedClaim {
  std::string id;
  std::string text;
  std::string sheet_claim;  // empty when the file has none
  ClaimKind kind = ClaimKind::kEffect;
  std::string subject;   // concept id
  std::string relation;  // "increases", "safe_dose", … (FORMAT.md relations)
  std::string object;    // concept id; empty only for dose claims
  ClaimQualifiers qualifiers;
  std::vector<ClaimTriple> also;
  std::string note;
  std::size_t line = 0;  // line of its "id" in claims.json
};

// What a study gave: the main concept, all concepts of a multi-arm study,
// and the form and dose as the curator wrote them. Empty when null.
struct Intervention {
  std::string concept_id;             // FORMAT.md "concept"; may be empty
  std::vector<std::string> concepts;  // FORMAT.md "concepts"; often empty
  std::string form;
  std::string dose;
};

// One entry of a study's "evidence" list.
struct CuratedEvidence {
  std::string claim;  // claim id
  Stance stance = Stance::kContext;
  Directness directness = Directness::kDirect;
  std::string note;
};

// One entry of studies.json. Strings the file gives as null are empty.
struct Study {
  std::string id;
  std::string pmid;   // digits
  std::string pmcid;  // "PMC…"
  std::string doi;    // "10.…"
  std::string first_author;
  std::optional<int> year;
  std::string journal;
  std::string title;
  Design design = Design::kUnknown;
  std::string design_detail;
  std::string population;
  std::optional<long long> n;
  Intervention intervention;
  std::string comparator;
  std::string outcome;
  std::string finding;
  std::string authors_certainty;
  // The authors' own GRADE rating for the outcome the claims are about:
  // "high", "moderate", "low", "very low"; empty when they give none. A
  // verdict never rates this source above it.
  std::string authors_grade;
  // Risk of bias as the curator or the review reports it: "low", "some",
  // "high"; empty when not assessed. "high" moves the source down a level.
  std::string risk_of_bias;
  std::string funding_or_coi;
  std::vector<std::string> includes;  // study ids a review pools
  std::string secondary_analysis_of;  // study id, or empty
  bool retracted = false;
  std::string uncertain;
  std::string read_via;
  std::vector<std::string> urls;
  std::vector<CuratedEvidence> evidence;  // file order
  std::size_t line = 0;                   // line of its "id" in studies.json
};

// One entry of reference_values.json.
struct ReferenceValue {
  std::string id;
  ReferenceKind kind = ReferenceKind::kRda;
  std::string concept_id;        // FORMAT.md "concept"
  std::optional<Amount> amount;  // none for cautions
  std::string population;
  std::string source;  // study id
  std::string note;
  std::vector<std::string> also_sources;  // study ids
  std::string intake_source;              // "total", "supplemental" or empty
  std::string condition;                  // concept id, for cautions
  // Who it is for, as a word: "adults", "children", "adolescents",
  // "older_adults", "pregnancy", "lactation", "infants", "general"; empty
  // when not given (kb/FORMAT.md part 2).
  std::string group;
  std::size_t line = 0;  // line of its "id" in reference_values.json
};

// An evidence entry together with the study that gives it.
struct ClaimEvidence {
  const Study* study = nullptr;
  const CuratedEvidence* evidence = nullptr;
};

// The curated evidence, read once and then only looked up. Thread-safe for
// concurrent reads once loaded. Pointers it hands out stay valid as long as
// the Knowledge (or the one it is moved into) lives.
class Knowledge {
 public:
  Knowledge();
  ~Knowledge();
  Knowledge(Knowledge&&) noexcept;
  Knowledge& operator=(Knowledge&&) noexcept;
  Knowledge(const Knowledge&) = delete;
  Knowledge& operator=(const Knowledge&) = delete;

  // Reads kb_dir/claims.json, studies.json and reference_values.json into
  // `out` (replacing what it held). Returns NotFound, with nothing appended
  // to `problems`, when one of the three files does not exist. Otherwise every
  // problem found is appended to `problems` naming its file and place — JSON
  // syntax as "line L, column C", a missing or ill-typed member or an unknown
  // enum word as "line L, study 'id'" (claim, reference value) — and the call
  // returns Corruption. An item with a problem is left out; the rest is kept.
  // When reading found nothing wrong, the files also go through CheckEvidence
  // (kb.h) against `vocabulary`, whose problems likewise give Corruption.
  static Status Load(const std::string& kb_dir, const Vocabulary& vocabulary,
                     Knowledge* out, Diagnostics* problems);

  // A Knowledge of items that were read and checked before (a kb snapshot,
  // kb_snapshot.h): indexed, not checked again.
  static Knowledge Assemble(std::vector<CuratedClaim> claims,
                            std::vector<Study> studies,
                            std::vector<ReferenceValue> reference_values);

  // In file order.
  const std::vector<CuratedClaim>& claims() const { return claims_; }
  const std::vector<Study>& studies() const { return studies_; }
  const std::vector<ReferenceValue>& reference_values() const {
    return reference_values_;
  }

  // nullptr when there is no such id.
  const CuratedClaim* FindClaim(std::string_view id) const;
  const Study* FindStudy(std::string_view id) const;
  const ReferenceValue* FindReferenceValue(std::string_view id) const;

  // The evidence entries on claim `claim_id`, each with its study, in file
  // order (studies in studies.json order, entries in their list order).
  // Empty for an unknown claim or one no study speaks to.
  const std::vector<ClaimEvidence>& StudiesForClaim(
      std::string_view claim_id) const;

 private:
  // Rebuilds the id indexes and the claim -> evidence index.
  void Index();

  std::vector<CuratedClaim> claims_;
  std::vector<Study> studies_;
  std::vector<ReferenceValue> reference_values_;
  std::map<std::string, std::size_t, std::less<>> claim_index_;
  std::map<std::string, std::size_t, std::less<>> study_index_;
  std::map<std::string, std::size_t, std::less<>> reference_index_;
  std::map<std::string, std::vector<ClaimEvidence>, std::less<>> by_claim_;
};

}  // namespace claimcheck

#endif  // CLAIMCHECK_KNOWLEDGE_H_
