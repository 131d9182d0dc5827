// The verdict engine: for one claim, the evidence on it and on its more
// specific and more general forms (through the claim graph and the is-a
// hierarchy), weighed into `supported`, `contested`, `refuted` or
// `unsourced` with a GRADE certainty and the reasons for every step. The
// rules are written down in docs/verdicts.md; this file is their code.
// Covered by tests/verdict/*.cc.
#ifndef CLAIMCHECK_VERDICT_H_
#define CLAIMCHECK_VERDICT_H_

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "claimcheck/claims.h"
#include "claimcheck/concepts.h"
#include "claimcheck/document.h"
#include "claimcheck/knowledge.h"
#include "claimcheck/status.h"
#include "claimcheck/store.h"

namespace claimcheck {

enum class VerdictWord { kSupported, kContested, kRefuted, kUnsourced };
// "supported", "contested", "refuted", "unsourced".
const char* VerdictName(VerdictWord verdict);
std::optional<VerdictWord> ParseVerdict(std::string_view name);

// GRADE's certainty, weakest first so that levels compare with <.
enum class Certainty { kVeryLow, kLow, kModerate, kHigh };
// "very low", "low", "moderate", "high".
const char* CertaintyName(Certainty certainty);
std::optional<Certainty> ParseCertainty(std::string_view name);

// The claim asked about, normalised.
struct ClaimQuery {
  ClaimKind kind = ClaimKind::kEffect;
  std::string subject;   // concept id
  std::string relation;  // "increases", "decreases", "modulates",
                         // "no_effect", or a kind's own relation
  std::string object;    // concept id; empty for dose claims
  // The amount a dose claim states; a curated dose claim whose amount does
  // not overlap it is not evidence on it.
  std::optional<Quantity> quantity;
  // A comparison the claim denies ("citrate is not better absorbed than
  // oxide"): judged as the comparison, its verdict and stances then turned
  // (docs/verdicts.md, "1. Comparisons").
  bool negated = false;
  // Who the claim is about ("children", "pregnant women"; empty: not
  // said): a dose is read against that group's reference values.
  std::string population;
};

// The query an extracted claim asks: its kind, concepts, relation and
// amount.
ClaimQuery QueryOf(const Claim& c);

// Where a piece of evidence comes from.
struct EvidenceSource {
  std::string id;     // "pmid:NNN", "doi:…", or "kb:STUDY" for a study of
                      // kb/ with neither
  std::string study;  // kb/studies.json id when curated
  std::string pmid;
  std::string doi;
  Design design = Design::kUnknown;
  std::optional<long long> n;
  std::optional<int> year;
  std::string title;
  std::string first_author;
  bool retracted = false;
};

// One source's evidence on the queried claim. One per source: a source that
// speaks to the claim through several curated claims or in several
// sentences is one item, its most direct reading.
struct Evidence {
  EvidenceSource source;
  bool curated = false;              // from kb/, else from an imported document
  Stance stance = Stance::kContext;  // towards the queried claim
  Directness directness = Directness::kDirect;
  // What the source found: the curated finding, or the sentence.
  std::string finding;
  std::string note;  // the curator's note on this stance, when curated
  // The claim the evidence was recorded on: a curated claim id, or the
  // stored claim's "subject relation object".
  std::string on_claim;
  std::string subject;  // the concept the source studied (form)
  std::string object;   // the outcome or mechanism it measured
  // Why it is less direct than the claim, in words ("another form:
  // magnesium oxide, not magnesium citrate"); empty when direct.
  std::vector<std::string> indirect;
  bool wrong_form = false;  // evidence on a sibling form
  // For imported evidence: the abstract section and sentence offsets.
  std::string section;
  std::size_t start = 0;
  std::size_t end = 0;

