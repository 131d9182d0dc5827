// The words of the claim enums (one table each) and the identity of a
// claim.
#include "base/word_table.h"
#include "claimcheck/claims.h"

namespace claimcheck {

namespace {

constexpr WordTable<ClaimKind, 7> kKindWords{{{
    {ClaimKind::kEffect, "effect"},
    {ClaimKind::kMechanism, "mechanism"},
    {ClaimKind::kDose, "dose"},
    {ClaimKind::kComparison, "comparison"},
    {ClaimKind::kSafety, "safety"},
    {ClaimKind::kOnset, "onset"},
    {ClaimKind::kComposition, "composition"},
}}};
static_assert(kKindWords.InEnumOrder());

constexpr WordTable<Hedging, 3> kHedgingWords{{{
    {Hedging::kHedged, "hedged"},
    {Hedging::kPlain, "plain"},
    {Hedging::kAssertive, "assertive"},
}}};
static_assert(kHedgingWords.InEnumOrder());

constexpr WordTable<Attribution, 3> kAttributionWords{{{
    {Attribution::kNone, "none"},
    {Attribution::kUnnamed, "unnamed"},
    {Attribution::kCited, "cited"},
}}};
static_assert(kAttributionWords.InEnumOrder());

}  // namespace

const char* ClaimKindName(ClaimKind kind) {
  return kKindWords.Name(kind, "effect");
}
std::optional<ClaimKind> ParseClaimKind(std::string_view name) {
  return kKindWords.Parse(name);
}
const std::vector<ClaimKind>& AllClaimKinds() {
  static const std::vector<ClaimKind> all = kKindWords.All();
  return all;
}

const std::vector<std::string>& RelationsOf(ClaimKind kind) {
  // docs/claims.md and kb/FORMAT.md: what the extractor writes and what the
  // curated claims use.
  static const std::vector<std::string> kCausal = {kIncreases, kDecreases,
                                                   kModulates, kNoEffect};
  static const std::vector<std::string> kDose = {"dose", "recommended_intake",
                                                 "upper_limit", "safe_dose"};
  static const std::vector<std::string> kComparison = {
      "more_bioavailable_than", "better_tolerated_than", "enhances_effect_of"};
  static const std::vector<std::string> kSafety = {
      kIncreases,           kDecreases,       kModulates,       kNoEffect,
      "contraindicated_in", "interacts_with", "well_tolerated", "laxative"};
  static const std::vector<std::string> kOnset = {"onset_within"};
  static const std::vector<std::string> kComposition = {"is_a", "is_not_a",
                                                        "contains", "is_not"};
  switch (kind) {
    case ClaimKind::kEffect:
    case ClaimKind::kMechanism:
      return kCausal;
    case ClaimKind::kDose:
      return kDose;
    case ClaimKind::kComparison:
      return kComparison;
    case ClaimKind::kSafety:
      return kSafety;
    case ClaimKind::kOnset:
      return kOnset;
    case ClaimKind::kComposition:
      return kComposition;
  }
  return kCausal;
}

const char* HedgingName(Hedging hedging) {
  return kHedgingWords.Name(hedging, "plain");
}
std::optional<Hedging> ParseHedging(std::string_view name) {
  return kHedgingWords.Parse(name);
}

const char* AttributionName(Attribution attribution) {
  return kAttributionWords.Name(attribution, "none");
}
std::optional<Attribution> ParseAttribution(std::string_view name) {
  return kAttributionWords.Parse(name);
}

std::shared_ptr<const Concept> LiteralConcept(std::string_view words,
                                              ConceptKind kind) {
  auto c = std::make_shared<Concept>();
  c->id = std::string(kLiteralPrefix);
  std::string word;
  auto flush = [&] {
    if (word.empty()) return;
    if (c->id.size() > kLiteralPrefix.size()) c->id += ' ';
    c->id += FoldToken(word);
    word.clear();
  };
  for (const char ch : words) {
    if (ch == ' ' || ch == '\t' || ch == '\n') {
      flush();
    } else {
      word += ch;
    }
  }
  flush();
  c->label = std::string(words);
  c->kind = kind;
  c->source = ConceptSource::kLiteral;
  return c;
}

std::string ClaimKey(const Claim& claim) {
  std::string key = ClaimKindName(claim.kind);
  key += ':';
  key += claim.subject ? claim.subject->id : "";
  key += ' ';
  key += claim.relation;
  key += ' ';
  if (claim.object) {
    key += claim.object->id;
  } else if (!claim.category.empty()) {
    key += "category:" + claim.category;
  }
  return key;
}

}  // namespace claimcheck
