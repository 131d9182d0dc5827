// Auditing an article: every claim it makes with its verdict and what is
// wrong with how the article says it (flags), the studies it cites matched
// to the knowledge base, the article's score and the rubric items a machine
// can check. The rules are written down in docs/audit.md; the writers for
// text, Markdown and HTML are in report.h. Covered by tests/report/*.cc.
#ifndef CLAIMCHECK_AUDIT_H_
#define CLAIMCHECK_AUDIT_H_

#include <array>
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
#include "claimcheck/knowledge.h"
#include "claimcheck/status.h"
#include "claimcheck/text.h"
#include "claimcheck/verdict.h"

namespace claimcheck {

// Flag names, as the JSON and every report spell them.
inline constexpr const char* kFlagOverstated = "overstated";
inline constexpr const char* kFlagUnnamedStudies = "unnamed_studies";
inline constexpr const char* kFlagWrongForm = "wrong_form";
inline constexpr const char* kFlagAboveUpperLimit = "above_upper_limit";
inline constexpr const char* kFlagCompoundVsElemental = "compound_vs_elemental";
inline constexpr const char* kFlagMechanismOnly = "mechanism_only";
inline constexpr const char* kFlagMisattributed = "misattributed";
// Every flag, in the order reports list them.
const std::vector<const char*>& AllAuditFlags();

// One thing wrong with how a claim is said, and why in words.
struct AuditFlag {
  std::string name;  // one of the kFlag… names
  std::string why;   // "said as established ('has been shown') over …"
};

// A study the article cites, as the article gives it, and the study of the
// knowledge base it names when there is one.
struct CitedSource {
  Citation citation;
  // The sentence it sits in (index into Text::sentences()); kNoSentence when
  // the importer did not place it (a link in the page's reference list).
  static constexpr std::size_t kNoSentence = static_cast<std::size_t>(-1);
  std::size_t sentence = kNoSentence;
  const Study* study = nullptr;  // null when the kb does not hold it
  // How it was matched: "pmid", "doi", "pmcid", "url", "author_year"; empty
  // when not matched.
  std::string matched_by;
};

struct AuditedClaim {
  Claim claim;
  Judgement judgement;  // verdict, certainty, evidence, chains, reasons
  std::vector<AuditFlag> flags;
  // Indexes into Audit::citations: the sources cited in the claim's sentence.
  std::vector<std::size_t> citations;

