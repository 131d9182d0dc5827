// Pieces the audit writers share: a claim and a piece of evidence in words,
// the verdict of a sentence with several claims.
#ifndef CLAIMCHECK_SRC_REPORT_AUDIT_COMMON_H_
#define CLAIMCHECK_SRC_REPORT_AUDIT_COMMON_H_

#include <cstddef>
#include <string>
#include <vector>

#include "claimcheck/report.h"

namespace claimcheck::report {

// What the Claims section says when there is none (the reason is among the
// notes at the top).
inline constexpr const char* kNoClaims = "None: see the note at the top.";

// "German (de)" for a page not in English; "" for English or unknown.
std::string LanguageLine(const LanguageGuess& language);

// "PMID 123", "doi 10.…", or the kb id.
std::string SourceId(const EvidenceSource& source);
// "RCT, Abbasi 2012, PMID 23853635, n = 46": design and identity.
std::string SourceWords(const EvidenceSource& source);
// SourceWords in three pieces, so a report can link the id: before
// ("RCT, Abbasi 2012, "), id ("PMID 23853635"), after (", n = 46"), and
// the id's page (PubmedUrl or DoiUrl; empty for a kb id).
struct SourceParts {
  std::string before;
  std::string id;
  std::string after;
  std::string url;
};
SourceParts SourceWordParts(const EvidenceSource& source);
// "supports; low" or "no_effect; not weighed: context".
std::string StanceWords(const Evidence& evidence);
// The evidence worth showing first: weighed items (strongest first, as the
// engine ordered them), at most `max`.
std::vector<const Evidence*> TopEvidence(const Judgement& judgement,
                                         std::size_t max);
inline constexpr const char* kOutsideWords =
    "none: outside the knowledge base (no study links these concepts)";
// "2 of 7 sources weighed" for a claim; kOutsideWords for one outside the
// knowledge base.
std::string EvidenceCount(const Judgement& judgement);
// "plain", "hedged ('may')", "assertive ('has been shown')", with
// ", question", ", negated", ", reported ('Social feeds promise that')" and
// the attribution when not none.
std::string HowSaid(const Claim& claim);
// " (2 asked as questions, 1 reported from others)": the claims the score
// leaves out; "" when there are none.
std::string UnscoredWords(const AuditSummary& summary);

// The claims of one sentence, as indexes into Audit::claims.
struct SentenceClaims {
  std::size_t sentence = 0;
  std::vector<std::size_t> claims;
  // The verdict to paint the sentence with: the worst of its claims
  // (refuted, then contested, unsourced, supported).
  VerdictWord verdict = VerdictWord::kSupported;
};
std::vector<SentenceClaims> GroupBySentence(const Audit& audit);

// "supported" -> "v-supported".
std::string VerdictClass(VerdictWord verdict);

}  // namespace claimcheck::report

#endif  // CLAIMCHECK_SRC_REPORT_AUDIT_COMMON_H_