  // Whether it counts, and how much, once the rules ran.
  bool weighed = false;
  std::string not_weighed;  // why not: "context", "retracted", "included in
                            // mah2021", "background section", "mechanistic"
  Certainty level = Certainty::kVeryLow;  // this source alone, after its
                                          // own downgrades
  std::vector<std::string> steps;  // "rct: start high", "down one: n = 46"
};

// One link of a mechanism chain, with its own verdict.
struct ChainLink {
  std::string subject;
  std::string relation;
  std::string object;
  VerdictWord verdict = VerdictWord::kUnsourced;
  Certainty certainty = Certainty::kVeryLow;
};

// intervention -> mechanism -> outcome: never stronger than its weakest link.
struct Chain {
  std::vector<std::string> path;  // concept ids
  std::vector<ChainLink> links;
  VerdictWord verdict = VerdictWord::kUnsourced;
  Certainty certainty = Certainty::kVeryLow;
};

// Imported documents that make a claim the query reads but are not listed
// one by one (a store of millions holds thousands on one edge): counted on
// their side, never stronger than the listed ones of their design.
struct EvidenceTally {
  std::string subject;
  std::string relation;
  std::string object;
  Design design = Design::kUnknown;
  Stance stance = Stance::kContext;  // towards the queried claim
  long long documents = 0;
};

// An amount a dose claim names, read against the kb's reference values
// (docs/verdicts.md, "8. Doses against reference values").
struct DoseReading {
  std::string amount;  // "800 mg/day", "200-400 mg", as the claim says it
  // The top of the amount in mg a day; -1 when it is not a mass (IU, mmol)
  // or is given per something other than a day or a dose.
  double daily_mg = -1;
  double daily_mg_min = -1;      // the bottom of a range ("200-400 mg"), in mg
  bool per_day_assumed = false;  // no "a day": read as a daily amount
  // The upper limit (an `upper_limit`, else an `advice` maximum) of the
  // subject or of its nearest ancestor that has one ("magnesium" for
  // magnesium citrate), for adults (or everyone) when the kb has one for
  // them, the lowest of those; null when the kb has none in a mass a day.
  const ReferenceValue* upper_limit = nullptr;
  std::string limit_of;  // the concept id whose limit it is
  double limit_mg = -1;  // the limit in mg a day
  // How an amount in another unit was made a mass: "10000 IU is 250 mcg
  // (40 IU per mcg, kb vitd_iu_per_mcg)"; empty when it was one already.
  std::string converted;
  // daily_mg above the limit, and the amount not said to be of the
  // compound (200 mg of magnesium citrate holds some 30 mg of magnesium).
  bool above = false;
  // Whether the amount was compared with the limit: not when said of the
  // compound, not a mass a day, or a total intake against a limit on
  // supplements.
  bool compared = false;
  // How the amount of a form was read against its element's values: "read
  // as elemental magnesium, as labels give it; ..." or "said of the
  // compound: ..."; empty when the values are the subject's own.
  std::string basis_note;
  // The recommended intakes (RDA) for adults or everyone of the subject or
  // of its nearest ancestor that has some, and whose they are.
  std::vector<const ReferenceValue*> intakes;
  std::string intakes_of;
  // The group the claim names ("children", "pregnancy"; empty: adults, the
  // default) and whether the limit and the intakes shown are for it: a
  // child's question is never answered with the adults' limit. `group_note`
  // says how the group was read, for the reader.
  std::string group;
  bool limit_for_group = true;
  bool intakes_for_group = true;
  std::string group_note;
};

// The reference-value group (ReferenceValue::group) a claim's population
// names: "children" for "children", "kids"; "pregnancy" for "pregnant
// women"; empty for adults or none (docs/verdicts.md section 8).
std::string DoseGroup(std::string_view population);

// Reads `quantity` of `subject` against `knowledge`'s reference values for
// `population` (a claim's, "" for adults); nullopt when the subject is
// unknown.
std::optional<DoseReading> ReadDose(const Vocabulary& vocabulary,
                                    const Knowledge& knowledge,
                                    std::string_view subject,
                                    const Quantity& quantity,
                                    std::string_view population = {});

struct Judgement {
  ClaimQuery claim;
  VerdictWord verdict = VerdictWord::kUnsourced;
  Certainty certainty = Certainty::kVeryLow;
  // An effect claim with no human evidence but animal, in vitro or
  // mechanism evidence, or a supported chain: "plausible mechanism".
  bool plausible_mechanism = false;
  std::vector<Evidence> evidence;  // weighed first, strongest first
  std::vector<EvidenceTally> unlisted;
  std::vector<Chain> chains;
  std::vector<std::string> reasons;  // the steps, in order
  // "wrong_form" (the weighed evidence is on another form only),
  // "mechanism_only" (see plausible_mechanism).
  std::vector<std::string> flags;
  // A dose claim's amount against the reference values; none without an
  // amount.
  std::optional<DoseReading> dose;
};

// True when nothing in the knowledge base or the store links the claim's
// two concepts: a claim with an object, unsourced, with no source, no
// counted document and no chain (the reports
// say "outside the knowledge base"; docs/verdicts.md).
bool OutsideKnowledgeBase(const Judgement& judgement);

struct VerdictOptions {
  // Look for mechanism chains (intervention -> mechanism -> outcome).
  bool chains = true;
};

// Judges claims against the curated knowledge and, when given, a store of
// imported documents. Const after construction; one engine may judge many
// claims (not from several threads at once when it has a store). An engine
// remembers what it read from the store (edge counts, documents, what each
// pair of concept sets lists) for its life, so an article's claims do not
// read the same rows again. Each judgement reads one snapshot; an engine
// that outlives another process's write may mix what it remembers with
// rows read after the write (a document's claims are read per pair of
// concept sets), so make a new engine after a write: it sees the write.
class VerdictEngine {
 public:
  // `vocabulary`, `knowledge` and `store` (may be null) must outlive it.
  VerdictEngine(const Vocabulary& vocabulary, const Knowledge& knowledge,
                Store* store);
  ~VerdictEngine();
  VerdictEngine(const VerdictEngine&) = delete;
  VerdictEngine& operator=(const VerdictEngine&) = delete;

  // InvalidArgument for a subject or object the vocabulary does not know;
  // a store error as it came.
  Result<Judgement> Judge(const ClaimQuery& claim,
                          const VerdictOptions& options) const;
  Result<Judgement> Judge(const ClaimQuery& claim) const {
    return Judge(claim, VerdictOptions{});
  }

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace claimcheck

#endif  // CLAIMCHECK_VERDICT_H_