  bool HasFlag(std::string_view name) const;
};

// A rubric item the machine can check (../shared/rubrics/RUBRICS.md).
enum class RubricAnswer { kYes, kNo };
struct RubricItem {
  std::string id;        // "named_author", "date", "cited_sources", …
  std::string question;  // "Does it name its author?"
  std::string rubrics;   // where it comes from: "JAMA 1 (authorship)"
  RubricAnswer answer = RubricAnswer::kNo;
  // Whether the answer is the good one (product promotion: "no" is good).
  bool good = false;
  std::string evidence;  // what decided it: metadata, a sentence, a count
};

struct AuditSummary {
  // Claims per verdict, indexed by VerdictWord; they add up to the number of
  // claims.
  std::array<std::size_t, 4> verdicts{};
  // Claims carrying each flag, in AllAuditFlags() order.
  std::vector<std::size_t> flags;
  std::size_t claims = 0;
  std::size_t questions = 0;  // claims asked, not asserted: not scored
  std::size_t reported = 0;   // claims the article reports: not scored
  // Claims outside the knowledge base (OutsideKnowledgeBase): not scored.
  std::size_t outside = 0;
  std::size_t sentences = 0;
  // 0–100, by the formula in docs/audit.md (kScoreFormula); -1 when the
  // article asserts no claim or the score is withheld.
  int score = -1;
  // Why there is no score although claims were asserted ("the page is in
  // German; claimcheck reads English only"); empty otherwise.
  std::string score_withheld;
};

// The score's formula in one line, as the reports print it.
extern const char* const kScoreFormula;

// The language a page is written in, as far as the audit can tell.
struct LanguageGuess {
  // ISO 639-1 when known ("en", "de"), else the page's own code as it gave
  // it ("ja", "jpn"); empty when it cannot be told (too little text, or no
  // language stands out).
  std::string code;
  std::string name;  // "German"; empty for a code kb/languages.tsv lacks
  // "declared" (the page's lang attribute, a record's Language) or
  // "function words"; empty with an empty code.
  std::string source;
  bool english() const { return code.empty() || code == "en"; }
  // How it was told, for a reader: "declared by the page", "by its
  // function words".
  const char* how() const {
    return source == "declared" ? "declared by the page"
                                : "by its function words";
  }
};

struct Audit {
  std::vector<AuditedClaim> claims;    // in sentence order
  std::vector<CitedSource> citations;  // in document order
  AuditSummary summary;
  std::vector<RubricItem> rubric;
  LanguageGuess language;
  // What a reader must know before the verdicts, shown at the top of every
  // report: the page is not in English, no claim was found and why.
  std::vector<std::string> notes;
};

// What the audit reads of a document, as its importer gave it.
struct AuditInput {
  const Document* document = nullptr;
  const Text* text = nullptr;
  const std::vector<Claim>* claims = nullptr;
  // The citations placed in `text` and the sentence of each
  // (DocumentText::kNoSentence when none).
  const std::vector<Citation>* citations = nullptr;
  const std::vector<std::size_t>* citation_sentences = nullptr;
  // The concepts the text names (the extractor's mentions), to say why no
  // claim was found; may be null.
  const std::vector<Mention>* mentions = nullptr;
};

// One language the audit can tell a page is written in (kb/languages.tsv,
// kb/FORMAT.md part 6; docs/audit.md, "Language").
struct LanguageWords {
  std::string name;                // "German"
  std::vector<std::string> codes;  // ISO 639-2 codes: "ger", "deu"
  std::vector<std::string> words;  // function words, lower case
  bool operator==(const LanguageWords& other) const = default;
  template <class Archive>
  void serialize(Archive& archive) {
    archive(name, codes, words);
  }
};

// The audit's word lists: the cue phrases of the rubric items a sentence
// can answer (kb/rubric_cues.tsv, kb/FORMAT.md part 5; docs/audit.md,
// "Rubric"), by item, in file order, and the languages a page may be in
// (kb/languages.tsv, part 6). Immutable once loaded.
class AuditCues {
 public:
  // The items that take cues, in the order docs/audit.md lists them.
  static const std::vector<std::string>& Items();
  // Reads kb_dir/rubric_cues.tsv and kb_dir/languages.tsv. Problems (an
  // unknown item, a cue not in lower case or empty, one listed twice, an
  // item without cues, a row without its fields; a language code that is
  // not two letters, an unknown kind, a language without a name or words,
  // no English), each with the file and line, make it Corruption; NotFound
  // without a file. `out` is set only when clean.
  static Status Load(const std::string& kb_dir, AuditCues* out,
                     Diagnostics* problems);
  // The cues of `item` (empty for an item that is not one of Items()).
  const std::vector<std::string>& CuesOf(std::string_view item) const;
  // The languages by ISO 639-1 code ("en", "de").
  const std::map<std::string, LanguageWords, std::less<>>& languages() const {
    return languages_;
  }
  // As bytes, for a kb snapshot, and back (nullopt: not such bytes).
  std::string Save() const;
  static std::optional<AuditCues> FromSaved(std::string_view saved);
  bool operator==(const AuditCues& other) const = default;

 private:
  std::map<std::string, std::vector<std::string>, std::less<>> cues_;
  std::map<std::string, LanguageWords, std::less<>> languages_;
};

// The language of `text`: the document's declared language (`declared`:
// an HTML lang attribute such as "de-DE", or PubMed's "ger") when it gives
// one, else the function words of the first 20 KB. docs/audit.md,
// "Language".
LanguageGuess GuessLanguage(const AuditCues& cues, std::string_view declared,
                            const Text& text);

// Audits one document. Every claim gets a verdict: effect, mechanism, dose,
// comparison, safety and onset claims through `engine`; composition claims
// ("magnesium is a mineral") against the vocabulary's categories; the
// rubric items answer from the metadata, the claims and `cues`. A store
// error from the engine is returned as it came.
Result<Audit> AuditDocument(const AuditInput& input,
                            const Vocabulary& vocabulary,
                            const Knowledge& knowledge, const AuditCues& cues,
                            const VerdictEngine& engine);

}  // namespace claimcheck

#endif  // CLAIMCHECK_AUDIT_H_
